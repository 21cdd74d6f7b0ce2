#!/usr/bin/env bash
# A consistent backup of the ops/ topology while it runs, into a new directory:
#   ops/backup.sh /backups/moim-2026-12-07
# 1. files/ (content is written once and never changed, so a copy of what exists is exact),
# 2. the database with mariadb-dump --single-transaction (one InnoDB snapshot; writers are not
#    locked), 3. files/ again, adding content that arrived during the dump: every row of the dump
#    then has its content in the backup (content is in place before its row commits).
# 4. The secrets (signing key, invite-link and webhook secrets, passwords): keep the backup as
#    private as they are. The broker's store is not copied: see docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/lib.sh
target=${1:?usage: ops/backup.sh NEW_DIRECTORY}
[[ ! -e $target ]] || ops_die "$target exists; name a new directory"
[[ -f $OPS_RUN/secrets/env ]] || ops_die "no topology under $OPS_RUN"
mkdir -p "$target" && chmod 700 "$target"
copy_files() {  # what is not in the backup yet, without uploads in progress (staging/)
  mkdir -p "$target/files"
  tar -C "$OPS_RUN/files" --exclude=./staging -cf - . | tar -C "$target/files" --skip-old-files -xf -
}
copy_files
MYSQL_PWD=$OPS_DB_ADMIN_PASSWORD mariadb-dump --protocol=tcp -h "$OPS_DB_HOST" -P "$OPS_DB_PORT" -u "$OPS_DB_ADMIN_USER" \
  --single-transaction --quick --routines --triggers --hex-blob "$OPS_DB" > "$target/database.sql"
copy_files
cp -a "$OPS_RUN/secrets" "$target/secrets"
( cd "$target" && find files -type f | sort > files.list && sha256sum database.sql > database.sql.sha256 )
ops_log "backup of $OPS_DB and $OPS_RUN/files in $target: $(du -sh "$target" | cut -f1), $(wc -l < "$target/files.list") files"
