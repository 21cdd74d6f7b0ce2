#!/usr/bin/env bash
# Start-up time and memory of Moim on Payara Micro, against a baseline measured in the same run:
# bare Payara Micro with nothing deployed. Prints a Markdown table (docs/performance.md).
#
#   bench/startup.sh [runs]            # default 3 runs of each; needs `mvn package` first
#   BENCH_SMOKE=1 bench/startup.sh     # smoke: 1 run of each (6 starts); at most 420 s
#
# "ready" is, for the baseline, the first HTTP answer of any status (nothing is deployed, so there
# is nothing to be ready), and for Moim the first 200 with the database check from /health/ready
# (database and broker up, migrations applied). RSS is read from /proc once ready. Runs on the JDK
# bin/runtime.sh finds; Moim starts with the Payara options every start of Moim shares
# (MOIM_PAYARA_ARGS), the baseline with none of them (bare Payara Micro). The rows "through
# ./moim's launcher" start Moim the way ./moim does (bin/runtime.sh, moim_aot_launcher): Payara's
# --outputlauncher launcher with the JDK's ahead-of-time cache, recorded by one start and stop
# before the timed runs (that start is not timed). BENCH_PORT (default 18080) is the HTTP port,
# BENCH_HZ_PORT (default 6900) the data grid's. BENCH_SMOKE=1
# (docs/performance.md) runs one start of each, under `timeout` (BENCH_SMOKE_TIMEOUT seconds), and
# exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-420}
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
port=${BENCH_PORT:-18080}
hzport=${BENCH_HZ_PORT:-6900}
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

# start NAME PROBE ARGS... : prints "milliseconds rss_mib"; starts "${launch[@]}" (java options
# and -jar), by default payara-micro.jar itself. keep=1: leaves it running, its pid in $work/pid.
launch=(-jar "$micro")
start() {
  local probe=$2; shift 2
  local begin end pid rss
  begin=$(date +%s%N)
  java -Xmx1g ${smoke:+-XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Duser.timezone=UTC "${launch[@]}" --port "$port" "$@" \
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
  if [[ -n ${keep:-} ]]; then echo "$pid" > "$work/pid"; return; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - begin) / 1000000 )) $rss"
}

moim() {
  MOIM_DATA_DIR=$1 MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
  MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
  MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$1/broker" \
  MOIM_JMS_USER= MOIM_JMS_PASSWORD= \
  start moim /health/ready --clustername "bench-$$" --clustermode "tcpip:127.0.0.1:$hzport" --interfaces 127.0.0.1 \
    "${payara_args[@]}" --deploy target/moim.war --contextroot /
}
payara_args=("${MOIM_PAYARA_ARGS[@]}")

# moim_aot DATA: Moim started as ./moim starts it (a fresh Payara configuration each time).
moim_aot() {
  local MOIM_LAUNCH MOIM_LAUNCH_ARGS
  moim_aot_launcher "$work/launch"
  launch=("${MOIM_LAUNCH[@]}"); payara_args=("${MOIM_LAUNCH_ARGS[@]}")
  moim "$1"
  launch=(-jar "$micro"); payara_args=("${MOIM_PAYARA_ARGS[@]}")
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The ahead-of-time cache: one start that records it, stopped once ready (the JVM writes the cache
# as it exits).
rm -rf "$work/data"
keep=1 moim_aot "$work/data" > /dev/null
kill "$(< "$work/pid")"; while kill -0 "$(< "$work/pid")" 2>/dev/null; do sleep 0.5; done
[[ -s $work/launch/moim.aot ]] || { tail -20 "$work/log" >&2; echo "no ahead-of-time cache was written" >&2; exit 1; }

: > "$work/base"; : > "$work/cold"; : > "$work/warm"; : > "$work/aot-cold"; : > "$work/aot-warm"
for i in $(seq "$runs"); do
  start baseline any --nocluster >> "$work/base"
  rm -rf "$work/data"
  moim "$work/data" >> "$work/cold"   # empty data directory: migrations, key generation, broker store
  moim "$work/data" >> "$work/warm"   # the same data directory again
  rm -rf "$work/data"
  moim_aot "$work/data" >> "$work/aot-cold"
  moim_aot "$work/data" >> "$work/aot-warm"
done

b_ms=$(cut -d' ' -f1 "$work/base" | median); b_rss=$(cut -d' ' -f2 "$work/base" | median)
c_ms=$(cut -d' ' -f1 "$work/cold" | median); c_rss=$(cut -d' ' -f2 "$work/cold" | median)
w_ms=$(cut -d' ' -f1 "$work/warm" | median); w_rss=$(cut -d' ' -f2 "$work/warm" | median)
ac_ms=$(cut -d' ' -f1 "$work/aot-cold" | median); ac_rss=$(cut -d' ' -f2 "$work/aot-cold" | median)
aw_ms=$(cut -d' ' -f1 "$work/aot-warm" | median); aw_rss=$(cut -d' ' -f2 "$work/aot-warm" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "Median of $runs runs on $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F)."
echo
echo "| start | time to ready | vs. baseline | RSS when ready | vs. baseline |"
echo "|---|---|---|---|---|"
echo "| baseline: bare Payara Micro, nothing deployed | $(ratio "$b_ms" 1000) s | 1.00 | $b_rss MiB | 1.00 |"
echo "| Moim, cold (empty data directory) | $(ratio "$c_ms" 1000) s | $(ratio "$c_ms" "$b_ms") | $c_rss MiB | $(ratio "$c_rss" "$b_rss") |"
echo "| Moim, warm (existing data) | $(ratio "$w_ms" 1000) s | $(ratio "$w_ms" "$b_ms") | $w_rss MiB | $(ratio "$w_rss" "$b_rss") |"
echo "| Moim, cold, through ./moim's launcher (AOT cache) | $(ratio "$ac_ms" 1000) s | $(ratio "$ac_ms" "$b_ms") | $ac_rss MiB | $(ratio "$ac_rss" "$b_rss") |"
echo "| Moim, warm, through ./moim's launcher (AOT cache) | $(ratio "$aw_ms" 1000) s | $(ratio "$aw_ms" "$b_ms") | $aw_rss MiB | $(ratio "$aw_rss" "$b_rss") |"
