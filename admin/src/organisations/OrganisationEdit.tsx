import { useEffect, useRef, useState, type RefObject } from 'react';
import { useFormState } from 'react-hook-form';
import { Alert } from '@mui/material';
import { BooleanInput, Create, DateInput, Edit, NumberInput, SelectInput, TabbedForm, TextInput, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { BUNDESLAENDER, FIELDS, LEGAL_FORMS, organisationSchema } from '../../../backend/src/organisations/organisations.schema.ts';
import { EnumInput, LimitedTextInput, MoneyInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/**
 * Remembers the profile's version while nothing is typed. react-admin refreshes the record (on
 * window focus, say) and keeps typed values, but it would move the untouched `version` field on
 * to the newer copy, and the save would then silently overwrite what another tab saved.
 */
const RememberBaseVersion = ({ into }: { into: RefObject<number | undefined> }) => {
  const { isDirty } = useFormState();
  const record = useRecordContext();
  useEffect(() => {
    if (!isDirty) into.current = record?.version;
  }, [isDirty, record?.version, into]);
  return null;
};

const OrganisationForm = ({ baseVersion }: { baseVersion?: RefObject<number | undefined> }) => {
  const translate = useTranslate();
  return (
    <TabbedForm resolver={schemaResolver(organisationSchema)}>
      <TabbedForm.Tab label={translate('resources.organisations.tabs.profile')}>
        {baseVersion && <RememberBaseVersion into={baseVersion} />}
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
  const notify = useNotify();
  const [conflict, setConflict] = useState<string>();
  const baseVersion = useRef<number | undefined>(undefined);
  // The form sends the record's `version` back; a 409 stale_version means someone saved a newer
  // profile meanwhile. The save is refused, the typed text stays in the form, and the notice
  // stays on screen until the next save.
  const onError = (error: any) => {
    if (error?.status === 409 && error?.body?.code === 'stale_version') setConflict(error.body.message ?? error.message);
    else notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
  };
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError, onMutate: () => setConflict(undefined) }}
      transform={(data) => ({ ...data, version: baseVersion.current ?? data.version })}
      redirect={role === 'applicant' ? () => 'my-organisation' : 'show'}
    >
      {conflict && <Alert severity="warning" data-testid="conflict" sx={{ m: 2, mb: 0 }}>{conflict}</Alert>}
      <OrganisationForm baseVersion={baseVersion} />
    </Edit>
  );
};

export const OrganisationCreate = () => (
  <Create redirect="show">
    <OrganisationForm />
  </Create>
);
