#!/bin/sh
# Starts Moim in the container with the same Payara Micro options as ./moim. Every variable the
# post-boot command file names is set (possibly empty), because Payara keeps an unset ${ENV=...}
# literally. The Dockerfile sets the defaults; these lines only guard against a variable that
# was removed from the environment. Extra arguments are passed on to Payara Micro.
set -eu
# SIGTERM (docker stop) reaches Java directly (exec below): Moim stops gracefully within
# MOIM_SHUTDOWN_TIMEOUT (default 20 s); give `docker stop -t 30` or stop_grace_period: 30s.

export MOIM_DATA_DIR="${MOIM_DATA_DIR:-/opt/payara/data}"
mkdir -p "$MOIM_DATA_DIR"
MOIM_DATA_DIR=$(cd "$MOIM_DATA_DIR" && pwd)
export MOIM_ACTIVEMQ_RAR="${MOIM_ACTIVEMQ_RAR:-/opt/moim/activemq-rar.rar}"
export MOIM_JMS_SERVER_URL="${MOIM_JMS_SERVER_URL:-vm://localhost?create=false}"
# Unset: the embedded broker under the data directory. Set but empty: an external broker.
export MOIM_JMS_BROKER_CONFIG="${MOIM_JMS_BROKER_CONFIG-broker:(tcp://127.0.0.1:61616)?useJmx=false&persistent=true&dataDirectory=$MOIM_DATA_DIR/broker}"
export MOIM_JMS_USER="${MOIM_JMS_USER:-}"
export MOIM_JMS_PASSWORD="${MOIM_JMS_PASSWORD:-}"

# MOIM_JAVA_OPTS is split into words on purpose (several JVM options in one variable).
# shellcheck disable=SC2086
# UTC: stored times are UTC, and EclipseLink binds them through the JVM's default time zone.
exec java ${MOIM_JAVA_OPTS:--XX:MaxRAMPercentage=70.0} -Duser.timezone=UTC -jar "${MOIM_PAYARA_MICRO:-/opt/moim/payara-micro.jar}" \
  --port "${MOIM_HTTP_PORT:-8080}" \
  --clustername "${MOIM_CLUSTER_NAME:-moim}" \
  --clustermode "${MOIM_CLUSTER_MODE:-tcpip:127.0.0.1:6900}" \
  --interfaces "${MOIM_CLUSTER_INTERFACES:-127.0.0.1}" \
  --addlibs /opt/moim/lib \
  --prebootcommandfile /opt/moim/pre-boot-commands.asadmin \
  --postbootcommandfile /opt/moim/post-boot-commands.asadmin \
  --deploy /opt/moim/moim.war \
  --contextroot / \
  "$@"
