import { DateInput, Edit, NumberInput, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, usePermissions, useTranslate } from 'react-admin';
import { fellowshipUpdateSchema } from '../../../backend/src/fellowships/fellowships.schema.ts';
import { MoneyInput, enumChoices } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** Staff edit coach, grant, hours, goals and completion; a coach only the goals. */
export const FellowshipEdit = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      {/* No delete: a fellowship ends through "Förderung beenden", which passes the seat on. */}
      <SimpleForm resolver={schemaResolver(fellowshipUpdateSchema)} toolbar={<Toolbar><SaveButton /></Toolbar>}>
        <TextInput source="organisation_name" disabled />
        {staff && (
          <ReferenceInput source="coach_id" reference="users" filter={{ role: 'coach', active: true }} sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput optionText="name" helperText="resources.fellowships.coach_helper" />
          </ReferenceInput>
        )}
        {staff && <MoneyInput source="grant_cents" />}
        {staff && <DateInput source="agreement_signed_on" />}
        {staff && <NumberInput source="coaching_hours_budget" min={0} step={0.5} />}
        {staff && (
          <SelectInput
            source="status"
            choices={enumChoices(translate, 'fellowship_status', ['active', 'completed'])}
          />
        )}
        <TextInput source="goals" multiline fullWidth minRows={4} />
      </SimpleForm>
    </Edit>
  );
};
