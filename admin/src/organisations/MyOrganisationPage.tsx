import { Alert, Box, Typography } from '@mui/material';
import { EditButton, Loading, Show, TopToolbar, useGetIdentity, useTranslate } from 'react-admin';
import { OrganisationProfile } from './OrganisationShow.tsx';

/**
 * "Meine Organisation" for an applicant: their own organisation as a profile, with the one action
 * the API grants them on it (edit). No list, no export, no delete.
 */
export const MyOrganisationPage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  const organisationId = identity?.organisation_id as number | null | undefined;
  if (!organisationId) return <Alert severity="info" sx={{ mt: 2 }}>{translate('resources.organisations.profile.none')}</Alert>;
  return (
    <Box sx={{ mt: 1 }}>
      <Show
        resource="organisations"
        id={organisationId}
        title={translate('resources.organisations.profile.title')}
        actions={<TopToolbar><EditButton label="resources.organisations.profile.edit" /></TopToolbar>}
      >
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 2 }}>{translate('resources.organisations.profile.intro')}</Typography>
        <OrganisationProfile syncWithLocation={false} />
      </Show>
    </Box>
  );
};
