import { useState } from 'react';
import { Alert, Box, Button, List, ListItem, ListItemIcon, ListItemText, Step, StepLabel, Stepper, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import PendingIcon from '@mui/icons-material/Pending';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { COHORT_PHASES } from '../../../backend/src/cohorts/cohorts.schema.ts';
import type { PhaseCheck, Requirement } from '../../../backend/src/selection/selection.schema.ts';
import type { AppDataProvider } from '../dataProvider.ts';
import { formatDateTime, useIntlLocale } from '../shared/format.ts';

/** The check arrives as JSON: dates are strings there. */
type Check = Omit<PhaseCheck, 'application_closes_at' | 'selection_finalized_at'> & { application_closes_at: string; selection_finalized_at: string | null };

const useTransitionCheck = (cohortId: number | undefined) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['transition-check', cohortId],
    enabled: cohortId != null,
    queryFn: () => dataProvider.get(`cohorts/${cohortId}/transition-check`) as Promise<Check>,
  });
};

/** Every number a text may quote, straight from the server's check. */
function numbers(check: Check, locale: string) {
  const c = check.counts;
  return {
    deadline: formatDateTime(check.application_closes_at, locale),
    released: formatDateTime(check.selection_finalized_at, locale),
    criteria: c.criteria,
    submitted: c.submitted_total,
    unchecked: c.applications.submitted,
    drafts: c.applications.draft,
    eligible: c.applications.eligible + c.applications.shortlisted,
    shortlisted: c.applications.shortlisted,
    selected: c.applications.selected,
    waitlisted: c.applications.waitlisted,
    seats: c.seats,
    reviews_open: c.reviews_assigned,
    reviews_done: c.reviews_submitted,
    active: c.fellowships_active,
    offers: c.open_offers,
  };
}

const RequirementLine = ({ requirement, values }: { requirement: Requirement; values: Record<string, unknown> }) => {
  const translate = useTranslate();
  return (
    <ListItem disableGutters dense>
      <ListItemIcon sx={{ minWidth: 32 }}>
        {requirement.met ? <CheckCircleIcon color="success" fontSize="small" /> : <PendingIcon color="warning" fontSize="small" />}
      </ListItemIcon>
      <ListItemText primary={translate(`resources.cohorts.transition.requirements.${requirement.key}.${requirement.met ? 'met' : 'open'}`, { ...values, open: requirement.open, smart_count: requirement.open ?? 0 })} />
    </ListItem>
  );
};

/**
 * The cohort's year as a stepper: where it stands, what the next step requires and what is still
 * open (numbers from `GET /cohorts/:id/transition-check`, the same check the transition applies),
 * a confirmation that says what the step does, and the server's reason when a rule refuses it.
 */
export const PhaseStepper = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: check, error } = useTransitionCheck(record?.id as number | undefined);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const transition = useMutation({
    mutationFn: (phase: string) => dataProvider.action('cohorts', record!.id, 'transition', { phase }),
    onSuccess: (_data, phase) => {
      setRefusal(null);
      notify('resources.cohorts.transition.done', { type: 'success', messageArgs: { phase: translate(`enums.cohort_phase.${phase}`) } });
      refresh();
    },
    onError: (e: any) => setRefusal(e?.body?.message ?? e?.message ?? translate('ra.notification.http_error')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['transition-check', record?.id] }),
  });
  if (!record) return null;
  const phaseLabel = (phase: string) => translate(`enums.cohort_phase.${phase}`);
  const current = COHORT_PHASES.indexOf(check?.phase ?? record.phase);
  const values = check ? numbers(check, locale) : {};
  const next = check?.next_phase;
  return (
    <Box component="section" aria-label={translate('resources.cohorts.transition.title')} sx={{ mb: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>{translate('resources.cohorts.transition.title')}</Typography>
      <Stepper activeStep={current} alternativeLabel sx={{ mb: 2 }}>
        {COHORT_PHASES.map((phase, i) => (
          <Step key={phase} completed={i < current}>
            <StepLabel>{phaseLabel(phase)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {check && (
        <>
          <Typography variant="body2" data-testid="phase-open-items" sx={{ mb: 1 }}>
            {translate(`resources.cohorts.transition.status.${check.phase}`, values)}
          </Typography>
          {next ? (
            <>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('resources.cohorts.transition.next', { phase: phaseLabel(next) })}</Typography>
              <List dense aria-label={translate('resources.cohorts.transition.requires')}>
                {check.requirements.map((r) => <RequirementLine key={r.key} requirement={r} values={values} />)}
              </List>
              <Button variant="contained" color={check.ready ? 'primary' : 'warning'} disabled={transition.isPending} onClick={() => setConfirming(true)}>
                {translate('resources.cohorts.transition.button', { phase: phaseLabel(next) })}
              </Button>
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">{translate('resources.cohorts.transition.last')}</Typography>
          )}
          {refusal && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {translate('resources.cohorts.transition.refused', { reason: refusal })}
            </Alert>
          )}
          {next && (
            <Confirm
              isOpen={confirming}
              title={translate('resources.cohorts.transition.confirm_title', { phase: phaseLabel(next), name: record.name })}
              content={
                <>
                  <Typography gutterBottom>{translate(`resources.cohorts.transition.consequences.${next}`, { ...values, smart_count: check?.counts.fellowships_active ?? 0 })}</Typography>
                  {!check.ready && <Alert severity="warning" sx={{ mb: 1 }}>{translate('resources.cohorts.transition.not_ready')}</Alert>}
                  <Typography variant="body2" color="text.secondary">{translate('resources.cohorts.transition.irreversible')}</Typography>
                </>
              }
              confirm={translate('resources.cohorts.transition.button', { phase: phaseLabel(next) })}
              onConfirm={() => {
                setConfirming(false);
                transition.mutate(next);
              }}
              onClose={() => setConfirming(false)}
            />
          )}
        </>
      )}
    </Box>
  );
};
