import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openAs, rawKeysOnPage, sharedEnv, type BrowserEnv, type Lang } from './support/server.ts';
import { routesOf, visit } from './support/screens.ts';
import { LABELS } from '../../backend/src/shared/labels.ts';

/**
 * Keys react-admin only probes for an optional override (it has a translated default) are not
 * findings; everything else that was asked for must exist in the language.
 */
const OPTIONAL = /^(de|en):resources\.[\w-]+\.(empty|invite|forcedCaseName|page\.|action\.|message\.|notification|navigation\.|fields\.q$)/;
const isRequiredKey = (key: string) => !OPTIONAL.test(key);

/**
 * Codes that must never be read as words (issue 17): every value of the label catalogue whose words
 * differ from it. In English only the snake_case ones and the lower-case legal forms (a plain
 * "video" or "open" is English); in German every one of them ("video", "yes", "in_person").
 */
const CODES = [...new Set(Object.values(LABELS).flatMap((group) => Object.entries(group as Record<string, { de: string; en: string }>)
  .filter(([value, words]) => /^[a-z][a-z_-]{2,}$/.test(value) && value !== words.de)
  .map(([value]) => value)))];
const CODES_EN = CODES.filter((code) => /[_-]/.test(code) || code === 'ggmbh');
/** English words that slipped into German screens. */
const ENGLISH_WORDS = ['yes', 'no', 'Yes', 'No', 'Rankings', 'Shortlist', 'shortlisted', 'Draft', 'Submitted', 'Save', 'Cancel', 'Delete', 'Search', 'Cohort', 'Cohorts', 'Score', 'Tranches'];
const wholeWord = (word: string) => new RegExp(`(?<![\\w@./:=?&#-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w@/:=?&#-]|\\.\\w)`, 'u');
const CODE_PATTERNS = { de: CODES.map((c) => [c, wholeWord(c)] as const), en: CODES_EN.map((c) => [c, wholeWord(c)] as const) };
const ENGLISH_PATTERNS = ENGLISH_WORDS.map((w) => [w, wholeWord(w)] as const);
/** 2026-03-01 */
const ISO_DATE = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/g;
/** 87.3 or 1234.50 (a German screen writes 87,3); 07.12.2026 and 1.234 are fine. */
const DECIMAL_POINT = /(?<![\d.,])\d+\.\d{1,2}(?![\d.])/g;

/** The words a person reads: text nodes outside form fields, code, pre-formatted data and hidden elements. */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('input, textarea, code, pre, script, style, [aria-hidden="true"], .MuiInputBase-root')) continue;
      if (!parent.checkVisibility?.()) continue;
      out.push(text);
    }
    return out;
  });
}

/** Raw codes, English words in German, ISO dates and decimal points in German: each with the text it was found in. */
function wordingFindings(texts: string[], lang: Lang): string[] {
  const findings: string[] = [];
  for (const text of texts) {
    for (const [code, pattern] of CODE_PATTERNS[lang]) if (pattern.test(text)) findings.push(`raw value "${code}" in "${text.slice(0, 80)}"`);
    if (lang !== 'de') continue;
    for (const [word, pattern] of ENGLISH_PATTERNS) if (pattern.test(text)) findings.push(`English "${word}" in "${text.slice(0, 80)}"`);
    for (const date of text.match(ISO_DATE) ?? []) findings.push(`ISO date ${date} in "${text.slice(0, 80)}"`);
    for (const n of text.match(DECIMAL_POINT) ?? []) findings.push(`decimal point ${n} in "${text.slice(0, 80)}"`);
  }
  return findings;
}

/** Opens each route in the SPA and reports keys that reached the screen untranslated, raw codes and foreign formats. */
async function walk(page: Page, routes: string[], lang: Lang): Promise<string[]> {
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
    for (const finding of new Set(wordingFindings(await readableText(page), lang))) findings.push(`${route}: ${finding}`);
  }
  return findings;
}

describe('every screen speaks German and English: no raw keys, no raw codes, German formats', function () {
  this.timeout(360_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  // applicant4 is a fellow of the running year, alumni1 an alumnus: their programme and network screens differ.
  const accounts = ['admin@example.org', 'staff@example.org', 'jury1@example.org', 'coach1@example.org', 'applicant1@example.org', 'applicant4@example.org', 'alumni1@example.org'];
  for (const email of accounts) {
    for (const lang of ['de', 'en'] as Lang[]) {
      it(`${email.split('@')[0]} sees every screen translated in ${lang === 'de' ? 'German' : 'English'}`, async () => {
        const page = await openAs(env, email, lang);
        const routes = await routesOf(page, env.baseUrl);
        assert.ok(routes.length > 2, `routes found for ${email}: ${routes.join(', ')}`);
        const findings = await walk(page, routes, lang);
        await page.context().close();
        assert.deepEqual(findings, [], `${findings.length} findings on ${routes.length} screens:\n${findings.join('\n')}`);
      });
    }
  }
});
