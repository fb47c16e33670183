import { useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, Stack, TextField, Typography,
} from '@mui/material';
import { Title, useDataProvider, useGetOne, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Question } from '../../../backend/src/surveys/surveys.schema.ts';
import { MAX_TEXT_ANSWER } from '../../../backend/src/surveys/surveys.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';

const T = 'resources.surveys.respond';
type Answers = Record<string, number | string>;

/** A row (or grid) of large buttons for a number scale: thumbs on a phone, 44 px targets. */
const NumberScale = ({ from, to, value, onChange, columns, label }: { from: number; to: number; value?: number; onChange: (n: number) => void; columns: number; label: string }) => (
  <Box role="group" aria-label={label} sx={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 1, my: 1 }}>
    {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((n) => (
      <Button key={n} variant={value === n ? 'contained' : 'outlined'} aria-pressed={value === n} onClick={() => onChange(n)} sx={{ minWidth: 0, minHeight: 44, fontSize: '1.05rem' }}>
        {n}
      </Button>
    ))}
  </Box>
);

const QuestionInput = ({ q, value, error, onChange }: { q: Question; value: number | string | undefined; error?: string; onChange: (v: number | string) => void }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`${T}.${key}`);
  return (
    <FormControl component="fieldset" error={!!error} fullWidth sx={{ mt: 3 }} data-testid={`question-${q.key}`}>
      <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 500 }}>
        {q.label}{q.type === 'text' ? ` (${t('optional')})` : ''}
      </FormLabel>
      {q.type === 'scale_1_5' && (
        <>
          <NumberScale from={1} to={5} columns={5} value={value as number | undefined} onChange={onChange} label={q.label} />
          <Stack direction="row" sx={{ justifyContent: 'space-between' }}><Typography variant="caption">1 = {t('low')}</Typography><Typography variant="caption">5 = {t('high')}</Typography></Stack>
        </>
      )}
      {q.type === 'nps_0_10' && (
        <>
          <NumberScale from={0} to={10} columns={6} value={value as number | undefined} onChange={onChange} label={q.label} />
          <Stack direction="row" sx={{ justifyContent: 'space-between' }}><Typography variant="caption">0 = {t('nps_low')}</Typography><Typography variant="caption">10 = {t('nps_high')}</Typography></Stack>
        </>
      )}
      {q.type === 'choice' && (
        <RadioGroup value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          {(q.options ?? []).map((o) => <FormControlLabel key={o} value={o} control={<Radio />} label={o} sx={{ minHeight: 44 }} />)}
        </RadioGroup>
      )}
      {q.type === 'text' && (
        <TextField
          multiline minRows={3} fullWidth sx={{ mt: 1 }} value={value ?? ''} onChange={(e) => onChange(e.target.value)}
          slotProps={{ htmlInput: { 'aria-label': q.label, maxLength: MAX_TEXT_ANSWER } }}
        />
      )}
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};

/**
 * The respondent's form, made for a phone: one question under the other, big buttons for the
 * scales. The server checks every answer and refuses a second one; its messages show per question.
 */
export const SurveyAnswerPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const t = (key: string) => translate(`${T}.${key}`);
  const { data: survey, error: loadError, isPending } = useGetOne('surveys', { id: Number(id) }, { retry: false });
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (isPending) return null;
  const back = <Button component={Link} to="/my-programme" sx={{ mt: 2 }}>{t('back')}</Button>;
  if (loadError || !survey) {
    return <Box sx={{ mt: 2 }}><Alert severity="info">{t('none')}</Alert>{back}</Box>;
  }
  if (survey.answered) {
    return <Box sx={{ mt: 2 }}><Title title={survey.title} /><Alert severity="success">{t('already')}</Alert>{back}</Box>;
  }
  const send = async () => {
    setSending(true);
    setErrors({});
    setProblem(null);
    try {
      await dataProvider.post('survey-responses', { survey_id: survey.id, answers });
      notify(`${T}.sent`, { type: 'success' });
      navigate('/my-programme');
    } catch (error: any) {
      const fieldErrors: Record<string, string> = {};
      for (const [key, message] of Object.entries<string>(error?.body?.errors ?? {})) fieldErrors[key.replace(/^answers\./, '')] = message;
      setErrors(fieldErrors);
      setProblem(error?.body?.code === 'already_answered' ? t('already') : (error?.message ?? translate('ra.notification.http_error')));
    } finally {
      setSending(false);
    }
  };
  return (
    <Box sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={survey.title} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1">{survey.title}</Typography>
          <Alert severity="info" sx={{ mt: 1 }}>{survey.anonymous ? t('anonymous') : t('named')}</Alert>
          {(survey.questions as Question[]).map((q) => (
            <QuestionInput key={q.key} q={q} value={answers[q.key]} error={errors[q.key]} onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))} />
          ))}
          {problem && <Alert severity="error" sx={{ mt: 2 }}>{problem}</Alert>}
          <Button variant="contained" size="large" fullWidth sx={{ mt: 3, minHeight: 48 }} disabled={sending} onClick={send}>{t('send')}</Button>
        </CardContent>
      </Card>
      {back}
    </Box>
  );
};
