import { useEffect, useState } from 'react';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import ScienceIcon from '@mui/icons-material/Science';
import {
  BooleanField, Confirm, DataTable, EditButton, ListBase, NumberField, Pagination, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar,
  useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import type { MailingPreview, MailingRecipient } from '../../../backend/src/mailings/mailings.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

interface MailingRecord {
  id: number;
  status: 'draft' | 'sending' | 'sent';
  recipient_count: number | null;
  skipped_count: number | null;
}

const errorMessage = (e: any): string => e?.body?.message ?? e?.message ?? 'ra.notification.http_error';

/** Everyone the audience names now; opted-out people are listed and marked (they are skipped). */
const Recipients = () => {
  const record = useRecordContext<MailingRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="mailing-recipients">
      <Typography variant="h6" component="h2">{translate('resources.mailings.recipients')}</Typography>
      <ListBase resource={`mailings/${record.id}/recipients`} disableSyncWithLocation perPage={25} sort={{ field: 'name', order: 'ASC' }}>
        <ResponsiveDataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="name" label="resources.mailings.recipient.name" />
          <DataTable.Col source="email" label="resources.mailings.recipient.email" />
          <DataTable.Col source="organisation_name" label="resources.mailings.recipient.organisation_name" />
          <DataTable.Col source="locale" label="resources.mailings.recipient.locale"><EnumField source="locale" enumName="locale" /></DataTable.Col>
          <DataTable.Col source="mail_opt_out" label="resources.mailings.recipient.mail_opt_out"><BooleanField source="mail_opt_out" /></DataTable.Col>
        </ResponsiveDataTable>
        <Pagination rowsPerPageOptions={[25]} />
      </ListBase>
    </Box>
  );
};

/** The first page of recipients, for the preview picker and the send dialog's count. */
function useRecipients(id: number | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [recipients, setRecipients] = useState<MailingRecipient[]>([]);
  const [total, setTotal] = useState<{ all: number; skipped: number } | null>(null);
  useEffect(() => {
    if (!id) return;
    const resource = `mailings/${id}/recipients`;
    const page = { page: 1, perPage: 100 };
    void Promise.all([
      dataProvider.getList<MailingRecipient>(resource, { pagination: page, sort: { field: 'name', order: 'ASC' }, filter: {} }),
      dataProvider.getList<MailingRecipient>(resource, { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: { mail_opt_out: true } }),
    ]).then(([all, skipped]) => {
      setRecipients(all.data);
      setTotal({ all: all.total ?? all.data.length, skipped: skipped.total ?? 0 });
    });
  }, [id, dataProvider]);
  return { recipients, total };
}

/** The message as a chosen recipient gets it (text as sent, HTML for reading). */
const PreviewPanel = ({ recipients }: { recipients: MailingRecipient[] }) => {
  const record = useRecordContext<MailingRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [userId, setUserId] = useState<number | ''>('');
  const [preview, setPreview] = useState<MailingPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!record) return;
    let stale = false;
    dataProvider.action('mailings', record.id, 'preview', userId === '' ? {} : { user_id: userId })
      .then(({ data }) => { if (!stale) { setPreview(data as MailingPreview); setError(null); } })
      .catch((e) => { if (!stale) setError(errorMessage(e)); });
    return () => { stale = true; };
  }, [record, userId, dataProvider]);
  if (!record) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} aria-live="polite" data-testid="mailing-preview">
      <Typography variant="h6" component="h2">{translate('resources.mailings.preview.title')}</Typography>
      <MuiTextField select size="small" sx={{ minWidth: 320, my: 1 }} label={translate('resources.mailings.preview.recipient')}
        value={userId} onChange={(e) => setUserId(e.target.value === '' ? '' : Number(e.target.value))} slotProps={{ htmlInput: { 'data-testid': 'preview-recipient' } }}>
        <MenuItem value="">{translate('resources.mailings.preview.first')}</MenuItem>
        {recipients.map((r) => <MenuItem key={r.id} value={r.id}>{`${r.name} <${r.email}>`}</MenuItem>)}
      </MuiTextField>
      {error && <Alert severity="error">{error}</Alert>}
      {preview && (
        <>
          <Typography variant="body2" color="text.secondary">{preview.to ?? translate('resources.mailings.preview.sample')}</Typography>
          <Typography variant="subtitle1" data-testid="preview-subject">{preview.subject}</Typography>
          <Box component="pre" data-testid="preview-text" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 14 }}>{preview.text}</Box>
        </>
      )}
    </Paper>
  );
};

/** Test to oneself, and the one send, after a dialog that names how many get it and how many are skipped. */
const MailingActions = ({ total }: { total: { all: number; skipped: number } | null }) => {
  const record = useRecordContext<MailingRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const test = async () => {
    try {
      const { data } = await dataProvider.action('mailings', record.id, 'test');
      notify('resources.mailings.test_sent', { type: 'info', messageArgs: { to: (data as { to: string }).to } });
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
  };
  const send = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.action('mailings', record.id, 'send');
      const result = data as { recipient_count: number; skipped_count: number };
      notify('resources.mailings.sent', { type: 'success', messageArgs: { count: result.recipient_count, skipped: result.skipped_count } });
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
      refresh();
    }
  };
  const count = total ? total.all - total.skipped : 0;
  return (
    <Stack direction="row" sx={{ gap: 1 }}>
      <Button startIcon={<ScienceIcon />} onClick={test}>{translate('resources.mailings.test')}</Button>
      {record.status === 'draft' && (
        <Button variant="contained" startIcon={<SendIcon />} onClick={() => setOpen(true)} disabled={!total || count === 0 || busy}>{translate('resources.mailings.send')}</Button>
      )}
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.mailings.send_title"
        content={translate('resources.mailings.send_confirm', { count, skipped: total?.skipped ?? 0 })}
        confirm="resources.mailings.send"
        onConfirm={send}
        onClose={() => setOpen(false)}
      />
    </Stack>
  );
};

const ShowActions = ({ total }: { total: { all: number; skipped: number } | null }) => {
  const record = useRecordContext<MailingRecord>();
  return (
    <TopToolbar>
      <MailingActions total={total} />
      {record?.status === 'draft' && <EditButton />}
    </TopToolbar>
  );
};

const Body = () => {
  const record = useRecordContext<MailingRecord>();
  const { recipients, total } = useRecipients(record?.id);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <ShowActions total={total} />
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="audience.kind" enumName="mailing_audience" label="resources.mailings.fields.audience.kind" />
        <ReferenceField source="audience.cohort_id" reference="cohorts" label="resources.mailings.fields.audience.cohort_id" emptyText={translate('resources.mailings.all_cohorts')} />
        <EnumField source="audience.status" enumName="application_status" label="resources.mailings.fields.audience.status" />
        <EnumField source="status" enumName="mailing_status" chip />
        <NumberField source="recipient_count" />
        <NumberField source="skipped_count" />
        <DateTimeField source="sent_at" />
        <TextField source="created_by_name" />
        <TextField source="subject" />
      </SimpleShowLayout>
      {total && record.status === 'draft' && (
        <Alert severity="info" sx={{ mx: 2 }} data-testid="mailing-count">{translate('resources.mailings.count', { count: total.all - total.skipped, skipped: total.skipped })}</Alert>
      )}
      <Box sx={{ px: 2, pb: 2 }}>
        <PreviewPanel recipients={recipients} />
        <Recipients />
      </Box>
    </>
  );
};

export const MailingShow = () => (
  <Show actions={false}>
    <Body />
  </Show>
);
