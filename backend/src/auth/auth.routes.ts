import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Router } from 'express';
import { sql } from 'kysely';
import type { ApiRouter } from '../http/api-router.ts';
import { badRequest, HttpError, unauthorized } from '../http/errors.ts';
import {
  accountUpdateSchema, loginSchema, normaliseEmail, passwordDiffersFromEmail, passwordResetConfirmSchema, passwordResetRequestSchema, registerConfirmSchema, registerSchema,
} from './auth.schema.ts';
import { redeemAccountToken } from './account-tokens.ts';
import { queueAccountEmail } from './account-emails.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { clearSessionCookie, createSession, endSessions, forgetSessions, hashToken, readSessionToken, setSessionCookie } from './sessions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { SessionUser } from '../http/context.ts';
import type { Db } from '../db/database.ts';

export const MAX_FAILED_LOGINS = 10;
const LOCK_MINUTES = 15;

const REGISTER_ANSWER = 'Bitte prüfen Sie Ihr Postfach: Wir haben Ihnen einen Link geschickt, mit dem Sie die Registrierung bestätigen.';
const RESET_ANSWER = 'Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen des Passworts geschickt.';
const INVALID_TOKEN = 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.';

const publicUser = (u: Pick<SessionUser, 'id' | 'email' | 'name' | 'role' | 'organisation_id' | 'locale'>) => ({
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
      // The address as the lookup sees it: `Admin@Example.org ` and `admin@example.org` share one count.
      keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${normaliseEmail(typeof req.body?.email === 'string' ? req.body.email : '').slice(0, 254)}`,
      handler: (_req, res) =>
        res.status(429).json({ message: 'Zu viele Versuche. Bitte warten Sie einige Minuten.', code: 'rate_limited' }),
    }),
  );
}

/**
 * Counts a login attempt before the password is checked, in one statement: the row lock makes
 * parallel attempts count one after the other, and the attempt that reaches MAX_FAILED_LOGINS
 * locks the account for the ones behind it. A correct password then clears the count. Returns
 * false when the account is locked (no password is checked then).
 */
async function countLoginAttempt(db: Db, userId: number): Promise<boolean> {
  const reachesLimit = sql<boolean>`failed_logins + 1 >= ${MAX_FAILED_LOGINS}`;
  const counted = await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`CASE WHEN ${reachesLimit} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql<Date | null>`CASE WHEN ${reachesLimit} THEN now() + make_interval(mins => ${LOCK_MINUTES}) END`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .returning('id')
    .executeTakeFirst();
  return !!counted;
}

const EMAIL_UNCONFIRMED =
  'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben. Sie können ihn erneut anfordern.';
const RESEND_ANSWER = 'Wenn zu diesen Angaben eine unbestätigte Registrierung gehört, ist ein neuer Bestätigungslink unterwegs.';

/** An account that registered and has not used its confirmation link yet (not one staff deactivated). */
async function awaitingConfirmation(db: Db, user: { id: number; active: boolean; last_login_at: Date | null }) {
  if (user.active || user.last_login_at) return false;
  const mail = await db.selectFrom('account_emails').select('user_id').where('user_id', '=', user.id).where('template', '=', 'register_confirm').executeTakeFirst();
  return !!mail;
}

export function registerAuthRoutes(api: ApiRouter): void {
  api.add({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Log in with e-mail and password; sets the session cookie',
    access: 'public',
    body: loginSchema,
    handler: async (ctx, req, res, { body: { email, password } }) => {
      const user = await ctx.db.selectFrom('users').selectAll().where(({ fn }) => fn('lower', ['email']), '=', email).executeTakeFirst();
      if (user && !user.active && (await awaitingConfirmation(ctx.db, user))) {
        // Registered, link not yet used. Only someone who knows the right password learns that
        // (the same thing a successful login would tell them); anyone else gets the usual answer.
        if (!(await countLoginAttempt(ctx.db, user.id))) {
          throw new HttpError(423, 'locked', `Zu viele Fehlversuche. Das Konto ist für ${LOCK_MINUTES} Minuten gesperrt.`);
        }
        if (!(await verifyPassword(password, user.password_hash))) throw unauthorized('E-Mail oder Passwort ist falsch.');
        await ctx.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
        throw new HttpError(403, 'email_unconfirmed', EMAIL_UNCONFIRMED);
      }
      if (!user || !user.active) {
        // As slow as a wrong password, so the answer time does not tell which addresses exist.
        await verifyPassword(password, undefined);
        throw unauthorized('E-Mail oder Passwort ist falsch.');
      }
      if (!(await countLoginAttempt(ctx.db, user.id))) {
        throw new HttpError(423, 'locked', `Zu viele Fehlversuche. Das Konto ist für ${LOCK_MINUTES} Minuten gesperrt.`);
      }
      if (!(await verifyPassword(password, user.password_hash))) throw unauthorized('E-Mail oder Passwort ist falsch.');
      // Session rotation: whatever session the browser had before is ended.
      const previous = readSessionToken(req);
      if (previous) await endSessions(ctx.db, { sessionId: hashToken(previous) });
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
      if (token) await endSessions(ctx.db, { sessionId: hashToken(token) });
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
      await endSessions(ctx.db, { userIds: [ctx.user!.id] });
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
    method: 'put',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The logged-in user sets their own language (locale de|en): the console and every message to them follow it (audited)',
    access: 'authenticated',
    body: accountUpdateSchema,
    handler: async (ctx, _req, _res, { body }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('users').select(['id', 'locale']).where('id', '=', ctx.user!.id).forUpdate().executeTakeFirstOrThrow();
        if (existing.locale === body.locale) return;
        const updated = await trx.updateTable('users').set({ locale: body.locale, updated_at: new Date() }).where('id', '=', existing.id)
          .returning(['id', 'locale']).executeTakeFirstOrThrow();
        await recordAudit(trx, ctx.user, 'update', 'users', existing.id, existing, updated);
      });
      // The cached session still carries the old language.
      forgetSessions({ userIds: [ctx.user!.id] });
      return publicUser({ ...ctx.user!, locale: body.locale });
    },
  });

  api.add({
    method: 'post',
    path: '/auth/register',
    tag: 'auth',
    summary: 'Register an applicant organisation; always answers 202 and sends a confirmation link (no e-mail enumeration)',
    access: 'public',
    body: registerSchema,
    status: 202,
    handler: async (ctx, _req, _res, { body: input }) => {
      const passwordHash = await hashPassword(input.password);
      await ctx.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .select(['id', 'email', 'name', 'locale', 'organisation_id', 'active', 'last_login_at'])
          .where(({ fn }) => fn('lower', ['email']), '=', input.email)
          .forUpdate()
          .executeTakeFirst();
        if (existing) {
          // Same answer as a new registration; only the mailbox owner learns that the account exists.
          const pending = !existing.active && !existing.last_login_at &&
            !!(await trx.selectFrom('account_emails').select('user_id').where('user_id', '=', existing.id).where('template', '=', 'register_confirm').executeTakeFirst());
          if (pending) {
            await queueAccountEmail(trx, ctx.config, 'register_confirm', existing);
          } else if (existing.active) {
            await queueAccountEmail(trx, ctx.config, 'register_taken', existing);
          }
          return;
        }
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
            // Active once the address is confirmed through the mailed link.
            active: false,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, created, 'register', 'users', created.id, null, created);
        await recordAudit(trx, created, 'create', 'organisations', organisation.id, null, organisation);
        await queueAccountEmail(trx, ctx.config, 'register_confirm', created);
      });
      return { ok: true, message: REGISTER_ANSWER };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/register/resend',
    tag: 'auth',
    summary: 'Send the registration confirmation link again; needs the account\'s password, always answers 202 (no e-mail enumeration)',
    access: 'public',
    body: loginSchema,
    status: 202,
    handler: async (ctx, _req, _res, { body: { email, password } }) => {
      const user = await ctx.db.selectFrom('users').selectAll().where(({ fn }) => fn('lower', ['email']), '=', email).executeTakeFirst();
      const pending = !!user && !user.active && (await awaitingConfirmation(ctx.db, user));
      // Checked whatever the lookup found, so the answer time does not tell which addresses exist.
      const correct = await verifyPassword(password, pending ? user!.password_hash : undefined);
      if (pending && correct) {
        await ctx.db.transaction().execute(async (trx) => {
          // At most a few an hour per account (queueAccountEmail counts them).
          await queueAccountEmail(trx, ctx.config, 'register_confirm', user!);
        });
      }
      return { ok: true, message: RESEND_ANSWER };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/register/confirm',
    tag: 'auth',
    summary: 'Confirm a registration with the mailed token; activates the account and logs in',
    access: 'public',
    body: registerConfirmSchema,
    handler: async (ctx, req, res, { body: { token } }) => {
      const user = await ctx.db.transaction().execute(async (trx) => {
        const userId = await redeemAccountToken(trx, 'confirm', token);
        if (!userId) throw badRequest(INVALID_TOKEN, { token: 'ungültig oder abgelaufen' }, 'invalid_token');
        const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
        const after = await trx
          .updateTable('users')
          .set({ active: true, last_login_at: new Date(), updated_at: new Date() })
          .where('id', '=', userId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, after, 'confirm_registration', 'users', userId, before, after);
        return after;
      });
      const sessionToken = await createSession(ctx.db, ctx.config, user.id, req.get('user-agent'));
      setSessionCookie(res, req, ctx.config, sessionToken);
      return publicUser(user);
    },
  });

  api.add({
    method: 'post',
    path: '/auth/password-reset',
    tag: 'auth',
    summary: 'Ask for a password reset link by e-mail (at most 3 an hour per address); always answers 202 (no e-mail enumeration)',
    access: 'public',
    body: passwordResetRequestSchema,
    status: 202,
    handler: async (ctx, _req, _res, { body: { email } }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const user = await trx
          .selectFrom('users')
          .select(['id', 'email', 'name', 'locale', 'organisation_id'])
          .where(({ fn }) => fn('lower', ['email']), '=', email)
          .where('active', '=', true)
          .forUpdate()
          .executeTakeFirst();
        // Unknown, deactivated or already mailed three times this hour: the same answer, no mail.
        if (user) await queueAccountEmail(trx, ctx.config, 'password_reset', user);
      });
      return { ok: true, message: RESET_ANSWER };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/password-reset/confirm',
    tag: 'auth',
    summary: 'Set a new password with the mailed single-use token; ends every session of that user',
    access: 'public',
    body: passwordResetConfirmSchema,
    handler: async (ctx, _req, _res, { body: { token, password } }) => {
      const passwordHash = await hashPassword(password);
      await ctx.db.transaction().execute(async (trx) => {
        const userId = await redeemAccountToken(trx, 'reset', token);
        if (!userId) throw badRequest(INVALID_TOKEN, { token: 'ungültig oder abgelaufen' }, 'invalid_token');
        const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
        if (!before.active) throw badRequest(INVALID_TOKEN, { token: 'ungültig oder abgelaufen' }, 'invalid_token');
        if (!passwordDiffersFromEmail(before.email, password)) {
          throw badRequest('Bitte prüfen Sie die markierten Felder.', { password: 'Das Passwort darf die E-Mail-Adresse nicht enthalten.' });
        }
        const after = await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: new Date() })
          .where('id', '=', userId)
          .returningAll()
          .executeTakeFirstOrThrow();
        // Whoever knew the old password is logged out everywhere.
        await endSessions(trx, { userIds: [userId] });
        await recordAudit(trx, { id: userId }, 'password_reset', 'users', userId, before, after, { password: 'changed' });
      });
      return { ok: true, message: 'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.' };
    },
  });
}
