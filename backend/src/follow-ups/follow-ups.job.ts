import type { Db } from '../db/database.ts';
import type { AppContext, BackgroundJob } from '../http/context.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { followUpRequest } from '../emails/templates.ts';
import { consoleLink } from '../shared/links.ts';
import { berlinDay } from '../shared/format.ts';
import { followUpDue } from './follow-ups.due.ts';

const TEMPLATE = 'follow_up_request';

export const followUpKey = (fellowshipId: number, months: number) => `follow-up-request:${fellowshipId}:${months}`;

/**
 * Asks alumni for their follow-ups (issue 20): 12 and 24 months after its cohort's programme year,
 * an alumni fellowship's organisation gets a letter asking it to update its indicators and transfer
 * sites, once per fellowship and follow-up.
 *
 * - Alumni: a fellowship not withdrawn that is completed or whose cohort is in phase `alumni` (the
 *   definition the workshops and attendances use), of an organisation not anonymised.
 * - "Once" is the database's: UNIQUE (fellowship_id, months) on follow_up_requests. The request and
 *   its letter are written in one transaction; a second run or app instance inserts nothing (it
 *   waits for the first's commit on the unique index) and so queues nothing. The outbox's
 *   dedupe_key backs it up.
 * - An organisation without an address gets no request (nothing to count as sent); it is asked as
 *   soon as it has one.
 *
 * Returns the ids of the messages queued.
 */
export async function queueFollowUpRequests(db: Db, publicUrl: string, now = new Date()): Promise<number[]> {
  const today = berlinDay(now);
  const alumni = await db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['f.id', 'c.application_closes_at', 'c.selection_finalized_at'])
    .where('f.status', '<>', 'withdrawn')
    .where((eb) => eb.or([eb('f.status', '=', 'completed'), eb('c.phase', '=', 'alumni')]))
    .where('o.anonymised_at', 'is', null)
    .orderBy('f.id')
    .execute();
  const asked = new Set((await db.selectFrom('follow_up_requests').select(['fellowship_id', 'months']).execute()).map((r) => followUpKey(r.fellowship_id, r.months)));
  const queued: number[] = [];
  for (const fellowship of alumni) {
    const due = followUpDue(fellowship, today);
    if (!due || asked.has(followUpKey(fellowship.id, due.months))) continue;
    const id = await db.transaction().execute(async (trx) => {
      const facts = await trx
        .selectFrom('fellowships as f')
        .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .innerJoin('applications as a', 'a.id', 'f.application_id')
        .select(['f.organisation_id', 'o.name as organisation_name', 'c.name as cohort_name', 'a.project_name'])
        .where('f.id', '=', fellowship.id)
        .executeTakeFirstOrThrow();
      const address = await letterAddress(trx, facts.organisation_id);
      if (!address) return null;
      const request = await trx
        .insertInto('follow_up_requests')
        .values({ fellowship_id: fellowship.id, months: due.months, due_on: due.due_on })
        .onConflict((oc) => oc.columns(['fellowship_id', 'months']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!request) return null;
      const letter = followUpRequest({
        locale: address.locale, months: due.months, organisationName: facts.organisation_name, cohortName: facts.cohort_name, projectName: facts.project_name,
        link: consoleLink(publicUrl, 'my-programme', { fellowship_id: String(fellowship.id) }),
      });
      const emailId = await queueEmail(trx, {
        to: address.email, ...letter, template: TEMPLATE, organisation_id: facts.organisation_id, dedupe_key: followUpKey(fellowship.id, due.months),
      });
      await trx.updateTable('follow_up_requests').set({ email_id: emailId }).where('id', '=', request.id).execute();
      return emailId;
    });
    if (id) queued.push(id);
  }
  return queued;
}

export const followUpJob: BackgroundJob = {
  name: 'follow-up-requests',
  // Hourly: once a follow-up is asked for, the unique key makes every later run a no-op for it.
  intervalMs: 60 * 60_000,
  run: async (ctx: AppContext) => {
    const queued = await queueFollowUpRequests(ctx.db, ctx.config.PUBLIC_URL);
    if (queued.length) ctx.logger.info({ queued: queued.length }, 'follow-up requests queued');
  },
};
