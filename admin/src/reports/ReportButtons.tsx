import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import LockIcon from '@mui/icons-material/Lock';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, DeleteButton, EditButton, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

const stop = (e: React.MouseEvent) => e.stopPropagation();

/** Freezes a draft after a confirmation: the PDF is generated once and never changes again. */
export const IssueButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.action('reports', record!.id, 'issue', {}),
    onSuccess: () => {
      notify('resources.reports.actions.issued', { type: 'success' });
      refresh();
    },
    onError: (error: any) => {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
      refresh();
    },
  });
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
          mutate();
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
