import { List, ListItemText } from '@mui/material';
import { LinkListItem } from '../shared/LinkListItem.tsx';
import { useGetList, useTranslate } from 'react-admin';
import { useProgrammeFellows } from '../programme/useProgrammeFellows.ts';
import { HomeCard, HomeFrame, LinkButton, Muted, Progress } from './HomeParts.tsx';
import { formatDateTime, formatNumber, useIntlLocale } from '../shared/format.ts';

/** The coach's workspace: my fellows with hours used, logging a session, the next workshops. */
const CoachHome = () => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const t = (key: string, options?: any) => translate(`app.home.coach.${key}`, options);
  const { data: fellows = [], isPending } = useProgrammeFellows('active');
  const { data: workshops = [] } = useGetList('workshops', { filter: { upcoming: true }, sort: { field: 'starts_at', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
  return (
    <HomeFrame intro={t('intro')}>
      <HomeCard title={t('fellows')} actions={<><LinkButton to="/coaching-sessions/create" primary>{t('log_session')}</LinkButton><LinkButton to="/my-fellows">{t('all_fellows')}</LinkButton></>}>
        {!isPending && fellows.length === 0 && <Muted>{t('no_fellows')}</Muted>}
        {fellows.map((f: any) => {
          const used = Number(f.coaching?.used_hours ?? 0);
          const budget = Number(f.coaching?.budget_hours ?? f.coaching_hours_budget ?? 0);
          return (
            <Progress
              key={f.id}
              done={used}
              total={budget}
              label={`${f.organisation_name}: ${t('hours', { used: formatNumber(used, locale, 2), budget: formatNumber(budget, locale, 2) })}`}
            />
          );
        })}
      </HomeCard>
      <HomeCard title={t('workshops')} actions={<LinkButton to="/workshops">{t('all_workshops')}</LinkButton>}>
        {workshops.length === 0 ? (
          <Muted>{t('no_workshops')}</Muted>
        ) : (
          <List dense aria-label={t('workshops')}>
            {workshops.map((w) => (
              <LinkListItem key={w.id} to={`/workshops/${w.id}/show`}>
                <ListItemText primary={w.title} secondary={formatDateTime(w.starts_at, locale)} />
              </LinkListItem>
            ))}
          </List>
        )}
      </HomeCard>
    </HomeFrame>
  );
};
export default CoachHome;
