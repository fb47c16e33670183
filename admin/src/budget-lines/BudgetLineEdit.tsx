import { Create, Edit, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { BUDGET_CATEGORIES, budgetLineSchema, budgetLineUpdateSchema } from '../../../backend/src/budget-lines/budget-lines.schema.ts';
import { MoneyInput, enumChoices } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** Back to the fellowship's agreement tab after saving or deleting. */
const toAgreement = (_resource: unknown, _id: unknown, data: any) => `fellowships/${data?.fellowship_id}/show/agreement`;

const Fields = () => {
  const translate = useTranslate();
  return (
    <>
      <SelectInput source="category" choices={enumChoices(translate, 'budget_category', BUDGET_CATEGORIES)} />
      <MoneyInput source="planned_cents" helperText="resources.budget-lines.planned_helper" />
      <TextInput source="note" multiline fullWidth minRows={2} />
    </>
  );
};

export const BudgetLineEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toAgreement}>
    <SimpleForm resolver={schemaResolver(budgetLineUpdateSchema)}>
      <TextInput source="organisation_name" disabled />
      <Fields />
    </SimpleForm>
  </Edit>
);

export const BudgetLineCreate = () => (
  <Create redirect={toAgreement}>
    <SimpleForm resolver={schemaResolver(budgetLineSchema)}>
      <Fields />
    </SimpleForm>
  </Create>
);
