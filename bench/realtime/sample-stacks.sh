#!/usr/bin/env bash
# Poor man's profiler for the Moim side of bench/realtime.sh: every 0.5 s for N seconds, a thread
# dump of the server; counts, over RUNNABLE threads, the first frame of a few packages of
# interest (Moim, EclipseLink, the JDBC driver, Hazelcast, Tyrus/Grizzly, JSON) and prints the most
# frequent ones. Rough (safepoint-biased), but it says where the CPU goes.
#
#   bench/realtime/sample-stacks.sh <server pid> [seconds]
#   BENCH_SMOKE=1 bench/realtime/sample-stacks.sh [pid]   # smoke: 3 s, of its own Moim (H2, port 18081)
#                                                         # under a trickle of requests without a pid;
#                                                         # at most 180 s
#
# jcmd is the one of the JDK bin/runtime.sh finds (the one Moim runs on). Fails when no thread
# dump could be taken. BENCH_SMOKE=1 (docs/performance.md) without a pid starts Moim itself with
# the Payara options every start of Moim shares (MOIM_PAYARA_ARGS), samples it under `timeout`
# (BENCH_SMOKE_TIMEOUT seconds), and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-180}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "sample-stacks smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
out=$(mktemp)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$out" ${work:+"$work"}' EXIT

if [[ -n $smoke && -z ${1:-} ]]; then
  port=18081
  micro=target/runtime/payara-micro.jar
  [[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
  work=$(mktemp -d)
  moim_bench_start stacks "$port" "$work"
  server=$MOIM_BENCH_PID
  # Something for the sampled threads to do: requests one after the other.
  while :; do curl -s -o /dev/null "$MOIM_BENCH_URL/api/v1/me"; curl -s -o /dev/null "$MOIM_BENCH_URL/health/ready"; done &
  set -- "$server" "${2:-}"
fi

pid=${1:?usage: bench/realtime/sample-stacks.sh <server pid> [seconds]}
seconds=${2:-${smoke:+3}}
seconds=${seconds:-20}
end=$((SECONDS + seconds))
while (( SECONDS < end )); do
  jcmd "$pid" Thread.print 2>/dev/null >> "$out" || true
  sleep 0.5
done
dumps=$(grep -c '^Full thread dump' "$out" || true)
(( dumps > 0 )) || { echo "no thread dump of $pid could be taken (jcmd $pid Thread.print)" >&2; exit 1; }
[[ -z $smoke ]] || echo "$dumps thread dumps of $pid in $seconds s" >&2
awk '
  /^"/ { inthread = 1; runnable = 0; counted = 0; top = 1; next }
  /java.lang.Thread.State: RUNNABLE/ { runnable = 1; next }
  runnable && top && /^\tat / {
    top = 0
    # A selector or acceptor waiting for work is RUNNABLE but idle.
    if ($2 ~ /^sun\.nio\.ch\.(EPoll\.wait|Net\.accept|Net\.poll)/) { runnable = 0; next }
  }
  runnable && !counted && /^\tat / {
    frame = $2
    if (frame ~ /^(org\.moim|org\.eclipse\.persistence|org\.mariadb|com\.hazelcast|org\.glassfish\.tyrus|org\.glassfish\.grizzly|org\.eclipse\.parsson|org\.glassfish\.json|java\.net|sun\.nio|java\.util\.zip|javax\.crypto|sun\.security)/) {
      sub(/\(.*/, "", frame); counts[frame]++; total++; counted = 1
    }
  }
  END { for (f in counts) printf "%6d %5.1f%%  %s\n", counts[f], 100 * counts[f] / total, f }
' "$out" | sort -rn | head -25
