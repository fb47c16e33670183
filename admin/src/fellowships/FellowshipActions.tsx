import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { Confirm, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useRecordAction } from '../shared/useRecordAction.ts';

/** Stage-gate approval (staff) and ending a fellowship early (staff or the fellow), on the show page. */
export const FellowshipActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const [approving, setApproving] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const { run, isPending } = useRecordAction('fellowships');
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
          run(record.id, 'approve-stage-gate', 'resources.fellowships.actions.approved');
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
              run(record.id, 'withdraw', 'resources.fellowships.actions.withdrawn', { reason: reason.trim() });
            }}
          >
            {translate('resources.fellowships.actions.withdraw')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
