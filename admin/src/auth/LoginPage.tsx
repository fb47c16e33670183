import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Avatar, Box, Button, Card, CardContent, CircularProgress, Link, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { LocalesMenuButton, useCheckAuth, useLogin, useNavigate, useNotify, useTranslate } from 'react-admin';
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
 * E-mail and password, signed in through the authProvider. Two plain fields rather than
 * react-admin's LoginForm: that one brings react-hook-form into the login page, which no other
 * part of the sign-in needs (it loads with the first form a user opens).
 */
const SignInForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await login({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error', { type: 'error', messageArgs: { _: error instanceof Error ? error.message : undefined } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 300 }}>
      <TextField name="email" type="email" label={translate('ra.auth.username')} autoComplete="username" autoFocus required fullWidth />
      <TextField name="password" type="password" label={translate('ra.auth.password')} autoComplete="current-password" required fullWidth />
      <Button type="submit" variant="contained" disabled={busy} fullWidth startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
        {translate('ra.auth.sign_in')}
      </Button>
    </CardContent>
  );
};

/**
 * Someone who starts typing will log in: fetch the screens' chunk now, while they type, instead of
 * after the click. Not on focus: the e-mail field is focused on load, and the login page itself
 * loads none of the screens.
 */
const prefetchScreens = () => void loadFeatures();

/**
 * The login page, drawn here rather than with react-admin's `<Login>`, which imports its own form
 * (react-hook-form and the form inputs) even when given another.
 * The login form plus the way in for new organisations and for forgotten passwords. */
export const LoginPage = () => {
  const translate = useTranslate();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  useEffect(() => {
    // Already signed in (another tab, a bookmark of #/login): straight to the console.
    checkAuth({}, false).then(() => navigate('/'), () => undefined);
  }, [checkAuth, navigate]);
  return (
    <Box
      onInputCapture={prefetchScreens}
      sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh', alignItems: 'center', justifyContent: 'flex-start', bgcolor: 'background.default' }}
    >
      <Card sx={{ minWidth: 300, maxWidth: 420, mt: '6em' }}>
        <Box sx={{ m: '1em', display: 'flex', justifyContent: 'center' }}>
          <Avatar sx={{ bgcolor: 'secondary.main' }}><LockIcon /></Avatar>
        </Box>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1">{translate('app.title')}</Typography>
      </Box>
      <Unconfirmed />
      <SignInForm />
      <Box sx={{ px: 2, pb: 2, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'center' }}>
        <Link href="#/register">{translate('app.auth.register_link')}</Link>
        <Link href="#/password-reset">{translate('app.auth.forgot_link')}</Link>
        <LocalesMenuButton />
      </Box>
      </Card>
    </Box>
  );
};
