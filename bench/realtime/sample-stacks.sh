#!/usr/bin/env bash
# Poor man's profiler for the Moim side of bench/realtime.sh: every 0.5 s for N seconds, a thread
# dump of the server; counts, over RUNNABLE threads, the first frame of a few packages of
# interest (Moim, EclipseLink, the JDBC driver, Hazelcast, Tyrus/Grizzly, JSON) and prints the most
# frequent ones. Rough (safepoint-biased), but it says where the CPU goes.
#
#   bench/realtime/sample-stacks.sh <server pid> [seconds]
set -euo pipefail
pid=$1
seconds=${2:-20}
out=$(mktemp)
end=$((SECONDS + seconds))
while (( SECONDS < end )); do
  jcmd "$pid" Thread.print 2>/dev/null >> "$out" || true
  sleep 0.5
done
awk '
  /^"/ { inthread = 1; runnable = 0; counted = 0; top = 1; next }
  /java.lang.Thread.State: RUNNABLE/ { runnable = 1; next }
  runnable && top && /^\tat / {
    top = 0
    # A selector or acceptor waiting for work is RUNNABLE but idle.
    if ($2 ~ /^sun\.nio\.ch\.(EPoll\.wait|Net\.accept|Net\.poll)/) { runnable = 0; next }
  }
  runnable && !counted && /^\tat / {
    frame = $2
    if (frame ~ /^(org\.moim|org\.eclipse\.persistence|org\.mariadb|com\.hazelcast|org\.glassfish\.tyrus|org\.glassfish\.grizzly|org\.eclipse\.parsson|org\.glassfish\.json|java\.net|sun\.nio|java\.util\.zip|javax\.crypto|sun\.security)/) {
      sub(/\(.*/, "", frame); counts[frame]++; total++; counted = 1
    }
  }
  END { for (f in counts) printf "%6d %5.1f%%  %s\n", counts[f], 100 * counts[f] / total, f }
' "$out" | sort -rn | head -25
rm -f "$out"
