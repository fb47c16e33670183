import { Box } from '@mui/material';
import {
  CreateButton, DataTable, List, NumberField, ReferenceInput, SelectInput, Title, TopToolbar, usePermissions, useTranslate,
} from 'react-admin';
import { SURVEY_KINDS } from '../../../backend/src/surveys/surveys.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';
import { OpenSurveysCard } from './OpenSurveysCard.tsx';

const StaffSurveyList = () => {
  const translate = useTranslate();
  const filters = [
    <ReferenceInput source="cohort_id" reference="cohorts" key="cohort_id" sort={{ field: 'year', order: 'DESC' }} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
    <SelectInput source="kind" choices={enumChoices(translate, 'survey_kind', SURVEY_KINDS)} key="kind" alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'opens_at', order: 'DESC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="kind"><EnumField source="kind" enumName="survey_kind" /></DataTable.Col>
        <DataTable.Col source="cohort_name" />
        <DataTable.Col source="workshop_title" />
        <DataTable.Col source="opens_at"><DateTimeField source="opens_at" /></DataTable.Col>
        <DataTable.Col source="closes_at"><DateTimeField source="closes_at" /></DataTable.Col>
        <DataTable.Col source="state"><EnumField source="state" enumName="survey_state" chip /></DataTable.Col>
        <DataTable.Col source="response_count"><NumberField source="response_count" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};

/** Staff: every survey with its state and number of answers. A respondent: the surveys open to them. */
export const SurveyList = () => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (permissions === 'applicant') {
    return (
      <Box>
        <Title title={translate('resources.surveys.name', { smart_count: 2 })} />
        <OpenSurveysCard />
      </Box>
    );
  }
  return <StaffSurveyList />;
};
