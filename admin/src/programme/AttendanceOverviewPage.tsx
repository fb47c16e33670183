import { useState } from 'react';
import { Alert, Card, CardContent, Chip, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { formatDate } from '../shared/format.ts';

const MARK: Record<string, string> = { attended: '✔', excused: 'E', absent: '✘', registered: '·' };

/** Staff/coach: per cohort, each fellow's attendance at the mandatory workshops; rule breakers flagged. */
export const AttendanceOverviewPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loc = locale === 'en' ? 'en-GB' : 'de-DE';
  const t = (key: string, options?: any) => translate(`resources.programme.${key}`, options);
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: cohorts = [] } = useGetList('cohorts', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const [picked, setPicked] = useState<number | ''>('');
  const cohortId = picked || cohorts.find((c: any) => c.phase === 'programme')?.id || cohorts[0]?.id;
  const { data, error } = useQuery({
    queryKey: ['attendance-overview', cohortId],
    queryFn: () => dataProvider.get(`cohorts/${cohortId}/attendance-overview`) as Promise<any>,
    enabled: !!cohortId,
  });
  const past = (data?.workshops ?? []).filter((w: any) => new Date(w.ends_at) < new Date());
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('overview')} />
      <CardContent>
        <TextField select label={t('choose_cohort')} value={cohortId ?? ''} onChange={(e) => setPicked(Number(e.target.value))} sx={{ minWidth: 260, mb: 2 }}>
          {cohorts.map((c: any) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
        </TextField>
        {error ? <Alert severity="error">{String((error as Error).message)}</Alert> : null}
        {data && (
          <>
            {data.below_rule_count > 0 && <Alert severity="warning" sx={{ mb: 2 }}>{t('flagged', { smart_count: data.below_rule_count })}</Alert>}
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('organisation')}</TableCell>
                  {past.map((w: any) => (
                    <TableCell key={w.id} align="center">
                      <Tooltip title={w.title}><span>{formatDate(w.starts_at, loc)}{w.mandatory ? '*' : ''}</span></Tooltip>
                    </TableCell>
                  ))}
                  <TableCell align="right">%</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {/* Below the rule: a pale tint, so the organisation's link and the chip stay readable on it. */}
                {data.rows.map((r: any) => (
                  <TableRow key={r.fellowship_id} sx={r.below_rule ? { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.1) } : undefined}>
                    <TableCell><Link to={`/fellowship-story/${r.fellowship_id}`}>{r.organisation_name}</Link></TableCell>
                    {past.map((w: any) => (
                      <TableCell key={w.id} align="center" title={r.by_workshop[w.id] ? translate(`enums.attendance_status.${r.by_workshop[w.id]}`) : ''}>
                        {MARK[r.by_workshop[w.id]] ?? '–'}
                      </TableCell>
                    ))}
                    <TableCell align="right">{r.percent ?? '—'}</TableCell>
                    <TableCell>{r.below_rule ? <Chip size="small" color="warning" label={t('below_rule', { min: r.min_attendance_percent })} /> : <Typography variant="caption">{t('ok_rule')}</Typography>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
};
