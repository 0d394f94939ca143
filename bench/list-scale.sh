#!/usr/bin/env bash
# bench/list-scale.sh — list latency against the rows one tenant holds, 100 to 100,000, on examples/stripe.
#
#   bash bench/list-scale.sh                    # this tree's build, and beside it the build of BASE (default: where
#                                               # this branch left main: the lists before the order index)
#   BASE= bash bench/list-scale.sh              # this tree's build only
#   SIZES="100 1000" DURATION=3 bash bench/list-scale.sh   # a smoke run
#   bash bench/list-scale.sh --md out.md        # also write the markdown table
#
# Per build: one fresh twin serving examples/stripe (customers may hold 200,000 rows, the event log keeps 1,000,000);
# one tenant creates customers (each also logs a customer.created event) until it holds SIZE of them, then wrk -c1
# measures, after WARMUP s of each, DURATION s each: GET /v1/customers?limit=10, the same with starting_after = the
# customer in the middle of the list, GET /v1/events?limit=3 and GET /v1/events?type=customer.created&limit=3 (a
# type filter). A second tenant holds SIZE payment intents spread over 10 customers (round robin): GET
# /v1/payment_intents?customer=<one of them>&limit=10 is a filtered list (SIZE / 10 match, on an indexed field, a
# reference). Reported: the median, p90 and p99 latency of each,
# in ms (an answer slower than the whole window is timed three times with curl instead: their median). The builds
# run one after the other in one run on this machine, so compare them within the run, never across runs.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=${SIZES:-"100 1000 10000 100000"}; DURATION=${DURATION:-5}; WARMUP=${WARMUP:-2}; PORT=${PORT:-18290}
BASE=${BASE-$(git -C "$ROOT" merge-base HEAD main 2>/dev/null)}; MD=""
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xmx2g"}
while [ $# -gt 0 ]; do
  case "$1" in
    --md) MD="$2"; shift ;;
    *) echo "usage: $0 [--md FILE]" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "wrk is required (bench/serve.sh installs it)" >&2; exit 1; }
OUT=$(mktemp -d -t twin-lists.XXXXXX)
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ builds
"$ROOT/twin" --version >/dev/null || { echo "twin did not build" >&2; exit 1; }
BUILDS=("this:$ROOT/cli/target/twin.jar")
if [ -n "$BASE" ]; then
  BASE=$(git -C "$ROOT" rev-parse --short "$BASE"); log "building $BASE beside this tree"
  mkdir -p "$OUT/base"
  git -C "$ROOT" archive "$BASE" | tar -x -C "$OUT/base"
  if (cd "$OUT/base" && mvn -B -q -o -DskipTests package -pl cli -am >"$OUT/base-build.log" 2>&1); then
    BUILDS=("$BASE:$OUT/base/cli/target/twin.jar" "${BUILDS[@]}")
  else
    log "$BASE did not build (see $OUT/base-build.log): measuring this tree only"
  fi
fi

# examples/stripe with room for 100,000 customers and events (the defaults keep 10,000 rows and 1,000 events)
mkdir -p "$OUT/stripe"
sed -e 's|path: spec3.json|path: '"$ROOT"'/examples/stripe/spec3.json|' \
    -e 's|file: test-cards.json|file: '"$ROOT"'/examples/stripe/test-cards.json|' \
    -e 's|^    idPrefix: cus_$|    idPrefix: cus_\n    maxRows: 200000|' \
    -e 's|^    idPrefix: pi_$|    idPrefix: pi_\n    maxRows: 200000|' \
    -e 's|^  list: stripe.GetEvents$|  list: stripe.GetEvents\n  keep: 1000000\n  keepTotal: 2000000|' \
    "$ROOT/examples/stripe/twin.yaml" > "$OUT/stripe/twin.yaml"
printf 'tenancy: {maxRows: 1000000, maxBytes: 1gb}\n' >> "$OUT/stripe/twin.yaml"

# ------------------------------------------------------------------ one tenant's rows
cat > "$OUT/create.py" <<'EOF'
import http.client, json, sys, threading
# port count ids-file [key path body]: body may name {i} (the row's number) and {customer} (round robin over the
# ids in the file named by $CUSTOMERS)
port, count, ids, threads = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "a"), 2
key, path, template = (sys.argv[4:7] + ["sk_test_lists", "/v1/customers", "name=c{i}"][len(sys.argv[4:7]):])
import os
customers = open(os.environ["CUSTOMERS"]).read().split() if "CUSTOMERS" in os.environ else [""]
def work(n):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": "Bearer " + key, "Content-Type": "application/x-www-form-urlencoded"}
    for i in range(n):
        conn.request("POST", path, body=template.format(i=i, customer=customers[i % len(customers)]), headers=headers)
        response = conn.getresponse(); body = response.read()
        if response.status != 200:
            sys.exit("create answered %d" % response.status)
        ids.write(json.loads(body)["id"] + "\n")
