import 'dotenv/config';
import { loadConfig } from '../backend/src/config.ts';
import { openDatabase } from '../backend/src/db/database.ts';
import { migrateToLatest } from '../backend/src/db/migrate.ts';
import { seedDemoIfEmpty } from './demo.ts';

/** `npm run seed`: the explicit way to put demo data into any database (also PostgreSQL). */
const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await migrateToLatest(handle.db);
const seeded = await seedDemoIfEmpty(handle.db, { publicUrl: config.PUBLIC_URL, surveySecret: config.surveySecret });
await handle.close();
console.log(seeded ? 'Demodaten angelegt.' : 'Die Datenbank hat schon Benutzer; nichts geändert.');
