import type { Db } from '../backend/src/db/database.ts';
import { letterAddress } from '../backend/src/emails/recipients.ts';
import { composeEmail, followUpValues } from '../backend/src/email-templates/index.ts';
import { alumniFellowships, followUpDueDates, followUpKey } from '../backend/src/follow-ups/index.ts';
import { berlinDay } from '../backend/src/shared/format.ts';
import type { DemoBase } from './base.ts';

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** 9:00 in Berlin (summer time: the follow-ups fall due on 1 April). */
const morning = (day: string) => new Date(`${day}T07:00:00Z`);

/**
 * Follow-ups step: the history the hourly job would have written. Every alumni fellowship (the
 * job's own definition, `alumniFellowships`) whose 12- or 24-month follow-up day has passed has its
 * request, asked on that day, with the letter in the outbox as sent. Two in three answered about
 * three weeks later with a follow-up value per indicator (a little above their latest value; the
 * indicators step's follow-up values dated after the request day are replaced by these);
 * alumni1's organisation and every third other one have not answered yet, so the fellow's home
 * shows the open request and the staff dashboard a rate below 100 %.
 *
 * Because each request exists (UNIQUE fellowship and follow-up, the same outbox key), the job at
 * `npm start` finds nothing left to ask and sends no letter for the seeded history.
 */
export async function seedFollowUps(db: Db, base: DemoBase): Promise<void> {
  const today = berlinDay(new Date());
  const fellowships = await alumniFellowships(db).execute();
  const openOrganisation = (await db.selectFrom('users').select('organisation_id').where('email', '=', 'alumni1@example.org').executeTakeFirst())?.organisation_id;
  for (const [n, f] of fellowships.entries()) {
    const due = followUpDueDates(f);
    for (const months of [12, 24] as const) {
      if (due[months] > today) continue;
      const address = await letterAddress(db, f.organisation_id);
      if (!address) continue;
      const requestedAt = morning(due[months]);
      const letter = await composeEmail(db, 'follow_up_request', address.locale, followUpValues(base.publicUrl, f, months));
      const email = await db
        .insertInto('emails')
        .values({ to: address.email, ...letter, organisation_id: f.organisation_id, dedupe_key: followUpKey(f.id, months), status: 'sent', sent_at: requestedAt, next_attempt_at: requestedAt, attempts: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const answeredOn = addDays(due[months], 20);
      const answered = f.organisation_id !== openOrganisation && n % 3 !== 1 && answeredOn <= today;
      const answeredAt = morning(answeredOn);
      // The answers to a request are this step's: follow-up values the indicators step dated after the
      // request day go, so an open request has none and an answered one has those entered below.
      await db.deleteFrom('indicator_values').where('fellowship_id', '=', f.id).where('kind', '=', 'follow_up').where('measured_on', '>=', due[months]).execute();
      await db
        .insertInto('follow_up_requests')
        .values({ fellowship_id: f.id, months, due_on: due[months], requested_at: requestedAt, email_id: email.id, responded_at: answered ? answeredAt : null, created_at: requestedAt })
        .execute();
      if (!answered) continue;
      const latest = await db.selectFrom('indicator_progress').select(['indicator_id', 'latest_value']).where('fellowship_id', '=', f.id).execute();
      const author = await db.selectFrom('users').select('id').where('organisation_id', '=', f.organisation_id).where('role', '=', 'applicant').orderBy('id').executeTakeFirst();
      if (!latest.length) continue;
      await db
        .insertInto('indicator_values')
        .values(latest.map((l) => ({
          fellowship_id: f.id, indicator_id: l.indicator_id, kind: 'follow_up' as const, measured_on: answeredOn, value: Math.round(Number(l.latest_value ?? 0) * 1.1 + 1),
          note: `Nachbefragung ${months} Monate`, created_by: author?.id ?? null, created_at: answeredAt, updated_at: answeredAt,
        })))
        .execute();
    }
  }
}
