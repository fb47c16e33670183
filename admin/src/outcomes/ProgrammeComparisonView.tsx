import { useState } from 'react';
import { Box, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import Grid from '@mui/material/Grid';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { MAX_COMPARISON_YEARS, type ProgrammeComparison } from '../../../backend/src/outcomes/outcomes.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { StatTile } from './StatTile.tsx';
import { useOutcomeFormat } from './useOutcomeFormat.ts';

const T = 'resources.outcomes.compare';

/**
 * The cohorts of a span of years compared, from `GET /api/outcomes` (the numbers programme.pdf
 * prints): sites and money per site as bars, every figure and indicator total in a table.
 */
export const ProgrammeComparisonView = ({ minYear, maxYear }: { minYear: number; maxYear: number }) => {
  const translate = useTranslate();
  const f = useOutcomeFormat();
  const s = (key: string) => translate(`resources.outcomes.stats.${key}`);
  const dataProvider = useDataProvider<AppDataProvider>();
  const [from, setFrom] = useState(String(Math.max(minYear, maxYear - MAX_COMPARISON_YEARS + 1)));
  const [to, setTo] = useState(String(maxYear));
  const { data, error } = useQuery<ProgrammeComparison>({
    queryKey: ['outcomes', 'compare', from, to],
    queryFn: () => dataProvider.get(`outcomes?from_year=${encodeURIComponent(from)}&to_year=${encodeURIComponent(to)}`),
    retry: false,
  });
  // Years label the bars unless two cohorts share one; then their names do.
  const years = data?.cohorts.map((c) => String(c.cohort.year)) ?? [];
  const names = new Set(years).size === years.length ? years : (data?.cohorts.map((c) => c.cohort.name) ?? []);
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField type="number" label={translate(`${T}.from_year`)} value={from} onChange={(e) => setFrom(e.target.value)} sx={{ width: 140 }} />
        <TextField type="number" label={translate(`${T}.to_year`)} value={to} onChange={(e) => setTo(e.target.value)} sx={{ width: 140 }} />
      </Stack>
      {error && <Typography color="error" role="alert">{(error as Error).message}</Typography>}
      {data && !data.cohorts.length && <Typography color="text.secondary">{translate(`${T}.none`)}</Typography>}
      {data && data.cohorts.length > 0 && (
        <>
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, mb: 3 }}>
            <StatTile testId="compare-fellows" label={s('fellows')} value={f.count(data.totals.fellows)} />
            <StatTile testId="compare-sites-opened" label={s('sites_opened')} value={f.count(data.totals.sites_opened)} />
            <StatTile testId="compare-sites-active" label={s('sites_active')} value={f.count(data.totals.sites_active)} />
            <StatTile testId="compare-follow-ups" label={s('follow_ups')} value={f.count(data.totals.follow_up_values)} />
            <StatTile testId="compare-paid" label={s('paid')} value={f.wholeEuro(data.totals.paid_total_cents)} />
            <StatTile testId="compare-per-active-site" label={s('per_active_site')} value={f.wholeEuro(data.totals.per_active_site_cents)} />
          </Stack>
          <Grid container spacing={2} sx={{ mb: 2 }}>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Card variant="outlined">
                <CardHeader title={translate(`${T}.chart`)} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
                <CardContent sx={{ pt: 0 }} role="figure" aria-label={translate(`${T}.chart_label`)}>
                  <BarChart
                    height={280}
                    xAxis={[{ scaleType: 'band', data: names }]}
                    yAxis={[{ tickMinStep: 1 }]}
                    series={[
                      { data: data.cohorts.map((c) => c.sites_opened), label: s('sites_opened') },
                      { data: data.cohorts.map((c) => c.sites_active), label: s('sites_active') },
                    ]}
                  />
                </CardContent>
              </Card>
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <Card variant="outlined">
                <CardHeader title={translate(`${T}.money_chart`)} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
                <CardContent sx={{ pt: 0 }} role="figure" aria-label={translate(`${T}.money_chart_label`)}>
                  <BarChart
                    height={280}
                    xAxis={[{ scaleType: 'band', data: names }]}
                    yAxis={[{ width: 90, valueFormatter: (v: number) => f.wholeEuro(v) }]}
                    series={[{ data: data.cohorts.map((c) => c.money.per_active_site_cents), label: s('per_active_site'), valueFormatter: (v) => f.euro(v) }]}
                  />
                </CardContent>
              </Card>
            </Grid>
          </Grid>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{translate(`${T}.table`)}</Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={translate(`${T}.table`)} data-testid="compare-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.outcomes.cohort')}</TableCell>
                  <TableCell align="right">{s('fellows')}</TableCell>
                  <TableCell align="right">{s('sites_opened')}</TableCell>
                  <TableCell align="right">{s('sites_active')}</TableCell>
                  <TableCell align="right">{s('follow_ups')}</TableCell>
                  <TableCell align="right">{s('paid')}</TableCell>
                  <TableCell align="right">{s('per_active_site')}</TableCell>
                  {data.indicators.map((i) => <TableCell key={i.name} align="right">{`${i.name} (${i.unit})`}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.cohorts.map((c) => (
                  <TableRow key={c.cohort.id}>
                    <TableCell>{c.cohort.name}</TableCell>
                    <TableCell align="right">{f.count(c.fellows)}</TableCell>
                    <TableCell align="right">{f.count(c.sites_opened)}</TableCell>
                    <TableCell align="right">{f.count(c.sites_active)}</TableCell>
                    <TableCell align="right">{f.count(c.follow_ups.values)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{f.euro(c.money.paid_total_cents)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{f.euro(c.money.per_active_site_cents)}</TableCell>
                    {c.indicators.map((t, n) => (
                      <TableCell key={data.indicators[n].name} align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {t ? `${f.value(t.baseline_total)} → ${f.value(t.latest_total)}` : translate(`${T}.not_measured`)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
                  <TableCell>{translate(`${T}.total`)}</TableCell>
                  <TableCell align="right">{f.count(data.totals.fellows)}</TableCell>
                  <TableCell align="right">{f.count(data.totals.sites_opened)}</TableCell>
                  <TableCell align="right">{f.count(data.totals.sites_active)}</TableCell>
                  <TableCell align="right">{f.count(data.totals.follow_up_values)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{f.euro(data.totals.paid_total_cents)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{f.euro(data.totals.per_active_site_cents)}</TableCell>
                  {data.indicators.map((i) => <TableCell key={i.name} />)}
                </TableRow>
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Box>
  );
};
