import { sql, type Transaction } from 'kysely';
import type { Database, Row } from '../db/schema.ts';
import type { Db } from '../db/database.ts';
import { isStaff, type RequestContext } from '../http/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import type { Rec } from '../http/resource.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { explain, rankMatches, type MatchResult } from './alumni.matching.ts';
import { composeEmail, contactPeople, quoted } from '../email-templates/index.ts';
import { letterAddress } from '../emails/recipients.ts';
import { consoleLink } from '../shared/links.ts';
import type { IntroductionCreate } from './alumni.schema.ts';
import { findProfileByOrganisation, organisationMailbox, organisationPeople, ownOrganisation, selectIntroductions, selectProfiles } from './alumni.queries.ts';
import { date } from '../shared/format.ts';

type Trx = Transaction<Database>;

/** Most matches a ranking answers with. */
const MAX_MATCHES = 50;
/** Most candidate profiles a ranking reads (the alumni network is a few hundred organisations). */
const MAX_CANDIDATES = 2000;

/**
 * Phase hook for `alumni`: every completed fellowship of the cohort becomes an alumni profile,
 * hidden until the organisation consents. An organisation that already is alumnus (of an earlier
 * cohort) keeps its profile. Each new alumnus gets an e-mail asking for consent.
 */
export async function createAlumniProfiles(trx: Trx, cohort: Row<'cohorts'>, ctx: RequestContext): Promise<number> {
  const created = await trx
    .insertInto('alumni_profiles')
    .columns(['organisation_id', 'cohort_id', 'visible', 'contact_email'])
    .expression((eb) =>
      eb
        .selectFrom('fellowships as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['f.organisation_id', 'f.cohort_id', sql<boolean>`false`.as('visible'), 'o.email'])
        .where('f.cohort_id', '=', cohort.id)
        .where('f.status', '=', 'completed')
        .where('o.anonymised_at', 'is', null),
    )
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .returningAll()
    .execute();
  for (const profile of created) {
    await recordAudit(trx, ctx.user, 'create', 'alumni-profiles', profile.id, null, profile);
    const mailbox = await organisationMailbox(trx, profile.organisation_id);
    if (!mailbox?.email) continue;
    const locale = (await letterAddress(trx, profile.organisation_id))?.locale;
    await queueEmail(trx, {
      to: mailbox.email,
      ...(await composeEmail(trx, 'alumni_consent_request', locale, {
        organisation_name: mailbox.name, cohort_name: cohort.name, profile_link: consoleLink(ctx.config.PUBLIC_URL, 'alumni-profiles'),
      })),
      organisation_id: profile.organisation_id,
      dedupe_key: `alumni-consent-${profile.organisation_id}`,
    });
  }
  return created.length;
}

/**
 * The unique index of migration 0011: at most one open or accepted introduction per unordered
 * pair of organisations, whichever of the two asked.
 */
const OPEN_PAIR_INDEX = 'introductions_open_pair_either_way';

const isOpenPairViolation = (error: any) =>
  error?.code === '23505' && (error.constraint === OPEN_PAIR_INDEX || String(error.message ?? '').includes(OPEN_PAIR_INDEX));

const germanDate = (at: Date | string | null) => date(at);

/** The 409 for a pair that already has an open or accepted introduction, naming that one. */
async function introductionExists(db: Db, me: number, other: number) {
  const existing = await db
    .selectFrom('introductions as i')
    .innerJoin('organisations as fo', 'fo.id', 'i.from_organisation_id')
    .innerJoin('organisations as tor', 'tor.id', 'i.to_organisation_id')
    .select(['i.id', 'i.status', 'i.from_organisation_id', 'i.created_at', 'i.responded_at', 'fo.name as from_name', 'tor.name as to_name'])
    .where('i.status', 'in', ['requested', 'accepted'])
    .where((eb) =>
      eb.or([
        eb.and([eb('i.from_organisation_id', '=', me), eb('i.to_organisation_id', '=', other)]),
        eb.and([eb('i.from_organisation_id', '=', other), eb('i.to_organisation_id', '=', me)]),
      ]),
    )
    .executeTakeFirst();
  if (!existing) {
    // The other one was answered in the meantime: the caller may simply try again.
    return conflict('Zwischen Ihren Organisationen war gerade eine Vorstellung offen. Bitte versuchen Sie es noch einmal.', 'introduction_exists');
  }
  const message =
    existing.status === 'accepted'
      ? `Sie sind bereits miteinander bekannt gemacht worden (Vorstellung Nr. ${existing.id}, angenommen am ${germanDate(existing.responded_at)}).`
      : existing.from_organisation_id === me
        ? `Ihre Anfrage Nr. ${existing.id} an „${existing.to_name}“ vom ${germanDate(existing.created_at)} ist noch offen.`
        : `„${existing.from_name}“ hat Sie bereits angefragt (Anfrage Nr. ${existing.id} vom ${germanDate(existing.created_at)}): Bitte nehmen Sie diese Anfrage an oder lehnen Sie sie ab.`;
  return conflict(message, 'introduction_exists', { to_organisation_id: `Vorstellung Nr. ${existing.id}` });
}

/** Rules of a new introduction request; returns the row to insert. */
async function prepareIntroduction(ctx: RequestContext, input: IntroductionCreate, trx: Trx): Promise<Rec> {
  const me = ownOrganisation(ctx);
  const mine = await findProfileByOrganisation(trx, me);
  if (!mine) throw forbidden('Vorstellungen können nur Alumni-Organisationen anfragen.');
  if (input.to_organisation_id === me) {
    throw badRequest('Sie können sich nicht sich selbst vorstellen lassen.', { to_organisation_id: 'eigene Organisation' }, 'self_introduction');
  }
  const target = await findProfileByOrganisation(trx, input.to_organisation_id);
  if (!target || !target.visible) throw notFound('Alumni-Profil nicht gefunden.');
  if (!mine.visible) {
    throw conflict('Bitte schalten Sie zuerst Ihr eigenes Alumni-Profil sichtbar: Die angefragte Organisation sieht es mit Ihrer Anfrage.', 'consent_required');
  }
  return { from_organisation_id: me, to_organisation_id: input.to_organisation_id, message: input.message, requested_by: ctx.user!.id };
}

async function notifyIntroductionRequested(ctx: RequestContext, introduction: Rec, trx: Trx): Promise<void> {
  const from = await organisationMailbox(trx, introduction.from_organisation_id);
  const to = await organisationMailbox(trx, introduction.to_organisation_id);
  if (!from || !to?.email) return;
  const locale = (await letterAddress(trx, to.id))?.locale;
  await queueEmail(trx, {
    to: to.email,
    ...(await composeEmail(trx, 'introduction_requested', locale, {
      from_name: from.name, to_name: to.name, message: quoted(introduction.message), introductions_link: consoleLink(ctx.config.PUBLIC_URL, 'introductions'),
    })),
    organisation_id: to.id,
    dedupe_key: `introduction-${introduction.id}-requested`,
  });
}

/**
 * An alumnus asks to be introduced. "One open or accepted introduction per pair, in either
 * direction" is the unique index's to keep, not a read before the insert: of two concurrent
 * requests A→B and B→A exactly one lands, and the other's violation becomes a 409 naming the
 * introduction that exists (read after the failed transaction, when it is committed).
 */
export async function requestIntroduction(ctx: RequestContext, input: IntroductionCreate): Promise<Rec> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const values = await prepareIntroduction(ctx, input, trx);
      const inserted = await trx.insertInto('introductions').values(values as any).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, ctx.user, 'create', 'introductions', inserted.id, null, inserted);
      await notifyIntroductionRequested(ctx, inserted, trx);
      return (await selectIntroductions(trx, ctx).where('t.id', '=', inserted.id).executeTakeFirstOrThrow()) as Rec;
    });
  } catch (error) {
    if (isOpenPairViolation(error)) throw await introductionExists(ctx.db, ownOrganisation(ctx), input.to_organisation_id);
    throw error;
  }
}

