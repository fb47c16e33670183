import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import RestoreIcon from '@mui/icons-material/Restore';
import {
  AutocompleteInput, Confirm, Edit, ReferenceInput, SaveButton, SimpleForm, TextInput, Toolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { AppDataProvider } from '../dataProvider.ts';

interface TemplateRecord {
  id: number;
  key: string;
  locale: 'de' | 'en';
  subject: string;
  body: string;
  merge_fields: string[];
  required_fields: string[];
  /** The resource a preview can be filled from (applications, users, grantee-reports, …). */
  record_kind: string;
}

interface Preview {
  subject: string;
  text: string;
  html: string;
}

/** The merge fields of this message; a click adds one at the end of the text. Required ones are marked. */
const MergeFieldChips = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  if (!record) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="caption" component="div" color="text.secondary">{translate('resources.email-templates.merge_fields')}</Typography>
      <Stack direction="row" sx={{ mt: 0.5, flexWrap: 'wrap', gap: 1 }}>
        {record.merge_fields.map((field) => {
          const required = record.required_fields.includes(field);
          return (
            <Chip
              key={field}
              size="small"
              label={`{{${field}}}`}
              color={required ? 'primary' : 'default'}
              variant={required ? 'filled' : 'outlined'}
              title={required ? translate('resources.email-templates.required') : undefined}
              onClick={() => setValue('body', `${getValues('body') ?? ''}{{${field}}}`, { shouldDirty: true })}
            />
          );
        })}
      </Stack>
    </Box>
  );
};

/** What the message looks like with the text as typed, filled from a sample or a real record; asked for half a second after typing stops. */
const LivePreview = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const subject = useWatch({ name: 'subject' }) as string | undefined;
  const body = useWatch({ name: 'body' }) as string | undefined;
  const recordId = useWatch({ name: 'preview_record_id' }) as number | string | null | undefined;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!record) return;
    let stale = false;
    const timer = setTimeout(() => {
      const id = Number(recordId);
      dataProvider
        .action('email-templates', record.id, 'preview', { subject, body, ...(Number.isInteger(id) && id > 0 ? { record_id: id } : {}) })
        .then(({ data }) => { if (!stale) { setPreview(data as Preview); setError(null); } })
        .catch((e: any) => { if (!stale) setError(e?.body?.errors?.body ?? e?.body?.errors?.subject ?? e?.message ?? 'Error'); });
    }, 500);
    return () => { stale = true; clearTimeout(timer); };
  }, [record, subject, body, recordId, dataProvider]);
  if (!record) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 300 }} aria-live="polite" data-testid="email-preview">
      <Typography variant="h6" component="h2">{translate('resources.email-templates.preview.title')}</Typography>
      <ReferenceInput source="preview_record_id" reference={record.record_kind}>
        <AutocompleteInput
          label={translate(`resources.email-templates.preview.record.${record.record_kind}`)}
          helperText={translate('resources.email-templates.preview.record_help')}
          fullWidth
        />
      </ReferenceInput>
      {error && <Alert severity="error" data-testid="preview-error">{error}</Alert>}
      {preview && (
        <>
          <Typography variant="subtitle2" data-testid="preview-subject">{preview.subject}</Typography>
          <Box
            component="iframe"
            title={translate('resources.email-templates.preview.title')}
            sandbox=""
            srcDoc={`<!doctype html><meta charset="utf-8"><body style="font-family:sans-serif;font-size:14px">${preview.html}</body>`}
            sx={{ width: '100%', minHeight: 360, border: 1, borderColor: 'divider', borderRadius: 1, mt: 1 }}
          />
          <Box component="pre" data-testid="preview-text" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 13, color: 'text.secondary' }}>{preview.text}</Box>
        </>
      )}
    </Paper>
  );
};

/** Back to the text that shipped with the system, after a confirmation. */
const ResetButton = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const reset = async () => {
    setOpen(false);
    try {
      await dataProvider.action('email-templates', record.id, 'reset');
      notify('resources.email-templates.reset_done', { type: 'info' });
      refresh();
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <>
      <Button startIcon={<RestoreIcon />} color="warning" onClick={() => setOpen(true)}>{translate('resources.email-templates.reset')}</Button>
      <Confirm
        isOpen={open}
        title="resources.email-templates.reset"
        content="resources.email-templates.reset_confirm"
        confirm="resources.email-templates.reset"
        onConfirm={reset}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <ResetButton />
  </Toolbar>
);

const Title = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{`${translate(`resources.email-templates.keys.${record.key}`, { _: record.key })} (${translate(`resources.email-templates.locales.${record.locale}`)})`}</>;
};

export const EmailTemplateEdit = () => {
  const translate = useTranslate();
  return (
    // Only subject and body are saved; the record picked for the preview is no part of the template.
    <Edit mutationMode="pessimistic" redirect={false} title={<Title />} transform={(data: Partial<TemplateRecord>) => ({ subject: data.subject, body: data.body })}>
      <SimpleForm toolbar={<EditToolbar />}>
        <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ width: '100%', gap: 2 }}>
          <Box sx={{ flex: 1, minWidth: 300 }}>
            <TextInput source="subject" fullWidth />
            <MergeFieldChips />
            <TextInput source="body" multiline minRows={14} fullWidth helperText={translate('resources.email-templates.body_help')} />
          </Box>
          <LivePreview />
        </Stack>
      </SimpleForm>
    </Edit>
  );
};
