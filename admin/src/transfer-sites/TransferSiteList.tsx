import { lazy, Suspense } from 'react';
import {
  CreateButton, DataTable, List, ReferenceInput, SelectInput, TopToolbar, useListContext, usePermissions, useTranslate,
} from 'react-admin';
import { BUNDESLAENDER } from '../../../backend/src/organisations/organisations.schema.ts';
import { TRANSFER_MODELS } from '../../../backend/src/applications/applications.schema.ts';
import { TRANSFER_SITE_STATUSES } from '../../../backend/src/transfer-sites/transfer-sites.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const TransferSiteChart = lazy(() => import('./TransferSiteChart.tsx'));

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{permissions !== 'coach' && <CreateButton />}</TopToolbar>;
};

/** Staff see the chart of the filtered cohort (or of all cohorts) above the list. */
const StaffChart = () => {
  const { permissions } = usePermissions();
  const { filterValues } = useListContext();
  if (permissions !== 'staff' && permissions !== 'admin') return null;
  const cohortId = Number(filterValues.cohort_id) || undefined;
  return (
    <Suspense fallback={null}>
      <TransferSiteChart cohortId={cohortId} />
    </Suspense>
  );
};

export const TransferSiteList = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const staff = permissions === 'staff' || permissions === 'admin';
  const filters = [
    ...(staff ? [
      <ReferenceInput source="cohort_id" reference="cohorts" key="cohort_id" sort={{ field: 'year', order: 'DESC' }} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
      <ReferenceInput source="fellowship_id" reference="fellowships" key="fellowship_id" sort={{ field: 'organisation_name', order: 'ASC' }}><SelectInput optionText="organisation_name" /></ReferenceInput>,
    ] : []),
    <SelectInput source="state" choices={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} key="state" alwaysOn />,
    <SelectInput source="status" choices={enumChoices(translate, 'transfer_site_status', TRANSFER_SITE_STATUSES)} key="status" alwaysOn />,
    <SelectInput source="transfer_model" choices={enumChoices(translate, 'transfer_model', TRANSFER_MODELS)} key="transfer_model" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'id', order: 'ASC' }} actions={<Actions />}>
      <StaffChart />
      <ResponsiveDataTable rowClick={permissions === 'coach' ? false : 'edit'} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="city" />
        <DataTable.Col source="state" />
        <DataTable.Col source="transfer_model"><EnumField source="transfer_model" enumName="transfer_model" /></DataTable.Col>
        <DataTable.Col source="status"><EnumField source="status" enumName="transfer_site_status" chip /></DataTable.Col>
        <DataTable.Col source="opened_on"><DayField source="opened_on" /></DataTable.Col>
        <DataTable.Col source="closed_on"><DayField source="closed_on" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
