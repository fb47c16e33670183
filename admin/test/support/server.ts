import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { openDatabase, type DatabaseHandle } from '../../../backend/src/db/database.ts';
import { migrateToLatest } from '../../../backend/src/db/migrate.ts';
import { buildApp } from '../../../backend/src/app.ts';
import { loadConfig } from '../../../backend/src/config.ts';
import { createLogger } from '../../../backend/src/logger.ts';
import { seedDemo } from '../../../seeds/demo.ts';
import { deliverableText } from '../../../backend/src/auth/account-emails.ts';
import { ensureConsoleBuild } from './console-build.ts';

export const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts');

export interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** The real system: freshly built console, demo data, in-memory PGlite, a random port, Debian's Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const consoleDir = ensureConsoleBuild();
  mkdirSync(ARTIFACTS, { recursive: true });
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  await seedDemo(handle.db, { publicUrl: config.PUBLIC_URL, surveySecret: config.surveySecret });
  const { app } = buildApp({ db: handle.db, config, logger: createLogger(config), engine: handle.engine }, { ping: handle.ping, consoleDir, loginLimit: 10_000 });
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

let shared: Promise<BrowserEnv> | undefined;
/**
 * One system for the whole browser suite: building the console and seeding the demo year happen
 * once; each test file opens its own pages. Closed by the root `after` hook below.
 */
export const sharedEnv = () => (shared ??= startBrowserEnv());
if (typeof after === 'function') {
  after(async () => {
    if (shared) await (await shared).close();
  });
}

export type Lang = 'de' | 'en';

/** A fresh browser context (own cookies) logged in as `email`, console in the given language. */
export async function openAs(env: BrowserEnv, email: string, lang: Lang = 'de'): Promise<Page> {
  const context = await env.browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 900 } });
  await context.addInitScript((l) => {
    // Init scripts run in every frame; a sandboxed preview (an e-mail's HTML) has no storage.
    if (window !== window.top) return;
    if (!localStorage.getItem('RaStore.locale')) localStorage.setItem('RaStore.locale', JSON.stringify(l));
  }, lang);
  const page = await context.newPage();
  trackRequests(page);
  await login(page, env.baseUrl, email);
  await page.getByRole('menuitem').first().waitFor({ timeout: 30_000 });
  await settle(page);
  return page;
}

const inflight = new WeakMap<Page, Set<unknown>>();
/** Counts the page's requests in flight, so `settle` can wait for quiet. */
export function trackRequests(page: Page) {
  if (inflight.has(page)) return;
  const open = new Set<unknown>();
  inflight.set(page, open);
  page.on('request', (r) => open.add(r));
  page.on('response', (r) => open.delete(r.request()));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

const BUSY = '.RaLoading-root, .MuiSkeleton-root, .RaLoadingIndicator-loader, [aria-busy="true"]';

/**
 * How many times the page's DOM has changed since it was loaded, and how many loading indicators
 * are on screen — one round trip to the browser per check. A lazily loaded screen renders nothing
 * while its chunk arrives and react-admin's loading indicator waits a second before it shows, so
 * "no request and no spinner" alone can be true before the screen is there.
 */
const pageState = (page: Page) =>
  page.evaluate((busy) => {
    const w = window as unknown as { __domChanges?: number };
    if (w.__domChanges === undefined) {
      w.__domChanges = 0;
      new MutationObserver(() => {
        w.__domChanges! += 1;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }
    return { changes: w.__domChanges, busy: document.querySelectorAll(busy).length };
  }, BUSY).catch(() => ({ changes: Number.NaN, busy: 0 })); // a page between two documents is not quiet

/** React reveals a suspended screen up to 300 ms after its data arrived: quiet checks 100 ms apart. */
const QUIET_CHECKS = 4;

/**
 * Waits until the page is quiet: no request in flight, no loading indicator on screen and the DOM
 * unchanged, four checks in a row. An explicit condition, polled, instead of a fixed sleep.
 */
export async function settle(page: Page, timeout = 20_000) {
  trackRequests(page);
  const deadline = Date.now() + timeout;
  let quiet = 0;
  let changes = (await pageState(page)).changes;
  while (quiet < QUIET_CHECKS) {
    if (Date.now() > deadline) {
      const pending = [...(inflight.get(page) ?? [])].map((r) => (r as { url(): string }).url());
      const busy = await page.locator(BUSY).evaluateAll((els) => els.map((e) => e.className.toString().slice(0, 80)));
      throw new Error(`page did not settle within ${timeout} ms: ${page.url()} (requests: ${pending.join(', ') || 'none'}; busy: ${busy.join(' | ') || 'none'})`);
    }
    const now = await pageState(page);
    const idle = (inflight.get(page)?.size ?? 0) === 0 && now.busy === 0 && now.changes === changes;
    changes = now.changes;
    quiet = idle ? quiet + 1 : 0;
    if (quiet < QUIET_CHECKS) await page.waitForTimeout(100);
  }
}

/** Translation keys that reached the screen (polyglot prints a missing key as the key itself). */
const RAW_KEY = /\b(?:resources|ra|app|enums|application_form|selection|dashboard|programme)\.[A-Za-z_-]+\.[A-Za-z_.-]+/g;

export async function rawKeysOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
  return [...new Set(text.match(RAW_KEY) ?? [])];
}

/** Calls the API from inside the page, exactly as the console does (its cookie, same origin). */
export async function apiCall<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/${path}`, {
        method,
        credentials: 'include',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON (a PDF, a CSV) */
      }
      return { status: res.status, body: parsed as any };
    },
    { method, path, body },
  );
}

/** Opens a console route inside the running SPA and waits for it to settle. */
export async function go(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#${r}`;
  }, route);
  await settle(page);
}

