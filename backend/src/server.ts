import 'dotenv/config';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp, CONSOLE_DIR } from './app.ts';
import { ensureFirstAdmin } from './users/bootstrap.ts';
import { startBackgroundJobs } from './jobs.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(config);

function buildConsoleIfMissing(): void {
  if (existsSync(join(CONSOLE_DIR, 'index.html'))) return;
  logger.info('Konsole wird gebaut (einmalig) …');
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) logger.error('Die Konsole konnte nicht gebaut werden; die API läuft trotzdem.');
}

buildConsoleIfMissing();
const handle = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  poolSize: config.DATABASE_POOL_SIZE,
  preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  onPoolError: (error) => logger.warn({ err: error }, 'database connection error'),
});
try {
  await migrateToLatest(handle.db);
} catch (error) {
  logger.fatal({ err: error }, 'Datenbank nicht erreichbar oder Migration fehlgeschlagen');
  process.exit(1);
}
const admin = await ensureFirstAdmin(handle.db, config);
if (admin === 'created') logger.info(`Erster Admin ${config.ADMIN_EMAIL} angelegt.`);
if (config.demoData) {
  const { seedDemoIfEmpty } = await import('../../seeds/demo.ts');
  const seeded = await seedDemoIfEmpty(handle.db, { publicUrl: config.PUBLIC_URL });
  if (seeded) logger.info('Demodaten angelegt. Anmeldung: admin@example.org / demo-password');
}

await handle.warm().catch((error) => logger.warn({ err: error }, 'database pool not warmed'));
const ctx = { db: handle.db, config, logger, engine: handle.engine };
const { app } = buildApp(ctx, { ping: handle.ping, consoleDir: CONSOLE_DIR });
const jobs = startBackgroundJobs(ctx);
const server: Server = app.listen(config.PORT, () => {
  logger.info(`Fellowship CRM läuft auf http://localhost:${config.PORT} (Datenbank: ${handle.engine})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: fahre herunter …`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close();
  server.closeIdleConnections?.();
  await jobs.stop();
  await handle.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
