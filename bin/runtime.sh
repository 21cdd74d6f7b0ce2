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
    # A shared server that died meanwhile is not handed out: this bench then starts its own.
    kill -0 "${MOIM_BENCH_SHARED_PID:-0}" 2>/dev/null || shared=
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

# Payara Micro unpacks itself into a new temporary folder on every start and loads its modules
# through its own class loader, which the JDK's ahead-of-time cache (JEP 483/514/515: classes
# loaded and linked ahead of time) cannot hold. ./moim therefore starts Payara through the launcher
# Payara writes with --outputlauncher: its modules come from the class path, so the cache holds
# them. moim_aot_launcher ROOT prepares that launcher under ROOT (the launcher keeps Payara's
# configuration in ROOT, so two nodes never share one: ./moim uses one per data directory) and sets
#   MOIM_LAUNCH      the java options and -jar for this start
#   MOIM_LAUNCH_ARGS MOIM_PAYARA_ARGS without --addlibs (the launcher refuses it; the libraries
#                    are already on its class path)
# ROOT is rebuilt when payara-micro.jar, the libraries or the JDK change (ROOT/stamp). Each start
# begins from the configuration Payara wrote with the launcher (ROOT/pristine), as a start from
# payara-micro.jar does, so the post-boot commands run on a clean domain every time. The cache
# (ROOT/moim.aot) is written by the first start when it stops (the JVM then spends some seconds
# assembling it) and used by every later one; a cache whose class path no longer matches is
# reported by the JVM and ignored (-XX:AOTMode=auto), never fatal. MOIM_AOT=0 starts without it.
moim_aot_launcher() {  # moim_aot_launcher ROOT
  local root=$1 micro=target/runtime/payara-micro.jar stamp f
  stamp="$(sha1sum "$micro" target/runtime/lib/*.jar) $(java -Xinternalversion 2>&1)"
  if [[ ! -f $root/launch-micro.jar || ! -f $root/stamp || $(< "$root/stamp") != "$stamp" ]]; then
    rm -rf "$root"
    mkdir -p "$root"
    java -jar "$micro" --rootdir "$root" --addlibs target/runtime/lib --outputlauncher > "$root.log" 2>&1 \
      || { cat "$root.log" >&2; echo "Moim cannot start: Payara Micro did not write its launcher in $root." >&2; return 1; }
    mkdir "$root/pristine"
    for f in "$root"/*; do
      case ${f##*/} in runtime|launch-micro.jar|pristine) ;; *) mv "$f" "$root/pristine/" ;; esac
    done
    echo "$stamp" > "$root/stamp"
    rm -f "$root.log"
  fi
  for f in "$root"/*; do
    case ${f##*/} in runtime|launch-micro.jar|pristine|stamp|moim.aot) ;; *) rm -rf "$f" ;; esac
  done
  cp -a "$root/pristine/." "$root/"
  MOIM_LAUNCH=()
  # -XX:AOTCacheOutput (a cache recorded by one start) is Java 25's; on 21 to 24 Moim starts
  # through the same launcher without a cache.
  if [[ ${MOIM_AOT:-1} != 0 ]] && (( $(moim_java_major java) >= 25 )); then
    if [[ -s $root/moim.aot ]]; then
      MOIM_LAUNCH+=("-XX:AOTCache=$root/moim.aot")
    else
      rm -f "$root/moim.aot"
      echo "This start records the ahead-of-time cache: it is written when Moim stops, and later starts use it." >&2
      MOIM_LAUNCH+=("-XX:AOTCacheOutput=$root/moim.aot")
    fi
  fi
  MOIM_LAUNCH+=(-jar "$root/launch-micro.jar")
  MOIM_LAUNCH_ARGS=()
  local skip=
  for f in "${MOIM_PAYARA_ARGS[@]}"; do
    if [[ -n $skip ]]; then skip=; elif [[ $f == --addlibs ]]; then skip=1; else MOIM_LAUNCH_ARGS+=("$f"); fi
  done
}
