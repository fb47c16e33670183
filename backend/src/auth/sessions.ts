import { hash, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from '../config.ts';
import type { SessionUser } from '../http/context.ts';

export const SESSION_COOKIE = 'crm_session';

/** Only the hash of a session token is stored, so a database leak yields no usable sessions. */
export const hashToken = (token: string) => hash('sha256', token, 'hex');

export async function createSession(db: Db, config: Config, userId: number, userAgent?: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: new Date(Date.now() + config.SESSION_DAYS * 86_400_000),
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export function setSessionCookie(res: Response, req: Request, config: Config, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure || config.PUBLIC_URL.startsWith('https://'),
    path: '/',
    maxAge: config.SESSION_DAYS * 86_400_000,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function readSessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && token.length < 100 ? token : undefined;
}

const TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * Sessions looked up in the last few seconds: a busy console then costs one query per request, not
 * two. Every place that ends sessions or changes a user calls forgetSessions, so on this instance
 * logout, deactivation and role changes act at once; other instances see them within CACHE_MS.
 */
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const sessionCache = new Map<string, { user: SessionUser; until: number; lastSeen: number }>();

/**
 * Ends sessions: deletes them (inside the caller's transaction, if any) and drops them from this
 * instance's cache in one step, so no call site can do one half and forget the other. `keep` (a
 * session id) survives the ending of its user's sessions: the caller's own, after a password change.
 */
export async function endSessions(db: Kysely<Database>, which: { sessionId?: string; userIds?: readonly number[]; keep?: string }): Promise<void> {
  if (which.sessionId) await db.deleteFrom('sessions').where('id', '=', which.sessionId).execute();
  if (which.userIds?.length) {
    let ending = db.deleteFrom('sessions').where('user_id', 'in', which.userIds);
    if (which.keep) ending = ending.where('id', '!=', which.keep);
    await ending.execute();
  }
  forgetSessions(which);
}

/** Drops cached lookups only (for changes that keep the sessions but alter what the user may see). */
export function forgetSessions(which: { sessionId?: string; userIds?: readonly number[] }): void {
  if (which.sessionId) sessionCache.delete(which.sessionId);
  if (which.userIds?.length) {
    const ids = new Set(which.userIds);
    for (const [key, entry] of sessionCache) if (ids.has(entry.user.id)) sessionCache.delete(key);
  }
}

/** Loads the caller from the session cookie; an expired, unknown or deactivated session is anonymous. */
export function loadSession(db: Db): RequestHandler {
  return async (req, _res, next) => {
    req.user = null;
    const token = readSessionToken(req);
    if (!token) return next();
    const id = hashToken(token);
    const now = Date.now();
    const cached = sessionCache.get(id);
    if (cached && cached.until > now) {
      req.user = cached.user;
      return next();
    }
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.organisation_id', 'u.locale', 's.id as session_id', 's.last_seen_at', 's.expires_at'])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', new Date(now))
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!row) {
      sessionCache.delete(id);
      return next();
    }
    const { last_seen_at, expires_at, ...user } = row;
    req.user = user as SessionUser;
    if (sessionCache.size >= CACHE_MAX) sessionCache.clear();
    sessionCache.set(id, { user: req.user, until: Math.min(now + CACHE_MS, new Date(expires_at).getTime()), lastSeen: now });
    if (now - new Date(last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
    }
    next();
  };
}
