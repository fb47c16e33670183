import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../shared/password-policy.ts';

/** Passwords people pick first; refused even though they meet the length rule. */
const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '0123456789', 'password123', 'password1234', 'passwort123', 'passwort1234',
  'qwertz1234', 'qwerty1234', 'qwertzuiop', 'qwertyuiop', 'abc1234567', 'hallo12345', 'willkommen1',
  'willkommen123', 'sommer2024!', 'sommer2025!', 'sommer2026!', 'winter2025!', 'winter2026!', 'iloveyou123',
  'letmein1234', 'admin12345', 'administrator', 'changeme123', 'geheim12345', 'passwort!!', 'password!!',
  'demo-password', 'test-password',
]);

export { PASSWORD_MIN_LENGTH };

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`)
  .max(200, 'Höchstens 200 Zeichen.')
  .refine((p) => /[^\p{L}]/u.test(p) || p.length >= 16, 'Bitte mindestens eine Ziffer oder ein Sonderzeichen verwenden (oder 16 Zeichen).')
  .refine((p) => new Set(p).size >= 4, 'Bitte nicht nur ein oder zwei Zeichen wiederholen.')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'Dieses Passwort ist zu verbreitet. Bitte ein anderes wählen.');

/** The password must not contain the e-mail's local part (min. 4 characters). */
export const passwordDiffersFromEmail = (email: string, password: string) => {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return local.length < 4 || !password.toLowerCase().includes(local);
};

/** An address as it is looked up, counted and rate-limited: trimmed and lower-cased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const emailSchema = z.email('Bitte eine gültige E-Mail-Adresse angeben.').max(254).transform(normaliseEmail);

export const loginSchema = z.object({
  email: z.string().max(254).transform(normaliseEmail),
  password: z.string().max(200),
});

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, 'Bitte Ihren Namen angeben.').max(200),
  organisation_name: z.string().trim().min(2, 'Bitte den Namen der Organisation angeben.').max(300),
  locale: z.enum(['de', 'en']).optional(),
}).refine((v) => passwordDiffersFromEmail(v.email, v.password), { path: ['password'], message: 'Das Passwort darf die E-Mail-Adresse nicht enthalten.' });

export const passwordResetRequestSchema = z.object({
  email: z.string().max(254).transform(normaliseEmail),
});

const tokenSchema = z.string().min(20, 'Ungültiger Link.').max(100, 'Ungültiger Link.').regex(/^[A-Za-z0-9_-]+$/, 'Ungültiger Link.');

export const passwordResetConfirmSchema = z.object({
  token: tokenSchema,
  password: passwordSchema,
});

export const registerConfirmSchema = z.object({
  token: tokenSchema,
});

/** `PUT /api/auth/me`: what a user sets on their own account — the language of the console and of their messages. */
export const accountUpdateSchema = z.strictObject({
  locale: z.enum(['de', 'en']),
});
