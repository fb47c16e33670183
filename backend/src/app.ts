import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppContext } from './http/context.ts';
import { ApiRouter } from './http/api-router.ts';
import { apiNotFound, errorHandler, forbidden } from './http/errors.ts';
import { loadSession } from './auth/sessions.ts';
import { loginRateLimit } from './auth/auth.routes.ts';
import { refuseCrossSiteWrites, requireJsonWrites } from './auth/csrf.ts';
import { registerRoutes } from './routes.ts';
import { redactUrl } from './logger.ts';

export interface AppOptions {
  /** Login/register attempts per address and account in 5 minutes. */
  loginLimit?: number;
  /** Folder of the built console; served with an SPA fallback when it exists. */
  consoleDir?: string;
  ping: () => Promise<boolean>;
}

export const CONSOLE_DIR = resolve(import.meta.dirname, '../../admin/dist');

/**
 * Writes with the session cookie must come from our own origin: SameSite=Lax stops most cross-site
 * requests, this stops the rest (a browser always sends Origin on cross-origin writes).
 */
function sameOriginWrites(publicUrl: string): RequestHandler {
  const allowed = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const origin = req.get('origin');
    if (!origin) return next();
    const own = `${req.protocol}://${req.get('host')}`;
    if (origin === allowed || origin === own) return next();
    next(forbidden('Anfrage von fremder Herkunft abgelehnt.'));
  };
}

export function buildApp(ctx: AppContext, options: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store; hashing every body for an ETag is wasted work.
  app.set('etag', false);
  app.set('trust proxy', ctx.config.TRUST_PROXY ? 1 : false);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI/emotion injects <style> elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: ctx.config.PUBLIC_URL.startsWith('https://'),
    }),
  );
  if (ctx.config.LOG_LEVEL !== 'silent') {
    app.use(
      pinoHttp({
        logger: ctx.logger,
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || !req.url?.startsWith('/api') },
        // One short line per request; headers (cookies!) and bodies stay out of the log.
        serializers: {
          req: (req) => ({ method: req.method, url: redactUrl(req.url) }),
          res: (res) => ({ status: res.statusCode }),
        },
      }),
    );
  }

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await options.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unavailable' });
  });

  const api = new ApiRouter(ctx);
  const apiRouter = express.Router();
  apiRouter.use(refuseCrossSiteWrites, requireJsonWrites);
  apiRouter.use(express.json({ limit: '1mb', strict: true }));
  apiRouter.use(sameOriginWrites(ctx.config.PUBLIC_URL));
  loginRateLimit(apiRouter, options.loginLimit ?? 20);
  apiRouter.use(loadSession(ctx.db));
  apiRouter.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  registerRoutes(api);
  apiRouter.use(api.router);
  apiRouter.use(apiNotFound);
  app.use('/api', apiRouter);

  const consoleDir = options.consoleDir;
  if (consoleDir && existsSync(join(consoleDir, 'index.html'))) {
    app.use(express.static(consoleDir, { index: false, maxAge: '1y', immutable: true }));
    // The console is a single-page app: every other GET is its index page.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(consoleDir, 'index.html'));
    });
  }

  app.use(errorHandler(ctx.logger));
  return { app, routes: api.routes };
}
