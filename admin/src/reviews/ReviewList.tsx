import { DataTable, List, SearchInput, SelectInput, usePermissions, useTranslate, ReferenceInput, AutocompleteInput } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { ProgressField } from './ProgressField.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const STATUSES = ['assigned', 'submitted', 'conflict'] as const;

const useFilters = (staff: boolean) => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={enumChoices(translate, 'review_status', staff ? STATUSES : STATUSES.slice(0, 2))} alwaysOn />,
    ...(staff
      ? [
          <ReferenceInput key="juror" source="juror_id" reference="users" filter={{ role: 'jury' }}>
            <AutocompleteInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
  ];
};

/** Jurors: "my applications" with progress. Staff: every assignment, drafts shown only as in progress. */
export const ReviewList = () => {
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  const translate = useTranslate();
  return (
    <List
      filters={useFilters(staff)}
      sort={{ field: staff ? 'id' : 'status', order: 'ASC' }}
      title={staff ? undefined : translate('resources.reviews.my_menu')}
      empty={false}
    >
      <ResponsiveDataTable rowClick={staff ? 'show' : 'edit'} bulkActionButtons={false}>
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="project_name" />
        {staff && <DataTable.Col source="juror_name" />}
        <DataTable.Col source="status"><EnumField source="status" enumName="review_status" /></DataTable.Col>
        <DataTable.Col source="progress" disableSort><ProgressField /></DataTable.Col>
        <DataTable.Col source="recommendation"><EnumField source="recommendation" enumName="recommendation" /></DataTable.Col>
        <DataTable.Col source="submitted_at"><DateTimeField source="submitted_at" /></DataTable.Col>
        {!staff && <DataTable.Col source="updated_at"><DateTimeField source="updated_at" /></DataTable.Col>}
      </ResponsiveDataTable>
    </List>
  );
};
