import { ReferenceInput, SearchInput, SelectArrayInput, SelectInput, useTranslate } from 'react-admin';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS } from '../../../backend/src/organisations/organisations.schema.ts';
import { APPLICATION_STATUSES, TRANSFER_MODELS } from '../../../backend/src/applications/applications.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';

export const useApplicationFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <ReferenceInput source="cohort_id" reference="cohorts" sort={{ field: 'year', order: 'DESC' }} alwaysOn key="cohort_id">
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectArrayInput source="status" choices={enumChoices(translate, 'application_status', APPLICATION_STATUSES)} key="status" />,
    <SelectInput source="field" choices={enumChoices(translate, 'field', FIELDS)} key="field" />,
    <SelectInput source="state" choices={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} key="state" />,
    <SelectInput source="legal_form" choices={enumChoices(translate, 'legal_form', LEGAL_FORMS)} key="legal_form" />,
    <SelectInput source="transfer_model" choices={enumChoices(translate, 'transfer_model', TRANSFER_MODELS)} key="transfer_model" />,
  ];
};
