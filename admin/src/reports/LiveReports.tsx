import { Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useGetList, useTranslate } from 'react-admin';
import { REPORT_KINDS } from '../../../backend/src/reports/reports.schema.ts';

/** Every cohort with links to its three live PDFs (generated from today's data on each download). */
export const LiveReports = () => {
  const translate = useTranslate();
  const { data: cohorts = [], isPending } = useGetList('cohorts', { pagination: { page: 1, perPage: 50 }, sort: { field: 'year', order: 'DESC' } });
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate('resources.reports.live.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('resources.reports.live.help')}</Typography>
        {!isPending && !cohorts.length && <Typography variant="body2">{translate('resources.reports.live.none')}</Typography>}
        <Table size="small">
          <TableBody>
            {cohorts.map((cohort) => (
              <TableRow key={cohort.id}>
                <TableCell sx={{ fontWeight: 500 }}>{cohort.name}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
                    {REPORT_KINDS.map((kind) => (
                      <Button
                        key={kind}
                        size="small"
                        variant="outlined"
                        startIcon={<PictureAsPdfIcon />}
                        href={`/api/reports/cohorts/${cohort.id}/${kind}.pdf`}
                        target="_blank"
                        rel="noopener"
                      >
                        {translate(`enums.report_kind.${kind}`)}
                      </Button>
                    ))}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
