import type { PageDef } from '../registry.tsx';
import { ConfirmRegistrationPage, ForgotPasswordPage, ResetPasswordPage } from './AccountPages.tsx';

/** Public pages the login page and the account e-mails link to (backend/src/auth/account-emails.ts). */
export const accountPages: PageDef[] = [
  { path: '/password-reset', roles: 'public', element: <ForgotPasswordPage />, noLayout: true },
  { path: '/password-reset/confirm', roles: 'public', element: <ResetPasswordPage />, noLayout: true },
  { path: '/register/confirm', roles: 'public', element: <ConfirmRegistrationPage />, noLayout: true },
];
