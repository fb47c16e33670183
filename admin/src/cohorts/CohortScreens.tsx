import { AutocompleteArrayInput, ChipField, Create, DataTable, DateTimeInput, DeleteButton, Edit, EditButton, List, NumberField, NumberInput, ReferenceArrayField, ReferenceArrayInput, ReferenceManyField, SearchInput, SelectInput, Show, SimpleForm, SingleFieldList, TabbedShowLayout, TextField, TextInput, TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate, Button } from 'react-admin';
import { Alert, Box, Stack, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import AddIcon from '@mui/icons-material/Add';
import { Link } from 'react-router-dom';
import { COHORT_PHASES, cohortCreateSchema } from '../../../backend/src/cohorts/cohorts.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { MoneyInput, enumChoices } from '../shared/inputs.tsx';
import { EuroField } from '../shared/fields.tsx';
import type { AppDataProvider } from '../dataProvider.ts';
import { PhaseStepper } from './PhaseStepper.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';
import { CohortIndicators } from '../indicators/CohortIndicators.tsx';

const CohortFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <SelectInput source="phase" choices={enumChoices(translate, 'cohort_phase', COHORT_PHASES)} key="phase" />,
  ];
};

export const CohortList = () => (
  <List filters={CohortFilters()} sort={{ field: 'year', order: 'DESC' }}>
    <ResponsiveDataTable rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.NumberCol source="year" options={{ useGrouping: false }} />
      <DataTable.Col source="phase"><EnumField source="phase" enumName="cohort_phase" chip /></DataTable.Col>
      <DataTable.Col source="application_closes_at"><DateTimeField source="application_closes_at" /></DataTable.Col>
      <DataTable.NumberCol source="seats" />
      <DataTable.NumberCol source="criteria_count" disableSort />
      <DataTable.NumberCol source="submitted_count" disableSort />
    </ResponsiveDataTable>
  </List>
);

/** The deadline is an instant; the form shows and takes it in the browser's zone, the hint says Berlin. */
const CohortForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm resolver={schemaResolver(cohortCreateSchema)}>
      <TextInput source="name" fullWidth />
      <NumberInput source="year" />
      <Typography variant="caption">{translate('resources.cohorts.berlin_time')}</Typography>
      <DateTimeInput source="application_opens_at" parse={(v: string) => (v ? new Date(v).toISOString() : v)} />
      <DateTimeInput source="application_closes_at" parse={(v: string) => (v ? new Date(v).toISOString() : v)} />
      <DateTimeInput source="review_due_at" parse={(v: string) => (v ? new Date(v).toISOString() : null)} />
      <NumberInput source="seats" />
      <MoneyInput source="default_grant_cents" />
      <NumberInput source="coaching_hours_per_fellow" />
      <NumberInput source="min_attendance_percent" />
      <NumberInput source="retention_months" />
      <TextInput source="description" multiline minRows={3} fullWidth />
      <ReferenceArrayInput source="funder_user_ids" reference="users" filter={{ role: 'funder' }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteArrayInput optionText="name" fullWidth helperText={translate('resources.cohorts.funders_helper')} />
      </ReferenceArrayInput>
    </SimpleForm>
  );
};

export const CohortCreate = () => (
  <Create redirect="show">
    <CohortForm />
  </Create>
);

export const CohortEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <CohortForm />
  </Edit>
);

const CopyCriteriaButton = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || record.criteria_count > 0) return null;
  return (
    <Button
      label="resources.cohorts.copy_criteria"
      onClick={async () => {
        try {
          await dataProvider.action('cohorts', record.id, 'copy-criteria', {});
          notify('resources.cohorts.copied', { type: 'success' });
          refresh();
        } catch (error: any) {
          notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
        }
      }}
    >
      <ContentCopyIcon />
    </Button>
  );
};

const AddCriterionButton = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button component={Link} to="/criteria/create" state={{ record: { cohort_id: record.id } }} label="resources.cohorts.add_criterion">
      <AddIcon />
    </Button>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <CopyCriteriaButton />
    <EditButton />
  </TopToolbar>
);

export const CohortShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <Box sx={{ px: 2, pt: 2 }}>
        <PhaseStepper />
      </Box>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.cohorts.overview">
          <TextField source="name" />
          <NumberField source="year" options={{ useGrouping: false }} />
          <EnumField source="phase" enumName="cohort_phase" chip />
          <DateTimeField source="application_opens_at" />
          <DateTimeField source="application_closes_at" />
          <NumberField source="seats" />
          <EuroField source="default_grant_cents" />
          <NumberField source="coaching_hours_per_fellow" />
          <NumberField source="submitted_count" />
          <TextField source="description" />
          <ReferenceArrayField source="funder_user_ids" reference="users" empty={<span>–</span>}>
            <SingleFieldList linkType={false}><ChipField source="name" size="small" /></SingleFieldList>
          </ReferenceArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.cohorts.criteria" path="criteria">
          <Stack direction="row" spacing={1}>
            <AddCriterionButton />
            <CopyCriteriaButton />
          </Stack>
          <ReferenceManyField reference="criteria" target="cohort_id" sort={{ field: 'position', order: 'ASC' }} perPage={100}
            empty={<Alert severity="info">{translate('app.empty')}</Alert>}>
            <ResponsiveDataTable bulkActionButtons={false} rowClick="edit">
              <DataTable.NumberCol source="position" />
              <DataTable.Col source="name" />
              <DataTable.Col source="description" />
              <DataTable.NumberCol source="weight" />
              <DataTable.NumberCol source="max_score" />
              <DataTable.Col>
                <EditButton />
                <DeleteButton mutationMode="pessimistic" redirect={false} />
              </DataTable.Col>
            </ResponsiveDataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.indicators.tab" path="indicators">
          <CohortIndicators />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};

const CriterionForm = () => (
  <SimpleForm>
    <TextInput source="name" fullWidth />
    <TextInput source="description" multiline minRows={2} fullWidth />
    <NumberInput source="weight" step={0.5} />
    <NumberInput source="max_score" />
    <NumberInput source="position" />
  </SimpleForm>
);

const backToCohort = (_resource?: string, _id?: unknown, data?: any) => `cohorts/${data?.cohort_id}/show/criteria`;

export const CriterionCreate = () => (
  <Create redirect={backToCohort}>
    <CriterionForm />
  </Create>
);

export const CriterionEdit = () => (
  <Edit mutationMode="pessimistic" redirect={backToCohort}>
    <CriterionForm />
  </Edit>
);

