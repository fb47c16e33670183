import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** `datetime-local` value in Europe/Berlin for an ISO instant, and back. */
const berlinLocal = (iso: string | null) => {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return parts.replace(' ', 'T');
};
const fromBerlinLocal = (local: string) => {
  // The offset Berlin has at that wall-clock time (CET +01:00 or CEST +02:00).
  const guess = new Date(`${local}:00Z`);
  const inBerlin = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/Berlin' }));
  const inUtc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (inBerlin.getTime() - inUtc.getTime())).toISOString();
};

export const InterviewDialog = ({
  name, interviewAt, notes, onClose, onSubmit,
}: {
  name: string;
  interviewAt: string | null;
  notes: string | null;
  onClose: () => void;
  onSubmit: (body: { interview_at: string; interview_notes: string | null }) => void;
}) => {
  const translate = useTranslate();
  const [at, setAt] = useState(berlinLocal(interviewAt));
  const [text, setText] = useState(notes ?? '');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('selection.dialog.interview', { name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField type="datetime-local" label={translate('selection.dialog.interview_at')} value={at} onChange={(e) => setAt(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField multiline minRows={5} label={translate('selection.dialog.interview_notes')} value={text} onChange={(e) => setText(e.target.value)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('selection.actions.cancel')}</Button>
        <Button variant="contained" disabled={!at} onClick={() => onSubmit({ interview_at: fromBerlinLocal(at), interview_notes: text.trim() || null })}>
          {translate('selection.actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
