#!/usr/bin/env bash
# Starts Moim's production topology on this machine, on the loopback interface:
#   MariaDB (must be running; the database and its user are created here),
#   an external ActiveMQ Classic broker in a JVM of its own (127.0.0.1:61700),
#   two Moim nodes on Payara Micro (18081, 18082; data grid 18091, 18092) sharing one files
#   directory, one signing key and the same secrets,
#   nginx in front (http://127.0.0.1:18080/): round robin, WebSocket upgrades at /ws, the upload
#   limit from moim.files.max-size, its own errors as application/problem+json.
# Everything it writes is under $MOIM_OPS_DIR (default target/ops). ops/down.sh stops it all.
#
#   ops/up.sh            # start (builds the WAR first when it is missing)
#   MOIM_OPS_FRESH=1 ops/up.sh   # drop the database and the run directory first
# Settings: see ops/lib.sh (ports, database, JVM options); docs/operations.md explains it.
set -euo pipefail
cd "$(dirname "$0")/.."
OPS_ROOT=$PWD
source bin/runtime.sh
source ops/lib.sh
moim_use_jdk
command -v nginx >/dev/null || ops_die "nginx is not installed (Debian: apt-get install nginx)"
command -v mariadb >/dev/null || ops_die "the mariadb client is not installed (Debian: apt-get install mariadb-client)"

if [[ ${MOIM_OPS_FRESH:-0} == 1 ]]; then
  [[ -z $(ops_pid nodeA)$(ops_pid nodeB)$(ops_pid broker) ]] || ops_die "the topology runs; ops/down.sh first"
  ops_log "fresh start: dropping database $OPS_DB and $OPS_RUN"
  ops_db_admin "DROP DATABASE IF EXISTS \`$OPS_DB\`"
  rm -rf "$OPS_RUN"
fi
mkdir -p "$OPS_RUN"/{logs,pids,secrets,files,broker,nginx}
chmod 700 "$OPS_RUN/secrets"

if [[ ! -f target/moim.war || ! -f target/runtime/payara-micro.jar || ! -f target/runtime/activemq-rar.rar ]]; then
  ops_log "building the WAR (mvn package)"
  mvn -B -q package -DskipTests
fi

# Shared secrets, generated once per run directory: every node gets the same ones.
if [[ ! -f $OPS_RUN/secrets/env ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OPS_RUN/secrets/jwt-signing-key.pem" 2>/dev/null
  {
    echo "OPS_DB_PASSWORD=$(openssl rand -hex 16)"
    echo "OPS_JMS_PASSWORD=$(openssl rand -hex 16)"
    echo "OPS_INVITE_LINKS_SECRET=$(openssl rand -hex 32)"
    echo "OPS_SANDBOX_WEBHOOK_SECRET=$(openssl rand -hex 32)"
  } > "$OPS_RUN/secrets/env"
  chmod 600 "$OPS_RUN/secrets/"*
fi
# shellcheck disable=SC1091
source "$OPS_RUN/secrets/env"

# 1. The database and a user owning it.
ops_db_admin "CREATE DATABASE IF NOT EXISTS \`$OPS_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$OPS_DB'@'$OPS_DB_USER_HOST' IDENTIFIED BY '$OPS_DB_PASSWORD';
  ALTER USER '$OPS_DB'@'$OPS_DB_USER_HOST' IDENTIFIED BY '$OPS_DB_PASSWORD';
  GRANT ALL PRIVILEGES ON \`$OPS_DB\`.* TO '$OPS_DB'@'$OPS_DB_USER_HOST';"
ops_log "database $OPS_DB on $OPS_DB_HOST:$OPS_DB_PORT ready"

# 2. The broker: ActiveMQ Classic from the resource adapter's Maven artifact (same version), plus
# the Jakarta Messaging API, which the adapter leaves to the application server.
lib=$OPS_RUN/broker/lib
if [[ ! -f $lib/.complete ]]; then
  rm -rf "$lib" && mkdir -p "$lib"
  (cd "$lib" && jar xf "$OPS_ROOT/target/runtime/activemq-rar.rar" && rm -f META-INF -r)
  mvn -B -q -o dependency:copy -Dartifact=jakarta.jms:jakarta.jms-api:3.1.0 -DoutputDirectory="$lib" 2>/dev/null \
    || mvn -B -q dependency:copy -Dartifact=jakarta.jms:jakarta.jms-api:3.1.0 -DoutputDirectory="$lib"
  touch "$lib/.complete"
fi
if [[ -z $(ops_pid broker) ]]; then
  (
    export MOIM_JMS_USER=moim MOIM_JMS_PASSWORD=$OPS_JMS_PASSWORD
    exec setsid java -Xmx256m -cp "$lib/*" ops/Broker.java "tcp://127.0.0.1:$OPS_BROKER_PORT" "$OPS_RUN/broker/data"
  ) >> "$OPS_RUN/logs/broker.log" 2>&1 < /dev/null &
  echo $! > "$OPS_RUN/pids/broker.pid"
  ops_wait_port "$OPS_BROKER_PORT" 60 broker
  ops_log "broker (ActiveMQ Classic 6.1.8, pid $(ops_pid broker)) on tcp://127.0.0.1:$OPS_BROKER_PORT"
fi

# 3. The nodes, one after the other: the first applies the migrations alone.
ops_start_node A
ops_start_node B

# 4. nginx.
ops/nginx-conf.sh > "$OPS_RUN/nginx/nginx.conf"
nginx -t -q -p "$OPS_RUN/nginx/" -c "$OPS_RUN/nginx/nginx.conf"
if [[ -n $(ops_pid nginx) ]]; then
  kill -HUP "$(ops_pid nginx)"
else
  nginx -p "$OPS_RUN/nginx/" -c "$OPS_RUN/nginx/nginx.conf"
fi
ops_wait_port "$OPS_NGINX_PORT" 10 nginx
ops_log "nginx on http://127.0.0.1:$OPS_NGINX_PORT/ (config $OPS_RUN/nginx/nginx.conf)"
ops_log "up: http://127.0.0.1:$OPS_NGINX_PORT/   stop with ops/down.sh"
