import type { PageDef } from './registry.tsx';
import { lazyScreen } from './shared/lazyScreen.tsx';
import { accountPages } from './account/index.tsx';
import { unsubscribePage } from './mailings/index.tsx';

/**
 * Pages anyone may open without logging in (registration, password reset). Each is its own chunk,
 * fetched when opened: the login page does not carry them.
 */
const RegisterPage = lazyScreen(() => import('./applications/RegisterPage.tsx'), (m) => m.RegisterPage);

export const publicPages: PageDef[] = [
  { path: '/register', roles: 'public', element: <RegisterPage />, noLayout: true },
  ...accountPages,
  unsubscribePage,
];
