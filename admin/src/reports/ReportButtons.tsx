import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import LockIcon from '@mui/icons-material/Lock';
import { useState } from 'react';
import { Confirm, DeleteButton, EditButton, useRecordContext, useTranslate } from 'react-admin';
import { useRecordAction } from '../shared/useRecordAction.ts';

const stop = (e: React.MouseEvent) => e.stopPropagation();

/** Freezes a draft after a confirmation: the PDF is generated once and never changes again. */
export const IssueButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending } = useRecordAction('reports');
  if (!record || record.status !== 'draft') return null;
  return (
    <span onClick={stop}>
      <Button size="small" variant="contained" startIcon={<LockIcon />} disabled={isPending} onClick={() => setOpen(true)}>
        {translate('resources.reports.actions.issue')}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="resources.reports.actions.issue_title"
        content={translate('resources.reports.actions.issue_confirm', { title: record.title })}
        onConfirm={() => {
          setOpen(false);
          run(record.id, 'issue', 'resources.reports.actions.issued');
        }}
        onClose={() => setOpen(false)}
      />
    </span>
  );
};

/** The frozen bytes of an issued report, exactly as issued. */
export const DownloadIssuedButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.status !== 'issued') return null;
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={`/api/reports/${record.id}/pdf`} onClick={stop}>
      {translate('resources.reports.actions.download')}
    </Button>
  );
};

/** A draft (not yet issued) can be edited or deleted; an issued report is frozen for good. */
export const DraftButtons = () => {
  const record = useRecordContext();
  if (!record || record.status !== 'draft') return null;
  return (
    <span onClick={stop}>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" redirect={false} />
    </span>
  );
};
