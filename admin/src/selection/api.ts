import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';

export interface BoardApplication {
  id: number;
  cohort_id: number;
  organisation_id: number;
  organisation_name: string;
  project_name: string | null;
  status: string;
  submitted_at: string | null;
  interview_at: string | null;
  interview_notes: string | null;
  decision_reason: string | null;
  waitlist_position: number | null;
  decision_released_at: string | null;
  fellowship_id: number | null;
}

interface Board {
  id: number;
  name: string;
  phase: string;
  seats: number;
  seats_taken: number;
  seats_left: number;
  selection_finalized_at: string | null;
  applications: BoardApplication[];
}

interface Letter {
  application_id: number;
  organisation_name: string;
  status: string;
  template: string;
  to: string | null;
  subject: string;
  body: string;
  released: boolean;
}

export interface RankingRow {
  id: number;
  rank: number | null;
  weighted_score: number | null;
  normalised_score: number | null;
  review_count: number;
  assigned_count: number;
  partial: boolean;
}

export const useBoard = (cohortId: number | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['selection-board', cohortId],
    enabled: !!cohortId,
    queryFn: () => dataProvider.get(`cohorts/${cohortId}/selection`) as Promise<Board>,
  });
};

/** The jury's ranking, if the rankings resource answers; the board falls back to submission order. */
export const useRanking = (cohortId: number | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['selection-ranking', cohortId],
    enabled: !!cohortId,
    retry: false,
    queryFn: async () => {
      const { data } = await dataProvider.getList('rankings', {
        filter: { cohort_id: cohortId },
        pagination: { page: 1, perPage: 1000 },
        sort: { field: 'rank', order: 'ASC' },
      });
      return new Map((data as RankingRow[]).map((r) => [Number(r.id), r]));
    },
  });
};

export const useLetters = (cohortId: number | undefined, enabled: boolean) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['selection-letters', cohortId],
    enabled: !!cohortId && enabled,
    queryFn: () => dataProvider.get(`cohorts/${cohortId}/decision-letters`) as Promise<Letter[]>,
  });
};

/** A POST action on the board; refreshes the board afterwards and shows the server's message on errors. */
export const useBoardAction = (cohortId: number | undefined, successMessage: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => dataProvider.post(path, body ?? {}),
    onSuccess: () => notify(successMessage, { type: 'success' }),
    onError: (error: any) => notify(error?.body?.message ?? error?.message ?? 'ra.notification.http_error', { type: 'error' }),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: ['selection-board', cohortId] });
      queryClient.invalidateQueries({ queryKey: ['selection-letters', cohortId] });
    },
  });
};
