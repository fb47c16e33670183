import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

interface JurorProgress {
  id: number;
  juror_id: number;
  juror_name: string;
  active: boolean;
  assigned: number;
  started: number;
  submitted: number;
  conflicted: number;
  declared_conflicts: number;
}

export const useJuryProgress = (cohortId: number | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['jury-progress', cohortId],
    enabled: !!cohortId,
    queryFn: () => dataProvider.get(`cohorts/${cohortId}/jury-progress`) as Promise<JurorProgress[]>,
  });
};

export const exportUrl = (cohortId: number, sort: { field: string; order: string }) =>
  `/api/rankings/export.csv?filter=${encodeURIComponent(JSON.stringify({ cohort_id: cohortId }))}&sort=${encodeURIComponent(JSON.stringify([sort.field, sort.order]))}`;
