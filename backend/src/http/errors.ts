import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { redactUrl } from '../logger.ts';

export type FieldErrors = Record<string, string>;

/** The one error class: every expected failure is an HttpError with a status and a stable code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
    /** Seconds after which trying again makes sense (sent as `Retry-After`). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: FieldErrors, code = 'invalid_input') =>
  new HttpError(400, code, message, errors);
export const unauthorized = (message = 'Bitte melden Sie sich an.') =>
  new HttpError(401, 'unauthenticated', message);
export const forbidden = (message = 'Dazu fehlt Ihnen die Berechtigung.') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Nicht gefunden.') => new HttpError(404, 'not_found', message);
export const conflict = (message: string, code = 'conflict', errors?: FieldErrors) =>
  new HttpError(409, code, message, errors);
export const tooLarge = (message = 'Die Anfrage ist zu groß.') => new HttpError(413, 'too_large', message);
const unavailable = () =>
  new HttpError(503, 'database_unavailable', 'Die Datenbank ist gerade nicht erreichbar. Bitte gleich noch einmal versuchen.', undefined, 5);

export function zodFieldErrors(error: ZodError): FieldErrors {
  // Paths name the client's keys: `__proto__` or `constructor` must land as plain entries.
  const errors: FieldErrors = Object.create(null);
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

export function fromZod(error: ZodError): HttpError {
  return badRequest('Bitte prüfen Sie die markierten Felder.', zodFieldErrors(error));
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped, idle_session_timeout
  '57P01', '57P02', '57P03', '57P04', '57P05',
]);

/** True for errors that mean "the database is not reachable right now" (not "the query is wrong"). */
function isConnectionError(error: any): boolean {
  if (!error) return false;
  const code = typeof error.code === 'string' ? error.code : '';
  // Class 08: connection exception (the connection failed or was lost).
  if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
  const message = String(error.message ?? '');
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|not queryable/i.test(message);
}

/** A PostgreSQL error's SQLSTATE (five characters), or undefined for other errors. */
const sqlState = (error: any): string | undefined =>
  typeof error?.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) ? error.code : undefined;

/** Messages for the data exceptions (class 22) bad input runs into most. */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'Ein Text ist zu lang.',
  '22003': 'Eine Zahl liegt außerhalb des erlaubten Bereichs.',
  '22007': 'Ungültiges Datum oder ungültige Uhrzeit.',
  '22008': 'Ungültiges Datum oder ungültige Uhrzeit.',
  '22021': 'Ein Text enthält unzulässige Zeichen (Nullbyte oder ungültiges Unicode).',
  '22P05': 'Ein Text enthält unzulässige Zeichen (Nullbyte oder ungültiges Unicode).',
};

const tryAgain = (code: string, message: string, retryAfter: number) => new HttpError(503, code, message, undefined, retryAfter);

/**
 * Maps database errors onto answers, by SQLSTATE code and class: what bad input causes is a 4xx
 * (never a 500 for bad input), what passes by itself (an outage, a lock held too long, a statement
 * timeout, a full connection table) is a 503 with `Retry-After`. Everything else — a programming
 * error (class 42) or an unknown failure — stays a 500 and is logged.
 */
function fromDatabase(error: any): HttpError | undefined {
  const code = sqlState(error);
  switch (code) {
    case '23505':
      return conflict('Ein solcher Eintrag existiert bereits.', 'duplicate');
    case '23503':
      return conflict('Ein verknüpfter Eintrag fehlt oder wird noch verwendet.', 'reference');
    case '23514':
    case '23502':
      return badRequest('Die Eingabe verletzt eine Regel der Datenbank.', undefined, 'constraint');
    case '40001':
    case '40P01':
      return new HttpError(409, 'concurrent_update', 'Gleichzeitige Änderung, bitte erneut versuchen.', undefined, 1);
    case '55P03':
      return tryAgain('lock_timeout', 'Der Eintrag wird gerade anderswo geändert. Bitte gleich noch einmal versuchen.', 2);
    case '57014':
      return tryAgain('timeout', 'Die Anfrage hat zu lange gedauert. Bitte gleich noch einmal versuchen.', 5);
  }
  if (isConnectionError(error)) return unavailable();
  if (!code) return undefined;
  switch (code.slice(0, 2)) {
    // Data exception: a value the database cannot take (NUL in text, out of range, not a date …).
    case '22':
      return badRequest(DATA_EXCEPTIONS[code] ?? 'Ungültiger Wert.', undefined, 'invalid_value');
    // Program limit exceeded: a search or list too large to run.
    case '54':
      return badRequest('Die Anfrage ist zu umfangreich.', undefined, 'too_complex');
    // Transaction rollback (other than the two above): nothing was changed; try again.
    case '40':
      return tryAgain('transaction_rollback', 'Die Änderung wurde abgebrochen. Bitte noch einmal versuchen.', 1);
    // Insufficient resources (too many connections, out of memory, disk full).
    case '53':
      return tryAgain('database_busy', 'Die Datenbank ist gerade ausgelastet. Bitte gleich noch einmal versuchen.', 10);
  }
  return undefined;
}

export function toHttpError(error: any): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) return fromZod(error);
  if (error?.type === 'entity.parse.failed') return badRequest('Der Inhalt ist kein gültiges JSON.', undefined, 'malformed_json');
  if (error?.type === 'entity.too.large') return tooLarge();
  if (error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_encoding', 'Nicht unterstützte Kodierung.');
  }
  if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500 && error.expose) {
    return new HttpError(error.status, 'bad_request', 'Ungültige Anfrage.');
  }
  return fromDatabase(error);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = toHttpError(error);
    if (!known) logger.error({ err: error, url: redactUrl(req.originalUrl) }, 'unhandled error');
    const http = known ?? new HttpError(500, 'internal', 'Ein unerwarteter Fehler ist aufgetreten.');
    if (res.headersSent) return res.end();
    const body: Record<string, unknown> = { message: http.message, code: http.code };
    if (http.errors) body.errors = http.errors;
    if (http.retryAfter !== undefined) res.setHeader('Retry-After', String(http.retryAfter));
    res.status(http.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound('Diesen Endpunkt gibt es nicht.'));
