import PeopleIcon from '@mui/icons-material/People';
import { Create, DataTable, Edit, EmailField, List, ReferenceField, ReferenceInput, SearchInput, SimpleForm, TextInput, AutocompleteInput } from 'react-admin';
import { zodResolver } from '@hookform/resolvers/zod';
import { personSchema } from '../../../backend/src/people/people.schema.ts';
import type { ResourceDef } from '../registry.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="organisation_id" reference="organisations" key="org"><AutocompleteInput /></ReferenceInput>,
];

const PersonList = () => (
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
  <SimpleForm resolver={zodResolver(personSchema) as any}>
    <ReferenceInput source="organisation_id" reference="organisations"><AutocompleteInput /></ReferenceInput>
    <TextInput source="first_name" />
    <TextInput source="last_name" />
    <TextInput source="role_title" />
    <TextInput source="email" type="email" />
    <TextInput source="phone" />
  </SimpleForm>
);

const people: ResourceDef = {
  name: 'people',
  roles: ['admin', 'staff', 'applicant', 'coach'],
  list: PersonList,
  edit: () => <Edit mutationMode="pessimistic"><PersonForm /></Edit>,
  create: () => <Create redirect="list"><PersonForm /></Create>,
  icon: PeopleIcon,
  recordRepresentation: (p) => `${p.first_name} ${p.last_name}`,
};
export default people;
