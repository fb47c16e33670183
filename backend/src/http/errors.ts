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
export const unavailable = () =>
  new HttpError(503, 'database_unavailable', 'Die Datenbank ist gerade nicht erreichbar. Bitte gleich noch einmal versuchen.');

export function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

export function fromZod(error: ZodError): HttpError {
  return badRequest('Bitte prüfen Sie die markierten Felder.', zodFieldErrors(error));
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** True for errors that mean "the database is not reachable right now" (not "the query is wrong"). */
export function isConnectionError(error: any): boolean {
  if (!error) return false;
  if (CONNECTION_CODES.has(error.code)) return true;
  const message = String(error.message ?? '');
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|not queryable/i.test(message);
}

/** Maps database errors that bad input can cause onto 4xx answers (never a 500 for bad input). */
function fromDatabase(error: any): HttpError | undefined {
  switch (error?.code) {
    case '23505':
      return conflict('Ein solcher Eintrag existiert bereits.', 'duplicate');
    case '23503':
      return conflict('Ein verknüpfter Eintrag fehlt oder wird noch verwendet.', 'reference');
    case '23514':
    case '23502':
      return badRequest('Die Eingabe verletzt eine Regel der Datenbank.', undefined, 'constraint');
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
    case '22023':
    case '2201X':
    case '2201W':
    case '54000':
      return badRequest('Ungültiger Wert.', undefined, 'invalid_value');
    case '40001':
    case '40P01':
      return conflict('Gleichzeitige Änderung, bitte erneut versuchen.', 'concurrent_update');
    case '57014':
      return new HttpError(503, 'timeout', 'Die Anfrage hat zu lange gedauert.');
  }
  if (isConnectionError(error)) return unavailable();
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
    res.status(http.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound('Diesen Endpunkt gibt es nicht.'));
