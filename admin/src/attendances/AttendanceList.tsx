import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput, useTranslate } from 'react-admin';
import { ATTENDANCE_STATUSES } from '../../../backend/src/attendances/attendances.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const useFilters = () => {
  const translate = useTranslate();
  return [
    <ReferenceInput source="workshop_id" reference="workshops" key="w" alwaysOn><AutocompleteInput optionText="title" /></ReferenceInput>,
    <ReferenceInput source="organisation_id" reference="organisations" key="o"><AutocompleteInput optionText="name" /></ReferenceInput>,
    <SelectInput source="status" choices={enumChoices(translate, 'attendance_status', ATTENDANCE_STATUSES)} key="s" />,
  ];
};

/** Registrations and attendance, across workshops (marking itself happens on the workshop). */
export const AttendanceList = () => (
  <List filters={useFilters()} sort={{ field: 'workshop_starts_at', order: 'DESC' }}>
    <ResponsiveDataTable bulkActionButtons={false}>
      <DataTable.Col source="workshop_starts_at"><DateTimeField source="workshop_starts_at" weekday /></DataTable.Col>
      <DataTable.Col source="workshop_id"><ReferenceField source="workshop_id" reference="workshops" link="show" /></DataTable.Col>
      <DataTable.Col source="person_name" />
      <DataTable.Col source="organisation_name" />
      <DataTable.Col source="status"><EnumField source="status" enumName="attendance_status" chip /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
