import 'dotenv/config';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await migrateToLatest(handle.db);
await handle.close();
console.log('Datenbank ist auf dem neuesten Stand.');
