import { Box, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Button as RaButton, useCreatePath, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { TopicChips } from './TopicChips.tsx';
import { RequestIntroductionButton } from './RequestIntroductionButton.tsx';

/** One organisation in the alumni directory: who it is, what it offers and what it needs. */
export const AlumniCard = ({ record }: { record: Record<string, any> }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const own = permissions === 'applicant' && identity?.organisation_id === record.organisation_id;
  const canEdit = own || permissions === 'admin' || permissions === 'staff';
  const t = (key: string) => translate(`resources.alumni-profiles.${key}`);
  return (
    <Card variant="outlined" sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem' }}>
            {record.organisation_name}
          </Typography>
          {own && <Chip size="small" color="primary" label={t('card.own')} />}
          {!record.visible && <Chip size="small" color="warning" label={t('card.hidden')} />}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {[record.cohort_name ?? record.cohort_year, record.city && record.state ? `${record.city}, ${record.state}` : record.state, translate(`enums.field.${record.field}`, { _: record.field })]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        {record.project_name && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {record.project_name}
            {record.transfer_model ? ` (${translate(`enums.transfer_model.${record.transfer_model}`, { _: record.transfer_model })})` : ''}
          </Typography>
        )}
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="overline">{t('card.offers')}</Typography>
          <TopicChips text={record.offers} color="primary" />
        </Box>
        <Box sx={{ mt: 1 }}>
          <Typography variant="overline">{t('card.needs')}</Typography>
          <TopicChips text={record.needs} color="secondary" />
        </Box>
        {!own && permissions === 'applicant' && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {record.contact_email ?? t('card.contact_hidden')}
          </Typography>
        )}
      </CardContent>
      <CardActions>
        <RaButton component={Link} to={createPath({ resource: 'alumni-profiles', id: record.id, type: 'show' })} label={t('card.show')} />
        {canEdit && <RaButton component={Link} to={createPath({ resource: 'alumni-profiles', id: record.id, type: 'edit' })} label={t('card.edit')} />}
        {permissions === 'applicant' && !own && record.visible && (
          record.introduction_status === 'requested' ? (
            <Chip size="small" label={t('introduce.pending')} />
          ) : record.introduction_status === 'accepted' || record.contact_revealed ? (
            <Chip size="small" color="success" label={t('introduce.accepted')} />
          ) : (
            <RequestIntroductionButton organisationId={record.organisation_id} organisationName={record.organisation_name} />
          )
        )}
      </CardActions>
    </Card>
  );
};
