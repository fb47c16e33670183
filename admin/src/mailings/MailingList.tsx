import { CreateButton, DataTable, List, NumberField, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { MAILING_STATUSES } from '../../../backend/src/mailings/mailings.schema.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { enumChoices } from '../shared/inputs.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/** Mailings, newest first: drafts to finish and what went to whom. */
export const MailingList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput source="q" alwaysOn key="q" />,
    <SelectInput source="status" choices={enumChoices(translate, 'mailing_status', MAILING_STATUSES)} alwaysOn key="status" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="audience" label="resources.mailings.fields.audience.kind"><EnumField source="audience.kind" enumName="mailing_audience" /></DataTable.Col>
        <DataTable.Col source="status"><EnumField source="status" enumName="mailing_status" chip /></DataTable.Col>
        <DataTable.Col source="recipient_count"><NumberField source="recipient_count" /></DataTable.Col>
        <DataTable.Col source="skipped_count"><NumberField source="skipped_count" /></DataTable.Col>
        <DataTable.Col source="sent_at"><DateTimeField source="sent_at" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
