# Sourced by ./moim, .ci/run and the scripts in bench/: finds the JDK and names the runtime files.
#
# Moim needs Java 21 or later (Payara Micro 7); Java 25 is preferred. The first of these that is
# 21 or later wins: $JAVA_HOME, the newest JDK under /usr/lib/jvm, `java` on the PATH.
# moim_use_jdk exports JAVA_HOME and puts its bin first on the PATH, or fails with a clear message.

moim_java_major() {  # moim_java_major JAVA -> the major version, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'
}

moim_use_jdk() {
  local candidate major best= best_major=0
  local -a candidates=()
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/*/; do candidates+=("${candidate%/}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [[ -x $candidate/bin/java && -x $candidate/bin/javac ]] || continue
    major=$(moim_java_major "$candidate/bin/java")
    [[ $major =~ ^[0-9]+$ ]] || continue
    # $JAVA_HOME wins when it is recent enough; otherwise the newest JDK found.
    if [[ $candidate == "${JAVA_HOME:-}" && $major -ge 21 ]]; then best=$candidate; best_major=$major; break; fi
    if (( major > best_major )); then best=$candidate; best_major=$major; fi
  done
  if (( best_major < 21 )); then
    echo "Moim needs a JDK 21 or later (Java 25 recommended); found none (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm, PATH)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 25 JDK, or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH=$JAVA_HOME/bin:$PATH
}

# What `mvn package` copies under target/runtime: Payara Micro, the ActiveMQ resource adapter, and
# libraries Payara loads beside them (--addlibs): SLF4J with its java.util.logging binding, which
# the adapter's message endpoints need on Payara 7 (the copy inside the adapter finds no provider).
# MOIM_PAYARA_ARGS: the Payara Micro options every start of Moim shares (paths relative to the
# project's folder, where every script runs).
MOIM_PAYARA_ARGS=(--addlibs target/runtime/lib
                  --prebootcommandfile payara-config/pre-boot-commands.asadmin
                  --postbootcommandfile payara-config/post-boot-commands.asadmin)

# Stops with one clear line when a host in a Payara --clustermode value (tcpip:host:port,…) does
# not resolve: Hazelcast would otherwise start a cluster of one and the node would never see the
# others' revocations, rate limits or chat.
moim_check_cluster_mode() {  # moim_check_cluster_mode VALUE VARIABLE_NAME
  local value=$1 name=$2 member host
  [[ $value == tcpip:* ]] || return 0
  IFS=',' read -ra members <<< "${value#tcpip:}"
  for member in "${members[@]}"; do
    host=${member%:*}
    if ! getent hosts "$host" > /dev/null 2>&1; then
      echo "Moim cannot start: $name: cluster member '$member' does not resolve (host '$host')." >&2
      return 1
    fi
  done
}

# Starts Moim for a benchmark and waits until it is ready:
#   moim_bench_start NAME PORT WORK [VAR=VALUE...] [-- JAVA_OPTION...]
# It listens on PORT with H2 and the embedded broker under WORK/data; the VAR=VALUE pairs are added
# to its environment and win (a MariaDB data source, a lifted plan limit). The JVM gets -Xmx1g
# (a JAVA_OPTION may say otherwise), -Duser.timezone=UTC, quick-start flags under BENCH_SMOKE=1,
# and Payara the options every start shares (MOIM_PAYARA_ARGS) and a cluster of its own; its output
# goes to WORK/server.log. When the server dies or is not ready within 300 s it prints the log's
# end and returns 1 (which stops a script under `set -e`). Sets MOIM_BENCH_URL and MOIM_BENCH_PID; the server is a job of the
# calling shell, so the usual EXIT trap (`kill $(jobs -p)`) stops it.
#
# bench/smoke.sh runs the H2 benchmarks on one server: it exports MOIM_BENCH_SHARED_URL,
# MOIM_BENCH_SHARED_PID and MOIM_BENCH_SHARED_ENV (the pairs it started that server with). A bench
# asking for no JAVA_OPTION and only pairs among those uses that server and starts nothing.
moim_bench_start() {
  local name=$1 port=$2 work=$3 pair shared
  shift 3
  local -a settings=() options=()
  while (( $# )) && [[ $1 != -- ]]; do settings+=("$1"); shift; done
  (( $# )) && shift
  options=("$@")
  if [[ -n ${MOIM_BENCH_SHARED_URL:-} ]] && (( ${#options[@]} == 0 )); then
    shared=1
    for pair in "${settings[@]}"; do [[ " $MOIM_BENCH_SHARED_ENV " == *" $pair "* ]] || shared=; done
    if [[ -n $shared ]]; then
      MOIM_BENCH_URL=$MOIM_BENCH_SHARED_URL MOIM_BENCH_PID=$MOIM_BENCH_SHARED_PID
      echo "($name runs on bench/smoke.sh's shared server, $MOIM_BENCH_URL)" >&2
      return 0
    fi
  fi
  local -a quick=()
  [[ ${BENCH_SMOKE:-0} != 0 ]] && quick=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  mkdir -p "$work/data"
  env MOIM_DATA_DIR="$work/data" MOIM_ACTIVEMQ_RAR="$PWD/target/runtime/activemq-rar.rar" \
      MOIM_JMS_SERVER_URL='vm://localhost?create=false' \
      MOIM_JMS_BROKER_CONFIG="broker:(vm://localhost)?useJmx=false&persistent=true&dataDirectory=$work/data/broker" \
      MOIM_JMS_USER= MOIM_JMS_PASSWORD= "${settings[@]}" \
    java -Xmx1g "${quick[@]}" "${options[@]}" -Duser.timezone=UTC \
      -jar target/runtime/payara-micro.jar --port "$port" \
      --clustername "bench-$name-$$" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
      "${MOIM_PAYARA_ARGS[@]}" --deploy target/moim.war --contextroot / \
      > "$work/server.log" 2>&1 &
  MOIM_BENCH_PID=$! MOIM_BENCH_URL=http://127.0.0.1:$port
  local deadline=$((SECONDS + 300))
  until curl -sf "$MOIM_BENCH_URL/health/ready" 2>/dev/null | grep -q '"database"'; do
    kill -0 "$MOIM_BENCH_PID" 2>/dev/null || { tail -30 "$work/server.log" >&2; echo "Moim ($name) stopped before it was ready" >&2; return 1; }
    (( SECONDS < deadline )) || { grep -m3 -A3 SEVERE "$work/server.log" >&2; kill "$MOIM_BENCH_PID" 2>/dev/null; echo "Moim ($name) did not get ready within 300 s" >&2; return 1; }
    sleep 0.5
  done
}
