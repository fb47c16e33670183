import { z } from 'zod';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { foundedYear, longText, optionalDate, optionalEmail, optionalInt, optionalCents, optionalUrl, requiredText, text } from '../shared/fields.ts';

export const LEGAL_FORMS = ['e_v', 'ggmbh', 'stiftung', 'genossenschaft', 'other'] as const;
export const FIELDS = ['education', 'social', 'environment', 'health', 'culture', 'integration', 'democracy', 'other'] as const;
export const BUNDESLAENDER = [
  'Baden-Württemberg', 'Bayern', 'Berlin', 'Brandenburg', 'Bremen', 'Hamburg', 'Hessen',
  'Mecklenburg-Vorpommern', 'Niedersachsen', 'Nordrhein-Westfalen', 'Rheinland-Pfalz', 'Saarland',
  'Sachsen', 'Sachsen-Anhalt', 'Schleswig-Holstein', 'Thüringen',
] as const;

/** IBANs are stored in electronic format (no spaces, upper case) and checked by checksum. */
const ibanField = () =>
  z
    .preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : electronicFormatIBAN(v) ?? v) : v), z.string().max(34).nullable())
    .refine((v) => v === null || isValidIBAN(v), 'Ungültige IBAN (Prüfsumme stimmt nicht).')
    .optional();

const bicField = () =>
  z
    .preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.replace(/\s+/g, '').toUpperCase()) : v), z.string().max(11).nullable())
    .refine((v) => v === null || isValidBIC(v), 'Ungültige BIC.')
    .optional();

export const organisationSchema = z.object({
  name: requiredText(300, 'Bitte den Namen der Organisation angeben.'),
  legal_form: z.enum(LEGAL_FORMS).optional(),
  charitable_status: z.boolean().optional(),
  tax_exemption_valid_until: optionalDate(),
  street: text(200),
  postal_code: z.preprocess((v) => (v === '' ? null : v), z.string().regex(/^\d{5}$/, 'Postleitzahl: fünf Ziffern.').nullable()).optional(),
  city: text(120),
  state: z.preprocess((v) => (v === '' ? null : v), z.enum(BUNDESLAENDER).nullable()).optional(),
  website: optionalUrl(),
  email: optionalEmail(),
  phone: text(50),
  founded_year: foundedYear(),
  staff_count: optionalInt(0, 1_000_000),
  annual_budget_cents: optionalCents(),
  field: z.enum(FIELDS).optional(),
  description: longText(5000),
  iban: ibanField(),
  bic: bicField(),
  account_holder: text(200),
});

/** A profile save: any field, plus the version the edit is based on (a mismatch answers 409 `stale_version`). */
export const organisationUpdateSchema = organisationSchema.partial().extend({
  version: z.number({ error: 'Version erwartet.' }).int().positive().optional(),
});
