import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** "3 von 5 Kriterien" with a bar; staff see drafts only as "in progress". */
export const ProgressField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const total = record.criteria_count ?? 0;
  const scored = record.status === 'submitted' ? total : record.scored_count ?? 0;
  const value = total ? (100 * scored) / total : 0;
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="body2">{translate('resources.reviews.scoring.progress', { scored, total })}</Typography>
      <LinearProgress variant="determinate" value={value} aria-label={translate('resources.reviews.fields.progress')} color={record.status === 'submitted' ? 'success' : 'primary'} />
    </Box>
  );
};
