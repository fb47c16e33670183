import type { RequestHandler } from 'express';
import { HttpError, forbidden } from '../http/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const hasBody = (headers: Record<string, string | string[] | undefined>) =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * Writes with a body must be JSON (or multipart for uploads). A cross-site HTML form can only send
 * `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data` without a CORS
 * preflight; refusing the first two with 415 closes that CSRF route even for clients that send no
 * Origin header, and multipart writes still pass the Origin check.
 */
export const requireJsonWrites: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method) || !hasBody(req.headers)) return next();
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type) || type === 'multipart/form-data') return next();
  next(new HttpError(415, 'unsupported_media_type', 'Bitte senden Sie JSON (Content-Type: application/json).'));
};

/**
 * Browsers mark every request with Sec-Fetch-Site; a write another site triggers is refused even
 * where the Origin header is missing (older browsers omit it on same-site navigations only).
 */
export const refuseCrossSiteWrites: RequestHandler = (req, _res, next) => {
  if (!SAFE.has(req.method) && req.get('sec-fetch-site') === 'cross-site') {
    return next(forbidden('Anfrage von fremder Herkunft abgelehnt.'));
  }
  next();
};
