import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Card, CardContent, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useDataProvider, useGetList, useLocaleState, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRANSFER_MODELS } from '../../../backend/src/applications/applications.schema.ts';
import { BUNDESLAENDER } from '../../../backend/src/organisations/organisations.schema.ts';
import { TRANSFER_SITE_STATUSES, transferSiteSchema, type TransferSiteStatus } from '../../../backend/src/transfer-sites/transfer-sites.schema.ts';
import { formatDate } from '../shared/format.ts';

const T = 'resources.transfer-sites';
const COLOR: Record<TransferSiteStatus, 'default' | 'info' | 'success' | 'warning'> = { planned: 'default', preparing: 'info', active: 'success', closed: 'warning' };

/** The next step forward, if any (closing is its own button: it may follow any state). */
const nextStatus = (status: TransferSiteStatus): TransferSiteStatus | null => {
  const next = TRANSFER_SITE_STATUSES[TRANSFER_SITE_STATUSES.indexOf(status) + 1];
  return next && next !== 'closed' ? next : null;
};

const errorText = (e: any) => e?.body?.message ?? e?.message ?? 'ra.notification.http_error';

/** A new site: name, city, Bundesland, model (the fellowship's own model first), checked with the API's schema. */
const AddSiteForm = ({ fellowshipId, defaultModel, onDone }: { fellowshipId: number; defaultModel?: string | null; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', city: '', state: '', transfer_model: defaultModel ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const { mutate, isPending } = useMutation({
    mutationFn: (data: object) => dataProvider.create('transfer-sites', { data }),
    onSuccess: () => {
      notify(`${T}.panel.saved`, { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['transfer-sites'] });
      onDone();
    },
    onError: (e: any) => {
      setErrors(e?.body?.errors ?? {});
      notify(errorText(e), { type: 'error' });
    },
  });
  const submit = () => {
    const parsed = transferSiteSchema.safeParse({ ...values, fellowship_id: fellowshipId });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    mutate(parsed.data);
  };
  const field = (key: keyof typeof values) => ({
    size: 'small' as const, fullWidth: true, label: translate(`${T}.fields.${key}`), value: values[key], onChange: set(key),
    error: !!errors[key], helperText: errors[key], slotProps: { htmlInput: { 'data-testid': `site-${key}` } },
  });
  return (
    <Stack spacing={1.5} sx={{ mt: 1, maxWidth: 560 }} data-testid="add-site-form">
      <TextField {...field('name')} />
      <TextField {...field('city')} />
      <TextField {...field('state')} select slotProps={{ htmlInput: { 'data-testid': 'site-state' } }}>
        {BUNDESLAENDER.map((s) => <MenuItem key={s} value={s}>{s}</MenuItem>)}
      </TextField>
      <TextField {...field('transfer_model')} select slotProps={{ htmlInput: { 'data-testid': 'site-transfer_model' } }}>
        {TRANSFER_MODELS.map((m) => <MenuItem key={m} value={m}>{translate(`enums.transfer_model.${m}`)}</MenuItem>)}
      </TextField>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={submit} disabled={isPending}>{translate(`${T}.panel.save`)}</Button>
        <Button onClick={onDone}>{translate(`${T}.panel.cancel`)}</Button>
      </Stack>
    </Stack>
  );
};

/** One site: where, its status, and for those who write the buttons to move it forward or close it. */
const SiteRow = ({ site, canWrite }: { site: any; canWrite: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const { mutate, isPending } = useMutation({
    mutationFn: (status: TransferSiteStatus) => dataProvider.update('transfer-sites', { id: site.id, data: { status }, previousData: site }),
    onSuccess: () => {
      notify(`${T}.panel.moved`, { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['transfer-sites'] });
    },
    onError: (e: any) => notify(errorText(e), { type: 'error' }),
  });
  const next = nextStatus(site.status);
  const status = (s: string) => translate(`enums.transfer_site_status.${s}`);
  const when = site.status === 'closed'
    ? translate(`${T}.panel.closed_since`, { date: formatDate(site.closed_on, locale) })
    : site.opened_on ? translate(`${T}.panel.since`, { date: formatDate(site.opened_on, locale) }) : null;
  return (
    <Box sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid="transfer-site">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography sx={{ fontWeight: 500, flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{site.name}</Typography>
        <Chip size="small" color={COLOR[site.status as TransferSiteStatus]} label={status(site.status)} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {[site.city, site.state, translate(`enums.transfer_model.${site.transfer_model}`), when].filter(Boolean).join(' · ')}
      </Typography>
      {canWrite && site.status !== 'closed' && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
          {next && (
            <Button size="small" variant="outlined" disabled={isPending} onClick={() => mutate(next)}>
              {translate(`${T}.panel.move_to`, { status: status(next) })}
            </Button>
          )}
          <Button
            size="small" color="warning" disabled={isPending}
            onClick={() => window.confirm(translate(`${T}.panel.confirm_close`, { name: site.name })) && mutate('closed')}
          >
            {translate(`${T}.panel.close`)}
          </Button>
        </Stack>
      )}
    </Box>
  );
};

/**
 * The transfer sites of one fellowship: on the fellow's programme page (they add and move their own,
 * also once alumni) and on the fellowship page (staff write, the coach reads).
 */
export const TransferSitesPanel = ({ fellowshipId, defaultModel, mine = false }: { fellowshipId: number; defaultModel?: string | null; mine?: boolean }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const canWrite = permissions !== 'coach';
  const [adding, setAdding] = useState(false);
  const { data: sites = [], isPending } = useGetList('transfer-sites', { filter: { fellowship_id: fellowshipId }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 200 } });
  return (
    <Card sx={{ mt: 2 }} data-testid="transfer-sites-panel">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>{translate(`${T}.panel.${mine ? 'mine' : 'title'}`)}</Typography>
          {canWrite && !adding && <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)}>{translate(`${T}.panel.add`)}</Button>}
        </Stack>
        {adding && <AddSiteForm fellowshipId={fellowshipId} defaultModel={defaultModel} onDone={() => setAdding(false)} />}
        {sites.map((site) => <SiteRow key={site.id} site={site} canWrite={canWrite} />)}
        {!isPending && !sites.length && <Typography color="text.secondary" sx={{ mt: 1 }}>{translate(`${T}.panel.none`)}</Typography>}
        {!mine && sites.length > 0 && (
          <Button size="small" component={Link} to={`/transfer-sites?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))}`} sx={{ mt: 1 }}>
            {translate(`${T}.panel.all`)}
          </Button>
        )}
      </CardContent>
    </Card>
  );
};
