import type { Express } from 'express';
import type { DatabaseHandle, Db } from '../../src/db/database.ts';
import type { RouteDef } from '../../src/http/api-router.ts';
import type { AppContext } from '../../src/http/context.ts';
import type { Config } from '../../src/config.ts';

/** Filled by the root hooks before any test runs. */
export const testContext = {} as {
  handle: DatabaseHandle;
  /** The run's own PostgreSQL database; undefined on PGlite. */
  databaseUrl?: string;
  db: Db;
  app: Express;
  routes: RouteDef[];
  config: Config;
  appContext: AppContext;
};
