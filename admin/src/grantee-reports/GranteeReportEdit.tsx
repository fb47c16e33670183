import { AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SaveButton, SimpleForm, Toolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Alert } from '@mui/material';
import { GRANTEE_REPORT_KINDS, granteeReportCreateSchema, granteeReportUpdateSchema } from '../../../backend/src/grantee-reports/grantee-reports.schema.ts';
import { EnumInput, LimitedTextInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

const fellowshipLabel = (f: any) => (f ? `${f.organisation_name ?? `#${f.id}`}${f.cohort_name ? ` (${f.cohort_name})` : ''}` : '');

/** Staff request a report; the fellowship page opens this with its fellowship chosen. */
export const GranteeReportCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show">
      <SimpleForm resolver={schemaResolver(granteeReportCreateSchema)} defaultValues={{ kind: 'interim' }}>
        <ReferenceInput source="fellowship_id" reference="fellowships" sort={{ field: 'id', order: 'DESC' }}>
          <AutocompleteInput optionText={fellowshipLabel} fullWidth />
        </ReferenceInput>
        <EnumInput source="kind" enumName="grantee_report_kind" values={GRANTEE_REPORT_KINDS} />
        <Alert severity="info" sx={{ mb: 2 }}>{translate('resources.grantee-reports.helper.defaults')}</Alert>
        <DateInput source="period_start" />
        <DateInput source="period_end" />
        <DateInput source="due_on" />
      </SimpleForm>
    </Create>
  );
};

/**
 * One edit form, by role: the fellow writes the narrative report (while requested or returned),
 * staff move period and due date. The API refuses the other side's fields.
 */
const ReportForm = () => {
  const { permissions } = usePermissions();
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (permissions === 'applicant') {
    return (
      <SimpleForm resolver={schemaResolver(granteeReportUpdateSchema)} toolbar={<Toolbar><SaveButton /></Toolbar>}>
        {record.status === 'returned' && record.review_note && (
          <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>{translate('resources.grantee-reports.returned_note', { note: record.review_note })}</Alert>
        )}
        <LimitedTextInput schema={granteeReportUpdateSchema} source="achievements" multiline minRows={5} fullWidth />
        <LimitedTextInput schema={granteeReportUpdateSchema} source="challenges" multiline minRows={3} fullWidth />
        <LimitedTextInput schema={granteeReportUpdateSchema} source="next_steps" multiline minRows={3} fullWidth />
      </SimpleForm>
    );
  }
  return (
    <SimpleForm resolver={schemaResolver(granteeReportUpdateSchema)}>
      <DateInput source="period_start" />
      <DateInput source="period_end" />
      <DateInput source="due_on" />
    </SimpleForm>
  );
};

export const GranteeReportEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ReportForm />
  </Edit>
);
