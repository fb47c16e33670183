import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { BooleanField, EditButton, EmailField, Show, SimpleShowLayout, TextField, TopToolbar, UrlField, useDataProvider, useGetIdentity, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { TopicChips } from './TopicChips.tsx';
import { MatchList, type Match } from './MatchList.tsx';
import { RequestIntroductionButton } from './RequestIntroductionButton.tsx';
import { DateTimeField } from '../shared/fields.tsx';

const Matches = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['alumni-profiles', 'matches', record?.id],
    queryFn: () => dataProvider.get(`alumni-profiles/${record!.id}/matches`) as Promise<Match[]>,
    enabled: !!record,
  });
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>{translate('resources.alumni-profiles.matches.title')}</Typography>
      {isPending ? null : error ? <Typography color="error">{String((error as Error).message)}</Typography> : <MatchList matches={data ?? []} />}
    </Box>
  );
};

const Actions = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  if (!record) return null;
  const own = permissions === 'applicant' && identity?.organisation_id === record.organisation_id;
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <TopToolbar>
      {(own || staff) && <EditButton />}
      {permissions === 'applicant' && !own && record.visible && !record.introduction_status && !record.contact_revealed && (
        <RequestIntroductionButton organisationId={record.organisation_id} organisationName={record.organisation_name} />
      )}
    </TopToolbar>
  );
};

/** SimpleShowLayout labels it from `source`. */
const Topics = ({ source }: { source: 'offers' | 'needs' }) => {
  const record = useRecordContext();
  return <TopicChips text={record?.[source]} color={source === 'offers' ? 'primary' : 'secondary'} />;
};

export const ProfileTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{`${translate('resources.alumni-profiles.name', { smart_count: 1 })}: ${record?.organisation_name ?? ''}`}</span>;
};

/** One alumni profile with its ranked, explained matches. */
export const AlumniProfileShow = () => (
  <Show actions={<Actions />} title={<ProfileTitle />}>
    <SimpleShowLayout>
      <TextField source="organisation_name" />
      <TextField source="cohort_name" />
      <EnumField source="field" enumName="field" />
      <TextField source="state" />
      <TextField source="project_name" />
      <EnumField source="transfer_model" enumName="transfer_model" />
      <UrlField source="website" />
      <Topics source="offers" />
      <Topics source="needs" />
      <TextField source="bio" />
      <EmailField source="contact_email" emptyText="–" />
      <BooleanField source="visible" />
      <DateTimeField source="updated_at" />
      <Matches />
    </SimpleShowLayout>
  </Show>
);
