#!/usr/bin/env bash
# bench/proxy.sh — throughput and added latency of the recording proxy versus going direct, in one run on loopback.
#
#   bash bench/proxy.sh            # 20 s JIT warm-up through the proxy, then per side 5 s warm-up + 10 s measured
#   bash bench/proxy.sh --quick    # 5 s JIT warm-up, 2 s warm-up + 5 s measured
#   JIT_WARMUP=60 DURATION=20 bash bench/proxy.sh   # run lengths in seconds (also WARMUP) override either
#
# Upstream: bench/ceiling/FixedBodyServer.java (keep-alive Netty server, one fixed JSON body), run from the twin jar.
# Direct:   wrk -> upstream.   Proxied: wrk -> twin record --upstream (recording every exchange into a fresh store).
# Relayed:  wrk -> bench/ceiling/ByteRelay.java -> upstream: a bare Netty TCP relay (no HTTP parsing, no recording),
#           the most any proxy can do on this machine, measured in the same run.
# Early:    wrk -> twin record with -Dtwin.bench.answerBeforeStored=true: each response released before its exchange
#           is committed (committed every 100 ms instead; what twin did before #18), to show what the durability
#           promise (an answered exchange is on disk) costs, in the same run.
# Throughput: wrk with 32 connections; added latency: p50 with one connection (no queueing), both sides alike.
# Prints req/s and p50 for both, the throughput ratio and the added p50. Targets: >= 60 %, <= 1 ms. Also prints
# where twin's CPU went during its measured 32-connection run (event loops, recording writer, JIT, GC), per
# thread from /proc, and the CPU per request of wrk, the upstream and the proxy in each of the three setups. Ends with the exchanges recorded next to
# the requests wrk got answered through the proxy (back-pressure slows the proxy to what the store can record rather
# than dropping any), and the load average.
# Set TWIN_TARGET to build into another output folder (default: target), TWIN_JAVA_OPTS for the proxy's JVM.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${TWIN_TARGET:-target}"
JAR="$ROOT/cli/$TARGET/twin.jar"
DEFAULT_WARMUP=5; DEFAULT_DURATION=10; DEFAULT_JIT_WARMUP=20; CONNS=32; THREADS=2
[ "${1:-}" = "--quick" ] && { DEFAULT_WARMUP=2; DEFAULT_DURATION=5; DEFAULT_JIT_WARMUP=5; }
WARMUP="${WARMUP:-$DEFAULT_WARMUP}"; DURATION="${DURATION:-$DEFAULT_DURATION}"; JIT_WARMUP="${JIT_WARMUP:-$DEFAULT_JIT_WARMUP}"
OUT="$(mktemp -d -t twin-proxy-bench.XXXXXX)"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "wrk is required" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -B -q -DskipTests -Dtwin.target="$TARGET" package -pl cli -am) >&2 || { echo "build failed" >&2; exit 1; }
fi

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done; for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { # url
  for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "nothing answered on $1" >&2; return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks per thread of a process, summed by thread name with its trailing number dropped
thread_ticks() {
  for task in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr ' ' _ <"$task/comm" | sed 's/[-#_]*[0-9]*$//')" "$(awk '{print $14 + $15}' "$task/stat")"
  done | awk '{t[$1] += $2} END {for (k in t) print k, t[k]}' | sort
}
measure() { # name url connections [proxy pid] -> prints "reqs p50ms"; CPU per request in $OUT/$1.cpu
  local threads=$THREADS; [ "$3" -lt "$THREADS" ] && threads=$3
  wrk -t"$threads" -c"$3" -d"${WARMUP}s" "$2" >"$OUT/$1-warmup.txt"
  local up0 mid0=0 up1 mid1=0
  up0=$(cpu_ticks "$UP_PID"); [ -n "${4:-}" ] && mid0=$(cpu_ticks "$4")
  # bash's own `time` (not /usr/bin/time, which minimal systems lack): wrk's user and system CPU seconds
  { TIMEFORMAT='%U %S'; time wrk -t"$threads" -c"$3" -d"${DURATION}s" --latency "$2" >"$OUT/$1.txt" 2>"$OUT/$1.err"; } 2>"$OUT/$1.wrkcpu"
  up1=$(cpu_ticks "$UP_PID"); [ -n "${4:-}" ] && mid1=$(cpu_ticks "$4")
  awk -v hz="$(getconf CLK_TCK)" -v up=$((up1 - up0)) -v mid=$((mid1 - mid0)) \
      -v n="$(awk '/requests in/{print $1}' "$OUT/$1.txt")" '{ printf "%.1f %.1f %.1f\n",
        ($1 + $2) * 1e6 / n, up * 1e6 / hz / n, mid * 1e6 / hz / n }' "$OUT/$1.wrkcpu" >"$OUT/$1.cpu"
  local reqs p50
  reqs=$(awk '/^Requests\/sec:/{print $2}' "$OUT/$1.txt")
  p50=$(awk '$1=="50%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$OUT/$1.txt")
  echo "$reqs $p50"
}