const PROBE_COHORT = 'Jury-Probelauf (Browsertest)';
const PROBE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * A review the juror can still work on, with the id of its application's attachment. The demo
 * year is past its review phase, and reviews lock when a cohort leaves `review`, so a scoring test
 * brings its own small call in review: the newest cohort's criteria, one eligible application of
 * a demo organisation the juror has no conflict with, a PDF attachment, and the assignment.
 * Written straight into the database, as time passing is elsewhere in these tests.
 */
export async function reviewInProgress(env: BrowserEnv, jurorEmail: string): Promise<{ reviewId: number; attachmentId: number }> {
  const db = env.handle.db;
  const juror = await db.selectFrom('users').select('id').where('email', '=', jurorEmail).executeTakeFirstOrThrow();
  let cohort = await db.selectFrom('cohorts').selectAll().where('name', '=', PROBE_COHORT).executeTakeFirst();
  if (!cohort) {
    const newest = await db.selectFrom('cohorts').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    cohort = await db
      .insertInto('cohorts')
      .values({
        name: PROBE_COHORT, year: newest.year + 1, phase: 'review', seats: 10, default_grant_cents: 2_500_000, coaching_hours_per_fellow: 12,
        application_opens_at: new Date(Date.now() - 40 * 86_400_000), application_closes_at: new Date(Date.now() - 86_400_000),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const criteria = await db.selectFrom('criteria').select(['name', 'description', 'weight', 'max_score', 'position']).where('cohort_id', '=', newest.id).execute();
    await db.insertInto('criteria').values(criteria.map((c) => ({ ...c, cohort_id: cohort!.id }))).execute();
  }
  const organisation = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where('o.id', 'not in', db.selectFrom('applications').select('organisation_id').where('cohort_id', '=', cohort.id))
    .where('o.id', 'not in', db.selectFrom('conflicts').select('organisation_id').where('juror_id', '=', juror.id))
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  const application = await db
    .insertInto('applications')
    .values({
      cohort_id: cohort.id, organisation_id: organisation.id, status: 'eligible', submitted_at: new Date(Date.now() - 3 * 86_400_000),
      project_name: `Nachbarschaftsnetz ${organisation.name}`, summary: 'Ein erprobtes Nachbarschaftsnetz soll an fünf weitere Orte.',
      transfer_model: 'social_franchise', target_regions: 'Sachsen, Thüringen', impact_evidence: 'Evaluation 2025: 300 Haushalte erreicht.',
      scaling_goals: 'Fünf neue Standorte bis 2028.', team: 'Drei Hauptamtliche, 40 Ehrenamtliche.', funding_requested_cents: 3_000_000,
      budget_plan: 'Personal 60 %, Schulungen 25 %, Reisen 15 %.', motivation: 'Wir wollen lernen, wie Transfer gelingt.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attachment = await db
    .insertInto('attachments')
    .values({ application_id: application.id, filename: 'Wirkungsbericht.pdf', content_type: 'application/pdf', size_bytes: PROBE_PDF.length, content: PROBE_PDF })
    .returning('id')
    .executeTakeFirstOrThrow();
  const review = await db.insertInto('reviews').values({ application_id: application.id, juror_id: juror.id }).returning('id').executeTakeFirstOrThrow();
  return { reviewId: review.id, attachmentId: attachment.id };
}

/**
 * A call that is open right now, created the way staff would (draft → call_open), or the one that
 * is already open. Returns its id.
 */
export async function ensureOpenCall(staff: Page): Promise<number> {
  const open = await apiCall<any[]>(staff, 'GET', `cohorts?filter=${encodeURIComponent(JSON.stringify({ phase: 'call_open' }))}`);
  if (open.body.length) return open.body[0].id;
  const now = Date.now();
  const created = await apiCall(staff, 'POST', 'cohorts', {
    name: 'openTransfer Accelerator 2027',
    year: 2027,
    application_opens_at: new Date(now - 86_400_000).toISOString(),
    application_closes_at: new Date(now + 30 * 86_400_000).toISOString(),
    seats: 10,
    default_grant_cents: 2_500_000,
    coaching_hours_per_fellow: 20,
  });
  if (created.status !== 201 && created.status !== 200) throw new Error(`cohort: ${created.status} ${JSON.stringify(created.body)}`);
  const id = (created.body as any).id as number;
  const copied = await apiCall(staff, 'POST', `cohorts/${id}/copy-criteria`, {});
  if (copied.status >= 300) throw new Error(`copy-criteria: ${copied.status} ${JSON.stringify(copied.body)}`);
  const opened = await apiCall(staff, 'POST', `cohorts/${id}/transition`, { phase: 'call_open' });
  if (opened.status !== 200) throw new Error(`transition: ${opened.status} ${JSON.stringify(opened.body)}`);
  return id;
}

/**
 * The console route (`#/…`) linked in the newest e-mail to `to`, as the recipient gets it: the
 * outbox stores account links masked, so the text is made the way the outbox worker makes it.
 */
export async function linkFromOutbox(env: BrowserEnv, to: string, marker: string): Promise<string> {
  const mail = await env.handle.db
    .selectFrom('emails')
    .select(['id', 'to', 'body', 'template', 'created_at'])
    .where('to', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const deliverable = await deliverableText(env.handle.db, mail);
  if ('undeliverable' in deliverable) throw new Error(`the mail to ${to} would not be sent: ${deliverable.undeliverable}`);
  const link = deliverable.text.match(new RegExp(`#/${marker}[^\\s)>"]*`))?.[0];
  if (!link) throw new Error(`no ${marker} link in the mail to ${to}: ${deliverable.text.slice(0, 300)}`);
  return link;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the current screen. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  // Only violations are collected in full (passes and the rest one node each): the sweeps run axe on
  // every screen, and collecting every passing node is most of its time. Legacy mode runs axe.run in
  // the page itself; the default (runPartial) opens a blank tab per call to merge frame results,
  // which took 1.2 s a screen against 0.5 s, with the same findings. The console has no cross-origin
  // frames, the one thing legacy mode would not look into.
  const results = await new AxeBuilder({ page: page as any })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Polls `probe` until it returns a value (an explicit condition with a deadline, not a sleep). */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, timeout = 15_000, every = 200): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** The accessible name of the focused element (its label, aria-label or text). */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-labelledby');
    if (labelled) return labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const id = el.id;
    const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : undefined;
    return (label ?? el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

/** Presses Tab from where focus is until the element is focused: it is reachable by keyboard. */
export async function tabToElement(page: Page, target: Locator, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element; focus is on "${await focusedName(page)}"`);
}

/** Presses Tab until the focused element's name matches, at most `limit` times. */
export async function tabTo(page: Page, name: RegExp, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}; focus is on "${await focusedName(page)}"`);
}
