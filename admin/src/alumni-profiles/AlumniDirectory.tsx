import { Box, Typography } from '@mui/material';
import { CreateButton, ExportButton, List, Pagination, TopToolbar, useListContext, usePermissions, useTranslate } from 'react-admin';
import { AlumniCard } from './AlumniCard.tsx';
import { useAlumniFilters } from './alumniFilters.tsx';

const Cards = () => {
  const { data, isPending } = useListContext();
  const translate = useTranslate();
  if (isPending) return null;
  if (!data?.length) return <Typography sx={{ p: 2 }}>{translate('app.empty')}</Typography>;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 2, p: 2 }}>
      {data.map((record) => (
        <AlumniCard key={record.id} record={record} />
      ))}
    </Box>
  );
};

const Actions = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <TopToolbar>
      {staff && <CreateButton />}
      {staff && <ExportButton />}
    </TopToolbar>
  );
};

/** The alumni directory as cards: search and filters on top, consent decided by the API. */
export const AlumniDirectory = () => (
  <List filters={useAlumniFilters()} sort={{ field: 'organisation_name', order: 'ASC' }} perPage={24} actions={<Actions />} pagination={<Pagination rowsPerPageOptions={[12, 24, 48]} />}>
    <Cards />
  </List>
);
