import { Chip } from '@mui/material';
import {
  BooleanInput, CreateButton, DataTable, ExportButton, List, ReferenceInput, AutocompleteInput, TextInput, TopToolbar, usePermissions, useRecordContext, useTranslate,
} from 'react-admin';
import { DISBURSEMENT_STATUSES } from '../../../backend/src/disbursements/disbursements.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { EnumInput } from '../shared/inputs.tsx';

import { TrancheActions } from './DisbursementActions.tsx';
import { PayeeField } from './PayeeField.tsx';
import { DayField, EuroField } from '../shared/fields.tsx';
import { ResponsiveDataTable, ROW_ACTIONS } from '../shared/ResponsiveDataTable.tsx';

/** Only a planned tranche that is not with the bank opens in the edit form; every other one is read-only. */
export const isEditable = (record: { status?: string; export_id?: number | null } & Record<string, any>) => record.status === 'planned' && record.export_id == null;

const fellowshipLabel = (f: any) => (f ? `${f.organisation_name ?? `#${f.id}`}${f.cohort_name ? ` (${f.cohort_name})` : ''}` : '');

const useDisbursementFilters = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return [
    <EnumInput key="status" source="status" enumName="disbursement_status" values={DISBURSEMENT_STATUSES} alwaysOn />,
    ...(staff
      ? [
          <ReferenceInput key="fellowship_id" source="fellowship_id" reference="fellowships" alwaysOn>
            <AutocompleteInput optionText={fellowshipLabel} sx={{ minWidth: 280 }} />
          </ReferenceInput>,
          <BooleanInput key="to_approve" source="to_approve" />,
          <TextInput key="organisation_name" source="organisation_name" />,
        ]
      : []),
  ];
};

const Actions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {(permissions === 'admin' || permissions === 'staff') && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};

/**
 * The tranche table. `approve` is the compact variant for the second pair of eyes (who planned it,
 * which milestone gates it); the full list shows approval and payment.
 */
export const TrancheTable = ({ variant = 'full' }: { variant?: 'full' | 'approve' }) => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <ResponsiveDataTable rowClick={(_id, _resource, record) => (staff && isEditable(record) ? 'edit' : 'show')} bulkActionButtons={false}>
      <DataTable.Col source="organisation_name" />
      <DataTable.Col source="label" />
      <DataTable.Col source="amount_cents" align="right"><EuroField source="amount_cents" /></DataTable.Col>
      <DataTable.Col source="due_on"><DayField source="due_on" /></DataTable.Col>
      <DataTable.Col source="milestone_title"><MilestoneField /></DataTable.Col>
      {variant === 'full' && <DataTable.Col source="status"><EnumField source="status" enumName="disbursement_status" chip /></DataTable.Col>}
      {variant === 'approve' && <DataTable.Col source="created_by_name" />}
      <DataTable.Col source="payee" disableSort><PayeeField /></DataTable.Col>
      {variant === 'full' && <DataTable.Col source="approved_by_name" />}
      {variant === 'full' && <DataTable.Col source="payment_reference" />}
      {staff && <DataTable.Col label=" " disableSort {...ROW_ACTIONS}><TrancheActions /></DataTable.Col>}
    </ResponsiveDataTable>
  );
};

/** Milestone title with its state, so the gate is visible before anyone presses "approve". */
const MilestoneField = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.milestone_title) return null;
  const achieved = record.milestone_status === 'achieved';
  return (
    <span>
      {record.milestone_title}{' '}
      <Chip size="small" color={achieved ? 'success' : 'default'} label={translate(`enums.milestone_status.${record.milestone_status}`)} />
    </span>
  );
};

export const DisbursementList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={useDisbursementFilters()}
      sort={{ field: 'due_on', order: 'ASC' }}
      actions={<Actions />}
      title={translate('resources.disbursements.name', { smart_count: 2 })}
    >
      <TrancheTable />
    </List>
  );
};
