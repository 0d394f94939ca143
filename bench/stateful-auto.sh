#!/usr/bin/env bash
# bench/stateful-auto.sh — stateful: auto on Stripe's spec beside the stateless answer of the same twin, and beside
# examples/stripe (hand-written tables and bindings), in one run.
#
#   bash bench/stateful-auto.sh                 # 3 rounds
#   ROUNDS=5 WARMUP=30 bash bench/stateful-auto.sh
#   TWIN_JAR=path/to/twin.jar bash bench/stateful-auto.sh
#
# Per round, two fresh twins one after the other: `serve examples/stripe`, then `serve --spec spec3.json
# --stateful` (no twin.yaml: customers are a table stateful: auto derived from the spec). For each: launch to the
# first correct GET /v1/balance (wall time, and the process's CPU time by then); after a warm-up (WARMUP s, 20 by default: the create path's JIT warm-up is long),
# wrk -t2 -c64 for DURATION s of GET /v1/balance (stateless in both) and of the create+get mix of
# bench/stripe/create-get.lua (POST /v1/customers, GET of the customer just created; each wrk thread its own
# tenant, reset every 4,000 creates), with the CPU time per answered request of the whole JVM and of its GC thread.
# On this shared 2-core machine req/s moves with whatever else runs: compare the ratios within one round and the
# CPU per request. Prints the load average before and after each round.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${ROUNDS:-3}; WARMUP=${WARMUP:-20}; DURATION=${DURATION:-10}; PORT=${PORT:-18191}
OUT=$(mktemp -d -t twin-auto.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is required (bench/serve.sh installs it)" >&2; exit 1; }
if [ -z "${TWIN_JAR:-}" ]; then
  "$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
  TWIN_JAR="$ROOT/cli/target/twin.jar"
fi

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
thread_ticks() { # pid name-pattern -> CPU ticks of the matching threads (Serial GC runs in the "VM Thread")
  for t in /proc/"$1"/task/*; do grep -q -- "$2" "$t/comm" && sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}'; done \
    | awk '{s += $1} END {print s + 0}'
}
mix() { # pid lua -> "req/s cpu-us-per-request gc-us-per-request"
  local pid=$1 lua=$2 c0 g0 c1 g1 out n
  timeout $((WARMUP + 30)) wrk -t2 -c64 -d"${WARMUP}s" -s "$lua" "http://127.0.0.1:$PORT" > /dev/null 2>&1
  c0=$(cpu_ticks "$pid"); g0=$(thread_ticks "$pid" "VM Thread")
  out=$(timeout $((DURATION + 30)) wrk -t2 -c64 -d"${DURATION}s" -s "$lua" "http://127.0.0.1:$PORT" 2>&1)
  c1=$(cpu_ticks "$pid"); g1=$(thread_ticks "$pid" "VM Thread")
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$(echo "$out" | awk '/^Requests\/sec:/{printf "%d", $2}') $(awk -v c=$((c1 - c0)) -v g=$((g1 - g0)) -v n="${n:-0}" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN{if (n > 0) printf "%.1f %.1f", c * 1e6 / hz / n, g * 1e6 / hz / n; else print "- -"}')"
}
twin() { # label serve-arguments... -> one line: launch, stateless GET, create+get, their ratio
  local label=$1 pid t0 launch s_rps s_us s_gc m_rps m_us m_gc; shift
  [ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }
  t0=$(date +%s%N)
  TWIN_HOME="$OUT/home" java -XX:+UseSerialGC -jar "$TWIN_JAR" serve "$@" --port "$PORT" \
    > "$OUT/twin.log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_bench' "http://127.0.0.1:$PORT/v1/balance" && break
    sleep 0.02
  done
  # wall time, and the CPU the whole process (JIT and GC threads included) had used by its first correct answer
  launch="$(awk -v n="$(( $(date +%s%N) - t0 ))" 'BEGIN{printf "%.2f", n / 1e9}') s, $(awk -v t="$(cpu_ticks "$pid")" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t / hz}') CPU s"
  [ "$(listener)" = "$pid" ] || { echo "twin did not start (see $OUT/twin.log)" >&2; exit 1; }
  read -r s_rps s_us s_gc <<< "$(mix "$pid" "$ROOT/bench/stripe/stateless.lua")"
  read -r m_rps m_us m_gc <<< "$(mix "$pid" "$ROOT/bench/stripe/create-get.lua")"
  kill "$pid"; for _ in $(seq 1 100); do [ -z "$(listener)" ] && break; sleep 0.1; done
  echo "  $label: launch $launch; stateless GET $s_rps req/s ($s_us us CPU/req, GC $s_gc);" \
    "create+get $m_rps req/s ($m_us us CPU/req, GC $m_gc);" \
    "stateful = $(awk -v a="$m_rps" -v b="$s_rps" 'BEGIN{if (b > 0) printf "%d", 100 * a / b}')% of stateless"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg):"
  twin "examples/stripe (tables and bindings written)" "$ROOT/examples/stripe"
  twin "--spec spec3.json (stateless)" --spec "$ROOT/examples/stripe/spec3.json"
  twin "--spec spec3.json --stateful (stateful: auto)" --spec "$ROOT/examples/stripe/spec3.json" --stateful
  echo "  load average after the round $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -rf "$OUT"
