import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, IconButton, Stack, Tooltip } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Button, Confirm, DataTable, DeleteButton, EditButton, ReferenceManyField, useDataProvider, useListContext, useNotify, useRecordContext, useRefresh, useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { EnumField } from '../shared/EnumField.tsx';
import { ResponsiveDataTable, ROW_ACTIONS } from '../shared/ResponsiveDataTable.tsx';

/** Indicators are defined before the programme; from `programme` on the server answers 409. */
const EDITABLE_PHASES = new Set(['draft', 'call_open', 'review', 'selection']);

/** Swaps the indicator with its neighbour in the cohort's order (two position updates). */
const MoveButtons = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const { data = [] } = useListContext();
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const index = data.findIndex((r) => r.id === record.id);
  const move = async (offset: number) => {
    const other = data[index + offset];
    if (!other) return;
    setBusy(true);
    try {
      // Positions may repeat (copied sets, manual entry): the order shown is the one made explicit.
      const mine = index + offset;
      const theirs = index;
      await dataProvider.update('indicators', { id: record.id, data: { position: mine }, previousData: record });
      await dataProvider.update('indicators', { id: other.id, data: { position: theirs }, previousData: other });
      refresh();
    } catch (error: any) {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Tooltip title={translate('resources.indicators.move_up')}>
        <span><IconButton size="small" disabled={busy || index <= 0} aria-label={translate('resources.indicators.move_up')} onClick={() => move(-1)}><ArrowUpwardIcon fontSize="small" /></IconButton></span>
      </Tooltip>
      <Tooltip title={translate('resources.indicators.move_down')}>
        <span><IconButton size="small" disabled={busy || index >= data.length - 1} aria-label={translate('resources.indicators.move_down')} onClick={() => move(1)}><ArrowDownwardIcon fontSize="small" /></IconButton></span>
      </Tooltip>
    </>
  );
};

const CopyButton = ({ cohortId }: { cohortId: number }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button label="resources.indicators.copy" onClick={() => setOpen(true)} disabled={busy}>
        <ContentCopyIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.indicators.copy_title"
        content="resources.indicators.copy_content"
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setBusy(true);
          try {
            await dataProvider.action('cohorts', cohortId, 'copy-indicators', {});
            notify('resources.indicators.copied', { type: 'success' });
            refresh();
          } catch (error: any) {
            notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
          } finally {
            setBusy(false);
            setOpen(false);
          }
        }}
      />
    </>
  );
};

/** Copying is offered only to a cohort without indicators (the server refuses a second set). */
const Toolbar = ({ cohortId }: { cohortId: number }) => {
  const { total, isPending } = useListContext();
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }}>
      <Button component={Link} to="/indicators/create" state={{ record: { cohort_id: cohortId } }} label="resources.indicators.add">
        <AddIcon />
      </Button>
      {!isPending && !total && <CopyButton cohortId={cohortId} />}
    </Stack>
  );
};

/** The cohort page's tab "Indikatoren": list, create, edit, reorder and copy last year's set. */
export const CohortIndicators = () => {
  const translate = useTranslate();
  const cohort = useRecordContext();
  if (!cohort) return null;
  const editable = EDITABLE_PHASES.has(cohort.phase);
  return (
    <ReferenceManyField reference="indicators" target="cohort_id" sort={{ field: 'position', order: 'ASC' }} perPage={100} label={false}>
      {editable ? <Toolbar cohortId={Number(cohort.id)} /> : <Alert severity="info" sx={{ mb: 1 }}>{translate('resources.indicators.locked')}</Alert>}
      <ResponsiveDataTable bulkActionButtons={false} rowClick={editable ? 'edit' : false} empty={<Alert severity="info">{translate('app.empty')}</Alert>}>
        <DataTable.Col source="name" />
        <DataTable.Col source="unit" />
        <DataTable.Col source="direction"><EnumField source="direction" enumName="indicator_direction" /></DataTable.Col>
        <DataTable.Col source="description" />
        {editable && (
          <DataTable.Col label="resources.indicators.actions" disableSort {...ROW_ACTIONS}>
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <MoveButtons />
              <EditButton />
              <DeleteButton mutationMode="pessimistic" redirect={false} />
            </Stack>
          </DataTable.Col>
        )}
      </ResponsiveDataTable>
    </ReferenceManyField>
  );
};
