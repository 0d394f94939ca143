#!/usr/bin/env bash
# bench/stripe-depth.sh — examples/stripe after the billing depth of issue #14: its stateful create+get beside the
# same figure of the build this branch left main at (with that build's examples/stripe), and a subscription-create
# figure beside them, in one run.
#
#   bash bench/stripe-depth.sh                  # 3 rounds
#   ROUNDS=1 WARMUP=10 DURATION=5 bash bench/stripe-depth.sh   # a smoke run
#   BASE= bash bench/stripe-depth.sh            # this tree's build only
#
# Per round, fresh twins one after the other: BASE's build serving BASE's examples/stripe, then this tree's build
# serving this examples/stripe (stateful: auto, test cards, billing). For each: launch to the first correct GET
# /v1/balance (wall time, and the process's CPU by then); after WARMUP s, wrk -t2 -c64 for DURATION s of the
# create+get mix of bench/stripe/create-get.lua (POST /v1/customers, GET of the customer just created), with the CPU
# per answered request of the whole JVM. This tree's twin then makes 40 tenants (a customer with pm_card_visa as its
# default card and a monthly price each) and runs bench/stripe/subscription-create.lua the same way. On this shared
# 2-core machine req/s moves with whatever else runs: compare within a round, and the CPU per request.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${ROUNDS:-3}; WARMUP=${WARMUP:-20}; DURATION=${DURATION:-10}; PORT=${PORT:-18193}; TENANTS=${TENANTS:-40}
BASE=${BASE-$(git -C "$ROOT" merge-base HEAD main 2>/dev/null)}
OUT=$(mktemp -d -t twin-depth.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is required (bench/serve.sh installs it)" >&2; exit 1; }
"$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
THIS_JAR="$ROOT/cli/target/twin.jar"
BASE_JAR=""
if [ -n "$BASE" ]; then
  BASE=$(git -C "$ROOT" rev-parse --short "$BASE"); echo "building $BASE beside this tree" >&2
  mkdir -p "$OUT/base"; git -C "$ROOT" archive "$BASE" | tar -x -C "$OUT/base"
  if (cd "$OUT/base" && mvn -B -q -o -DskipTests package -pl cli -am > "$OUT/base-build.log" 2>&1); then
    BASE_JAR="$OUT/base/cli/target/twin.jar"
  else
    echo "$BASE did not build (see $OUT/base-build.log): measuring this tree only" >&2
  fi
fi

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
mix() { # pid lua -> "req/s cpu-us-per-request non-2xx"
  local pid=$1 lua=$2 c0 c1 out n
  timeout $((WARMUP + 30)) wrk -t2 -c64 -d"${WARMUP}s" -s "$lua" "http://127.0.0.1:$PORT" > /dev/null 2>&1
  c0=$(cpu_ticks "$pid")
  out=$(timeout $((DURATION + 30)) wrk -t2 -c64 -d"${DURATION}s" -s "$lua" "http://127.0.0.1:$PORT" 2>&1)
  c1=$(cpu_ticks "$pid")
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$(echo "$out" | awk '/^Requests\/sec:/{printf "%d", $2}') $(awk -v c=$((c1 - c0)) -v n="${n:-0}" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN{if (n > 0) printf "%.1f", c * 1e6 / hz / n; else print "-"}') \
    $(echo "$out" | awk '/Non-2xx/{print $NF; f=1} END{if (!f) print 0}')"
}
start() { # jar example-dir -> pid; prints the launch
  local jar=$1 dir=$2 pid t0
  [ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }
  t0=$(date +%s%N)
  TWIN_HOME="$OUT/home" java -XX:+UseSerialGC -jar "$jar" serve "$dir" --port "$PORT" > "$OUT/twin.log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_bench' "http://127.0.0.1:$PORT/v1/balance" && break
    sleep 0.02
  done
  [ "$(listener)" = "$pid" ] || { echo "twin did not start (see $OUT/twin.log)" >&2; exit 1; }
  LAUNCH="$(awk -v n="$(( $(date +%s%N) - t0 ))" 'BEGIN{printf "%.2f", n / 1e9}') s, $(awk -v t="$(cpu_ticks "$pid")" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t / hz}') CPU s"
  PID=$pid
}
stop() { kill "$1"; for _ in $(seq 1 100); do [ -z "$(listener)" ] && break; sleep 0.1; done; }
tenants() { # -> the TENANTS file: api-key customer price, one tenant a line
  : > "$OUT/tenants.txt"
  for i in $(seq 1 "$TENANTS"); do
    local key="sk_test_subs_$i" b="http://127.0.0.1:$PORT/v1" cus pm price
    cus=$(curl -s "$b/customers" -u "$key:" -d email="bench$i@example.com" | grep -o '"id":"cus_[A-Za-z0-9]*"' | head -1 | cut -d'"' -f4)
    pm=$(curl -s "$b/payment_methods/pm_card_visa/attach" -u "$key:" -d customer="$cus" | grep -o '"id":"pm_[A-Za-z0-9]*"' | head -1 | cut -d'"' -f4)
    curl -s -o /dev/null "$b/customers/$cus" -u "$key:" -d "invoice_settings[default_payment_method]=$pm"
    price=$(curl -s "$b/prices" -u "$key:" -d currency=usd -d unit_amount=1000 -d "recurring[interval]=month" \
      -d "product_data[name]=Pro" | grep -o '"id":"price_[A-Za-z0-9]*"' | head -1 | cut -d'"' -f4)
    echo "$key $cus $price" >> "$OUT/tenants.txt"
  done
}

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg):"
  if [ -n "$BASE_JAR" ]; then
    start "$BASE_JAR" "$OUT/base/examples/stripe"
    read -r rps us bad <<< "$(mix "$PID" "$ROOT/bench/stripe/create-get.lua")"
    stop "$PID"
    echo "  $BASE examples/stripe: launch $LAUNCH; create+get $rps req/s ($us us CPU/req, non-2xx $bad)"
  fi
  start "$THIS_JAR" "$ROOT/examples/stripe"
  read -r rps us bad <<< "$(mix "$PID" "$ROOT/bench/stripe/create-get.lua")"
  tenants
  read -r srps sus sbad <<< "$(TENANTS="$OUT/tenants.txt" mix "$PID" "$ROOT/bench/stripe/subscription-create.lua")"
  stop "$PID"
  echo "  this examples/stripe: launch $LAUNCH; create+get $rps req/s ($us us CPU/req, non-2xx $bad);" \
    "subscription create $srps req/s ($sus us CPU/req, non-2xx $sbad)"
  echo "  load average after the round $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -rf "$OUT"
