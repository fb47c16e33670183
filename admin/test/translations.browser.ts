import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openAs, rawKeysOnPage, settle, sharedEnv, type BrowserEnv, type Lang } from './support/server.ts';

interface Screens {
  role: string;
  resources: { name: string; list: boolean; show: boolean; edit: boolean; create: boolean }[];
  pages: string[];
}

/** Every route the role can open: its pages, and each resource's list, create, show and edit. */
async function routesOf(page: Page, baseUrl: string): Promise<string[]> {
  await page.waitForFunction(() => (window as any).__consoleScreens, undefined, { timeout: 30_000 });
  const screens = (await page.evaluate(() => (window as any).__consoleScreens)) as Screens;
  const firstId = async (resource: string): Promise<number | undefined> => {
    const res = await page.request.get(`${baseUrl}/api/${resource}?range=${encodeURIComponent('[0,0]')}`);
    if (!res.ok()) return undefined;
    const body = await res.json().catch(() => null);
    return Array.isArray(body) ? body[0]?.id : undefined;
  };
  const routes = ['/'];
  for (const path of screens.pages) {
    if (!path.includes(':')) routes.push(path);
    else if (path.startsWith('/fellowship-story/')) {
      const id = await firstId('fellowships');
      if (id != null) routes.push(path.replace(':id', String(id)));
    }
  }
  for (const r of screens.resources) {
    if (r.list) routes.push(`/${r.name}`);
    if (r.create) routes.push(`/${r.name}/create`);
    if (r.show || r.edit) {
      const id = await firstId(r.name);
      if (id != null && r.show) routes.push(`/${r.name}/${id}/show`);
      if (id != null && r.edit) routes.push(`/${r.name}/${id}`);
    }
  }
  return routes;
}

/**
 * Keys react-admin only probes for an optional override (it has a translated default) are not
 * findings; everything else that was asked for must exist in the language.
 */
const OPTIONAL = /^(de|en):resources\.[\w-]+\.(empty|invite|forcedCaseName|page\.|action\.|message\.|notification|navigation\.|fields\.q$)/;
const isRequiredKey = (key: string) => !OPTIONAL.test(key);

/** Opens each route in the SPA and reports keys that reached the screen untranslated. */
async function walk(page: Page, routes: string[]): Promise<string[]> {
  const findings: string[] = [];
  const missing: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Missing translation for key/i.test(text)) missing.push(text);
  });
  page.on('pageerror', (e) => findings.push(`page error on ${page.url()}: ${e.message}`));
  for (const route of routes) {
    missing.length = 0;
    const before = await page.evaluate(() => window.location.hash);
    await page.evaluate((r) => {
      (window as any).__missingTranslations?.clear();
      window.location.hash = `#${r}`;
    }, route);
    // A screen may send the visitor on at once (an exported tranche's edit address opens its
    // read-only view): then the walk checks the screen it landed on instead of waiting for a hash
    // that never stays.
    await page
      .waitForFunction((r) => window.location.hash === `#${r}`, route, { timeout: 10_000 })
      .catch(async () => {
        if ((await page.evaluate(() => window.location.hash)) !== before) return;
        // The previous screen held the navigation back (a form it counts as unsaved): load the
        // next one afresh, as a visitor following a link would.
        const url = new URL(page.url());
        url.search = `?walk=${Date.now()}`;
        url.hash = `#${route}`;
        await page.goto(url.toString());
        await page.waitForFunction((r) => window.location.hash === `#${r}`, route);
      });
    await settle(page);
    for (const key of await rawKeysOnPage(page)) findings.push(`${route}: ${key}`);
    for (const m of missing) findings.push(`${route}: ${m}`);
    const absent = (await page.evaluate(() => [...((window as any).__missingTranslations ?? [])])) as string[];
    for (const key of absent.filter(isRequiredKey)) findings.push(`${route}: missing ${key}`);
  }
  return findings;
}

describe('every screen speaks German and English, no raw keys', function () {
  this.timeout(240_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  const accounts = ['admin@example.org', 'jury1@example.org', 'coach1@example.org', 'applicant1@example.org'];
  for (const email of accounts) {
    for (const lang of ['de', 'en'] as Lang[]) {
      it(`${email.split('@')[0]} sees every screen translated in ${lang === 'de' ? 'German' : 'English'}`, async () => {
        const page = await openAs(env, email, lang);
        const routes = await routesOf(page, env.baseUrl);
        assert.ok(routes.length > 2, `routes found for ${email}: ${routes.join(', ')}`);
        const findings = await walk(page, routes);
        await page.context().close();
        assert.deepEqual(findings, [], `untranslated on ${routes.length} screens:\n${findings.join('\n')}`);
      });
    }
  }
});
