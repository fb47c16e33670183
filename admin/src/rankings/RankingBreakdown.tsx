import { Alert, Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatFixed, formatZScore } from '../shared/format.ts';

interface BreakdownReview {
  review_id: number;
  juror_id: number;
  juror_name: string;
  score: number;
  z: number;
  recommendation: string | null;
  overall_comment: string | null;
  scores: Array<{ criterion_id: number; score: number | null; comment: string | null }>;
}

/** The expand panel: each submitted review with its juror, per-criterion points, score and z. */
export const RankingBreakdown = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending } = useGetOne('rankings', { id: record?.id }, { enabled: !!record });
  const { data: criteria } = useGetList('criteria', { filter: { cohort_id: record?.cohort_id }, pagination: { page: 1, perPage: 100 }, sort: { field: 'position', order: 'ASC' } }, { enabled: !!record });
  if (!record) return null;
  if (isPending) return <LinearProgress />;
  const reviews: BreakdownReview[] = data?.reviews ?? [];
  const t = (key: string) => translate(`resources.rankings.${key}`);
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>{t('breakdown')}</Typography>
      {!reviews.length ? (
        <Alert severity="info">{t('no_reviews')}</Alert>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('juror')}</TableCell>
              {(criteria ?? []).map((c) => <TableCell key={c.id} align="right">{c.name}</TableCell>)}
              <TableCell align="right">{t('score')}</TableCell>
              <TableCell align="right">{t('z')}</TableCell>
              <TableCell>{t('recommendation')}</TableCell>
              <TableCell>{t('comment')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {reviews.map((r) => (
              <TableRow key={r.review_id}>
                <TableCell>{r.juror_name}</TableCell>
                {(criteria ?? []).map((c) => {
                  const s = r.scores.find((x) => x.criterion_id === c.id);
                  return <TableCell key={c.id} align="right" title={s?.comment ?? undefined}>{s?.score ?? '–'}</TableCell>;
                })}
                <TableCell align="right">{formatFixed(r.score, 1, locale)}</TableCell>
                <TableCell align="right">{formatZScore(r.z, locale)}</TableCell>
                <TableCell>{r.recommendation ? translate(`enums.recommendation.${r.recommendation}`) : '–'}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>{r.overall_comment ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
