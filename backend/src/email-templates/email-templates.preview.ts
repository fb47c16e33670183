import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { berlinDay, money } from '../shared/format.ts';
import { consoleLink } from '../shared/links.ts';
import type { PreviewRecord, TemplateDefinition, TemplateLocale } from '../shared/email-catalogue.ts';
import type { MergeValues } from './email-templates.render.ts';
import {
  accountValues, applicationValues, contactPeople, followUpValues, letterValues, quoted, reminderValues, reportValues, trancheValues,
} from './email-templates.values.ts';

/** The lifetime of a reset link in minutes (auth/account-tokens.ts TOKEN_TTL_MINUTES.reset). */
const RESET_MINUTES = 60;

type Loader = (db: Kysely<Database>, id: number, locale: TemplateLocale, publicUrl: string) => Promise<MergeValues | undefined>;

/**
 * The merge values of a real record, for the preview: the same builders the senders use, filled
 * from the database. Secrets are never read: account links carry the mask, as in the outbox.
 */
const LOADERS: Record<PreviewRecord, Loader> = {
  users: async (db, id, _locale, publicUrl) => {
    const user = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
    return user && accountValues(publicUrl, user, RESET_MINUTES);
  },
  applications: async (db, id, locale, publicUrl) => {
    const app = await db
      .selectFrom('applications as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .innerJoin('cohorts as c', 'c.id', 'a.cohort_id')
      .leftJoin('fellowships as f', 'f.application_id', 'a.id')
      .select([
        'a.id', 'a.project_name', 'a.submitted_at', 'a.status', 'a.decision_reason', 'a.waitlist_position', 'a.cohort_id',
        'o.name as organisation_name', 'c.name as cohort_name', 'c.seats', 'c.default_grant_cents', 'f.grant_cents',
      ])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!app) return undefined;
    const { n } = await db
      .selectFrom('applications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('cohort_id', '=', app.cohort_id)
      .where('status', '=', 'selected')
      .executeTakeFirstOrThrow();
    const facts = { organisation_name: app.organisation_name, project_name: app.project_name, cohort_name: app.cohort_name, public_url: publicUrl };
    return {
      ...applicationValues({ ...facts, submitted_at: app.submitted_at, application_id: app.id }, locale),
      ...letterValues(
        {
          ...facts, seats: app.seats, selected_count: Number(n), grant_cents: Number(app.grant_cents ?? app.default_grant_cents),
          reason: app.decision_reason, waitlist_position: app.waitlist_position,
        },
        locale,
        app.status === 'selected' ? '' : 'application',
      ),
    };
  },
  'grantee-reports': async (db, id, locale, publicUrl) => {
    const report = await db
      .selectFrom('grantee_reports as r')
      .innerJoin('fellowships as f', 'f.id', 'r.fellowship_id')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .innerJoin('applications as a', 'a.id', 'f.application_id')
      .select(['r.id', 'r.kind', 'r.status', 'r.period_start', 'r.period_end', 'r.due_on', 'r.review_note', 'o.name as organisation_name', 'a.project_name'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!report) return undefined;
    const { total } = await db
      .selectFrom('expenses')
      .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('total'))
      .where('grantee_report_id', '=', id)
      .executeTakeFirstOrThrow();
    const facts = {
      report_id: report.id, kind: report.kind, organisation_name: report.organisation_name, period_start: String(report.period_start),
      period_end: String(report.period_end), due_on: String(report.due_on), public_url: publicUrl,
    };
    const today = berlinDay(new Date());
    const daysLeft = Math.round((Date.parse(`${facts.due_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    return {
      ...reminderValues({ ...facts, project_name: report.project_name, returned: report.status === 'returned' }, locale, daysLeft),
      ...reportValues(facts, locale),
      note: report.review_note ?? '',
      total: money(Number(total), locale),
    };
  },
  fellowships: async (db, id, _locale, publicUrl) => {
    const fellowship = await db
      .selectFrom('fellowships as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
      .innerJoin('applications as a', 'a.id', 'f.application_id')
      .select(['f.id', 'o.name as organisation_name', 'c.name as cohort_name', 'a.project_name'])
      .where('f.id', '=', id)
      .executeTakeFirst();
    return fellowship && { ...followUpValues(publicUrl, fellowship, 12), note: '' };
  },
  disbursements: async (db, id, locale, publicUrl) => {
    const tranche = await db
      .selectFrom('disbursements as d')
      .innerJoin('fellowships as f', 'f.id', 'd.fellowship_id')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['d.label', 'd.amount_cents', 'd.paid_at', 'd.payment_reference', 'o.name as organisation_name'])
      .where('d.id', '=', id)
      .executeTakeFirst();
    return tranche && trancheValues(publicUrl, { ...tranche, paid_at: tranche.paid_at ?? new Date() }, locale);
  },
  introductions: async (db, id, _locale, publicUrl) => {
    const intro = await db
      .selectFrom('introductions as i')
      .innerJoin('organisations as a', 'a.id', 'i.from_organisation_id')
      .innerJoin('organisations as b', 'b.id', 'i.to_organisation_id')
      .leftJoin('alumni_profiles as p', 'p.organisation_id', 'b.id')
      .select(['i.message', 'b.id as to_id', 'a.name as from_name', 'b.name as to_name', sql<string | null>`coalesce(p.contact_email, b.email)`.as('contact_email')])
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (!intro) return undefined;
    const people = await db
      .selectFrom('people')
      .select(['first_name', 'last_name', 'role_title', 'email', 'phone'])
      .where('organisation_id', '=', intro.to_id)
      .orderBy('id')
      .execute();
    return {
      from_name: intro.from_name, to_name: intro.to_name, message: quoted(intro.message), note: '',
      contact_email: intro.contact_email ?? '', contact_people: contactPeople(people), introductions_link: consoleLink(publicUrl, 'introductions'),
    };
  },
  'alumni-profiles': async (db, id, _locale, publicUrl) => {
    const profile = await db
      .selectFrom('alumni_profiles as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .innerJoin('cohorts as c', 'c.id', 'p.cohort_id')
      .select(['o.name as organisation_name', 'c.name as cohort_name'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    return profile && { ...profile, profile_link: consoleLink(publicUrl, 'alumni-profiles') };
  },
};

/** The values for a preview: the record's when one is named (404 if it does not exist), else the samples. */
export async function previewValues(db: Kysely<Database>, def: TemplateDefinition, locale: TemplateLocale, publicUrl: string, recordId?: number): Promise<MergeValues> {
  if (recordId === undefined) return def.sample;
  const values = await LOADERS[def.record](db, recordId, locale, publicUrl);
  if (!values) throw notFound('Diesen Datensatz gibt es nicht.');
  return values;
}
