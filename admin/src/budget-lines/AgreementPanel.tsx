import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert, Box, Button, Card, CardContent, IconButton, LinearProgress, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import { useDataProvider, useDelete, useGetList, useGetOne, useLocaleState, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { formatDate, formatMoney, localeTag } from '../shared/format.ts';

const T = 'resources.budget-lines.agreement';

/** Staff record the day the agreement was signed (empty removes it, refused once a tranche went out on it). */
const SignedDateForm = ({ fellowship }: { fellowship: any }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [value, setValue] = useState<string>(fellowship.agreement_signed_on ?? '');
  const [error, setError] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.update('fellowships', { id: fellowship.id, data: { agreement_signed_on: value || null }, previousData: fellowship }),
    onSuccess: () => {
      setError(null);
      notify(`${T}.saved`, { type: 'success' });
      refresh();
    },
    onError: (e: any) => setError(e?.body?.errors?.agreement_signed_on ? `${e.body.message}` : e?.body?.message ?? e?.message ?? 'ra.notification.http_error'),
  });
  const changed = value !== (fellowship.agreement_signed_on ?? '');
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, my: 1 }}>
      <TextField
        type="date" size="small" label={translate('resources.fellowships.fields.agreement_signed_on')} value={value}
        onChange={(e) => setValue(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'agreement-signed-on' } }}
        error={!!error} helperText={error ? translate(error, { _: error }) : translate(`${T}.signed_helper`)}
      />
      <Button variant="outlined" size="small" disabled={!changed || isPending} onClick={() => mutate()}>{translate('ra.action.save')}</Button>
    </Stack>
  );
};

const DeleteLine = ({ line }: { line: any }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [deleteOne, { isPending }] = useDelete();
  const label = translate(`enums.budget_category.${line.category}`);
  return (
    <Tooltip title={translate('ra.action.delete')}>
      <span>
        <IconButton
          size="small" disabled={isPending} aria-label={`${translate('ra.action.delete')}: ${label}`}
          onClick={() => {
            if (!window.confirm(translate(`${T}.confirm_delete`, { category: label }))) return;
            deleteOne('budget-lines', { id: line.id, previousData: line }, {
              onSuccess: refresh,
              onError: (e: any) => notify(e?.body?.message ?? 'ra.notification.http_error', { type: 'error' }),
            });
          }}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </span>
    </Tooltip>
  );
};

/**
 * The grant agreement of one fellowship (Fördervertrag): the signed date, the budget plan by cost
 * category against the grant, and the PDF. Staff edit; the fellow's applicants and the coach read.
 */
export const AgreementPanel = ({ fellowshipId }: { fellowshipId: number | string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = localeTag(locale);
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  const { data: fellowship } = useGetOne('fellowships', { id: fellowshipId });
  const { data: lines = [], isPending } = useGetList('budget-lines', {
    filter: { fellowship_id: fellowshipId }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 50 },
  });
  if (!fellowship) return null;
  const grant = Number(fellowship.grant_cents);
  // The total comes from the server (the fellowship's `budget_planned_cents`), as every sum the console shows.
  const planned = Number(fellowship.budget_planned_cents ?? 0);
  const share = grant > 0 ? Math.min(100, Math.round((planned / grant) * 100)) : 0;
  return (
    <Box data-testid="agreement-panel">
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, gap: 1 }}>
        <Typography variant="h6">{translate(`${T}.title`)}</Typography>
        {permissions !== 'coach' && (
          <Button variant="outlined" size="small" startIcon={<DownloadIcon />} href={`/api/fellowships/${fellowship.id}/agreement.pdf`}>
            {translate(`${T}.pdf`)}
          </Button>
        )}
      </Stack>
      {fellowship.agreement_signed_on
        ? <Typography sx={{ my: 1 }} data-testid="agreement-signed">{translate(`${T}.signed`, { date: formatDate(fellowship.agreement_signed_on, lang) })}</Typography>
        : <Alert severity="warning" sx={{ my: 1 }}>{translate(`${T}.unsigned`)}</Alert>}
      {staff && <SignedDateForm key={fellowship.agreement_signed_on ?? ''} fellowship={fellowship} />}

      <Typography variant="subtitle1" sx={{ mt: 2 }}>{translate(`${T}.budget`)}</Typography>
      <Typography variant="body2" color="text.secondary" data-testid="budget-total">
        {translate(`${T}.planned_of_grant`, { planned: formatMoney(planned, lang), grant: formatMoney(grant, lang), left: formatMoney(Math.max(grant - planned, 0), lang) })}
      </Typography>
      <LinearProgress variant="determinate" value={share} sx={{ my: 1, height: 8, borderRadius: 1 }} aria-label={translate(`${T}.budget`)} />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.budget-lines.fields.category')}</TableCell>
              <TableCell>{translate('resources.budget-lines.fields.note')}</TableCell>
              <TableCell align="right">{translate('resources.budget-lines.fields.planned_cents')}</TableCell>
              {staff && <TableCell align="right">{translate(`${T}.actions`)}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l: any) => (
              <TableRow key={l.id}>
                <TableCell>{translate(`enums.budget_category.${l.category}`)}</TableCell>
                <TableCell>{l.note ?? '–'}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatMoney(Number(l.planned_cents), lang)}</TableCell>
                {staff && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <IconButton size="small" component={Link} to={`/budget-lines/${l.id}`} aria-label={`${translate('ra.action.edit')}: ${translate(`enums.budget_category.${l.category}`)}`}>
                      <EditIcon fontSize="small" />
                    </IconButton>
                    <DeleteLine line={l} />
                  </TableCell>
                )}
              </TableRow>
            ))}
            {!isPending && !lines.length && (
              <TableRow><TableCell colSpan={staff ? 4 : 3}><Typography color="text.secondary">{translate(`${T}.no_lines`)}</Typography></TableCell></TableRow>
            )}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={2} sx={{ fontWeight: 600 }}>{translate(`${T}.total`)}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{formatMoney(planned, lang)}</TableCell>
              {staff && <TableCell />}
            </TableRow>
          </TableFooter>
        </Table>
      </Box>
      {staff && (
        <Button sx={{ mt: 1 }} size="small" startIcon={<AddIcon />} component={Link} to="/budget-lines/create" state={{ record: { fellowship_id: fellowship.id } }}>
          {translate(`${T}.add_line`)}
        </Button>
      )}
    </Box>
  );
};

/** The agreement as a card of its own (the fellow's programme page). */
export const AgreementCard = ({ fellowshipId }: { fellowshipId: number | string }) => (
  <Card sx={{ mt: 2 }}>
    <CardContent>
      <AgreementPanel fellowshipId={fellowshipId} />
    </CardContent>
  </Card>
);
