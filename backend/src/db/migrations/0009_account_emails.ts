import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Trust, round 2 (issue 16): links that log someone in never rest in clear text. The outbox keeps
 * account e-mails with the link masked; `account_emails` says which account a message is for, so
 * the outbox worker mints the token at delivery (only its hash is stored) and the per-address
 * limits can count. Bodies queued before this migration lose their tokens, and every link mailed
 * before is retired: staff could read them in the outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    CREATE TABLE account_emails (
      email_id integer PRIMARY KEY REFERENCES emails(id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      template text NOT NULL CHECK (template IN ('password_reset','register_confirm','register_taken')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX account_emails_recent ON account_emails (user_id, template, created_at);
    INSERT INTO account_emails (email_id, user_id, template, created_at)
      SELECT e.id, u.id, e.template, e.created_at
      FROM emails e JOIN users u ON lower(u.email) = lower(e."to")
      WHERE e.template IN ('password_reset','register_confirm','register_taken');
    UPDATE emails SET body = regexp_replace(body, 'token=[A-Za-z0-9%_-]+', 'token=••••••••', 'g')
      WHERE template IN ('password_reset','register_confirm');
    UPDATE password_resets SET used_at = now() WHERE used_at IS NULL
  `);
}
