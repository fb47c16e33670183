import { sql } from 'kysely';
import type { Db } from '../backend/src/db/database.ts';
import type { DemoBase } from './base.ts';
import { seededRandom } from './names.ts';

/** Demo logins of alumni organisations (password: the demo password). Documented in docs/alumni.md. */
const ALUMNI_LOGINS = ['alumni1@example.org', 'alumni2@example.org', 'alumni3@example.org'];

const TOPICS = [
  'Ehrenamtsmanagement', 'Fundraising', 'Social Franchise', 'Wirkungsmessung', 'Öffentlichkeitsarbeit', 'Digitalisierung',
  'Organisationsentwicklung', 'Finanzplanung', 'Gemeinnützigkeitsrecht', 'Kooperationen mit Schulen', 'Arbeit mit Kommunen',
  'Social Media', 'Personalgewinnung', 'Lizenzierung', 'Strategieentwicklung', 'Fördermittelakquise',
];

/**
 * Alumni step: the organisations of past cohorts (phase `alumni`, fellowship completed) get alumni
 * profiles with German offers and needs — most visible, every fifth still hidden — a few
 * introductions, and applicant logins so a demo login as an alumnus works. Without such cohorts
 * (earlier steps missing) it does nothing.
 */
export async function seedAlumni(db: Db, _base: DemoBase): Promise<void> {
  const rnd = seededRandom(88);
  const fellows = await db
    .selectFrom('fellowships as f')
    .innerJoin('cohorts as c', 'c.id', 'f.cohort_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select(['f.organisation_id', 'f.cohort_id', 'o.name', 'o.email', 'c.year'])
    .where('c.phase', '=', 'alumni')
    .where('f.status', '=', 'completed')
    .orderBy('c.id')
    .orderBy('f.id')
    .execute();
  if (!fellows.length) return;

  const pick = (n: number, exclude: string[] = []) => {
    const pool = TOPICS.filter((t) => !exclude.includes(t));
    const chosen: string[] = [];
    while (chosen.length < n && pool.length) chosen.push(pool.splice(rnd.int(0, pool.length - 1), 1)[0]);
    return chosen;
  };
  const profiles: Array<{ organisation_id: number; visible: boolean }> = [];
  for (const [i, f] of fellows.entries()) {
    const offers = pick(3);
    const needs = pick(2, offers);
    const visible = i % 5 !== 4;
    const row = await db
      .insertInto('alumni_profiles')
      .values({
        organisation_id: f.organisation_id,
        cohort_id: f.cohort_id,
        offers: offers.join(', '),
        needs: needs.join(', '),
        bio: `${f.name} war ${f.year} im openTransfer Accelerator und gibt die eigenen Erfahrungen mit ${offers[0]} gern an andere Alumni weiter.`,
        visible,
        contact_email: f.email,
      })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ offers: (eb) => eb.ref('excluded.offers'), needs: (eb) => eb.ref('excluded.needs'), bio: (eb) => eb.ref('excluded.bio'), visible: (eb) => eb.ref('excluded.visible') }))
      .returning(['organisation_id', 'visible'])
      .executeTakeFirstOrThrow();
    profiles.push(row);
  }

  const passwordHash = (await db.selectFrom('users').select('password_hash').where('password_hash', 'is not', null).orderBy('id').limit(1).executeTakeFirst())?.password_hash ?? null;
  const visible = profiles.filter((p) => p.visible);
  const hidden = profiles.filter((p) => !p.visible);
  const loginOrgs = [visible[0], visible[1], hidden[0]].filter(Boolean);
  for (const [i, profile] of loginOrgs.entries()) {
    await db
      .insertInto('users')
      .values({ email: ALUMNI_LOGINS[i], name: `Alumni ${i + 1}`, role: 'applicant', organisation_id: profile.organisation_id, password_hash: passwordHash })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .execute();
  }

  // alumni1's organisation: one accepted introduction (contact revealed), one open request to it, one declined.
  if (visible.length >= 4) {
    const me = visible[0].organisation_id;
    const requester = (await db.selectFrom('users').select('id').where('email', '=', ALUMNI_LOGINS[0]).executeTakeFirst())?.id ?? null;
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    await db
      .insertInto('introductions')
      .values([
        { from_organisation_id: me, to_organisation_id: visible[2].organisation_id, message: 'Wir bauen gerade unser Ehrenamtsmanagement auf und würden gern von Ihren Erfahrungen lernen. Hätten Sie Zeit für ein Telefonat?', status: 'accepted', requested_by: requester, created_at: daysAgo(20), responded_at: daysAgo(18) },
        { from_organisation_id: visible[1].organisation_id, to_organisation_id: me, message: 'Wir planen ein Social-Franchise-Modell und suchen Austausch mit jemandem, der das schon gemacht hat.', status: 'requested', created_at: daysAgo(3) },
        { from_organisation_id: me, to_organisation_id: visible[3].organisation_id, message: 'Können wir uns zum Thema Wirkungsmessung austauschen?', status: 'declined', requested_by: requester, created_at: daysAgo(40), responded_at: daysAgo(35) },
      ])
      .execute();
  }
}
