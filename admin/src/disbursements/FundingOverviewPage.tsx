import { useState } from 'react';
import {
  Box, Button, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { formatMoney, localeTag } from '../shared/format.ts';

interface FundingRow {
  fellowship_id: number | null;
  organisation_name: string | null;
  fellowship_status: string | null;
  fellowship_count: number;
  granted_cents: number;
  planned_cents: number;
  approved_cents: number;
  paid_cents: number;
  unplanned_cents: number;
  open_cents: number;
  to_approve_count: number;
  overdue_count: number;
}

interface Overview {
  cohort_id: number | null;
  cohorts: Array<{ id: number; name: string; year: number }>;
  fellowships: FundingRow[];
  totals: FundingRow | null;
}

const MONEY: Array<keyof FundingRow> = ['granted_cents', 'planned_cents', 'approved_cents', 'paid_cents', 'open_cents', 'unplanned_cents'];

/** Staff: granted / planned / approved / paid / open per fellowship of a cohort and in total (one SQL query on the server). */
export const FundingOverviewPage = () => {
  const translate = useTranslate();
  const t = (key: string, options?: any) => translate(`resources.disbursements.funding.${key}`, options);
  const m = (measure: string) => translate(`enums.funding_measure.${measure}`);
  const [locale] = useLocaleState();
  const euro = (cents: number) => formatMoney(cents, localeTag(locale));
  const dataProvider = useDataProvider<AppDataProvider>();
  const [cohortId, setCohortId] = useState<number | null>(null);
  const { data, error, refetch } = useQuery({
    queryKey: ['funding-overview', cohortId],
    queryFn: () => dataProvider.get(`funding-overview${cohortId ? `?cohort_id=${cohortId}` : ''}`) as Promise<Overview>,
  });
  const label: Record<string, string> = {
    granted_cents: m('granted'), planned_cents: m('planned'), approved_cents: m('approved'), paid_cents: m('paid'), open_cents: m('open'), unplanned_cents: m('unplanned'),
  };
  const tranchesLink = (fellowshipId: number) => `/disbursements?filter=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))}`;
  const planLink = (fellowshipId: number) => `/disbursements/create?source=${encodeURIComponent(JSON.stringify({ fellowship_id: fellowshipId }))}`;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
          <TextField select label={t('cohort')} value={data?.cohort_id ?? ''} onChange={(e) => setCohortId(Number(e.target.value))} sx={{ minWidth: 260 }}>
            {(data?.cohorts ?? []).map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
          </TextField>
          <ExportButtons cohortId={data?.cohort_id} cohortName={data?.cohorts.find((c) => c.id === data?.cohort_id)?.name} onDone={() => refetch()} />
        </Stack>
        {error ? <Typography color="error">{String((error as Error).message)}</Typography> : null}
        {data && !data.fellowships.length && <Typography color="text.secondary">{t('empty')}</Typography>}
        {data && data.fellowships.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('organisation')}</TableCell>
                  {MONEY.map((k) => <TableCell key={k} align="right">{label[k]}</TableCell>)}
                  <TableCell align="right">{t('to_approve')}</TableCell>
                  <TableCell>{t('tranches')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.fellowships.map((row) => (
                  <TableRow key={row.fellowship_id} hover>
                    <TableCell>
                      {row.organisation_name}{' '}
                      {row.fellowship_status && row.fellowship_status !== 'active' && <Chip size="small" label={translate(`enums.fellowship_status.${row.fellowship_status}`)} />}
                      {row.overdue_count > 0 && <Chip size="small" color="warning" label={`${t('overdue')}: ${row.overdue_count}`} sx={{ ml: 1 }} />}
                    </TableCell>
                    {MONEY.map((k) => <TableCell key={k} align="right" sx={{ whiteSpace: 'nowrap' }}>{euro(row[k] as number)}</TableCell>)}
                    <TableCell align="right">{row.to_approve_count || ''}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" component={Link} to={tranchesLink(row.fellowship_id!)}>{t('tranches')}</Button>
                      <Button size="small" component={Link} to={planLink(row.fellowship_id!)}>{translate('resources.disbursements.actions.plan')}</Button>
                    </TableCell>
                  </TableRow>
                ))}
                {data.totals && (
                  <TableRow sx={{ '& td': { fontWeight: 'bold', borderTop: 2 } }}>
                    <TableCell>{t('total', { smart_count: data.totals.fellowship_count })}</TableCell>
                    {MONEY.map((k) => <TableCell key={k} align="right" sx={{ whiteSpace: 'nowrap' }}>{euro(data.totals![k] as number)}</TableCell>)}
                    <TableCell align="right">{data.totals.to_approve_count || ''}</TableCell>
                    <TableCell />
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Box>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{t('legend')}</Typography>
      </CardContent>
    </Card>
  );
};
