import { Tab, Tabs } from '@mui/material';
import { DataTable, List, useListContext, usePermissions, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { RespondButtons } from './RespondButtons.tsx';
import { DateTimeField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/** Alumni switch between requests to them and requests they sent. */
const DirectionTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const value = filterValues.direction ?? 'all';
  return (
    <Tabs
      value={value}
      onChange={(_e, next: string) => {
        const { direction: _old, ...rest } = filterValues;
        setFilters(next === 'all' ? rest : { ...rest, direction: next }, displayedFilters);
      }}
    >
      {['all', 'incoming', 'outgoing'].map((d) => (
        <Tab key={d} value={d} label={translate(`resources.introductions.tabs.${d}`)} />
      ))}
    </Tabs>
  );
};

export const IntroductionList = () => {
  const { permissions } = usePermissions();
  const alumnus = permissions === 'applicant';
  return (
    <List sort={{ field: 'created_at', order: 'DESC' }} exporter={false}>
      {alumnus && <DirectionTabs />}
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
        {alumnus && <DataTable.Col source="direction"><EnumField source="direction" enumName="introduction_direction" /></DataTable.Col>}
        <DataTable.Col source="from_organisation_name" />
        <DataTable.Col source="to_organisation_name" />
        <DataTable.Col source="status"><EnumField source="status" enumName="introduction_status" chip /></DataTable.Col>
        <DataTable.Col source="responded_at"><DateTimeField source="responded_at" /></DataTable.Col>
        {alumnus && <DataTable.Col label=" "><RespondButtons /></DataTable.Col>}
      </ResponsiveDataTable>
    </List>
  );
};
