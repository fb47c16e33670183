import { useState } from 'react';
import { Alert, Box, Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  Button, Confirm, Edit, NumberInput, RadioButtonGroupInput, SaveButton, SimpleForm, TextInput, Toolbar, useDataProvider,
  useLocaleState, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider.ts';
import { enumChoices } from '../shared/inputs.tsx';
import { ApplicationPanel } from './ApplicationPanel.tsx';
import { ReadOnlyReview } from './ReadOnlyReview.tsx';
import { inRange, weightedScore, type Criterion, type ReviewScore } from './format.ts';
import { formatFixed } from '../shared/format.ts';

const RECOMMENDATIONS = ['yes', 'maybe', 'no'] as const;

/** One entry per criterion, in the criteria's order: the inputs are named `scores.<index>.score`. */
function alignScores(record: any) {
  const criteria: Criterion[] = record.criteria ?? [];
  const scores: ReviewScore[] = record.scores ?? [];
  return {
    ...record,
    scores: criteria.map((c) => {
      const s = scores.find((x) => x.criterion_id === c.id);
      return { criterion_id: c.id, score: s?.score ?? null, comment: s?.comment ?? null };
    }),
  };
}

const toPayload = (data: any) => ({
  scores: (data.scores ?? []).map((s: ReviewScore) => ({ criterion_id: s.criterion_id, score: s.score === ('' as any) ? null : s.score, comment: s.comment || null })),
  recommendation: data.recommendation || null,
  overall_comment: data.overall_comment || null,
});

const SubmitReviewButton = () => {
  const record = useRecordContext();
  const { getValues, setError, trigger } = useFormContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const submit = async () => {
    setOpen(false);
    // A score out of range is already flagged on its field; the server would refuse it as well.
    if (!(await trigger())) {
      notify('ra.message.invalid_form', { type: 'error' });
      return;
    }
    setBusy(true);
    try {
      await dataProvider.action('reviews', record.id, 'submit', toPayload(getValues()));
      notify('resources.reviews.scoring.submitted', { type: 'success' });
      refresh();
      redirect('list', 'reviews');
    } catch (error: any) {
      const errors: Record<string, string> = error?.body?.errors ?? {};
      for (const [field, message] of Object.entries(errors)) setError(field, { type: 'server', message });
      notify(error?.body?.code === 'incomplete_review' ? 'resources.reviews.scoring.incomplete' : error?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="resources.reviews.scoring.submit" variant="contained" color="success" onClick={() => setOpen(true)} disabled={busy}>
        <SendIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="resources.reviews.scoring.confirm_title"
        content="resources.reviews.scoring.confirm_text"
        onConfirm={submit}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const ScoringToolbar = () => (
  <Toolbar sx={{ gap: 2 }}>
    <SaveButton label="resources.reviews.scoring.save_draft" variant="outlined" />
    <SubmitReviewButton />
  </Toolbar>
);

/** A score field's own check: a whole number from 0 to the criterion's maximum (empty is a draft). */
const scoreInRange = (c: Criterion) => (value: unknown) =>
  value === '' || value == null || inRange(c, value) ? undefined : { message: 'resources.reviews.scoring.out_of_range', args: { max: c.max_score } };

/** The weighted total, shown once every criterion has a valid score (until then: how many are scored). */
const LiveTotal = ({ criteria }: { criteria: Criterion[] }) => {
  const scores = useWatch({ name: 'scores' }) ?? [];
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const total = weightedScore(criteria, scores);
  if (total === null) {
    const scored = criteria.filter((c) => inRange(c, scores.find((x: ReviewScore) => x?.criterion_id === c.id)?.score)).length;
    return (
      <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
        {translate('resources.reviews.scoring.total_pending', { scored, total: criteria.length })}
      </Typography>
    );
  }
  return (
    <Typography variant="subtitle1" role="status" aria-live="polite">
      {translate('resources.reviews.scoring.total', { score: formatFixed(total, 1, locale) })}
    </Typography>
  );
};

const ScoringForm = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const criteria: Criterion[] = record.criteria ?? [];
  return (
    <SimpleForm toolbar={<ScoringToolbar />} sx={{ maxWidth: 900 }} mode="onChange">
      <Typography variant="h6" component="h2">{translate('resources.reviews.scoring.criteria')}</Typography>
      {!criteria.length && <Alert severity="warning">{translate('resources.reviews.scoring.no_criteria')}</Alert>}
      {criteria.map((c, i) => (
        <Box key={c.id} component="fieldset" sx={{ border: 0, p: 0, m: 0, width: '100%' }} aria-describedby={`criterion-${c.id}-description`}>
          <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {i + 1}. {c.name} <Typography component="span" variant="body2" color="text.secondary">({translate('resources.reviews.scoring.weight', { weight: c.weight })})</Typography>
          </Typography>
          {c.description && (
            <Typography id={`criterion-${c.id}-description`} variant="body2" color="text.secondary" sx={{ mb: 1 }}>{c.description}</Typography>
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ width: '100%' }}>
            <NumberInput
              source={`scores.${i}.score`}
              label={`${c.name}: ${translate('resources.reviews.fields.score')}`}
              min={0}
              max={c.max_score}
              step={1}
              helperText={translate('resources.reviews.scoring.range', { max: c.max_score })}
              validate={scoreInRange(c)}
              sx={{ minWidth: 160 }}
            />
            <TextInput source={`scores.${i}.comment`} label={`${c.name}: ${translate('resources.reviews.fields.comment')}`} multiline minRows={2} fullWidth helperText={false} />
          </Stack>
          <Divider sx={{ my: 2 }} />
        </Box>
      ))}
      <LiveTotal criteria={criteria} />
      <RadioButtonGroupInput source="recommendation" choices={enumChoices(translate, 'recommendation', RECOMMENDATIONS)} />
      <TextInput source="overall_comment" multiline minRows={4} fullWidth />
    </SimpleForm>
  );
};

const ReviewEditContent = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ApplicationPanel />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        {record.status === 'submitted' ? (
          <Card variant="outlined"><CardContent><ReadOnlyReview /></CardContent></Card>
        ) : (
          <ScoringForm />
        )}
      </Grid>
    </Grid>
  );
};

/** The juror's scoring screen: the application beside the criteria; draft, then submit; read-only after. */
export const ReviewEdit = () => (
  <Edit
    mutationMode="pessimistic"
    queryOptions={{ select: alignScores }}
    transform={toPayload}
    redirect={false}
    actions={false}
  >
    <ReviewEditContent />
  </Edit>
);
