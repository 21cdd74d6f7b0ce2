#!/usr/bin/env bash
# Real-time delivery under load: Moim's /ws gateway against two Socket.io baselines measured in
# the same run, on the same machine, with the same driver (bench/realtime/LoadDriver.java):
#   1. Moim (MariaDB, one node): every message stored before it is acknowledged and delivered;
#   2. Socket.io + MariaDB: each message inserted into the same MariaDB before the broadcast;
#   3. Socket.io without storage: the plain room broadcast.
# Then idle memory per connection for Moim and plain Socket.io.
#
#   bench/realtime.sh                               # 5,000 connections, 1,000/2,000/4,000 msg/s, sweep
#   CONNECTIONS=1000 RATES=500,1000 SWEEP= bench/realtime.sh   # a quick look
#   TARGETS=moim IDLE= MOIM_BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/moim.jfr' bench/realtime.sh
#                                                   # Moim alone, with a JFR recording of its server
#
# KEEP_LOGS=DIR keeps the servers' logs there. Needs `mvn package` first, node and npm, and MariaDB on 127.0.0.1:3306 (root, empty password; the
# script makes its own moim_bench user). DRIVER_DEBUG=1 prints the first frames connection 0 gets.
# Prints Markdown tables for docs/performance.md; the driver's log goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${CONNECTIONS:-5000}
group=${GROUP:-10}
rates=${RATES:-1000,2000,4000}
seconds=${SECONDS_PER_RATE:-20}
sweep=${SWEEP---sweep}
idle=${IDLE-5000,10000}
targets=${TARGETS:-moim,socketio-mariadb,socketio}
port=18081
sio_port=3101
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
command -v node > /dev/null || { echo "node is needed for the Socket.io baselines" >&2; exit 1; }
(cd bench/realtime && npm ci --no-audit --no-fund --silent)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
db() { mysql -uroot -h127.0.0.1 -e "$1"; }
driver() { java -Xmx2g -XX:+UseParallelGC bench/realtime/LoadDriver.java --group "$group" --seconds "$seconds" "$@"; }

start_moim() {
  # A user of its own: the server's data source sends a password, and root has none.
  db "DROP DATABASE IF EXISTS moim_bench; CREATE DATABASE moim_bench CHARACTER SET utf8mb4;
      CREATE USER IF NOT EXISTS 'moim_bench'@'127.0.0.1' IDENTIFIED BY 'moim_bench';
      CREATE USER IF NOT EXISTS 'moim_bench'@'localhost' IDENTIFIED BY 'moim_bench';
      GRANT ALL PRIVILEGES ON moim_bench.* TO 'moim_bench'@'127.0.0.1';
      GRANT ALL PRIVILEGES ON moim_bench.* TO 'moim_bench'@'localhost';"
  rm -rf "$work/data"
  MOIM_DATA_DIR=$work/data MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar \
  MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
  MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$work/data/broker" \
  MOIM_JMS_USER= MOIM_JMS_PASSWORD= \
  MOIM_DB_DATASOURCE=org.mariadb.jdbc.MariaDbDataSource MOIM_DB_URL=jdbc:mariadb://127.0.0.1:3306/moim_bench \
  MOIM_DB_USER=moim_bench MOIM_DB_PASSWORD=moim_bench MOIM_BILLING_PLANS_FREE_MEMBERS=unlimited \
  MOIM_HTTP_TRUST_FORWARDED_FOR=true MOIM_PASSWORD_ITERATIONS=1024 MOIM_AUTH_ACCESS_TOKEN_TTL=PT4H \
  MOIM_RATE_LIMIT_REGISTER_PER_ADDRESS=100000 MOIM_CHAT_TYPING_INTERVAL=PT0S \
  java -Xmx2g ${MOIM_BENCH_JAVA_OPTS:-} -Duser.timezone=UTC -jar "$micro" --port "$port" \
    --clustername "bench-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
    --postbootcommandfile payara-config/post-boot-commands.asadmin --deploy target/moim.war --contextroot / \
    > "$work/moim.log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 300))
  until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"database"'; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$work/moim.log" >&2; exit 1; }
    (( SECONDS < deadline )) || { grep -m3 -A3 SEVERE "$work/moim.log" >&2; echo "Moim did not deploy within 300 s" >&2; exit 1; }
    sleep 0.5
  done
}

start_socketio() {
  db "DROP DATABASE IF EXISTS moim_bench_socketio; CREATE DATABASE moim_bench_socketio CHARACTER SET utf8mb4;"
  STORE=$1 PORT=$sio_port node bench/realtime/socketio-server.js > "$work/sio.log" 2>&1 &
  pid=$!
  until grep -q "baseline on" "$work/sio.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/sio.log" >&2; exit 1; }
    sleep 0.2
  done
}

stop() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [[ -n ${KEEP_LOGS:-} ]]; then mkdir -p "$KEEP_LOGS"; cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
}

echo "# Real-time benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, driver on the same machine"
echo "connections=$connections group=$group rates=$rates seconds=$seconds"

wants() { [[ ,$targets, == *,$1,* ]]; }

if wants moim; then
  echo; echo "## Moim (MariaDB, one node)"
  start_moim
  # Messages (with the sweep), then typing (not stored) on the same connections.
  driver --target moim --url "http://127.0.0.1:$port" --connections "$connections" --rates "$rates" --pid "$pid" $sweep \
    --kinds message,typing
  stop
fi

if wants socketio-mariadb; then
  echo; echo "## Socket.io + MariaDB insert per message"
  start_socketio mariadb
  driver --target socketio --url "http://127.0.0.1:$sio_port" --connections "$connections" --rates "$rates" --pid "$pid" $sweep
  stop
fi

if wants socketio; then
  echo; echo "## Socket.io without storage"
  start_socketio none
  driver --target socketio --url "http://127.0.0.1:$sio_port" --connections "$connections" --rates "$rates" --pid "$pid" $sweep \
    --kinds message,typing
  stop
fi

if [[ -n $idle ]]; then
  echo; echo "## Idle connections"
  if wants moim; then
    start_moim
    driver --target moim --url "http://127.0.0.1:$port" --pid "$pid" --idle "$idle"
    stop
  fi
  if wants socketio; then
    start_socketio none
    driver --target socketio --url "http://127.0.0.1:$sio_port" --pid "$pid" --idle "$idle"
    stop
  fi
fi
