#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into a NEW database (with its user, the backup's password) and
# a NEW run directory; `ops/up.sh` with the same MOIM_OPS_DIR and MOIM_OPS_DB starts the topology on
# it (or `ops/node.sh start A` one node, on the broker already running):
#   MOIM_OPS_DIR=/srv/moim-restored MOIM_OPS_DB=moim_restored ops/restore.sh /backups/moim-2026-12-07
#   MOIM_OPS_DIR=/srv/moim-restored MOIM_OPS_DB=moim_restored ops/up.sh
# Never over existing data: both must not exist yet.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/lib.sh
backup=${1:?usage: MOIM_OPS_DIR=NEW MOIM_OPS_DB=NEW ops/restore.sh BACKUP_DIRECTORY}
[[ -f $backup/database.sql && -d $backup/secrets ]] || ops_die "$backup is not a backup of ops/backup.sh"
(cd "$backup" && sha256sum --quiet -c database.sql.sha256) || ops_die "$backup/database.sql does not match its checksum"
[[ ! -e $OPS_RUN ]] || ops_die "$OPS_RUN exists; restore into a new MOIM_OPS_DIR"
exists=$(ops_db_admin "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$OPS_DB'" | tail -1)
[[ $exists == 0 ]] || ops_die "database $OPS_DB exists; restore into a new MOIM_OPS_DB"
mkdir -p "$OPS_RUN"/{logs,pids}
cp -a "$backup/secrets" "$OPS_RUN/secrets"
# shellcheck disable=SC1091
source "$OPS_RUN/secrets/env"
mkdir -p "$OPS_RUN/files" && cp -a "$backup/files/." "$OPS_RUN/files/"
ops_db_admin "CREATE DATABASE \`$OPS_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$OPS_DB'@'$OPS_DB_USER_HOST' IDENTIFIED BY '$OPS_DB_PASSWORD';
  ALTER USER '$OPS_DB'@'$OPS_DB_USER_HOST' IDENTIFIED BY '$OPS_DB_PASSWORD';
  GRANT ALL PRIVILEGES ON \`$OPS_DB\`.* TO '$OPS_DB'@'$OPS_DB_USER_HOST';"
MYSQL_PWD=$OPS_DB_ADMIN_PASSWORD mariadb --protocol=tcp -h "$OPS_DB_HOST" -P "$OPS_DB_PORT" -u "$OPS_DB_ADMIN_USER" "$OPS_DB" < "$backup/database.sql"
ops_log "restored $backup into database $OPS_DB and $OPS_RUN ($(find "$OPS_RUN/files" -type f | wc -l) files); start it with ops/up.sh"
