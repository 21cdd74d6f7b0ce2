#!/usr/bin/env bash
# Search at volume on MariaDB: starts Moim on port 18085 against a fresh database
# (moim_bench_search), fills one workspace with 200,000 messages and 20,000 cards, and times 500
# searches end to end and, in SQL, the indexed message query against a plain LIKE '%term%' scan of
# the same rows in the same run (bench/SearchBench.java). Prints a Markdown table (docs/performance.md).
#
#   bench/search.sh [messages] [cards] [searches]     # defaults 200000 20000 500; needs `mvn package` first
#   BENCH_SMOKE=1 bench/search.sh                     # smoke: 2,000 messages, 200 cards, 20 searches; at most 240 s
#
# Needs MariaDB on 127.0.0.1:3306 where root signs in without a password (as the integration tests).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-240}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "search smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
if [[ -n $smoke ]]; then set -- "${1:-2000}" "${2:-200}" "${3:-20}"; fi
port=${BENCH_PORT:-18085}
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro && -d target/classes ]] || { echo "run 'mvn package' first" >&2; exit 1; }
driver=$(ls target/moim/WEB-INF/lib/mariadb-java-client-*.jar 2>/dev/null | head -1)
[[ -n $driver ]] || driver=$(ls ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar | sort | tail -1)
command -v mariadb >/dev/null || { echo "skipped: no mariadb client"; exit 0; }
db() { mariadb -h 127.0.0.1 -P 3306 -u root -e "$1"; }
db "SELECT 1" >/dev/null 2>&1 || { echo "skipped: MariaDB is not on 127.0.0.1:3306"; exit 0; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# A user of its own: the server's data source sends a password, and root has none.
db "DROP DATABASE IF EXISTS moim_bench_search; CREATE DATABASE moim_bench_search CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'moim_bench_search'@'127.0.0.1' IDENTIFIED BY 'moim_bench_search';
    CREATE USER IF NOT EXISTS 'moim_bench_search'@'localhost' IDENTIFIED BY 'moim_bench_search';
    GRANT ALL PRIVILEGES ON moim_bench_search.* TO 'moim_bench_search'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON moim_bench_search.* TO 'moim_bench_search'@'localhost';"
url=jdbc:mariadb://127.0.0.1:3306/moim_bench_search
moim_bench_start search "$port" "$work" MOIM_DB_DATASOURCE=org.mariadb.jdbc.MariaDbDataSource MOIM_DB_URL=$url \
  MOIM_DB_USER=moim_bench_search MOIM_DB_PASSWORD=moim_bench_search MOIM_BILLING_PLANS_FREE_BOARDS=unlimited \
  MOIM_PASSWORD_ITERATIONS=1024 MOIM_AUTH_ACCESS_TOKEN_TTL=PT4H

echo "$(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) when the server was ready), $(java -version 2>&1 | head -1), MariaDB $(mariadb -N -h 127.0.0.1 -P 3306 -u root -e 'SELECT VERSION()'), $(date -u +%F)."
echo
java -cp "target/classes:$driver" bench/SearchBench.java "$MOIM_BENCH_URL" "$url" moim_bench_search moim_bench_search \
  "${1:-200000}" "${2:-20000}" "${3:-500}"
db "DROP DATABASE IF EXISTS moim_bench_search"
