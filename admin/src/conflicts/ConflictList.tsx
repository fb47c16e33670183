import { CreateButton, DataTable, DeleteButton, List, SearchInput, TopToolbar, usePermissions } from 'react-admin';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** A juror's own declarations; staff see every juror's and may withdraw one. */
export const ConflictList = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <List actions={<Actions />} filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'created_at', order: 'DESC' }}>
      <ResponsiveDataTable rowClick="edit" bulkActionButtons={false}>
        {staff && <DataTable.Col source="juror_name" />}
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        {staff && <DataTable.Col label=" " disableSort><DeleteButton mutationMode="pessimistic" /></DataTable.Col>}
      </ResponsiveDataTable>
    </List>
  );
};
