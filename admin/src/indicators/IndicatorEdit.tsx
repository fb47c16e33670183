import { Create, Edit, NumberInput, SimpleForm, TextInput } from 'react-admin';
import { INDICATOR_DIRECTIONS, indicatorSchema, indicatorUpdateSchema } from '../../../backend/src/indicators/indicators.schema.ts';
import { EnumInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

const backToCohort = (_resource?: string, _id?: unknown, data?: any) => `cohorts/${data?.cohort_id}/show/indicators`;

const Fields = () => (
  <>
    <TextInput source="name" fullWidth />
    <TextInput source="unit" />
    <EnumInput source="direction" enumName="indicator_direction" values={INDICATOR_DIRECTIONS} />
    <TextInput source="description" multiline minRows={2} fullWidth />
    <NumberInput source="position" />
  </>
);

export const IndicatorCreate = () => (
  <Create redirect={backToCohort}>
    <SimpleForm resolver={schemaResolver(indicatorSchema)} defaultValues={{ direction: 'increase' }}>
      <Fields />
    </SimpleForm>
  </Create>
);

export const IndicatorEdit = () => (
  <Edit mutationMode="pessimistic" redirect={backToCohort}>
    <SimpleForm resolver={schemaResolver(indicatorUpdateSchema)}>
      <Fields />
    </SimpleForm>
  </Edit>
);
