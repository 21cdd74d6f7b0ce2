#!/usr/bin/env bash
# One node of the running ops/ topology:
#   ops/node.sh start A     # start it again and wait until it is ready
#   ops/node.sh stop A      # graceful stop (SIGTERM; sockets close with 1012), wait for the exit
#   ops/node.sh kill A      # kill -9: a crash
set -euo pipefail
cd "$(dirname "$0")/.."
OPS_ROOT=$PWD
source bin/runtime.sh
source ops/lib.sh
moim_use_jdk
[[ ${2:-} == A || ${2:-} == B ]] || ops_die "usage: ops/node.sh start|stop|kill A|B"
case ${1:-} in
  start) ops_start_node "$2" ;;
  stop) ops_stop "node$2" 40 ;;
  kill)
    pid=$(ops_pid "node$2")
    [[ -n $pid ]] || ops_die "node $2 is not running"
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    rm -f "$OPS_RUN/pids/node$2.pid"
    ops_log "node $2 (pid $pid) killed with SIGKILL" ;;
  *) ops_die "usage: ops/node.sh start|stop|kill A|B" ;;
esac
