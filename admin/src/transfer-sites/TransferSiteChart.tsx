import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { TRANSFER_SITE_STATUSES, type TransferSiteSummary } from '../../../backend/src/transfer-sites/transfer-sites.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';

const T = 'resources.transfer-sites.chart';

/**
 * Sites by Bundesland and status, stacked: one cohort (the list's cohort filter) or all cohorts.
 * The numbers come from `GET /api/transfer-sites/summary` (the one SQL place that counts them);
 * drawn with the dashboard's chart library in its own chunk.
 */
const TransferSiteChart = ({ cohortId }: { cohortId?: number }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery<TransferSiteSummary>({
    queryKey: ['transfer-sites', 'summary', cohortId ?? null],
    queryFn: () => dataProvider.get(cohortId ? `transfer-sites/summary?cohort_id=${cohortId}` : 'transfer-sites/summary'),
  });
  if (!data) return null;
  const rows = data.rows.filter((r) => r.planned + r.preparing + r.active + r.closed > 0);
  return (
    <Card sx={{ mt: 2 }} data-testid="transfer-site-chart">
      <CardHeader
        title={`${translate(`${T}.title`)} (${translate(`${T}.${cohortId ? 'cohort' : 'across'}`)})`}
        subheader={translate(`${T}.totals`, { sites: data.totals.sites, active: data.totals.active, states: data.totals.states_with_active })}
        slotProps={{ title: { variant: 'h6' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {rows.length ? (
          <BarChart
            height={Math.max(220, 60 + rows.length * 30)}
            layout="horizontal"
            xAxis={[{ tickMinStep: 1 }]}
            yAxis={[{ scaleType: 'band', data: rows.map((r) => r.state), width: 170 }]}
            series={TRANSFER_SITE_STATUSES.map((status) => ({
              data: rows.map((r) => r[status]), label: translate(`enums.transfer_site_status.${status}`), stack: 'sites',
            }))}
          />
        ) : <Typography variant="body2" color="text.secondary">{translate(`${T}.empty`)}</Typography>}
      </CardContent>
    </Card>
  );
};
export default TransferSiteChart;
