import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The page the link in a mailing opens: no login; it unsubscribes once on opening and says so. */
export const UnsubscribePage = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [answer, setAnswer] = useState<{ ok: boolean; message: string }>();
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    void fetch(`/api/unsubscribe?${new URLSearchParams({ token }).toString()}`, { headers: { Accept: 'application/json' } })
      .then(async (res) => ({ ok: res.ok, message: ((await res.json().catch(() => ({}))) as { message?: string }).message ?? res.statusText }))
      .then(setAnswer);
  }, [token]);
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ maxWidth: 480, width: '100%' }}>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h5" component="h1">{translate('app.unsubscribe.title')}</Typography>
          {!token && <Alert severity="error">{translate('app.unsubscribe.missing')}</Alert>}
          {token && !answer && <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}><CircularProgress size={24} />{translate('app.unsubscribe.working')}</Box>}
          {answer && (answer.ok
            ? <Alert severity="success" data-testid="unsubscribed">{translate('app.unsubscribe.done')}</Alert>
            : <Alert severity="error">{answer.message}</Alert>)}
        </CardContent>
      </Card>
    </Box>
  );
};
