import { Create, DataTable, Edit, EmailField, List, ReferenceField, ReferenceInput, SearchInput, SimpleForm, TextInput, AutocompleteInput } from 'react-admin';
import { schemaResolver } from '../shared/schemaResolver.ts';
import { personSchema } from '../../../backend/src/people/people.schema.ts';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="organisation_id" reference="organisations" key="org"><AutocompleteInput /></ReferenceInput>,
];

export const PersonList = () => (
  <List filters={filters} sort={{ field: 'last_name', order: 'ASC' }}>
    <ResponsiveDataTable rowClick="edit">
      <DataTable.Col source="last_name" />
      <DataTable.Col source="first_name" />
      <DataTable.Col source="organisation_id"><ReferenceField source="organisation_id" reference="organisations" link="show" /></DataTable.Col>
      <DataTable.Col source="role_title" />
      <DataTable.Col source="email"><EmailField source="email" /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);

const PersonForm = () => (
  <SimpleForm resolver={schemaResolver(personSchema)}>
    <ReferenceInput source="organisation_id" reference="organisations"><AutocompleteInput /></ReferenceInput>
    <TextInput source="first_name" />
    <TextInput source="last_name" />
    <TextInput source="role_title" />
    <TextInput source="email" type="email" />
    <TextInput source="phone" />
  </SimpleForm>
);

export const PersonEdit = () => <Edit mutationMode="pessimistic"><PersonForm /></Edit>;

export const PersonCreate = () => <Create redirect="list"><PersonForm /></Create>;