/**
 * Accept or decline, by the organisation that was asked. The row is locked, so of two concurrent
 * answers exactly one wins; the other finds the new state and gets 409.
 */
export async function respondToIntroduction(ctx: RequestContext, id: number, decision: 'accepted' | 'declined', note: string | null | undefined) {
  return ctx.db.transaction().execute(async (trx) => {
    const visible = await selectIntroductions(trx, ctx).where('t.id', '=', id).executeTakeFirst();
    if (!visible) throw notFound('Vorstellungsanfrage nicht gefunden.');
    const existing = await trx.selectFrom('introductions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (existing.to_organisation_id !== ownOrganisation(ctx)) throw forbidden('Nur die angefragte Organisation kann die Anfrage beantworten.');
    if (existing.status !== 'requested') throw conflict('Diese Anfrage wurde bereits beantwortet.', 'wrong_state');
    const updated = await trx
      .updateTable('introductions')
      .set({ status: decision, responded_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, decision === 'accepted' ? 'accept' : 'decline', 'introductions', id, existing, updated);
    const from = await organisationMailbox(trx, existing.from_organisation_id);
    const to = await organisationMailbox(trx, existing.to_organisation_id);
    if (from?.email && to) {
      const locale = (await letterAddress(trx, from.id))?.locale;
      const values = { from_name: from.name, to_name: to.name, note: quoted(note) };
      const rendered =
        decision === 'accepted'
          ? await composeEmail(trx, 'introduction_accepted', locale, { ...values, contact_email: to.email, contact_people: contactPeople(await organisationPeople(trx, to.id)) })
          : await composeEmail(trx, 'introduction_declined', locale, values);
      await queueEmail(trx, {
        to: from.email,
        ...rendered,
        organisation_id: from.id,
        dedupe_key: `introduction-${id}-${decision}`,
      });
    }
    return selectIntroductions(trx, ctx).where('t.id', '=', id).executeTakeFirstOrThrow();
  });
}

type Card = Rec & { id: number; organisation_id: number; offers: string | null; needs: string | null };

function withExplanations(ranked: MatchResult[], cards: Map<number, Card>) {
  return ranked.slice(0, MAX_MATCHES).map((m) => ({
    ...cards.get(m.id)!,
    score: m.score,
    offers_to_me: m.offers_to_me,
    needs_from_me: m.needs_from_me,
    explanation: explain(m),
  }));
}

async function candidateCards(db: Db, ctx: RequestContext, excludeOrganisation: number): Promise<Map<number, Card>> {
  const rows = (await selectProfiles(db, ctx)
    .where('t.organisation_id', '<>', excludeOrganisation)
    .where('t.visible', '=', true)
    .orderBy('o.name')
    .orderBy('t.id')
    .limit(MAX_CANDIDATES)
    .execute()) as Card[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Other alumni ranked by how their offers meet this profile's needs (and vice versa). Candidates
 * are the visible profiles of the caller's scoped directory: only alumni who consented are
 * matched, for staff too (staff still see hidden profiles in the directory).
 */
export async function matchesForProfile(ctx: RequestContext, profileId: number) {
  const subject = await selectProfiles(ctx.db, ctx).where('t.id', '=', profileId).executeTakeFirst();
  if (!subject) throw notFound('Alumni-Profil nicht gefunden.');
  const cards = await candidateCards(ctx.db, ctx, subject.organisation_id);
  return withExplanations(rankMatches(subject, [...cards.values()]), cards);
}

/**
 * Alumni who could mentor a current fellow: their offers against the fellow's needs. The needs
 * are the `needs` parameter (topics, comma-separated) or else the fellowship's goals.
 */
export async function mentorMatchesForFellowship(ctx: RequestContext, fellowshipId: number, needs: string | undefined) {
  if (!isStaff(ctx.user)) throw forbidden();
  const fellowship = await ctx.db.selectFrom('fellowships').select(['id', 'organisation_id', 'goals']).where('id', '=', fellowshipId).executeTakeFirst();
  if (!fellowship) throw notFound('Förderung nicht gefunden.');
  const cards = await candidateCards(ctx.db, ctx, fellowship.organisation_id);
  const ranked = rankMatches({ offers: null, needs: needs ?? fellowship.goals }, [...cards.values()]);
  return withExplanations(ranked, cards);
}
