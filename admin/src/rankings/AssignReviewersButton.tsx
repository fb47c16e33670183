import { useState } from 'react';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { useQueryClient } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

/** Calls the idempotent `assign-reviewers` action; safe to press again after a change. */
export const AssignReviewersButton = ({ cohortId }: { cohortId: number }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [perApplication, setPerApplication] = useState('3');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await dataProvider.post(`cohorts/${cohortId}/assign-reviewers`, { per_application: Number(perApplication) });
      const a = result.assignment;
      notify('resources.rankings.assign.done', { type: 'success', messageArgs: { created: a.created, moved: a.moved, removed: a.removed } });
      if (a.unfilled?.length) notify('resources.rankings.assign.unfilled', { type: 'warning', messageArgs: { smart_count: a.unfilled.length } });
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['jury-progress', cohortId] });
      refresh();
    } catch (error: any) {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="resources.rankings.assign.button" onClick={() => setOpen(true)}><GroupAddIcon /></Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="assign-title">
        <DialogTitle id="assign-title">{translate('resources.rankings.assign.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('resources.rankings.assign.text')}</DialogContentText>
          <TextField
            autoFocus
            type="number"
            label={translate('resources.rankings.assign.per_application')}
            value={perApplication}
            onChange={(e) => setPerApplication(e.target.value)}
            slotProps={{ htmlInput: { min: 1, max: 20, step: 1 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="resources.rankings.assign.confirm" variant="contained" onClick={run} disabled={busy || !(Number(perApplication) >= 1)} />
        </DialogActions>
      </Dialog>
    </>
  );
};
