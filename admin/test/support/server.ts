import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/database.ts';
import { migrateToLatest } from '../../../backend/src/db/migrate.ts';
import { buildApp, CONSOLE_DIR } from '../../../backend/src/app.ts';
import { loadConfig } from '../../../backend/src/config.ts';
import { createLogger } from '../../../backend/src/logger.ts';
import { seedDemo } from '../../../seeds/demo.ts';

export const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts');

export interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The real system: built console, demo data, in-memory PGlite, a random port, Debian's Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    const root = resolve(import.meta.dirname, '../../..');
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('console build failed');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  await seedDemo(handle.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const { app } = buildApp({ db: handle.db, config, logger: createLogger(config), engine: handle.engine }, { ping: handle.ping, consoleDir: CONSOLE_DIR, loginLimit: 10_000 });
  const server: Server = await new Promise((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    handle,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
      await handle.close();
    },
  };
}

export async function login(page: Page, baseUrl: string, email: string, password = 'demo-password') {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel(/E-Mail|Benutzername|Username/i).first().fill(email);
  await page.getByLabel(/Passwort|Password/i).first().fill(password);
  await page.getByRole('button', { name: /Anmelden|Sign in/i }).click();
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
