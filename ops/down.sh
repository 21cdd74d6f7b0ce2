#!/usr/bin/env bash
# Stops what ops/up.sh started: nginx, then the nodes gracefully (SIGTERM), then the broker.
# The database, the run directory and its data stay (MOIM_OPS_FRESH=1 ops/up.sh starts afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
OPS_ROOT=$PWD
source ops/lib.sh
if [[ -n $(ops_pid nginx) ]]; then
  nginx -p "$OPS_RUN/nginx/" -c "$OPS_RUN/nginx/nginx.conf" -s quit
  for _ in $(seq 50); do [[ -z $(ops_pid nginx) ]] && break; sleep 0.2; done
  ops_log "nginx stopped"
fi
ops_stop nodeB 40 &
ops_stop nodeA 40 &
wait
ops_stop broker 30
