# bench/redis/lib.sh — what bench/redis.sh and bench/redis-soak.sh share: the tools they need, the jar, stopping
# every process a run started, free loopback ports, a process's resident set, and starting a redis-server and a
# replica of examples/stripe. Sourced with ROOT and OUT set.
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is required: apt-get install -y redis-server" >&2; exit 1; }
if [ -z "${TWIN_JAR:-}" ]; then
  "$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
  TWIN_JAR="$ROOT/cli/target/twin.jar"
fi
# every process started is noted in $OUT/pids (they start in subshells), so that an interrupted run stops them all
cleanup() { [ -f "$OUT/pids" ] && while read -r pid; do kill "$pid" 2>/dev/null; done < "$OUT/pids"; rm -rf "$OUT"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null; }

start_redis() { # -> "port pid"
  local port; port=$(free_port)
  mkdir -p "$OUT/redis-$port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$OUT/redis-$port" --save "" --appendonly yes \
    --appendfsync everysec --daemonize no > "$OUT/redis-$port.log" 2>&1 &
  local pid=$!
  echo "$pid" >> "$OUT/pids"
  for _ in $(seq 1 500); do grep -q "Ready to accept" "$OUT/redis-$port.log" && break; sleep 0.02; done
  echo "$port $pid"
}

start_twin() { # port [state] -> pid
  local port=$1 state=${2:-}
  TWIN_HOME="$OUT/home" java ${TWIN_OPTS:--XX:+UseSerialGC} -jar "$TWIN_JAR" serve "$ROOT/examples/stripe" \
    --port "$port" ${state:+--state "$state"} > "$OUT/twin-$port.log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" >> "$OUT/pids"
  for _ in $(seq 1 1500); do
    curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_up' "http://127.0.0.1:$port/v1/balance" && break
    sleep 0.02
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/__twin/health" || { echo "twin did not start:" >&2; cat "$OUT/twin-$port.log" >&2; exit 1; }
  echo "$pid"
}
