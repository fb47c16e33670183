import { BooleanField, DataTable, EditButton, EmailField, NumberField, ReferenceManyField, Show, TabbedShowLayout, TextField, TopToolbar, UrlField, useTranslate } from 'react-admin';
import { AnonymiseButton } from './AnonymiseButton.tsx';
import { EnumField } from '../shared/EnumField.tsx';
import { EuroField } from '../shared/fields.tsx';
import { DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';
import { CommunicationHistory } from '../emails/CommunicationHistory.tsx';

/**
 * The organisation's record in tabs: staff's show page and the applicant's own profile page (which
 * lives outside the resource's routes, so its tabs do not go into the URL there). Staff also see
 * the organisation's communication history.
 */
export const OrganisationProfile = ({ syncWithLocation = true, communication = false }: { syncWithLocation?: boolean; communication?: boolean }) => {
  const translate = useTranslate();
  return (
    <TabbedShowLayout syncWithLocation={syncWithLocation}>
      <TabbedShowLayout.Tab label={translate('resources.organisations.tabs.profile')}>
        <TextField source="name" />
        <EnumField source="legal_form" enumName="legal_form" />
        <EnumField source="field" enumName="field" />
        <BooleanField source="charitable_status" />
        <DayField source="tax_exemption_valid_until" />
        <NumberField source="founded_year" options={{ useGrouping: false }} />
        <NumberField source="staff_count" />
        <EuroField source="annual_budget_cents" />
        <TextField source="description" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={translate('resources.organisations.tabs.address')}>
        <TextField source="street" />
        <TextField source="postal_code" />
        <TextField source="city" />
        <TextField source="state" />
        <UrlField source="website" />
        <EmailField source="email" />
        <TextField source="phone" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={translate('resources.organisations.tabs.bank')}>
        <TextField source="iban" />
        <TextField source="bic" />
        <TextField source="account_holder" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={translate('resources.organisations.tabs.people')}>
        <ReferenceManyField reference="people" target="organisation_id" label={false}>
          <ResponsiveDataTable bulkActionButtons={false} rowClick="edit">
            <DataTable.Col source="first_name" />
            <DataTable.Col source="last_name" />
            <DataTable.Col source="role_title" />
            <DataTable.Col source="email" />
          </ResponsiveDataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      {communication && (
        <TabbedShowLayout.Tab label={translate('app.communication.tab')} path="communication">
          <CommunicationHistory target="organisation_id" />
        </TabbedShowLayout.Tab>
      )}
    </TabbedShowLayout>
  );
};

export const OrganisationShow = () => (
  <Show actions={<TopToolbar><AnonymiseButton /><EditButton /></TopToolbar>}>
    <OrganisationProfile communication />
  </Show>
);
