import { Paper, Typography } from '@mui/material';

/** One key figure: the number large, what it counts below. */
export const StatTile = ({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) => (
  <Paper variant="outlined" sx={{ p: 2, minWidth: 160, flex: '1 1 160px' }}>
    <Typography variant="h5" component="p" data-testid={testId}>{value}</Typography>
    <Typography variant="body2">{label}</Typography>
    {note && <Typography variant="caption" color="text.secondary">{note}</Typography>}
  </Paper>
);
