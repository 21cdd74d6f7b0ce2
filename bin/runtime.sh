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
