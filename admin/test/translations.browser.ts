import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openAs, rawKeysOnPage, sharedEnv, type BrowserEnv, type Lang } from './support/server.ts';
import { routesOf, visit } from './support/screens.ts';

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
    await visit(page, route);
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
