import assert from 'node:assert/strict';
import { apiCall, go, openAs, screenshot, settle, startBrowserEnv, type BrowserEnv } from './support/server.ts';

/**
 * The waitlist in the applicant's portal: a fellow leaves, the seat is offered to the first
 * organisation on the waitlist (by e-mail, pointing to the portal), and that organisation accepts
 * it there; the next offer is declined with a reason and moves on down the list. Its own system,
 * because it changes the demo year's fellows.
 */
describe('a seat offered from the waitlist, in the applicant portal', function () {
  this.timeout(180_000);
  let env: BrowserEnv;
  before(async () => {
    env = await startBrowserEnv();
  });
  after(async () => {
    await env?.close();
  });

  /** Staff end a fellowship; returns the application now holding the offer and a login for its organisation. */
  async function freeASeat(staff: Awaited<ReturnType<typeof openAs>>, n: number) {
    const cohorts = await apiCall(staff, 'GET', `cohorts?filter=${encodeURIComponent('{"phase":"programme"}')}`);
    const cohortId = cohorts.body[0].id;
    const fellows = await apiCall(staff, 'GET', `fellowships?filter=${encodeURIComponent(JSON.stringify({ cohort_id: cohortId, status: 'active' }))}&sort=${encodeURIComponent('["id","ASC"]')}`);
    const waitlist = await apiCall(staff, 'GET', `applications?filter=${encodeURIComponent(JSON.stringify({ cohort_id: cohortId, status: 'waitlisted' }))}`);
    assert.ok(waitlist.body.length > 0, 'the demo cohort has a waitlist');
    const next = waitlist.body.find((a: any) => a.waitlist_position === 1);
    const left = await apiCall(staff, 'POST', `fellowships/${fellows.body[n].id}/withdraw`, { reason: 'Die Organisation hat sich aufgelöst.' });
    assert.equal(left.status, 200, JSON.stringify(left.body));
    const email = `nachruecker${n}@example.org`;
    // A login for that organisation, with the demo password (too common for the API to accept).
    const { password_hash } = await env.handle.db.selectFrom('users').select('password_hash').where('email', '=', 'applicant1@example.org').executeTakeFirstOrThrow();
    await env.handle.db.insertInto('users').values({ email, name: `Nachrücker ${n}`, role: 'applicant', organisation_id: next.organisation_id, password_hash }).execute();
    return { application: next, email };
  }

  it('lets the first on the waitlist accept the seat, and the next decline with a reason', async () => {
    const staff = await openAs(env, 'staff@example.org');

    const first = await freeASeat(staff, 0);
    const invited = await openAs(env, first.email);
    // The offer e-mail points to the portal: its home page says what to do and leads there.
    await invited.getByText('Ein Platz ist frei geworden: Wir bieten ihn Ihnen an.', { exact: false }).waitFor({ timeout: 20_000 });
    await invited.getByText('Angebot beantworten').click();
    await settle(invited);
    await invited.getByText('Ein Platz ist frei geworden – für Sie').waitFor({ timeout: 20_000 });
    await screenshot(invited, 'offer-open');
    await invited.getByRole('button', { name: 'Angebot annehmen' }).click();
    await invited.getByRole('dialog').getByRole('button', { name: /Bestätigen|Ja/ }).click();
    await invited.getByText('Willkommen im Programm!').waitFor({ timeout: 20_000 });
    await settle(invited);
    assert.equal(await invited.getByRole('button', { name: 'Angebot annehmen' }).count(), 0, 'an accepted offer is no longer open');
    const accepted = await apiCall(invited, 'GET', `applications/${first.application.id}`);
    assert.equal(accepted.body.offer_open, false);
    const fellowship = await apiCall(staff, 'GET', `fellowships?filter=${encodeURIComponent(JSON.stringify({ application_id: first.application.id }))}`);
    assert.equal(fellowship.body.length, 1);
    await invited.context().close();

    const second = await freeASeat(staff, 1);
    const other = await openAs(env, second.email);
    await go(other, '/application');
    await other.getByRole('button', { name: 'Angebot ablehnen' }).click();
    const dialog = other.getByRole('dialog');
    const decline = dialog.getByRole('button', { name: 'Angebot ablehnen' });
    assert.equal(await decline.isDisabled(), true, 'a reason is required');
    await dialog.getByLabel('Grund').fill('Wir haben in diesem Jahr keine Kapazität.');
    await decline.click();
    await other.getByText('Sie haben das Angebot abgelehnt.').waitFor({ timeout: 20_000 });
    const declined = await apiCall(other, 'GET', `applications/${second.application.id}`);
    assert.equal(declined.body.status, 'withdrawn');
    await other.context().close();
    await staff.context().close();
  });
});
