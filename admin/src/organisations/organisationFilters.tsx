import { BooleanInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS } from '../../../backend/src/organisations/organisations.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';

export const useOrganisationFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <SelectInput source="state" choices={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} key="state" />,
    <SelectInput source="field" choices={enumChoices(translate, 'field', FIELDS)} key="field" />,
    <SelectInput source="legal_form" choices={enumChoices(translate, 'legal_form', LEGAL_FORMS)} key="legal_form" />,
    <BooleanInput source="charitable_status" key="charitable_status" />,
  ];
};
