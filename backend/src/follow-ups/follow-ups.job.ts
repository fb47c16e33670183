import type { Db } from '../db/database.ts';
import type { AppContext, BackgroundJob } from '../http/context.ts';
import { queueEmail } from '../emails/emails.service.ts';
import { letterAddress } from '../emails/recipients.ts';
import { composeEmail, followUpValues } from '../email-templates/index.ts';
import { berlinDay } from '../shared/format.ts';
import { followUpDue } from './follow-ups.due.ts';
import { alumniFellowships, followUpKey } from './follow-ups.queries.ts';

/**
 * Asks alumni for their follow-ups (issue 20): 12 and 24 months after its cohort's programme year,
 * an alumni fellowship's organisation gets a letter asking it to update its indicators and transfer
 * sites, once per fellowship and follow-up.
 *
 * - Alumni: `alumniFellowships` (not withdrawn; completed or of a cohort in phase `alumni`).
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
  const alumni = await alumniFellowships(db).execute();
  const asked = new Set((await db.selectFrom('follow_up_requests').select(['fellowship_id', 'months']).execute()).map((r) => followUpKey(r.fellowship_id, r.months)));
  const queued: number[] = [];
  for (const fellowship of alumni) {
    const due = followUpDue(fellowship, today);
    if (!due || asked.has(followUpKey(fellowship.id, due.months))) continue;
    const id = await db.transaction().execute(async (trx) => {
      const address = await letterAddress(trx, fellowship.organisation_id);
      if (!address) return null;
      const request = await trx
        .insertInto('follow_up_requests')
        .values({ fellowship_id: fellowship.id, months: due.months, due_on: due.due_on })
        .onConflict((oc) => oc.columns(['fellowship_id', 'months']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!request) return null;
      const letter = await composeEmail(trx, 'follow_up_request', address.locale, followUpValues(publicUrl, fellowship, due.months));
      const emailId = await queueEmail(trx, {
        to: address.email, ...letter, organisation_id: fellowship.organisation_id, dedupe_key: followUpKey(fellowship.id, due.months),
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
