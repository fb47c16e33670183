import { Box, Card, CardContent, CardHeader, MenuItem, TextField, Typography } from '@mui/material';
import Grid from '@mui/material/Grid';
import { useQuery } from '@tanstack/react-query';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { Gauge } from '@mui/x-charts/Gauge';
import { useState, type ReactNode } from 'react';
import { Loading, Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { formatDate, formatMoney, formatNumber } from '../shared/format.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import type { DashboardData } from '../../../backend/src/dashboard/dashboard.schema.ts';

/** JSON turns the API's Date fields into strings. */
type Dashboard = Omit<DashboardData, 'cohort'> & { cohort: (Omit<NonNullable<DashboardData['cohort']>, 'application_opens_at' | 'application_closes_at'>) | null };


const Panel = ({ title, subtitle, children, size = 6 }: { title: string; subtitle?: string; children: ReactNode; size?: number }) => (
  <Grid size={{ xs: 12, lg: size }}>
    <Card sx={{ height: '100%' }}>
      <CardHeader title={title} subheader={subtitle} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  </Grid>
);

const Empty = () => {
  const translate = useTranslate();
  return <Typography variant="body2" color="text.secondary">{translate('dashboard.empty')}</Typography>;
};

/**
 * The staff dashboard: one cohort's year at a glance. Every number is aggregated by the API
 * (`GET /api/dashboard`); the browser only draws.
 */
const StaffDashboardView = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  /** Charts draw euros; the axis shows whole euros (`25.000 €`). */
  const euros = (value: number) => formatMoney(Math.round(value * 100), locale, { whole: true });
  const number = (n: number) => formatNumber(n, locale);
  const dataProvider = useDataProvider<AppDataProvider>();
  const [cohortId, setCohortId] = useState<number | ''>('');
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
  const statusLabel = (s: string) => translate(`enums.application_status.${s}`, { _: s });
  const f = data.funding;
  const weeks = data.applications_over_time;
  const workshops = data.attendance.by_workshop;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="dashboard.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
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
      </Box>
      <Grid container spacing={2}>
        <Panel title={translate('dashboard.applications_over_time')} size={8}>
          {weeks.length ? (
            <LineChart
              height={260}
              xAxis={[{ scaleType: 'point', data: weeks.map((w) => formatDate(w.week.slice(0, 10), locale)) }]}
              series={[
                { data: weeks.map((w) => w.cumulative), label: translate('dashboard.cumulative'), area: true, showMark: false },
                { data: weeks.map((w) => w.submitted), label: translate('dashboard.submitted_per_week') },
              ]}
            />
          ) : <Empty />}
        </Panel>
        <Panel
          title={translate('dashboard.seats')}
          subtitle={translate('dashboard.seats_summary', { fellows: data.seats.fellows, seats: data.seats.seats, waitlisted: data.seats.waitlisted })}
          size={4}
        >
          <Gauge height={220} value={data.seats.fellows} valueMax={Math.max(data.seats.seats, data.seats.fellows)} text={`${data.seats.fellows} / ${data.seats.seats}`} startAngle={-110} endAngle={110} />
        </Panel>
        <Panel title={translate('dashboard.applications_by_status')}>
          {data.applications_by_status.length ? (
            <BarChart
              height={280}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: data.applications_by_status.map((s) => statusLabel(s.status)), width: 130 }]}
              series={[{ data: data.applications_by_status.map((s) => s.count), label: translate('dashboard.applications_by_status') }]}
              hideLegend
            />
          ) : <Empty />}
        </Panel>
        <Panel title={translate('dashboard.jury')} subtitle={translate('dashboard.jury_summary', { submitted: data.jury.submitted, assigned: data.jury.assigned })}>
          {data.jury.by_juror.length ? (
            <BarChart
              height={280}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: data.jury.by_juror.map((j) => j.juror_name), width: 150 }]}
              series={[
                { data: data.jury.by_juror.map((j) => j.submitted), label: translate('dashboard.jury_submitted'), stack: 'jury' },
                { data: data.jury.by_juror.map((j) => j.assigned - j.submitted), label: translate('dashboard.jury_open'), stack: 'jury' },
              ]}
            />
          ) : <Empty />}
        </Panel>
        <Panel title={translate('dashboard.funding')} subtitle={`${translate('dashboard.funding_paid')}: ${formatMoney(f.paid_cents, locale, { whole: true })} / ${formatMoney(f.grant_cents, locale, { whole: true })}`}>
          <BarChart
            height={260}
            xAxis={[{ scaleType: 'band', data: [translate('dashboard.funding_grant'), translate('dashboard.funding_planned'), translate('dashboard.funding_approved'), translate('dashboard.funding_paid')] }]}
            yAxis={[{ valueFormatter: (v: number) => euros(v), width: 90 }]}
            series={[{ data: [f.grant_cents, f.planned_cents, f.approved_cents, f.paid_cents].map((c) => c / 100), valueFormatter: (v) => euros(v ?? 0) }]}
            hideLegend
          />
        </Panel>
        <Panel title={translate('dashboard.coaching')} subtitle={translate('dashboard.coaching_summary', { used: number(data.coaching.used_hours), budget: number(data.coaching.budget_hours) })}>
          {data.coaching.by_fellow.length ? (
            <BarChart
              height={Math.max(220, 40 + data.coaching.by_fellow.length * 32)}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: data.coaching.by_fellow.map((x) => x.organisation_name), width: 180 }]}
              series={[
                { data: data.coaching.by_fellow.map((x) => x.used_hours), label: translate('dashboard.coaching_used') },
                { data: data.coaching.by_fellow.map((x) => x.budget_hours), label: translate('dashboard.coaching_budget') },
              ]}
            />
          ) : <Empty />}
        </Panel>
        <Panel
          title={translate('dashboard.attendance')}
          subtitle={translate('dashboard.attendance_summary', {
            rate: data.attendance.rate_percent == null ? '–' : `${number(data.attendance.rate_percent)} %`,
            min: data.attendance.min_percent,
            below: data.attendance.below_rule,
          })}
          size={12}
        >
          {workshops.length ? (
            <BarChart
              height={280}
              xAxis={[{ scaleType: 'band', data: workshops.map((w) => `${w.title} (${formatDate(w.starts_at, locale)})`) }]}
              series={(['attended', 'excused', 'absent', 'registered'] as const).map((key) => ({
                data: workshops.map((w) => w[key]), label: translate(`dashboard.${key}`), stack: 'attendance',
              }))}
            />
          ) : <Empty />}
        </Panel>
      </Grid>
    </Box>
  );
};

export default StaffDashboardView;
