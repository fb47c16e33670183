import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Chip, Divider, Grid, LinearProgress, List as MuiList, ListItem, ListItemText, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useQuery } from '@tanstack/react-query';
import { Loading, useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { BudgetBar } from '../coaching-sessions/BudgetBar.tsx';
import { formatDate, formatDateTime, formatFixed, formatMoney, formatNumber } from '../shared/format.ts';

/** Loads GET /api/fellowships/:id/story (scoped and redacted by the server). */
export const useFellowshipStory = (id: number | string | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({ queryKey: ['fellowship-story', id], queryFn: () => dataProvider.get(`fellowships/${id}/story`) as Promise<any>, enabled: !!id });
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="h6" gutterBottom>{title}</Typography>
      {children}
    </CardContent>
  </Card>
);

/**
 * The whole story of one fellow in one place: application, jury scores (aggregated; juror names
 * for staff only), milestones, attendance against the rule, coaching hours vs budget, tranches and
 * a timeline. Used at the end of the fellowship page, and on its own for coaches and fellows.
 */
export const FellowshipStory = ({ fellowshipId }: { fellowshipId?: number | string }) => {
  const record = useRecordContext();
  const id = fellowshipId ?? record?.id;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loc = locale === 'en' ? 'en-GB' : 'de-DE';
  const { data: story, isPending, error } = useFellowshipStory(id);
  const t = (key: string, options?: any) => translate(`resources.story.${key}`, options);
  if (!id) return null;
  if (isPending) return <Loading />;
  if (error || !story) return <Alert severity="error">{String((error as Error)?.message ?? '')}</Alert>;
  const { application, scores, milestones, attendance, coaching, tranches, timeline } = story;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h5" gutterBottom>{t('title')}: {story.fellowship.organisation_name}</Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('application')}>
            {application ? (
              <>
                <Typography variant="subtitle1">{application.project_name}</Typography>
                <Typography variant="body2" color="text.secondary" gutterBottom>
                  {translate(`enums.transfer_model.${application.transfer_model}`, { _: application.transfer_model ?? '' })}
                  {application.target_regions ? ` · ${application.target_regions}` : ''}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>{application.summary}</Typography>
                {application.decision_reason && <Alert severity="info" sx={{ mt: 1 }}>{application.decision_reason}</Alert>}
              </>
            ) : t('empty')}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('scores')}>
            <Typography variant="h4">{scores.weighted_score == null ? '—' : formatFixed(scores.weighted_score, 1, locale)}<Typography component="span" variant="body2"> / 100</Typography></Typography>
            <Typography variant="body2" color="text.secondary">{t('reviews', { smart_count: scores.review_count })}</Typography>
            <Typography variant="body2">{t('recommendations', scores.recommendations)}</Typography>
            {scores.in_progress_count ? <Typography variant="body2" color="text.secondary">{t('in_progress', { smart_count: scores.in_progress_count })}</Typography> : null}
            <Stack spacing={0.5} sx={{ mt: 1 }}>
              {scores.criteria.map((c: any) => (
                <Box key={c.criterion_id}>
                  <Typography variant="caption">{c.name} ({c.average == null ? '—' : formatNumber(c.average, locale)} / {c.max_score})</Typography>
                  <LinearProgress variant="determinate" value={c.average == null ? 0 : (c.average / c.max_score) * 100} aria-label={`${c.name} (${c.average == null ? '—' : formatNumber(c.average, locale)} / ${c.max_score})`} />
                </Box>
              ))}
            </Stack>
            {scores.reviews?.length ? (
              <Table size="small" sx={{ mt: 1 }}>
                <TableBody>
                  {scores.reviews.map((r: any) => (
                    <TableRow key={r.id}>
                      <TableCell>{r.juror_name}</TableCell>
                      <TableCell>{r.weighted_score == null ? '—' : formatFixed(r.weighted_score, 1, locale)}</TableCell>
                      <TableCell>{r.recommendation ? translate(`enums.recommendation.${r.recommendation}`) : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('milestones')}>
            {milestones.length ? (
              <MuiList dense>
                {milestones.map((m: any) => (
                  <ListItem key={m.id} secondaryAction={<Chip size="small" color={m.status === 'achieved' ? 'success' : m.status === 'missed' ? 'error' : 'default'} label={translate(`enums.milestone_status.${m.status}`)} />}>
                    <ListItemText primary={m.title} secondary={formatDate(m.due_on, loc)} />
                  </ListItem>
                ))}
              </MuiList>
            ) : t('empty')}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('attendance')}>
            {attendance.below_rule && <Alert severity="warning" sx={{ mb: 1 }}>{translate('resources.programme.below_rule', { min: attendance.min_attendance_percent })}</Alert>}
            <Typography variant="body2" gutterBottom>
              {t('attendance_line', { attended: attendance.attended, total: attendance.mandatory_past, percent: attendance.percent ?? '—', min: attendance.min_attendance_percent })}
            </Typography>
            <Table size="small">
              <TableBody>
                {attendance.workshops.map((w: any) => (
                  <TableRow key={w.id}>
                    <TableCell>{formatDateTime(w.starts_at, loc)}</TableCell>
                    <TableCell>{w.title}{w.mandatory ? ' *' : ''}</TableCell>
                    <TableCell>{w.status ? translate(`enums.attendance_status.${w.status}`) : w.past && w.mandatory ? translate('enums.attendance_status.absent') : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('coaching')}>
            <BudgetBar budget={coaching} />
            {coaching.confidential_count ? <Typography variant="caption" color="text.secondary">{t('confidential_count', { smart_count: coaching.confidential_count })}</Typography> : null}
            <MuiList dense>
              {coaching.sessions.map((s: any) => (
                <ListItem key={s.id}>
                  <ListItemText
                    primary={<>{formatDate(s.held_on, loc)} · {s.duration_minutes} min · {s.coach_name} {s.confidential ? <LockIcon sx={{ fontSize: 14, verticalAlign: 'middle' }} /> : null}</>}
                    secondary={s.content_hidden ? translate('resources.coaching-sessions.hidden') : [s.topics, s.next_steps].filter(Boolean).join(' → ')}
                  />
                </ListItem>
              ))}
            </MuiList>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('tranches')}>
            <Typography variant="body2" gutterBottom>
              {t('grant')}: {formatMoney(tranches.grant_cents, loc)} · {t('paid')}: {formatMoney(tranches.totals.paid, loc)} · {t('approved')}: {formatMoney(tranches.totals.approved, loc)} · {t('planned')}: {formatMoney(tranches.totals.planned, loc)}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow><TableCell /><TableCell align="right" /><TableCell /></TableRow>
              </TableHead>
              <TableBody>
                {tranches.items.map((d: any) => (
                  <TableRow key={d.id}>
                    <TableCell>{d.label}</TableCell>
                    <TableCell align="right">{formatMoney(d.amount_cents, loc)}</TableCell>
                    <TableCell>{translate(`enums.disbursement_status.${d.status}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        </Grid>
        <Grid size={12}>
          <Section title={t('timeline')}>
            <Stack divider={<Divider flexItem />} spacing={1}>
              {timeline.map((e: any, i: number) => (
                <Stack key={i} direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
                  <Typography variant="body2" sx={{ minWidth: { sm: 110 } }} color="text.secondary">{formatDate(e.at, loc)}</Typography>
                  <Typography variant="body2" sx={{ minWidth: { sm: 220 } }}>{translate(`enums.timeline.${e.kind}`, { _: e.kind })}</Typography>
                  <Typography variant="body2">{e.title || (e.kind === 'coaching_session' ? translate('resources.coaching-sessions.hidden') : '')}</Typography>
                </Stack>
              ))}
            </Stack>
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
};
