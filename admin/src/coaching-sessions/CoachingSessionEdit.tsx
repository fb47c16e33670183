import { BooleanInput, DateInput, Edit, NumberInput, SimpleForm, TextField, TextInput, useTranslate } from 'react-admin';
import { COACHING_FORMATS, coachingSessionUpdateSchema } from '../../../backend/src/coaching-sessions/coaching-sessions.schema.ts';
import { EnumInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** Only the writing coach (and admins) get here; the server refuses everyone else. */
export const CoachingSessionEdit = () => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm resolver={schemaResolver(coachingSessionUpdateSchema)}>
        <TextField source="organisation_name" />
        <DateInput source="held_on" />
        <NumberInput source="duration_minutes" step={15} />
        <EnumInput source="format" enumName="coaching_format" values={COACHING_FORMATS} />
        <TextInput source="topics" fullWidth />
        <TextInput source="notes" multiline minRows={4} fullWidth />
        <TextInput source="next_steps" multiline minRows={2} fullWidth />
        <BooleanInput source="confidential" helperText={translate('resources.coaching-sessions.confidential_hint')} />
      </SimpleForm>
    </Edit>
  );
};
