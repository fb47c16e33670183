import { Alert } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { TrancheActions } from './DisbursementActions.tsx';
import { PayeeField } from './PayeeField.tsx';
import { DateTimeField, DayField, EuroField } from '../shared/fields.tsx';

/** Why the tranche can only be looked at: it is paid, or its file is already with the bank. */
const ReadOnlyNote = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const reason = record.status === 'paid' ? 'paid' : record.export_id != null ? 'exported' : record.status === 'planned' ? null : record.status;
  if (!reason) return null;
  return <Alert severity="info" sx={{ width: '100%' }}>{translate(`resources.disbursements.read_only.${reason}`)}</Alert>;
};

/**
 * A tranche that is no longer planned opens here, read-only: no edit form, no "Löschen" (the API
 * answers 409 for either). Staff still get the actions its state allows (record the payment of an
 * approved tranche, cancel one that is not exported).
 */
export const DisbursementShow = () => (
  <Show actions={<TopToolbar><TrancheActions /></TopToolbar>}>
    <SimpleShowLayout>
      <ReadOnlyNote />
      <TextField source="organisation_name" />
      <TextField source="cohort_name" />
      <TextField source="label" />
      <Labeled source="amount_cents"><EuroField source="amount_cents" /></Labeled>
      <Labeled source="due_on"><DayField source="due_on" /></Labeled>
      <TextField source="milestone_title" emptyText="–" />
      <EnumField source="status" enumName="disbursement_status" chip />
      <Labeled source="payee"><PayeeField /></Labeled>
      <TextField source="created_by_name" />
      <TextField source="approved_by_name" emptyText="–" />
      <Labeled source="approved_at"><DateTimeField source="approved_at" /></Labeled>
      <TextField source="export_id" emptyText="–" />
      <Labeled source="paid_at"><DateTimeField source="paid_at" /></Labeled>
      <TextField source="payment_reference" emptyText="–" />
    </SimpleShowLayout>
  </Show>
);
