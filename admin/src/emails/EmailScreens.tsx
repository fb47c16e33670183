import { useState } from 'react';
import { Alert, Button } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import {
  DataTable, List, NumberField, SearchInput, SelectInput, Show, SimpleShowLayout, TextField,
  useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { LABELS } from '../../../backend/src/shared/labels.ts';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const STATUSES = ['queued', 'sent', 'failed'] as const;
/** Messages whose link logs someone in: the API returns them with the token masked. */
const WITH_LINK = ['password_reset', 'register_confirm'];

const useEmailFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <SelectInput source="status" choices={enumChoices(translate, 'email_status', STATUSES)} alwaysOn key="status" />,
    <SelectInput source="template" key="template" choices={enumChoices(translate, 'email_template', Object.keys(LABELS.email_template))} />,
  ];
};

/** The outbox: what the system sent, will send, or gave up on (read-only). */
export const EmailList = () => {
  const translate = useTranslate();
  return (
    <List filters={useEmailFilters()} sort={{ field: 'id', order: 'DESC' }} exporter={false}
      aside={undefined} title={translate('resources.emails.name', { smart_count: 2 })}>
      <Alert severity="info" sx={{ m: 1 }}>{translate('resources.emails.no_smtp')}</Alert>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        <DataTable.Col source="to" />
        <DataTable.Col source="subject" />
        <DataTable.Col source="template"><EnumField source="template" enumName="email_template" /></DataTable.Col>
        <DataTable.Col source="status"><EnumField source="status" enumName="email_status" chip /></DataTable.Col>
        <DataTable.NumberCol source="attempts" />
        <DataTable.Col source="sent_at"><DateTimeField source="sent_at" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};

/** Says why the link in an account message reads `token=••••••••`. */
const MaskedLinkNote = () => {
  const record = useRecordContext<{ template: string }>();
  const translate = useTranslate();
  if (!record || !WITH_LINK.includes(record.template)) return null;
  return <Alert severity="info">{translate('resources.emails.masked_link')}</Alert>;
};

const errorMessage = (e: any): string => e?.body?.message ?? e?.message ?? 'ra.notification.http_error';

/** A failed message: the mail server's answer, and "Resend" (the same message, queued again). */
const FailedActions = () => {
  const record = useRecordContext<{ id: number; status: string }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'failed') return null;
  const resend = async () => {
    setBusy(true);
    try {
      await dataProvider.action('emails', record.id, 'resend');
      notify('resources.emails.resent', { type: 'success' });
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Alert severity="warning" action={
      <Button color="inherit" size="small" startIcon={<ReplayIcon />} disabled={busy} onClick={resend}>{translate('resources.emails.resend')}</Button>
    }>
      {translate('resources.emails.failed_note')}
    </Alert>
  );
};

export const EmailShow = () => (
  <Show>
    <SimpleShowLayout>
      <FailedActions />
      <MaskedLinkNote />
      <TextField source="to" />
      <TextField source="subject" />
      <EnumField source="template" enumName="email_template" />
      <EnumField source="status" enumName="email_status" chip />
      <NumberField source="attempts" />
      <DateTimeField source="created_at" />
      <DateTimeField source="next_attempt_at" />
      <DateTimeField source="sent_at" />
      <TextField source="last_error" />
      <TextField source="body" component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} />
    </SimpleShowLayout>
  </Show>
);
