import type { PageDef } from './registry.tsx';

/**
 * Pages anyone may open without logging in (registration, password reset). They are loaded with
 * the login page, so keep them small.
 */
export const publicPages: PageDef[] = [];
