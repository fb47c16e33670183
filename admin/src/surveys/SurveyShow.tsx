import { lazy, Suspense } from 'react';
import { Alert, Box, Card, CardContent, Chip, IconButton, List as MuiList, ListItem, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  EditButton, Show, TopToolbar, useDataProvider, useGetList, useLocaleState, useNotify, useRecordContext, useTranslate,
} from 'react-admin';
import type { QuestionResult, SurveyResults } from '../../../backend/src/surveys/surveys.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { formatDateTime, formatFixed } from '../shared/format.ts';

const DistributionChart = lazy(() => import('./DistributionChart.tsx'));
const T = 'resources.surveys.results';

type Quote = { id: number; question_key: string; text: string };

/** The free texts of a question, each to be picked as a quote (or removed again). */
const Texts = ({ surveyId, result, quotes, onChange }: { surveyId: number; result: QuestionResult; quotes: readonly Quote[]; onChange: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const mine = quotes.filter((q) => q.question_key === result.key);
  const pick = async (text: string) => {
    try {
      await dataProvider.create('survey-quotes', { data: { survey_id: surveyId, question_key: result.key, text } });
      notify(`${T}.picked`, { type: 'success' });
      onChange();
    } catch (error: any) {
      notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };
  if (!result.texts?.length) return <Typography color="text.secondary">{translate(`${T}.no_texts`)}</Typography>;
  return (
    <MuiList dense disablePadding>
      {result.texts.map((text, i) => {
        const picked = mine.some((q) => q.text === text);
        return (
          <ListItem key={i} disableGutters secondaryAction={!picked && (
            <Tooltip title={translate(`${T}.pick`)}>
              <IconButton edge="end" aria-label={translate(`${T}.pick`)} onClick={() => pick(text)}><FormatQuoteIcon /></IconButton>
            </Tooltip>
          )}>
            <ListItemText primary={`„${text}“`} secondary={picked ? translate(`${T}.picked`) : undefined} />
          </ListItem>
        );
      })}
    </MuiList>
  );
};

/**
 * One question's results: its count, mean, NPS and distribution chart; for staff (`onChange`
 * given) also its free texts to pick quotes from. Without `onChange` it is read-only (the funder's
 * home), and the free texts stay out: a funder reads the quotes staff chose.
 */
export const QuestionCard = ({ surveyId, result, quotes = [], onChange }: { surveyId: number; result: QuestionResult; quotes?: readonly Quote[]; onChange?: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid={`result-${result.key}`}>
      <CardContent>
        <Typography variant="subtitle1" component="h3">{result.label}</Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', gap: 1 }}>
          <Chip size="small" label={translate(`enums.survey_question_type.${result.type}`)} />
          <Chip size="small" variant="outlined" label={translate(`${T}.answered`, { count: result.count })} />
          {result.mean != null && <Chip size="small" color="primary" label={translate(`${T}.mean`, { mean: formatFixed(result.mean, 2, locale) })} />}
          {result.nps != null && (
            <Tooltip title={translate(`${T}.nps_help`)}><Chip size="small" color={result.nps >= 0 ? 'success' : 'warning'} label={translate(`${T}.nps`, { nps: result.nps > 0 ? `+${result.nps}` : result.nps })} /></Tooltip>
          )}
        </Stack>
        {result.distribution && (
          <Suspense fallback={null}><DistributionChart distribution={result.distribution} /></Suspense>
        )}
        {result.type === 'text' && onChange && <Texts surveyId={surveyId} result={result} quotes={quotes} onChange={onChange} />}
      </CardContent>
    </Card>
  );
};

/** The quotes picked from this survey, in their order, each removable. */
const Quotes = ({ quotes, onChange }: { quotes: Quote[]; onChange: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const remove = async (quote: Quote) => {
    await dataProvider.delete('survey-quotes', { id: quote.id, previousData: quote });
    notify(`${T}.removed`, { type: 'info' });
    onChange();
  };
  return (
    <Card sx={{ mt: 2 }} data-testid="survey-quotes">
      <CardContent>
        <Typography variant="h6" component="h2">{translate(`${T}.quotes`)}</Typography>
        {!quotes.length && <Typography color="text.secondary">{translate(`${T}.no_quotes`)}</Typography>}
        <MuiList dense disablePadding>
          {quotes.map((q) => (
            <ListItem key={q.id} disableGutters secondaryAction={
              <IconButton edge="end" aria-label={translate(`${T}.remove`)} onClick={() => remove(q)}><DeleteIcon /></IconButton>
            }>
              <ListItemText primary={`„${q.text}“`} />
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
};

/** The results from `GET /api/surveys/:id/results`; under three answers the server's reason instead. */
const Results = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const id = record?.id;
  const results = useQuery<SurveyResults>({
    queryKey: ['surveys', 'results', id],
    queryFn: () => dataProvider.get(`surveys/${id}/results`),
    enabled: id != null,
    retry: false,
  });
  const { data: quotes = [], refetch } = useGetList<Quote>('survey-quotes', {
    filter: { survey_id: id }, sort: { field: 'position', order: 'ASC' }, pagination: { page: 1, perPage: 100 },
  }, { enabled: id != null && !!results.data });
  if (!record) return null;
  const changed = () => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['surveys', 'results', id] });
  };
  if (results.error) {
    const status = (results.error as any)?.status;
    return status === 409
      ? <Alert severity="info" sx={{ mt: 2 }} data-testid="results-hidden">{translate(`${T}.hidden`, { count: record.response_count ?? 0 })}</Alert>
      : <Alert severity="error" sx={{ mt: 2 }}>{(results.error as Error).message}</Alert>;
  }
  if (!results.data) return null;
  return (
    <Box data-testid="survey-results">
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>{translate(`${T}.title`)} · {translate(`${T}.count`, { count: results.data.response_count })}</Typography>
      {results.data.questions.map((q) => <QuestionCard key={q.key} surveyId={Number(id)} result={q} quotes={quotes} onChange={changed} />)}
      <Quotes quotes={quotes} onChange={changed} />
    </Box>
  );
};

const Header = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Card><CardContent>
      <Typography variant="h5" component="h1">{record.title}</Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', gap: 1 }}>
        <Chip label={translate(`enums.survey_kind.${record.kind}`)} />
        <Chip color={record.state === 'open' ? 'success' : 'default'} label={translate(`enums.survey_state.${record.state}`)} />
        {record.anonymous && <Chip variant="outlined" label={translate('resources.surveys.fields.anonymous')} />}
      </Stack>
      <Typography color="text.secondary" sx={{ mt: 1 }}>
        {record.cohort_name}{record.workshop_title ? ` · ${record.workshop_title}` : ''} · {formatDateTime(record.opens_at, locale)} – {formatDateTime(record.closes_at, locale)}
      </Typography>
    </CardContent></Card>
  );
};

export const SurveyShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>} component={Box}>
    <Header />
    <Results />
  </Show>
);
