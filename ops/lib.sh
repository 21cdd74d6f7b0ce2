# Sourced by ops/up.sh, ops/down.sh and ops/node.sh: the names, ports and helpers of the loopback
# production topology (MariaDB, an external ActiveMQ Classic broker, two Moim nodes, nginx).
# Every setting below can be overridden from the environment.

OPS_RUN=${MOIM_OPS_DIR:-$PWD/target/ops}          # everything the run writes: logs, pids, data, nginx
OPS_NGINX_PORT=${MOIM_OPS_NGINX_PORT:-18080}       # the one address clients use
OPS_PORT_A=${MOIM_OPS_PORT_A:-18081}               # node A's HTTP port (loopback)
OPS_PORT_B=${MOIM_OPS_PORT_B:-18082}               # node B's HTTP port
OPS_GRID_A=${MOIM_OPS_GRID_A:-18091}               # node A's data grid (Hazelcast) port
OPS_GRID_B=${MOIM_OPS_GRID_B:-18092}
OPS_BROKER_PORT=${MOIM_OPS_BROKER_PORT:-61700}     # the broker's OpenWire port
OPS_DB=${MOIM_OPS_DB:-moim_topology}               # database and user created in MariaDB
OPS_DB_HOST=${MOIM_OPS_DB_HOST:-127.0.0.1}
OPS_DB_PORT=${MOIM_OPS_DB_PORT:-3306}
OPS_DB_USER_HOST=${MOIM_OPS_DB_USER_HOST:-127.0.0.1}  # where the nodes connect from, as MariaDB sees it ('%' in CI)
OPS_DB_ADMIN_USER=${MOIM_OPS_DB_ADMIN_USER:-root}  # an account that may create databases and users
OPS_DB_ADMIN_PASSWORD=${MOIM_OPS_DB_ADMIN_PASSWORD:-}
OPS_NODE_JAVA_OPTS=${MOIM_OPS_NODE_JAVA_OPTS:--Xmx512m}
OPS_FILES_MAX_SIZE=${MOIM_FILES_MAX_SIZE:-104857600}     # moim.files.max-size, also nginx's upload limit
OPS_MAX_JSON_BODY=${MOIM_HTTP_MAX_JSON_BODY:-1048576}    # moim.http.max-json-body
OPS_READY_TIMEOUT=${MOIM_OPS_READY_TIMEOUT:-300}   # seconds a node may take to become ready

ops_log() { echo "[ops $(date -u +%H:%M:%S)] $*"; }
ops_die() { echo "ops: $*" >&2; exit 1; }

ops_db_admin() {  # ops_db_admin SQL
  MYSQL_PWD=$OPS_DB_ADMIN_PASSWORD mariadb --protocol=tcp -h "$OPS_DB_HOST" -P "$OPS_DB_PORT" \
    -u "$OPS_DB_ADMIN_USER" -e "$1"
}

