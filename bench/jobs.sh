#!/usr/bin/env bash
# Jobs per second through the queue: starts Moim (H2, embedded broker, a fresh data directory) on
# port 18281, uploads N photos at once (each queues a thumbnail job on moim.conversion) and follows
# every job to SUCCEEDED through GET /api/v1/jobs/{id}; in the same run, the same thumbnails made
# in-process without queue, database or HTTP (bench/JobsBench.java). Prints a Markdown table
# (docs/performance.md).
#
#   bench/jobs.sh [jobs]            # default 300; needs `mvn package` first
#   BENCH_SMOKE=1 bench/jobs.sh     # smoke: 10 jobs; at most 180 s
#
# Runs on the JDK bin/runtime.sh finds, with the Payara options every start of Moim shares
# (MOIM_PAYARA_ARGS). The FREE plan's storage limit is lifted (1 GiB; 300 photos are 40 MB, but
# more jobs should not hit it). Exits non-zero when a job ends DEAD. BENCH_SMOKE=1
# (docs/performance.md) runs the same steps with a few jobs, under `timeout`
# (BENCH_SMOKE_TIMEOUT seconds), and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-180}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "jobs smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
count=${1:-${smoke:+10}}
port=${BENCH_PORT:-18281}
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro && -d target/classes ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

moim_bench_start jobs "$port" "$work" MOIM_BILLING_PLANS_FREE_STORAGE_BYTES=unlimited

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $(java -version 2>&1 | head -1), H2, $(date -u +%F)."
echo
# The listener of moim.conversion has maxSessions=2 (ConversionListener): the baseline uses as many threads.
java -cp target/classes bench/JobsBench.java "$MOIM_BENCH_URL" "${count:-300}" 2
