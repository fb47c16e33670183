import { Button, Stack } from '@mui/material';
import { Confirm, useRecordContext, useTranslate } from 'react-admin';
import { useState } from 'react';
import { useRecordAction } from '../shared/useRecordAction.ts';

/** Accept or decline an incoming, still open introduction request. */
export const RespondButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const { run, isPending } = useRecordAction('introductions');
  const respond = (verb: 'accept' | 'decline') =>
    run(record!.id, verb, `resources.introductions.actions.${verb === 'accept' ? 'accepted' : 'declined'}`);
  if (!record || record.direction !== 'incoming' || record.status !== 'requested') return null;
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  return (
    <Stack direction="row" spacing={1} onClick={stop}>
      <Button size="small" variant="contained" color="success" disabled={isPending} onClick={() => setConfirming(true)}>
        {translate('resources.introductions.actions.accept')}
      </Button>
      <Button size="small" variant="outlined" color="inherit" disabled={isPending} onClick={() => respond('decline')}>
        {translate('resources.introductions.actions.decline')}
      </Button>
      <Confirm
        isOpen={confirming}
        title="resources.introductions.actions.accept"
        content={translate('resources.introductions.actions.confirm_accept', { name: record.from_organisation_name })}
        onConfirm={() => {
          setConfirming(false);
          respond('accept');
        }}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
