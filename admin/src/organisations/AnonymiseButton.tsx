import { useState } from 'react';
import { Button } from '@mui/material';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

/**
 * DSGVO: an admin removes the personal data of a rejected applicant once the retention period is
 * over. The server decides whether it may (and says why not); the confirmation says what goes.
 */
export const AnonymiseButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'organisations', action: 'anonymise' });
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.action('organisations', record!.id, 'anonymise', {}),
    onSuccess: () => {
      notify('resources.organisations.anonymise.done', { type: 'success' });
      refresh();
    },
    onError: (error: any) => notify(error?.body?.message ?? error?.message ?? 'ra.notification.http_error', { type: 'error' }),
  });
  if (!record || !canAccess || record.anonymised_at) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<PersonOffIcon />} disabled={isPending} onClick={() => setOpen(true)}>
        {translate('resources.organisations.anonymise.button')}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={translate('resources.organisations.anonymise.title', { name: record.name })}
        content="resources.organisations.anonymise.confirm"
        confirm="resources.organisations.anonymise.button"
        onConfirm={() => {
          setOpen(false);
          mutate();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
