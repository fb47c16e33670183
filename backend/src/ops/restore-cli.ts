import 'dotenv/config';
import { loadConfig } from '../config.ts';
import { restoreDatabase, totalRows } from './backup.ts';
import { failAndExit } from './cli.ts';

/** `npm run restore FILE`: restores a backup into the configured database, which must be empty. */
const file = process.argv[2];
if (!file) {
  console.error('Aufruf: npm run restore DATEI   (eine Datei aus npm run backup; die Zieldatenbank muss leer sein)');
  process.exit(2);
}
try {
  const config = loadConfig();
  const restored = await restoreDatabase(config, file);
  const target = restored.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `die eingebettete Datenbank in ${config.DATA_DIR}`;
  const tables = Object.keys(restored.fingerprint.tables).length;
  const rows = totalRows(restored.fingerprint);
  console.log(
    restored.manifest
      ? `Wiederhergestellt in ${target}: ${tables} Tabellen, ${rows} Zeilen, identisch mit der Sicherung vom ${restored.manifest.created_at}.`
      : `Wiederhergestellt in ${target}: ${tables} Tabellen, ${rows} Zeilen. Ohne ${file}.manifest.json ließ sich nicht prüfen, ob alles vollständig ist.`,
  );
  console.log('Hinweis: Die Sicherung kann Daten enthalten, die seitdem anonymisiert wurden; siehe docs/operations.md („Nach einer Wiederherstellung“).');
} catch (error) {
  failAndExit('Wiederherstellung fehlgeschlagen', error);
}
