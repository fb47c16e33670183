import { useState } from 'react';
import { Button, CircularProgress, IconButton, Link, List, ListItem, ListItemText, Stack } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import type { AppDataProvider } from '../dataProvider.ts';

/** The application's attachments: a list with download links; upload and delete while it is a draft. */
export const Attachments = ({ applicationId, editable }: { applicationId: number; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const { data = [] } = useGetList('attachments', { filter: { application_id: applicationId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' } });
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['attachments'] });
  const upload = async (file: File) => {
    setBusy(true);
    const body = new FormData();
    body.append('application_id', String(applicationId));
    body.append('file', file);
    try {
      const res = await fetch('/api/attachments', { method: 'POST', body, credentials: 'include' });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(json.errors?.file ?? json.message ?? res.statusText);
      notify('application_form.uploaded', { type: 'success' });
      await refresh();
    } catch (e: any) {
      notify(e.message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1}>
      <List dense>
        {data.map((a: any) => (
          <ListItem key={a.id} secondaryAction={editable && (
            <IconButton aria-label={translate('application_form.delete_file')} onClick={async () => {
              await dataProvider.delete('attachments', { id: a.id, previousData: a }).catch((e: any) => notify(e.message, { type: 'error' }));
              await refresh();
            }}><DeleteIcon /></IconButton>
          )}>
            <ListItemText primary={<Link href={`/api/attachments/${a.id}/content`}>{a.filename}</Link>} secondary={`${Math.ceil(a.size_bytes / 1024).toLocaleString('de-DE')} KB`} />
          </ListItem>
        ))}
      </List>
      {editable && (
        <Button variant="outlined" component="label" disabled={busy}>
          {busy ? <CircularProgress size={20} /> : translate('application_form.upload')}
          <input hidden type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void upload(file);
          }} />
        </Button>
      )}
    </Stack>
  );
};
