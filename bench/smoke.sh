#!/usr/bin/env bash
# Every benchmark in bench/ in its smoke mode (BENCH_SMOKE=1: the same steps with tiny sizes and
# short durations, each bounded by `timeout`), one after the other; fails when any of them fails.
# Proves the benchmarks still run (on the JDK and Payara of bin/runtime.sh, on fresh data
# directories); the figures it prints mean nothing. CI runs it after `mvn -B verify` (.ci/run).
#
#   bench/smoke.sh                      # all of them, a few minutes on 2 quiet cores
#   bench/smoke.sh jobs.sh files.sh     # some of them
#
# Needs `mvn package` first, and what the benchmarks need: MariaDB on 127.0.0.1:3306 (root, no
# password), node/npm for bench/realtime.sh and chromium for bench/first-load.sh. Each bench stops its own servers before the next
# starts, so no two servers of these run at once. BENCH_SMOKE_TOTAL (seconds, default 900) bounds
# the whole run: each bench gets at most what is left of it. Prints a summary table at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
benches=("$@")
(( ${#benches[@]} )) || benches=(startup.sh board-view.sh first-load.sh gallery.sh search.sh files.sh jobs.sh realtime.sh realtime/sample-stacks.sh payara-server-jms.sh)
total=${BENCH_SMOKE_TOTAL:-900}
export BENCH_SMOKE=1 BENCH_SMOKE_DEADLINE=$(( $(date +%s) + total ))
[[ -f target/moim.war && -f target/runtime/payara-micro.jar ]] || { echo "run 'mvn package' first" >&2; exit 1; }

out=$(mktemp)
trap 'rm -f "$out"' EXIT
summary=()
failed=0
started=$SECONDS
for bench in "${benches[@]}"; do
  if (( $(date +%s) >= BENCH_SMOKE_DEADLINE )); then
    summary+=("| $bench | not run | | the smoke run's $total s were used up |")
    failed=1
    continue
  fi
  echo "== bench/$bench (smoke)"
  begin=$SECONDS
  set +e
  bench/"$bench" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  set -e
  note=$(grep -m1 -E '^(baselines )?skipped:' "$out" || true)   # a whole bench, or a part of it
  if (( rc == 0 )); then [[ $note == skipped:* ]] && result=skipped || result=ok; elif (( rc == 124 )); then result="FAILED (timed out)"; failed=1; else result="FAILED (exit $rc)"; failed=1; fi
  summary+=("| $bench | $result | $(( SECONDS - begin )) s | $note |")
  echo
done

echo "== smoke summary: $(( SECONDS - started )) s, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| bench | result | time | note |"
echo "|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit "$failed"
