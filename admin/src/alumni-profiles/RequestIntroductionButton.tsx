import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useCreate, useNotify, useRefresh, useTranslate } from 'react-admin';

/** An alumnus asks to be introduced to another (visible) alumni organisation. */
export const RequestIntroductionButton = ({ organisationId, organisationName }: { organisationId: number; organisationName: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [create, { isPending }] = useCreate();
  const send = () =>
    create(
      'introductions',
      { data: { to_organisation_id: organisationId, message } },
      {
        onSuccess: () => {
          notify('resources.alumni-profiles.introduce.sent', { type: 'success' });
          setOpen(false);
          setMessage('');
          refresh();
        },
        onError: (error: any) => notify(error?.message ?? 'ra.notification.http_error', { type: 'error' }),
      },
    );
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {translate('resources.alumni-profiles.introduce.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.alumni-profiles.introduce.title', { name: organisationName })}</DialogTitle>
        <DialogContent>
          <MuiTextField
            autoFocus
            multiline
            minRows={4}
            fullWidth
            margin="dense"
            label={translate('resources.alumni-profiles.introduce.message')}
            helperText={translate('resources.alumni-profiles.introduce.message_help')}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={isPending || !message.trim()} onClick={send}>
            {translate('resources.alumni-profiles.introduce.send')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
