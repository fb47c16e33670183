import { useState } from 'react';
import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { Confirm, useDataProvider, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import type { AppDataProvider } from '../dataProvider.ts';

/**
 * A seat offered after the release (someone ahead withdrew): the organisation accepts it, which
 * starts its fellowship, or declines it with a reason, which passes it to the next on the waitlist.
 */
export const OfferPanel = ({ applicationId, onDone }: { applicationId: number; onDone: (message: { severity: 'success' | 'info' | 'error'; text: string }) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (action: 'accept-offer' | 'decline-offer', body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      await dataProvider.action('applications', applicationId, action, body);
      onDone({ severity: action === 'accept-offer' ? 'success' : 'info', text: translate(done) });
      await queryClient.invalidateQueries();
    } catch (e: any) {
      onDone({ severity: 'error', text: e?.body?.errors?.reason ?? e.message });
    } finally {
      setBusy(false);
      setAccepting(false);
      setDeclining(false);
    }
  };
  return (
    <Alert severity="success" variant="outlined">
      <AlertTitle>{translate('application_form.offer.title')}</AlertTitle>
      {translate('application_form.offer.text')}
      <Stack direction="row" spacing={2} sx={{ mt: 1.5 }}>
        <Button variant="contained" color="success" disabled={busy} onClick={() => setAccepting(true)}>{translate('application_form.offer.accept')}</Button>
        <Button variant="outlined" color="error" disabled={busy} onClick={() => setDeclining(true)}>{translate('application_form.offer.decline')}</Button>
      </Stack>
      <Confirm
        isOpen={accepting}
        title="application_form.offer.accept"
        content="application_form.offer.accept_confirm"
        onConfirm={() => run('accept-offer', {}, 'application_form.offer.accepted')}
        onClose={() => setAccepting(false)}
      />
      <Dialog open={declining} onClose={() => setDeclining(false)} aria-labelledby="decline-offer-title" fullWidth maxWidth="sm">
        <DialogTitle id="decline-offer-title">{translate('application_form.offer.decline')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{translate('application_form.offer.decline_text')}</Typography>
          <TextField
            label={translate('application_form.offer.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            required
            slotProps={{ htmlInput: { maxLength: 4000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeclining(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || !reason.trim()} onClick={() => run('decline-offer', { reason: reason.trim() }, 'application_form.offer.declined')}>
            {translate('application_form.offer.decline')}
          </Button>
        </DialogActions>
      </Dialog>
    </Alert>
  );
};
