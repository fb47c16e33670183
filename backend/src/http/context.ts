import type { Db } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { Role } from '../db/schema.ts';
import type { Logger } from 'pino';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisation_id: number | null;
  locale: 'de' | 'en';
  session_id: string;
}

/** What every handler and service gets: the database, the caller and the settings. */
export interface AppContext {
  db: Db;
  config: Config;
  logger: Logger;
  engine: 'postgres' | 'pglite';
}

/** A background job (outbox delivery, retention): jobs.ts runs each on its interval. */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  run: (ctx: AppContext) => Promise<void>;
}

export interface RequestContext extends AppContext {
  user: SessionUser | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser | null;
  }
}


export const isStaff = (user: SessionUser | null): boolean => user?.role === 'admin' || user?.role === 'staff';
