#!/usr/bin/env bash
# Proves that a backup can be restored, with the same commands an operator uses: `npm run backup`
# (pg_dump custom format from one snapshot, with a manifest of every table's row count and content
# digest taken in that snapshot) and `npm run restore` into a scratch database, which compares the
# restored tables with the manifest. Exit 0 only if the restore is identical.
#
#   scripts/backup-restore-check.sh                  # scratch source with the demo data (seeded here)
#   SOURCE_DATABASE_URL=postgres://…/crm scripts/backup-restore-check.sh   # back up and check a real database
#   BACKUP_FILE=backups/crm-backup-….pgdump scripts/backup-restore-check.sh  # check an existing backup
#   BACKUP_FILE=backups/crm-backup-….pglite.tar.gz scripts/backup-restore-check.sh  # … of the embedded database
#
# SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where scratch databases are
# created and dropped. KEEP_DUMP=dir keeps the backup it made.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_URL="${SERVER_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
stamp="$(date +%s)_$$"
target_db="crm_restore_check_${stamp}"
work="$(mktemp -d -t crm-backup-check-XXXXXX)"
created_source=""
created_target=""

with_db() { # URL with the database name replaced
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SERVER_URL" "$1"
}

cleanup() {
  if [[ -n "$created_target" ]]; then psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS ${target_db} WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [[ -n "$created_source" ]]; then psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS ${created_source} WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [[ -n "${KEEP_DUMP:-}" ]]; then mkdir -p "$KEEP_DUMP" && cp "$work"/backups/* "$KEEP_DUMP"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${BACKUP_FILE:-}" ]]; then
  if [[ -z "${SOURCE_DATABASE_URL:-}" ]]; then
    created_source="crm_backup_source_${stamp}"
    psql -q "$SERVER_URL" -c "CREATE DATABASE ${created_source}" >/dev/null
    SOURCE_DATABASE_URL="$(with_db "$created_source")"
    echo "Quelle: neue Datenbank ${created_source} mit Demodaten …"
    DATABASE_URL="$SOURCE_DATABASE_URL" LOG_LEVEL=warn npm run -s seed >/dev/null
  fi
  started=$(date +%s.%N)
  DATABASE_URL="$SOURCE_DATABASE_URL" npm run -s backup "$work/backups"
  printf 'Sicherung in %.1f s.\n' "$(echo "$(date +%s.%N) - $started" | bc)"
  BACKUP_FILE="$(ls "$work"/backups/crm-backup-*.pgdump)"
fi

started=$(date +%s.%N)
case "$BACKUP_FILE" in
  *.pglite.tar.gz)
    DATABASE_URL= DATA_DIR="$work/restored/pglite" npm run -s restore "$BACKUP_FILE"
    ;;
  *)
    psql -q "$SERVER_URL" -c "CREATE DATABASE ${target_db}" >/dev/null
    created_target=1
    DATABASE_URL="$(with_db "$target_db")" npm run -s restore "$BACKUP_FILE"
    ;;
esac
printf 'OK: Wiederherstellung in %.1f s geprüft.\n' "$(echo "$(date +%s.%N) - $started" | bc)"
