import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import Grid from '@mui/material/Grid';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { Gauge } from '@mui/x-charts/Gauge';
import { useTranslate } from 'react-admin';
import { useDashboardFormat, useDashboardSummaries, type Dashboard } from './dashboardFormat.ts';

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
 * The dashboard's charts: their own chunk with @mui/x-charts (about a third of the console's
 * JavaScript), loaded only when staff open them.
 */
const StaffDashboardCharts = ({ data }: { data: Dashboard }) => {
  const { euro, day } = useDashboardFormat();
  const summary = useDashboardSummaries();
  const translate = useTranslate();
  const f = data.funding;
  const weeks = data.applications_over_time;
  const workshops = data.attendance.by_workshop;
  return (
    <Grid container spacing={2}>
      <Panel title={translate('dashboard.applications_over_time')} size={8}>
        {weeks.length ? (
          <LineChart
            height={260}
            xAxis={[{ scaleType: 'point', data: weeks.map((w) => day(w.week.slice(0, 10))) }]}
            series={[
              { data: weeks.map((w) => w.cumulative), label: translate('dashboard.cumulative'), area: true, showMark: false },
              { data: weeks.map((w) => w.submitted), label: translate('dashboard.submitted_per_week') },
            ]}
          />
        ) : <Empty />}
      </Panel>
      <Panel
        title={translate('dashboard.seats')}
        subtitle={summary.seats(data)}
        size={4}
      >
        <Gauge height={220} value={data.seats.fellows} valueMax={Math.max(data.seats.seats, data.seats.fellows)} text={`${data.seats.fellows} / ${data.seats.seats}`} startAngle={-110} endAngle={110} />
      </Panel>
      <Panel title={translate('dashboard.applications_by_status')}>
        {data.applications_by_status.length ? (
          <BarChart
            height={280}
            layout="horizontal"
            yAxis={[{ scaleType: 'band', data: data.applications_by_status.map((s) => summary.status(s.status)), width: 130 }]}
            series={[{ data: data.applications_by_status.map((s) => s.count), label: translate('dashboard.applications_by_status') }]}
            hideLegend
          />
        ) : <Empty />}
      </Panel>
      <Panel title={translate('dashboard.jury')} subtitle={summary.jury(data)}>
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
      <Panel title={translate('dashboard.funding')} subtitle={summary.fundingPaid(data)}>
        <BarChart
          height={260}
          xAxis={[{ scaleType: 'band', data: [translate('dashboard.funding_grant'), translate('dashboard.funding_planned'), translate('dashboard.funding_approved'), translate('dashboard.funding_paid')] }]}
          yAxis={[{ valueFormatter: (v: number) => euro(v), width: 90 }]}
          series={[{ data: [f.grant_cents, f.planned_cents, f.approved_cents, f.paid_cents].map((c) => c / 100), valueFormatter: (v) => euro(v ?? 0) }]}
          hideLegend
        />
      </Panel>
      <Panel title={translate('dashboard.coaching')} subtitle={summary.coaching(data)}>
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
        subtitle={summary.attendance(data)}
        size={12}
      >
        {workshops.length ? (
          <BarChart
            height={280}
            xAxis={[{ scaleType: 'band', data: workshops.map((w) => `${w.title} (${day(String(w.starts_at))})`) }]}
            series={(['attended', 'excused', 'absent', 'registered'] as const).map((key) => ({
              data: workshops.map((w) => w[key]), label: translate(`dashboard.${key}`), stack: 'attendance',
            }))}
          />
        ) : <Empty />}
      </Panel>
    </Grid>
  );
};

export default StaffDashboardCharts;
