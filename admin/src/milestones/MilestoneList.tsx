import { CreateButton, DataTable, List, ReferenceField, SelectInput, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '../../../backend/src/milestones/milestones.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{permissions !== 'applicant' && <CreateButton />}</TopToolbar>;
};

export const MilestoneList = () => {
  const translate = useTranslate();
  const filters = [
    <SelectInput source="kind" choices={enumChoices(translate, 'milestone_kind', MILESTONE_KINDS)} key="kind" alwaysOn />,
    <SelectInput source="status" choices={enumChoices(translate, 'milestone_status', MILESTONE_STATUSES)} key="status" alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'due_on', order: 'ASC' }} actions={<Actions />}>
      <ResponsiveDataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="fellowship_id"><ReferenceField source="fellowship_id" reference="fellowships" link="show" /></DataTable.Col>
        <DataTable.Col source="title" />
        <DataTable.Col source="kind"><EnumField source="kind" enumName="milestone_kind" /></DataTable.Col>
        <DataTable.Col source="due_on"><DayField source="due_on" /></DataTable.Col>
        <DataTable.Col source="status"><EnumField source="status" enumName="milestone_status" chip /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
