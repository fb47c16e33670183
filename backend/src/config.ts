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
    .optional(),
  MAIL_FROM: z.string().default('openTransfer Accelerator <noreply@example.org>'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
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
  PAYER_BIC: z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine(isValidBIC, 'ungültige BIC')
    .default('BYLADEM1001'),
});

export type Config = z.infer<typeof envSchema> & { demoData: boolean };

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
  return { ...cfg, demoData: cfg.DEMO_DATA ?? !cfg.DATABASE_URL };
}
