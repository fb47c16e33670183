import { Chip } from '@mui/material';
import { DataTable, List, ReferenceInput, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { FOLLOW_UP_MONTHS } from '../../../backend/src/follow-ups/follow-ups.schema.ts';
import { DateTimeField, DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

const T = 'resources.follow-up-requests';

const MonthsField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return record ? <>{translate(`${T}.months_value`, { months: record.months })}</> : null;
};

const AnsweredField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={record.responded ? 'success' : 'default'} label={translate(record.responded ? `${T}.answered` : `${T}.open`)} />;
};

/**
 * The follow-up requests the job has sent (staff): who was asked when, and who has answered with a
 * follow-up value or a transfer-site change. Filter by cohort, follow-up and answered.
 */
export const FollowUpRequestList = () => {
  const translate = useTranslate();
  const filters = [
    <ReferenceInput source="cohort_id" reference="cohorts" key="cohort_id" sort={{ field: 'year', order: 'DESC' }} alwaysOn><SelectInput optionText="name" /></ReferenceInput>,
    <SelectInput source="months" key="months" alwaysOn choices={FOLLOW_UP_MONTHS.map((m) => ({ id: m, name: translate(`${T}.months_value`, { months: m }) }))} />,
    <SelectInput source="responded" key="responded" alwaysOn choices={[{ id: 'true', name: translate(`${T}.answered`) }, { id: 'false', name: translate(`${T}.open`) }]} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'due_on', order: 'DESC' }}>
      <ResponsiveDataTable rowClick={(_id, _resource, record) => `/fellowships/${record.fellowship_id}/show/impact`} bulkActionButtons={false}>
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="cohort_name" />
        <DataTable.Col source="months" disableSort><MonthsField /></DataTable.Col>
        <DataTable.Col source="due_on"><DayField source="due_on" /></DataTable.Col>
        <DataTable.Col source="requested_at"><DateTimeField source="requested_at" /></DataTable.Col>
        <DataTable.Col source="responded" disableSort><AnsweredField /></DataTable.Col>
        <DataTable.Col source="responded_at"><DateTimeField source="responded_at" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
