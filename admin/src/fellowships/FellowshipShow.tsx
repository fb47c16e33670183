import { DataTable, EditButton, NumberField, ReferenceField, ReferenceManyField, Show, TabbedShowLayout, TextField, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { EuroField } from '../shared/fields.tsx';
import { FellowshipActions } from './FellowshipActions.tsx';
import { FellowshipStory } from './FellowshipStory.tsx';
import { DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';
import { AgreementPanel } from '../budget-lines/AgreementPanel.tsx';
import { FellowshipReports } from '../grantee-reports/FellowshipReports.tsx';
import { TransferSitesPanel } from '../transfer-sites/TransferSitesPanel.tsx';
import { FellowshipTranches } from './FellowshipTranches.tsx';
import { FellowshipImpact } from '../indicators/FellowshipImpact.tsx';

const Actions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      <FellowshipActions />
      {permissions !== 'applicant' && <EditButton />}
    </TopToolbar>
  );
};

const SitesTab = () => {
  const record = useRecordContext();
  return record ? <TransferSitesPanel fellowshipId={Number(record.id)} /> : null;
};

const AgreementTab = () => {
  const record = useRecordContext();
  return record ? <AgreementPanel fellowshipId={record.id} /> : null;
};

/** Staff enter and correct values here; a coach reads them. */
const ImpactTab = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  return record ? <FellowshipImpact fellowshipId={Number(record.id)} cohortId={Number(record.cohort_id)} canWrite={permissions !== 'coach'} /> : null;
};

/** A basic fellowship page (the programme feature extends it into the fellow's whole story). */
export const FellowshipShow = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  // Tranches are read by staff and the fellow (not by coaches).
  const tranches = permissions === 'staff' || permissions === 'admin' || permissions === 'applicant';
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={translate('resources.fellowships.tabs.overview')}>
          <ReferenceField source="organisation_id" reference="organisations" link="show" />
          <TextField source="project_name" />
          <TextField source="cohort_name" />
          <TextField source="coach_name" emptyText="–" />
          <EuroField source="grant_cents" />
          <DayField source="agreement_signed_on" emptyText="–" />
          <NumberField source="coaching_hours_budget" />
          <EnumField source="stage" enumName="fellowship_stage" chip />
          <EnumField source="status" enumName="fellowship_status" chip />
          <TextField source="goals" emptyText="–" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={translate('resources.fellowships.tabs.milestones')} path="milestones">
          <ReferenceManyField reference="milestones" target="fellowship_id" sort={{ field: 'due_on', order: 'ASC' }} label={false}>
            <ResponsiveDataTable bulkActionButtons={false} rowClick="edit">
              <DataTable.Col source="title" />
              <DataTable.Col source="kind"><EnumField source="kind" enumName="milestone_kind" /></DataTable.Col>
              <DataTable.Col source="due_on"><DayField source="due_on" /></DataTable.Col>
              <DataTable.Col source="status"><EnumField source="status" enumName="milestone_status" chip /></DataTable.Col>
              <DataTable.Col source="note" />
            </ResponsiveDataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={translate('resources.budget-lines.agreement.tab')} path="agreement">
          <AgreementTab />
        </TabbedShowLayout.Tab>
        {tranches && (
          <TabbedShowLayout.Tab label={translate('resources.disbursements.name', { smart_count: 2 })} path="tranches">
            <FellowshipTranches />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label={translate('resources.grantee-reports.fellowship_tab')} path="reports">
          <FellowshipReports />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={translate('resources.indicator-values.tab')} path="impact">
          <ImpactTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={translate('resources.transfer-sites.panel.title')} path="sites">
          <SitesTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={translate('resources.story.title')} path="story">
          <FellowshipStory />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
