import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openAs, rawKeysOnPage, seriousViolations, settle, sharedEnv, type AxeFinding, type BrowserEnv, type Lang } from './support/server.ts';
import { routesOf, visit } from './support/screens.ts';
import { LABELS } from '../../backend/src/shared/labels.ts';

/*
 * The screen walk of issue 17: every screen of every demo role, once in German and once in English.
 * Each screen is loaded once per language and checked twice over on that one visit:
 * - axe-core (WCAG 2.1 A/AA): no serious or critical violation;
 * - its words: no translation key on screen or asked for and missing, no raw code from the label
 *   catalogue, and in German no English word from a short list, no ISO date, no decimal point.
 */

const axeLine = (f: AxeFinding) => `axe ${f.impact} ${f.id} (${f.help}) at ${f.targets.join(' | ')}`;

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

/**
 * The words a person reads in the screen's language: text nodes outside form fields, code,
 * pre-formatted data, hidden elements and parts marked as another language (`lang`, WCAG 3.1.2 —
 * e.g. the English version of an e-mail template next to the German one).
 */
async function readableText(page: Page, lang: Lang): Promise<string[]> {
  return page.evaluate((screenLang) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('input, textarea, code, pre, script, style, [aria-hidden="true"], .MuiInputBase-root')) continue;
      const partLang = parent.closest('body [lang]')?.getAttribute('lang');
      if (partLang && !partLang.startsWith(screenLang)) continue;
      if (!parent.checkVisibility?.()) continue;
      out.push(text);
    }
    return out;
  }, lang);
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

/**
 * What the console says while the walk is on a screen: translation keys it asked for and did not
 * find (react-admin logs them), and uncaught errors. `next` forgets the keys before the next screen
 * (the last one may still ask while it goes); an error is never forgotten, only handed over by `take`.
 */
function listen(page: Page) {
  const missing: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Missing translation for key/i.test(text)) missing.push(text);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return { next: () => void missing.splice(0), take: () => [...missing.splice(0), ...errors.splice(0)] };
}

/** Everything wrong with the screen on show, in words and for axe: one line each. */
async function checkScreen(page: Page, lang: Lang, said: string[]): Promise<string[]> {
  const findings: string[] = [];
  for (const f of await seriousViolations(page)) findings.push(axeLine(f));
  for (const key of await rawKeysOnPage(page)) findings.push(`raw key ${key}`);
  findings.push(...said);
  const absent = (await page.evaluate(() => [...((window as any).__missingTranslations ?? [])])) as string[];
  for (const key of absent.filter(isRequiredKey)) findings.push(`missing ${key}`);
  findings.push(...new Set(wordingFindings(await readableText(page, lang), lang)));
  return findings;
}

const STILL = '*, *::before, *::after { transition: none !important; animation: none !important; }';
/**
 * Colours as they settle: axe reads a button's colour mid-transition (MUI fades colours over 250 ms
 * when a button becomes enabled) and would report a contrast no one ever sees for long.
 */
async function withoutTransitions(page: Page) {
  await page.context().addInitScript((css) => {
    document.addEventListener('DOMContentLoaded', () => document.head.appendChild(Object.assign(document.createElement('style'), { textContent: css })));
  }, STILL);
  await page.addStyleTag({ content: STILL });
}

const LANGS: Lang[] = ['de', 'en'];
const language = (lang: Lang) => (lang === 'de' ? 'German' : 'English');

describe('every screen of every role, in German and English: axe (serious, critical) and its words', function () {
  // A cap, not the runtime: admin's ~70 screens take 4 minutes on a quiet machine, 20 on a busy one.
  this.timeout(1_800_000);
  let env: BrowserEnv;
  before(async () => {
    env = await sharedEnv();
  });

  for (const lang of LANGS) {
    it(`signed out (${language(lang)}): login, registration and password pages`, async () => {
      const context = await env.browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB' });
      await context.addInitScript((l) => { if (window === window.top) localStorage.setItem('RaStore.locale', JSON.stringify(l)); }, lang);
      const page = await context.newPage();
      const heard = listen(page);
      const findings: string[] = [];
      for (const route of ['/login', '/register', '/password-reset', '/password-reset/confirm?token=x', '/register/confirm?token=x']) {
        await page.goto(`${env.baseUrl}/?walk=${Date.now()}#${route}`);
        await page.locator('form, h1, h2, h5, [role="alert"]').first().waitFor();
        await settle(page);
        for (const f of await checkScreen(page, lang, heard.take())) findings.push(`signed out (${lang}) ${route}: ${f}`);
      }
      await context.close();
      assert.deepEqual(findings, [], `${findings.length} findings:\n${findings.join('\n')}`);
    });
  }

  // applicant4 is a fellow of the running year, alumni1 an alumnus: their programme and network screens differ.
  const accounts = ['admin', 'staff', 'jury1', 'coach1', 'applicant1', 'applicant4', 'alumni1'];
  for (const account of accounts) {
    for (const lang of LANGS) {
      it(`${account} (${language(lang)}): every screen it can open`, async () => {
        const page = await openAs(env, `${account}@example.org`, lang);
        const heard = listen(page);
        await withoutTransitions(page);
        const routes = [...new Set(await routesOf(page, env.baseUrl))];
        assert.ok(routes.length > 2, `routes found for ${account}: ${routes.join(', ')}`);
        const log = join(ARTIFACTS, `screens-${account}-${lang}.txt`);
        writeFileSync(log, '');
        const findings: string[] = [];
        for (const route of routes) {
          const started = Date.now();
          heard.next();
          const landed = await visit(page, route);
          const screen = landed === route ? route : `${route} → ${landed}`;
          const found = (await checkScreen(page, lang, heard.take())).map((f) => `${account} (${lang}) ${screen}: ${f}`);
          findings.push(...found);
          appendFileSync(log, `${screen} ${Date.now() - started} ms\n${found.map((f) => `  ${f}\n`).join('')}`);
        }
        await page.context().close();
        assert.deepEqual(findings, [], `${findings.length} findings on ${routes.length} screens of ${account} in ${language(lang)}:\n${findings.join('\n')}`);
      });
    }
  }
});
