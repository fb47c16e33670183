import { BooleanInput, Create, DeleteButton, Edit, NumberInput, SaveButton, SelectInput, SimpleForm, Toolbar, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import {
  EVENT_TEMPLATES, MAX_OFFSET_DAYS, MIN_OFFSET_DAYS, REMINDER_EVENTS, reminderRuleSchema, reminderRuleUpdateSchema, type ReminderEvent,
} from '../../../backend/src/reminders/reminders.schema.ts';
import { schemaResolver } from '../shared/schemaResolver.ts';

/** The templates that suit the event (the server refuses any other). */
const TemplateInput = ({ event }: { event: ReminderEvent | undefined }) => {
  const translate = useTranslate();
  const keys = event ? EVENT_TEMPLATES[event] : [];
  return (
    <SelectInput
      source="template_key"
      choices={keys.map((key) => ({ id: key, name: translate(`resources.email-templates.keys.${key}`, { _: key }) }))}
      disabled={!event}
    />
  );
};

const OffsetInput = () => {
  const translate = useTranslate();
  // No native min/max: the browser would block the save silently; the schema's message says what is wrong.
  return <NumberInput source="offset_days" step={1} helperText={translate('resources.reminder-rules.offset_help', { min: MIN_OFFSET_DAYS, max: MAX_OFFSET_DAYS })} />;
};

const CreateFields = () => {
  const translate = useTranslate();
  const event = useWatch({ name: 'event' }) as ReminderEvent | undefined;
  return (
    <>
      <SelectInput source="event" choices={REMINDER_EVENTS.map((e) => ({ id: e, name: translate(`resources.reminder-rules.events.${e}`) }))} />
      <OffsetInput />
      <TemplateInput event={event} />
      <BooleanInput source="active" />
    </>
  );
};

/** The event is fixed once a rule exists: its deliveries belong to it. */
const EditFields = () => {
  const translate = useTranslate();
  const record = useRecordContext<{ event: ReminderEvent }>();
  return (
    <>
      <SelectInput source="event" choices={REMINDER_EVENTS.map((e) => ({ id: e, name: translate(`resources.reminder-rules.events.${e}`) }))} disabled />
      <OffsetInput />
      <TemplateInput event={record?.event} />
      <BooleanInput source="active" />
    </>
  );
};

const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export const ReminderRuleEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm resolver={schemaResolver(reminderRuleUpdateSchema)} toolbar={<EditToolbar />}>
      <EditFields />
    </SimpleForm>
  </Edit>
);

export const ReminderRuleCreate = () => (
  <Create redirect="list">
    <SimpleForm resolver={schemaResolver(reminderRuleSchema)} defaultValues={{ offset_days: -7, template_key: 'event_reminder', active: true }}>
      <CreateFields />
    </SimpleForm>
  </Create>
);
