#!/usr/bin/env bash
# bench/stateful-auto-launch.sh — what `--stateful` adds to a launch of `twin serve --spec spec3.json` once the
# start-up cache is warm, for two builds side by side in one run (the build before a change, the build after).
#
#   BEFORE_JAR=/path/to/old/twin.jar bash bench/stateful-auto-launch.sh     # after = cli/target/twin.jar
#   BEFORE_JAR=... AFTER_JAR=... ROUNDS=7 bash bench/stateful-auto-launch.sh
#
# Each build gets its own TWIN_HOME, filled first by one launch of each kind (the spec's index and verdict, the plain
# answers, and for a build that keeps them the derived tables). Then ROUNDS rounds, each launching, one after the
# other, `--spec` and `--spec --stateful` of the before build, then of the after build: wall time and the CPU time the
# whole process (JIT and GC threads included) has used at its first 200 on GET /v1/customers (a table with
# --stateful, the spec's example without). Prints every launch, then the medians. On this shared 2-core machine the
# wall time follows the load; the CPU time much less: compare builds within the run.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${ROUNDS:-5}; PORT=${PORT:-18193}
SPEC="$ROOT/examples/stripe/spec3.json"
AFTER_JAR=${AFTER_JAR:-$ROOT/cli/target/twin.jar}
[ -n "${BEFORE_JAR:-}" ] || { echo "BEFORE_JAR=path/to/twin.jar of the build to compare with is required" >&2; exit 1; }
[ -f "$BEFORE_JAR" ] && [ -f "$AFTER_JAR" ] || { echo "no such jar: $BEFORE_JAR or $AFTER_JAR" >&2; exit 1; }
OUT=$(mktemp -d -t twin-launch.XXXXXX)
HZ=$(getconf CLK_TCK)

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
launch() { # jar home serve-arguments... -> "wall-seconds cpu-seconds"
  local jar=$1 home=$2 pid t0 wall cpu; shift 2
  [ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }
  t0=$(date +%s%N)
  TWIN_HOME="$home" java -XX:+UseSerialGC -Xss512k -jar "$jar" serve --spec "$SPEC" "$@" --port "$PORT" \
    > "$OUT/twin.log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 1 6000); do
    curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_bench' "http://127.0.0.1:$PORT/v1/customers" && break
    sleep 0.01
  done
  wall=$(( $(date +%s%N) - t0 ))
  cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  [ "$(listener)" = "$pid" ] || { echo "twin did not start (see $OUT/twin.log)" >&2; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null
  awk -v w="$wall" -v c="$cpu" -v hz="$HZ" 'BEGIN{printf "%.2f %.2f\n", w / 1e9, c / hz}'
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

for build in before after; do
  jar=$BEFORE_JAR; [ "$build" = after ] && jar=$AFTER_JAR
  mkdir -p "$OUT/$build"
  launch "$jar" "$OUT/$build" > /dev/null; launch "$jar" "$OUT/$build" --stateful > /dev/null # fill the cache
done
sleep 2 # the cache writer's last entries
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); wall s, CPU s to the first answer (start-up cache warm)"
for round in $(seq 1 "$ROUNDS"); do
  for build in before after; do
    jar=$BEFORE_JAR; [ "$build" = after ] && jar=$AFTER_JAR
    read -r w c <<< "$(launch "$jar" "$OUT/$build")"; echo "$build spec $w $c" >> "$OUT/results"
    read -r w c <<< "$(launch "$jar" "$OUT/$build" --stateful)"; echo "$build stateful $w $c" >> "$OUT/results"
  done
  echo "round $round: $(grep -c . "$OUT/results") launches; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
cat "$OUT/results"
echo "medians over $ROUNDS rounds (wall s, CPU s):"
for build in before after; do
  for kind in spec stateful; do
    rows=$(grep "^$build $kind " "$OUT/results")
    echo "  $build --spec$([ "$kind" = stateful ] && echo ' --stateful'): $(echo "$rows" | awk '{print $3}' | median)" \
      "s, $(echo "$rows" | awk '{print $4}' | median) CPU s"
  done
done
rm -rf "$OUT"
