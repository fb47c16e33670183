import { lazy, Suspense } from 'react';
import { Box, Button, Card, CardContent, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useStore, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { useDashboardSummaries, type Dashboard } from './dashboardFormat.ts';

const StaffDashboardCharts = lazy(() => import('./StaffDashboardCharts.tsx'));

/** One line of the key figures: what it is, and its value. */
const Figure = ({ label, value }: { label: string; value: string }) => (
  <Box>
    <Typography variant="body2" color="text.secondary">{label}</Typography>
    <Typography>{value}</Typography>
  </Box>
);

/**
 * The staff dashboard: one cohort's year at a glance. Every number is aggregated by the API
 * (`GET /api/dashboard`); the browser only draws. The key figures come first; the charts are
 * opened on request (and stay open for this browser), so signing in never waits for the charts
 * library.
 */
const StaffDashboardView = () => {
  const summary = useDashboardSummaries();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [cohortId, setCohortId] = useState<number | ''>('');
  const [showCharts, setShowCharts] = useStore('dashboard.charts', false);
  const { data, isPending, error } = useQuery<Dashboard>({
    queryKey: ['dashboard', cohortId],
    queryFn: () => dataProvider.get(cohortId === '' ? 'dashboard' : `dashboard?cohort_id=${cohortId}`),
  });
  if (isPending) return <Loading />;
  if (error || !data) return <Typography color="error" sx={{ m: 2 }}>{(error as Error)?.message ?? ''}</Typography>;
  if (!data.cohort) {
    return (
      <Box sx={{ m: 2 }}>
        <Title title="dashboard.title" />
        <Typography>{translate('dashboard.no_cohort')}</Typography>
      </Box>
    );
  }
  const total = data.applications_by_status.reduce((sum, s) => sum + s.count, 0);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="dashboard.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <Typography variant="h5" sx={{ flexGrow: 1 }}>{data.cohort.name}</Typography>
        <TextField
          select
          size="small"
          label={translate('dashboard.cohort')}
          value={cohortId === '' ? data.cohort.id : cohortId}
          onChange={(e) => setCohortId(Number(e.target.value))}
          sx={{ minWidth: 220 }}
        >
          {data.cohorts.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
        </TextField>
        <Button variant="outlined" aria-expanded={showCharts} onClick={() => setShowCharts(!showCharts)}>
          {translate(showCharts ? 'dashboard.hide_charts' : 'dashboard.show_charts')}
        </Button>
      </Box>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{translate('dashboard.key_figures')}</Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 2 }}>
            <Figure label={translate('dashboard.applications_total')} value={String(total)} />
            <Figure label={translate('dashboard.seats')} value={summary.seats(data)} />
            <Figure label={translate('dashboard.jury')} value={summary.jury(data)} />
            <Figure label={translate('dashboard.funding')} value={summary.fundingPaid(data)} />
            <Figure label={translate('dashboard.coaching')} value={summary.coaching(data)} />
            <Figure label={translate('dashboard.attendance')} value={summary.attendance(data)} />
            <Figure label={translate('dashboard.follow_ups')} value={summary.followUps(data)} />
          </Box>
          {data.applications_by_status.length > 0 && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }} aria-label={translate('dashboard.applications_by_status')}>
              {data.applications_by_status.map((s) => <Chip key={s.status} label={`${summary.status(s.status)}: ${s.count}`} />)}
            </Stack>
          )}
        </CardContent>
      </Card>
      {showCharts && (
        <Suspense fallback={<Loading />}>
          <StaffDashboardCharts data={data} />
        </Suspense>
      )}
    </Box>
  );
};

export default StaffDashboardView;
