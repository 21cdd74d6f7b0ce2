#!/usr/bin/env bash
# Upload and download throughput of one large file through a running Moim, against a plain copy of
# the same file on the same disk in the same run, and the server's heap while it happens (it must
# stay flat: uploads and downloads stream through fixed buffers). Prints a Markdown table
# (docs/performance.md).
#
#   bench/files.sh [size-in-MiB]     # default 1024 (1 GiB); needs `mvn package` first
#
# Starts its own Moim (H2, embedded broker) on port 18181 with its data directory under
# target/bench-files (so content, staging and the copies share one disk), -Xmx1g. The server's
# heap is sampled every 200 ms with jstat (young + old generations in use; old alone shows what
# survives collections). The baseline for both directions is `cp` of the same file followed by
# `sync` of the copy (uploads are forced to disk before they are kept). Every transfer is checked
# byte for byte (SHA-256).
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}
port=18181
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$PWD/target/bench-files
rm -rf "$work"; mkdir -p "$work/data"
server=
sampler=
cleanup() {
  [[ -n $sampler ]] && kill "$sampler" 2>/dev/null || true
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

MOIM_DATA_DIR=$work/data MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$work/data/broker" \
MOIM_JMS_USER= MOIM_JMS_PASSWORD= \
MOIM_FILES_MAX_SIZE=$(( (mib + 1) * 1048576 )) MOIM_FILES_WORKSPACE_QUOTA=$(( (2 * mib + 16) * 1048576 )) \
java -Xmx1g -Duser.timezone=UTC -jar "$micro" --port "$port" \
  --clustername "bench-files-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
  --postbootcommandfile payara-config/post-boot-commands.asadmin --deploy target/moim.war --contextroot / \
  > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"database"'; do
  kill -0 "$server" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  sleep 1
done

api=http://127.0.0.1:$port/api/v1
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
  until [[ $(wc -l < "$1") -ge 2 ]]; do sleep 0.05; done  # jstat is attached and sampling
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
sample "$work/rest.jstat"; sleep 3; stop_sample
read -r rest_used rest_old <<< "$(peak "$work/rest.jstat")"

sample "$work/up.jstat"
begin=$(date +%s%N)
file=$(curl -sf -T "$work/source.bin" -H 'Expect:' -H "Authorization: Bearer $token" "$api/workspaces/$workspace/files?name=source.bin")
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
