import { Switch } from '@mui/material';
import { CreateButton, DataTable, List, TopToolbar, useNotify, useRecordContext, useTranslate, useUpdate } from 'react-admin';
import { OffsetField } from './OffsetField.tsx';

interface Rule {
  id: number;
  event: string;
  offset_days: number;
  template_key: string;
  active: boolean;
}

/** The switch of a rule: on and off right in the list. */
const ActiveSwitch = () => {
  const record = useRecordContext<Rule>();
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  if (!record) return null;
  const label = `${translate(`resources.reminder-rules.events.${record.event}`)}, ${translate('resources.reminder-rules.offset', { smart_count: record.offset_days })}`;
  return (
    <Switch
      checked={record.active}
      disabled={isPending}
      slotProps={{ input: { 'aria-label': label } }}
      onClick={(e) => e.stopPropagation()}
      onChange={(_e, active) =>
        update('reminder-rules', { id: record.id, data: { active }, previousData: record }, { mutationMode: 'pessimistic', onError: (error: any) => notify(error?.message ?? 'ra.notification.http_error', { type: 'error' }) })
      }
    />
  );
};

const EventField = () => {
  const record = useRecordContext<Rule>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.reminder-rules.events.${record.event}`)}</> : null;
};

const TemplateField = () => {
  const record = useRecordContext<Rule>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.email-templates.keys.${record.template_key}`, { _: record.template_key })}</> : null;
};

export const ReminderRuleList = () => (
  <List perPage={100} pagination={false} sort={{ field: 'event', order: 'ASC' }} exporter={false} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="active" disableSort><ActiveSwitch /></DataTable.Col>
      <DataTable.Col source="event"><EventField /></DataTable.Col>
      <DataTable.Col source="offset_days"><OffsetField /></DataTable.Col>
      <DataTable.Col source="template_key" disableSort><TemplateField /></DataTable.Col>
    </DataTable>
  </List>
);
