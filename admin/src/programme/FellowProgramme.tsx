import { Box, Card, CardContent, Chip, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { IcsButton } from '../workshops/WorkshopList.tsx';
import { BudgetBar } from '../coaching-sessions/BudgetBar.tsx';
import { useFellowshipStory } from '../fellowships/FellowshipStory.tsx';
import { UpcomingWorkshops, useProgrammeFellows } from './CoachWorkspace.tsx';
import { formatDate } from '../shared/format.ts';
import { AgreementCard } from '../budget-lines/AgreementPanel.tsx';
import { TransferSitesPanel } from '../transfer-sites/TransferSitesPanel.tsx';
import { NextReportCard } from './NextReportCard.tsx';
import { FellowshipImpact } from '../indicators/FellowshipImpact.tsx';
import { OpenSurveysCard } from '../surveys/OpenSurveysCard.tsx';
import { useOpenFollowUps } from '../follow-up-requests/FollowUpCard.tsx';
import { useSearchParams } from 'react-router-dom';

/** The fellow's (applicant's) programme: calendar, coaching sessions (no confidential notes), milestones. */
export const FellowProgramme = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loc = locale === 'en' ? 'en-GB' : 'de-DE';
  const t = (key: string, options?: any) => translate(`resources.programme.${key}`, options);
  const { data: fellows = [], isPending } = useProgrammeFellows();
  // A follow-up letter links to the fellowship it asks about (`?fellowship_id=`); else the current one.
  const [params] = useSearchParams();
  const asked = Number(params.get('fellowship_id'));
  const fellowship = fellows.find((f) => f.id === asked) ?? fellows.find((f) => f.status === 'active') ?? fellows[0];
  const { data: openFollowUps = [] } = useOpenFollowUps(fellowship?.id, !!fellowship);
  const { data: story } = useFellowshipStory(fellowship?.id);
  const { data: sessions = [] } = useGetList('coaching-sessions', { sort: { field: 'held_on', order: 'DESC' }, pagination: { page: 1, perPage: 50 }, filter: fellowship ? { fellowship_id: fellowship.id } : {} }, { enabled: !!fellowship });
  if (!isPending && !fellowship) {
    return (
      <Card sx={{ mt: 2 }}>
        <Title title={t('my_programme')} />
        <CardContent><Typography>{t('no_fellowship')}</Typography></CardContent>
      </Card>
    );
  }
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={t('my_programme')} />
      {fellowship && <NextReportCard fellowshipId={fellowship.id} />}
      <OpenSurveysCard hideEmpty />
      <Card sx={{ mt: fellowship ? 2 : 0 }}>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h6">{t('calendar')}{fellowship ? ` · ${fellowship.cohort_name}` : ''}</Typography>
            <IcsButton cohortId={fellowship?.cohort_id} />
          </Stack>
          {fellowship?.attendance?.below_rule && (
            <Chip color="warning" sx={{ my: 1 }} label={`${t('attendance')}: ${fellowship.attendance.percent} % – ${t('below_rule', { min: fellowship.attendance.min_attendance_percent })}`} />
          )}
          <UpcomingWorkshops limit={20} />
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>{t('my_sessions')}</Typography>
          {fellowship && <BudgetBar budget={fellowship.coaching} showAlert={false} />}
          <MuiList dense>
            {sessions.map((s: any) => (
              <ListItem key={s.id}>
                <ListItemText
                  primary={<>{formatDate(s.held_on, loc)} · {s.duration_minutes} min · {s.coach_name} {s.confidential ? <LockIcon sx={{ fontSize: 14, verticalAlign: 'middle' }} /> : null}</>}
                  secondary={s.content_hidden ? translate('resources.coaching-sessions.hidden') : [s.topics, s.notes, s.next_steps].filter(Boolean).join(' · ')}
                />
              </ListItem>
            ))}
          </MuiList>
          {!sessions.length && <Typography color="text.secondary">{t('none')}</Typography>}
        </CardContent>
      </Card>
      {fellowship && <FellowshipImpact fellowshipId={fellowship.id} cohortId={fellowship.cohort_id} canWrite defaultKind={openFollowUps.length ? 'follow_up' : undefined} />}
      {fellowship && <AgreementCard fellowshipId={fellowship.id} />}
      {fellowship && <TransferSitesPanel fellowshipId={fellowship.id} defaultModel={story?.application?.transfer_model} mine />}
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>{t('my_milestones')}</Typography>
          <MuiList dense>
            {(story?.milestones ?? []).map((m: any) => (
              <ListItem key={m.id} secondaryAction={<Chip size="small" color={m.status === 'achieved' ? 'success' : m.status === 'missed' ? 'error' : 'default'} label={translate(`enums.milestone_status.${m.status}`)} />}>
                <ListItemText primary={m.title} secondary={[formatDate(m.due_on, loc), m.note].filter(Boolean).join(' · ')} />
              </ListItem>
            ))}
          </MuiList>
          {story && !story.milestones.length && <Typography color="text.secondary">{t('none')}</Typography>}
        </CardContent>
      </Card>
    </Box>
  );
};
