import type { Db } from '../backend/src/db/database.ts';
import { sendDraft } from '../backend/src/mailings/index.ts';
import type { DemoBase } from './base.ts';

const NEWSLETTER = `Liebe:r {{name}},

das Alumni-Netzwerk wächst: **{{organisation}}** und viele andere teilen ihre Erfahrungen mit den neuen Fellows.

- Alumni-Treffen im Frühjahr in Berlin
- neue Transfer-Standorte in sechs Bundesländern
- das Mentoring-Programm sucht Alumni als Mentor:innen

Herzliche Grüße
Ihr Team des openTransfer Accelerators`;

const INVITATION = `Liebe:r {{name}},

wir laden alle Fellows herzlich zum Sommerfest ein, mit Ausblick auf das zweite Programmhalbjahr.

Bitte geben Sie bis Ende des Monats Bescheid, ob {{organisation}} dabei ist.

Ihr Team des openTransfer Accelerators`;

/**
 * Mailings step: a newsletter to all alumni, sent a month ago through the same send as the
 * console (alumni3 had unsubscribed: one skipped), its messages marked as delivered then; and a
 * draft invitation to the current fellows to look at, preview and send.
 */
export async function seedMailings(db: Db, base: DemoBase): Promise<void> {
  await db.updateTable('users').set({ mail_opt_out: true }).where('email', '=', 'alumni3@example.org').execute();
  const newsletter = await db
    .insertInto('mailings')
    .values({ name: 'Alumni-Newsletter Herbst', audience: JSON.stringify({ kind: 'alumni' }), subject: 'Neues aus dem Alumni-Netzwerk, {{name}}', body: NEWSLETTER, created_by: base.staff.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const anyAlumni = await db.selectFrom('fellowships').select('id').where('status', '=', 'completed').executeTakeFirst();
  if (anyAlumni) {
    // The demo step runs inside the demo's one transaction.
    await sendDraft(db, newsletter.id, { actor: base.staff, publicUrl: base.publicUrl, secret: undefined });
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    await db.updateTable('mailings').set({ sent_at: monthAgo, updated_at: monthAgo }).where('id', '=', newsletter.id).execute();
    await db.updateTable('emails').set({ status: 'sent', sent_at: monthAgo, attempts: 1 }).where('mailing_id', '=', newsletter.id).execute();
  }
  const current = await db.selectFrom('cohorts').select('id').where('phase', '=', 'programme').orderBy('year', 'desc').executeTakeFirst();
  await db
    .insertInto('mailings')
    .values({
      name: 'Einladung Sommerfest', audience: JSON.stringify({ kind: 'fellows', cohort_id: current?.id ?? null }),
      subject: 'Einladung zum Sommerfest', body: INVITATION, created_by: base.staff.id,
    })
    .execute();
}
