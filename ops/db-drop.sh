#!/usr/bin/env bash
# Drops the topology's database and its user (MOIM_OPS_DB), e.g. before restoring into that name
# again. Refuses while a node of MOIM_OPS_DIR runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/lib.sh
[[ -z $(ops_pid nodeA)$(ops_pid nodeB) ]] || ops_die "nodes of $OPS_RUN run; ops/down.sh first"
ops_db_admin "DROP DATABASE IF EXISTS \`$OPS_DB\`; DROP USER IF EXISTS '$OPS_DB'@'$OPS_DB_USER_HOST'"
ops_log "database $OPS_DB dropped"
