import LockIcon from '@mui/icons-material/Lock';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Tooltip } from '@mui/material';
import { AutocompleteInput, BooleanInput, CreateButton, DataTable, FunctionField, List, ReferenceInput, SearchInput, TextField, TopToolbar, useListContext, usePermissions, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { DayField } from '../shared/fields.tsx';
import { ResponsiveDataTable } from '../shared/ResponsiveDataTable.tsx';

/** CSV of exactly what the list shows (same filters, confidential content redacted by the server). */
const ExportCsvButton = () => {
  const translate = useTranslate();
  const { filterValues, sort } = useListContext();
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues), sort: JSON.stringify([sort.field, sort.order]) });
  return (
    <Button size="small" startIcon={<DownloadIcon />} href={`/api/coaching-sessions/export.csv?${query}`}>
      {translate('resources.coaching-sessions.export')}
    </Button>
  );
};

const Actions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {permissions !== 'applicant' && <CreateButton label="resources.coaching-sessions.log.title" />}
      <ExportCsvButton />
    </TopToolbar>
  );
};

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <ReferenceInput source="organisation_id" reference="organisations" key="o"><AutocompleteInput optionText="name" /></ReferenceInput>,
  <BooleanInput source="confidential" key="c" />,
];

/** Content the caller may not read arrives as null with `content_hidden`: say so instead of showing blanks. */
const Hidden = ({ children }: { children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(r: any) =>
        r.content_hidden ? (
          <Tooltip title={translate('resources.coaching-sessions.hidden')}><LockIcon fontSize="small" color="disabled" /></Tooltip>
        ) : (
          children
        )
      }
    />
  );
};

export const CoachingSessionList = () => {
  const { permissions } = usePermissions();
  return (
    <List filters={filters} sort={{ field: 'held_on', order: 'DESC' }} actions={<Actions />} exporter={false}>
      <ResponsiveDataTable rowClick={permissions === 'coach' || permissions === 'admin' ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="held_on"><DayField source="held_on" /></DataTable.Col>
        <DataTable.Col source="organisation_name" />
        <DataTable.Col source="coach_name" />
        <DataTable.NumberCol source="duration_minutes" />
        <DataTable.Col source="format"><EnumField source="format" enumName="coaching_format" /></DataTable.Col>
        <DataTable.Col source="confidential">
          <FunctionField render={(r: any) => (r.confidential ? <LockIcon fontSize="small" color="action" /> : null)} />
        </DataTable.Col>
        <DataTable.Col source="topics"><Hidden><TextField source="topics" /></Hidden></DataTable.Col>
        <DataTable.Col source="next_steps"><Hidden><TextField source="next_steps" /></Hidden></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
