import { useState } from 'react';
import { Button } from '@mui/material';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Confirm, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useRecordAction } from '../shared/useRecordAction.ts';

/**
 * DSGVO: an admin removes the personal data of a rejected applicant once the retention period is
 * over. The server decides whether it may (and says why not); the confirmation says what goes.
 */
export const AnonymiseButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'organisations', action: 'anonymise' });
  const { run, isPending } = useRecordAction('organisations');
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
          run(record.id, 'anonymise', 'resources.organisations.anonymise.done');
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
