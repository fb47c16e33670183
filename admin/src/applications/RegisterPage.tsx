import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Link, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, useLocaleState, useTranslate } from 'react-admin';

const FIELDS = ['organisation_name', 'name', 'email', 'password'] as const;

/** Public: a new organisation and its first login (POST /api/auth/register), then the mailed confirmation link. */
export const RegisterPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [values, setValues] = useState<Record<string, string>>({ organisation_name: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<{ ok: boolean; message: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const res = await fetch('/api/auth/register', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ...values, locale }),
      });
      const json = await res.json().catch(() => ({}));
      setErrors(json.errors ?? {});
      setAnswer({ ok: res.ok, message: res.ok ? translate('register.done') : json.message ?? res.statusText });
    } catch (e: any) {
      setAnswer({ ok: false, message: e.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ maxWidth: 480, width: '100%' }}>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h5" component="h1">{translate('register.title')}</Typography>
          <Typography>{translate('register.intro')}</Typography>
          {answer && <Alert severity={answer.ok ? 'success' : 'error'}>{answer.message}</Alert>}
          {!answer?.ok && FIELDS.map((f) => (
            <TextField
              key={f}
              required
              label={translate(`register.${f}`)}
              type={f === 'password' ? 'password' : f === 'email' ? 'email' : 'text'}
              autoComplete={f === 'password' ? 'new-password' : f === 'email' ? 'email' : f === 'name' ? 'name' : 'organization'}
              value={values[f]}
              onChange={(e) => setValues({ ...values, [f]: e.target.value })}
              error={!!errors[f]}
              helperText={errors[f]}
            />
          ))}
          {!answer?.ok && <Button type="submit" variant="contained" disabled={busy}>{translate('register.submit')}</Button>}
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Link href="#/login">{translate('register.back')}</Link>
            <LocalesMenuButton />
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
