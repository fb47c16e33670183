import { useState } from 'react';
import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';
import type { SurveyResults } from '../../../backend/src/surveys/surveys.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { formatDate, useIntlLocale } from '../shared/format.ts';
import { QuestionCard } from '../surveys/SurveyShow.tsx';

/** Results are shown from this many answers on (the server's MIN_RESPONSES; it answers 409 below). */
const MIN_RESPONSES = 3;

interface FundedSurvey {
  id: number;
  title: string;
  kind: string;
  opens_at: string;
  closes_at: string;
  response_count: number;
}

/** A survey's results read-only (`GET /api/surveys/:id/results`): the staff's question cards without picking, and the quotes staff chose. */
const Results = ({ surveyId }: { surveyId: number }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const results = useQuery<SurveyResults>({ queryKey: ['surveys', 'results', surveyId], queryFn: () => dataProvider.get(`surveys/${surveyId}/results`), retry: false });
  if (results.error) return <Alert severity="error">{(results.error as Error).message}</Alert>;
  if (!results.data) return null;
  return (
    <Box data-testid={`funder-survey-results-${surveyId}`}>
      {results.data.questions.map((q) => <QuestionCard key={q.key} surveyId={surveyId} result={q} />)}
      <Typography variant="subtitle1" component="h4" sx={{ mt: 2 }}>{translate('app.home.funder.survey_quotes')}</Typography>
      {!results.data.quotes.length && <Typography color="text.secondary">{translate('app.home.funder.no_quotes')}</Typography>}
      <List dense disablePadding aria-label={translate('app.home.funder.survey_quotes')}>
        {results.data.quotes.map((q, i) => (
          <ListItem key={i} disableGutters><ListItemText primary={`„${q.text}“`} /></ListItem>
        ))}
      </List>
    </Box>
  );
};

/**
 * The surveys of the chosen cohort (`GET /api/surveys`, which answers a funder with its cohorts'
 * surveys and their answer counts only): each opens to its results from three answers on, below
 * that the count so far.
 */
const FunderSurveys = ({ cohortId }: { cohortId: number }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const t = (key: string, options?: object) => translate(`app.home.funder.${key}`, options);
  const [open, setOpen] = useState<number | null>(null);
  const { data: surveys = [], isPending } = useGetList<FundedSurvey>('surveys', {
    filter: { cohort_id: cohortId }, sort: { field: 'opens_at', order: 'DESC' }, pagination: { page: 1, perPage: 100 },
  });
  return (
    <Card component="section" sx={{ mb: 2 }} aria-labelledby="funder-surveys">
      <CardContent>
        <Typography variant="h6" component="h2" id="funder-surveys" gutterBottom>{t('surveys')}</Typography>
        {!isPending && surveys.length === 0 && <Typography>{t('no_surveys')}</Typography>}
        {surveys.map((s) => {
          const enough = s.response_count >= MIN_RESPONSES;
          return (
            <Accordion key={s.id} disableGutters expanded={open === s.id} onChange={(_e, expanded) => setOpen(expanded ? s.id : null)} data-testid={`funder-survey-${s.id}`}>
              <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`funder-survey-${s.id}-body`} id={`funder-survey-${s.id}-head`}>
                <ListItemText
                  primary={s.title}
                  secondary={`${translate(`enums.survey_kind.${s.kind}`)} · ${formatDate(s.opens_at, locale)} – ${formatDate(s.closes_at, locale)} · ${t('survey_answers', { count: s.response_count })}`}
                />
              </AccordionSummary>
              <AccordionDetails id={`funder-survey-${s.id}-body`}>
                {!enough && <Typography color="text.secondary">{t('too_few', { count: s.response_count, min: MIN_RESPONSES })}</Typography>}
                {enough && open === s.id && <Results surveyId={s.id} />}
              </AccordionDetails>
            </Accordion>
          );
        })}
      </CardContent>
    </Card>
  );
};
export default FunderSurveys;
