import { DataTable, List, NumberInput, Show, SimpleShowLayout, TextField, UrlField } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const filters = [<NumberInput source="cohort_year" key="cohort_year" alwaysOn />];

/** Networking events and barcamps of the cohorts, read-only for alumni (workshops are the programme's). */
export const AlumniEventList = () => (
  <List filters={filters} sort={{ field: 'starts_at', order: 'DESC' }} exporter={false}>
    <ResponsiveDataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="starts_at"><DateTimeField source="starts_at" /></DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="kind"><EnumField source="kind" enumName="event_kind" /></DataTable.Col>
      <DataTable.Col source="cohort_name" />
      <DataTable.Col source="location" />
      <DataTable.Col source="online_url"><UrlField source="online_url" onClick={(e) => e.stopPropagation()} /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);

/** One event with what an alumnus needs to go there: when, where (or the link), what it is about. */
export const AlumniEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <EnumField source="kind" enumName="event_kind" />
      <DateTimeField source="starts_at" />
      <DateTimeField source="ends_at" />
      <TextField source="location" emptyText="–" />
      <UrlField source="online_url" emptyText="–" />
      <TextField source="cohort_name" />
      <TextField source="description" emptyText="–" sx={{ whiteSpace: 'pre-line' }} />
    </SimpleShowLayout>
  </Show>
);
