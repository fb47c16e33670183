import { sql, type Kysely, type Transaction } from 'kysely';
import { accountValues, composeEmail, TOKEN_MASK, type EmailTemplateKey } from '../email-templates/index.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from '../config.ts';
import { issueAccountToken, TOKEN_TTL_MINUTES, type TokenPurpose } from './account-tokens.ts';

type Trx = Kysely<Database> | Transaction<Database>;
type Recipient = { id: number; email: string; name: string; locale: 'de' | 'en'; organisation_id: number | null };

/**
 * What the outbox and every copy of it (console, exports, audit) show in place of a token. The
 * outbox worker swaps it for a freshly issued token when it hands the message to the mail server;
 * the token schema refuses it, so the masked link itself opens nothing. The link is appended with
 * the mask as it is (not percent-encoded), so the worker finds it again to put the token in.
 */
export { TOKEN_MASK };
const MASKED_PARAM = `token=${TOKEN_MASK}`;

/** At most this many messages of one kind per account and hour; further requests are answered alike and send nothing. */
export const ACCOUNT_MAILS_PER_HOUR = 3;

/**
 * The account e-mails go into the outbox in the transaction of the request that causes them; the
 * outbox worker delivers them. Their text is the stored e-mail template in the user's language.
 */
const templates = {
  password_reset: 'password_reset',
  register_confirm: 'registration_confirm',
  register_taken: 'register_taken',
} as const satisfies Record<string, EmailTemplateKey>;

export type AccountTemplate = keyof typeof templates;

/** The templates whose link carries a token, and the token's purpose. */
const TOKEN_PURPOSE: Partial<Record<string, TokenPurpose>> = { password_reset: 'reset', register_confirm: 'confirm' };

/**
 * Queues one account e-mail, unless this account already got ACCOUNT_MAILS_PER_HOUR of this kind in
 * the last hour (then nothing is queued and the caller answers as always). The caller holds the
 * user's row lock (`FOR UPDATE`), so parallel requests count one after the other.
 */
export async function queueAccountEmail(trx: Trx, config: Config, template: AccountTemplate, recipient: Recipient): Promise<boolean> {
  const { n } = await trx
    .selectFrom('account_emails')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', recipient.id)
    .where('template', '=', template)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  if (Number(n) >= ACCOUNT_MAILS_PER_HOUR) return false;
  const { subject, body } = await composeEmail(trx, templates[template], recipient.locale, accountValues(config.PUBLIC_URL, recipient, TOKEN_TTL_MINUTES.reset));
  const email = await trx
    .insertInto('emails')
    .values({ to: recipient.email, subject, body, template, organisation_id: recipient.organisation_id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('account_emails').values({ email_id: email.id, user_id: recipient.id, template }).execute();
  return true;
}

export type Deliverable = { text: string; secret?: string } | { undeliverable: string };

/**
 * For the outbox worker only, right before it hands a message to the mail server: the text to
 * send. For a message whose link carries a token, a new token is issued now (its hash stored,
 * older ones retired) and put in place of the mask; the clear token goes nowhere but into this
 * text. No link is issued for an address the account no longer has, for a request older than the
 * link's lifetime, or for an account the link could not be used on.
 */
export async function deliverableText(
  db: Kysely<Database>,
  email: { id: number; to: string; body: string; template: string; created_at: Date },
): Promise<Deliverable> {
  const purpose = TOKEN_PURPOSE[email.template];
  if (!purpose) return { text: email.body };
  const account = await db
    .selectFrom('account_emails as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.id', 'u.email', 'u.active'])
    .where('a.email_id', '=', email.id)
    .executeTakeFirst();
  if (!account) return { undeliverable: 'Kein Konto zu dieser Nachricht; es wird kein Link erzeugt.' };
  if (account.email.toLowerCase() !== email.to.toLowerCase()) {
    return { undeliverable: 'Das Konto hat inzwischen eine andere Adresse; der Link geht nicht an die alte.' };
  }
  if (Date.now() - new Date(email.created_at).getTime() > TOKEN_TTL_MINUTES[purpose] * 60_000) {
    return { undeliverable: 'Die Anfrage ist älter als die Gültigkeit des Links; bitte neu anfordern.' };
  }
  if (purpose === 'reset' ? !account.active : account.active) {
    return { undeliverable: purpose === 'reset' ? 'Das Konto ist deaktiviert.' : 'Die Registrierung ist bereits bestätigt.' };
  }
  if (!email.body.includes(MASKED_PARAM)) return { undeliverable: 'Die Nachricht enthält keinen Link zum Einsetzen.' };
  const token = await db.transaction().execute((trx) => issueAccountToken(trx, purpose, account.id));
  return { text: email.body.replaceAll(MASKED_PARAM, `token=${token}`), secret: token };
}
