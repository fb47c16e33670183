import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { apiCall, go, openAs, screenshot, settle, startBrowserEnv, type BrowserEnv } from './support/server.ts';

/**
 * Running the year from the console (issue 17), on the demo data: each role sees its own world
 * (the coach's fellows, the organisation's profile, an alumnus' greeting and events), staff offer
 * a free seat to the waitlist from the selection board and move the current cohort on from its
 * phase stepper — first refused with the server's reason, then confirmed. Its own system, because
 * it changes the demo year (a twelfth seat, the cohort becomes alumni).
 */
describe('the year from the console: every role its world, seats and phases', function () {
  this.timeout(240_000);
  let env: BrowserEnv;
  before(async () => {
    env = await startBrowserEnv();
  });
  after(async () => {
    await env?.close();
  });

  const db = () => env.handle.db;
  const current = async () => db().selectFrom('cohorts').selectAll().where('phase', '=', 'programme').orderBy('year', 'desc').executeTakeFirstOrThrow();
  const buttons = async (page: Page, name: string | RegExp) => page.getByRole('button', { name }).count();
  /** A dialog has finished fading in (for the screenshot), polled rather than slept. */
  const dialogShown = (page: Page) =>
    page.waitForFunction(() => {
      const container = document.querySelector('[role="dialog"]')?.closest('.MuiDialog-container');
      return !!container && getComputedStyle(container).opacity === '1';
    });

  it('shows a coach only the fellows they coach this year', async () => {
    const coach = await db().selectFrom('users').select('id').where('email', '=', 'coach1@example.org').executeTakeFirstOrThrow();
    const fellowships = await db().selectFrom('fellowships').select(['status']).where('coach_id', '=', coach.id).execute();
    const active = fellowships.filter((f) => f.status === 'active').length;
    assert.ok(fellowships.length > active, 'the demo coach also coached fellows of past cohorts');

    const page = await openAs(env, 'coach1@example.org');
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Meine Fellows' }) });
    await card.getByRole('progressbar').first().waitFor({ timeout: 20_000 });
    assert.equal(await card.getByRole('progressbar').count(), active, `${active} active fellows of coach1`);
    await screenshot(page, 'year-coach-home');
    await go(page, '/my-fellows');
    await page.locator('#main-content').getByRole('heading', { name: 'Meine Fellows' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), active);
    await page.context().close();
  });

  it('gives an organisation its profile page (edit, no delete, no export) and says when no call is open', async () => {
    // A login of a current fellow, read from the demo data (the seed selects by the jury's ranking).
    const cohort = await current();
    const fellow = await db()
      .selectFrom('users as u')
      .innerJoin('fellowships as f', 'f.organisation_id', 'u.organisation_id')
      .select('u.email')
      .where('u.role', '=', 'applicant')
      .where('f.cohort_id', '=', cohort.id)
      .where('f.status', '=', 'active')
      .orderBy('u.id')
      .executeTakeFirstOrThrow();
    const page = await openAs(env, fellow.email);
    const me = await apiCall(page, 'GET', 'auth/me');
    const organisation = await db().selectFrom('organisations').selectAll().where('id', '=', me.body.organisation_id).executeTakeFirstOrThrow();
    await page.getByText(`Sie sind Fellow im Jahrgang ${cohort.name}.`).waitFor({ timeout: 20_000 });
    await page.getByText('Zurzeit ist keine Ausschreibung offen').waitFor();

    await page.getByRole('menuitem', { name: 'Meine Organisation' }).click();
    await settle(page);
    assert.match(page.url(), /#\/my-organisation$/);
    await page.getByText(organisation.name).first().waitFor();
    assert.equal(await buttons(page, /Löschen/), 0, 'no delete on the own organisation');
    assert.equal(await buttons(page, /Export/), 0, 'no export of a one-record list');
    await screenshot(page, 'year-my-organisation');

    await page.getByRole('link', { name: 'Profil bearbeiten' }).click();
    await page.waitForURL(/#\/organisations\/\d+$/);
    await settle(page);
    await page.getByLabel('Name', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Adresse' }).click();
    const phone = page.getByLabel('Telefon');
    await phone.waitFor();
    await phone.fill('+49 30 1234567');
    assert.equal(await buttons(page, /Löschen/), 0, 'no delete on the edit form either');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await settle(page);
    assert.match(page.url(), /#\/my-organisation$/, 'saving returns to the profile');
    const saved = await db().selectFrom('organisations').select('phone').where('id', '=', organisation.id).executeTakeFirstOrThrow();
    assert.equal(saved.phone, '+49 30 1234567');

    // Staff-only actions are not offered to the organisation anywhere else either (a tranche).
    await page.getByRole('menuitem', { name: 'Meine Tranchen' }).click();
    await settle(page);
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await buttons(page, /Löschen/), 0, 'no delete on the tranches');
    const tranche = await apiCall<any[]>(page, 'GET', `disbursements?range=${encodeURIComponent('[0,0]')}`);
    await go(page, `/disbursements/${tranche.body[0].id}`);
    assert.equal(await buttons(page, /Löschen/), 0, 'no edit form with delete behind the tranche either');
    assert.equal(await buttons(page, 'Speichern'), 0);
    await page.context().close();
  });

  it('greets an alumnus as alumnus and opens an alumni event', async () => {
    const page = await openAs(env, 'alumni1@example.org');
    await page.getByText(/Ihre Organisation gehört zu den Alumni des Jahrgangs/).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByText(/Sie sind Fellow/).count(), 0);
    await page.getByRole('menuitem', { name: 'Alumni-Treffen' }).click();
    await settle(page);
    const first = page.locator('tbody tr').first();
    const title = (await first.locator('td').nth(1).innerText()).trim();
    await first.click();
    await settle(page);
    assert.match(page.url(), /#\/alumni-events\/\d+\/show$/);
    await page.getByText(title).first().waitFor();
    await screenshot(page, 'year-alumni-event');
    await page.context().close();
  });

  it('lets staff offer a free seat to the next on the waitlist, with one offer letter', async () => {
    const cohort = await current();
    const page = await openAs(env, 'staff@example.org');
    // The foundation funds one more seat: the release left none free, now one is.
    const more = await apiCall(page, 'PUT', `cohorts/${cohort.id}`, { seats: cohort.seats + 1 });
    assert.equal(more.status, 200, JSON.stringify(more.body));
    const next = await db()
      .selectFrom('applications as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['a.id', 'o.name', 'a.organisation_id'])
      .where('a.cohort_id', '=', cohort.id)
      .where('a.status', '=', 'waitlisted')
      .where('a.waitlist_position', '=', 1)
      .executeTakeFirstOrThrow();

    await go(page, '/selection');
    await page.getByText(`10 von ${cohort.seats + 1} Plätzen vergeben · 1 frei`).waitFor({ timeout: 20_000 });
    await page.getByText(`Ein Platz ist frei – als Nächste auf der Warteliste (4): ${next.name}`).waitFor();
    await page.getByRole('button', { name: 'Platz der Warteliste anbieten' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${next.name} (Platz 1 der Warteliste) wird ausgewählt`).waitFor();
    await dialogShown(page);
    await screenshot(page, 'year-offer-seat-confirm');
    await dialog.getByRole('button', { name: 'Platz der Warteliste anbieten' }).click();
    await page.getByText(`11 von ${cohort.seats + 1} Plätzen vergeben · 0 frei`).waitFor({ timeout: 20_000 });
    await page.getByText('Nachrück-Angebot offen').first().waitFor();
    await screenshot(page, 'year-offer-seat-done');

    const offered = await db().selectFrom('applications').select(['status', 'waitlist_position']).where('id', '=', next.id).executeTakeFirstOrThrow();
    assert.deepEqual(offered, { status: 'selected', waitlist_position: null });
    const letters = await db().selectFrom('emails').select('to').where('template', '=', 'decision_offer').where('organisation_id', '=', next.organisation_id).execute();
    assert.equal(letters.length, 1);
    await page.context().close();
  });

  it('moves the cohort on from its phase stepper: refused with the reason while an offer is open, then confirmed', async () => {
    const cohort = await current();
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db())).rows[0].n);
    const activeFellows = () => count(sql<{ n: number }>`select count(*)::int as n from fellowships where cohort_id = ${cohort.id} and status = 'active'`);
    const openOffers = await count(sql<{ n: number }>`select count(*)::int as n from applications a where a.cohort_id = ${cohort.id} and a.status = 'selected'
      and not exists (select 1 from fellowships f where f.application_id = a.id)`);
    assert.equal(openOffers, 1);
    const page = await openAs(env, 'staff@example.org');
    await go(page, `/cohorts/${cohort.id}/show`);
    await page.getByText('Nächster Schritt: Alumni').waitFor({ timeout: 20_000 });
    const openItems = page.getByTestId('phase-open-items');
    assert.equal((await openItems.innerText()).trim(), `Aktive Förderungen: ${await activeFellows()} · offene Nachrück-Angebote: ${openOffers} · Warteliste: 3`);
    await page.getByText('1 Nachrück-Angebot noch ohne Antwort').waitFor();

    await page.getByRole('button', { name: 'Weiter zu „Alumni“' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByText(`Das Programmjahr endet: ${await activeFellows()} aktive Förderungen werden abgeschlossen`).waitFor();
    await dialog.getByText('Noch ist nicht alles erledigt').waitFor();
    await dialog.getByRole('button', { name: 'Weiter zu „Alumni“' }).click();
    await page.getByRole('alert').filter({ hasText: 'Der Schritt ist nicht möglich: Noch offen: 1 Nachrück-Angebot.' }).waitFor({ timeout: 20_000 });
    await settle(page);
    await screenshot(page, 'year-phase-refused');
    assert.equal((await db().selectFrom('cohorts').select('phase').where('id', '=', cohort.id).executeTakeFirstOrThrow()).phase, 'programme');

    // The organisation said yes on the phone: staff record the answer on the board.
    await go(page, '/selection');
    const row = page.locator('tr', { hasText: 'Nachrück-Angebot offen' });
    await row.getByRole('button', { name: 'Angebot annehmen' }).click();
    await page.getByText('Nachrück-Angebot offen').waitFor({ state: 'detached', timeout: 20_000 });
    const fellows = await activeFellows();
    assert.equal(fellows, 11);

    await go(page, `/cohorts/${cohort.id}/show`);
    await page.getByText('Keine offenen Nachrück-Angebote').waitFor({ timeout: 20_000 });
    assert.equal((await openItems.innerText()).trim(), `Aktive Förderungen: ${fellows} · offene Nachrück-Angebote: 0 · Warteliste: 3`);
    await page.getByRole('button', { name: 'Weiter zu „Alumni“' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText(`Das Programmjahr endet: ${fellows} aktive Förderungen werden abgeschlossen`).waitFor();
    assert.equal(await dialog.getByText('Noch ist nicht alles erledigt').count(), 0);
    await dialogShown(page);
    await screenshot(page, 'year-phase-confirm');
    await dialog.getByRole('button', { name: 'Weiter zu „Alumni“' }).click();
    await page.getByText('Der Jahrgang hat die letzte Phase erreicht.').waitFor({ timeout: 20_000 });
    await screenshot(page, 'year-phase-alumni');
    assert.equal((await db().selectFrom('cohorts').select('phase').where('id', '=', cohort.id).executeTakeFirstOrThrow()).phase, 'alumni');
    assert.equal(await activeFellows(), 0);
    await page.context().close();
  });
});
