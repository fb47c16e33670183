import {
  Create, DateInput, DeleteButton, Edit, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, usePermissions, useRecordContext, useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import { TRANSFER_MODELS } from '../../../backend/src/applications/applications.schema.ts';
import { BUNDESLAENDER } from '../../../backend/src/organisations/organisations.schema.ts';
import { TRANSFER_SITE_STATUSES, transferSiteSchema, transferSiteUpdateSchema, type TransferSiteStatus } from '../../../backend/src/transfer-sites/transfer-sites.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** The statuses a site may move to from where it stands: forward only (closing from any). */
const StatusInput = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const from = TRANSFER_SITE_STATUSES.indexOf((record?.status ?? 'planned') as TransferSiteStatus);
  const choices = enumChoices(translate, 'transfer_site_status', TRANSFER_SITE_STATUSES.slice(Math.max(from, 0)));
  return <SelectInput source="status" choices={choices} />;
};

const Fields = () => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" fullWidth />
      <TextInput source="city" fullWidth />
      <SelectInput source="state" choices={BUNDESLAENDER.map((s) => ({ id: s, name: s }))} />
      <SelectInput source="transfer_model" choices={enumChoices(translate, 'transfer_model', TRANSFER_MODELS)} />
      <StatusInput />
      <DateInput source="opened_on" />
      <DateInput source="closed_on" />
    </>
  );
};

/** Staff may delete a site entered by mistake; the fellow closes it instead. */
const EditToolbar = () => {
  const { permissions } = usePermissions();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {(permissions === 'staff' || permissions === 'admin') && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

export const TransferSiteEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm resolver={schemaResolver(transferSiteUpdateSchema)} toolbar={<EditToolbar />}>
      <Fields />
    </SimpleForm>
  </Edit>
);

export const TransferSiteCreate = () => {
  const params = new URLSearchParams(useLocation().search);
  const fellowshipId = Number(params.get('fellowship_id')) || undefined;
  return (
    <Create redirect="list">
      <SimpleForm resolver={schemaResolver(transferSiteSchema)} defaultValues={{ fellowship_id: fellowshipId, status: 'planned' }}>
        <ReferenceInput source="fellowship_id" reference="fellowships" sort={{ field: 'organisation_name', order: 'ASC' }}>
          <SelectInput optionText="organisation_name" />
        </ReferenceInput>
        <Fields />
      </SimpleForm>
    </Create>
  );
};
