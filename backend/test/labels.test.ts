import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentFor, createOrganisation, createUser, db, listQuery, loginAs } from './support/fixtures.ts';
import { completeApplication, completeOrganisation, createApplication, createCohort } from './support/call.ts';
import { createFellowship } from './support/programme.ts';
import { populateCohort } from './support/report-data.ts';
import { parseCsv, rawBody } from './support/csv.ts';
import { countOf, date, dateTime, money, number, plural, score, zScore } from '../src/shared/format.ts';
import { enumMessages, label, LABELS, type EnumName } from '../src/shared/labels.ts';
import { LEGAL_FORMS, FIELDS } from '../src/organisations/organisations.schema.ts';
import { APPLICATION_STATUSES, TRANSFER_MODELS } from '../src/applications/applications.schema.ts';
import { COHORT_PHASES } from '../src/cohorts/cohorts.schema.ts';
import { FELLOWSHIP_STATUSES } from '../src/fellowships/fellowships.schema.ts';
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '../src/milestones/milestones.schema.ts';
import { TRANSFER_SITE_STATUSES } from '../src/transfer-sites/transfer-sites.schema.ts';
import { AUDIENCE_KINDS, MAILING_STATUSES } from '../src/mailings/mailings.schema.ts';
import { DISBURSEMENT_STATUSES, EXPORT_FORMATS } from '../src/disbursements/disbursements.schema.ts';
import { BUDGET_CATEGORIES } from '../src/budget-lines/budget-lines.schema.ts';
import { ALUMNI_EVENT_KINDS, INTRODUCTION_STATUSES } from '../src/alumni/alumni.schema.ts';
import { REPORT_KINDS } from '../src/reports/reports.schema.ts';
import { ATTENDANCE_STATUSES } from '../src/attendances/attendances.schema.ts';
import { WORKSHOP_KINDS } from '../src/workshops/workshops.schema.ts';
import { COACHING_FORMATS } from '../src/coaching-sessions/coaching-sessions.schema.ts';
import { RECOMMENDATIONS, REVIEW_STATUSES } from '../src/reviews/reviews.schema.ts';
import { ROLES } from '../src/users/users.schema.ts';
import { INDICATOR_DIRECTIONS, INDICATOR_VALUE_KINDS } from '../src/indicators/indicators.schema.ts';
import { GRANTEE_REPORT_KINDS, GRANTEE_REPORT_OUTCOMES, GRANTEE_REPORT_STATUSES } from '../src/grantee-reports/grantee-reports.schema.ts';
import { QUESTION_TYPES, SURVEY_KINDS, SURVEY_STATES } from '../src/surveys/surveys.schema.ts';
import { featureMessages } from '../../admin/src/i18n/features.ts';
import { labelMessages } from '../../admin/src/i18n/labels.ts';

