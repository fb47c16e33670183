import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { BudgetBar } from '../coaching-sessions/BudgetBar.tsx';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { useProgrammeFellows } from './useProgrammeFellows.ts';

export { useProgrammeFellows };

export const UpcomingWorkshops = ({ limit = 8 }: { limit?: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data = [] } = useGetList('workshops', { filter: { upcoming: true }, sort: { field: 'starts_at', order: 'ASC' }, pagination: { page: 1, perPage: limit } });
  if (!data.length) return <Typography color="text.secondary">{translate('resources.programme.none')}</Typography>;
  return (
    <Table size="small">
      <TableBody>
        {data.map((w: any) => (
          <TableRow key={w.id} hover component={Link as any} to={`/workshops/${w.id}/show`} sx={{ textDecoration: 'none' }}>
            <TableCell>{formatDateTime(w.starts_at, locale === 'en' ? 'en-GB' : 'de-DE')}</TableCell>
            <TableCell>{w.title}</TableCell>
            <TableCell><Chip size="small" label={translate(`enums.workshop_kind.${w.kind}`)} /></TableCell>
            <TableCell>{w.location ?? (w.online_url ? 'Online' : '')}</TableCell>
            <TableCell>{w.cohort_name}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Coach workspace: my fellows (hours vs budget, attendance rule, next milestone), upcoming workshops. */
export const CoachWorkspace = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loc = locale === 'en' ? 'en-GB' : 'de-DE';
  const t = (key: string, options?: any) => translate(`resources.programme.${key}`, options);
  // The year at hand (the server filters): fellows of past cohorts stay reachable through the story.
  const { data: fellows = [], isPending } = useProgrammeFellows('active');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('my_fellows')} />
      <Card>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h6">{t('my_fellows')}</Typography>
            <Button variant="contained" component={Link} to="/coaching-sessions/create">{t('log_session')}</Button>
          </Stack>
          {!isPending && !fellows.length && <Typography color="text.secondary">{t('none')}</Typography>}
          {fellows.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('organisation')}</TableCell>
                  <TableCell>{t('coaching')}</TableCell>
                  <TableCell>{t('attendance')}</TableCell>
                  <TableCell>{t('next_milestone')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {fellows.map((f) => (
                  <TableRow key={f.id}>
                    <TableCell>
                      <Typography variant="body2">{f.organisation_name}</Typography>
                      <Typography variant="caption" color="text.secondary">{f.cohort_name}</Typography>
                    </TableCell>
                    <TableCell><BudgetBar budget={f.coaching} showAlert={false} /></TableCell>
                    <TableCell>
                      {f.attendance?.below_rule ? (
                        <Chip size="small" color="warning" label={`${f.attendance.percent} % – ${t('below_rule', { min: f.attendance.min_attendance_percent })}`} />
                      ) : (
                        <Typography variant="body2">{f.attendance?.percent ?? '—'} %</Typography>
                      )}
                    </TableCell>
                    <TableCell>{f.next_milestone ? `${f.next_milestone.title} (${formatDate(f.next_milestone.due_on, loc)})` : '—'}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        <Button size="small" component={Link} to={`/fellowship-story/${f.id}`}>{t('story')}</Button>
                        <Button size="small" component={Link} to={`/coaching-sessions/create?fellowship_id=${f.id}`} disabled={f.coaching.state === 'at_limit' || f.coaching.state === 'over'}>
                          {t('log_session')}
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {fellows.some((f) => f.coaching.state !== 'ok') && (
            <Alert severity="warning" sx={{ mt: 2 }}>{translate('resources.coaching-sessions.budget.near')}</Alert>
          )}
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>{t('upcoming')}</Typography>
          <UpcomingWorkshops />
        </CardContent>
      </Card>
    </Box>
  );
};
