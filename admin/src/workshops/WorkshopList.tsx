import { Button } from '@mui/material';
import EventIcon from '@mui/icons-material/Event';
import { BooleanField, BooleanInput, CreateButton, DataTable, List, ReferenceInput, AutocompleteInput, SearchInput, SelectInput, TopToolbar, useListContext, usePermissions, useTranslate } from 'react-admin';
import { WORKSHOP_KINDS } from '../../../backend/src/workshops/workshops.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/** Download the cohort's calendar (needs a cohort filter: one feed per cohort). */
export const IcsButton = ({ cohortId }: { cohortId?: number | string }) => {
  const translate = useTranslate();
  if (!cohortId) return null;
  return (
    <Button size="small" startIcon={<EventIcon />} href={`/api/workshops.ics?cohort_id=${cohortId}`} title={translate('resources.workshops.ics_hint')}>
      {translate('resources.workshops.ics')}
    </Button>
  );
};

const Actions = () => {
  const { permissions } = usePermissions();
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      <IcsButton cohortId={filterValues.cohort_id} />
      {(permissions === 'admin' || permissions === 'staff') && <CreateButton />}
    </TopToolbar>
  );
};

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <ReferenceInput source="cohort_id" reference="cohorts" key="cohort" alwaysOn>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <SelectInput source="kind" choices={enumChoices(translate, 'workshop_kind', WORKSHOP_KINDS)} key="kind" />,
    <BooleanInput source="upcoming" key="upcoming" />,
  ];
};

/** A calendar-like list: by start time, in Berlin time, with seats taken. */
export const WorkshopList = () => (
  <List filters={useFilters()} sort={{ field: 'starts_at', order: 'ASC' }} actions={<Actions />} filterDefaultValues={{ upcoming: true }}>
    <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="starts_at"><DateTimeField source="starts_at" weekday /></DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="kind"><EnumField source="kind" enumName="workshop_kind" chip /></DataTable.Col>
      <DataTable.Col source="location" />
      <DataTable.Col source="cohort_name" />
      <DataTable.Col source="mandatory"><BooleanField source="mandatory" /></DataTable.Col>
      <DataTable.NumberCol source="registered_count" />
      <DataTable.NumberCol source="attended_count" />
    </ResponsiveDataTable>
  </List>
);
