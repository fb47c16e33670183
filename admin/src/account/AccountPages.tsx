import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Same-origin JSON POST; the server's German/English message is shown as it is. */
async function postJson(path: string, body: unknown): Promise<{ ok: boolean; message: string; errors?: Record<string, string> }> {
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  return { ok: res.ok, message: json.message ?? res.statusText, errors: json.errors };
}

const Frame = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
    <Card sx={{ maxWidth: 440, width: '100%' }}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h5" component="h1">{title}</Typography>
        {children}
      </CardContent>
    </Card>
  </Box>
);

export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<{ ok: boolean; message: string }>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnswer(await postJson('/auth/password-reset', { email }));
  };
  return (
    <Frame title={translate('account.forgot_title')}>
      <Typography>{translate('account.forgot_intro')}</Typography>
      {answer && <Alert severity={answer.ok ? 'success' : 'error'}>{answer.message}</Alert>}
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <TextField type="email" required label={translate('account.email')} value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        <Button type="submit" variant="contained">{translate('account.send')}</Button>
      </Box>
      <Button component={Link} to="/login">{translate('account.to_login')}</Button>
    </Frame>
  );
};

export const ResetPasswordPage = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [answer, setAnswer] = useState<{ ok: boolean; message: string; errors?: Record<string, string> }>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnswer(await postJson('/auth/password-reset/confirm', { token, password }));
  };
  if (!token) return <Frame title={translate('account.reset_title')}><Alert severity="error">{translate('account.missing_token')}</Alert></Frame>;
  return (
    <Frame title={translate('account.reset_title')}>
      {answer?.ok ? (
        <>
          <Alert severity="success">{translate('account.saved')}</Alert>
          <Button component={Link} to="/login" variant="contained">{translate('account.to_login')}</Button>
        </>
      ) : (
        <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {answer && <Alert severity="error">{answer.message}</Alert>}
          <TextField
            type="password" required label={translate('account.password')} value={password} autoComplete="new-password"
            onChange={(e) => setPassword(e.target.value)}
            error={!!answer?.errors?.password} helperText={answer?.errors?.password ?? translate('account.password_hint')}
          />
          <Button type="submit" variant="contained">{translate('account.save')}</Button>
        </Box>
      )}
    </Frame>
  );
};

export const ConfirmRegistrationPage = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [answer, setAnswer] = useState<{ ok: boolean; message: string }>();
  const sent = useRef(false);
  useEffect(() => {
    // The token is single-use: confirm exactly once, even under React's double effects.
    if (!token || sent.current) return;
    sent.current = true;
    void postJson('/auth/register/confirm', { token }).then(setAnswer);
  }, [token]);
  return (
    <Frame title={translate('account.confirm_title')}>
      {!token && <Alert severity="error">{translate('account.missing_token')}</Alert>}
      {token && !answer && (<Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}><CircularProgress size={24} />{translate('account.confirming')}</Box>)}
      {answer && (answer.ok
        // A full page load, so the console starts with the new session.
        ? (<><Alert severity="success">{translate('account.confirmed')}</Alert><Button href="/" variant="contained">{translate('account.to_console')}</Button></>)
        : (<><Alert severity="error">{answer.message}</Alert><Button component={Link} to="/login">{translate('account.to_login')}</Button></>))}
    </Frame>
  );
};
