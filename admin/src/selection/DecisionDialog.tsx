import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Asks for the reason every decision needs (it is quoted in a rejection letter). */
export const DecisionDialog = ({
  decision, name, initialReason, onClose, onSubmit,
}: {
  decision: 'selected' | 'waitlisted' | 'rejected';
  name: string;
  initialReason?: string | null;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState(initialReason ?? '');
  const label = translate(`selection.actions.${decision === 'selected' ? 'select' : decision === 'waitlisted' ? 'waitlist' : 'reject'}`);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('selection.dialog.decide', { decision: label, name })}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={4}
          margin="dense"
          label={translate('selection.dialog.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 4000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('selection.actions.cancel')}</Button>
        <Button variant="contained" disabled={reason.trim() === ''} onClick={() => onSubmit(reason.trim())}>
          {label}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
