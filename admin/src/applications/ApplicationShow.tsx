import { Button, DataTable, DeleteButton, FunctionField, NumberField, ReferenceField, ReferenceManyField, Show, TabbedShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Link as MuiLink } from '@mui/material';
import { EnumField } from '../shared/EnumField.tsx';
import { EuroField } from '../shared/fields.tsx';
import { EligibilityButton } from './EligibilityDialog.tsx';
import { DateTimeField, FileSizeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const PdfButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button label="resources.applications.pdf" href={`/api/applications/${record.id}/pdf`} component="a">
      <PictureAsPdfIcon />
    </Button>
  );
};

/** Staff may remove a draft nobody handed in, or a withdrawn application (the API refuses the rest). */
const DeleteDeadApplication = () => {
  const record = useRecordContext();
  if (!record || !['draft', 'withdrawn'].includes(record.status)) return null;
  return <DeleteButton mutationMode="pessimistic" confirmContent="resources.applications.delete_confirm" />;
};

const Actions = () => (
  <TopToolbar>
    <EligibilityButton />
    <PdfButton />
    <DeleteDeadApplication />
  </TopToolbar>
);

const AttachmentTable = () => (
  <ReferenceManyField reference="attachments" target="application_id" perPage={50}>
    <ResponsiveDataTable bulkActionButtons={false}>
      <DataTable.Col source="filename" label="resources.applications.attachments">
        <FunctionField render={(r: any) => <MuiLink href={`/api/attachments/${r.id}/content`}>{r.filename}</MuiLink>} />
      </DataTable.Col>
      <DataTable.Col source="size_bytes" label="resources.applications.attachment_size"><FileSizeField source="size_bytes" /></DataTable.Col>
    </ResponsiveDataTable>
  </ReferenceManyField>
);

export const ApplicationShow = () => (
  <Show actions={<Actions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="application_form.sections.project">
        <ReferenceField source="organisation_id" reference="organisations" />
        <TextField source="cohort_name" />
        <EnumField source="status" enumName="application_status" chip />
        <DateTimeField source="submitted_at" />
        <TextField source="eligibility_note" />
        <TextField source="project_name" />
        <TextField source="summary" />
        <TextField source="target_regions" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="application_form.sections.transfer" path="transfer">
        <EnumField source="transfer_model" enumName="transfer_model" />
        <TextField source="scaling_goals" />
        <TextField source="impact_evidence" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="application_form.sections.budget" path="budget">
        <EuroField source="funding_requested_cents" />
        <TextField source="budget_plan" />
        <TextField source="team" />
        <TextField source="motivation" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="application_form.sections.attachments" path="attachments">
        <NumberField source="attachment_count" />
        <AttachmentTable />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
