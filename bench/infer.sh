#!/usr/bin/env bash
# bench/infer.sh — twin infer on a generated store: wall time and peak heap.
#
#   bash bench/infer.sh            # 100 000 exchanges over 50 resources, -Xmx1g
#   bash bench/infer.sh 20000      # fewer exchanges (a smoke run)
#
# Builds the runnable jar into target-bench (its own build folder), compiles the generator
# dev.twin.inference.bench.GenerateBenchStore (a test source) against it, generates the store (deterministic), then runs `twin infer` once under
# -Xmx1g with a GC log. Reports: wall and CPU time (from /usr/bin/time; wall time depends on what else runs), the peak heap in use (largest "before GC" figure
# in the GC log) and the peak resident set size (VmHWM, as /usr/bin/time's maximum RSS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"
OUT="${OUT:-$(mktemp -d -t twin-infer-bench.XXXXXX)}"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

log "building (target-bench)"
(cd "$ROOT" && mvn -B -q -Dtwin.target=target-bench -DskipTests package -pl cli -am >/dev/null) \
  || { log "build failed: run mvn -Dtwin.target=target-bench -DskipTests package -pl cli -am"; exit 1; }
JAR="$ROOT/cli/target-bench/twin.jar"
TEST_CLASSES="$OUT/generator"
javac -cp "$JAR" -d "$TEST_CLASSES" \
  "$ROOT/inference/src/test/java/dev/twin/inference/bench/GenerateBenchStore.java"

log "generating $N exchanges into $OUT/bench.db"
java -cp "$JAR:$TEST_CLASSES" dev.twin.inference.bench.GenerateBenchStore "$OUT/bench.db" "$N"

log "twin infer (-Xmx1g)"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v -o "$OUT/time.txt" java -Xmx1g -XX:+UseSerialGC -Xlog:gc:file="$OUT/gc.log" -jar "$JAR" \
  infer --store "$OUT/bench.db" --out "$OUT/twin" >"$OUT/infer.out" 2>&1 || { cat "$OUT/infer.out"; exit 1; }

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/time.txt")
cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$OUT/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
peak_heap=$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc.log" | awk -F'M->' '{ if ($1 > max) max = $1 } END { print max + 0 }')
gcs=$(grep -c 'Pause' "$OUT/gc.log" || true)
tables=$(grep -c '^- name:' "$OUT/twin/twin.yaml" || true)
paths=$(grep -cE '^  /' "$OUT/twin/openapi.yaml" || true)
echo "exchanges: $N"
echo "wall time: $wall (m:ss); CPU time (user+sys): ${cpu} s; load average before: $LOAD"
echo "peak heap in use (before GC): ${peak_heap} MB of 1024 MB max (-Xmx1g), $gcs GC pauses"
echo "peak RSS (VmHWM): $((rss_kb / 1024)) MB"
echo "inferred: $paths paths, $tables tables; output in $OUT/twin"
