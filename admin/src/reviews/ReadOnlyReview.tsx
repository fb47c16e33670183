import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { type Criterion, type ReviewScore } from './format.ts';
import { formatDateTime, formatFixed } from '../shared/format.ts';

/** A submitted review (for its juror) or any review for staff; drafts show no scores to staff. */
export const ReadOnlyReview = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const criteria: Criterion[] = record.criteria ?? [];
  const scores: ReviewScore[] = record.scores ?? [];
  if (!record.submitted_at) {
    return <Alert severity="info">{translate('resources.reviews.scoring.in_progress')}</Alert>;
  }
  // The stored score of the submitted review (reviews.score), the number the ranking averages.
  const total: number | null = record.score ?? null;
  return (
    <Box>
      <Alert severity="success" sx={{ mb: 2 }}>{translate('resources.reviews.scoring.read_only', { date: formatDateTime(record.submitted_at, locale) })}</Alert>
      <Table size="small" aria-label={translate('resources.reviews.scoring.criteria')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.reviews.scoring.criteria')}</TableCell>
            <TableCell align="right">{translate('resources.reviews.fields.score')}</TableCell>
            <TableCell>{translate('resources.reviews.fields.comment')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {criteria.map((c) => {
            const s = scores.find((x) => x.criterion_id === c.id);
            return (
              <TableRow key={c.id}>
                <TableCell>{c.name}</TableCell>
                <TableCell align="right">{s?.score ?? '–'} / {c.max_score}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{s?.comment ?? ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Typography sx={{ mt: 2 }}>{translate('resources.reviews.scoring.total', { score: formatFixed(total, 1, locale) })}</Typography>
      <Typography sx={{ mt: 1 }}>
        <strong>{translate('resources.reviews.fields.recommendation')}:</strong> {record.recommendation ? translate(`enums.recommendation.${record.recommendation}`) : '–'}
      </Typography>
      {record.overall_comment && (
        <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
          <strong>{translate('resources.reviews.fields.overall_comment')}:</strong> {record.overall_comment}
        </Typography>
      )}
    </Box>
  );
};
