import 'dotenv/config';
import { loadConfig } from '../config.ts';
import { backupDatabase, totalRows } from './backup.ts';
import { failAndExit, megabytes, shown } from './cli.ts';

/** `npm run backup [DIR]`: a consistent, timestamped backup of the configured database into DIR (default BACKUP_DIR). */
try {
  const config = loadConfig();
  const backup = await backupDatabase(config, process.argv[2] ?? config.BACKUP_DIR);
  const tables = Object.keys(backup.tables).length;
  console.log(`Sicherung geschrieben: ${shown(backup.path)} (${megabytes(backup.bytes)}, ${tables} Tabellen, ${totalRows(backup)} Zeilen).`);
  console.log(`Prüfsummen daneben in ${shown(backup.path)}.manifest.json; wiederherstellen mit: npm run restore ${shown(backup.path)}`);
} catch (error) {
  failAndExit('Sicherung fehlgeschlagen', error);
}
