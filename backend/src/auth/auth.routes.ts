import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Router } from 'express';
import type { ApiRouter } from '../http/api-router.ts';
import { conflict, HttpError, unauthorized } from '../http/errors.ts';
import { validate } from '../http/resource.ts';
import { loginSchema, registerSchema } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { clearSessionCookie, createSession, hashToken, readSessionToken, setSessionCookie } from './sessions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { SessionUser } from '../http/context.ts';

const MAX_FAILED_LOGINS = 10;
const LOCK_MINUTES = 15;

export const publicUser = (u: Pick<SessionUser, 'id' | 'email' | 'name' | 'role' | 'organisation_id' | 'locale'>) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organisation_id: u.organisation_id,
  locale: u.locale,
});

/** Per address and account: slows password guessing without locking out a whole office behind one IP. */
export function loginRateLimit(router: Router, limit: number): void {
  router.use(
    ['/auth/login', '/auth/register', '/auth/password-reset'],
    rateLimit({
      windowMs: 5 * 60_000,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.email ?? '').toLowerCase().slice(0, 254)}`,
      handler: (_req, res) =>
        res.status(429).json({ message: 'Zu viele Versuche. Bitte warten Sie einige Minuten.', code: 'rate_limited' }),
    }),
  );
}

export function registerAuthRoutes(api: ApiRouter): void {
  api.add({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Log in with e-mail and password; sets the session cookie',
    access: 'public',
    body: loginSchema,
    handler: async (ctx, req, res) => {
      const { email, password } = validate(loginSchema, req.body);
      const user = await ctx.db.selectFrom('users').selectAll().where(({ fn }) => fn('lower', ['email']), '=', email).executeTakeFirst();
      const ok = await verifyPassword(password, user?.password_hash);
      if (!user || !user.active) throw unauthorized('E-Mail oder Passwort ist falsch.');
      if (user.locked_until && new Date(user.locked_until) > new Date()) {
        throw new HttpError(423, 'locked', `Zu viele Fehlversuche. Das Konto ist für ${LOCK_MINUTES} Minuten gesperrt.`);
      }
      if (!ok) {
        const failed = user.failed_logins + 1;
        await ctx.db
          .updateTable('users')
          .set({
            failed_logins: failed >= MAX_FAILED_LOGINS ? 0 : failed,
            locked_until: failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
          })
          .where('id', '=', user.id)
          .execute();
        throw unauthorized('E-Mail oder Passwort ist falsch.');
      }
      // Session rotation: whatever session the browser had before is ended.
      const previous = readSessionToken(req);
      if (previous) await ctx.db.deleteFrom('sessions').where('id', '=', hashToken(previous)).execute();
      await ctx.db
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
        .where('id', '=', user.id)
        .execute();
      const token = await createSession(ctx.db, ctx.config, user.id, req.get('user-agent'));
      setSessionCookie(res, req, ctx.config, token);
      return publicUser(user);
    },
  });

  api.add({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'End this session',
    access: 'public',
    handler: async (ctx, req, res) => {
      const token = readSessionToken(req);
      if (token) await ctx.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
      clearSessionCookie(res);
      return { ok: true };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/logout-everywhere',
    tag: 'auth',
    summary: 'End every session of the current user',
    access: 'authenticated',
    handler: async (ctx, _req, res) => {
      await ctx.db.deleteFrom('sessions').where('user_id', '=', ctx.user!.id).execute();
      clearSessionCookie(res);
      return { ok: true };
    },
  });

  api.add({
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The logged-in user',
    access: 'authenticated',
    handler: (ctx) => publicUser(ctx.user!),
  });

  api.add({
    method: 'post',
    path: '/auth/register',
    tag: 'auth',
    summary: 'Register an applicant organisation and its first user; logs in',
    access: 'public',
    body: registerSchema,
    status: 201,
    handler: async (ctx, req, res) => {
      const input = validate(registerSchema, req.body);
      const passwordHash = await hashPassword(input.password);
      const user = await ctx.db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('users').select('id').where(({ fn }) => fn('lower', ['email']), '=', input.email).executeTakeFirst();
        if (taken) throw conflict('Mit dieser E-Mail-Adresse ist bereits ein Konto registriert. Bitte melden Sie sich an oder setzen Sie Ihr Passwort zurück.', 'email_taken', { email: 'bereits registriert' });
        const organisation = await trx
          .insertInto('organisations')
          .values({ name: input.organisation_name, email: input.email })
          .returningAll()
          .executeTakeFirstOrThrow();
        const created = await trx
          .insertInto('users')
          .values({
            email: input.email,
            name: input.name,
            role: 'applicant',
            organisation_id: organisation.id,
            password_hash: passwordHash,
            locale: input.locale ?? 'de',
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, created, 'register', 'users', created.id, null, created);
        await recordAudit(trx, created, 'create', 'organisations', organisation.id, null, organisation);
        return created;
      });
      const token = await createSession(ctx.db, ctx.config, user.id, req.get('user-agent'));
      setSessionCookie(res, req, ctx.config, token);
      return publicUser(user);
    },
  });
}
