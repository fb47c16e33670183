import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { STAFF } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { csvCents, csvLabel, type CsvValue } from '../http/csv.ts';
import type { EnumName } from '../shared/labels.ts';
import { berlinDay } from '../shared/format.ts';
import { registerResource, type Rec, type Search } from '../http/resource.ts';
import { hiddenFrom, type FieldSpec, type Viewer } from '../http/list-query.ts';
import { FIELDS, LEGAL_FORMS } from '../organisations/organisations.schema.ts';
import {
  APPLICATION_STATUSES, TRANSFER_MODELS, applicationCreateSchema, applicationUpdateSchema, eligibilitySchema,
} from './applications.schema.ts';
import { applicantStatus, selectApplications } from './applications.queries.ts';
import { assertCallOpen, checkEligibility, presentApplication, submitApplication, withdrawApplication } from './applications.service.ts';
import { contentDisposition } from '../http/download.ts';
import { applicationPdf } from './application.pdf.ts';

/** Jurors read an application only through `JURY_APPLICATION_FIELDS` (jury-view.ts): the rest is hidden from them. */
const notForJurors = hiddenFrom('jury');

/** Applicants see an unreleased decision as "submitted" (applicantStatus); jurors see no status. */
const statusView = (viewer: Viewer) => (viewer.user?.role === 'applicant' ? applicantStatus : notForJurors(viewer));

const STALE_APPLICATION =
  'Diese Bewerbung wurde inzwischen an anderer Stelle geändert (z. B. in einem anderen Fenster). Bitte neu laden; Ihr Text bleibt in der lokalen Sicherung erhalten.';

const fields: Record<string, FieldSpec> = {
  id: { column: 't.id', type: 'int' },
  cohort_id: { column: 't.cohort_id', type: 'int' },
  organisation_id: { column: 't.organisation_id', type: 'int' },
  status: { column: 't.status', type: APPLICATION_STATUSES, hidden: statusView },
  transfer_model: { column: 't.transfer_model', type: TRANSFER_MODELS },
  project_name: { column: 't.project_name', type: 'text' },
  funding_requested_cents: { column: 't.funding_requested_cents', type: 'int' },
  submitted_at: { column: 't.submitted_at', type: 'datetime' },
  interview_at: { column: 't.interview_at', type: 'datetime', hidden: notForJurors },
  created_at: { column: 't.created_at', type: 'datetime', hidden: notForJurors },
  /** Hidden from jurors and applicants: a decision moves it. */
  updated_at: { column: 't.updated_at', type: 'datetime', hidden: hiddenFrom('jury', 'applicant') },
  organisation_name: { column: 'o.name', type: 'text' },
  /** The organisation's Bundesland. */
  state: { column: 'o.state', type: 'text', hidden: notForJurors },
  legal_form: { column: 'o.legal_form', type: LEGAL_FORMS, hidden: notForJurors },
  field: { column: 'o.field', type: FIELDS },
};

/**
 * German full text over the project (applications.search_vector) and the organisation (name, city,
 * description). Jurors see of the organisation only its name, so only that is searched for them.
 */
const search: Search = (tsquery, _raw, ctx) =>
  ctx.user?.role === 'jury'
    ? sql<boolean>`(t.search_vector @@ to_tsquery('german', ${tsquery}) OR to_tsvector('german', o.name) @@ to_tsquery('german', ${tsquery}))`
    : sql<boolean>`(t.search_vector @@ to_tsquery('german', ${tsquery}) OR o.search_vector @@ to_tsquery('german', ${tsquery}))`;

const CSV_COLUMNS: Array<[string, string]> = [
  ['id', 'ID'], ['cohort_name', 'Jahrgang'], ['organisation_name', 'Organisation'], ['organisation_legal_form', 'Rechtsform'],
  ['organisation_city', 'Ort'], ['organisation_state', 'Bundesland'], ['organisation_field', 'Handlungsfeld'],
  ['project_name', 'Projekt'], ['transfer_model', 'Transfermodell'], ['funding_requested_cents', 'Beantragt (EUR)'],
  ['status', 'Status'], ['submitted_at', 'Eingereicht am'], ['eligibility_note', 'Notiz Förderfähigkeit'], ['summary', 'Kurzbeschreibung'],
];

/** Coded columns and the catalogue group that names their values. */
const CSV_LABELS: Record<string, EnumName> = {
  organisation_legal_form: 'legal_form', organisation_field: 'field', transfer_model: 'transfer_model', status: 'application_status',
};

function csvValue(key: string, value: unknown): CsvValue {
  if (key === 'funding_requested_cents') return value == null ? null : csvCents(Number(value));
  if (Object.hasOwn(CSV_LABELS, key)) return csvLabel(CSV_LABELS[key], value as string | null);
  return value as CsvValue;
}

