import { AutocompleteInput, Create, Edit, ReferenceInput, SimpleForm, TextField, TextInput, Labeled, required, usePermissions } from 'react-admin';

/** Jurors name only the organisation (the juror is themself); staff also pick the juror. */
export const ConflictCreate = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <Create redirect="list">
      <SimpleForm>
        {staff && (
          <ReferenceInput source="juror_id" reference="users" filter={{ role: 'jury', active: true }}>
            <AutocompleteInput optionText="name" validate={required()} />
          </ReferenceInput>
        )}
        <ReferenceInput source="organisation_id" reference="conflict-candidates">
          <AutocompleteInput optionText="name" validate={required()} helperText="resources.conflicts.helper.organisation_id" />
        </ReferenceInput>
        <TextInput source="reason" validate={required()} multiline minRows={2} fullWidth helperText="resources.conflicts.helper.reason" />
      </SimpleForm>
    </Create>
  );
};

export const ConflictEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={(data: any) => ({ reason: data.reason })}>
    <SimpleForm>
      <Labeled source="juror_name"><TextField source="juror_name" /></Labeled>
      <Labeled source="organisation_name"><TextField source="organisation_name" /></Labeled>
      <TextInput source="reason" validate={required()} multiline minRows={2} fullWidth />
    </SimpleForm>
  </Edit>
);
