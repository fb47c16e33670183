import { useState } from 'react';
import { Alert, Box, Chip, LinearProgress, Stack, TextField as MuiTextField, MenuItem, Typography } from '@mui/material';
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

/** Fewer submitted reviews than assigned: the scores rest on part of the jury. */
const PartialField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.partial) return null;
  return <Chip size="small" color="warning" variant="outlined" label={translate('resources.rankings.partial_chip', { submitted: record.review_count, assigned: record.assigned_count })} />;
};

const DisagreementField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.disagreement) return null;
  return <Chip size="small" color="warning" icon={<WarningAmberIcon />} label={translate('resources.rankings.disagreement')} />;
};

const StatusField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(`enums.application_status.${record.status}`, { _: record.status })}</span>;
};

const ONE = { maximumFractionDigits: 1, minimumFractionDigits: 1 };
const TWO = { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' as const };

/** Staff's ranking of one cohort: sortable, per-juror breakdown on expand, jury progress, CSV, assignment. */
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
          <DataTable.Col source="organisation_name" />
          <DataTable.Col source="project_name" />
          <DataTable.Col source="status"><StatusField /></DataTable.Col>
          <DataTable.Col source="review_count" align="right" />
          <DataTable.Col source="assigned_count" align="right" />
          <DataTable.Col source="partial"><PartialField /></DataTable.Col>
          <DataTable.Col source="normalised_score" align="right"><NumberField source="normalised_score" options={TWO} emptyText="–" /></DataTable.Col>
          <DataTable.Col source="weighted_score" align="right"><NumberField source="weighted_score" options={ONE} emptyText="–" /></DataTable.Col>
          <DataTable.Col source="spread" align="right"><NumberField source="spread" options={ONE} emptyText="–" /></DataTable.Col>
          <DataTable.Col source="disagreement"><DisagreementField /></DataTable.Col>
        </DataTable>
      </List>
      <Box sx={{ mt: 2 }}>
        <JuryProgressPanel cohortId={cohortId} />
      </Box>
    </Box>
  );
};
