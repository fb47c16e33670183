import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AppContext, BackgroundJob } from '../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { anonymiseOrganisation, dueForAnonymisation } from './privacy.service.ts';
import { TOKEN_TTL_MINUTES } from '../auth/account-tokens.ts';
import { textColumns } from './forget.ts';

const RETENTION_JOB = 'privacy-retention';

/**
 * Claims today's run across all app instances: the one whose upsert moves `last_run_at` forward
 * runs, every other instance sees no row returned and skips.
 */
export async function claimDailyRun(db: Db, name: string, now = new Date()): Promise<boolean> {
  const claimed = await db
    .insertInto('job_runs')
    .values({ name, last_run_at: now })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ last_run_at: now }).where('job_runs.last_run_at', '<=', new Date(now.getTime() - 23 * 3600_000)),
    )
    .returning('name')
    .executeTakeFirst();
  return !!claimed;
}

export interface RetentionResult {
  anonymised: number[];
  failed: number[];
  purgedRegistrations: number;
}

/**
 * The retention rule: anonymise every rejected applicant whose cohort's retention period has
 * passed (one transaction each, so one failure does not stop the rest), drop registrations that were
 * never confirmed, and expired sessions and account tokens.
 */
export async function applyRetention(db: Db, now = new Date(), onError?: (id: number, error: unknown) => void): Promise<RetentionResult> {
  const result: RetentionResult = { anonymised: [], failed: [], purgedRegistrations: 0 };
  const due = await dueForAnonymisation(db, now);
  // The catalogue of text columns is read once for the whole run, not once per organisation.
  const catalogue = due.length ? await textColumns(db) : [];
  for (const id of due) {
    try {
      await db.transaction().execute((trx) => anonymiseOrganisation(trx, null, id, now, catalogue));
      result.anonymised.push(id);
    } catch (error) {
      result.failed.push(id);
      onError?.(id, error);
    }
  }
  result.purgedRegistrations = await purgeUnconfirmedRegistrations(db, now);
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('password_resets').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  return result;
}

/** Applicant accounts whose confirmation link expired unused, with the empty organisation they made. */
async function purgeUnconfirmedRegistrations(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stale = await trx
      .selectFrom('users as u')
      .select(['u.id', 'u.organisation_id'])
      .where('u.role', '=', 'applicant')
      .where('u.active', '=', false)
      .where('u.last_login_at', 'is', null)
      // Registered through the form (a confirmation mail was queued) …
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('account_emails as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id').where('m.template', '=', 'register_confirm')))
      // … and no link for it can work any more: none is still on its way (the outbox issues it at
      // delivery, up to the link's lifetime after the request) and none issued is still valid.
      .where(({ not, exists, selectFrom }) =>
        not(exists(
          selectFrom('account_emails as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id').where('m.template', '=', 'register_confirm')
            .where('m.created_at', '>', new Date(now.getTime() - TOKEN_TTL_MINUTES.confirm * 60_000)),
        )))
      .where(({ not, exists, selectFrom }) =>
        not(exists(
          selectFrom('password_resets as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').where('r.token_hash', 'like', 'confirm:%')
            .where('r.expires_at', '>', now).where('r.used_at', 'is', null),
        )))
      .forUpdate()
      .execute();
    for (const user of stale) {
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
      await recordAudit(trx, null, 'purge_unconfirmed', 'users', user.id, null, null);
      if (!user.organisation_id) continue;
      const inUse = await trx
        .selectFrom('organisations as o')
        .select('o.id')
        .where('o.id', '=', user.organisation_id)
        .where(sql<boolean>`(exists (select 1 from applications a where a.organisation_id = o.id) or exists (select 1 from users x where x.organisation_id = o.id))`)
        .executeTakeFirst();
      if (!inUse) {
        await trx.deleteFrom('organisations').where('id', '=', user.organisation_id).execute();
        await recordAudit(trx, null, 'purge_unconfirmed', 'organisations', user.organisation_id, null, null);
      }
    }
    return stale.length;
  });
}

export const retentionJob: BackgroundJob = {
  name: RETENTION_JOB,
  // Polls often; claimDailyRun lets exactly one instance run it once a day.
  intervalMs: 15 * 60_000,
  run: async (ctx: AppContext) => {
    if (!(await claimDailyRun(ctx.db, RETENTION_JOB))) return;
    const result = await applyRetention(ctx.db, new Date(), (id, err) => ctx.logger.warn({ err, organisation_id: id }, 'anonymisation failed'));
    ctx.logger.info({ ...result }, 'retention applied');
  },
};
