import { sql } from 'kysely';
import type { RequestContext } from '../http/context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { createFellowship } from '../fellowships/index.ts';
import { storedDecisionLetter, RELEASE_TEMPLATE, type LetterTemplate } from './selection.letters.ts';
import { FINAL, UNDECIDED, countByStatus, finalApplications, seatsTaken, type CohortRow } from './selection.queries.ts';
import { lockedCohort, PHASE_LABEL, publicUrl, type Trx } from './selection.guards.ts';
import { countOf } from '../shared/format.ts';

/** The release: every decision letter (preview and sending), fellowships for the selected. */

export interface LetterPreview {
  application_id: number;
  organisation_id: number;
  organisation_name: string;
  status: string;
  template: LetterTemplate;
  to: string | null;
  locale: 'de' | 'en';
  subject: string;
  body: string;
  dedupe_key: string;
  released: boolean;
}

/**
 * Every letter of a cohort's release exactly as it is sent: one per application in a final state
 * (selected, waitlisted, rejected, ineligible), each number in it read from the database here.
 */
export async function buildLetters(db: Trx | RequestContext['db'], cohort: CohortRow, public_url: string): Promise<LetterPreview[]> {
  const apps = await finalApplications(db, cohort.id);
  const selectedCount = await seatsTaken(db, cohort.id);
  const letters: LetterPreview[] = [];
  for (const app of apps) {
    const template = RELEASE_TEMPLATE[app.status];
    const address = await letterAddress(db, app.organisation_id);
    const locale = address?.locale ?? 'de';
    const letter = await storedDecisionLetter(db, {
      template,
      locale,
      organisation_name: app.organisation_name,
      project_name: app.project_name,
      cohort_name: cohort.name,
      seats: cohort.seats,
      selected_count: selectedCount,
      grant_cents: Number(app.grant_cents ?? cohort.default_grant_cents),
      reason: app.decision_reason,
      waitlist_position: app.waitlist_position,
      public_url,
    });
    letters.push({
      application_id: app.id,
      organisation_id: app.organisation_id,
      organisation_name: app.organisation_name,
      status: app.status,
      template,
      to: address?.email ?? null,
      locale,
      ...letter,
      dedupe_key: `decision-letter:${app.id}`,
      released: !!app.decision_released_at,
    });
  }
  return letters;
}

export async function previewLetters(ctx: RequestContext, cohortId: number) {
  const cohort = await ctx.db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) throw notFound('Jahrgang nicht gefunden.');
  return buildLetters(ctx.db, cohort, publicUrl(ctx));
}

/**
 * Releases the selection in one transaction: one fellowship per selected application, one letter
 * per decision, decisions visible to applicants. Idempotent — the cohort row lock serialises
 * parallel calls, and a finalised cohort is answered as it is; fellowships are unique per
 * application and letters per dedupe key, so nothing is ever created twice.
 */
export async function finalizeSelection(ctx: RequestContext, cohortId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await lockedCohort(trx, cohortId);
    if (cohort.selection_finalized_at) return cohort;
    if (cohort.phase !== 'selection') throw conflict(`Die Auswahl kann nur in der Phase „Auswahl“ freigegeben werden (aktuell: „${PHASE_LABEL[cohort.phase]}“).`, 'wrong_phase');
    const open = await countByStatus(trx, cohortId, UNDECIDED);
    if (open) throw conflict(`Noch nicht entschieden: ${countOf(open, { one: 'Bewerbung', other: 'Bewerbungen' })}. Jede Bewerbung braucht eine Entscheidung mit Begründung.`, 'undecided');
    const selected = await trx.selectFrom('applications').selectAll().where('cohort_id', '=', cohortId).where('status', '=', 'selected').orderBy('id').execute();
    if (selected.length === 0) throw conflict('Es ist noch keine Organisation ausgewählt.', 'nothing_selected');
    if (selected.length > cohort.seats) throw conflict(`Mehr Zusagen (${selected.length}) als Plätze (${cohort.seats}).`, 'seat_cap');
    for (const app of selected) await createFellowship(trx, ctx.user, app, cohort);
    for (const letter of await buildLetters(trx, cohort, publicUrl(ctx))) {
      if (!letter.to) continue;
      await queueEmail(trx, { to: letter.to, subject: letter.subject, body: letter.body, template: letter.template, organisation_id: letter.organisation_id, dedupe_key: letter.dedupe_key });
    }
    await trx
      .updateTable('applications')
      .set({ decision_released_at: sql`now()` })
      .where('cohort_id', '=', cohortId)
      .where('status', 'in', [...FINAL])
      .where('decision_released_at', 'is', null)
      .execute();
    const updated = await trx.updateTable('cohorts').set({ selection_finalized_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', cohortId).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.user, 'finalize-selection', 'cohorts', cohortId, cohort, updated, { fellowships: selected.length });
    return updated;
  });
}
