import { Button, Stack } from '@mui/material';
import { DataTable, ReferenceManyField, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumField } from '../shared/EnumField.tsx';
import { EuroField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';
import { DueField, Period } from './GranteeReportList.tsx';

/**
 * "Berichte" on a fellowship: its reports (the fellow opens one to write it, staff to review it)
 * and, for staff, the request of a new one with this fellowship chosen.
 */
export const FellowshipReports = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  const staff = permissions === 'staff' || permissions === 'admin';
  const source = encodeURIComponent(JSON.stringify({ fellowship_id: record.id }));
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      {staff && (
        <Button component={Link} to={`/grantee-reports/create?source=${source}`} variant="outlined" sx={{ alignSelf: 'flex-start' }}>
          {translate('resources.grantee-reports.request')}
        </Button>
      )}
      <ReferenceManyField reference="grantee-reports" target="fellowship_id" sort={{ field: 'due_on', order: 'ASC' }} label={false}>
        <ResponsiveDataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="kind"><EnumField source="kind" enumName="grantee_report_kind" /></DataTable.Col>
          <DataTable.Col source="period_end" label="resources.grantee-reports.fields.period"><Period /></DataTable.Col>
          <DataTable.Col source="due_on"><DueField /></DataTable.Col>
          <DataTable.Col source="status"><EnumField source="status" enumName="grantee_report_status" chip /></DataTable.Col>
          <DataTable.Col source="report_expenses_cents"><EuroField source="report_expenses_cents" /></DataTable.Col>
        </ResponsiveDataTable>
      </ReferenceManyField>
    </Stack>
  );
};
