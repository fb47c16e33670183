import { useState } from 'react';
import {
  Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Table, TableBody, TableCell,
  TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { download, maskIban } from './money.ts';
import { formatDate, formatMoney, localeTag } from '../shared/format.ts';

type Format = 'csv' | 'sepa';

/** GET /api/disbursements/export-preview: what the export would take, computed by the export's own code. */
interface ExportPreview {
  format: Format;
  cohort_id: number;
  tranche_count: number;
  total_cents: number;
  execution_date: string;
  execution_dates: Array<{ execution_date: string; tranche_count: number; total_cents: number }>;
  bank_problems: string[];
  disbursement_ids: number[];
  tranches: Array<{ id: number; organisation_name: string; label: string; amount_cents: number; due_on: string | null; iban: string | null }>;
}

const E = 'resources.disbursements.export';

/**
 * The confirmation of an export: count, sum and the tranches that will be marked as exported, from
 * the preview. Confirming exports exactly these tranches (their ids are sent along): should anything
 * have changed since — another export took one of them — the export is refused and nothing happens.
 */
const ExportDialog = ({ cohortId, cohortName, format, onClose, onDone }: {
  cohortId: number; cohortName?: string | null; format: Format; onClose: () => void; onDone?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const language = localeTag(locale);
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: preview, error, isPending: loading } = useQuery({
    queryKey: ['export-preview', cohortId, format],
    queryFn: () => dataProvider.get(`disbursements/export-preview?cohort_id=${cohortId}&format=${format}`) as Promise<ExportPreview>,
    gcTime: 0,
  });
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.post('disbursement-exports', { format, cohort_id: cohortId, disbursement_ids: preview!.disbursement_ids }),
    onSuccess: (batch: any) => {
      notify(translate(`${E}.created`, { message_id: batch.message_id, smart_count: batch.tranche_count, amount: formatMoney(batch.total_cents, language) }), { type: 'success' });
      download(`/api/disbursement-exports/${batch.id}/file`);
      refresh();
      onDone?.();
      onClose();
    },
    onError: (e: any) => {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
      onClose();
    },
  });
  const empty = preview && preview.tranche_count === 0;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="export-title">
      <DialogTitle id="export-title">{translate(`${E}.title_${format}`, { cohort: cohortName ?? '' })}</DialogTitle>
      <DialogContent>
        {loading && <CircularProgress size={24} />}
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {empty && <Alert severity="info" data-testid="export-summary">{translate(`${E}.empty`)}</Alert>}
        {preview && !empty && (
          <>
            <DialogContentText data-testid="export-summary" sx={{ fontWeight: 600, color: 'text.primary' }}>
              {translate(`${E}.summary`, { smart_count: preview.tranche_count, amount: formatMoney(preview.total_cents, language) })}
            </DialogContentText>
            <DialogContentText sx={{ mt: 1 }}>{translate(`${E}.what_changes_${format}`)}</DialogContentText>
            {format === 'sepa' && (
              <Typography variant="body2" sx={{ mt: 1 }} data-testid="export-dates">
                {translate(`${E}.execution`)}{' '}
                {preview.execution_dates.map((g) => translate(`${E}.execution_group`, {
                  date: formatDate(g.execution_date, language), smart_count: g.tranche_count, amount: formatMoney(g.total_cents, language),
                })).join('; ')}
              </Typography>
            )}
            {preview.bank_problems.length > 0 && (
              <Alert severity="error" sx={{ mt: 2 }}>{translate(`${E}.bank_problems`)} {preview.bank_problems.join('; ')}</Alert>
            )}
            <Box sx={{ mt: 2, maxHeight: 320, overflowY: 'auto' }}>
              <Table size="small" stickyHeader>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.disbursements.fields.organisation_name')}</TableCell>
                    <TableCell>{translate('resources.disbursements.fields.label')}</TableCell>
                    <TableCell>IBAN</TableCell>
                    <TableCell>{translate('resources.disbursements.fields.due_on')}</TableCell>
                    <TableCell align="right">{translate('resources.disbursements.fields.amount_cents')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.tranches.map((t) => (
                    <TableRow key={t.id}>
                      <TableCell>{t.organisation_name}</TableCell>
                      <TableCell>{t.label}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{maskIban(t.iban)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(t.due_on, language)}</TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatMoney(t.amount_cents, language)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained" startIcon={<DownloadIcon />}
          disabled={!preview || empty || isPending || preview.bank_problems.length > 0}
          onClick={() => mutate()}
        >
          {translate(`${E}.confirm`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * The export buttons of one cohort (exports are per cohort): each opens the confirmation with what
 * the export will mark, and only the confirmation creates the recorded batch and downloads its file.
 */
export const ExportButtons = ({ cohortId, cohortName, onDone }: { cohortId?: number | null; cohortName?: string | null; onDone?: () => void }) => {
  const translate = useTranslate();
  const [format, setFormat] = useState<Format | null>(null);
  return (
    <>
      <Tooltip title={translate(`${E}.help`)}>
        <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
          <Button startIcon={<DownloadIcon />} variant="outlined" disabled={!cohortId} onClick={() => setFormat('csv')}>
            {translate(`${E}.csv`)}
          </Button>
          <Button startIcon={<DownloadIcon />} variant="contained" disabled={!cohortId} onClick={() => setFormat('sepa')}>
            {translate(`${E}.sepa`)}
          </Button>
        </Stack>
      </Tooltip>
      {format && cohortId && <ExportDialog cohortId={cohortId} cohortName={cohortName} format={format} onClose={() => setFormat(null)} onDone={onDone} />}
    </>
  );
};
