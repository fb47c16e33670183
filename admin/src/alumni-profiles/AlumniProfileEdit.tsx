import { AutocompleteInput, BooleanInput, Create, DeleteButton, Edit, ReferenceInput, SaveButton, SimpleForm, TextInput, Toolbar, usePermissions, useTranslate } from 'react-admin';
import { ProfileTitle } from './AlumniProfileShow.tsx';
import { alumniProfileCreateSchema, alumniProfileUpdateSchema } from '../../../backend/src/alumni/alumni.schema.ts';
import { schemaResolver } from '../shared/schemaResolver.ts';

const ProfileInputs = () => {
  const translate = useTranslate();
  const h = (key: string) => translate(`resources.alumni-profiles.helper.${key}`);
  return (
    <>
      <BooleanInput source="visible" helperText={h('visible')} />
      <TextInput source="offers" multiline fullWidth helperText={h('topics')} />
      <TextInput source="needs" multiline fullWidth helperText={h('topics')} />
      <TextInput source="bio" multiline fullWidth minRows={3} />
      <TextInput source="contact_email" type="email" helperText={h('contact_email')} />
    </>
  );
};

/** Alumni edit their own profile (offers, needs, consent); staff may also move it to another cohort. */
export const AlumniProfileEdit = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<ProfileTitle />}>
      <SimpleForm
        resolver={schemaResolver(alumniProfileUpdateSchema)}
        toolbar={
          <Toolbar sx={{ justifyContent: 'space-between' }}>
            <SaveButton />
            {staff && <DeleteButton mutationMode="pessimistic" />}
          </Toolbar>
        }
      >
        <TextInput source="organisation_name" disabled />
        {staff && (
          <ReferenceInput source="cohort_id" reference="cohorts">
            <AutocompleteInput optionText="name" />
          </ReferenceInput>
        )}
        <ProfileInputs />
      </SimpleForm>
    </Edit>
  );
};

export const AlumniProfileCreate = () => (
  <Create redirect="show">
    <SimpleForm resolver={schemaResolver(alumniProfileCreateSchema)} defaultValues={{ visible: false }}>
      <ReferenceInput source="organisation_id" reference="organisations">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="cohort_id" reference="cohorts">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ProfileInputs />
    </SimpleForm>
  </Create>
);
