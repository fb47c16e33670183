import { Button, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { DataTable, DateField, List, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField.tsx';
import { MoneyField } from '../shared/inputs.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { download } from './money.ts';

const BERLIN = { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' } as const;

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

export const ExportList = () => (
  <List sort={{ field: 'created_at', order: 'DESC' }} actions={<TopToolbar><ExportButtons /></TopToolbar>}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="created_at"><DateField source="created_at" showTime options={BERLIN} /></DataTable.Col>
      <DataTable.Col source="format"><EnumField source="format" enumName="export_format" /></DataTable.Col>
      <DataTable.Col source="message_id"><TextField source="message_id" /></DataTable.Col>
      <DataTable.Col source="tranche_count" align="right" />
      <DataTable.Col source="total_cents" align="right"><MoneyField source="total_cents" /></DataTable.Col>
      <DataTable.Col source="execution_date"><DateField source="execution_date" /></DataTable.Col>
      <DataTable.Col source="created_by_name" />
      <DataTable.Col label=" " disableSort><DownloadButtons /></DataTable.Col>
    </DataTable>
  </List>
);
