#!/usr/bin/env bash
# bench/soak.sh — a long, wide, stateful load on `twin serve examples/stripe` as the launcher runs it (256 MB heap,
# 512 KB thread stacks), reporting errors, p99 latency and the resident set from start to end.
#
#   bash bench/soak.sh                                  # 1,000 connections, 60 s, 100 tenants
#   CONNECTIONS=200 DURATION=20 bash bench/soak.sh      # a quick one
#   TWIN_JAR=/path/to/other/twin.jar bash bench/soak.sh # another build (the launcher's flags still apply)
#
# Phases, one process: WARMUP s of the stateful mix (JIT, tables and event logs fill to their steady size), then
# STATELESS s of GET /v1/tax_codes/{id} (a spec-only answer, the id echoed: the p99 a stateless answer gets at this
# concurrency), then DURATION s of the stateful mix (bench/soak/stateful-mix.lua: creates, reads, lists, updates and
# deletes over many tenants, rows level). The resident set is sampled every 5 s of the measured mix. Targets
# (issue #18): 0 errors, RSS flat after warm-up, create/get p99 within 5x the stateless p99.
#
# Latency two ways. wrk's own figures have been through its correction for coordinated omission (each latency above
# two expected intervals also counts as the latencies of the requests its connection did not send meanwhile), and
# it has them for all requests only. The lua script times every request itself and prints, per operation and for
# creates and gets together, the p99 of the requests as sent ("raw") and the p99 after wrk's correction, so the
# create/get p99 compares with the stateless p99 both ways. Numbers move with whatever else runs on the machine:
# compare within one run.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONNECTIONS=${CONNECTIONS:-1000}; DURATION=${DURATION:-60}; WARMUP=${WARMUP:-30}; STATELESS=${STATELESS:-20}
THREADS=${THREADS:-2}; PORT=${PORT:-18191}; TENANTS=${TENANTS:-100}
OUT=$(mktemp -d -t twin-soak.XXXXXX)
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "wrk is required" >&2; exit 1; }
ulimit -n $((CONNECTIONS * 2 + 1024)) 2>/dev/null || { echo "cannot raise the open-file limit for $CONNECTIONS connections" >&2; exit 1; }
"$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
rss_mb() { awk '/^VmRSS:/{printf "%d", $2 / 1024}' "/proc/$1/status"; }
[ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }

TWIN_HOME="$OUT/home" "$ROOT/twin" serve "${SOAK_TWIN:-$ROOT/examples/stripe}" --port "$PORT" > "$OUT/serve.log" 2>&1 < /dev/null &
launched=$!
for _ in $(seq 1 1500); do
  curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_soak' "http://127.0.0.1:$PORT/v1/balance" && break
  kill -0 "$launched" 2>/dev/null || break
  sleep 0.02
done
pid=$(listener)
[ -n "$pid" ] || { echo "twin did not start (see $OUT/serve.log)" >&2; cat "$OUT/serve.log" >&2; exit 1; }
stop() { kill "$pid" 2>/dev/null; wait "$launched" 2>/dev/null; }
trap stop EXIT

export SOAK_TENANTS_PER_THREAD=$(( (TENANTS + THREADS - 1) / THREADS )) SOAK_CONNECTIONS=$CONNECTIONS
mix="$ROOT/bench/soak/stateful-mix.lua"
url="http://127.0.0.1:$PORT"
rss_launch=$(rss_mb "$pid")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
timeout $((WARMUP + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$mix" "$url" > "$OUT/warmup.txt" 2>&1
rss_start=$(rss_mb "$pid")
SOAK_MIX="stateless=100" timeout $((STATELESS + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${STATELESS}s" --latency \
  -s "$mix" "$url" > "$OUT/stateless.txt" 2>&1
( for _ in $(seq 1 $((DURATION / 5))); do sleep 5; rss_mb "$pid"; echo; done ) > "$OUT/rss.txt" &
sampler=$!
timeout $((DURATION + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$mix" "$url" \
  > "$OUT/stateful.txt" 2>&1
wait "$sampler"
rss_end=$(rss_mb "$pid")

p99() { awk '/^ *99%/{print $2}' "$1"; }
rps() { awk '/^Requests\/sec:/{printf "%d", $2}' "$1"; }
errors() { # non-2xx/3xx answers plus socket errors (connect, read, write, timeout)
  awk '/Non-2xx or 3xx responses:/{n += $NF} /Socket errors:/{gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1"
}
timed() { # file operation -> "raw-p99 corrected-p99" in ms, from the lua script's line for the operation
  awk -v op="$2" '$1 == "soak" && $3 == op ":" {gsub(",", ""); print $10, $17}' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0) printf "%.1fx", a / b; else print "-"}'; }
read -r s_raw s_cor <<< "$(timed "$OUT/stateless.txt" stateless)"
read -r cg_raw cg_cor <<< "$(timed "$OUT/stateful.txt" create+get)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "soak: $CONNECTIONS connections, $THREADS wrk threads, $TENANTS tenants, warm-up ${WARMUP}s, stateless ${STATELESS}s, stateful ${DURATION}s"
echo "stateless GET /v1/tax_codes/{id}: $(rps "$OUT/stateless.txt") req/s, p99 $s_raw ms (wrk's corrected p99 $(p99 "$OUT/stateless.txt")), errors $(errors "$OUT/stateless.txt")"
echo "stateful mix: $(rps "$OUT/stateful.txt") req/s, wrk's corrected p99 of all requests $(p99 "$OUT/stateful.txt"), errors $(errors "$OUT/stateful.txt") (warm-up errors $(errors "$OUT/warmup.txt"))"
echo "  create+get p99 $cg_raw ms = $(ratio "$cg_raw" "$s_raw") the stateless p99; corrected as wrk does, $cg_cor ms = $(ratio "$cg_cor" "$s_cor")"
echo "  p99 per operation (raw / corrected, ms):$(for op in create get list update delete; do printf ' %s %s / %s;' "$op" $(timed "$OUT/stateful.txt" "$op"); done)"
echo "RSS MB: after launch $rss_launch, after warm-up $rss_start, during the mix every 5 s: $(tr '\n' ' ' < "$OUT/rss.txt" | tr -s ' '), end $rss_end"
if grep -q "Exception\|^\s*at " "$OUT/serve.log"; then echo "the server logged exceptions: $OUT/serve.log"; else rm -rf "$OUT"; fi
