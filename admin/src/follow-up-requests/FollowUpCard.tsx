import { Alert } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { HomeCard, LinkButton, Muted } from '../layout/HomeParts.tsx';

const T = 'resources.follow-up-requests.card';

/** The organisation's open follow-up requests (the API scopes them to its own fellowships). */
export const useOpenFollowUps = (fellowshipId?: number, enabled = true) =>
  useGetList('follow-up-requests', {
    filter: { responded: false, ...(fellowshipId ? { fellowship_id: fellowshipId } : {}) },
    sort: { field: 'due_on', order: 'DESC' },
    pagination: { page: 1, perPage: 5 },
  }, { enabled });

/**
 * On the alumnus' home: "Bitte aktualisieren Sie Ihre Wirkung — 12 Monate nach dem Programmjahr",
 * one card per open request, with the way to the fellowship's impact (follow-up values, sites).
 * It goes away with the first follow-up value or site change the organisation enters.
 */
export const FollowUpCards = () => {
  const translate = useTranslate();
  const { data = [] } = useOpenFollowUps();
  return (
    <>
      {data.map((request: any) => (
        <HomeCard
          key={request.id}
          title={translate(`${T}.title`, { months: request.months })}
          size={12}
          actions={<LinkButton to={`/my-programme?fellowship_id=${request.fellowship_id}`} primary>{translate(`${T}.action`)}</LinkButton>}
        >
          <Alert severity="info" icon={false} data-testid="follow-up-request">
            <Muted>{translate(`${T}.text`, { months: request.months, cohort: request.cohort_name })}</Muted>
          </Alert>
        </HomeCard>
      ))}
    </>
  );
};
