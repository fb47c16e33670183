import type { PageDef } from '../registry.tsx';
import { lazyScreen } from '../shared/lazyScreen.tsx';

const ConfirmRegistrationPage = lazyScreen(() => import('./AccountPages.tsx'), (m) => m.ConfirmRegistrationPage);
const ForgotPasswordPage = lazyScreen(() => import('./AccountPages.tsx'), (m) => m.ForgotPasswordPage);
const ResetPasswordPage = lazyScreen(() => import('./AccountPages.tsx'), (m) => m.ResetPasswordPage);

/** Public pages the login page and the account e-mails link to (backend/src/auth/account-emails.ts). */
export const accountPages: PageDef[] = [
  { path: '/password-reset', roles: 'public', element: <ForgotPasswordPage />, noLayout: true },
  { path: '/password-reset/confirm', roles: 'public', element: <ResetPasswordPage />, noLayout: true },
  { path: '/register/confirm', roles: 'public', element: <ConfirmRegistrationPage />, noLayout: true },
];

const AccountSettingsPage = lazyScreen(() => import('./AccountSettings.tsx'), (m) => m.AccountSettingsPage);

/** "My account" (user menu): every logged-in role sets the language of the console and of their messages. */
export const accountSettingsPage: PageDef = { path: '/account', roles: ['admin', 'staff', 'jury', 'coach', 'applicant'], element: <AccountSettingsPage /> };
