import { useState } from 'react';
import { Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { CohortOutcomesView } from '../outcomes/CohortOutcomesView.tsx';
import FunderSurveys from './FunderSurveys.tsx';

interface CohortOption {
  id: number;
  name: string;
  phase: string;
}

/**
 * The outcomes of the funder's cohorts (`GET /api/cohorts/:id/outcomes`, which answers a funder
 * with the totals only): key figures, each indicator's baseline → latest summed, the sites by
 * Bundesland; below, the same cohort's surveys and their results. The cohort shown first is the one
 * in its programme year, else the newest.
 */
const FunderOutcomes = () => {
  const translate = useTranslate();
  const [picked, setPicked] = useState<number | null>(null);
  const { data: cohorts = [] } = useGetList<CohortOption>('cohorts', { pagination: { page: 1, perPage: 200 }, sort: { field: 'year', order: 'DESC' } });
  const cohortId = picked ?? (cohorts.find((c) => c.phase === 'programme') ?? cohorts[0])?.id ?? null;
  if (cohortId === null) return null;
  return (
    <>
      <Card component="section" sx={{ mb: 2 }} aria-labelledby="funder-outcomes">
        <CardContent>
          <Typography variant="h6" component="h2" id="funder-outcomes" gutterBottom>{translate('app.home.funder.outcomes')}</Typography>
          <TextField select size="small" label={translate('app.home.funder.outcomes_cohort')} value={cohortId} onChange={(e) => setPicked(Number(e.target.value))} sx={{ minWidth: 260, mb: 2 }}>
            {cohorts.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
          </TextField>
          <CohortOutcomesView cohortId={cohortId} />
        </CardContent>
      </Card>
      <FunderSurveys cohortId={cohortId} />
    </>
  );
};
export default FunderOutcomes;
