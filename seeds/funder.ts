import type { Db } from '../backend/src/db/database.ts';
import type { DemoBase } from './base.ts';

/**
 * Funder step (issue 20): the Bertelsmann Stiftung's login funds every demo cohort and sees their
 * dashboard and issued reports; a second foundation's login funds none (it sees an empty home,
 * and every cohort answers 404). Same demo password as every other login.
 */
export async function seedFunders(db: Db, base: DemoBase): Promise<void> {
  const { password_hash } = await db.selectFrom('users').select('password_hash').where('id', '=', base.admin.id).executeTakeFirstOrThrow();
  const funder = (email: string, name: string) =>
    db.insertInto('users').values({ email, name, role: 'funder', password_hash }).returning('id').executeTakeFirstOrThrow();
  const bertelsmann = await funder('funder@example.org', 'Bertelsmann Stiftung');
  await funder('funder2@example.org', 'Stiftung Mercator (Demo)');
  await db.updateTable('cohorts').set({ funder_user_ids: [bertelsmann.id] }).execute();
}
