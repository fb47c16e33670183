import assert from 'node:assert/strict';
import { agentFor, api, createUser, databaseSnapshot, db } from './support/fixtures.ts';
import { createFellowship, insertTranche } from './support/funding-fixtures.ts';
import { EMAIL_TEMPLATE_KEYS, EMAIL_TEMPLATES } from '../src/shared/email-catalogue.ts';
import { renderHtml, renderText, templateError } from '../src/email-templates/email-templates.render.ts';
import { TOKEN_MASK } from '../src/auth/account-emails.ts';
import { LABELS } from '../src/shared/labels.ts';

const template = (key: string, locale: 'de' | 'en') =>
  db().selectFrom('email_templates').selectAll().where('key', '=', key).where('locale', '=', locale).executeTakeFirstOrThrow();
const outbox = (to: string) => db().selectFrom('emails').selectAll().where('to', '=', to).orderBy('id').execute();

describe('e-mail templates (issue 21)', () => {
  describe('the stored templates', () => {
    it('has one record per key and language with the shipped text, and lists them to staff with their merge fields', async () => {
      const staff = await agentFor('staff');
      const res = await staff.agent.get('/api/email-templates').query({ range: '[0,99]' }).expect(200);
      assert.equal(res.body.length, EMAIL_TEMPLATE_KEYS.length * 2);
      for (const key of ['registration_confirm', 'password_reset', 'application_received', 'application_ineligible', 'decision_selected', 'decision_waitlisted', 'decision_rejected', 'waitlist_offer', 'report_requested', 'reminder']) {
        assert.deepEqual(res.body.filter((t: any) => t.key === key).map((t: any) => t.locale).sort(), ['de', 'en'], key);
      }
      const reset = res.body.find((t: any) => t.key === 'password_reset' && t.locale === 'de');
      assert.deepEqual(reset.required_fields, ['reset_link']);
      assert.ok(reset.merge_fields.includes('name'));
      assert.equal(reset.body, EMAIL_TEMPLATES.password_reset.de.body);
      const filtered = await staff.agent.get('/api/email-templates').query({ filter: JSON.stringify({ key: 'reminder', locale: 'en' }) }).expect(200);
      assert.deepEqual(filtered.body.map((t: any) => [t.key, t.locale]), [['reminder', 'en']]);
    });

    it('is closed to everyone but staff and admins', async () => {
      const row = await template('password_reset', 'de');
      for (const role of ['applicant', 'jury', 'coach'] as const) {
        const { agent } = await agentFor(role);
        await agent.get('/api/email-templates').expect(403);
        await agent.put(`/api/email-templates/${row.id}`).send({ body: 'x {{reset_link}}' }).expect(403);
        await agent.post(`/api/email-templates/${row.id}/reset`).expect(403);
        await agent.post(`/api/email-templates/${row.id}/preview`).send({}).expect(403);
      }
      await api().get('/api/email-templates').expect(401);
    });
  });

  describe('editing', () => {
    it('saves subject and body, records who did it, and audits the change', async () => {
      const staff = await agentFor('staff');
      const row = await template('application_received', 'de');
      const res = await staff.agent.put(`/api/email-templates/${row.id}`).send({ subject: 'Danke, {{organisation_name}}!', body: 'Hallo {{organisation_name}},\n\n**danke**.' }).expect(200);
      assert.equal(res.body.subject, 'Danke, {{organisation_name}}!');
      assert.equal(res.body.updated_by, staff.user.id);
      const audit = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'email-templates').where('record_id', '=', row.id).execute();
      assert.deepEqual(audit.map((a) => [a.action, a.actor_id]), [['update', staff.user.id]]);
      assert.match(JSON.stringify(audit[0].changes), /danke/);
    });

    const refused: Array<[string, string, Record<string, string>, RegExp]> = [
      ['an unknown merge field', 'password_reset', { body: 'Hallo {{vorname}}: {{reset_link}}' }, /\{\{vorname\}\}/],
      ['a reset mail without the reset link', 'password_reset', { body: 'Hallo {{name}}, bitte melden Sie sich.' }, /\{\{reset_link\}\}/],
      ['the reset link only inside a condition', 'password_reset', { body: 'Hallo {{#reset_link}}hier{{/reset_link}}' }, /\{\{reset_link\}\}/],
      ['an unclosed {{', 'application_received', { body: 'Hallo {{organisation_name' }, /„\{\{“ ohne schließendes/],
      ['a stray }}', 'application_received', { body: 'Hallo organisation_name}}' }, /„\}\}“/],
      ['a tag that is no field name', 'application_received', { body: 'Hallo {{ organisation name }}' }, /Ungültiges Feld/],
      ['an unclosed section', 'decision_selected', { body: '{{#reason}}Begründung: {{reason}}' }, /\{\{#reason\}\}/],
      ['an unknown field in the subject', 'decision_selected', { subject: 'Zusage für {{firma}}' }, /\{\{firma\}\}/],
    ];
    for (const [what, key, body, message] of refused) {
      it(`refuses ${what} with 400 naming it, and changes nothing`, async () => {
        const staff = await agentFor('staff');
        const row = await template(key, 'de');
        const before = await databaseSnapshot();
        const res = await staff.agent.put(`/api/email-templates/${row.id}`).send(body).expect(400);
        const field = body.subject !== undefined ? 'subject' : 'body';
        assert.match(res.body.errors[field], message);
        assert.equal(await databaseSnapshot(), before);
      });
    }

    it('refuses a 1 MB body, NUL bytes, a subject of no or two lines and unknown keys with 400, and changes nothing', async () => {
      const staff = await agentFor('staff');
      const row = await template('password_reset', 'de');
      const before = await databaseSnapshot();
      const huge = await staff.agent.put(`/api/email-templates/${row.id}`).send({ body: `{{reset_link}} ${'a'.repeat(1_000_000)}` });
      assert.equal(huge.status, 400);
      assert.ok(huge.body.errors.body);
      const nul = await staff.agent.put(`/api/email-templates/${row.id}`).send({ body: 'Hallo\u0000 {{reset_link}}' }).expect(400);
      assert.ok(nul.body.errors.body);
      await staff.agent.put(`/api/email-templates/${row.id}`).send({ subject: '   ' }).expect(400);
      await staff.agent.put(`/api/email-templates/${row.id}`).send({ subject: 'Zeile 1\nZeile 2' }).expect(400);
      await staff.agent.put(`/api/email-templates/${row.id}`).send({ bcc: 'x@example.org' }).expect(400);
      // The record's own read-only fields come back with every save and are ignored.
      await staff.agent.put(`/api/email-templates/${row.id}`).send({ key: 'register_taken', locale: 'en' }).expect(200);
      assert.equal(await databaseSnapshot(), before);
    });

    it('resets a template to the shipped text, audited', async () => {
      const staff = await agentFor('staff');
      const row = await template('decision_rejected', 'en');
      await staff.agent.put(`/api/email-templates/${row.id}`).send({ body: 'Sorry, {{organisation_name}}.' }).expect(200);
      const res = await staff.agent.post(`/api/email-templates/${row.id}/reset`).expect(200);
      assert.equal(res.body.body, EMAIL_TEMPLATES.decision_rejected.en.body);
      assert.equal(res.body.subject, EMAIL_TEMPLATES.decision_rejected.en.subject);
      assert.equal(res.body.updated_by, null);
      assert.deepEqual((await template('decision_rejected', 'en')).body, EMAIL_TEMPLATES.decision_rejected.en.body);
      const audit = await db().selectFrom('audit_events').select('action').where('resource', '=', 'email-templates').where('record_id', '=', row.id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['update', 'reset']);
      await staff.agent.post('/api/email-templates/999999/reset').expect(404);
    });
  });

  describe('sending', () => {
    it('writes a message in the recipient’s language, German by default', async () => {
      const en = await createUser('applicant', { email: 'english@verein.de', locale: 'en' });
      const de = await createUser('applicant', { email: 'deutsch@verein.de' });
      await api().post('/api/auth/password-reset').send({ email: en.email }).expect(202);
      await api().post('/api/auth/password-reset').send({ email: de.email }).expect(202);
      const [english] = await outbox(en.email);
      const [german] = await outbox(de.email);
      assert.equal(english.subject, 'Reset your password');
      assert.match(english.body, /Choose a new password/);
      assert.equal(german.subject, 'Passwort zurücksetzen');
      assert.match(german.body, /Hallo /);
    });

    it('uses an edited template for the next message, and the shipped text again after a reset', async () => {
      const staff = await agentFor('staff');
      const user = await createUser('applicant', { email: 'petra@verein.de', locale: 'en' });
      const row = await template('password_reset', 'en');
      await staff.agent.put(`/api/email-templates/${row.id}`)
        .send({ subject: 'New password for {{name}}', body: 'Dear {{name}},\n\nfollow [this link]({{reset_link}}) within {{valid_minutes}} minutes.' }).expect(200);
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      await staff.agent.post(`/api/email-templates/${row.id}/reset`).expect(200);
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      const [edited, shipped] = await outbox(user.email);
      assert.equal(edited.subject, `New password for ${user.name}`);
      assert.match(edited.body, new RegExp(`follow this link \\(http://localhost:3000/#/password-reset/confirm\\?token=${TOKEN_MASK}\\) within 60 minutes`));
      assert.equal(shipped.subject, 'Reset your password');
    });

    it('falls back to the German text when the recipient’s language has no template', async () => {
      await db().deleteFrom('email_templates').where('key', '=', 'password_reset').where('locale', '=', 'en').execute();
      const staff = await agentFor('staff');
      const row = await template('password_reset', 'de');
      await staff.agent.put(`/api/email-templates/${row.id}`).send({ body: 'Geänderter Text: {{reset_link}}' }).expect(200);
      const user = await createUser('applicant', { email: 'ohne@verein.de', locale: 'en' });
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      const [mail] = await outbox(user.email);
      assert.match(mail.body, /^Geänderter Text: /);
    });

    it('tells the organisation in its language when a tranche is paid, once', async () => {
      const f = await createFellowship({ organisation: { name: 'Lesewelten e. V.' } });
      const fellow = await createUser('applicant', { email: 'fellow@lesewelten.de', organisation_id: f.organisation_id, locale: 'en' });
      const planner = await agentFor('staff');
      const payer = await agentFor('staff');
      const tranche = await insertTranche({ fellowship_id: f.id, amount_cents: 750_000, status: 'approved', created_by: planner.user.id, approved_by: payer.user.id, label: 'First tranche' });
      await payer.agent.post(`/api/disbursements/${tranche.id}/pay`).send({ payment_reference: 'OTA-2026-7' }).expect(200);
      await payer.agent.post(`/api/disbursements/${tranche.id}/pay`).send({ payment_reference: 'OTA-2026-7' }).expect(409);
      const mails = await outbox(fellow.email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0].template, 'tranche_paid');
      assert.equal(mails[0].subject, 'Paid: First tranche (€7,500.00)');
      assert.match(mails[0].body, /to Lesewelten e\. V\. on \d\d\/\d\d\/\d{4} \(reference: OTA-2026-7\)\./);
    });

    it('keeps the secret of account mails masked in the outbox as staff read it', async () => {
      const staff = await agentFor('staff');
      const user = await createUser('applicant', { email: 'maske@verein.de' });
      await api().post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      const [mail] = await outbox(user.email);
      const res = await staff.agent.get(`/api/emails/${mail.id}`).expect(200);
      assert.ok(res.body.body.includes(`token=${TOKEN_MASK}`));
    });
  });

  describe('preview', () => {
    it('renders sample values to subject, text and HTML, escaping every value', async () => {
      const staff = await agentFor('staff');
      const row = await template('decision_selected', 'de');
      const res = await staff.agent.post(`/api/email-templates/${row.id}/preview`).send({}).expect(200);
      assert.match(res.body.subject, /^Zusage: Lesewelten e\. V\./);
      assert.match(res.body.text, /Skalierungsstipendium in Höhe von 15\.000,00 €/);
      assert.match(res.body.html, /^<p>Guten Tag,<\/p>\n<p>vielen Dank/);
      const unsaved = await staff.agent.post(`/api/email-templates/${row.id}/preview`)
        .send({ subject: 'Test', body: '# Hallo\n\n- **{{organisation_name}}**\n- [Portal]({{portal_link}})' }).expect(200);
      assert.equal(unsaved.body.html, '<h1>Hallo</h1>\n<ul><li><strong>Lesewelten e. V.</strong></li><li><a href="https://accelerator.example.org/#/application">Portal</a></li></ul>');
      const broken = await staff.agent.post(`/api/email-templates/${row.id}/preview`).send({ body: 'Hallo {{nope}}' }).expect(400);
      assert.match(broken.body.errors.body, /\{\{nope\}\}/);
    });

    it('fills a template from a real record, and answers 404 for a record that does not exist', async () => {
      const staff = await agentFor('staff');
      const f = await createFellowship();
      const app = await db().selectFrom('applications as a').innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .select(['a.id', 'o.name']).where('a.id', '=', f.application_id).executeTakeFirstOrThrow();
      await db().updateTable('organisations').set({ name: 'Verein <script>alert(1)</script> & Co.' }).where('name', '=', app.name).execute();
      const row = await template('application_received', 'en');
      const res = await staff.agent.post(`/api/email-templates/${row.id}/preview`).send({ record_id: app.id }).expect(200);
      assert.match(res.body.text, /Verein <script>alert\(1\)<\/script> & Co\./);
      assert.match(res.body.html, /Verein &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co\./);
      assert.ok(!res.body.html.includes('<script>'));
      assert.match(res.body.text, new RegExp(`Your application number: ${app.id}\\.`));
      await staff.agent.post(`/api/email-templates/${row.id}/preview`).send({ record_id: 999999 }).expect(404);
      await staff.agent.post('/api/email-templates/999999/preview').send({}).expect(404);
    });
  });

  describe('users choose their language', () => {
    it('sets the own locale (audited) and refuses anything but de or en', async () => {
      const { agent, user } = await agentFor('applicant');
      const res = await agent.put('/api/auth/me').send({ locale: 'en' }).expect(200);
      assert.equal(res.body.locale, 'en');
      assert.equal((await agent.get('/api/auth/me').expect(200)).body.locale, 'en');
      await agent.put('/api/auth/me').send({ locale: 'de' }).expect(200);
      assert.equal((await agent.get('/api/auth/me').expect(200)).body.locale, 'de');
      await agent.put('/api/auth/me').send({ locale: 'en' }).expect(200);
      const audit = await db().selectFrom('audit_events').selectAll().where('resource', '=', 'users').where('record_id', '=', user.id).execute();
      assert.equal(audit.length, 3);
      const before = await databaseSnapshot();
      await agent.put('/api/auth/me').send({ locale: 'fr' }).expect(400);
      await agent.put('/api/auth/me').send({ locale: 'de', role: 'admin' }).expect(400);
      assert.equal(await databaseSnapshot(), before);
      await api().put('/api/auth/me').send({ locale: 'en' }).expect(401);
    });
  });

  describe('the template language', () => {
    it('keeps conditional parts only when their field has a value', () => {
      const source = 'A{{#reason}} weil {{reason}}{{/reason}}{{^reason}} ohne Grund{{/reason}}.';
      assert.equal(renderText(source, { reason: 'gut' }), 'A weil gut.');
      assert.equal(renderText(source, { reason: '' }), 'A ohne Grund.');
    });

    it('never reads a merge value as Markdown or as a tag', () => {
      assert.equal(renderText('{{a}}', { a: '**{{b}}** [x](javascript:alert(1))' }), '**{{b}}** [x](javascript:alert(1))');
      assert.equal(renderHtml('[Link]({{a}})', { a: 'javascript:alert(1)' }), '<p><a href="#">Link</a></p>');
      assert.equal(renderHtml('[Link](javascript:alert(1))', {}), '<p>[Link](javascript:alert(1))</p>');
    });

    it('names every message of the catalogue in words in the outbox', () => {
      for (const key of EMAIL_TEMPLATE_KEYS) assert.ok(Object.hasOwn(LABELS.email_template, EMAIL_TEMPLATES[key].outbox), key);
    });

    it('reports every shipped template as valid', () => {
      for (const key of EMAIL_TEMPLATE_KEYS) {
        const def = EMAIL_TEMPLATES[key];
        for (const locale of ['de', 'en'] as const) {
          assert.equal(templateError(def[locale].body, def.fields, def.required), null, `${key}/${locale} body`);
          assert.equal(templateError(def[locale].subject, def.fields), null, `${key}/${locale} subject`);
        }
      }
    });
  });
});
