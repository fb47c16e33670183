import { Link } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Chip, IconButton, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { AppDataProvider } from '../dataProvider.ts';
import { formatDate, formatNumber } from '../shared/format.ts';

const T = 'resources.indicator-values';

interface Progress {
  indicator_id: number;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline_value: number | null;
  latest_value: number | null;
  latest_on: string | null;
  change: number | null;
}

/** Baseline → latest per indicator, as the server computes it (the view indicator_progress). */
const useIndicatorProgress = (fellowshipId: number) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({ queryKey: ['fellowship-indicators', fellowshipId], queryFn: () => dataProvider.get(`fellowships/${fellowshipId}/indicators`) as Promise<Progress[]> });
};

/** A change in the indicator's good direction is green, the other way orange. */
const ChangeChip = ({ row, locale }: { row: Progress; locale: string }) => {
  if (row.change == null) return null;
  const good = row.change === 0 ? null : (row.change > 0) === (row.direction === 'increase');
  const sign = row.change > 0 ? '+' : '';
  return <Chip size="small" color={good == null ? 'default' : good ? 'success' : 'warning'} label={`${sign}${formatNumber(row.change, locale, 2)} ${row.unit}`} />;
};

/**
 * The fellowship's indicators: baseline, latest and change, every value entered (edit = correct
 * with a note) and "Wert eintragen". Used on the fellowship page (staff) and the fellow's programme
 * page; laid out as a list so it reads on a phone. `defaultKind` presets the new value's kind (an
 * alumnus answering a follow-up request enters a `follow_up`).
 */
export const FellowshipImpact = ({ fellowshipId, cohortId, canWrite, defaultKind }: { fellowshipId: number; cohortId: number; canWrite: boolean; defaultKind?: 'follow_up' }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: progress = [], isPending } = useIndicatorProgress(fellowshipId);
  const { data: values = [] } = useGetList('indicator-values', { filter: { fellowship_id: fellowshipId }, sort: { field: 'measured_on', order: 'DESC' }, pagination: { page: 1, perPage: 200 } });
  const num = (v: number | null) => (v == null ? '–' : formatNumber(v, locale, 2));
  return (
    <Card sx={{ mt: 2 }} data-testid="fellowship-impact">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6">{translate(`${T}.title`)}</Typography>
          {canWrite && progress.length > 0 && (
            <Button component={Link} to="/indicator-values/create" state={{ record: { fellowship_id: fellowshipId, cohort_id: cohortId, ...(defaultKind ? { kind: defaultKind } : {}) } }} startIcon={<AddIcon />} variant="outlined" size="small">
              {translate(`${T}.add`)}
            </Button>
          )}
        </Stack>
        {!isPending && !progress.length && <Alert severity="info" sx={{ mt: 1 }}>{translate(`${T}.no_indicators`)}</Alert>}
        <MuiList dense>
          {progress.map((row) => (
            <ListItem key={row.indicator_id} divider secondaryAction={<ChangeChip row={row} locale={locale} />} data-testid={`indicator-${row.indicator_id}`}>
              <ListItemText
                primary={`${row.name} (${row.unit})`}
                secondary={`${translate(`${T}.baseline`)}: ${num(row.baseline_value)} → ${translate(`${T}.latest`)}: ${num(row.latest_value)}${row.latest_on ? ` (${formatDate(row.latest_on, locale)})` : ''}`}
                sx={{ pr: 10 }}
              />
            </ListItem>
          ))}
        </MuiList>
        {progress.length > 0 && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2">{translate(`${T}.values`)}</Typography>
            {!values.length && <Typography color="text.secondary">{translate(`${T}.none`)}</Typography>}
            <MuiList dense>
              {values.map((v: any) => (
                <ListItem
                  key={v.id}
                  secondaryAction={canWrite ? (
                    <IconButton component={Link} to={`/indicator-values/${v.id}`} size="small" aria-label={translate('ra.action.edit')}><EditIcon fontSize="small" /></IconButton>
                  ) : null}
                >
                  <ListItemText
                    primary={`${v.indicator_name}: ${num(v.value)} ${v.unit}`}
                    secondary={[translate(`enums.indicator_value_kind.${v.kind}`), formatDate(v.measured_on, locale), v.note].filter(Boolean).join(' · ')}
                    sx={{ pr: 6 }}
                  />
                </ListItem>
              ))}
            </MuiList>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
