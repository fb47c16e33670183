import { DataTable, ReferenceManyField, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { EnumField } from '../shared/EnumField.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/**
 * The communication history ("Kommunikation") of an organisation or a person: every outbox message
 * linked to it, newest first, each opening the message. For staff (the outbox is theirs to read).
 */
export const CommunicationHistory = ({ target }: { target: 'organisation_id' | 'user_id' }) => {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="emails" target={target} sort={{ field: 'id', order: 'DESC' }} perPage={50} label={false}
      empty={<Typography variant="body2" color="text.secondary">{translate('app.communication.empty')}</Typography>}>
      <ResponsiveDataTable bulkActionButtons={false} rowClick={(id) => `/emails/${id}/show`}>
        <DataTable.Col source="created_at" label="resources.emails.fields.created_at"><DateTimeField source="created_at" /></DataTable.Col>
        <DataTable.Col source="to" label="resources.emails.fields.to" />
        <DataTable.Col source="subject" label="resources.emails.fields.subject" />
        <DataTable.Col source="template" label="resources.emails.fields.template"><EnumField source="template" enumName="email_template" /></DataTable.Col>
        <DataTable.Col source="status" label="resources.emails.fields.status"><EnumField source="status" enumName="email_status" chip /></DataTable.Col>
      </ResponsiveDataTable>
    </ReferenceManyField>
  );
};
