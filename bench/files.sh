#!/usr/bin/env bash
# Upload and download throughput of one large file through a running Moim, against a plain copy of
# the same file on the same disk in the same run, and the server's heap while it happens (it must
# stay flat: uploads and downloads stream through fixed buffers). Prints a Markdown table
# (docs/performance.md).
#
#   bench/files.sh [size-in-MiB]     # default 1024 (1 GiB); needs `mvn package` first
#   BENCH_SMOKE=1 bench/files.sh     # smoke: 8 MiB, 1 s at rest; at most 180 s
#
# Starts its own Moim (H2, embedded broker) on port 18181 with its data directory under
# target/bench-files (so content, staging and the copies share one disk), -Xmx1g, on the JDK
# bin/runtime.sh finds with the Payara options every start of Moim shares (MOIM_PAYARA_ARGS). It
# sets the limits the file needs itself: the server's own (moim.files.max-size and
# workspace-quota, sized to the file) and the FREE plan's file-bytes and storage-bytes (lifted,
# docs/billing.md), so a fresh data directory takes a 1 GiB file with no other settings. The server's
# heap is sampled every 200 ms with jstat (young + old generations in use; old alone shows what
# survives collections). The baseline for both directions is `cp` of the same file followed by
# `sync` of the copy (uploads are forced to disk before they are kept). Every transfer is checked
# byte for byte (SHA-256). BENCH_SMOKE=1 (docs/performance.md) runs the same steps with a small
# file, under `timeout` (BENCH_SMOKE_TIMEOUT seconds), and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-180}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "files smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
mib=${1:-${smoke:+8}}
mib=${mib:-1024}
rest_seconds=${smoke:+1}
port=18181
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$PWD/target/bench-files
rm -rf "$work"; mkdir -p "$work/data"
server=
sampler=
cleanup() {
  [[ -n $sampler ]] && kill "$sampler" 2>/dev/null || true
  kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true   # our own server, not a shared one
  rm -rf "$work"
}
trap cleanup EXIT

moim_bench_start files "$port" "$work" \
  MOIM_FILES_MAX_SIZE=$(( (mib + 1) * 1048576 )) MOIM_FILES_WORKSPACE_QUOTA=$(( (2 * mib + 16) * 1048576 )) \
  MOIM_BILLING_PLANS_FREE_FILE_BYTES=unlimited MOIM_BILLING_PLANS_FREE_STORAGE_BYTES=unlimited
server=$MOIM_BENCH_PID

api=$MOIM_BENCH_URL/api/v1
email="bench-$$@example.com"
curl -sf -o /dev/null -X POST "$api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery\",\"displayName\":\"Bench\"}"
token=$(curl -sf -X POST "$api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"correct horse battery\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
workspace=$(curl -sf -X POST "$api/workspaces" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Bench"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')

# heap in use (MiB): S0U+S1U+EU+OU, and OU alone, from `jstat -gc` lines
sample() {
  jstat -gc "$server" 200 > "$1" 2>/dev/null & sampler=$!
  until [[ $(wc -l < "$1") -ge 2 ]]; do  # jstat is attached and sampling
    kill -0 "$sampler" 2>/dev/null || { echo "jstat could not attach to the server ($server)" >&2; exit 1; }
    sleep 0.05
  done
}
stop_sample() { kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=; }
peak() { awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=($3+$4+$6+$8)/1024; o=$8/1024; if (u>mu) mu=u; if (o>mo) mo=o} END {printf "%.0f %.0f", mu, mo}' "$1"; }
seconds() { awk -v ns="$1" 'BEGIN {printf "%.2f", ns/1e9}'; }

head -c $(( mib * 1048576 )) /dev/urandom > "$work/source.bin"
sum=$(sha256sum "$work/source.bin" | cut -d' ' -f1)
sync

# Baseline: a copy on the same disk, forced to it.
begin=$(date +%s%N); cp "$work/source.bin" "$work/copy.bin"; sync "$work/copy.bin"; end=$(date +%s%N)
copy=$(( end - begin )); rm -f "$work/copy.bin"; sync

# A warm-up and the heap at rest, after the server's own start-up garbage.
curl -sf -o /dev/null -T /dev/null -H "Authorization: Bearer $token" "$api/workspaces/$workspace/files?name=warm-up.bin"
jcmd "$server" GC.run > /dev/null
sample "$work/rest.jstat"; sleep "${rest_seconds:-3}"; stop_sample
read -r rest_used rest_old <<< "$(peak "$work/rest.jstat")"

sample "$work/up.jstat"
begin=$(date +%s%N)
file=$(curl -sS --fail-with-body -T "$work/source.bin" -H 'Expect:' -H "Authorization: Bearer $token" \
  "$api/workspaces/$workspace/files?name=source.bin") || { echo "upload failed: $file" >&2; exit 1; }
end=$(date +%s%N); stop_sample
up=$(( end - begin ))
[[ $file == *"\"sha256\":\"$sum\""* ]] || { echo "upload: wrong content: $file" >&2; exit 1; }
id=$(sed 's|.*"contentUrl":"/api/v1/files/\([^/"]*\)/content".*|\1|' <<< "$file")
read -r up_used up_old <<< "$(peak "$work/up.jstat")"
sync

sample "$work/down.jstat"
begin=$(date +%s%N)
curl -sf -o "$work/download.bin" -H "Authorization: Bearer $token" "$api/files/$id/content"; sync "$work/download.bin"
end=$(date +%s%N); stop_sample
down=$(( end - begin ))
[[ $(sha256sum "$work/download.bin" | cut -d' ' -f1) == "$sum" ]] || { echo "download: wrong content" >&2; exit 1; }
read -r down_used down_old <<< "$(peak "$work/down.jstat")"

rate() { awk -v mib="$mib" -v ns="$1" 'BEGIN {printf "%.0f MiB/s", mib / (ns / 1e9)}'; }
ratio() { awk -v a="$1" -v b="$copy" 'BEGIN {printf "%.2f", a / b}'; }
echo "| $mib MiB | time | throughput | time vs. cp | heap in use, peak (old gen) |"
echo "|---|---|---|---|---|"
echo "| server at rest (after a GC) | | | | $rest_used MiB ($rest_old MiB) |"
echo "| baseline: cp + sync | $(seconds $copy) s | $(rate $copy) | 1.00 | |"
echo "| upload (curl -T, PUT) | $(seconds $up) s | $(rate $up) | $(ratio $up) | $up_used MiB ($up_old MiB) |"
echo "| download (curl -o, + sync) | $(seconds $down) s | $(rate $down) | $(ratio $down) | $down_used MiB ($down_old MiB) |"