parts = [count // threads + (1 if t < count % threads else 0) for t in range(threads)]
workers = [threading.Thread(target=work, args=(p,)) for p in parts]
[w.start() for w in workers]; [w.join() for w in workers]
EOF

listener() { ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
latency() { # path [key] -> "p50 p90 p99 failed": latency in ms, and answers that were not 2xx or timed out
  local out key=${2:-sk_test_lists}
  out=$(wrk -t1 -c1 -d"${DURATION}s" --timeout 60s --latency -H "Authorization: Bearer $key" \
      "http://127.0.0.1:$PORT$1" 2>&1)
  if echo "$out" | grep -q '^ *0 requests in'; then
    # an answer slower than the whole window: time three with curl instead (their median thrice)
    for _ in 1 2 3; do
      curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $key" "http://127.0.0.1:$PORT$1"
    done | sort -n | awk 'NR == 2 { printf "%.2f %.2f %.2f 0", $1 * 1000, $1 * 1000, $1 * 1000 }'
    return
  fi
  echo "$out" | awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
           $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
           /Non-2xx/ { failed += $NF } /Socket errors/ { sub(/.*timeout /, ""); failed += $1 }
           END { printf "%.2f %.2f %.2f %d", p50, p90, p99, failed }'
}
items() { # path [key] -> how many items the answer lists (a check that the measured answers are real pages)
  curl -s -H "Authorization: Bearer ${2:-sk_test_lists}" "http://127.0.0.1:$PORT$1" \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["data"]))' 2>/dev/null || echo "no list"
}

declare -A RESULT=()
for build in "${BUILDS[@]}"; do
  name=${build%%:*}; jar=${build#*:}
  [ -z "$(listener)" ] || { echo "port $PORT is busy" >&2; exit 1; }
  TWIN_HOME="$OUT/home-$name" java $JAVA_OPTS -jar "$jar" serve "$OUT/stripe" --port "$PORT" > "$OUT/$name.log" 2>&1 < /dev/null &
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null -H 'Authorization: Bearer sk_test_lists' "http://127.0.0.1:$PORT/v1/balance" && break; sleep 0.02
  done
  pid=$(listener)
  [ -n "$pid" ] || { echo "twin ($name) did not start (see $OUT/$name.log)" >&2; exit 1; }
  held=0
  # the filtering tenant's 10 customers, whose payment intents the filtered list picks from
  python3 "$OUT/create.py" "$PORT" 10 "$OUT/$name.owners" sk_test_filter /v1/customers "name=owner{i}" \
    || { echo "creating customers failed ($name)" >&2; kill "$pid"; exit 1; }
  owner=$(head -1 "$OUT/$name.owners")
  filtered="/v1/payment_intents?customer=$owner&limit=10"
  for size in $SIZES; do
    python3 "$OUT/create.py" "$PORT" $((size - held)) "$OUT/$name.ids" \
      || { echo "creating rows failed ($name)" >&2; kill "$pid"; exit 1; }
    CUSTOMERS="$OUT/$name.owners" python3 "$OUT/create.py" "$PORT" $((size - held)) "$OUT/$name.pis" sk_test_filter \
      /v1/payment_intents "amount=1{i}&currency=usd&customer={customer}" \
      || { echo "creating payment intents failed ($name)" >&2; kill "$pid"; exit 1; }
    held=$size
    middle=$(sed -n "$((size / 2))p" "$OUT/$name.ids")  # created halfway: in the middle of the list
    for path in "/v1/customers?limit=10" "/v1/customers?limit=10&starting_after=$middle" "/v1/events?limit=3" \
        "/v1/events?type=customer.created&limit=3"; do
      wrk -t1 -c1 -d"${WARMUP}s" -H 'Authorization: Bearer sk_test_lists' "http://127.0.0.1:$PORT$path" >/dev/null 2>&1
    done
    wrk -t1 -c1 -d"${WARMUP}s" -H 'Authorization: Bearer sk_test_filter' "http://127.0.0.1:$PORT$filtered" >/dev/null 2>&1
    RESULT[$name,$size,list]=$(latency "/v1/customers?limit=10")
    RESULT[$name,$size,cursor]=$(latency "/v1/customers?limit=10&starting_after=$middle")
    RESULT[$name,$size,events]=$(latency "/v1/events?limit=3")
    RESULT[$name,$size,type]=$(latency "/v1/events?type=customer.created&limit=3")
    RESULT[$name,$size,filtered]=$(latency "$filtered" sk_test_filter)
    log "$name, $size rows: list ${RESULT[$name,$size,list]} | starting_after ${RESULT[$name,$size,cursor]} |" \
        "events ${RESULT[$name,$size,events]} | events?type ${RESULT[$name,$size,type]} |" \
        "payment_intents?customer ${RESULT[$name,$size,filtered]} (p50, p90, p99 ms, failed answers); items listed:" \
        "$(items "/v1/customers?limit=10") $(items "/v1/customers?limit=10&starting_after=$middle")" \
        "$(items "/v1/events?limit=3") $(items "/v1/events?type=customer.created&limit=3")" \
        "$(items "$filtered" sk_test_filter)"
  done
  kill "$pid"; for _ in $(seq 1 100); do [ -z "$(listener)" ] && break; sleep 0.1; done
done

table() {
  echo "| build | rows | customers?limit=10 p50 / p90 / p99 ms | …&starting_after=middle | events?limit=3 |" \
       "events?type=customer.created&limit=3 | payment_intents?customer=…&limit=10 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for build in "${BUILDS[@]}"; do
    name=${build%%:*}
    for size in $SIZES; do
      row="| $name | $size"
      for what in list cursor events type filtered; do
        read -r p50 p90 p99 failed <<< "${RESULT[$name,$size,$what]}"
        row="$row | $p50 / $p90 / $p99"; [ "${failed:-0}" = 0 ] || row="$row ($failed failed)"
      done
      echo "$row |"
    done
  done
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average at the end" \
       "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); JVM flags: $JAVA_OPTS; wrk -t1 -c1 ${DURATION}s."
}
table
[ -z "$MD" ] || table > "$MD"
rm -rf "$OUT"
