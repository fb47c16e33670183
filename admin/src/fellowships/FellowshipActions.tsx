import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

/** Stage-gate approval (staff) and ending a fellowship early (staff or the fellow), on the show page. */
export const FellowshipActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [approving, setApproving] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const { mutate, isPending } = useMutation({
    mutationFn: ({ verb, body }: { verb: string; body: unknown }) => dataProvider.action('fellowships', record!.id, verb, body),
    onSuccess: (_d, { verb }) => {
      notify(verb === 'withdraw' ? 'resources.fellowships.actions.withdrawn' : 'resources.fellowships.actions.approved', { type: 'success' });
      refresh();
    },
    onError: (error: any) => notify(error?.message ?? 'ra.notification.http_error', { type: 'error' }),
  });
  if (!record || record.status !== 'active') return null;
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <Stack direction="row" spacing={1}>
      {staff && record.stage === 1 && (
        <Button variant="contained" disabled={isPending || record.transfer_concept_status !== 'achieved'} onClick={() => setApproving(true)}>
          {translate('resources.fellowships.actions.approve_stage_gate')}
        </Button>
      )}
      {(staff || permissions === 'applicant') && (
        <Button color="error" variant="outlined" disabled={isPending} onClick={() => setWithdrawing(true)}>
          {translate('resources.fellowships.actions.withdraw')}
        </Button>
      )}
      <Confirm
        isOpen={approving}
        title="resources.fellowships.actions.approve_stage_gate"
        content={translate('resources.fellowships.actions.approve_confirm', { name: record.organisation_name })}
        onConfirm={() => {
          setApproving(false);
          mutate({ verb: 'approve-stage-gate', body: {} });
        }}
        onClose={() => setApproving(false)}
      />
      <Dialog open={withdrawing} onClose={() => setWithdrawing(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.fellowships.actions.withdraw')}: {record.organisation_name}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline minRows={3} margin="dense" label={translate('resources.fellowships.actions.withdraw_reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setWithdrawing(false)}>{translate('selection.actions.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            disabled={reason.trim() === ''}
            onClick={() => {
              setWithdrawing(false);
              mutate({ verb: 'withdraw', body: { reason: reason.trim() } });
            }}
          >
            {translate('resources.fellowships.actions.withdraw')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
