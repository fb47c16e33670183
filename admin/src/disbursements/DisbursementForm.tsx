import { AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SimpleForm, TextInput, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, localeTag } from '../shared/format.ts';
import { Navigate } from 'react-router-dom';
import { useWatch } from 'react-hook-form';
import { disbursementSchema, disbursementUpdateSchema } from '../../../backend/src/disbursements/disbursements.schema.ts';
import { MoneyInput } from '../shared/inputs.tsx';
import { BankChangeAlert } from './PayeeField.tsx';
import { isEditable } from './DisbursementList.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

const fellowshipLabel = (f: any) => (f ? `${f.organisation_name ?? `#${f.id}`}${f.cohort_name ? ` (${f.cohort_name})` : ''}` : '');

/** Milestones of the chosen fellowship only (the API refuses others anyway). */
const MilestoneInput = () => {
  const translate = useTranslate();
  const fellowshipId = useWatch({ name: 'fellowship_id' });
  return (
    <ReferenceInput source="milestone_id" reference="milestones" filter={fellowshipId ? { fellowship_id: fellowshipId } : { id: [] }}>
      <AutocompleteInput optionText="title" helperText={translate('resources.disbursements.helper.milestone_id')} fullWidth disabled={!fellowshipId} />
    </ReferenceInput>
  );
};

/** Reports of the chosen fellowship only: the tranche is approved once that report is accepted. */
const GranteeReportInput = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fellowshipId = useWatch({ name: 'fellowship_id' });
  const reportLabel = (r: any) =>
    (r ? `${translate(`enums.grantee_report_kind.${r.kind}`)} – ${translate(`enums.grantee_report_status.${r.status}`)} (${formatDate(r.due_on, localeTag(locale))})` : '');
  return (
    <ReferenceInput source="grantee_report_id" reference="grantee-reports" filter={fellowshipId ? { fellowship_id: fellowshipId } : { id: [] }}>
      <AutocompleteInput optionText={reportLabel} helperText={translate('resources.disbursements.helper.grantee_report_id')} fullWidth disabled={!fellowshipId} />
    </ReferenceInput>
  );
};

const TrancheFields = ({ create }: { create?: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <ReferenceInput source="fellowship_id" reference="fellowships" sort={{ field: 'id', order: 'DESC' }}>
        <AutocompleteInput optionText={fellowshipLabel} fullWidth disabled={!create} />
      </ReferenceInput>
      <TextInput source="label" fullWidth />
      <MoneyInput source="amount_cents" helperText={translate('resources.disbursements.helper.amount_cents')} />
      <DateInput source="due_on" />
      <MilestoneInput />
      <GranteeReportInput />
    </>
  );
};

export const DisbursementCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={schemaResolver(disbursementSchema)}>
      <TrancheFields create />
    </SimpleForm>
  </Create>
);

/**
 * Only a planned tranche that is not with the bank gets the form (and its "Löschen"); any other one
 * (approved, exported, paid, cancelled) goes to its read-only view without the form ever showing.
 */
const EditableForm = () => {
  const record = useRecordContext();
  if (!record) return null;
  if (!isEditable(record)) return <Navigate to={`/disbursements/${record.id}/show`} replace />;
  return (
    <SimpleForm resolver={schemaResolver(disbursementUpdateSchema)}>
      <BankChangeAlert />
      <TrancheFields />
    </SimpleForm>
  );
};

/** Only planned tranches change; the API answers 409 for the others. */
export const DisbursementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <EditableForm />
  </Edit>
);
