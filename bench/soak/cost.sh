#!/usr/bin/env bash
# bench/soak/cost.sh — the CPU time `twin serve examples/stripe` spends per request on each operation of the soak
# (bench/soak.sh), as the launcher runs it: the figure that says where the stateful mix's time goes and that moves
# much less than req/s or latency with whatever else runs on the machine.
#
#   bash bench/soak/cost.sh                     # every operation, 64 connections
#   ROUNDS=3 OPERATIONS="stateless get" bash bench/soak/cost.sh
#   TWIN_JAR=/path/to/other/twin.jar bash bench/soak/cost.sh   # another build, for a before/after comparison
#
# One twin; a warm-up of the whole mix (JIT, tables filled), then per operation WARMUP s of it alone and DURATION s
# measured: req/s, and the CPU time of the whole JVM (event loops, GC, JIT) per answered request, from /proc. Each
# operation runs over the tenants' rows the warm-up made (bench/soak/stateful-mix.lua with SOAK_MIX):
#   stateless      GET /v1/tax_codes/{id}: a spec answer, no table
#   get            GET /v1/customers/{id}
#   list           GET /v1/customers?limit=10 (a page of 10 rows)
#   update         POST /v1/customers/{id} (name=...)
#   create+delete  POST /v1/customers and DELETE /v1/customers/{id}, half each
#   mix            the soak's mix (20% create, 40% get, 10% list, 10% update, 20% delete)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONNECTIONS=${CONNECTIONS:-64}; WARMUP=${WARMUP:-5}; DURATION=${DURATION:-10}; ROUNDS=${ROUNDS:-1}
PORT=${PORT:-18192}; TENANTS=${TENANTS:-100}
OPERATIONS=${OPERATIONS:-"stateless get list update create+delete mix"}
OUT=$(mktemp -d -t twin-cost.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is required (bench/soak.sh installs it)" >&2; exit 1; }
if [ -n "${TWIN_JAR:-}" ]; then export TWIN_JAR; else
  "$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
fi

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
[ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }
TWIN_HOME="$OUT/home" "$ROOT/twin" serve "$ROOT/examples/stripe" --port "$PORT" > "$OUT/serve.log" 2>&1 < /dev/null &
launched=$!
for _ in $(seq 1 1500); do
  curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_cost' "http://127.0.0.1:$PORT/v1/balance" && break
  kill -0 "$launched" 2>/dev/null || break
  sleep 0.02
done
pid=$(listener)
[ -n "$pid" ] || { echo "twin did not start (see $OUT/serve.log)" >&2; cat "$OUT/serve.log" >&2; exit 1; }
trap 'kill "$pid" 2>/dev/null; wait "$launched" 2>/dev/null; rm -rf "$OUT"' EXIT

export SOAK_TENANTS_PER_THREAD=$(( (TENANTS + 1) / 2 ))
mix_of() {
  case "$1" in
    stateless) echo "stateless=100" ;;
    get) echo "get=100" ;;
    list) echo "list=100" ;;
    update) echo "update=100" ;;
    create+delete) echo "create=50,delete=50" ;;
    mix) echo "create=20,get=40,list=10,update=10,delete=20" ;;
  esac
}
load() { # mix seconds -> wrk's output
  SOAK_MIX=$1 timeout $(($2 + 60)) wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$ROOT/bench/soak/stateful-mix.lua" \
    "http://127.0.0.1:$PORT" 2>&1
}
load "$(mix_of mix)" 20 > /dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $CONNECTIONS connections, $TENANTS tenants"
for round in $(seq 1 "$ROUNDS"); do
  line="round $round:"
  for operation in $OPERATIONS; do
    load "$(mix_of "$operation")" "$WARMUP" > /dev/null
    c0=$(cpu_ticks "$pid")
    out=$(load "$(mix_of "$operation")" "$DURATION")
    c1=$(cpu_ticks "$pid")
    n=$(echo "$out" | awk '/requests in/{print $1}')
    errors=$(echo "$out" | awk '/Non-2xx or 3xx responses:/{n += $NF} /Socket errors:/{gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
    line="$line $operation $(echo "$out" | awk '/^Requests\/sec:/{printf "%d", $2}') req/s $(awk -v c=$((c1 - c0)) \
      -v n="${n:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN{if (n > 0) printf "%.0f", c * 1e6 / hz / n; else print "-"}') us/req"
    [ "$errors" = 0 ] || line="$line ($errors errors)"
    line="$line;"
  done
  echo "$line load average $(cut -d' ' -f1 /proc/loadavg)"
done
