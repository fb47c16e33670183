import { Create, DateInput, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { MILESTONE_KINDS, MILESTONE_STATUSES, milestoneSchema, milestoneUpdateSchema } from '../../../backend/src/milestones/milestones.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

const Fields = () => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="title" fullWidth />
      <SelectInput source="kind" choices={enumChoices(translate, 'milestone_kind', MILESTONE_KINDS)} />
      <DateInput source="due_on" />
      <SelectInput source="status" choices={enumChoices(translate, 'milestone_status', MILESTONE_STATUSES)} />
      <TextInput source="note" multiline fullWidth minRows={3} />
    </>
  );
};

export const MilestoneEdit = () => (
  <Edit mutationMode="pessimistic" redirect={(_r: unknown, _id: unknown, data: any) => `fellowships/${data.fellowship_id}/show/milestones`}>
    <SimpleForm resolver={schemaResolver(milestoneUpdateSchema)}>
      <Fields />
    </SimpleForm>
  </Edit>
);

export const MilestoneCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={schemaResolver(milestoneSchema)}>
      <ReferenceInput source="fellowship_id" reference="fellowships" filter={{ status: 'active' }} sort={{ field: 'organisation_name', order: 'ASC' }}>
        <SelectInput optionText="organisation_name" />
      </ReferenceInput>
      <Fields />
    </SimpleForm>
  </Create>
);
