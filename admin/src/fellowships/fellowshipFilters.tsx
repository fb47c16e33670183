import { ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { FELLOWSHIP_STATUSES } from '../../../backend/src/fellowships/fellowships.schema.ts';
import { enumChoices } from '../shared/inputs.tsx';

export const useFellowshipFilters = (staff: boolean) => {
  const translate = useTranslate();
  return [
    <SearchInput source="q" alwaysOn key="q" />,
    <ReferenceInput source="cohort_id" reference="cohorts" sort={{ field: 'year', order: 'DESC' }} key="cohort_id">
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput source="status" choices={enumChoices(translate, 'fellowship_status', FELLOWSHIP_STATUSES)} key="status" />,
    <SelectInput source="stage" choices={[1, 2].map((s) => ({ id: s, name: translate(`enums.fellowship_stage.${s}`) }))} key="stage" />,
    ...(staff
      ? [
          <ReferenceInput source="coach_id" reference="users" filter={{ role: 'coach' }} sort={{ field: 'name', order: 'ASC' }} key="coach_id">
            <SelectInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
  ];
};
