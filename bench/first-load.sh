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

moim_bench_start first-load "$port" "$work"

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $("$chromium" --version 2>/dev/null | head -1), H2, $(date -u +%F)."
echo
java bench/FirstLoadBench.java "$MOIM_BENCH_URL/" "$chromium"
