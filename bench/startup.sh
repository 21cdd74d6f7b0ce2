#!/usr/bin/env bash
# Start-up time and memory of Moim on Payara Micro, against a baseline measured in the same run:
# bare Payara Micro with nothing deployed. Prints a Markdown table (docs/performance.md).
#
#   bench/startup.sh [runs]            # default 3 runs of each; needs `mvn package` first
#   BENCH_SMOKE=1 bench/startup.sh     # smoke: 1 run of each (3 starts); at most 300 s
#
# "ready" is, for the baseline, the first HTTP answer of any status (nothing is deployed, so there
# is nothing to be ready), and for Moim the first 200 with the database check from /health/ready
# (database and broker up, migrations applied). RSS is read from /proc once ready. Runs on the JDK
# bin/runtime.sh finds; Moim starts with the Payara options every start of Moim shares
# (MOIM_PAYARA_ARGS), the baseline with none of them (bare Payara Micro). BENCH_SMOKE=1
# (docs/performance.md) runs one start of each, under `timeout` (BENCH_SMOKE_TIMEOUT seconds), and
# exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-300}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "startup smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
runs=${1:-${smoke:+1}}
runs=${runs:-3}
port=18080
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

ready() {
  if [[ $1 == any ]]; then
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/") != 000 ]]
  else
    curl -sf "http://127.0.0.1:$port$1" 2>/dev/null | grep -q '"database"'
  fi
}

# start NAME PROBE ARGS... : prints "milliseconds rss_mib"
start() {
  local probe=$2; shift 2
  local begin end pid rss
  begin=$(date +%s%N)
  java -Xmx1g ${smoke:+-XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Duser.timezone=UTC -jar "$micro" --port "$port" "$@" \
    > "$work/log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 300))
  until ready "$probe"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/log" >&2; exit 1; }
    (( SECONDS < deadline )) || { grep -m3 -A3 SEVERE "$work/log" >&2; echo "not ready within 300 s" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - begin) / 1000000 )) $rss"
}

moim() {
  MOIM_DATA_DIR=$1 MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
  MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
  MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$1/broker" \
  MOIM_JMS_USER= MOIM_JMS_PASSWORD= \
  start moim /health/ready --clustername "bench-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
    "${MOIM_PAYARA_ARGS[@]}" --deploy target/moim.war --contextroot /
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$work/base"; : > "$work/cold"; : > "$work/warm"
for i in $(seq "$runs"); do
  start baseline any --nocluster >> "$work/base"
  rm -rf "$work/data"
  moim "$work/data" >> "$work/cold"   # empty data directory: migrations, key generation, broker store
  moim "$work/data" >> "$work/warm"   # the same data directory again
done

b_ms=$(cut -d' ' -f1 "$work/base" | median); b_rss=$(cut -d' ' -f2 "$work/base" | median)
c_ms=$(cut -d' ' -f1 "$work/cold" | median); c_rss=$(cut -d' ' -f2 "$work/cold" | median)
w_ms=$(cut -d' ' -f1 "$work/warm" | median); w_rss=$(cut -d' ' -f2 "$work/warm" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "Median of $runs runs on $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F)."
echo
echo "| start | time to ready | vs. baseline | RSS when ready | vs. baseline |"
echo "|---|---|---|---|---|"
echo "| baseline: bare Payara Micro, nothing deployed | $(ratio "$b_ms" 1000) s | 1.00 | $b_rss MiB | 1.00 |"
echo "| Moim, cold (empty data directory) | $(ratio "$c_ms" 1000) s | $(ratio "$c_ms" "$b_ms") | $c_rss MiB | $(ratio "$c_rss" "$b_rss") |"
echo "| Moim, warm (existing data) | $(ratio "$w_ms" 1000) s | $(ratio "$w_ms" "$b_ms") | $w_rss MiB | $(ratio "$w_rss" "$b_rss") |"
