import { Chip } from '@mui/material';
import { BooleanInput, CreateButton, DataTable, List, ReferenceInput, SelectInput, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { GRANTEE_REPORT_KINDS, GRANTEE_REPORT_STATUSES } from '../../../backend/src/grantee-reports/grantee-reports.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{(permissions === 'staff' || permissions === 'admin') && <CreateButton />}</TopToolbar>;
};

/** The due date, marked when the report is still open after it. */
export const DueField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      <DayField source="due_on" />
      {record.overdue && <Chip size="small" color="error" label={translate('resources.grantee-reports.overdue')} sx={{ ml: 1 }} />}
    </span>
  );
};

/** Staff: the report queue of a cohort (due, overdue, submitted, returned); the fellow and coach: their reports. */
export const GranteeReportList = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const staff = permissions === 'staff' || permissions === 'admin';
  const filters = [
    ...(staff ? [<ReferenceInput source="cohort_id" reference="cohorts" key="cohort" alwaysOn sort={{ field: 'year', order: 'DESC' }}><SelectInput optionText="name" /></ReferenceInput>] : []),
    <SelectInput source="status" choices={enumChoices(translate, 'grantee_report_status', GRANTEE_REPORT_STATUSES)} key="status" alwaysOn />,
    <SelectInput source="kind" choices={enumChoices(translate, 'grantee_report_kind', GRANTEE_REPORT_KINDS)} key="kind" alwaysOn />,
    <BooleanInput source="overdue" key="overdue" alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'due_on', order: 'ASC' }} actions={<Actions />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="kind"><EnumField source="kind" enumName="grantee_report_kind" /></DataTable.Col>
        <DataTable.Col source="period_end" label="resources.grantee-reports.fields.period"><Period /></DataTable.Col>
        <DataTable.Col source="due_on"><DueField /></DataTable.Col>
        <DataTable.Col source="status"><EnumField source="status" enumName="grantee_report_status" chip /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};

export const Period = () => (
  <span>
    <DayField source="period_start" /> – <DayField source="period_end" />
  </span>
);
