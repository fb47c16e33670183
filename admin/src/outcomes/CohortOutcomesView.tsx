import { Box, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { CohortIndicatorOutcome, CohortOutcomes } from '../../../backend/src/outcomes/outcomes.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import TransferSiteChart from '../transfer-sites/TransferSiteChart.tsx';
import { StatTile } from './StatTile.tsx';
import { useOutcomeFormat } from './useOutcomeFormat.ts';

const T = 'resources.outcomes.indicators';

/** One indicator: the totals, baseline and latest per fellow as bars, and the same numbers as a table. */
const IndicatorCard = ({ indicator, fellows }: { indicator: CohortIndicatorOutcome; fellows: number }) => {
  const translate = useTranslate();
  const f = useOutcomeFormat();
  const rows = indicator.per_fellow.filter((p) => p.baseline !== null || p.latest !== null);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={`outcomes-indicator-${indicator.indicator_id}`}>
      <CardHeader
        title={`${indicator.name} (${indicator.unit})`}
        subheader={translate(`${T}.totals`, {
          baseline: f.value(indicator.baseline_total), latest: f.value(indicator.latest_total), change: f.signed(indicator.change),
          reporting: indicator.fellows_reporting, fellows,
        })}
        slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {rows.length > 0 && (
          <Box role="figure" aria-label={translate(`${T}.chart`, { name: indicator.name })}>
            <BarChart
              height={Math.max(200, 70 + rows.length * 44)}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: rows.map((p) => p.organisation_name), width: 190 }]}
              series={[
                { data: rows.map((p) => p.baseline ?? 0), label: translate(`${T}.baseline`) },
                { data: rows.map((p) => p.latest ?? 0), label: translate(`${T}.latest`) },
              ]}
            />
          </Box>
        )}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`${indicator.name}: ${translate(`${T}.title`)}`}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.organisation`)}</TableCell>
                <TableCell align="right">{translate(`${T}.baseline`)}</TableCell>
                <TableCell align="right">{translate(`${T}.latest`)}</TableCell>
                <TableCell align="right">{translate(`${T}.change`)}</TableCell>
                <TableCell align="right">{translate(`${T}.follow_up_12`)}</TableCell>
                <TableCell align="right">{translate(`${T}.follow_up_24`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {indicator.per_fellow.map((p) => (
                <TableRow key={p.fellowship_id}>
                  <TableCell>
                    {p.organisation_name}
                    {p.fellowship_status !== 'active' && ` (${translate(`enums.fellowship_status.${p.fellowship_status}`)})`}
                  </TableCell>
                  <TableCell align="right">{f.value(p.baseline)}</TableCell>
                  <TableCell align="right">
                    {f.value(p.latest)}
                    {p.latest_kind && p.latest_kind !== 'progress' && (
                      <Typography component="span" variant="caption" color="text.secondary"> ({translate(`${T}.latest_kind.${p.latest_kind}`)})</Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{f.signed(p.change)}</TableCell>
                  <TableCell align="right">{f.value(p.follow_up_12)}</TableCell>
                  <TableCell align="right">{f.value(p.follow_up_24)}</TableCell>
                </TableRow>
              ))}
              <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
                <TableCell>{translate(`${T}.total`)}</TableCell>
                <TableCell align="right" data-testid="outcomes-baseline-total">{f.value(indicator.baseline_total)}</TableCell>
                <TableCell align="right" data-testid="outcomes-latest-total">{f.value(indicator.latest_total)}</TableCell>
                <TableCell align="right">{f.signed(indicator.change)}</TableCell>
                <TableCell align="right">{f.value(indicator.follow_up_12_total)}</TableCell>
                <TableCell align="right">{f.value(indicator.follow_up_24_total)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
};

/**
 * One cohort's outcomes from `GET /api/cohorts/:id/outcomes`: key figures, each indicator baseline →
 * latest, and the sites by Bundesland and status (the transfer sites' own chart).
 */
export const CohortOutcomesView = ({ cohortId }: { cohortId: number }) => {
  const translate = useTranslate();
  const f = useOutcomeFormat();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, error } = useQuery<CohortOutcomes>({
    queryKey: ['outcomes', 'cohort', cohortId],
    queryFn: () => dataProvider.get(`cohorts/${cohortId}/outcomes`),
  });
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return null;
  const s = (key: string, options?: Record<string, unknown>) => translate(`resources.outcomes.stats.${key}`, options);
  return (
    <Box>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, mb: 3 }}>
        <StatTile testId="outcomes-fellows" label={s('fellows')} value={f.count(data.fellows)} note={data.withdrawn ? s('withdrawn', { count: data.withdrawn }) : undefined} />
        <StatTile testId="outcomes-sites-opened" label={s('sites_opened')} value={f.count(data.sites.opened)} />
        <StatTile testId="outcomes-sites-active" label={s('sites_active')} value={f.count(data.sites.active)} />
        <StatTile testId="outcomes-follow-ups" label={s('follow_ups')} value={f.count(data.follow_ups.values)} note={s('follow_up_fellows', { count: data.follow_ups.fellows })} />
        <StatTile testId="outcomes-paid" label={s('paid')} value={f.wholeEuro(data.money.paid_total_cents)} />
        <StatTile testId="outcomes-per-active-site" label={s('per_active_site')} value={f.wholeEuro(data.money.per_active_site_cents)} />
      </Stack>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{translate(`${T}.title`)}</Typography>
      {data.indicators.length
        ? data.indicators.map((indicator) => <IndicatorCard key={indicator.indicator_id} indicator={indicator} fellows={data.fellows} />)
        : <Typography color="text.secondary">{translate(`${T}.none`)}</Typography>}
      <Box role="figure" aria-label={translate('resources.transfer-sites.chart.title')}>
        <TransferSiteChart cohortId={cohortId} />
      </Box>
    </Box>
  );
};
