import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// beginnen')
    .optional(),
  DATA_DIR: z.string().default('./data/pglite'),
  // Where `npm run backup` writes its files.
  BACKUP_DIR: z.string().default('./backups'),
  // The built console to serve. Unset: admin/dist, built on the first start when it is missing.
  CONSOLE_DIR: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  // Off behind a connection pooler that cannot keep prepared statements (PgBouncer < 1.21 in
  // transaction mode): statements then go unnamed, parsed on every call.
  DATABASE_PREPARED_STATEMENTS: flag.default(true),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'mindestens 12 Zeichen').optional(),
  DEMO_DATA: flag.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'muss mit smtp:// oder smtps:// beginnen')
    .refine((v) => URL.canParse(v), 'keine gültige URL')
    .optional(),
  // The file mailbox: without SMTP_URL, the outbox worker writes each message as an .eml file
  // here. Unset: `mail` next to DATA_DIR with the embedded database; off with DATABASE_URL.
  MAIL_DIR: z
    .string()
    .trim()
    .min(1, 'darf nicht leer sein')
    .refine((v) => !v.includes('\0'), 'enthält ein Nullzeichen')
    .optional(),
  MAIL_FROM: z.string().default('openTransfer Accelerator <noreply@example.org>'),
  /** The Reply-To of every message (answers go to a person, not to MAIL_FROM's no-reply box); none unless set. */
  MAIL_REPLY_TO: z.string().trim().min(1).optional(),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Signs the unsubscribe links of bulk mail; without it, a random key the database keeps (migration 0025). */
  UNSUBSCRIBE_SECRET: z.string().min(32, 'mindestens 32 Zeichen').optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag.default(false),
  // The programme's own account: the debtor of the SEPA credit-transfer exports (disbursements).
  PAYER_NAME: z.string().trim().min(1).max(70).default('Stiftung Bürgermut'),
  PAYER_IBAN: z
    .string()
    .transform((v) => electronicFormatIBAN(v) ?? v)
    .refine(isValidIBAN, 'ungültige IBAN (Prüfsumme)')
    .default('DE02120300000000202051'),
  // The key of the respondent hashes of anonymous surveys (HMAC-SHA256 of survey and user): without
  // it the stored hashes cannot be traced back to users. Keep it out of the database and its backups.
  SURVEY_SECRET: z.string().min(32, 'mindestens 32 Zeichen').optional(),
  PAYER_BIC: z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine(isValidBIC, 'ungültige BIC')
    .default('BYLADEM1001'),
});

/**
 * How the outbox worker delivers: through SMTP_URL; into the file mailbox (MAIL_DIR, which the
 * embedded database uses by default); or not at all (production without SMTP_URL or MAIL_DIR:
 * messages stay queued).
 */
export type MailDelivery = { kind: 'smtp'; url: string } | { kind: 'dir'; dir: string; explicit: boolean } | { kind: 'none' };

export type Config = z.infer<typeof envSchema> & { demoData: boolean; mail: MailDelivery; surveySecret: string };

/**
 * The survey key when SURVEY_SECRET is unset: fine for trying the system, not for production (the
 * server warns at start with DATABASE_URL). Changing the key later lets people answer a survey once
 * more, so it is set once, before the first survey.
 */
export const DEVELOPMENT_SURVEY_SECRET = 'development-only-survey-secret-change-me';

/** Whether `dir` is `parent` or lies under it. */
export const isInside = (dir: string, parent: string) => {
  const rel = relative(resolve(parent), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

function mailDelivery(cfg: z.infer<typeof envSchema>): MailDelivery {
  if (cfg.SMTP_URL && cfg.MAIL_DIR) {
    throw new Error('Ungültige Einstellungen: SMTP_URL und MAIL_DIR schließen sich aus (mit SMTP_URL wird nichts abgelegt); eines von beiden entfernen.');
  }
  if (cfg.SMTP_URL) return { kind: 'smtp', url: cfg.SMTP_URL };
  if (cfg.MAIL_DIR) {
    if (!cfg.DATABASE_URL && isInside(cfg.MAIL_DIR, cfg.DATA_DIR)) {
      throw new Error('Ungültige Einstellungen: MAIL_DIR darf nicht in DATA_DIR (der eingebetteten Datenbank) liegen.');
    }
    return { kind: 'dir', dir: cfg.MAIL_DIR, explicit: true };
  }
  // Production (DATABASE_URL) never writes mail to disk unless told to.
  if (cfg.DATABASE_URL) return { kind: 'none' };
  return { kind: 'dir', dir: join(dirname(cfg.DATA_DIR), 'mail'), explicit: false };
}

/** Parses the environment once; a bad setting stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ungültige Einstellungen (see .env.example):\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if ((cfg.ADMIN_EMAIL && !cfg.ADMIN_PASSWORD) || (!cfg.ADMIN_EMAIL && cfg.ADMIN_PASSWORD)) {
    throw new Error('Ungültige Einstellungen: ADMIN_EMAIL und ADMIN_PASSWORD gehören zusammen.');
  }
  return { ...cfg, demoData: cfg.DEMO_DATA ?? !cfg.DATABASE_URL, mail: mailDelivery(cfg), surveySecret: cfg.SURVEY_SECRET ?? DEVELOPMENT_SURVEY_SECRET };
}
