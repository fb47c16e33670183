import { DataTable, List, NumberField, usePermissions } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { EuroField } from '../shared/fields.tsx';
import { useFellowshipFilters } from './fellowshipFilters.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

export const FellowshipList = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <List filters={useFellowshipFilters(staff)} sort={{ field: 'cohort_year', order: 'DESC' }}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="project_name" disableSort />
        <DataTable.Col source="cohort_name" />
        <DataTable.Col source="coach_name" />
        <DataTable.Col source="grant_cents"><EuroField source="grant_cents" /></DataTable.Col>
        <DataTable.Col source="coaching_hours_budget"><NumberField source="coaching_hours_budget" /></DataTable.Col>
        <DataTable.Col source="stage"><EnumField source="stage" enumName="fellowship_stage" /></DataTable.Col>
        <DataTable.Col source="transfer_concept_status" disableSort><EnumField source="transfer_concept_status" enumName="milestone_status" /></DataTable.Col>
        <DataTable.Col source="status"><EnumField source="status" enumName="fellowship_status" chip /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
