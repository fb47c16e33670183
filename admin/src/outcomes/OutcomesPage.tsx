import { useState } from 'react';
import { Box, Card, CardContent, MenuItem, Tab, Tabs, TextField, Typography } from '@mui/material';
import { Title, useGetList, useTranslate } from 'react-admin';
import { CohortOutcomesView } from './CohortOutcomesView.tsx';
import { ProgrammeComparisonView } from './ProgrammeComparisonView.tsx';

interface CohortOption {
  id: number;
  name: string;
  year: number;
  phase: string;
}

/** The cohort shown first: the newest in its programme year, else the newest alumni cohort, else the newest. */
const currentCohort = (cohorts: CohortOption[]) =>
  cohorts.find((c) => c.phase === 'programme') ?? cohorts.find((c) => c.phase === 'alumni') ?? cohorts[0];

/** Staff: "Wirkung" — one cohort's outcomes, and the cohorts of a span of years compared. */
export const OutcomesPage = () => {
  const translate = useTranslate();
  const [tab, setTab] = useState<'cohort' | 'compare'>('cohort');
  const [picked, setPicked] = useState<number | null>(null);
  const { data: cohorts = [], isPending } = useGetList<CohortOption>('cohorts', {
    pagination: { page: 1, perPage: 200 }, sort: { field: 'year', order: 'DESC' },
  });
  const cohortId = picked ?? currentCohort(cohorts)?.id ?? null;
  const years = cohorts.map((c) => c.year);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('resources.outcomes.title')} />
      <Card>
        <Tabs value={tab} onChange={(_e, value) => setTab(value)} aria-label={translate('resources.outcomes.title')} variant="scrollable">
          <Tab value="cohort" label={translate('resources.outcomes.tabs.cohort')} id="outcomes-tab-cohort" aria-controls="outcomes-panel-cohort" />
          <Tab value="compare" label={translate('resources.outcomes.tabs.compare')} id="outcomes-tab-compare" aria-controls="outcomes-panel-compare" />
        </Tabs>
        <CardContent role="tabpanel" id={`outcomes-panel-${tab}`} aria-labelledby={`outcomes-tab-${tab}`}>
          {!isPending && !cohorts.length && <Typography color="text.secondary">{translate('resources.outcomes.empty_cohorts')}</Typography>}
          {tab === 'cohort' && cohortId !== null && (
            <>
              <TextField
                select
                label={translate('resources.outcomes.cohort')}
                value={cohortId}
                onChange={(e) => setPicked(Number(e.target.value))}
                sx={{ minWidth: 260, mb: 2 }}
              >
                {cohorts.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
              </TextField>
              <CohortOutcomesView cohortId={cohortId} />
            </>
          )}
          {tab === 'compare' && years.length > 0 && <ProgrammeComparisonView minYear={Math.min(...years)} maxYear={Math.max(...years)} />}
        </CardContent>
      </Card>
    </Box>
  );
};
