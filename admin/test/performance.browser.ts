import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gzipBytes, INITIAL_JS_BUDGET_BYTES, measureLoginBundle } from '../../scripts/measure-bundle.ts';
import { ARTIFACTS, settle, sharedEnv, trackRequests, type BrowserEnv } from './support/server.ts';
import { TEST_CONSOLE_DIR } from './support/console-build.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every script the page fetches, by path, weighed as the budget counts it (gzip -9). */
function weighScripts(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    const body = await res.body().catch(() => undefined);
    if (body) scripts.set(new URL(res.url()).pathname, gzipBytes(body));
  });
  return scripts;
}
const total = (scripts: Map<string, number>) => [...scripts.values()].reduce((a, b) => a + b, 0);

/**
 * Each role's first screen after signing in (where the console lands them). The budget counts
 * everything from the login page on: the sign-in screen's scripts are part of what that first
 * screen cost. How fast the first list appears is measured by `npm run bench console`.
 *
 * The issue's budget (≤ 300 KB) is the initial JavaScript: the login page, above. Everything up to
 * a role's first screen held 300 KB on its branch and came to 302–306 KB once the label catalogue,
 * the accessible defaults and the phone lists joined the frame, and 328–332 KB with the messages of
 * the seven features of issues 20 and 21; 336 KB guards it from growing further until the messages
 * are split per language (docs/performance.md).
 */
const FIRST_SCREEN_BUDGET_BYTES = 336 * 1024;
const FIRST_SCREENS = [
  { who: 'staff', email: 'staff@example.org', route: '/', ready: /Kennzahlen/ },
  { who: 'admin', email: 'admin@example.org', route: '/', ready: /Kennzahlen/ },
  { who: 'jury', email: 'jury1@example.org', route: '/', ready: /Mein Fortschritt/ },
  { who: 'coach', email: 'coach1@example.org', route: '/', ready: /Meine Fellows/ },
  { who: 'applicant', email: 'applicant1@example.org', route: '/', ready: /Willkommen/ },
];

describe('the console loads little JavaScript', function () {
  this.timeout(180_000);
  let env: BrowserEnv;
  const results: Record<string, unknown> = {};
  before(async () => {
    env = await sharedEnv();
  });
  after(() => {
    writeFileSync(join(ARTIFACTS, 'performance.json'), `${JSON.stringify(results, null, 2)}\n`);
  });

  it(`loads at most ${kb(INITIAL_JS_BUDGET_BYTES)} of gzipped JavaScript for the login page`, async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    trackRequests(page);
    const scripts = weighScripts(page);
    await page.goto(`${env.baseUrl}/#/login`);
    await page.getByRole('button', { name: /Anmelden|Sign in/i }).waitFor();
    await settle(page);
    const loaded = total(scripts);
    const built = measureLoginBundle(TEST_CONSOLE_DIR);
    results.login_scripts = Object.fromEntries(scripts);
    results.login_gzip_bytes = loaded;
    results.login_gzip_bytes_static = built.totalGzip;
    await context.close();
    assert.ok(scripts.size > 0, 'the login page loaded no script');
    // The static analysis of the build and what the browser really fetched agree.
    assert.equal(loaded, built.totalGzip, `browser loaded ${[...scripts.keys()].join(', ')}; build says ${built.files.map((f) => f.file).join(', ')}`);
    assert.ok(loaded <= INITIAL_JS_BUDGET_BYTES, `login page JavaScript ${kb(loaded)} gzip > ${kb(INITIAL_JS_BUDGET_BYTES)}`);
  });

  for (const screen of FIRST_SCREENS) {
    it(`loads at most ${kb(FIRST_SCREEN_BUDGET_BYTES)} of gzipped JavaScript up to the first screen after sign-in (${screen.who})`, async () => {
      const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      trackRequests(page);
      const scripts = weighScripts(page);
      await page.goto(`${env.baseUrl}/#${screen.route}`);
      await page.getByLabel(/E-Mail|Benutzername/i).first().fill(screen.email);
      await page.getByLabel(/Passwort/i).first().fill('demo-password');
      await page.getByRole('button', { name: /Anmelden/i }).click();
      await page.getByRole('menuitem').first().waitFor({ timeout: 30_000 });
      await page.locator('main').getByText(screen.ready).first().waitFor({ timeout: 30_000 });
      await settle(page);
      const loaded = total(scripts);
      (results.first_screen ??= {} as Record<string, unknown>);
      (results.first_screen as Record<string, unknown>)[screen.who] = { gzip_bytes: loaded, scripts: Object.fromEntries(scripts) };
      await context.close();
      assert.ok(loaded <= FIRST_SCREEN_BUDGET_BYTES, `${screen.who}: ${kb(loaded)} gzip of JavaScript up to the first screen > ${kb(FIRST_SCREEN_BUDGET_BYTES)} (${[...scripts].map(([f, b]) => `${f.replace('/assets/', '')} ${kb(b)}`).join(', ')})`);
    });
  }
});
