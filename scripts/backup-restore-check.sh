#!/usr/bin/env bash
# Proves that a backup can be restored: pg_dump (custom format) of a database, pg_restore into a
# scratch database, then compare every table's row count and content digest, and the migration
# state. Exit 0 only if the restore is identical.
#
#   scripts/backup-restore-check.sh                  # scratch source with the demo data (seeded here)
#   SOURCE_DATABASE_URL=postgres://…/crm scripts/backup-restore-check.sh   # check a real database
#
# SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where scratch databases are
# created and dropped. KEEP_DUMP=path keeps the dump file.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER_URL="${SERVER_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
stamp="$(date +%s)_$$"
target_db="crm_restore_check_${stamp}"
dump="$(mktemp -t crm-backup-XXXXXX.dump)"
created_source=""

with_db() { # URL with the database name replaced
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SERVER_URL" "$1"
}

cleanup() {
  psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS ${target_db} WITH (FORCE)" >/dev/null 2>&1 || true
  if [[ -n "$created_source" ]]; then psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS ${created_source} WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [[ -n "${KEEP_DUMP:-}" ]]; then mv "$dump" "$KEEP_DUMP"; else rm -f "$dump"; fi
}
trap cleanup EXIT

if [[ -z "${SOURCE_DATABASE_URL:-}" ]]; then
  created_source="crm_backup_source_${stamp}"
  psql -q "$SERVER_URL" -c "CREATE DATABASE ${created_source}" >/dev/null
  SOURCE_DATABASE_URL="$(with_db "$created_source")"
  echo "Quelle: neue Datenbank ${created_source} mit Demodaten …"
  DATABASE_URL="$SOURCE_DATABASE_URL" LOG_LEVEL=warn node --import tsx seeds/cli.ts >/dev/null
fi

echo "Sicherung: pg_dump -Fc …"
started=$(date +%s.%N)
pg_dump --format=custom --no-owner --no-privileges --file="$dump" "$SOURCE_DATABASE_URL"
dumped=$(date +%s.%N)

echo "Wiederherstellung in ${target_db}: pg_restore …"
psql -q "$SERVER_URL" -c "CREATE DATABASE ${target_db}" >/dev/null
TARGET_URL="$(with_db "$target_db")"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$TARGET_URL" "$dump"
restored=$(date +%s.%N)

# One line per table: name, row count, md5 over the rows in a stable order.
fingerprint() {
  psql -X -A -t -q "$1" <<'SQL'
DO $$ BEGIN PERFORM set_config('search_path', 'public', false); END $$;
SELECT string_agg(line, E'\n' ORDER BY line) FROM (
  SELECT format('%s|%s', c.relname,
    (xpath('/row/x/text()', query_to_xml(format(
      'select count(*)::text || '':'' || coalesce(md5(string_agg(t::text, ''|'' order by t::text)), '''') as x from public.%I t', c.relname), false, true, '')))[1]::text
  ) AS line
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r'
) tables;
SQL
}

source_fp="$(fingerprint "$SOURCE_DATABASE_URL")"
target_fp="$(fingerprint "$TARGET_URL")"
tables=$(echo "$source_fp" | grep -c . || true)
rows=$(echo "$source_fp" | awk -F'|' '{ split($2, a, ":"); s += a[1] } END { print s + 0 }')
size=$(stat -c %s "$dump")

if [[ "$source_fp" != "$target_fp" ]]; then
  echo "FEHLER: Wiederherstellung weicht ab:" >&2
  diff <(echo "$source_fp") <(echo "$target_fp") >&2 || true
  exit 1
fi
printf 'OK: %s Tabellen, %s Zeilen identisch wiederhergestellt (Sicherung %s KiB, pg_dump %.1f s, pg_restore %.1f s).\n' \
  "$tables" "$rows" "$((size / 1024))" "$(echo "$dumped - $started" | bc)" "$(echo "$restored - $dumped" | bc)"
