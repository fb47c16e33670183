/**
 * Where a fellowship stands at the programme's stage gate. Stage 1 ends with the transfer concept;
 * only staff's explicit approval (`approve-stage-gate`) opens stage 2. An achieved concept
 * milestone alone is therefore "handed in, approval pending", never "passed" — the funder report
 * must not print "achieved" next to "stage 1".
 */
export type StageGate = 'passed' | 'awaiting_approval' | 'open' | 'missed' | 'missing';

export function stageGate(stage: number, conceptStatus: string | null | undefined): StageGate {
  if (Number(stage) === 2) return 'passed';
  if (!conceptStatus) return 'missing';
  if (conceptStatus === 'achieved') return 'awaiting_approval';
  return conceptStatus === 'missed' ? 'missed' : 'open';
}
