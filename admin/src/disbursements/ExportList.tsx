import { Button, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { DataTable, Link, List, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { download } from './money.ts';
import { DateTimeField, DayField, EuroField } from '../shared/fields.tsx';
import { ResponsiveDataTable, ROW_ACTIONS } from '../shared/ResponsiveDataTable.tsx';

/** The stored file of a batch (byte for byte as made); a SEPA batch also as bookkeeping CSV. */
const DownloadButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => download(`/api/disbursement-exports/${record.id}/file`)}>
        {translate('resources.disbursement-exports.download')}
      </Button>
      {record.format === 'sepa' && (
        <Button size="small" onClick={() => download(`/api/disbursement-exports/${record.id}/file?as=csv`)}>
          {translate('resources.disbursement-exports.download_csv')}
        </Button>
      )}
    </Stack>
  );
};

/** Exports are made per cohort, with a confirmation, on the funding overview. */
const NewExport = () => {
  const translate = useTranslate();
  return <Button component={Link} to="/funding" startIcon={<DownloadIcon />}>{translate('resources.disbursement-exports.new')}</Button>;
};

export const ExportList = () => (
  <List sort={{ field: 'created_at', order: 'DESC' }} actions={<TopToolbar><NewExport /></TopToolbar>}>
    <ResponsiveDataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="created_at"><DateTimeField source="created_at" /></DataTable.Col>
      <DataTable.Col source="format"><EnumField source="format" enumName="export_format" /></DataTable.Col>
      <DataTable.Col source="message_id"><TextField source="message_id" /></DataTable.Col>
      <DataTable.Col source="tranche_count" align="right" />
      <DataTable.Col source="total_cents" align="right"><EuroField source="total_cents" /></DataTable.Col>
      <DataTable.Col source="execution_date"><DayField source="execution_date" /></DataTable.Col>
      <DataTable.Col source="created_by_name" />
      <DataTable.Col label=" " disableSort {...ROW_ACTIONS}><DownloadButtons /></DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
