import type { ZodType } from 'zod';
import { badRequest, fromZod, notFound } from './errors.ts';

/** A record id from the URL: a positive integer, or 404 (a malformed id names no record). */
export function parseId(raw: unknown): number {
  const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
}

/** A JSON object checked against its schema: the parsed value, or 400 with per-field errors. */
export function validate<T>(schema: ZodType<T>, input: unknown): T {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('Erwartet wird ein JSON-Objekt.', undefined, 'invalid_body');
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}
