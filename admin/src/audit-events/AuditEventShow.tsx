import { FunctionField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../shared/fields.tsx';

/** One event with its before/after: only the fields that changed were recorded. */
export const AuditEventShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="actor_name" emptyText="System" />
      <TextField source="actor_email" emptyText="–" />
      <TextField source="action" />
      <TextField source="resource" />
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
