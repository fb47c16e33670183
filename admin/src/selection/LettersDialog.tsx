import { Alert, Box, Chip, Dialog, DialogContent, DialogTitle, Divider, Stack, Typography, Button, DialogActions } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLetters } from './api.ts';

/** Every decision letter exactly as the release sends it, for staff to read before releasing. */
export const LettersDialog = ({ cohortId, onClose }: { cohortId: number; onClose: () => void }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useLetters(cohortId, true);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" scroll="paper">
      <DialogTitle>{translate('selection.dialog.letters')}</DialogTitle>
      <DialogContent dividers>
        {isPending && <Typography>…</Typography>}
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {data?.length === 0 && <Typography>{translate('app.empty')}</Typography>}
        <Stack spacing={2} divider={<Divider flexItem />}>
          {data?.map((letter) => (
            <Box key={letter.application_id}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                <Chip size="small" label={translate(`enums.email_template.${letter.template}`)} color={letter.status === 'selected' ? 'success' : letter.status === 'waitlisted' ? 'warning' : 'default'} />
                <Typography variant="subtitle2">{letter.organisation_name}</Typography>
              </Stack>
              <Typography variant="body2" color={letter.to ? 'text.secondary' : 'error'}>
                {translate('selection.dialog.to')}: {letter.to ?? translate('selection.dialog.no_recipient')}
              </Typography>
              <Typography variant="subtitle1" sx={{ mt: 1 }}>{letter.subject}</Typography>
              <Typography variant="body2" component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{letter.body}</Typography>
            </Box>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
