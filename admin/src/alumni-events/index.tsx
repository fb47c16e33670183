import EventIcon from '@mui/icons-material/Event';
import { DataTable, DateField, List, NumberInput, UrlField } from 'react-admin';
import type { ResourceDef } from '../registry.tsx';
import { EnumField } from '../shared/EnumField.tsx';

const filters = [<NumberInput source="cohort_year" key="cohort_year" alwaysOn />];

/** Networking events and barcamps of the cohorts, read-only for alumni (workshops are the programme's). */
const AlumniEventList = () => (
  <List filters={filters} sort={{ field: 'starts_at', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="starts_at"><DateField source="starts_at" showTime /></DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="kind"><EnumField source="kind" enumName="event_kind" /></DataTable.Col>
      <DataTable.Col source="cohort_name" />
      <DataTable.Col source="location" />
      <DataTable.Col source="online_url"><UrlField source="online_url" /></DataTable.Col>
    </DataTable>
  </List>
);

const alumniEvents: ResourceDef = {
  name: 'alumni-events',
  roles: ['admin', 'staff', 'applicant'],
  list: AlumniEventList,
  icon: EventIcon,
};
export default alumniEvents;
