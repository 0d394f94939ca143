#!/usr/bin/env bash
# bench/redis-soak.sh — is a replica's memory flat under a long load? (issue #16; docs/PERFORMANCE.md#redis)
#
#   bash bench/redis-soak.sh                        # 240 s of create+get per mode, RSS every 20 s
#   SECONDS_OF_LOAD=300 EVERY=30 MODES="redis" bash bench/redis-soak.sh
#   TWIN_JAR=/path/to/twin.jar TWIN_OPTS="..." bash bench/redis-soak.sh
#
# Per mode (MODES: memory, redis), fresh processes: a replica of examples/stripe (in memory, or on a redis-server of
# its own on a free loopback port), then wrk -c64 on bench/redis/create-get.lua against 127.0.0.1 for
# SECONDS_OF_LOAD seconds (bounded by timeout), sampling the replica's VmRSS from /proc every EVERY seconds. At the
# end, the heap's largest classes (jcmd GC.class_histogram, after a full GC) show what a growing replica holds.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_OF_LOAD=${SECONDS_OF_LOAD:-240}; EVERY=${EVERY:-20}; MODES=${MODES:-"memory redis"}
OUT=$(mktemp -d -t twin-redis-soak.XXXXXX)
source "$ROOT/bench/redis/lib.sh"

for mode in $MODES; do
  state=""; redis_pid=""
  if [ "$mode" = redis ]; then
    read -r rport redis_pid <<< "$(start_redis)"
    state="redis://127.0.0.1:$rport?prefix=soak"
  fi
  port=$(free_port)
  pid=$(start_twin "$port" "$state")
  echo "$mode: load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; RSS before load $(rss_mb "$pid") MB"
  TENANTS=soak timeout $((SECONDS_OF_LOAD + 60)) wrk -t2 -c64 -d"${SECONDS_OF_LOAD}s" -s "$ROOT/bench/redis/create-get.lua" \
    "http://127.0.0.1:$port" > "$OUT/wrk-$mode.txt" 2>&1 &
  wrk_pid=$!; echo "$wrk_pid" >> "$OUT/pids"
  line="  RSS MB every ${EVERY}s:"
  for _ in $(seq 1 $((SECONDS_OF_LOAD / EVERY))); do
    sleep "$EVERY"; line="$line $(rss_mb "$pid")"
  done
  wait "$wrk_pid"
  echo "$line"
  echo "  $(awk '/^Requests\/sec:/{printf "%d req/s", $2}' "$OUT/wrk-$mode.txt"), load average $(cut -d' ' -f1 /proc/loadavg) at the end"
  echo "  heap after a full GC, largest classes:"
  jcmd "$pid" GC.class_histogram 2>/dev/null | sed -n '4,11p' | awk '{printf "    %-10s %6.1f MB  %s\n", $2, $3/1048576, $4}'
  echo "  $(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|tenured/{print; exit}' | sed 's/^ *//')"
  kill "$pid"; for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  [ -n "$redis_pid" ] && kill "$redis_pid"
done
