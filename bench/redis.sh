#!/usr/bin/env bash
# bench/redis.sh — create+get on examples/stripe, in one run: tables in memory, one replica on Redis, two replicas
# on one Redis (issue #16; docs/PERFORMANCE.md).
#
#   bash bench/redis.sh                       # WARMUP=45 s, DURATION=20 s per mode, 64 connections in all
#   WARMUP=15 bash bench/redis.sh             # the warm-up of runs before 2026-12-07 (compare like with like)
#   ROUNDS=2 DURATION=30 bash bench/redis.sh
#   TWIN_JAR=/path/to/other/twin.jar bash bench/redis.sh   # another build (run both, alternating, to compare them)
#   TWIN_OPTS="..." bash bench/redis.sh                     # the replicas' JVM flags (./twin serve's, for instance)
#
# Each mode starts fresh processes: a redis-server of its own on a free loopback port (append-only file, fsync every
# second, as a production sandbox would run it), then the replicas (./twin's jar, -XX:+UseSerialGC). wrk -c64 runs
# bench/redis/create-get.lua (a create, then a GET of it; each wrk thread its own tenant); with two replicas, two wrk
# processes of -c32 run at once, one per replica (a load balancer's even split), each with tenants of its own. Per
# mode: req/s (summed over replicas), wrk's p99 (the larger of the two), non-2xx answers, and each replica's
# resident set before the warm-up and after the measured part. On this shared 2-core machine numbers move with
# whatever else runs (the load average is printed): compare the modes of one round. The warm-up is 45 s because a
# replica on Redis has more code for the JIT to compile (Lettuce's encoding, commit arguments, reply futures) on two
# compiler threads sharing the loaded cores: after 15 s its CPU per request is still mostly the compiler's, after
# 45-60 s it is within a few microseconds of in memory (PERFORMANCE.md). A shared sandbox runs warm.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${ROUNDS:-1}; WARMUP=${WARMUP:-45}; DURATION=${DURATION:-20}
OUT=$(mktemp -d -t twin-redis-bench.XXXXXX)
source "$ROOT/bench/redis/lib.sh"

load() { # seconds connections tenants port -> wrk output file
  local file="$OUT/wrk-$3-$4-$RANDOM.txt"
  TENANTS=$3 timeout $(($1 + 60)) wrk -t2 -c"$2" -d"$1s" --latency -s "$ROOT/bench/redis/create-get.lua" \
    "http://127.0.0.1:$4" > "$file" 2>&1
  echo "$file"
}
rps() { awk '/^Requests\/sec:/{printf "%d", $2}' "$1"; }
p99() { awk '/^ *99%/{print $2}' "$1"; }
errors() { awk '/Non-2xx/{n=$NF} /Socket errors/{for(i=3;i<=NF;i+=2) s+=$i} END{print (n+0)+(s+0)}' "$1"; }
ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'; }

run_mode() { # mode -> one line
  local mode=$1 redis_port="" redis_pid="" state pids=() ports=() files=() rss0=() line
  case "$mode" in
    memory) ports=($(free_port)); pids=($(start_twin "${ports[0]}")) ;;
    redis1|redis2)
      read -r redis_port redis_pid <<< "$(start_redis)"
      state="redis://127.0.0.1:$redis_port?prefix=bench"
      ports=($(free_port)); [ "$mode" = redis2 ] && ports+=($(free_port))
      for p in "${ports[@]}"; do pids+=($(start_twin "$p" "$state")); done ;;
  esac
  for pid in "${pids[@]}"; do rss0+=("$(rss_mb "$pid")"); done
  local per=$((64 / ${#ports[@]}))
  # warm-up, then the measured part, every replica loaded at once
  for i in "${!ports[@]}"; do load "$WARMUP" "$per" "w$i$RANDOM" "${ports[$i]}" > /dev/null & done; wait
  local tmp="$OUT/files-$RANDOM"
  for i in "${!ports[@]}"; do load "$DURATION" "$per" "m$i$RANDOM" "${ports[$i]}" >> "$tmp" & done; wait
  mapfile -t files < "$tmp"
  local total=0 worst=0 errs=0 rss=""
  for f in "${files[@]}"; do
    total=$((total + $(rps "$f")))
    worst=$(awk -v a="$worst" -v b="$(ms "$(p99 "$f")")" 'BEGIN{print (b > a) ? b : a}')
    errs=$((errs + $(errors "$f")))
  done
  for i in "${!pids[@]}"; do rss="$rss ${rss0[$i]}->$(rss_mb "${pids[$i]}") MB"; done
  for pid in "${pids[@]}" $redis_pid; do
    kill "$pid"
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  done
  echo "$mode $total $worst $errs$rss"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  base=0
  for mode in memory redis1 redis2; do
    read -r name total worst errs rest <<< "$(run_mode "$mode")"
    [ "$mode" = memory ] && base=$total
    share=$(awk -v a="$total" -v b="$base" 'BEGIN{if (b > 0) printf "%d", 100 * a / b}')
    case "$mode" in
      memory) label="in memory, 1 replica" ;; redis1) label="Redis, 1 replica" ;; redis2) label="Redis, 2 replicas" ;;
    esac
    printf '  %-22s %6s req/s (%s%% of in memory), p99 %s ms, non-2xx %s, RSS%s\n' "$label" "$total" "$share" \
      "$worst" "$errs" "$rest"
  done
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
