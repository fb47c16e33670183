import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatNumber } from '../shared/format.ts';

export interface Budget {
  budget_hours: number;
  used_hours: number;
  remaining_hours: number;
  percent: number | null;
  state: 'ok' | 'near' | 'at_limit' | 'over';
}

const COLOR = { ok: 'primary', near: 'warning', at_limit: 'error', over: 'error' } as const;

/** Hours used vs budget; warns from 80 % and at the limit. */
export const BudgetBar = ({ budget, showAlert = true }: { budget: Budget | null | undefined; showAlert?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!budget) return null;
  const loc = locale === 'en' ? 'en-GB' : 'de-DE';
  const t = (key: string, options?: any) => translate(`resources.coaching-sessions.budget.${key}`, options);
  const used = t('used', { used: formatNumber(budget.used_hours, loc, 2), budget: formatNumber(budget.budget_hours, loc, 2), percent: budget.percent ?? 100 });
  return (
    <Box sx={{ minWidth: 180 }}>
      <LinearProgress variant="determinate" value={Math.min(100, budget.percent ?? 100)} color={COLOR[budget.state]} aria-label={used} sx={{ height: 8, borderRadius: 4 }} />
      <Typography variant="caption" color="text.secondary">
        {used}
        {' · '}
        {t('remaining', { hours: formatNumber(budget.remaining_hours, loc, 2) })}
      </Typography>
      {showAlert && budget.state !== 'ok' && (
        <Alert severity={budget.state === 'near' ? 'warning' : 'error'} sx={{ mt: 1 }}>
          {t(budget.state)}
        </Alert>
      )}
    </Box>
  );
};
