import { z } from 'zod';

export const passwordSchema = z
  .string()
  .min(10, 'Mindestens 10 Zeichen.')
  .max(200, 'Höchstens 200 Zeichen.')
  .refine((p) => /[^\p{L}]/u.test(p) || p.length >= 16, 'Bitte mindestens eine Ziffer oder ein Sonderzeichen verwenden (oder 16 Zeichen).');

export const emailSchema = z.email('Bitte eine gültige E-Mail-Adresse angeben.').max(254).transform((e) => e.trim().toLowerCase());

export const loginSchema = z.object({
  email: z.string().max(254).transform((e) => e.trim().toLowerCase()),
  password: z.string().max(200),
});

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, 'Bitte Ihren Namen angeben.').max(200),
  organisation_name: z.string().trim().min(2, 'Bitte den Namen der Organisation angeben.').max(300),
  locale: z.enum(['de', 'en']).optional(),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type RegisterInput = z.infer<typeof registerSchema>;
