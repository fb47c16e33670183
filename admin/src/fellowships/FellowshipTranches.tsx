import { Button, Chip, Link as MuiLink, Stack } from '@mui/material';
import { DataTable, ReferenceManyField, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { isEditable } from '../disbursements/DisbursementList.tsx';
import { EnumField } from '../shared/EnumField.tsx';
import { DayField, EuroField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/** What releases a tranche: its milestone or its grantee report, each with its state (a report links to it). */
const ConditionField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.milestone_title) {
    return (
      <span>
        {record.milestone_title}{' '}
        <Chip size="small" color={record.milestone_status === 'achieved' ? 'success' : 'default'} label={translate(`enums.milestone_status.${record.milestone_status}`)} />
      </span>
    );
  }
  if (record.grantee_report_id != null) {
    return (
      <span>
        <MuiLink component={Link} to={`/grantee-reports/${record.grantee_report_id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
          {translate(`enums.grantee_report_kind.${record.grantee_report_kind}`)}
        </MuiLink>{' '}
        <Chip size="small" color={record.grantee_report_status === 'accepted' ? 'success' : 'default'} label={translate(`enums.grantee_report_status.${record.grantee_report_status}`)} />
      </span>
    );
  }
  return <span>–</span>;
};

/**
 * "Tranchen" on a fellowship: its tranches with their state and what releases each (milestone or
 * report); staff plan a new one with this fellowship chosen.
 */
export const FellowshipTranches = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  const staff = permissions === 'staff' || permissions === 'admin';
  const source = encodeURIComponent(JSON.stringify({ fellowship_id: record.id }));
  return (
    <Stack spacing={1} sx={{ width: '100%' }} data-testid="fellowship-tranches">
      {staff && (
        <Button component={Link} to={`/disbursements/create?source=${source}`} variant="outlined" sx={{ alignSelf: 'flex-start' }}>
          {translate('resources.fellowships.tranches.create')}
        </Button>
      )}
      <ReferenceManyField reference="disbursements" target="fellowship_id" sort={{ field: 'due_on', order: 'ASC' }} perPage={100} label={false}>
        <ResponsiveDataTable bulkActionButtons={false} rowClick={(_id, _resource, tranche) => (staff && isEditable(tranche) ? 'edit' : 'show')}>
          <DataTable.Col source="label" />
          <DataTable.Col source="amount_cents" align="right"><EuroField source="amount_cents" /></DataTable.Col>
          <DataTable.Col source="due_on"><DayField source="due_on" /></DataTable.Col>
          <DataTable.Col source="status"><EnumField source="status" enumName="disbursement_status" chip /></DataTable.Col>
          <DataTable.Col label="resources.fellowships.tranches.condition" disableSort><ConditionField /></DataTable.Col>
        </ResponsiveDataTable>
      </ReferenceManyField>
    </Stack>
  );
};
