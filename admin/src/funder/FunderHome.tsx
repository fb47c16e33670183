import { lazy, Suspense } from 'react';
import { Box, Card, CardContent, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Loading, useGetList, useTranslate } from 'react-admin';
import { formatDate, useIntlLocale } from '../shared/format.ts';

const StaffDashboardView = lazy(() => import('../dashboard/StaffDashboardView.tsx'));
const FunderOutcomes = lazy(() => import('./FunderOutcomes.tsx'));

/**
 * The funder's workspace (issue 20): the dashboard of the cohorts it funds (the API answers with
 * those cohorts only, in numbers: no juror or fellow by name), their issued reports, each a
 * download of the frozen PDF, and their outcomes in totals. Nothing else: the funder's menu is this
 * page alone.
 */
const FunderHome = () => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const t = (key: string, options?: object) => translate(`app.home.funder.${key}`, options);
  const { data: reports = [], isPending } = useGetList('reports', { sort: { field: 'issued_at', order: 'DESC' }, pagination: { page: 1, perPage: 100 } });
  return (
    <Box>
      <Typography variant="body1" color="text.secondary" sx={{ mt: 2 }}>{t('intro')}</Typography>
      <Suspense fallback={<Loading />}>
        <StaffDashboardView />
      </Suspense>
      <Card component="section" sx={{ mb: 2 }} aria-labelledby="funder-reports">
        <CardContent>
          <Typography variant="h6" component="h2" id="funder-reports" gutterBottom>{t('reports')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('reports_hint')}</Typography>
          {!isPending && reports.length === 0 && <Typography sx={{ mt: 1 }}>{t('no_reports')}</Typography>}
          <List dense aria-label={t('reports')}>
            {reports.map((r) => (
              <ListItem key={r.id} disableGutters>
                <DownloadIcon fontSize="small" sx={{ mr: 1 }} aria-hidden />
                <ListItemText
                  primary={<Link href={`/api/reports/${r.id}/pdf`} aria-label={t('download', { title: r.title })}>{r.title}</Link>}
                  secondary={t('issued_on', { cohort: r.cohort_name, date: formatDate(r.issued_at, locale) })}
                />
              </ListItem>
            ))}
          </List>
        </CardContent>
      </Card>
      <Suspense fallback={<Loading />}>
        <FunderOutcomes />
      </Suspense>
    </Box>
  );
};
export default FunderHome;
