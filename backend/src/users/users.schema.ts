import { z } from 'zod';
import { emailSchema, passwordSchema } from '../auth/auth.schema.ts';
import { optionalId, requiredText } from '../shared/fields.ts';

export const ROLES = ['admin', 'staff', 'jury', 'coach', 'applicant', 'funder'] as const;

export const userCreateSchema = z.object({
  email: emailSchema,
  name: requiredText(200, 'Bitte den Namen angeben.'),
  role: z.enum(ROLES, { error: 'Bitte eine Rolle wählen.' }),
  organisation_id: optionalId(),
  active: z.boolean().optional(),
  locale: z.enum(['de', 'en']).optional(),
  /** Write-only; never returned. */
  password: passwordSchema,
});

export const userUpdateSchema = userCreateSchema.partial().extend({
  password: z.preprocess((v) => (v === '' || v === null ? undefined : v), passwordSchema.optional()),
});

export type UserInput = z.output<typeof userCreateSchema>;
