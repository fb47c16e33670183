import { CreateButton, DataTable, DateField, DeleteButton, List, SearchInput, TopToolbar, usePermissions } from 'react-admin';
import { BERLIN_DATETIME } from '../reviews/format.ts';
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
        <DataTable.Col source="created_at"><DateField source="created_at" showTime options={BERLIN_DATETIME} /></DataTable.Col>
        {staff && <DataTable.Col label=" " disableSort><DeleteButton mutationMode="pessimistic" /></DataTable.Col>}
      </ResponsiveDataTable>
    </List>
  );
};
