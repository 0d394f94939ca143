#!/usr/bin/env bash
# bench/serve.sh — twin serve beside its peers, measured in one run on loopback.
#
#   bash bench/serve.sh                 # full run (~6 min): petstore GET load, Stripe startup, stateful load
#   bash bench/serve.sh --quick         # 3 s warm-up / 5 s measured, 1 round: a smoke run
#   bash bench/serve.sh --md out.md     # also write the markdown table
#   bash bench/serve.sh --stripe-only   # only twin on Stripe: first and cached launches, RSS, the Stripe load
#   bash bench/serve.sh --stripe-only --stripe-rounds 3   # several rounds of launches, medians reported
#
# Servers (one at a time, each fresh): the fixed-body Netty ceiling, WireMock (tuned: no journal, 8 threads),
# MockServer (quiet, OpenAPI import), twin. For each: launch -> first 200 on GET /pets/1, wrk warm-up, measured
# wrk --latency run, RSS of the process after the run. Then twin alone: launch -> first correct 200 on Stripe's
# GET /v1/balance: first launches (empty twin home: no start-up cache) with and without the build's class-data
# archive, and cached launches (the start-up cache of an earlier launch); and stateful create+get against examples/stripe next to
# the stateless GET figure of the same run. Everything binds 127.0.0.1; every load is bounded by wrk -d.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TWIN_BENCH_CACHE:-$HOME/.cache/twin-bench}"
OUT="${OUT:-$(mktemp -d -t twin-bench.XXXXXX)}"
WARMUP=8; STRIPE_WARMUP=20; DURATION=12; ROUNDS=2; CONNS=64; THREADS=2; MD=""; STRIPE_ONLY=""; STRIPE_ROUNDS=1
WIREMOCK_VERSION=3.13.2; MOCKSERVER_VERSION=5.15.0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) WARMUP=3; STRIPE_WARMUP=3; DURATION=5; ROUNDS=1 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --md) MD="$2"; shift ;;
    --stripe-only) STRIPE_ONLY=1 ;;
    --stripe-rounds) STRIPE_ROUNDS="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--rounds N] [--md FILE] [--stripe-only] [--stripe-rounds N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$CACHE" "$OUT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ installs
