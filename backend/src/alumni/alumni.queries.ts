import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isStaff, type RequestContext } from '../http/context.ts';

/** The caller's organisation, or an id that matches nothing. */
export const ownOrganisation = (ctx: RequestContext): number => (ctx.user?.role === 'applicant' ? ctx.user.organisation_id ?? -1 : -1);

/** True when the two organisations have an accepted introduction, in either direction. */
const acceptedBetween = (me: number, otherColumn: string) => sql<boolean>`exists (
  select 1 from introductions i where i.status = 'accepted' and (
    (i.from_organisation_id = ${me} and i.to_organisation_id = ${sql.ref(otherColumn)}) or
    (i.to_organisation_id = ${me} and i.from_organisation_id = ${sql.ref(otherColumn)})))`;

/**
 * Alumni profiles this caller may see, with what a directory card shows. Consent lives here, so
 * list, get, search, matches and exports all respect it: staff see every profile; an alumni
 * organisation sees its own profile and the visible ones; nobody else sees any. The contact
 * e-mail is shown to another alumnus only once an introduction between the two was accepted.
 */
export function selectProfiles(db: Kysely<Database>, ctx: RequestContext) {
  const staff = isStaff(ctx.user);
  const me = ownOrganisation(ctx);
  const revealed = staff ? sql<boolean>`true` : sql<boolean>`(t.organisation_id = ${me} or ${acceptedBetween(me, 't.organisation_id')})`;
  const qb = db
    .selectFrom('alumni_profiles as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
    .leftJoin('applications as a', (join) => join.onRef('a.organisation_id', '=', 't.organisation_id').onRef('a.cohort_id', '=', 't.cohort_id'))
    .select([
      't.id', 't.organisation_id', 't.cohort_id', 't.offers', 't.needs', 't.bio', 't.visible', 't.created_at', 't.updated_at',
      'o.name as organisation_name', 'o.city', 'o.state', 'o.field', 'o.website',
      'c.year as cohort_year', 'c.name as cohort_name',
      'a.project_name', 'a.transfer_model',
    ])
    .select(sql<string | null>`case when ${revealed} then t.contact_email end`.as('contact_email'))
    .select(revealed.as('contact_revealed'))
    .select(
      staff
        ? sql<string | null>`null::text`.as('introduction_status')
        : sql<string | null>`(select i.status from introductions i where i.from_organisation_id = ${me} and i.to_organisation_id = t.organisation_id order by i.id desc limit 1)`.as('introduction_status'),
    );
  if (staff) return qb;
  if (ctx.user?.role !== 'applicant') return qb.where(sql<boolean>`false`);
  return qb.where((eb) =>
    eb.or([
      eb('t.organisation_id', '=', me),
      eb.and([eb('t.visible', '=', true), eb.exists(eb.selectFrom('alumni_profiles as mine').select('mine.id').where('mine.organisation_id', '=', me))]),
    ]),
  );
}

/**
 * Full-text search across what a directory card shows: organisation name and city, project name,
 * offers, needs and bio (German stemming). Not the organisation's description: the card does not
 * show it, and a hit on it would tell another alumnus what it says.
 */
export const profileSearch = (tsquery: string) =>
  sql<boolean>`(t.search_vector || to_tsvector('german', o.name || ' ' || coalesce(o.city, '') || ' ' || coalesce(a.project_name, ''))) @@ to_tsquery('german', ${tsquery})`;

/**
 * Introductions this caller may see: staff all, an organisation those it sent or received.
 * The other side's contact details (profile e-mail and people) appear only once accepted.
 */
export function selectIntroductions(db: Kysely<Database>, ctx: RequestContext) {
  const staff = isStaff(ctx.user);
  const me = ownOrganisation(ctx);
  const other = sql`case when t.from_organisation_id = ${me} then t.to_organisation_id else t.from_organisation_id end`;
  const reveal = staff ? sql<boolean>`false` : sql<boolean>`(t.status = 'accepted')`;
  const qb = db
    .selectFrom('introductions as t')
    .innerJoin('organisations as fo', 'fo.id', 't.from_organisation_id')
    .innerJoin('organisations as tor', 'tor.id', 't.to_organisation_id')
    .select([
      't.id', 't.from_organisation_id', 't.to_organisation_id', 't.message', 't.status', 't.requested_by', 't.responded_at',
      't.created_at', 't.updated_at', 'fo.name as from_organisation_name', 'tor.name as to_organisation_name',
    ])
    .select(
      sql<'incoming' | 'outgoing' | null>`case when t.from_organisation_id = ${me} then 'outgoing' when t.to_organisation_id = ${me} then 'incoming' end`.as('direction'),
    )
    .select(
      sql<string | null>`case when ${reveal} then (select coalesce(p.contact_email, og.email) from organisations og left join alumni_profiles p on p.organisation_id = og.id where og.id = ${other}) end`.as('contact_email'),
    )
    .select(
      sql<unknown>`case when ${reveal} then (select coalesce(json_agg(json_build_object('first_name', pe.first_name, 'last_name', pe.last_name, 'role_title', pe.role_title, 'email', pe.email, 'phone', pe.phone) order by pe.id), '[]'::json) from people pe where pe.organisation_id = ${other}) end`.as('contact_people'),
    );
  if (staff) return qb;
  if (ctx.user?.role !== 'applicant') return qb.where(sql<boolean>`false`);
  return qb.where((eb) => eb.or([eb('t.from_organisation_id', '=', me), eb('t.to_organisation_id', '=', me)]));
}

/**
 * The networking events and barcamps of every cohort: the only workshops alumni see. Staff see
 * them all; an alumni organisation too; other callers none.
 */
export function selectAlumniEvents(db: Kysely<Database>, ctx: RequestContext) {
  const me = ownOrganisation(ctx);
  const qb = db
    .selectFrom('workshops as t')
    .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
    .select(['t.id', 't.cohort_id', 'c.name as cohort_name', 'c.year as cohort_year', 't.title', 't.kind', 't.starts_at', 't.ends_at', 't.location', 't.online_url', 't.description'])
    .where('t.kind', 'in', ['networking', 'barcamp']);
  if (isStaff(ctx.user)) return qb;
  if (ctx.user?.role !== 'applicant') return qb.where(sql<boolean>`false`);
  return qb.where((eb) => eb.exists(eb.selectFrom('alumni_profiles as mine').select('mine.id').where('mine.organisation_id', '=', me)));
}

export async function findProfileByOrganisation(db: Kysely<Database>, organisationId: number) {
  return db.selectFrom('alumni_profiles').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** Where e-mails to an organisation go: its alumni contact address, else its general address. */
export async function organisationMailbox(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('alumni_profiles as p', 'p.organisation_id', 'o.id')
    .select(['o.id', 'o.name', sql<string | null>`coalesce(p.contact_email, o.email)`.as('email')])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
}

export async function organisationPeople(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('people')
    .select(['first_name', 'last_name', 'role_title', 'email', 'phone'])
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
}
