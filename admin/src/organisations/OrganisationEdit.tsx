import { BooleanInput, Create, DateInput, Edit, NumberInput, SelectInput, TabbedForm, TextInput, usePermissions, useTranslate } from 'react-admin';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS, organisationSchema } from '../../../backend/src/organisations/organisations.schema.ts';
import { EnumInput, LimitedTextInput, MoneyInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

const OrganisationForm = () => {
  const translate = useTranslate();
  return (
    <TabbedForm resolver={schemaResolver(organisationSchema)}>
      <TabbedForm.Tab label={translate('resources.organisations.tabs.profile')}>
        <LimitedTextInput schema={organisationSchema} source="name" fullWidth />
        <EnumInput source="legal_form" enumName="legal_form" values={LEGAL_FORMS} />
        <EnumInput source="field" enumName="field" values={FIELDS} />
        <BooleanInput source="charitable_status" />
        <DateInput source="tax_exemption_valid_until" />
        <NumberInput source="founded_year" />
        <NumberInput source="staff_count" />
        <MoneyInput source="annual_budget_cents" />
        <LimitedTextInput schema={organisationSchema} source="description" multiline fullWidth minRows={3} />
      </TabbedForm.Tab>
      <TabbedForm.Tab label={translate('resources.organisations.tabs.address')}>
        <LimitedTextInput schema={organisationSchema} source="street" fullWidth />
        <TextInput source="postal_code" />
        <LimitedTextInput schema={organisationSchema} source="city" />
        <SelectInput source="state" choices={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} />
        <LimitedTextInput schema={organisationSchema} source="website" fullWidth />
        <LimitedTextInput schema={organisationSchema} source="email" type="email" />
        <LimitedTextInput schema={organisationSchema} source="phone" />
      </TabbedForm.Tab>
      <TabbedForm.Tab label={translate('resources.organisations.tabs.bank')}>
        <TextInput source="iban" />
        <TextInput source="bic" />
        <LimitedTextInput schema={organisationSchema} source="account_holder" fullWidth />
      </TabbedForm.Tab>
    </TabbedForm>
  );
};

/** An applicant edits their own organisation from its profile page and returns there. */
export const OrganisationEdit = () => {
  const { permissions: role } = usePermissions();
  return (
    <Edit mutationMode="pessimistic" redirect={role === 'applicant' ? () => 'my-organisation' : 'show'}>
      <OrganisationForm />
    </Edit>
  );
};

export const OrganisationCreate = () => (
  <Create redirect="show">
    <OrganisationForm />
  </Create>
);
