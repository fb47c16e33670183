import { useState } from 'react';
import { Alert, Box, LinearProgress, Stack, TextField as MuiTextField, MenuItem, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Button, DataTable, List, NumberField, TopToolbar, useGetList, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { AssignReviewersButton } from './AssignReviewersButton.tsx';
import { JuryProgressPanel } from './JuryProgressPanel.tsx';
import { RankingBreakdown } from './RankingBreakdown.tsx';
import { exportUrl } from './api.ts';

const ExportCsvButton = ({ cohortId }: { cohortId: number }) => {
  const { sort } = useListContext();
  return (
    <Button label="resources.rankings.export" href={exportUrl(cohortId, sort)} component="a" download>
      <DownloadIcon />
    </Button>
  );
};

const Actions = ({ cohortId }: { cohortId: number }) => (
  <TopToolbar>
    <AssignReviewersButton cohortId={cohortId} />
    <ExportCsvButton cohortId={cohortId} />
  </TopToolbar>
);

/** The organisation with its project beneath: one column instead of two keeps the table within a laptop. */
const OrganisationField = (_props: { label?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 180, maxWidth: 340 }}>
      <Typography variant="body2">{record.organisation_name}</Typography>
      {record.project_name && <Typography variant="caption" color="text.secondary">{record.project_name}</Typography>}
    </Box>
  );
};

/** Submitted of assigned reviews; fewer submitted than assigned (the scores rest on part of the jury) is marked. */
const ReviewCountField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const text = translate('resources.rankings.partial_chip', { submitted: record.review_count, assigned: record.assigned_count });
  return (
    <Tooltip title={text}>
      <Typography variant="body2" component="span" aria-label={text} sx={{ whiteSpace: 'nowrap', color: record.partial ? 'warning.dark' : undefined, fontWeight: record.partial ? 600 : undefined }}>
        {record.review_count} / {record.assigned_count}
      </Typography>
    </Tooltip>
  );
};

/** The spread of the jurors' scores, with a warning sign where the jury disagrees. */
const SpreadField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
      {record.disagreement && (
        <Tooltip title={translate('resources.rankings.disagreement')}>
          <WarningAmberIcon fontSize="small" color="warning" aria-label={translate('resources.rankings.disagreement')} aria-hidden={false} role="img" />
        </Tooltip>
      )}
      <NumberField source="spread" options={ONE} emptyText="–" />
    </Stack>
  );
};

const StatusField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(`enums.application_status.${record.status}`, { _: record.status })}</span>;
};

const ONE = { maximumFractionDigits: 1, minimumFractionDigits: 1 };
const TWO = { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' as const };

/**
 * Staff's ranking of one cohort: sortable, per-juror breakdown on expand, jury progress, CSV, assignment.
 * Seven compact columns, so the table fits a 1366 px laptop beside the menu; the per-juror detail stays
 * in the expanded row.
 */
export const RankingList = () => {
  const translate = useTranslate();
  const { data: cohorts, isPending } = useGetList('cohorts', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  const [chosen, setChosen] = useState<number>();
  const cohortId = chosen ?? (cohorts?.find((c) => c.phase === 'review' || c.phase === 'selection') ?? cohorts?.[0])?.id;
  if (isPending) return <LinearProgress />;
  if (!cohortId) return <Alert severity="info" sx={{ m: 2 }}>{translate('resources.rankings.no_cohort')}</Alert>;
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <MuiTextField select size="small" label={translate('resources.rankings.cohort')} value={cohortId} onChange={(e) => setChosen(Number(e.target.value))} sx={{ minWidth: 260 }}>
          {(cohorts ?? []).map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
        </MuiTextField>
        <Typography variant="body2" color="text.secondary">{translate('resources.rankings.ranking_hint')}</Typography>
      </Stack>
      <List
        key={cohortId}
        resource="rankings"
        filter={{ cohort_id: cohortId }}
        sort={{ field: 'rank', order: 'ASC' }}
        perPage={50}
        actions={<Actions cohortId={cohortId} />}
        disableSyncWithLocation
        storeKey={`rankings-${cohortId}`}
        empty={false}
      >
        <DataTable expand={<RankingBreakdown />} bulkActionButtons={false} rowClick="expand">
          <DataTable.Col source="rank" />
          <DataTable.Col source="organisation_name"><OrganisationField /></DataTable.Col>
          <DataTable.Col source="status"><StatusField /></DataTable.Col>
          <DataTable.Col source="review_count" align="right"><ReviewCountField /></DataTable.Col>
          <DataTable.Col source="normalised_score" align="right"><NumberField source="normalised_score" options={TWO} emptyText="–" /></DataTable.Col>
          <DataTable.Col source="weighted_score" align="right"><NumberField source="weighted_score" options={ONE} emptyText="–" /></DataTable.Col>
          <DataTable.Col source="spread" align="right"><SpreadField /></DataTable.Col>
        </DataTable>
      </List>
      <Box sx={{ mt: 2 }}>
        <JuryProgressPanel cohortId={cohortId} />
      </Box>
    </Box>
  );
};
