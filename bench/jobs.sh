#!/usr/bin/env bash
# Jobs per second through the queue: starts Moim (H2, embedded broker, a fresh data directory) on
# port 18281, uploads N photos at once (each queues a thumbnail job on moim.conversion) and follows
# every job to SUCCEEDED through GET /api/v1/jobs/{id}; in the same run, the same thumbnails made
# in-process without queue, database or HTTP (bench/JobsBench.java). Prints a Markdown table
# (docs/performance.md).
#
#   bench/jobs.sh [jobs]     # default 300; needs `mvn package` first
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18281}
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro && -d target/classes ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

MOIM_DATA_DIR=$work/data MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$work/data/broker" \
MOIM_JMS_USER= MOIM_JMS_PASSWORD= \
  java -Xmx1g -Duser.timezone=UTC -jar "$micro" --port "$port" \
    --clustername "bench-jobs-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
    --postbootcommandfile payara-config/post-boot-commands.asadmin --deploy target/moim.war --contextroot / \
    > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"database"'; do
  kill -0 "$server" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $(java -version 2>&1 | head -1), H2, $(date -u +%F)."
echo
# The listener of moim.conversion has maxSessions=2 (ConversionListener): the baseline uses as many threads.
java -cp target/classes bench/JobsBench.java "http://127.0.0.1:$port" "${1:-300}" 2
