import { BooleanInput, NumberInput, SearchInput, SelectInput, usePermissions, useTranslate } from 'react-admin';
import { BUNDESLAENDER, FIELDS } from '../../../backend/src/organisations/organisations.schema.ts';
import { TRANSFER_MODELS } from '../../../backend/src/alumni/alumni.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';

export const useAlumniFilters = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const filters = [
    <SearchInput source="q" alwaysOn key="q" />,
    <NumberInput source="cohort_year" key="cohort_year" alwaysOn />,
    <SelectInput source="field" choices={enumChoices(translate, 'field', FIELDS)} key="field" alwaysOn />,
    <SelectInput source="state" choices={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} key="state" alwaysOn />,
    <SelectInput source="transfer_model" choices={enumChoices(translate, 'transfer_model', TRANSFER_MODELS)} key="transfer_model" alwaysOn />,
  ];
  if (permissions === 'admin' || permissions === 'staff') filters.push(<BooleanInput source="visible" key="visible" />);
  return filters;
};
