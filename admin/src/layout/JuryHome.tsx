import { List, ListItemText } from '@mui/material';
import { LinkListItem } from '../shared/LinkListItem.tsx';
import { useGetList, useTranslate } from 'react-admin';
import { HomeCard, HomeFrame, LinkButton, Muted, Progress } from './HomeParts.tsx';

/** The juror's workspace: how far my scoring is, what is still open, my declared conflicts. */
const JuryHome = () => {
  const translate = useTranslate();
  const t = (key: string, options?: any) => translate(`app.home.jury.${key}`, options);
  const { data: reviews = [], isPending } = useGetList('reviews', { pagination: { page: 1, perPage: 500 }, sort: { field: 'status', order: 'ASC' } });
  const { total: conflicts = 0 } = useGetList('conflicts', { pagination: { page: 1, perPage: 1 } });
  const active = reviews.filter((r) => r.status !== 'conflict');
  const submitted = active.filter((r) => r.status === 'submitted').length;
  const open = active.filter((r) => r.status === 'assigned');
  return (
    <HomeFrame intro={t('intro')}>
      <HomeCard title={t('progress')} actions={<LinkButton to="/reviews" primary>{t('all_assignments')}</LinkButton>}>
        {!isPending && active.length === 0 ? (
          <Muted>{t('none')}</Muted>
        ) : (
          <Progress done={submitted} total={active.length} label={t('submitted_of', { done: submitted, total: active.length })} />
        )}
      </HomeCard>
      <HomeCard title={t('conflicts')} actions={<LinkButton to="/conflicts/create">{t('declare_conflict')}</LinkButton>}>
        <Muted>{t('conflicts_count', { count: conflicts })}</Muted>
        <Muted>{t('conflicts_hint')}</Muted>
      </HomeCard>
      <HomeCard title={t('next')} size={12}>
        {open.length === 0 ? (
          <Muted>{isPending ? '' : t('all_done')}</Muted>
        ) : (
          <List dense aria-label={t('next')}>
            {open.slice(0, 8).map((r) => (
              <LinkListItem key={r.id} to={`/reviews/${r.id}`}>
                <ListItemText
                  primary={`${r.organisation_name ?? ''}${r.project_name ? ` – ${r.project_name}` : ''}`}
                  secondary={translate('resources.reviews.scoring.progress', { scored: r.scored_count ?? 0, total: r.criteria_count ?? 0 })}
                />
              </LinkListItem>
            ))}
          </List>
        )}
      </HomeCard>
    </HomeFrame>
  );
};
export default JuryHome;
