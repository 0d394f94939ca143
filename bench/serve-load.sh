#!/usr/bin/env bash
# bench/serve-load.sh — the serving load part of bench/serve.sh alone, quick to repeat while tuning the hot path.
#
#   bash bench/serve-load.sh                    # ceiling, twin, tuned WireMock; 3 rounds in alternating order
#   ROUNDS=5 SERVERS="ceiling twin" bash bench/serve-load.sh
#   TWIN_OPTS="-XX:+UseSerialGC -Dio.netty.eventLoopThreads=2" bash bench/serve-load.sh   # twin's JVM flags
#
# Per server and round: a fresh process, wrk -t2 -c64 GET /pets/1 (WARMUP s, then DURATION s measured), and the
# CPU time the server process used per answered request during the measured part (from /proc). On this shared
# 2-core machine req/s moves with whatever else runs; compare the ratios of one round, and the CPU per request,
# which depends much less on the other load. Prints one line per round with the load average.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TWIN_BENCH_CACHE:-$HOME/.cache/twin-bench}"
ROUNDS=${ROUNDS:-3}; WARMUP=${WARMUP:-8}; DURATION=${DURATION:-10}; PORT=${PORT:-18190}
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
