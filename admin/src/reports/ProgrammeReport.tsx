import { useState } from 'react';
import { Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useGetList, useTranslate } from 'react-admin';
import { MAX_COMPARISON_YEARS } from '../../../backend/src/outcomes/outcomes.schema.ts';

/** programme.pdf: two year pickers (the years that have cohorts) and a link to the live comparison. */
export const ProgrammeReport = () => {
  const translate = useTranslate();
  const { data: cohorts = [] } = useGetList('cohorts', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'ASC' } });
  const years = [...new Set(cohorts.map((c) => Number(c.year)))].sort((a, b) => a - b);
  const [from, setFrom] = useState<number | ''>('');
  const [to, setTo] = useState<number | ''>('');
  const fromYear = from === '' ? years[0] : from;
  const toYear = to === '' ? years[years.length - 1] : to;
  if (!years.length || fromYear === undefined || toYear === undefined) return null;
  const valid = fromYear <= toYear && toYear - fromYear < MAX_COMPARISON_YEARS;
  const picker = (name: 'from_year' | 'to_year', value: number, set: (y: number) => void) => (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={translate(`resources.reports.programme.${name}`)}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      sx={{ width: 150 }}
      slotProps={{ htmlInput: { 'data-testid': `programme-${name}` } }}
    >
      {years.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
    </TextField>
  );
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate('resources.reports.programme.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {translate('resources.reports.programme.help', { max: MAX_COMPARISON_YEARS })}
        </Typography>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          {picker('from_year', fromYear, setFrom)}
          {picker('to_year', toYear, setTo)}
          <Button
            variant="outlined"
            startIcon={<PictureAsPdfIcon />}
            disabled={!valid}
            href={`/api/reports/programme.pdf?from_year=${fromYear}&to_year=${toYear}`}
            target="_blank"
            rel="noopener"
          >
            {translate('resources.reports.programme.download')}
          </Button>
        </Stack>
        {!valid && (
          <Typography variant="body2" color="error" sx={{ mt: 1 }}>
            {translate('resources.reports.programme.invalid', { max: MAX_COMPARISON_YEARS })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
