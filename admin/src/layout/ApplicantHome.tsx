import { useState } from 'react';
import { Alert, Chip, Stack } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';

import { HomeCard, HomeFrame, LinkButton, Muted } from './HomeParts.tsx';
import { FollowUpCards } from '../follow-up-requests/FollowUpCard.tsx';
import { formatDateTime, formatMoney, useIntlLocale } from '../shared/format.ts';

/** Greeted by where the organisation stands: fellow now, alumnus after the year, or left early. */
const FELLOWSHIP_GREETING: Record<string, string> = { active: 'fellow_of', completed: 'alumni_of', withdrawn: 'withdrawn_of' };

/** The organisation's workspace (applicant, fellow, alumnus): my application, my programme, the network. */
const ApplicantHome = () => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const t = (key: string, options?: any) => translate(`app.home.applicant.${key}`, options);
  const { data: applications = [], isPending } = useGetList('applications', { sort: { field: 'created_at', order: 'DESC' }, pagination: { page: 1, perPage: 5 } });
  const { data: openCohorts = [], isPending: cohortsPending } = useGetList('cohorts', { filter: { phase: 'call_open' }, sort: { field: 'application_closes_at', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
  const [now] = useState(() => new Date().toISOString());
  // A cohort still in draft whose call is to open later: the start page can say when.
  const { data: plannedCohorts = [] } = useGetList('cohorts', { filter: { phase: 'draft', application_opens_at_gt: now }, sort: { field: 'application_opens_at', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
  const { data: fellowships = [] } = useGetList('fellowships', { sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: 1 } });
  const offer = applications.find((a: any) => a.offer_open);
  const latest = offer ?? applications[0];
  const fellowship = fellowships[0];
  const call = openCohorts[0];
  const planned = plannedCohorts[0];
  return (
    <HomeFrame intro={t('intro')}>
      <FollowUpCards />
      <HomeCard
        title={t('application')}
        actions={latest || call ? <LinkButton to="/application" primary>{offer ? t('answer_offer') : latest?.status === 'draft' || !latest ? t('continue') : t('open')}</LinkButton> : undefined}
      >
        {offer && <Alert severity="success" sx={{ mb: 1 }}>{t('offer')}</Alert>}
        {call ? (
          <Muted>{t('call_open', { name: call.name, deadline: formatDateTime(call.application_closes_at, locale) })}</Muted>
        ) : (
          !cohortsPending && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {t('no_call')}
              {planned && <> {t('next_call', { name: planned.name, date: formatDateTime(planned.application_opens_at, locale) })}</>}
            </Alert>
          )
        )}
        {!isPending && !latest && <Muted>{t('no_application')}</Muted>}
        {latest && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
            <Muted>{latest.project_name || latest.cohort_name || ''}</Muted>
            <Chip size="small" label={translate(`enums.application_status.${latest.status}`, { _: latest.status })} />
          </Stack>
        )}
      </HomeCard>
      <HomeCard title={t('programme')} actions={fellowship ? <LinkButton to="/my-programme">{t('to_programme')}</LinkButton> : undefined}>
        {fellowship ? (
          <>
            <Muted>{t(FELLOWSHIP_GREETING[fellowship.status as string] ?? 'fellow_of', { cohort: fellowship.cohort_name ?? '' })}</Muted>
            <Muted>{t('grant', { amount: formatMoney(fellowship.grant_cents, locale) })}</Muted>
          </>
        ) : (
          <Muted>{t('no_programme')}</Muted>
        )}
      </HomeCard>
      <HomeCard title={t('network')} size={12} actions={<><LinkButton to="/alumni-profiles">{t('directory')}</LinkButton><LinkButton to="/alumni-events">{t('events')}</LinkButton></>}>
        <Muted>{t('network_hint')}</Muted>
      </HomeCard>
    </HomeFrame>
  );
};
export default ApplicantHome;
