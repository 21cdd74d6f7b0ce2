#!/usr/bin/env bash
# The sign-in page's first load: starts Moim (H2, a fresh data directory) on port 18089 and opens
# the sign-in page in headless Chromium twice, cold (empty cache) and warm (same browser), through
# the DevTools protocol (bench/FirstLoadBench.java, the JDK's WebSocket client): requests, bytes transferred (encoded) and decoded,
# and on the warm load what came from the cache or was revalidated. Prints Markdown
# (docs/performance.md, "First load").
#
#   bench/first-load.sh                     # needs `mvn package` first and Debian's chromium
#   BENCH_SMOKE=1 bench/first-load.sh       # smoke: the same, under `timeout`; at most 240 s
#
# Runs on the JDK bin/runtime.sh finds, with the Payara options every start of Moim shares
# (MOIM_PAYARA_ARGS). BENCH_SMOKE=1 (docs/performance.md) bounds it with `timeout`
# (BENCH_SMOKE_TIMEOUT seconds) and exits non-zero on any failure; the figures are the same
# (there is nothing to make smaller), it only proves the bench still runs.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-240}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "first-load smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
port=${BENCH_PORT:-18089}
chromium=${CHROMIUM:-chromium}
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
command -v "$chromium" > /dev/null || { echo "first-load needs Chromium (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

MOIM_DATA_DIR=$work/data MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$work/data/broker" \
MOIM_JMS_USER= MOIM_JMS_PASSWORD= \
  java -Xmx1g ${smoke:+-XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Duser.timezone=UTC -jar "$micro" --port "$port" \
    --clustername "bench-first-load-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
    "${MOIM_PAYARA_ARGS[@]}" --deploy target/moim.war --contextroot / \
    > "$work/server.log" 2>&1 &
server=$!
deadline=$((SECONDS + 300))
until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"database"'; do
  kill -0 "$server" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  (( SECONDS < deadline )) || { grep -m3 -A3 SEVERE "$work/server.log" >&2; echo "Moim did not get ready within 300 s" >&2; exit 1; }
  sleep 0.5
done

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $("$chromium" --version 2>/dev/null | head -1), H2, $(date -u +%F)."
echo
java bench/FirstLoadBench.java "http://127.0.0.1:$port/" "$chromium"
