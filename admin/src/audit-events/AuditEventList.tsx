import { DataTable, DateTimeInput, List, NumberInput, ReferenceField, SearchInput, TextField, TextInput, useTranslate } from 'react-admin';
import { DateTimeField } from '../shared/fields.tsx';
import { EnumField } from '../shared/EnumField.tsx';
import { ResourceNameField } from './AuditFields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

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
export const AuditEventList = () => {
  const translate = useTranslate();
  return (
  <List filters={auditFilters} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
    <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at"><DateTimeField source="at" /></DataTable.Col>
      <DataTable.Col source="actor_name">
        <ReferenceField source="actor_id" reference="users" link={false} emptyText={translate('resources.audit-events.system')}>
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="action"><EnumField source="action" enumName="audit_action" /></DataTable.Col>
      <DataTable.Col source="resource"><ResourceNameField source="resource" /></DataTable.Col>
      <DataTable.Col source="record_id" />
    </ResponsiveDataTable>
  </List>
  );
};