UP_PORT=$(free_port)
java -cp "$JAR" "$ROOT/bench/ceiling/FixedBodyServer.java" "$UP_PORT" >"$OUT/upstream.log" 2>&1 &
UP_PID=$!
PIDS+=("$UP_PID")
wait_http "http://127.0.0.1:$UP_PORT/" || exit 1

RELAY_PORT=$(free_port)
java -cp "$JAR" "$ROOT/bench/ceiling/ByteRelay.java" "$RELAY_PORT" "$UP_PORT" >"$OUT/relay.log" 2>&1 &
RELAY_PID=$!
PIDS+=("$RELAY_PID")
wait_http "http://127.0.0.1:$RELAY_PORT/" || exit 1

PROXY_PORT=$(free_port)
# shellcheck disable=SC2086
java ${TWIN_JAVA_OPTS:-} -jar "$JAR" record --upstream "http://127.0.0.1:$UP_PORT" --port "$PROXY_PORT" \
  --store "$OUT/bench.db" --session bench >"$OUT/proxy.log" 2>&1 &
PROXY_PID=$!
PIDS+=("$PROXY_PID")
wait_http "http://127.0.0.1:$PROXY_PORT/" || { cat "$OUT/proxy.log" >&2; exit 1; }

EARLY_PORT=$(free_port)
# shellcheck disable=SC2086
java ${TWIN_JAVA_OPTS:-} -Dtwin.bench.answerBeforeStored=true -jar "$JAR" record --upstream "http://127.0.0.1:$UP_PORT" \
  --port "$EARLY_PORT" --store "$OUT/early.db" --session bench >"$OUT/early.log" 2>&1 &
EARLY_PID=$!
PIDS+=("$EARLY_PID")
wait_http "http://127.0.0.1:$EARLY_PORT/" || { cat "$OUT/early.log" >&2; exit 1; }

log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
log "warming up the JIT (upstream and proxy) for ${JIT_WARMUP}s"
wrk -t"$THREADS" -c"$CONNS" -d"${JIT_WARMUP}s" "http://127.0.0.1:$PROXY_PORT/pets/1" >"$OUT/proxy-jit.txt"
wrk -t"$THREADS" -c"$CONNS" -d"$((JIT_WARMUP / 2 + 1))s" "http://127.0.0.1:$RELAY_PORT/pets/1" >/dev/null
wrk -t"$THREADS" -c"$CONNS" -d"${JIT_WARMUP}s" "http://127.0.0.1:$EARLY_PORT/pets/1" >/dev/null
log "direct, $CONNS connections"
read -r DIRECT_RPS DIRECT_P50 < <(measure direct "http://127.0.0.1:$UP_PORT/pets/1" "$CONNS")
log "through twin record, $CONNS connections"
thread_ticks "$PROXY_PID" >"$OUT/threads-before.txt"; UP_TICKS0=$(cpu_ticks "$UP_PID")
read -r PROXY_RPS PROXY_P50 < <(measure proxy "http://127.0.0.1:$PROXY_PORT/pets/1" "$CONNS" "$PROXY_PID")
thread_ticks "$PROXY_PID" >"$OUT/threads-after.txt"; UP_TICKS1=$(cpu_ticks "$UP_PID")
log "through the bare byte relay, $CONNS connections"
read -r RELAY_RPS RELAY_P50 < <(measure relay "http://127.0.0.1:$RELAY_PORT/pets/1" "$CONNS" "$RELAY_PID")
log "through twin record answering before storing, $CONNS connections"
read -r EARLY_RPS EARLY_P50 < <(measure early "http://127.0.0.1:$EARLY_PORT/pets/1" "$CONNS" "$EARLY_PID")
log "direct, 1 connection"
read -r _ DIRECT_P50_1 < <(measure direct-1 "http://127.0.0.1:$UP_PORT/pets/1" 1)
log "through twin record, 1 connection"
read -r _ PROXY_P50_1 < <(measure proxy-1 "http://127.0.0.1:$PROXY_PORT/pets/1" 1)
log "through twin record answering before storing, 1 connection"
read -r _ EARLY_P50_1 < <(measure early-1 "http://127.0.0.1:$EARLY_PORT/pets/1" 1)

