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
#   BENCH_SMOKE=1 bench/realtime.sh                 # smoke: every target, 20 connections, 20 msg/s,
#                                                   # 1 s warm-up + 2 s, no sweep, 20 idle; at most 420 s
#
# KEEP_LOGS=DIR keeps the servers' logs there. Needs `mvn package` first, node and npm, and MariaDB on 127.0.0.1:3306 (root, empty password; the
# script makes its own moim_bench user). DRIVER_DEBUG=1 prints the first frames connection 0 gets.
# The driver cannot hang: it ends non-zero with the reason on any failure, opens a connection that
# does not join again (twice), and bounds its setup (SETUP_TIMEOUT seconds, default 900) and each
# phase (warm-up + measurement + 3 s drain + at most 2 min of backlog + 1 min).
# WARMUP (seconds, default 5) and IDLE_WAIT (seconds idle connections stay open before RSS is
# read, default 10) go to the driver. Moim runs on the JDK bin/runtime.sh finds, with the Payara
# options every start of Moim shares (MOIM_PAYARA_ARGS), and sets what it needs itself (FREE's
# member limit lifted, registration rate limit raised, ...).
# Prints Markdown tables for docs/performance.md; the driver's log goes to stderr.
# BENCH_SMOKE=1 (docs/performance.md) runs the same steps with the tiny settings above (each can
# still be set), under `timeout` (BENCH_SMOKE_TIMEOUT seconds), with the driver's --strict check
# (anything lost, duplicated or refused fails), and exits non-zero on any failure. It leaves the
# Socket.io baselines out, saying so, only when node is missing or `npm ci` fails.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${BENCH_SMOKE:-0} != 0 ]] && smoke=1 || smoke=
if [[ -n $smoke && -z ${BENCH_SMOKE_BOUNDED:-} ]]; then
  limit=${BENCH_SMOKE_TIMEOUT:-420}
  left=$(( ${BENCH_SMOKE_DEADLINE:-0} - $(date +%s) ))   # bench/smoke.sh's budget
  (( ${BENCH_SMOKE_DEADLINE:-0} == 0 || left >= limit )) || limit=$(( left > 1 ? left : 1 ))
  rc=0; BENCH_SMOKE_BOUNDED=1 timeout -k 15 "$limit" "$0" "$@" || rc=$?
  (( rc != 124 )) || echo "realtime smoke: gave up after $limit s" >&2
  exit "$rc"
fi
source bin/runtime.sh
moim_use_jdk
if [[ -n $smoke ]]; then
  : "${CONNECTIONS:=20}" "${RATES:=20}" "${SECONDS_PER_RATE:=2}" "${WARMUP:=1}" "${SWEEP=}" "${IDLE=20}" "${IDLE_WAIT:=2}"
fi
connections=${CONNECTIONS:-5000}
group=${GROUP:-10}
rates=${RATES:-1000,2000,4000}
seconds=${SECONDS_PER_RATE:-20}
warmup=${WARMUP:-5}
sweep=${SWEEP---sweep}
idle=${IDLE-5000,10000}
idle_wait=${IDLE_WAIT:-10}
targets=${TARGETS:-moim,socketio-mariadb,socketio}
port=18081
sio_port=3101
micro=target/runtime/payara-micro.jar
[[ -f target/moim.war && -f $micro ]] || { echo "run 'mvn package' first" >&2; exit 1; }
if [[ ,$targets, == *,socketio* ]]; then
  reason=
  if ! command -v node > /dev/null; then
    reason="node is not installed"
  elif ! (cd bench/realtime && npm ci --no-audit --no-fund --silent); then
    reason="npm ci failed in bench/realtime"
  fi
  if [[ -n $reason && -z $smoke ]]; then
    echo "$reason: node and npm are needed for the Socket.io baselines" >&2; exit 1
  elif [[ -n $reason ]]; then
    echo "baselines skipped: the Socket.io baselines are left out ($reason); Moim alone" >&2
    targets=moim
  fi
fi
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
db() { mysql -uroot -h127.0.0.1 -e "$1"; }
driver() {
  java -Xmx2g -XX:+UseParallelGC bench/realtime/LoadDriver.java --group "$group" --seconds "$seconds" --warmup "$warmup" \
    --idle-wait "$idle_wait" --setup-timeout "${SETUP_TIMEOUT:-900}" ${smoke:+--strict} "$@" ||
    { rc=$?; echo "the load driver failed (exit $rc; 2: an error, 3: a step overran its time bound; its log above says which)" >&2; exit "$rc"; }
}

start_moim() {
  # A user of its own: the server's data source sends a password, and root has none.
  db "DROP DATABASE IF EXISTS moim_bench; CREATE DATABASE moim_bench CHARACTER SET utf8mb4;
      CREATE USER IF NOT EXISTS 'moim_bench'@'127.0.0.1' IDENTIFIED BY 'moim_bench';
      CREATE USER IF NOT EXISTS 'moim_bench'@'localhost' IDENTIFIED BY 'moim_bench';
      GRANT ALL PRIVILEGES ON moim_bench.* TO 'moim_bench'@'127.0.0.1';
      GRANT ALL PRIVILEGES ON moim_bench.* TO 'moim_bench'@'localhost';"
  rm -rf "$work/data"
  # -Xmx2g (and MOIM_BENCH_JAVA_OPTS, word-split, e.g. a collector to try) after the shared -Xmx1g
  moim_bench_start realtime "$port" "$work" \
    MOIM_DB_DATASOURCE=org.mariadb.jdbc.MariaDbDataSource MOIM_DB_URL=jdbc:mariadb://127.0.0.1:3306/moim_bench \
    MOIM_DB_USER=moim_bench MOIM_DB_PASSWORD=moim_bench MOIM_BILLING_PLANS_FREE_MEMBERS=unlimited \
    MOIM_HTTP_TRUST_FORWARDED_FOR=true MOIM_PASSWORD_ITERATIONS=1024 MOIM_AUTH_ACCESS_TOKEN_TTL=PT4H \
    MOIM_RATE_LIMIT_REGISTER_PER_ADDRESS=100000 MOIM_CHAT_TYPING_INTERVAL=PT0S \
    -- -Xmx2g ${MOIM_BENCH_JAVA_OPTS:-}
  pid=$MOIM_BENCH_PID
}

start_socketio() {
  db "DROP DATABASE IF EXISTS moim_bench_socketio; CREATE DATABASE moim_bench_socketio CHARACTER SET utf8mb4;"
  STORE=$1 PORT=$sio_port node bench/realtime/socketio-server.js > "$work/sio.log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 60))
  until grep -q "baseline on" "$work/sio.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/sio.log" >&2; exit 1; }
    (( SECONDS < deadline )) || { cat "$work/sio.log" >&2; echo "the Socket.io baseline did not start within 60 s" >&2; exit 1; }
    sleep 0.2
  done
}

stop() {
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [[ -n ${KEEP_LOGS:-} ]]; then mkdir -p "$KEEP_LOGS"; cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
}

echo "# Real-time benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, driver on the same machine"
echo "connections=$connections group=$group rates=$rates seconds=$seconds${smoke:+ (smoke)}"

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
