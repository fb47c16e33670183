import { Button, DataTable, List, TextField, TopToolbar, useListContext } from 'react-admin';
import DownloadIcon from '@mui/icons-material/Download';
import { EnumField } from '../shared/EnumField.tsx';
import { EuroField } from '../shared/fields.tsx';

import { useApplicationFilters } from './applicationFilters.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/** The server writes the CSV of exactly the filtered, sorted list (all pages), so the browser only follows a link. */
const CsvExportButton = () => {
  const { filterValues, sort } = useListContext();
  const params = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}), sort: JSON.stringify([sort.field, sort.order]) });
  return (
    <Button label="resources.applications.export_csv" href={`/api/applications/export.csv?${params}`} component="a">
      <DownloadIcon />
    </Button>
  );
};

export const ApplicationList = () => (
  <List filters={useApplicationFilters()} sort={{ field: 'organisation_name', order: 'ASC' }} actions={<TopToolbar><CsvExportButton /></TopToolbar>}>
    <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="organisation_name" />
      <DataTable.Col source="project_name" />
      {/* Sorted by the cohort's id (the whitelisted key), shown by its name. */}
      <DataTable.Col source="cohort_id"><TextField source="cohort_name" /></DataTable.Col>
      <DataTable.Col source="state" label="resources.applications.fields.state"><TextField source="organisation_state" /></DataTable.Col>
      <DataTable.Col source="field" label="resources.applications.fields.field"><EnumField source="organisation_field" enumName="field" /></DataTable.Col>
      <DataTable.Col source="transfer_model"><EnumField source="transfer_model" enumName="transfer_model" /></DataTable.Col>
      <DataTable.Col source="funding_requested_cents"><EuroField source="funding_requested_cents" /></DataTable.Col>
      <DataTable.Col source="status"><EnumField source="status" enumName="application_status" chip /></DataTable.Col>
      <DataTable.Col source="submitted_at"><DateTimeField source="submitted_at" /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
