import { FunctionField, NumberField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from '../shared/fields.tsx';
import { EnumField } from '../shared/EnumField.tsx';
import { ResourceNameField } from './AuditFields.tsx';

/** One event with its before/after: only the fields that changed were recorded. */
export const AuditEventShow = () => {
  const translate = useTranslate();
  return (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="actor_name" emptyText={translate('resources.audit-events.system')} />
      <TextField source="actor_email" emptyText="–" />
      <EnumField source="action" enumName="audit_action" />
      <ResourceNameField source="resource" />
      <NumberField source="record_id" emptyText="–" />
      <FunctionField
        source="changes"
        render={(record: { changes?: unknown }) => (
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '0.8rem' }}>
            {JSON.stringify(record.changes ?? null, null, 2)}
          </pre>
        )}
      />
    </SimpleShowLayout>
  </Show>
  );
};
