import { useMemo, useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Chip, IconButton, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableContainer,
  TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography,
} from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { Confirm, Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatFixed, formatZScore } from '../shared/format.ts';
import { useBoard, useBoardAction, useRanking, type BoardApplication, type RankingRow } from './api.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { InterviewDialog } from './InterviewDialog.tsx';
import { LettersDialog } from './LettersDialog.tsx';

type Decision = 'selected' | 'waitlisted' | 'rejected';
const STATUS_COLOR: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  shortlisted: 'info', selected: 'success', waitlisted: 'warning', rejected: 'error', withdrawn: 'default', eligible: 'default',
};

/** Both scores of the one ranking: the normalised one it orders by, the weighted one (0–100) beside it. */
const ScoreCell = ({ rank }: { rank: RankingRow }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Tooltip title={translate('selection.score_hint')}>
      <span>
        {formatZScore(rank.normalised_score, locale)}
        {rank.weighted_score != null && <Typography component="span" variant="caption" color="text.secondary"> · {translate('selection.weighted', { score: formatFixed(rank.weighted_score, 1, locale) })}</Typography>}
      </span>
    </Tooltip>
  );
};

/** Staff's selection board: the ranked applications of one cohort, seats left, decisions, waitlist, release. */
export const SelectionBoard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: cohorts, isPending: cohortsPending } = useGetList('cohorts', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  const [chosen, setChosen] = useState<number | undefined>();
  const cohortId = chosen ?? (cohorts?.find((c) => c.phase === 'selection') ?? cohorts?.[0])?.id;
  const { data: board, isPending, error } = useBoard(cohortId);
  const { data: ranking } = useRanking(cohortId);
  const [filter, setFilter] = useState<'all' | 'open' | 'decided'>('all');
  const [deciding, setDeciding] = useState<{ app: BoardApplication; decision: Decision } | null>(null);
  const [interviewing, setInterviewing] = useState<BoardApplication | null>(null);
  const [showLetters, setShowLetters] = useState(false);
  const [bulkReject, setBulkReject] = useState(false);
  const [declining, setDeclining] = useState<BoardApplication | null>(null);
  const [confirmFinalize, setConfirmFinalize] = useState(false);
  const [confirmOffer, setConfirmOffer] = useState(false);
  const act = useBoardAction(cohortId, 'selection.done.saved');
  const finalize = useBoardAction(cohortId, 'selection.done.finalized');
  const offerSeat = useBoardAction(cohortId, 'selection.done.offered');

  const rows = useMemo(() => {
    const apps = [...(board?.applications ?? [])];
    const rank = (a: BoardApplication) => ranking?.get(a.id)?.rank ?? Number.MAX_SAFE_INTEGER;
    // The ranking's own order (rank, then id), as on the rankings screen, in the CSV and in selection.pdf.
    apps.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    return apps.filter((a) =>
      filter === 'all' ? true : filter === 'open' ? ['eligible', 'shortlisted'].includes(a.status) : ['selected', 'waitlisted', 'rejected'].includes(a.status),
    );
  }, [board, ranking, filter]);
  const waitlist = useMemo(
    () => (board?.applications ?? []).filter((a) => a.status === 'waitlisted').sort((a, b) => (a.waitlist_position ?? 0) - (b.waitlist_position ?? 0)),
    [board],
  );

  if (cohortsPending) return <LinearProgress />;
  if (!cohorts?.length) return <Alert severity="info">{translate('selection.no_cohort')}</Alert>;

  const finalized = !!board?.selection_finalized_at;
  const editable = board?.phase === 'selection' && !finalized;
  const shortlistable = (board?.phase === 'review' || board?.phase === 'selection') && !finalized;
  const counts = {
    selected: board?.applications.filter((a) => a.status === 'selected').length ?? 0,
    decided: board?.applications.filter((a) => ['selected', 'waitlisted', 'rejected'].includes(a.status)).length ?? 0,
  };

  const notShortlisted = (board?.applications ?? []).filter((a) => a.status === 'eligible');
  // After the release a free seat can go to the waitlist (the server offers it to position 1).
  const offering = finalized && !!board && ['selection', 'programme'].includes(board.phase) && board.seats_left > 0;
  const nextInLine = waitlist[0];

  const moveWaitlist = (app: BoardApplication, delta: -1 | 1) => {
    const ids = waitlist.map((a) => a.id);
    const from = ids.indexOf(app.id);
    const to = from + delta;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    act.mutate({ path: `cohorts/${cohortId}/waitlist-order`, body: { application_ids: ids } });
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('selection.title', { name: board?.name ?? '' })} />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
            <TextField select size="small" label={translate('selection.cohort')} value={cohortId ?? ''} onChange={(e) => setChosen(Number(e.target.value))} sx={{ minWidth: 240 }}>
              {cohorts.map((c) => (
                <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>
              ))}
            </TextField>
            {board && <Chip label={translate(`enums.cohort_phase.${board.phase}`)} />}
            {board && (
              <Typography variant="subtitle1" sx={{ flexGrow: 1, fontWeight: 600 }}>
                {translate('selection.seats', { taken: board.seats_taken, seats: board.seats, left: board.seats_left })}
              </Typography>
            )}
            <Button variant="outlined" color="error" disabled={!editable || notShortlisted.length === 0 || act.isPending} onClick={() => setBulkReject(true)}>
              {translate('selection.actions.reject_rest', { count: notShortlisted.length })}
            </Button>
            <Button variant="outlined" disabled={!board || counts.decided === 0} onClick={() => setShowLetters(true)}>
              {translate('selection.actions.preview')}
            </Button>
            <Button variant="contained" color="success" disabled={!editable || counts.selected === 0 || finalize.isPending} onClick={() => setConfirmFinalize(true)}>
              {translate('selection.actions.finalize')}
            </Button>
          </Stack>
          {board && (
            <Alert severity={finalized ? 'success' : 'info'} sx={{ mb: 2 }}>
              {finalized ? translate('selection.finalized', { date: formatDateTime(board.selection_finalized_at, locale) }) : translate('selection.internal')}
            </Alert>
          )}
          {offering && (
            <Alert
              severity="warning"
              sx={{ mb: 2 }}
              action={nextInLine ? (
                <Button color="inherit" variant="outlined" size="small" disabled={offerSeat.isPending} onClick={() => setConfirmOffer(true)}>
                  {translate('selection.actions.offer_seat')}
                </Button>
              ) : undefined}
            >
              {nextInLine
                ? translate('selection.free_seats', { smart_count: board!.seats_left, name: nextInLine.organisation_name, waitlisted: waitlist.length })
                : translate('selection.free_seats_no_waitlist', { smart_count: board!.seats_left })}
            </Alert>
          )}
          {board && ![...(ranking?.values() ?? [])].some((r) => r.rank != null) && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('selection.ranking_missing')}</Typography>}
          <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_e, v) => v && setFilter(v)} sx={{ mb: 1 }}>
            {(['all', 'open', 'decided'] as const).map((f) => (
              <ToggleButton key={f} value={f}>{translate(`selection.filter.${f}`)}</ToggleButton>
            ))}
          </ToggleButtonGroup>
          {(isPending && cohortId) || act.isPending ? <LinearProgress /> : null}
          {error && <Alert severity="error">{(error as Error).message}</Alert>}
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {(['rank', 'organisation', 'score', 'status', 'interview', 'reason', 'waitlist', 'actions'] as const).map((c) => (
                    <TableCell key={c}>{translate(`selection.columns.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((app) => {
                  const rank = ranking?.get(app.id);
                  return (
                    <TableRow key={app.id} hover>
                      <TableCell>{rank?.rank ?? '–'}</TableCell>
                      <TableCell>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>{app.organisation_name}</Typography>
                        <Typography variant="caption" color="text.secondary">{app.project_name}</Typography>
                      </TableCell>
                      <TableCell>
                        {rank?.normalised_score != null ? <ScoreCell rank={rank} /> : '–'}
                        {rank?.partial && <Chip size="small" color="warning" variant="outlined" sx={{ ml: 1 }} label={translate('selection.partial', { submitted: rank.review_count, assigned: rank.assigned_count })} />}
                      </TableCell>
                      <TableCell>
                        <Chip size="small" color={STATUS_COLOR[app.status] ?? 'default'} label={translate(`enums.application_status.${app.status}`)} />
                        {finalized && app.status === 'selected' && !app.fellowship_id && (
                          <Typography variant="caption" component="div" color="warning.main">{translate('selection.offer_open')}</Typography>
                        )}
                      </TableCell>
                      <TableCell>
                        <Tooltip title={app.interview_notes ?? ''}>
                          <span>{formatDateTime(app.interview_at, locale)}</span>
                        </Tooltip>
                      </TableCell>
                      <TableCell sx={{ maxWidth: 280 }}>
                        <Typography variant="body2" noWrap title={app.decision_reason ?? ''}>{app.decision_reason ?? ''}</Typography>
                      </TableCell>
                      <TableCell>
                        {app.status === 'waitlisted' && (
                          <Stack direction="row" sx={{ alignItems: 'center' }}>
                            <span>{app.waitlist_position}</span>
                            <IconButton size="small" aria-label={translate('selection.actions.up')} disabled={act.isPending || app.waitlist_position === 1} onClick={() => moveWaitlist(app, -1)}>
                              <ArrowUpwardIcon fontSize="inherit" />
                            </IconButton>
                            <IconButton size="small" aria-label={translate('selection.actions.down')} disabled={act.isPending || app.waitlist_position === waitlist.length} onClick={() => moveWaitlist(app, 1)}>
                              <ArrowDownwardIcon fontSize="inherit" />
                            </IconButton>
                          </Stack>
                        )}
                      </TableCell>
                      <TableCell>
                        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                          {shortlistable && app.status === 'eligible' && (
                            <Button size="small" onClick={() => act.mutate({ path: `applications/${app.id}/shortlist` })}>{translate('selection.actions.shortlist')}</Button>
                          )}
                          {shortlistable && ['shortlisted', 'selected', 'waitlisted', 'rejected'].includes(app.status) && (
                            <Button size="small" onClick={() => setInterviewing(app)}>{translate('selection.actions.interview')}</Button>
                          )}
                          {editable && ['shortlisted', 'waitlisted', 'rejected'].includes(app.status) && (
                            <Button size="small" color="success" disabled={board!.seats_left === 0} onClick={() => setDeciding({ app, decision: 'selected' })}>
                              {translate('selection.actions.select')}
                            </Button>
                          )}
                          {editable && ['shortlisted', 'selected', 'rejected'].includes(app.status) && (
                            <Button size="small" color="warning" onClick={() => setDeciding({ app, decision: 'waitlisted' })}>{translate('selection.actions.waitlist')}</Button>
                          )}
                          {finalized && app.status === 'selected' && !app.fellowship_id && (
                            <>
                              <Button size="small" color="success" onClick={() => act.mutate({ path: `applications/${app.id}/accept-offer` })}>{translate('selection.actions.accept_offer')}</Button>
                              <Button size="small" color="error" onClick={() => setDeclining(app)}>{translate('selection.actions.decline_offer')}</Button>
                            </>
                          )}
                          {editable && ['eligible', 'shortlisted', 'selected', 'waitlisted'].includes(app.status) && (
                            <Button size="small" color="error" onClick={() => setDeciding({ app, decision: 'rejected' })}>{translate('selection.actions.reject')}</Button>
                          )}
                        </Stack>
                      </TableCell>
                    </TableRow>
                  );
                })}
                {board && rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={8}>{translate('app.empty')}</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </TableContainer>
        </CardContent>
      </Card>
      {deciding && (
        <DecisionDialog
          decision={deciding.decision}
          name={deciding.app.organisation_name}
          initialReason={deciding.app.decision_reason}
          onClose={() => setDeciding(null)}
          onSubmit={(reason) => {
            act.mutate({ path: `applications/${deciding.app.id}/decide`, body: { decision: deciding.decision, reason } });
            setDeciding(null);
          }}
        />
      )}
      {bulkReject && (
        <DecisionDialog
          decision="rejected"
          name={translate('selection.bulk_name', { smart_count: notShortlisted.length })}
          onClose={() => setBulkReject(false)}
          onSubmit={async (reason) => {
            setBulkReject(false);
            // One decision per application: each keeps its own reason and audit record.
            for (const app of notShortlisted) await act.mutateAsync({ path: `applications/${app.id}/decide`, body: { decision: 'rejected', reason } }).catch(() => undefined);
          }}
        />
      )}
      {declining && (
        <DecisionDialog
          decision="rejected"
          name={`${translate('selection.actions.decline_offer')} – ${declining.organisation_name}`}
          onClose={() => setDeclining(null)}
          onSubmit={(reason) => {
            act.mutate({ path: `applications/${declining.id}/decline-offer`, body: { reason } });
            setDeclining(null);
          }}
        />
      )}
      {interviewing && (
        <InterviewDialog
          name={interviewing.organisation_name}
          interviewAt={interviewing.interview_at}
          notes={interviewing.interview_notes}
          onClose={() => setInterviewing(null)}
          onSubmit={(body) => {
            act.mutate({ path: `applications/${interviewing.id}/interview`, body });
            setInterviewing(null);
          }}
        />
      )}
      {showLetters && cohortId && <LettersDialog cohortId={cohortId} onClose={() => setShowLetters(false)} />}
      <Confirm
        isOpen={confirmFinalize}
        title="selection.dialog.finalize_title"
        content={
          <>
            <Typography gutterBottom>{translate('selection.dialog.finalize_content', { smart_count: counts.selected, letters: counts.decided })}</Typography>
            {board && board.seats_left > 0 && (
              <Alert severity="warning">{translate('selection.dialog.finalize_free_seats', { smart_count: board.seats_left, seats: board.seats, waitlisted: waitlist.length })}</Alert>
            )}
          </>
        }
        onConfirm={() => {
          setConfirmFinalize(false);
          finalize.mutate({ path: `cohorts/${cohortId}/finalize-selection` });
        }}
        onClose={() => setConfirmFinalize(false)}
      />
      {nextInLine && (
        <Confirm
          isOpen={confirmOffer}
          title={translate('selection.dialog.offer_title', { name: nextInLine.organisation_name })}
          content={translate('selection.dialog.offer_content', { name: nextInLine.organisation_name, position: nextInLine.waitlist_position ?? 1 })}
          confirm={translate('selection.actions.offer_seat')}
          onConfirm={() => {
            setConfirmOffer(false);
            offerSeat.mutate({ path: `cohorts/${cohortId}/offer-seat` });
          }}
          onClose={() => setConfirmOffer(false)}
        />
      )}
    </Box>
  );
};