export function registerApplicationRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'applications',
    table: 'applications',
    select: selectApplications,
    fields,
    search,
    access: { read: ['admin', 'staff', 'applicant', 'jury'], create: ['admin', 'staff', 'applicant'], update: ['admin', 'staff', 'applicant'], delete: ['admin', 'staff', 'applicant'] },
    createSchema: applicationCreateSchema,
    updateSchema: applicationUpdateSchema,
    beforeCreate: async (ctx, input, trx) => {
      const cohort = await trx.selectFrom('cohorts').selectAll().where('id', '=', input.cohort_id).executeTakeFirst();
      if (!cohort) throw notFound('Jahrgang nicht gefunden.');
      if (ctx.user?.role === 'applicant') {
        if (!ctx.user.organisation_id) throw notFound('Keine Organisation zu diesem Konto.');
        if (input.organisation_id !== undefined && input.organisation_id !== ctx.user.organisation_id) throw notFound('Organisation nicht gefunden.');
        assertCallOpen(cohort);
        const existing = await trx
          .selectFrom('applications')
          .select('id')
          .where('cohort_id', '=', input.cohort_id)
          .where('organisation_id', '=', ctx.user.organisation_id)
          .executeTakeFirst();
        if (existing) throw conflict('Ihre Organisation hat sich für diesen Jahrgang schon beworben.', 'duplicate', { cohort_id: 'bereits beworben' });
        return { ...input, organisation_id: ctx.user.organisation_id };
      }
      const organisationId = input.organisation_id;
      if (!organisationId) throw conflict('Bitte die Organisation angeben.', 'missing_organisation', { organisation_id: 'Pflichtfeld.' });
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
      if (!org) throw notFound('Organisation nicht gefunden.');
      return { ...input, organisation_id: organisationId };
    },
    beforeUpdate: async (ctx, input, existing, trx) => {
      if (isStaff(ctx.user)) return input;
      const { interview_at, interview_notes, ...content } = input;
      if (existing.status !== 'draft') throw conflict('Eine eingereichte Bewerbung kann nicht mehr geändert werden.', 'wrong_state');
      const cohort = await trx.selectFrom('cohorts').selectAll().where('id', '=', existing.cohort_id).executeTakeFirstOrThrow();
      assertCallOpen(cohort);
      return content;
    },
    beforeDelete: async (ctx, existing) => {
      const allowed = isStaff(ctx.user) ? ['draft', 'withdrawn'] : ['draft'];
      if (!allowed.includes(existing.status)) throw conflict('Nur Entwürfe können gelöscht werden.', 'wrong_state');
    },
    present: presentApplication,
    versioned: { message: STALE_APPLICATION },
    csv: {
      summary: 'CSV export (semicolon, UTF-8 with BOM) of the filtered list; same sort/filter parameters as the list',
      access: STAFF,
      limit: 50_000,
      filename: () => `bewerbungen-${berlinDay(new Date())}.csv`,
      columns: CSV_COLUMNS.map(([key, label]) => [label, (record: Rec) => csvValue(key, record[key])] as const),
    },
  });

  api.add({
    method: 'post', path: '/applications/:id/submit', tag: 'applications', access: ['admin', 'staff', 'applicant'],
    summary: 'Submit a draft: checks completeness (per-field errors) and the deadline (409); queues the receipt e-mail',
    handler: (ctx, _req, _res, { id }) => submitApplication(ctx, id),
  });
  api.add({
    method: 'post', path: '/applications/:id/withdraw', tag: 'applications', access: ['admin', 'staff', 'applicant'],
    summary: 'Withdraw an application (not after a final decision)',
    handler: (ctx, _req, _res, { id }) => withdrawApplication(ctx, id),
  });
  api.add({
    method: 'post', path: '/applications/:id/check-eligibility', tag: 'applications', access: STAFF, body: eligibilitySchema,
    summary: 'Record the formal eligibility check {eligible, note}',
    handler: (ctx, _req, _res, { id, body }) => checkEligibility(ctx, id, body),
  });
  api.add({
    method: 'get', path: '/applications/:id/pdf', tag: 'applications', access: ['admin', 'staff', 'applicant'],
    summary: 'The application as a read-only PDF copy',
    handler: async (ctx, _req, res, { id }) => {
      const record = await selectApplications(ctx.db, ctx).where('t.id', '=', id).executeTakeFirst();
      if (!record) throw notFound('Bewerbung nicht gefunden.');
      const [organisation, attachments] = await Promise.all([
        ctx.db.selectFrom('organisations').selectAll().where('id', '=', record.organisation_id).executeTakeFirstOrThrow(),
        ctx.db.selectFrom('attachments').select(['filename', 'size_bytes']).where('application_id', '=', id).orderBy('id').execute(),
      ]);
      const pdf = await applicationPdf({ application: presentApplication(record as Rec, ctx), organisation, attachments });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', contentDisposition(`bewerbung-${id}.pdf`));
      res.send(pdf);
      return undefined;
    },
  });
}
