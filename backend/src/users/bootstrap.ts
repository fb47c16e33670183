import type { Db } from '../db/database.ts';
import type { Config } from '../config.ts';
import { hashPassword } from '../auth/password.ts';

/** On an empty database, ADMIN_EMAIL + ADMIN_PASSWORD create the first admin (no default password ships). */
export async function ensureFirstAdmin(db: Db, config: Config): Promise<'created' | 'exists' | 'none'> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return 'none';
  const anyAdmin = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (anyAdmin) return 'exists';
  await db
    .insertInto('users')
    .values({ email: config.ADMIN_EMAIL.toLowerCase(), name: 'Administrator', role: 'admin', password_hash: await hashPassword(config.ADMIN_PASSWORD) })
    .execute();
  return 'created';
}
