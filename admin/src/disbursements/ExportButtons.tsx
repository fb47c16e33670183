import { Button, Stack, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { download, formatEuro } from './money.ts';

/**
 * Creates a recorded export batch of the approved, not yet exported tranches (of one cohort) and
 * downloads its file right away. A second click finds nothing left to export (409, shown as a note).
 */
export const ExportButtons = ({ cohortId, onDone }: { cohortId?: number | null; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { mutate, isPending } = useMutation({
    mutationFn: (format: 'csv' | 'sepa') => dataProvider.post('disbursement-exports', { format, ...(cohortId ? { cohort_id: cohortId } : {}) }),
    onSuccess: (batch: any) => {
      notify(translate('resources.disbursements.export.created', {
        message_id: batch.message_id, count: batch.tranche_count, amount: formatEuro(batch.total_cents, locale === 'en' ? 'en-GB' : 'de-DE'),
      }), { type: 'success' });
      download(`/api/disbursement-exports/${batch.id}/file`);
      refresh();
      onDone?.();
    },
    onError: (error: any) => notify(error?.message ?? 'ra.notification.http_error', { type: error?.status === 409 ? 'info' : 'error' }),
  });
  return (
    <Tooltip title={translate('resources.disbursements.export.help')}>
      <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
        <Button startIcon={<DownloadIcon />} variant="outlined" disabled={isPending} onClick={() => mutate('csv')}>
          {translate('resources.disbursements.export.csv')}
        </Button>
        <Button startIcon={<DownloadIcon />} variant="contained" disabled={isPending} onClick={() => mutate('sepa')}>
          {translate('resources.disbursements.export.sepa')}
        </Button>
      </Stack>
    </Tooltip>
  );
};
