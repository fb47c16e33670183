import type { ZodType } from 'zod';
import { badRequest, fromZod, notFound, type FieldErrors } from './errors.ts';
import { CLEAN_TEXT, UNCLEAN_TEXT_MESSAGE } from '../shared/fields.ts';

/** A record id from the URL: a positive integer, or 404 (a malformed id names no record). */
export function parseId(raw: unknown): number {
  const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
}

/**
 * Strings anywhere in a body that hold NUL or a lone surrogate (see CLEAN_TEXT), by path (`a.b`,
 * `scores.0.comment`). Walked without recursion: a body may nest thousands of levels deep.
 */
function uncleanStrings(input: object, limit = 100): FieldErrors {
  const errors: FieldErrors = Object.create(null);
  const stack: Array<[unknown, string]> = [[input, '']];
  let found = 0;
  while (stack.length && found < limit) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!CLEAN_TEXT.test(value)) {
        errors[path || '_'] = UNCLEAN_TEXT_MESSAGE;
        found++;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return errors;
}

/**
 * A JSON object checked against its schema: the parsed value, or 400 with per-field errors. No
 * text with NUL or lone surrogates gets past, whichever field it is in (the field builders refuse
 * them too, with the same message, so the console's forms say so before sending).
 */
export function validate<T>(schema: ZodType<T>, input: unknown): T {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('Erwartet wird ein JSON-Objekt.', undefined, 'invalid_body');
  }
  const unclean = uncleanStrings(input);
  if (Object.keys(unclean).length) throw badRequest(`Bitte prüfen Sie die markierten Felder: ${UNCLEAN_TEXT_MESSAGE}`, unclean, 'invalid_characters');
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}
