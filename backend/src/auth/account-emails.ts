import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Config } from '../config.ts';
import { TOKEN_TTL_MINUTES } from './account-tokens.ts';

type Trx = Kysely<Database> | Transaction<Database>;
type Recipient = { email: string; name: string; locale: 'de' | 'en'; organisation_id: number | null };

const link = (config: Config, page: string, token?: string) =>
  `${config.PUBLIC_URL.replace(/\/$/, '')}/#/${page}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

/**
 * The account e-mails go into the outbox in the same transaction as the token they carry; the
 * outbox worker delivers them. German first; English for users who chose it.
 */
const templates = {
  password_reset: (config: Config, r: Recipient, token?: string) =>
    r.locale === 'en'
      ? {
          subject: 'Reset your password',
          body: `Hello ${r.name},\n\nsomeone (hopefully you) asked to reset the password of your account.\nChoose a new password here within ${TOKEN_TTL_MINUTES.reset} minutes:\n\n${link(config, 'password-reset/confirm', token)}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.\n`,
        }
      : {
          subject: 'Passwort zurücksetzen',
          body: `Hallo ${r.name},\n\njemand (hoffentlich Sie) möchte das Passwort Ihres Kontos zurücksetzen.\nHier können Sie innerhalb von ${TOKEN_TTL_MINUTES.reset} Minuten ein neues Passwort wählen:\n\n${link(config, 'password-reset/confirm', token)}\n\nWenn Sie das nicht waren, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.\n`,
        },
  register_confirm: (config: Config, r: Recipient, token?: string) =>
    r.locale === 'en'
      ? {
          subject: 'Confirm your registration',
          body: `Hello ${r.name},\n\nthank you for registering with the openTransfer Accelerator.\nPlease confirm your e-mail address within three days:\n\n${link(config, 'register/confirm', token)}\n`,
        }
      : {
          subject: 'Bitte bestätigen Sie Ihre Registrierung',
          body: `Hallo ${r.name},\n\nvielen Dank für Ihre Registrierung beim openTransfer Accelerator.\nBitte bestätigen Sie Ihre E-Mail-Adresse innerhalb von drei Tagen:\n\n${link(config, 'register/confirm', token)}\n`,
        },
  register_taken: (config: Config, r: Recipient) =>
    r.locale === 'en'
      ? {
          subject: 'You already have an account',
          body: `Hello ${r.name},\n\nsomeone tried to register a new account with this e-mail address, but you already have one.\nLog in here: ${link(config, 'login')}\nForgot your password? Reset it here: ${link(config, 'password-reset')}\n`,
        }
      : {
          subject: 'Sie haben bereits ein Konto',
          body: `Hallo ${r.name},\n\njemand wollte mit dieser E-Mail-Adresse ein neues Konto registrieren – Sie haben aber bereits eines.\nHier melden Sie sich an: ${link(config, 'login')}\nPasswort vergessen? Hier setzen Sie es zurück: ${link(config, 'password-reset')}\n`,
        },
};

export type AccountTemplate = keyof typeof templates;

export async function queueAccountEmail(trx: Trx, config: Config, template: AccountTemplate, recipient: Recipient, token?: string): Promise<void> {
  const { subject, body } = templates[template](config, recipient, token);
  await trx
    .insertInto('emails')
    .values({ to: recipient.email, subject, body, template, organisation_id: recipient.organisation_id })
    .execute();
}
