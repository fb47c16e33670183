import { AutocompleteInput, BooleanInput, Create, DateTimeInput, Edit, ReferenceInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { WORKSHOP_KINDS, workshopSchema, workshopUpdateSchema } from '../../../backend/src/workshops/workshops.schema.ts';
import { EnumInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** DateTimeInput gives local "YYYY-MM-DDTHH:mm"; the API wants an instant with zone. */
const toInstant = (value: string | Date | null) => (value ? new Date(value).toISOString() : value);

const WorkshopForm = ({ create }: { create?: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleForm resolver={schemaResolver(create ? workshopSchema : workshopUpdateSchema)}>
      <ReferenceInput source="cohort_id" reference="cohorts">
        <AutocompleteInput optionText="name" disabled={!create} />
      </ReferenceInput>
      <TextInput source="title" fullWidth />
      <EnumInput source="kind" enumName="workshop_kind" values={WORKSHOP_KINDS} defaultValue="workshop" />
      <DateTimeInput source="starts_at" parse={toInstant} />
      <DateTimeInput source="ends_at" parse={toInstant} />
      <TextInput source="location" fullWidth helperText={translate('resources.workshops.cap', { cap: 2 })} />
      <TextInput source="online_url" fullWidth />
      <TextInput source="facilitator" fullWidth />
      <ReferenceInput source="facilitator_id" reference="users" filter={{ role: ['coach', 'staff', 'admin'] }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <TextInput source="recording_url" fullWidth />
      <BooleanInput source="mandatory" defaultValue />
      <TextInput source="description" multiline minRows={3} fullWidth />
    </SimpleForm>
  );
};

export const WorkshopEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <WorkshopForm />
  </Edit>
);

export const WorkshopCreate = () => (
  <Create redirect="show">
    <WorkshopForm create />
  </Create>
);
