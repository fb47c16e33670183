import type { PageDef } from './registry.tsx';
import { RegisterPage } from './applications/RegisterPage.tsx';
import { accountPages } from './account/index.tsx';

/**
 * Pages anyone may open without logging in (registration, password reset). They are loaded with
 * the login page, so keep them small.
 */
export const publicPages: PageDef[] = [
  { path: '/register', roles: 'public', element: <RegisterPage />, noLayout: true },
  ...accountPages,
];
