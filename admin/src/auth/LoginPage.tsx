import { useEffect, useState } from 'react';
import { Alert, Box, Button, Link, Typography } from '@mui/material';
import { Login, LoginForm, LocalesMenuButton, useTranslate } from 'react-admin';
import { loadFeatures } from '../featuresContext.tsx';
import { UNCONFIRMED_EVENT, type UnconfirmedLogin } from './authProvider.ts';

/** "Please confirm your e-mail" with a link to send the confirmation again (needs the same password). */
const Unconfirmed = () => {
  const translate = useTranslate();
  const [login, setLogin] = useState<UnconfirmedLogin>();
  const [sent, setSent] = useState<string>();
  useEffect(() => {
    const show = (e: Event) => {
      setLogin((e as CustomEvent<UnconfirmedLogin>).detail);
      setSent(undefined);
    };
    window.addEventListener(UNCONFIRMED_EVENT, show);
    return () => window.removeEventListener(UNCONFIRMED_EVENT, show);
  }, []);
  if (!login) return null;
  const resend = async () => {
    const res = await fetch('/api/auth/register/resend', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: login.email, password: login.password }),
    });
    const json = await res.json().catch(() => ({}));
    setSent(json.message ?? res.statusText);
  };
  return (
    <Box sx={{ px: 2 }}>
      <Alert severity="warning" data-testid="unconfirmed">
        {sent ?? translate('app.auth.unconfirmed')}
        {!sent && <Box><Button size="small" onClick={resend}>{translate('app.auth.resend_link')}</Button></Box>}
      </Alert>
    </Box>
  );
};

/**
 * Someone who starts typing will log in: fetch the screens' chunk now, while they type, instead of
 * after the click. Not on focus: the e-mail field is focused on load, and the login page itself
 * loads none of the screens.
 */
const prefetchScreens = () => void loadFeatures();

/** The login form plus the way in for new organisations and for forgotten passwords. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login onInputCapture={prefetchScreens}>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1">{translate('app.title')}</Typography>
      </Box>
      <Unconfirmed />
      <LoginForm />
      <Box sx={{ px: 2, pb: 2, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'center' }}>
        <Link href="#/register">{translate('app.auth.register_link')}</Link>
        <Link href="#/password-reset">{translate('app.auth.forgot_link')}</Link>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