const dir = mkdtempSync(join(tmpdir(), 'labels-test-'));
let files = 0;
function pdfText(pdf: Buffer): string {
  const file = join(dir, `p${++files}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * Every coded value of every schema, with the catalogue group that names it: the catalogue is a
 * shared layer and may not import the features, so this list is where a new value without words fails.
 */
const SCHEMA_VALUES: Array<[EnumName, readonly (string | number)[]]> = [
  ['application_status', APPLICATION_STATUSES], ['transfer_model', TRANSFER_MODELS], ['legal_form', LEGAL_FORMS], ['field', FIELDS],
  ['cohort_phase', COHORT_PHASES], ['fellowship_status', FELLOWSHIP_STATUSES], ['milestone_kind', MILESTONE_KINDS],
  ['milestone_status', MILESTONE_STATUSES], ['transfer_site_status', TRANSFER_SITE_STATUSES], ['mailing_status', MAILING_STATUSES], ['mailing_audience', AUDIENCE_KINDS], ['disbursement_status', DISBURSEMENT_STATUSES], ['budget_category', BUDGET_CATEGORIES], ['attendance_status', ATTENDANCE_STATUSES],
  ['workshop_kind', WORKSHOP_KINDS], ['coaching_format', COACHING_FORMATS], ['review_status', REVIEW_STATUSES],
  ['recommendation', RECOMMENDATIONS], ['role', ROLES], ['export_format', EXPORT_FORMATS], ['event_kind', ALUMNI_EVENT_KINDS],
  ['introduction_status', INTRODUCTION_STATUSES], ['report_kind', REPORT_KINDS],
  ['grantee_report_kind', GRANTEE_REPORT_KINDS], ['grantee_report_status', GRANTEE_REPORT_STATUSES],
  ['grantee_report_outcome', GRANTEE_REPORT_OUTCOMES], ['indicator_direction', INDICATOR_DIRECTIONS], ['indicator_value_kind', INDICATOR_VALUE_KINDS],
  ['survey_kind', SURVEY_KINDS], ['survey_question_type', QUESTION_TYPES], ['survey_state', SURVEY_STATES],
];

/** Codes no reader should ever see: every catalogue value written in snake_case, and the lower-case legal forms. */
const RAW_CODES = [...new Set(Object.values(LABELS).flatMap((group) => Object.keys(group)).filter((v) => v.includes('_') || v === 'ggmbh'))];
const rawCodesIn = (text: string) => RAW_CODES.filter((code) => new RegExp(`(?<![\\w@./-])${code}(?![\\w@./-])`).test(text));

describe('one label catalogue (issues 17, 18)', () => {
  it('names every value of every schema in German and English, never with the raw code', () => {
    for (const [group, values] of SCHEMA_VALUES) {
      for (const value of values) {
        for (const locale of ['de', 'en'] as const) {
          const text = label(group, value, locale);
          assert.notEqual(text, String(value), `${group}.${value} (${locale}) has no words`);
          assert.ok(text.trim().length > 0, `${group}.${value} (${locale})`);
        }
      }
    }
  });

  it('is what the console shows: enums.<group>.<value> in both languages comes from the catalogue, and from nowhere else', () => {
    assert.deepEqual(labelMessages.de.enums, enumMessages('de'));
    assert.deepEqual(labelMessages.en.enums, enumMessages('en'));
    assert.equal(featureMessages.at(-1), labelMessages, 'merged last');
    for (const feature of featureMessages.filter((m) => m !== labelMessages)) {
      assert.equal(feature.de.enums, undefined, 'a feature keeps no words of its own for coded values');
      assert.equal(feature.en.enums, undefined);
    }
  });

  it('the application export names status, legal form, field and transfer model as the catalogue does', async () => {
    const cohort = await createCohort();
    const org = await createOrganisation({ ...completeOrganisation, legal_form: 'ggmbh', field: 'democracy', name: 'Demokratie leben gGmbH' });
    await createApplication(cohort.id, org.id, { status: 'shortlisted', transfer_model: 'dissemination', submitted_at: new Date('2026-03-01T09:30:00Z') });
    const { agent } = await agentFor('staff');
    const res = await agent.get('/api/applications/export.csv').buffer(true).parse(rawBody).expect(200);
    const [header, row] = parseCsv((res.body as Buffer).toString('utf8'));
    const cell = (name: string) => row[header.indexOf(name)];
    assert.equal(cell('Status'), label('application_status', 'shortlisted'));
    assert.equal(cell('Rechtsform'), label('legal_form', 'ggmbh'));
    assert.equal(cell('Handlungsfeld'), label('field', 'democracy'));
    assert.equal(cell('Transfermodell'), label('transfer_model', 'dissemination'));
    assert.equal(cell('Eingereicht am'), dateTime(new Date('2026-03-01T09:30:00Z')));
    assert.equal(cell('Eingereicht am'), '01.03.2026, 10:30');
    assert.deepEqual(rawCodesIn(row.join(' ')), []);
  });

  it('the coaching export names the format and writes the day as dd.MM.yyyy', async () => {
    const cohort = await createCohort();
    const coach = await createUser('coach');
    const org = await createOrganisation();
    const fellowship = await createFellowship({ cohort_id: cohort.id, organisation_id: org.id, coach_id: coach.id, coaching_hours_budget: 10 });
    const agent = await loginAs(coach);
    await agent.post('/api/coaching-sessions').send({
      fellowship_id: fellowship.id, held_on: '2026-05-04', duration_minutes: 60, format: 'video', topics: 'Finanzierung', notes: '', next_steps: '', confidential: false,
    }).expect(201);
    const res = await agent.get('/api/coaching-sessions/export.csv').buffer(true).parse(rawBody).expect(200);
    const [header, row] = parseCsv((res.body as Buffer).toString('utf8'));
    assert.equal(row[header.indexOf('Format')], label('coaching_format', 'video'));
    assert.equal(row[header.indexOf('Datum')], '04.05.2026');
    assert.equal(row[header.indexOf('Vertraulich')], label('boolean', false));
  });

  it('the ranking export names each status as the catalogue does', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const res = await agent.get('/api/rankings/export.csv').query(listQuery({ filter: { cohort_id: data.cohortId } })).buffer(true).parse(rawBody).expect(200);
    const [header, ...rows] = parseCsv((res.body as Buffer).toString('utf8'));
    const statuses = new Set(rows.map((r) => r[header.indexOf('Status')]));
    const words = new Set(Object.values(enumMessages('de').application_status));
    assert.ok(statuses.size > 1);
    for (const s of statuses) assert.ok(words.has(s), `"${s}" is not a catalogue word`);
  });

  it('the application PDF shows the catalogue words for status, legal form and transfer model, and German money', async () => {
    const cohort = await createCohort();
    const org = await createOrganisation({ ...completeOrganisation, name: 'Straßenkinder Köln e.V.' });
    const { agent } = await agentFor('applicant', { organisation_id: org.id });
    const app = await createApplication(cohort.id, org.id, { status: 'submitted', submitted_at: new Date('2026-03-01T09:30:00Z'), funding_requested_cents: 123_456 });
    const res = await agent.get(`/api/applications/${app.id}/pdf`).buffer(true).parse(rawBody).expect(200);
    const text = pdfText(res.body as Buffer);
    assert.ok(text.includes(`Status: ${label('application_status', 'submitted')}`), text.slice(0, 300));
    assert.ok(text.includes(label('legal_form', completeOrganisation.legal_form)));
    assert.ok(text.includes(label('transfer_model', completeApplication.transfer_model)));
    assert.ok(text.includes('1.234,56 €'));
    assert.ok(text.includes('Eingereicht am 01.03.2026, 10:30 Uhr'));
    assert.deepEqual(rawCodesIn(text), []);
  });

  it('the funder and selection PDFs use the catalogue words and no raw code', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const funder = pdfText((await agent.get(`/api/reports/cohorts/${data.cohortId}/funder.pdf`).buffer(true).parse(rawBody).expect(200)).body);
    for (const status of DISBURSEMENT_STATUSES.filter((s) => s !== 'cancelled')) assert.ok(funder.includes(label('disbursement_status', status)), status);
    assert.ok(funder.includes(label('fellowship_stage', 1)));
    assert.deepEqual(rawCodesIn(funder), []);
    const selection = pdfText((await agent.get(`/api/reports/cohorts/${data.cohortId}/selection.pdf`).buffer(true).parse(rawBody).expect(200)).body);
    for (const status of ['selected', 'waitlisted', 'rejected'] as const) assert.ok(selection.includes(label('application_status', status)), status);
    assert.deepEqual(rawCodesIn(selection), []);
  });

  it('a decision letter names its kind from the catalogue and writes money the German way', async () => {
    const data = await populateCohort(db());
    const { agent } = await agentFor('staff');
    const letters = (await agent.get(`/api/cohorts/${data.cohortId}/decision-letters`).expect(200)).body as Array<{ template: string; subject: string; body: string }>;
    assert.ok(letters.length > 0);
    for (const letter of letters) {
      assert.ok(Object.hasOwn(LABELS.email_template, letter.template), `${letter.template} has words in the catalogue`);
      assert.doesNotMatch(letter.body, /\b\d{4}-\d{2}-\d{2}\b/, 'no ISO date in a letter');
      assert.deepEqual(rawCodesIn(letter.body), []);
    }
    const acceptance = letters.find((l) => l.template === 'decision_selected');
    assert.ok(acceptance?.body.includes(money(data.grantCents)), 'the grant in German notation');
    assert.match(money(data.grantCents), /^\d{1,3}(\.\d{3})*,\d{2} €$/);
  });
});

describe('one set of formats', () => {
  it('writes money, dates, scores and numbers the German way, and the English way on request', () => {
    assert.equal(money(123_456), '1.234,56 €');
    assert.equal(money(-2_500_000, 'de', { whole: true }), '-25.000 €');
    assert.equal(money(123_456, 'en'), '€1,234.56');
    assert.equal(money(null), '–');
    assert.equal(date('2026-03-01'), '01.03.2026');
    assert.equal(date('2026-03-01', 'en'), '01/03/2026');
    assert.equal(date(new Date('2026-02-28T23:30:00Z')), '01.03.2026', 'the day in Berlin');
    assert.equal(dateTime('2026-07-01T12:05:00Z'), '01.07.2026, 14:05');
    assert.equal(score(87.25), '87,3 von 100');
    assert.equal(score(87.25, 'en'), '87.3 of 100');
    assert.equal(zScore(-0.414), '−0,41');
    assert.equal(number(1234.5), '1.234,5');
  });

  it('counts with German plurals: 1 Fellow, 2 Fellows, 0 Bewerbungen', () => {
    const fellows = { one: 'Fellow', other: 'Fellows' };
    const applications = { one: 'Bewerbung', other: 'Bewerbungen' };
    assert.equal(countOf(1, fellows), '1 Fellow');
    assert.equal(countOf(2, fellows), '2 Fellows');
    assert.equal(countOf(0, applications), '0 Bewerbungen');
    assert.equal(countOf(1, applications), '1 Bewerbung');
    assert.equal(countOf(1204, applications), '1.204 Bewerbungen');
    assert.equal(plural(1, { one: 'tranche', other: 'tranches' }, 'en'), 'tranche');
  });
});
