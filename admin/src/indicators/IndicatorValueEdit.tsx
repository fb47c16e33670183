import { Create, DateInput, DeleteButton, Edit, NumberInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, useGetList, usePermissions, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { INDICATOR_VALUE_KINDS, indicatorValueSchema, indicatorValueUpdateSchema } from '../../../backend/src/indicators/indicators.schema.ts';
import { EnumInput } from '../shared/inputs.tsx';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** The fellow returns to their programme page, staff to the fellowship's "Wirkung" tab. */
const useBack = () => {
  const { permissions } = usePermissions();
  return (_resource?: string, _id?: unknown, data?: any) => (permissions === 'applicant' ? 'my-programme' : `fellowships/${data?.fellowship_id}/show/impact`);
};

/** The indicators of the fellowship's cohort (the create form carries its cohort_id from the link). */
const IndicatorSelect = () => {
  const cohortId = useWatch({ name: 'cohort_id' });
  const { data = [] } = useGetList('indicators', { filter: cohortId ? { cohort_id: cohortId } : {}, sort: { field: 'position', order: 'ASC' }, pagination: { page: 1, perPage: 100 } });
  return <SelectInput source="indicator_id" choices={data.map((i: any) => ({ id: i.id, name: `${i.name} (${i.unit})` }))} fullWidth />;
};

const Fields = () => (
  <>
    <EnumInput source="kind" enumName="indicator_value_kind" values={INDICATOR_VALUE_KINDS} fullWidth />
    <DateInput source="measured_on" fullWidth />
    <NumberInput source="value" min={0} fullWidth />
    <TextInput source="note" multiline minRows={2} fullWidth helperText="resources.indicator-values.note_helper" />
  </>
);

/** Deleting a value is the programme team's; a fellow corrects it with a note instead. */
const EditToolbar = () => {
  const { permissions } = usePermissions();
  const back = useBack();
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {permissions !== 'applicant' && <DeleteButton mutationMode="pessimistic" redirect={back('', record?.id, record)} />}
    </Toolbar>
  );
};

export const IndicatorValueCreate = () => {
  const back = useBack();
  return (
    <Create redirect={back}>
      <SimpleForm resolver={schemaResolver(indicatorValueSchema)} defaultValues={{ kind: 'progress' }}>
        <IndicatorSelect />
        <Fields />
      </SimpleForm>
    </Create>
  );
};

export const IndicatorValueEdit = () => {
  const back = useBack();
  return (
    <Edit mutationMode="pessimistic" redirect={back}>
      <SimpleForm resolver={schemaResolver(indicatorValueUpdateSchema)} toolbar={<EditToolbar />}>
        <TextInput source="indicator_name" disabled fullWidth />
        <Fields />
      </SimpleForm>
    </Edit>
  );
};
