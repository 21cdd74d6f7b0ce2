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
# password), node/npm for bench/realtime.sh and chromium for bench/first-load.sh. The benchmarks
# that run on H2 with settings that do not clash (SHARED below) run one after the other on one
# server this script starts with all their settings (bin/runtime.sh, moim_bench_start): a start
# costs half a minute, and each bench's own start is the same function. The others start and stop
# their own servers after the shared one stopped; only a shared bench asking for a setting the
# shared server lacks (or finding it dead) starts a second server beside it. BENCH_SMOKE_TOTAL (seconds, default 900) bounds
# the whole run: each bench gets at most what is left of it. Prints a summary table at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
benches=("$@")
(( ${#benches[@]} )) || benches=(startup.sh board-view.sh first-load.sh gallery.sh files.sh jobs.sh realtime/sample-stacks.sh search.sh realtime.sh payara-server-jms.sh)
# The benches that take the shared server, and the union of their settings (files.sh's are those of
# its 8 MiB smoke file). A bench asking for a setting not listed here starts its own server.
SHARED=" board-view.sh first-load.sh gallery.sh files.sh jobs.sh realtime/sample-stacks.sh "
SHARED_ENV=(MOIM_DIAGNOSTICS_SQL_STATEMENT_COUNT=true MOIM_BILLING_PLANS_FREE_BOARDS=unlimited
            MOIM_GALLERY_COMMENTS_PER_MINUTE=1000000 MOIM_GALLERY_REACTIONS_PER_MINUTE=1000000
            MOIM_BILLING_PLANS_FREE_STORAGE_BYTES=unlimited MOIM_BILLING_PLANS_FREE_FILE_BYTES=unlimited
            MOIM_FILES_MAX_SIZE=$(( 9 * 1048576 )) MOIM_FILES_WORKSPACE_QUOTA=$(( 32 * 1048576 )))
total=${BENCH_SMOKE_TOTAL:-900}
export BENCH_SMOKE=1 BENCH_SMOKE_DEADLINE=$(( $(date +%s) + total ))
[[ -f target/moim.war && -f target/runtime/payara-micro.jar ]] || { echo "run 'mvn package' first" >&2; exit 1; }

out=$(mktemp)
shared_work=
shared_pid=
shared_failed=
stop_shared() {
  if [[ -n $shared_pid ]]; then
    kill "$shared_pid" 2>/dev/null || true; wait "$shared_pid" 2>/dev/null || true
  fi
  [[ -z $shared_work ]] || rm -rf "$shared_work"
  shared_pid= shared_work=
  unset MOIM_BENCH_SHARED_URL MOIM_BENCH_SHARED_PID MOIM_BENCH_SHARED_ENV
}
start_shared() {  # in this shell, not a subshell: the server is this shell's job
  shared_work=$(mktemp -d)
  echo "== the shared server for${SHARED% }"
  source bin/runtime.sh
  moim_use_jdk || return 1
  moim_bench_start smoke-shared "${BENCH_SHARED_PORT:-18071}" "$shared_work" "${SHARED_ENV[@]}" || return 1
  shared_pid=$MOIM_BENCH_PID
  export MOIM_BENCH_SHARED_URL=$MOIM_BENCH_URL MOIM_BENCH_SHARED_PID=$MOIM_BENCH_PID
  export MOIM_BENCH_SHARED_ENV="${SHARED_ENV[*]}"
}
trap 'stop_shared; rm -f "$out"' EXIT
summary=()
failed=0
started=$SECONDS
for bench in "${benches[@]}"; do
  if (( $(date +%s) >= BENCH_SMOKE_DEADLINE )); then
    summary+=("| $bench | not run | | the smoke run's $total s were used up |")
    failed=1
    continue
  fi
  begin=$SECONDS
  if [[ $SHARED == *" $bench "* ]]; then
    # Started once; when that start fails, the bench is marked failed and the next ones start
    # their own servers (moim_bench_start) rather than trying the shared one again.
    if [[ -z $shared_pid && -z $shared_failed ]] && ! start_shared; then
      summary+=("| $bench | FAILED (the shared server did not start) | $(( SECONDS - begin )) s | |")
      failed=1 shared_failed=1; stop_shared
      continue
    fi
  else
    stop_shared
  fi
  echo "== bench/$bench (smoke)"
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
