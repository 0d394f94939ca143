#!/usr/bin/env bash
# bench/serve-load.sh — the serving load part of bench/serve.sh alone, quick to repeat while tuning the hot path.
#
#   bash bench/serve-load.sh                    # ceiling, twin, tuned WireMock; 3 rounds in alternating order
#   ROUNDS=5 SERVERS="ceiling twin" bash bench/serve-load.sh
#   TWIN_OPTS="-XX:+UseSerialGC -Dio.netty.eventLoopThreads=2" bash bench/serve-load.sh   # twin's JVM flags
#   STRIPE=1 bash bench/serve-load.sh           # twin on examples/stripe: stateless GET vs stateful create+get
#
# Per server and round: a fresh process, wrk -t2 -c64 GET /pets/1 (WARMUP s, then DURATION s measured), and the
# CPU time the server process used per answered request during the measured part (from /proc). On this shared
# 2-core machine req/s moves with whatever else runs; compare the ratios of one round, and the CPU per request,
# which depends much less on the other load. Prints one line per round with the load average.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TWIN_BENCH_CACHE:-$HOME/.cache/twin-bench}"
ROUNDS=${ROUNDS:-3}; WARMUP_SET=${WARMUP:-}; WARMUP=${WARMUP:-8}; DURATION=${DURATION:-10}; PORT=${PORT:-18190}
SERVERS=${SERVERS:-"ceiling twin wiremock"}
WIREMOCK_JAR="$CACHE/wiremock-standalone-3.13.2.jar"
OUT=$(mktemp -d -t twin-load.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is required (bench/serve.sh installs it)" >&2; exit 1; }
# TWIN_JAR=path/to/twin.jar measures that build instead of the one ./twin builds
if [ -z "${TWIN_JAR:-}" ]; then
  "$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
  TWIN_JAR="$ROOT/cli/target/twin.jar"
fi
[ -s "$WIREMOCK_JAR" ] || SERVERS=${SERVERS//wiremock/}
mkdir -p "$OUT/wm/mappings"; cp "$ROOT/bench/wiremock/mappings/"*.json "$OUT/wm/mappings/"

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # name -> "req/s cpu-us-per-request"
  local name=$1 pid out c0 c1 n
  [ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; return 1; }
  case "$name" in
    ceiling) java -cp "$TWIN_JAR" "$ROOT/bench/ceiling/FixedBodyServer.java" "$PORT" ;;
    twin) java ${TWIN_OPTS:--XX:+UseSerialGC} -jar "$TWIN_JAR" serve --spec "$ROOT/bench/specs/petstore.yaml" --port "$PORT" ;;
    wiremock) java -jar "$WIREMOCK_JAR" --port "$PORT" --bind-address 127.0.0.1 --root-dir "$OUT/wm" --disable-banner \
                --no-request-journal --disable-request-logging --container-threads 8 ;;
  esac > "$OUT/$name.log" 2>&1 < /dev/null &
  for _ in $(seq 1 1500); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/pets/1" && break; sleep 0.02; done
  pid=$(listener)
  [ -n "$pid" ] || { echo "$name did not start (see $OUT/$name.log)" >&2; return 1; }
  timeout $((WARMUP + 30)) wrk -t2 -c64 -d"${WARMUP}s" "http://127.0.0.1:$PORT/pets/1" > /dev/null 2>&1
  c0=$(cpu_ticks "$pid")
  out=$(timeout $((DURATION + 30)) wrk -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$PORT/pets/1" 2>&1)
  c1=$(cpu_ticks "$pid")
  kill "$pid"; for _ in $(seq 1 100); do [ -z "$(listener)" ] && break; sleep 0.1; done
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$(echo "$out" | awk '/^Requests\/sec:/{printf "%d", $2}') $(awk -v c=$((c1 - c0)) -v n="${n:-0}" -v hz="$(getconf CLK_TCK)" \
    'BEGIN{if (n > 0) printf "%.1f", c * 1e6 / hz / n; else print "-"}')"
}
# ------------------------------------------------------------------ STRIPE=1: stateful create+get vs stateless GET
# One twin on examples/stripe per round; after a warm-up of each mix, GET /v1/balance and then the create+get mix
# (POST /v1/customers, GET of the customer just created), each with the CPU per request of the whole JVM and the
# share of its GC thread (Serial GC: "VM Thread"). Each wrk thread is its own tenant and resets it every 4000
# creates: a tenant's table holds at most 10000 rows, after which every create would measure the 400 "table is
# full". The create path runs much more code than a spec GET, so its JIT warm-up takes longer: WARMUP 20 s.
thread_ticks() { # pid name-pattern -> CPU ticks of the matching threads
  for t in /proc/"$1"/task/*; do grep -q -- "$2" "$t/comm" && sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}'; done \
    | awk '{s += $1} END {print s + 0}'
}
stripe_mix() { # pid lua -> "req/s cpu-us-per-request gc-us-per-request"
  local pid=$1 lua=$2 c0 g0 c1 g1 out n
  timeout $((WARMUP + 30)) wrk -t2 -c64 -d"${WARMUP}s" -s "$lua" "http://127.0.0.1:$PORT" > /dev/null 2>&1
  c0=$(cpu_ticks "$pid"); g0=$(thread_ticks "$pid" "VM Thread")
  out=$(timeout $((DURATION + 30)) wrk -t2 -c64 -d"${DURATION}s" -s "$lua" "http://127.0.0.1:$PORT" 2>&1)
  c1=$(cpu_ticks "$pid"); g1=$(thread_ticks "$pid" "VM Thread")
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$(echo "$out" | awk '/^Requests\/sec:/{printf "%d", $2}') $(awk -v c=$((c1 - c0)) -v g=$((g1 - g0)) -v n="${n:-0}" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN{if (n > 0) printf "%.1f %.1f", c * 1e6 / hz / n, g * 1e6 / hz / n; else print "- -"}')"
}
if [ -n "${STRIPE:-}" ]; then
  [ -n "${WARMUP_SET:-}" ] || WARMUP=${STRIPE_WARMUP:-20}
  for round in $(seq 1 "$ROUNDS"); do
    [ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }
    TWIN_HOME="$OUT/home" java ${TWIN_OPTS:--XX:+UseSerialGC} -jar "$TWIN_JAR" serve "$ROOT/examples/stripe" \
      --port "$PORT" > "$OUT/stripe.log" 2>&1 < /dev/null &
    for _ in $(seq 1 1500); do
      curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_bench' "http://127.0.0.1:$PORT/v1/balance" && break
      sleep 0.02
    done
    pid=$(listener)
    [ -n "$pid" ] || { echo "twin did not start (see $OUT/stripe.log)" >&2; exit 1; }
    read -r s_rps s_us s_gc <<< "$(stripe_mix "$pid" "$ROOT/bench/stripe/stateless.lua")"
    read -r m_rps m_us m_gc <<< "$(stripe_mix "$pid" "$ROOT/bench/stripe/create-get.lua")"
    kill "$pid"; for _ in $(seq 1 100); do [ -z "$(listener)" ] && break; sleep 0.1; done
    echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg): stateless GET $s_rps req/s ($s_us us CPU/req," \
      "GC $s_gc); create+get $m_rps req/s ($m_us us CPU/req, GC $m_gc);" \
      "stateful = $(awk -v a="$m_rps" -v b="$s_rps" 'BEGIN{if (b > 0) printf "%d", 100 * a / b}')% of stateless"
  done
  rm -rf "$OUT"
  exit 0
fi

for round in $(seq 1 "$ROUNDS"); do
  order=($SERVERS); [ $((round % 2)) = 0 ] && order=($(printf '%s\n' $SERVERS | tac))
  line="round $round, load average $(cut -d' ' -f1-3 /proc/loadavg):"
  declare -A RPS=()
  for s in "${order[@]}"; do
    read -r rps us <<< "$(run "$s")"
    RPS[$s]=${rps:-0}; line="$line $s ${rps:-?} req/s (${us:-?} us CPU/req);"
  done
  [ "${RPS[ceiling]:-0}" -gt 0 ] && [ -n "${RPS[twin]:-}" ] && line="$line twin = $(( 100 * RPS[twin] / RPS[ceiling] ))% of ceiling"
  [ "${RPS[wiremock]:-0}" -gt 0 ] && [ -n "${RPS[twin]:-}" ] && line="$line, $(awk -v a="${RPS[twin]}" -v b="${RPS[wiremock]}" 'BEGIN{printf "%.2f", a/b}')x WireMock"
  echo "$line"
done
rm -rf "$OUT"