awk -v d="$DIRECT_RPS" -v dp="$DIRECT_P50" -v p="$PROXY_RPS" -v pp="$PROXY_P50" -v r="$RELAY_RPS" -v rp="$RELAY_P50" \
    -v d1="$DIRECT_P50_1" -v p1="$PROXY_P50_1" -v c="$CONNS" -v e="$EARLY_RPS" -v ep="$EARLY_P50" \
    -v e1="$EARLY_P50_1" 'BEGIN {
  printf "| path | req/s (%d conns) | p50 (ms, %d conns) | p50 (ms, 1 conn) |\n|---|---:|---:|---:|\n", c, c
  printf "| direct to upstream | %.0f | %.3f | %.3f |\n", d, dp, d1
  printf "| through twin record (answered once stored) | %.0f | %.3f | %.3f |\n", p, pp, p1
  printf "| through twin record answering before storing (before #18) | %.0f | %.3f | %.3f |\n", e, ep, e1
  printf "| through a bare Netty byte relay (no HTTP, no recording) | %.0f | %.3f | - |\n", r, rp
  printf "\nthroughput ratio: %.0f %% of direct (target >= 60 %%); the byte relay: %.0f %% of direct;", 100 * p / d, 100 * r / d
  printf " twin record: %.0f %% of the byte relay\n", 100 * p / r
  printf "added p50, 1 connection: %.3f ms (target <= 1 ms); %d connections: %.3f ms\n", p1 - d1, c, pp - dp
  printf "cost of answering only once stored: %.0f %% of the throughput answering before storing;", 100 * p / e
  printf " p50 +%.3f ms (1 connection), +%.3f ms (%d connections)\n", p1 - e1, pp - ep, c
}'
# The measured proxy run includes its warm-up (both ran back to back), so CPU is divided by both runs' requests.
PROXY_SECS=$((WARMUP + DURATION))
echo
echo "twin's CPU during the ${PROXY_SECS} s proxied 32-connection run, by thread (ms per 1000 requests; % of one core):"
join "$OUT/threads-before.txt" "$OUT/threads-after.txt" | awk -v hz="$(getconf CLK_TCK)" -v rps="$PROXY_RPS" \
    -v secs="$PROXY_SECS" -v up=$((UP_TICKS1 - UP_TICKS0)) '
  function row(name, ticks) { printf "  %-28s %6.1f ms/1k req  %5.1f %%\n", name, ticks * 1000 / hz / (rps * secs / 1000), 100 * ticks / hz / secs }
  { d = $3 - $2; if (d > 0) { row($1, d); total += d } }
  END { row("twin, all threads", total); row("upstream (for comparison)", up) }'
echo
echo "CPU per request, µs (measured runs, $CONNS connections): wrk / upstream / proxy"
for run in direct proxy early relay; do
  read -r W U M <"$OUT/$run.cpu"
  awk -v run="$run" -v w="$W" -v u="$U" -v m="$M" 'BEGIN { printf "  %-7s %6.1f / %6.1f / %6.1f   total %6.1f\n", run, w, u, m, w + u + m }'
done
kill -TERM "$PROXY_PID" 2>/dev/null; wait "$PROXY_PID" 2>/dev/null   # SIGTERM flushes and closes the store
RECORDED=$(java -jar "$JAR" recordings sessions --store "$OUT/bench.db" 2>/dev/null | awk '$1=="bench"{print $2}')
echo "exchanges recorded during the run: ${RECORDED:-unknown}"
# wrk counts answered requests; the store also holds the start-up probe and the requests still in flight when each
# wrk run stopped (recorded as client aborts), so it may hold a few more, never fewer.
SENT=$(cat "$OUT"/proxy-jit.txt "$OUT"/proxy-warmup.txt "$OUT"/proxy.txt "$OUT"/proxy-1-warmup.txt "$OUT"/proxy-1.txt \
  | awk '/requests in/{n += $1} END {print n}')
echo "requests answered through twin record (all wrk runs): ${SENT:-unknown}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
log "wrk output and logs in $OUT"
