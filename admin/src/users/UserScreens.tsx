import { AutocompleteInput, BooleanField, BooleanInput, Create, DataTable, Edit, List, PasswordInput, ReferenceField, ReferenceInput, SearchInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { ROLES } from '../../../backend/src/users/users.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';
import { CommunicationHistory } from '../emails/CommunicationHistory.tsx';
import { Box, Typography } from '@mui/material';

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <SelectInput source="role" choices={enumChoices(translate, 'role', ROLES)} key="role" />,
    <BooleanInput source="active" key="active" />,
  ];
};

export const UserList = () => (
  <List filters={useFilters()} sort={{ field: 'name', order: 'ASC' }}>
    <ResponsiveDataTable rowClick="edit">
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role"><EnumField source="role" enumName="role" chip /></DataTable.Col>
      <DataTable.Col source="organisation_id"><ReferenceField source="organisation_id" reference="organisations" /></DataTable.Col>
      <DataTable.Col source="active"><BooleanField source="active" /></DataTable.Col>
      <DataTable.Col source="last_login_at"><DateTimeField source="last_login_at" /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);

const UserForm = ({ isCreate }: { isCreate?: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleForm>
      <TextInput source="name" />
      <TextInput source="email" type="email" />
      <SelectInput source="role" choices={enumChoices(translate, 'role', ROLES)} />
      <ReferenceInput source="organisation_id" reference="organisations"><AutocompleteInput /></ReferenceInput>
      <SelectInput source="locale" choices={enumChoices(translate, 'locale', ['de', 'en'])} />
      <BooleanInput source="active" defaultValue />
      <PasswordInput source="password" autoComplete="new-password" required={isCreate} />
    </SimpleForm>
  );
};

/** The account, and below it the person's communication history (every message linked to them). */
const UserCommunication = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }} data-testid="user-communication">
      <Typography variant="h6" component="h2">{translate('app.communication.tab')}</Typography>
      <CommunicationHistory target="user_id" />
    </Box>
  );
};

export const UserEdit = () => <Edit mutationMode="pessimistic"><UserForm /><UserCommunication /></Edit>;

export const UserCreate = () => <Create redirect="list"><UserForm isCreate /></Create>;
