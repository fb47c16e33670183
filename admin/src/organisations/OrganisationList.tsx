import { BooleanField, CreateButton, DataTable, ExportButton, List, TopToolbar, usePermissions } from 'react-admin';
import { MyOrganisationPage } from './MyOrganisationPage.tsx';
import { EnumField } from '../shared/EnumField.tsx';
import { useOrganisationFilters } from './organisationFilters.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

/** Staff's (and a coach's) list; an applicant has one organisation, shown as their profile page. */
export const OrganisationList = () => {
  const { permissions: role } = usePermissions();
  return role === 'applicant' ? <MyOrganisationPage /> : <OrganisationTable />;
};

const OrganisationTable = () => (
  <List filters={useOrganisationFilters()} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />}>
    <ResponsiveDataTable rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.Col source="city" />
      <DataTable.Col source="state" />
      <DataTable.Col source="field"><EnumField source="field" enumName="field" /></DataTable.Col>
      <DataTable.Col source="legal_form"><EnumField source="legal_form" enumName="legal_form" /></DataTable.Col>
      <DataTable.Col source="charitable_status"><BooleanField source="charitable_status" /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