ops_pid() {  # ops_pid NAME -> the pid of a running process started by ops, or nothing
  local file=$OPS_RUN/pids/$1.pid pid
  [[ -f $file ]] || return 0
  pid=$(<"$file")
  if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

ops_wait_port() {  # ops_wait_port PORT SECONDS NAME
  local i
  for (( i = 0; i < $2 * 5; i++ )); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  ops_die "$3 did not listen on 127.0.0.1:$1 within $2 s (see $OPS_RUN/logs/)"
}

ops_node_port() { if [[ $1 == A ]]; then echo "$OPS_PORT_A"; else echo "$OPS_PORT_B"; fi; }
ops_node_grid() { if [[ $1 == A ]]; then echo "$OPS_GRID_A"; else echo "$OPS_GRID_B"; fi; }

# Starts node A or B in the background with the launcher conventions of bin/runtime.sh and waits
# until /health/ready answers 200.
ops_start_node() {  # ops_start_node A|B
  local node=$1 port grid started
  port=$(ops_node_port "$node")
  grid=$(ops_node_grid "$node")
  [[ -z $(ops_pid "node$node") ]] || { ops_log "node $node already runs"; return 0; }
  # Another process on the port would answer the readiness check in this node's place.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    ops_die "node $node: port $port is taken by another process ($(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1))"
  fi
  mkdir -p "$OPS_RUN/node$node/data"
  # shellcheck disable=SC1091
  source "$OPS_RUN/secrets/env"
  started=$(date +%s%N)
  (
    export MOIM_DATA_DIR=$OPS_RUN/node$node/data
    export MOIM_FILES_DIR=$OPS_RUN/files
    export MOIM_ACTIVEMQ_RAR=$PWD/target/runtime/activemq-rar.rar
    export MOIM_DB_DATASOURCE=org.mariadb.jdbc.MariaDbDataSource
    export MOIM_DB_URL=jdbc:mariadb://$OPS_DB_HOST:$OPS_DB_PORT/$OPS_DB
    export MOIM_DB_USER=$OPS_DB MOIM_DB_PASSWORD=$OPS_DB_PASSWORD
    export MOIM_JMS_SERVER_URL=tcp://127.0.0.1:$OPS_BROKER_PORT MOIM_JMS_BROKER_CONFIG=
    export MOIM_JMS_USER=moim MOIM_JMS_PASSWORD=$OPS_JMS_PASSWORD
    export MOIM_JWT_PRIVATE_KEY_FILE=$OPS_RUN/secrets/jwt-signing-key.pem
    export MOIM_INVITE_LINKS_SECRET=$OPS_INVITE_LINKS_SECRET
    export MOIM_BILLING_SANDBOX_WEBHOOK_SECRET=$OPS_SANDBOX_WEBHOOK_SECRET
    export MOIM_HTTP_TRUST_FORWARDED_FOR=true
    export MOIM_FILES_MAX_SIZE=$OPS_FILES_MAX_SIZE MOIM_HTTP_MAX_JSON_BODY=$OPS_MAX_JSON_BODY
    cd "$OPS_ROOT"
    exec setsid java $OPS_NODE_JAVA_OPTS -Duser.timezone=UTC -jar target/runtime/payara-micro.jar \
      --port "$port" \
      --clustername moim-ops --clustermode "tcpip:127.0.0.1:$OPS_GRID_A,127.0.0.1:$OPS_GRID_B" \
      --interfaces 127.0.0.1 --startport "$grid" \
      "${MOIM_PAYARA_ARGS[@]}" \
      --deploy target/moim.war --contextroot /
  ) >> "$OPS_RUN/logs/node$node.log" 2>&1 < /dev/null &
  echo $! > "$OPS_RUN/pids/node$node.pid"
  ops_log "node $node starting (pid $!, http 127.0.0.1:$port, grid $grid, log $OPS_RUN/logs/node$node.log)"
  local deadline=$(( $(date +%s) + OPS_READY_TIMEOUT ))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready") == 200 ]]; do
    [[ -n $(ops_pid "node$node") ]] || ops_die "node $node exited while starting (see $OPS_RUN/logs/node$node.log)"
    (( $(date +%s) < deadline )) || ops_die "node $node not ready within $OPS_READY_TIMEOUT s (see $OPS_RUN/logs/node$node.log)"
    sleep 0.5
  done
  ops_log "node $node ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

# Stops a process started by ops: SIGTERM (a node then stops gracefully within
# moim.shutdown.timeout), then waits for it to exit; SIGKILL after the given seconds.
ops_stop() {  # ops_stop NAME [SECONDS]
  local pid i
  pid=$(ops_pid "$1")
  [[ -n $pid ]] || { rm -f "$OPS_RUN/pids/$1.pid"; return 0; }
  kill -TERM "$pid"
  for (( i = 0; i < ${2:-40} * 5; i++ )); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    ops_log "$1 (pid $pid) still running after ${2:-40} s: SIGKILL"
    kill -KILL "$pid"
  fi
  rm -f "$OPS_RUN/pids/$1.pid"
  ops_log "$1 stopped"
}
