#!/usr/bin/env bash
# The board view under load: starts Moim (H2, a fresh data directory) on port 18081, fills one
# board with 2,000 cards through the API and times GET of the board view (median, p99) with its
# SQL statement count. Prints a Markdown table (docs/performance.md).
#
#   bench/board-view.sh [cards] [requests] [warmup]     # defaults 2000 500 50; needs `mvn package` first
#
# The statement count comes from X-Moim-Sql-Statements, so the server runs with
# moim.diagnostics.sql-statement-count=true (a counter increment per statement).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18081}
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

MOIM_DATA_DIR=$work/data MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$work/data/broker" \
MOIM_JMS_USER= MOIM_JMS_PASSWORD= MOIM_DIAGNOSTICS_SQL_STATEMENT_COUNT=true \
  java -Xmx1g -Duser.timezone=UTC -jar "$micro" --port "$port" \
    --clustername "bench-board-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
    --postbootcommandfile payara-config/post-boot-commands.asadmin --deploy target/moim.war --contextroot / \
    > "$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"database"'; do
  kill -0 "$server" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $(java -version 2>&1 | head -1), H2, $(date -u +%F)."
echo
java bench/BoardViewBench.java "http://127.0.0.1:$port" "${1:-2000}" "${2:-500}" "${3:-50}"
