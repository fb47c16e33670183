import { BooleanField, EditButton, NumberField, Show, TabbedShowLayout, TextField, TopToolbar, UrlField, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';

import { AttendanceMarking } from './AttendanceMarking.tsx';
import { RegisterPanel } from './RegisterPanel.tsx';
import { IcsButton } from './WorkshopList.tsx';
import { DateTimeField } from '../shared/fields.tsx';

const Actions = () => {
  const { permissions } = usePermissions();
  const record = useRecordContext();
  return (
    <TopToolbar>
      <IcsButton cohortId={record?.cohort_id} />
      {(permissions === 'admin' || permissions === 'staff') && <EditButton />}
    </TopToolbar>
  );
};

export const WorkshopShow = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const staff = permissions === 'admin' || permissions === 'staff';
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={translate('resources.workshops.name', { smart_count: 1 })}>
          <TextField source="title" />
          <EnumField source="kind" enumName="workshop_kind" />
          <TextField source="cohort_name" />
          <DateTimeField source="starts_at" weekday />
          <DateTimeField source="ends_at" weekday />
          <TextField source="location" emptyText="—" />
          <UrlField source="online_url" emptyText="—" />
          <TextField source="facilitator" emptyText="—" />
          <UrlField source="recording_url" emptyText="—" />
          <BooleanField source="mandatory" />
          <NumberField source="cap_per_organisation" />
          <NumberField source="registered_count" />
          <TextField source="description" emptyText="—" />
        </TabbedShowLayout.Tab>
        {staff && (
          <TabbedShowLayout.Tab label={translate('resources.workshops.marking.title')} path="attendance">
            <AttendanceMarking />
          </TabbedShowLayout.Tab>
        )}
        {permissions === 'applicant' && (
          <TabbedShowLayout.Tab label={translate('resources.attendances.register')} path="register">
            <RegisterPanel />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};
