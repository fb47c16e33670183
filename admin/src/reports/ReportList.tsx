import { Create, DataTable, Edit, List, ReferenceInput, SelectInput, SimpleForm, TextInput, AutocompleteInput, FunctionField, useTranslate, Title } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { REPORT_KINDS, reportCreateSchema } from '../../../backend/src/reports/reports.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { LiveReports } from './LiveReports.tsx';
import { ProgrammeReport } from './ProgrammeReport.tsx';
import { DownloadIssuedButton, DraftButtons, IssueButton } from './ReportButtons.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';
import { DateTimeField, FileSizeField } from '../shared/fields.tsx';
import { ResponsiveDataTable, ROW_ACTIONS } from '../shared/ResponsiveDataTable.tsx';

const useReportFilters = () => {
  const translate = useTranslate();
  return [
    <TextInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="cohort" source="cohort_id" reference="cohorts" sort={{ field: 'year', order: 'DESC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="kind" source="kind" choices={enumChoices(translate, 'report_kind', REPORT_KINDS)} />,
    <SelectInput key="status" source="status" choices={enumChoices(translate, 'report_status', ['draft', 'issued'])} />,
  ];
};



/** Live PDFs per cohort on top; below, the drafts and the frozen (issued) reports with their checksums. */
export const ReportList = () => {
  const translate = useTranslate();
  return (
    <Box>
      <Title title={translate('resources.reports.name', { smart_count: 2 })} />
      <Box sx={{ mt: 2 }}>
        <LiveReports />
        <ProgrammeReport />
      </Box>
      <Typography variant="h6" sx={{ mt: 1 }}>{translate('resources.reports.frozen.title')}</Typography>
      <List filters={useReportFilters()} sort={{ field: 'id', order: 'DESC' }} title={' '}>
        <ResponsiveDataTable bulkActionButtons={false}>
          <DataTable.Col source="title" />
          <DataTable.Col source="cohort_name" disableSort />
          <DataTable.Col source="kind"><EnumField source="kind" enumName="report_kind" /></DataTable.Col>
          <DataTable.Col source="status"><EnumField source="status" enumName="report_status" chip /></DataTable.Col>
          <DataTable.Col source="issued_at"><DateTimeField source="issued_at" /></DataTable.Col>
          <DataTable.Col source="size_bytes" disableSort><FileSizeField source="size_bytes" /></DataTable.Col>
          <DataTable.Col source="sha256" disableSort><FunctionField render={(r: any) => (r.sha256 ? <code title={r.sha256}>{r.sha256.slice(0, 12)}…</code> : '')} /></DataTable.Col>
          <DataTable.Col label=" " disableSort {...ROW_ACTIONS}><IssueButton /><DraftButtons /><DownloadIssuedButton /></DataTable.Col>
        </ResponsiveDataTable>
      </List>
    </Box>
  );
};

const ReportForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm resolver={schemaResolver(reportCreateSchema)}>
      <ReferenceInput source="cohort_id" reference="cohorts" sort={{ field: 'year', order: 'DESC' }}>
        <AutocompleteInput optionText="name" fullWidth />
      </ReferenceInput>
      <SelectInput source="kind" choices={enumChoices(translate, 'report_kind', REPORT_KINDS)} />
      <TextInput source="title" fullWidth helperText={translate('resources.reports.helper.title')} />
    </SimpleForm>
  );
};

export const ReportCreate = () => (
  <Create redirect="list">
    <ReportForm />
  </Create>
);

/** A draft can still be renamed or pointed at another cohort (the server refuses it once issued). */
export const ReportEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <ReportForm />
  </Edit>
);
