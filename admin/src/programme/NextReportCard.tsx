import { Alert, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate, localeTag } from '../shared/format.ts';

/**
 * The fellow's next open grantee report (requested or returned, earliest due first): its kind,
 * the due date (or how long it is overdue), the return note when staff gave it back, and a button
 * that opens it. Nothing when no report is open.
 */
export const NextReportCard = ({ fellowshipId }: { fellowshipId: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loc = localeTag(locale);
  const t = (key: string, options?: any) => translate(`resources.programme.next_report.${key}`, options);
  const { data = [] } = useGetList('grantee-reports', {
    filter: { fellowship_id: fellowshipId, status: ['requested', 'returned'] },
    sort: { field: 'due_on', order: 'ASC' },
    pagination: { page: 1, perPage: 1 },
  });
  const report = data[0];
  if (!report) return null;
  const due = formatDate(report.due_on, loc);
  return (
    <Card sx={{ mt: 2 }} data-testid="next-report">
      <CardContent>
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">{report.overdue ? t('overdue', { date: due }) : t('due', { date: due })}</Typography>
            {report.overdue && <Chip size="small" color="error" label={translate('resources.grantee-reports.overdue')} />}
          </Stack>
          <Typography color="text.secondary">
            {translate(`enums.grantee_report_kind.${report.kind}`)} · {t('period', { start: formatDate(report.period_start, loc), end: formatDate(report.period_end, loc) })} · {translate(`enums.grantee_report_status.${report.status}`)}
          </Typography>
          {report.status === 'returned' && report.review_note && (
            <Alert severity="warning">{translate('resources.grantee-reports.returned_note', { note: report.review_note })}</Alert>
          )}
          <Button component={Link} to={`/grantee-reports/${report.id}/show`} variant="contained" sx={{ alignSelf: 'flex-start' }}>
            {t('open')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};
