import { Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useState } from 'react';
import type { AppDataProvider } from '../dataProvider.ts';

/** Accept or decline an incoming, still open introduction request. */
export const RespondButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (verb: 'accept' | 'decline') => dataProvider.action('introductions', record!.id, verb, {}),
    onSuccess: (_data, verb) => {
      notify(`resources.introductions.actions.${verb === 'accept' ? 'accepted' : 'declined'}`, { type: 'success' });
      refresh();
    },
    onError: (error: any) => {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
      refresh();
    },
  });
  if (!record || record.direction !== 'incoming' || record.status !== 'requested') return null;
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  return (
    <Stack direction="row" spacing={1} onClick={stop}>
      <Button size="small" variant="contained" color="success" disabled={isPending} onClick={() => setConfirming(true)}>
        {translate('resources.introductions.actions.accept')}
      </Button>
      <Button size="small" variant="outlined" color="inherit" disabled={isPending} onClick={() => mutate('decline')}>
        {translate('resources.introductions.actions.decline')}
      </Button>
      <Confirm
        isOpen={confirming}
        title="resources.introductions.actions.accept"
        content={translate('resources.introductions.actions.confirm_accept', { name: record.from_organisation_name })}
        onConfirm={() => {
          setConfirming(false);
          mutate('accept');
        }}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
