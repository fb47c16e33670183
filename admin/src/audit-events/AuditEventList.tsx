import { DataTable, DateField, DateTimeInput, List, NumberInput, ReferenceField, SearchInput, TextField, TextInput } from 'react-admin';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

export const BERLIN_DATETIME = { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium' } as const;

const auditFilters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <TextInput source="resource" key="resource" />,
  <NumberInput source="record_id" key="record_id" />,
  <TextInput source="action" key="action" />,
  <NumberInput source="actor_id" key="actor_id" />,
  <DateTimeInput source="at_gte" key="at_gte" />,
  <DateTimeInput source="at_lte" key="at_lte" />,
];

/** The audit trail: read-only, newest first, filterable by actor, resource, record, action and time. */
export const AuditEventList = () => (
  <List filters={auditFilters} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
    <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at"><DateField source="at" showTime options={BERLIN_DATETIME} /></DataTable.Col>
      <DataTable.Col source="actor_name">
        <ReferenceField source="actor_id" reference="users" link={false} emptyText="System">
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="action" />
      <DataTable.Col source="resource" />
      <DataTable.Col source="record_id" />
    </ResponsiveDataTable>
  </List>
);