command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "wrk is required" >&2; exit 1; }
fetch_jar() { # coordinates dest
  [ -s "$2" ] && return 0
  log "fetching $1"
  local tmp; tmp=$(mktemp -d)
  mvn -q -B dependency:copy -Dartifact="$1" -DoutputDirectory="$tmp" >/dev/null 2>&1 && mv "$tmp"/*.jar "$2"
  rm -rf "$tmp"; [ -s "$2" ]
}
WIREMOCK_JAR="$CACHE/wiremock-standalone-$WIREMOCK_VERSION.jar"
MOCKSERVER_JAR="$CACHE/mockserver-netty-$MOCKSERVER_VERSION-jar-with-dependencies.jar"
[ -n "$STRIPE_ONLY" ] || fetch_jar "org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" "$WIREMOCK_JAR" || log "WireMock unavailable: skipped"
[ -n "$STRIPE_ONLY" ] || fetch_jar "org.mock-server:mockserver-netty:$MOCKSERVER_VERSION:jar:jar-with-dependencies" "$MOCKSERVER_JAR" \
  || log "MockServer unavailable: skipped"
"$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
"$ROOT/twin" serve --help >/dev/null 2>&1 # the launcher's once-per-build training of the class-data archive
TWIN_JAR="${TWIN_JAR:-$ROOT/cli/target/twin.jar}"

# ------------------------------------------------------------------ processes
PID=""
tree_pids() { local c; echo "$1"; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree_pids "$c"; done; }
rss_mb() { local s=0 p v; for p in $(tree_pids "$1"); do v=$(awk '/^VmRSS:/{print $2}' /proc/"$p"/status 2>/dev/null); s=$((s+${v:-0})); done; echo $((s/1024)); }
stop() {
  [ -n "$PID" ] || return 0
  local pids; pids=$(tree_pids "$PID"); kill -TERM $pids 2>/dev/null
  # wait for every process of the tree (the JVM outlives its launcher's shell): a first serve writes its
  # class-data archive at exit, which takes seconds
  for _ in $(seq 1 600); do kill -0 $pids 2>/dev/null || break; sleep 0.1; done
  kill -KILL $pids 2>/dev/null; wait "$PID" 2>/dev/null; PID=""
}
trap stop EXIT
now() { date +%s%N; }
# launch NAME PORT -> starts the server in the background, sets PID
launch() {
  local name=$1 port=$2 logf="$OUT/$1.log"
  case "$name" in
    ceiling) java -cp "$TWIN_JAR" "$ROOT/bench/ceiling/FixedBodyServer.java" "$port" ;;
    wiremock) java -jar "$WIREMOCK_JAR" --port "$port" --bind-address 127.0.0.1 --root-dir "$OUT/wm" \
                --disable-banner --no-request-journal --disable-request-logging --container-threads 8 ;;
    mockserver) java -Dmockserver.disableLogging=true -Dmockserver.logLevel=WARN -Dmockserver.localBoundIP=127.0.0.1 \
                -jar "$MOCKSERVER_JAR" -serverPort "$port" ;;
    twin) "$ROOT/twin" serve --spec "$ROOT/bench/specs/petstore.yaml" --port "$port" ;;
    twin-stripe) "$ROOT/twin" serve "$ROOT/examples/stripe" --port "$port" ;;
  esac > "$logf" 2>&1 < /dev/null &
  PID=$!
}
# wait_for URL EXPECT -> seconds since T0 until a 200 whose body contains EXPECT
wait_for() {
  local url=$1 expect=$2 body="$OUT/probe.body" code
  for _ in $(seq 1 6000); do
    code=$(curl -s -o "$body" -w '%{http_code}' --max-time 2 -H 'Authorization: Bearer sk_test_bench' "$url")
    [ "$code" = 200 ] && grep -q -- "$expect" "$body" && { awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "%.2f", (b-a)/1e9}'; return 0; }
    kill -0 "$PID" 2>/dev/null || { echo FAIL; return 1; }
    sleep 0.02
  done
  echo FAIL; return 1
}
wrk_run() { # url seconds out [script]
  local s=(); [ -n "${4:-}" ] && s=(-s "$4")
  timeout $(($2 + 30)) wrk -t"$THREADS" -c"$CONNS" -d"$2"s --latency "${s[@]}" "$1" > "$3" 2>&1
}
rps() { awk '/^Requests\/sec:/{printf "%d", $2}' "$1"; }
pct() { awk -v p="$2" '$1==p{v=$2; m=1; if(v~/us$/)m=0.001; else if(v~/ms$/)m=1; else if(v~/s$/)m=1000; sub(/[a-z]+$/,"",v); printf "%.2f", v*m}' "$1"; }

declare -A RPS P50 P99 RSS START
measure() { # name port
  local name=$1 port=$2 s
  if [ "$name" = mockserver ]; then
    T0=$(now); launch mockserver "$port"
    for _ in $(seq 1 500); do curl -s -o /dev/null -X PUT "http://127.0.0.1:$port/mockserver/status" && break; sleep 0.02; done
    curl -s -o /dev/null -X PUT "http://127.0.0.1:$port/mockserver/openapi" \
      -d "{\"specUrlOrPayload\":\"file:$ROOT/bench/specs/petstore.yaml\"}"
  else
    mkdir -p "$OUT/wm/mappings"; cp "$ROOT/bench/wiremock/mappings/"*.json "$OUT/wm/mappings/"
    T0=$(now); launch "$name" "$port"
  fi
  s=$(wait_for "http://127.0.0.1:$port/pets/1" '"Rex"') || { log "$name did not start (see $OUT/$name.log)"; stop; return; }
  wrk_run "http://127.0.0.1:$port/pets/1" "$WARMUP" "$OUT/$name.warm"
  wrk_run "http://127.0.0.1:$port/pets/1" "$DURATION" "$OUT/$name.wrk"
  RPS[$name]="${RPS[$name]:-} $(rps "$OUT/$name.wrk")"; P50[$name]="${P50[$name]:-} $(pct "$OUT/$name.wrk" 50%)"
  P99[$name]="${P99[$name]:-} $(pct "$OUT/$name.wrk" 99%)"; RSS[$name]="${RSS[$name]:-} $(rss_mb "$PID")"
  START[$name]="${START[$name]:-} $s"
  log "$name: startup ${s}s, $(rps "$OUT/$name.wrk") req/s, p50 $(pct "$OUT/$name.wrk" 50%) ms, RSS $(rss_mb "$PID") MiB"
  stop
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{if(NR==0){print "-"} else if(NR%2){print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }

PEERS=(ceiling twin)
[ -s "$WIREMOCK_JAR" ] && PEERS+=(wiremock)
[ -s "$MOCKSERVER_JAR" ] && PEERS+=(mockserver)
[ -n "$STRIPE_ONLY" ] && PEERS=()
for round in $(seq 1 "$ROUNDS"); do
  order=("${PEERS[@]}"); [ $((round % 2)) = 0 ] && order=($(printf '%s\n' "${PEERS[@]}" | tac))
  for p in "${order[@]}"; do measure "$p" 18090; done
done

# ------------------------------------------------------------------ Stripe launch -> first correct 200 (twin)
# First launch: an empty twin home (no start-up cache: the spec is indexed, the first answer worked out), with the
# class-data archive the launcher trains once per build, and again without it (TWIN_CDS=off: every class loaded and
# verified from the jar). Cached: the start-up cache the first launch left (spec index, twin.yaml tree, plain answers).
# stripe_start -> sets STRIPE_S (seconds to the first correct answer), STRIPE_CPU (CPU seconds the JVM had used by
# then: less sensitive than wall time to other load on the machine) and STRIPE_RSS; the server keeps running (PID)
cpu_s() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/t}' /proc/"$1"/stat 2>/dev/null; }
stripe_start() {
  T0=$(now); launch twin-stripe 18091
  STRIPE_S=$(wait_for "http://127.0.0.1:18091/v1/balance" '"available"')
  STRIPE_CPU=$(cpu_s "$(tree_pids "$PID" | tail -1)")
  sleep 1; STRIPE_RSS=$(rss_mb "$PID")
}
declare -a NOCDS_S NOCDS_CPU COLD_S COLD_CPU COLD_RSS CACHED_S CACHED_CPU CACHED_RSS
for round in $(seq 1 "$STRIPE_ROUNDS"); do
  export TWIN_HOME="$OUT/twin-home-$round-nocds"; rm -rf "$TWIN_HOME"
  TWIN_CDS=off stripe_start; NOCDS_S+=("$STRIPE_S"); NOCDS_CPU+=("$STRIPE_CPU"); stop
  log "Stripe first launch without the class-data archive: ${STRIPE_S}s (${STRIPE_CPU} CPU s), load $(cut -d' ' -f1 /proc/loadavg)"
  export TWIN_HOME="$OUT/twin-home-$round"; rm -rf "$TWIN_HOME"
  stripe_start; COLD_S+=("$STRIPE_S"); COLD_CPU+=("$STRIPE_CPU"); COLD_RSS+=("$STRIPE_RSS"); stop
  log "Stripe first launch (empty cache): ${STRIPE_S}s (${STRIPE_CPU} CPU s), RSS ${STRIPE_RSS} MiB, load $(cut -d' ' -f1 /proc/loadavg)"
  stripe_start; CACHED_S+=("$STRIPE_S"); CACHED_CPU+=("$STRIPE_CPU"); CACHED_RSS+=("$STRIPE_RSS")
  log "Stripe cached (start-up cache of the first launch): ${STRIPE_S}s (${STRIPE_CPU} CPU s), RSS ${STRIPE_RSS} MiB, load $(cut -d' ' -f1 /proc/loadavg)"
  [ "$round" = "$STRIPE_ROUNDS" ] || stop
done
STRIPE_NOCDS=$(echo "${NOCDS_S[*]}" | median); STRIPE_NOCDS_CPU=$(echo "${NOCDS_CPU[*]}" | median)
STRIPE_COLD=$(echo "${COLD_S[*]}" | median); STRIPE_COLD_CPU=$(echo "${COLD_CPU[*]}" | median)
STRIPE_COLD_RSS=$(echo "${COLD_RSS[*]}" | median)
STRIPE_WARM=$(echo "${CACHED_S[*]}" | median); STRIPE_WARM_CPU=$(echo "${CACHED_CPU[*]}" | median)
STRIPE_WARM_RSS=$(echo "${CACHED_RSS[*]}" | median)

# ------------------------------------------------------------------ stateful create+get vs stateless GET (twin, Stripe)
# The create path runs far more code than a spec GET (form decoding, validation, tables, events): its JIT settles
# after about 20 s, so both mixes get a longer warm-up than the petstore GET.
wrk_run "http://127.0.0.1:18091" "$STRIPE_WARMUP" "$OUT/stripe.warm" "$ROOT/bench/stripe/stateless.lua"
wrk_run "http://127.0.0.1:18091" "$DURATION" "$OUT/stateless.wrk" "$ROOT/bench/stripe/stateless.lua"
wrk_run "http://127.0.0.1:18091" "$STRIPE_WARMUP" "$OUT/stateful.warm" "$ROOT/bench/stripe/create-get.lua"
wrk_run "http://127.0.0.1:18091" "$DURATION" "$OUT/stateful.wrk" "$ROOT/bench/stripe/create-get.lua"
STATELESS=$(rps "$OUT/stateless.wrk"); STATEFUL=$(rps "$OUT/stateful.wrk")
STRIPE_RSS_AFTER=$(rss_mb "$PID")
stop
log "Stripe stateless GET ${STATELESS} req/s, stateful create+get ${STATEFUL} req/s, RSS after ${STRIPE_RSS_AFTER} MiB"

# ------------------------------------------------------------------ report
{
  echo "Machine: $(nproc) cores, $(awk -F: '/model name/{print $2; exit}' /proc/cpuinfo | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;"\
       "$(java -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); -t$THREADS -c$CONNS,"\
       "${WARMUP}s warm-up (Stripe load ${STRIPE_WARMUP}s) + ${DURATION}s measured, median of $ROUNDS round(s); $(date -u +%Y-%m-%d);"\
       "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| server | GET /pets/1 req/s | p50 ms | p99 ms | RSS after MiB | launch to first 200 s |"
  echo "|---|---:|---:|---:|---:|---:|"
  for p in "${PEERS[@]+"${PEERS[@]}"}"; do
    echo "| $p | $(echo "${RPS[$p]:-}" | median) | $(echo "${P50[$p]:-}" | median) | $(echo "${P99[$p]:-}" | median) | $(echo "${RSS[$p]:-}" | median) | $(echo "${START[$p]:-}" | median) |"
  done
  echo
  echo "| twin on Stripe (468 operations) | value |"
  echo "|---|---:|"
  echo "| launch to first correct GET /v1/balance, first launch: no start-up cache (median of $STRIPE_ROUNDS: ${COLD_S[*]}) | ${STRIPE_COLD} s (${STRIPE_COLD_CPU} CPU s) |"
  echo "| the same without the build's class-data archive (TWIN_CDS=off: ${NOCDS_S[*]}) | ${STRIPE_NOCDS} s (${STRIPE_NOCDS_CPU} CPU s) |"
  echo "| the same, cached (start-up cache of the first launch: ${CACHED_S[*]}) | ${STRIPE_WARM} s (${STRIPE_WARM_CPU} CPU s) |"
  echo "| RSS after launch (first / cached) | ${STRIPE_COLD_RSS} / ${STRIPE_WARM_RSS} MiB |"
  echo "| stateless GET /v1/balance | ${STATELESS} req/s |"
  echo "| stateful create + get (alternating) | ${STATEFUL} req/s ($(awk -v a="$STATEFUL" -v b="$STATELESS" 'BEGIN{if(b>0) printf "%d%%", 100*a/b}') of stateless) |"
  echo "| RSS after the Stripe load | ${STRIPE_RSS_AFTER} MiB |"
} | tee "$OUT/table.md"
[ -n "$MD" ] && cp "$OUT/table.md" "$MD"
log "raw results in $OUT"
