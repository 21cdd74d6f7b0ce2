#!/usr/bin/env bash
# The gallery under load: starts Moim (H2, a fresh data directory) on port 18087, uploads 5,000
# pictures to one workspace through the API (every 10th commented, every 5th with a reaction) and
# times GET of the gallery's first page of 60 (median, p99) with its SQL statement count, then
# walks every page by cursor once. Prints a Markdown table (docs/performance.md).
#
#   bench/gallery.sh [pictures] [requests] [warmup]     # defaults 5000 300 30; needs `mvn package` first
#   BENCH_SMOKE=1 bench/gallery.sh                      # smoke: 130 pictures, 20 requests, 5 warm-up; at most 180 s
#
# The statement count comes from X-Moim-Sql-Statements, so the server runs with
# moim.diagnostics.sql-statement-count=true. The bench's one account comments and reacts far
# faster than a person, so the per-minute limits of moim.gallery.* are lifted. Runs on the JDK
# bin/runtime.sh finds, with the Payara options every start of Moim shares (MOIM_PAYARA_ARGS).
# BENCH_SMOKE=1 (docs/performance.md) runs the same steps with tiny sizes, under `timeout`
# (BENCH_SMOKE_TIMEOUT seconds), and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-180}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "gallery smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
if [[ -n $smoke ]]; then set -- "${1:-130}" "${2:-20}" "${3:-5}"; fi
port=${BENCH_PORT:-18087}
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

moim_bench_start gallery "$port" "$work" MOIM_DIAGNOSTICS_SQL_STATEMENT_COUNT=true \
  MOIM_GALLERY_COMMENTS_PER_MINUTE=1000000 MOIM_GALLERY_REACTIONS_PER_MINUTE=1000000

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $(java -version 2>&1 | head -1), H2, $(date -u +%F)."
echo
java bench/GalleryBench.java "$MOIM_BENCH_URL" "${1:-5000}" "${2:-300}" "${3:-30}"
