import 'dotenv/config';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { Worker } from 'node:worker_threads';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { DataDirInUseError, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp, CONSOLE_DIR } from './app.ts';
import { ensureFirstAdmin } from './users/bootstrap.ts';
import { startBackgroundJobs } from './jobs.ts';
import { prepareMailDir } from './emails/file-mailbox.ts';
import { describeMailDelivery } from './emails/emails.worker.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(config);
if (config.DATABASE_URL && !config.SURVEY_SECRET) {
  logger.warn('SURVEY_SECRET fehlt: die anonymen Umfrageantworten nutzen den Entwicklungsschlüssel (siehe .env.example).');
}

const consoleDir = config.CONSOLE_DIR ? resolve(config.CONSOLE_DIR) : CONSOLE_DIR;

function buildConsoleIfMissing(): void {
  if (existsSync(join(consoleDir, 'index.html'))) return;
  if (config.CONSOLE_DIR) {
    logger.warn(`Keine gebaute Konsole in ${consoleDir} (CONSOLE_DIR); es läuft nur die API.`);
    return;
  }
  logger.info('Konsole wird gebaut (einmalig) …');
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) logger.error('Die Konsole konnte nicht gebaut werden; die API läuft trotzdem.');
}

buildConsoleIfMissing();
if (config.mail.kind === 'dir') {
  // The console build is served as static files: a mailbox inside it would hand out the links.
  await prepareMailDir(config.mail.dir, [consoleDir]).catch((error: unknown) => {
    logger.fatal((error as Error).message);
    process.exit(1);
  });
}
const handle = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  poolSize: config.DATABASE_POOL_SIZE,
  preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  onPoolError: (error) => logger.warn({ err: error }, 'database connection error'),
}).catch((error: unknown) => {
  // A second server (or a backup) on the same embedded data directory: say so, without a stack trace.
  if (!(error instanceof DataDirInUseError)) throw error;
  logger.fatal(error.message);
  process.exit(1);
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
  const seeded = await seedDemoIfEmpty(handle.db, { publicUrl: config.PUBLIC_URL, surveySecret: config.surveySecret });
  if (seeded) logger.info('Demodaten angelegt. Anmeldung: admin@example.org / demo-password');
}

await handle.warm().catch((error) => logger.warn({ err: error }, 'database pool not warmed'));
const ctx = { db: handle.db, config, logger, engine: handle.engine };
const { app } = buildApp(ctx, { ping: handle.ping, consoleDir });
const jobs = startBackgroundJobs(ctx);
const server: Server = app.listen(config.PORT, () => {
  logger.info(`Fellowship CRM läuft auf http://localhost:${config.PORT} (Datenbank: ${handle.engine})`);
  logger[config.mail.kind === 'none' ? 'warn' : 'info'](describeMailDelivery(config.mail));
});

/** SIGTERM ends the process within this time, whatever hangs. */
const SHUTDOWN_LIMIT_MS = 10_000;
/** How long requests already in progress may take to finish after a signal. */
const DRAIN_MS = 5_000;

let stopping = false;
/**
 * Stops taking requests, lets those in progress finish (at most DRAIN_MS), stops the background
 * jobs, closes the database (PGlite writes its data directory out) and exits. A second signal
 * exits at once. A timer and, in case the main thread itself is stuck, a watchdog thread end the
 * process before SHUTDOWN_LIMIT_MS.
 */
async function shutdown(signal: string) {
  if (stopping) {
    logger.warn(`${signal}: zweites Signal, sofortiges Ende.`);
    process.exit(1);
  }
  stopping = true;
  const started = Date.now();
  logger.info(`${signal}: fahre herunter …`);
  armWatchdog(SHUTDOWN_LIMIT_MS - 300);
  setTimeout(() => {
    logger.error('Herunterfahren dauert zu lange: erzwungenes Ende.');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS - 1_000).unref();

  try {
    await closeHttp(server, DRAIN_MS);
    // The database must be closed in time, even if a job (an SMTP delivery) is still busy.
    await Promise.race([jobs.stop(), sleep(Math.max(0, SHUTDOWN_LIMIT_MS - 3_000 - (Date.now() - started)))]);
    await handle.close();
  } catch (error) {
    logger.error({ err: error }, 'Fehler beim Herunterfahren');
    process.exit(1);
  }
  logger.info(`Heruntergefahren nach ${Date.now() - started} ms.`);
  process.exit(0);
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Resolves once every connection is closed: idle ones at once, busy ones after their answer or after `ms`. */
async function closeHttp(server: Server, ms: number): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), ms);
  await closed;
  clearTimeout(timer);
}

/**
 * A thread of its own that kills the process after `ms`: timers on the main thread cannot fire
 * while it is blocked (a synchronous write into a full pipe was one such case).
 */
function armWatchdog(ms: number): void {
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     setTimeout(() => process.kill(workerData.pid, 'SIGKILL'), workerData.ms);`,
    { eval: true, workerData: { pid: process.pid, ms } },
  );
  watchdog.unref();
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
