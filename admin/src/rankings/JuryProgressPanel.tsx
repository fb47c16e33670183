import { Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useJuryProgress } from './api.ts';

/** Per juror: assigned, started, submitted, conflicts — so staff can remind the slow ones. */
export const JuryProgressPanel = ({ cohortId }: { cohortId: number }) => {
  const translate = useTranslate();
  const { data, isPending } = useJuryProgress(cohortId);
  const t = (key: string) => translate(`resources.rankings.progress.${key}`);
  return (
    <Card variant="outlined" component="section" aria-labelledby="jury-progress-title">
      <CardContent>
        <Typography id="jury-progress-title" variant="h6" component="h2" gutterBottom>{t('title')}</Typography>
        {isPending && <LinearProgress />}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('juror')}</TableCell>
              <TableCell align="right">{t('assigned')}</TableCell>
              <TableCell align="right">{t('started')}</TableCell>
              <TableCell align="right">{t('submitted')}</TableCell>
              <TableCell align="right">{t('conflicted')}</TableCell>
              <TableCell sx={{ minWidth: 140 }}>{t('share')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((j) => {
              const share = j.assigned ? Math.round((100 * j.submitted) / j.assigned) : 0;
              return (
                <TableRow key={j.id}>
                  <TableCell>{j.juror_name}</TableCell>
                  <TableCell align="right">{j.assigned}</TableCell>
                  <TableCell align="right">{j.started}</TableCell>
                  <TableCell align="right">{j.submitted}</TableCell>
                  <TableCell align="right">{j.declared_conflicts}</TableCell>
                  <TableCell>
                    <LinearProgress variant="determinate" value={share} aria-label={`${j.juror_name}: ${share} %`} color={share === 100 ? 'success' : 'primary'} />
                    <Typography variant="caption">{share} %</Typography>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
