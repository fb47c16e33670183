import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from '../http/context.ts';
import { badRequest, conflict, notFound, zodFieldErrors } from '../http/errors.ts';
import type { Existing, NewRow, Patch } from '../http/resource.ts';
import { berlinDay } from '../shared/format.ts';
import { assertResultsVisible, inAudience, respondentHash } from './surveys.queries.ts';
import { answerSchema, type Question, type quoteSchema, type responseSchema, type surveySchema, type surveyUpdateSchema } from './surveys.schema.ts';

type Trx = Transaction<Database>;
type Db = RequestContext['db'];

interface SurveyShape {
  cohort_id: number;
  workshop_id: number | null;
  kind: z.output<typeof surveySchema>['kind'];
  questions: readonly Question[];
  opens_at: Date;
  closes_at: Date;
}

/**
 * The rules of a survey as a whole (on create and on every change): it closes after it opens; a
 * workshop survey's workshop is one of the cohort's and has ended when the survey opens (feedback
 * comes after the workshop); workshop feedback names its workshop; a programme NPS asks an NPS question.
 */
async function checkShape(trx: Trx, s: SurveyShape): Promise<void> {
  if (s.closes_at <= s.opens_at) throw badRequest('Die Umfrage muss nach ihrem Beginn enden.', { closes_at: 'Nach dem Beginn.' });
  if (s.kind === 'workshop_feedback' && s.workshop_id === null) {
    throw badRequest('Workshop-Feedback gehört zu einem Workshop.', { workshop_id: 'Bitte den Workshop wählen.' });
  }
  if (s.kind === 'programme_nps' && !s.questions.some((q) => q.type === 'nps_0_10')) {
    throw badRequest('Ein Programm-NPS fragt nach der Weiterempfehlung (0–10).', { questions: 'Mindestens eine Frage vom Typ NPS 0–10.' });
  }
  if (s.workshop_id !== null) {
    const workshop = await trx.selectFrom('workshops').select(['cohort_id', 'ends_at']).where('id', '=', s.workshop_id).executeTakeFirst();
    if (!workshop || workshop.cohort_id !== s.cohort_id) throw badRequest('Der Workshop gehört nicht zu diesem Jahrgang.', { workshop_id: 'Ein Workshop des Jahrgangs.' });
    if (s.opens_at < workshop.ends_at) {
      throw badRequest('Die Umfrage zu einem Workshop beginnt erst nach dessen Ende.', { opens_at: 'Frühestens zum Ende des Workshops.' });
    }
  }
}

export async function newSurvey(ctx: RequestContext, input: z.output<typeof surveySchema>, trx: Trx): Promise<NewRow<'surveys'>> {
  const cohort = await trx.selectFrom('cohorts').select('id').where('id', '=', input.cohort_id).executeTakeFirst();
  if (!cohort) throw badRequest('Diesen Jahrgang gibt es nicht.', { cohort_id: 'Unbekannter Jahrgang.' });
  const shape = { ...input, workshop_id: input.workshop_id ?? null };
  await checkShape(trx, shape);
  return { ...shape, questions: JSON.stringify(input.questions), created_by: ctx.user?.id ?? null };
}

const responseCount = async (trx: Db | Trx, surveyId: number) =>
  Number((await trx.selectFrom('survey_responses').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow()).n);

/** Questions compared by content (jsonb keeps an object's keys in its own order). */
const sameQuestions = (a: readonly Question[], b: readonly Question[]) =>
  JSON.stringify(a.map((q) => [q.key, q.label, q.type, q.options ?? null])) === JSON.stringify(b.map((q) => [q.key, q.label, q.type, q.options ?? null]));

/**
 * A change, on the survey's locked row: once anyone has answered, the questions, the workshop and
 * the anonymity stay as they were (the answers were given to them), 409 `survey_answered`.
 */
export async function surveyPatch(input: z.output<typeof surveyUpdateSchema>, existing: Existing<'surveys'>, trx: Trx): Promise<Patch<'surveys'>> {
  const next: SurveyShape = {
    cohort_id: existing.cohort_id,
    workshop_id: input.workshop_id !== undefined ? input.workshop_id : existing.workshop_id,
    kind: input.kind ?? existing.kind,
    questions: input.questions ?? existing.questions,
    opens_at: input.opens_at ?? existing.opens_at,
    closes_at: input.closes_at ?? existing.closes_at,
  };
  const fixed = [
    !sameQuestions(next.questions, existing.questions) && 'questions',
    next.workshop_id !== existing.workshop_id && 'workshop_id',
    input.anonymous !== undefined && input.anonymous !== existing.anonymous && 'anonymous',
  ].filter((k): k is string => !!k);
  if (fixed.length && (await responseCount(trx, existing.id)) > 0) {
    throw conflict('Die Umfrage wurde schon beantwortet: Fragen, Workshop und Anonymität bleiben, wie sie waren.', 'survey_answered',
      Object.fromEntries(fixed.map((k) => [k, 'Nach der ersten Antwort nicht mehr änderbar.'])));
  }
  await checkShape(trx, next);
  const { questions, ...rest } = input;
  const patch: Patch<'surveys'> = { ...rest };
  if (questions && !sameQuestions(questions, existing.questions)) patch.questions = JSON.stringify(questions);
  if (input.workshop_id === undefined || next.workshop_id === existing.workshop_id) delete patch.workshop_id;
  else patch.workshop_id = next.workshop_id;
  return patch;
}

/** A survey someone has answered is kept (with it the answers would go). */
export async function assertSurveyDeletable(existing: Existing<'surveys'>, trx: Trx): Promise<void> {
  if ((await responseCount(trx, existing.id)) > 0) throw conflict('Die Umfrage wurde schon beantwortet und bleibt erhalten.', 'survey_answered');
}

/**
 * One answer of the signed-in respondent. 404 outside the survey's audience, 409 `survey_not_open`
 * before it opens (or before its workshop ended), 409 `survey_closed` after, 400 per answer, 409
 * `already_answered` on a second answer — decided by the unique (survey, keyed hash), so two
 * answers sent at once store one. An anonymous survey's row holds no user, only the hash and the
 * day; nothing is written to the audit trail (its actor and time would name the respondent).
 */
export async function answerSurvey(ctx: RequestContext, body: z.output<typeof responseSchema>): Promise<{ survey_id: number; answered: true }> {
  const user = ctx.user!;
  const survey = await ctx.db
    .selectFrom('surveys as t')
    .leftJoin('workshops as w', 'w.id', 't.workshop_id')
    .select(['t.id', 't.questions', 't.anonymous', 't.opens_at', 't.closes_at', 'w.ends_at as workshop_ends_at'])
    .where('t.id', '=', body.survey_id)
    .where(inAudience(user.organisation_id))
    .executeTakeFirst();
  if (!survey) throw notFound('Diese Umfrage gibt es nicht oder sie richtet sich nicht an Sie.');
  const now = new Date();
  if (now < survey.opens_at || (survey.workshop_ends_at && now < survey.workshop_ends_at)) {
    throw conflict('Die Umfrage ist noch nicht geöffnet.', 'survey_not_open');
  }
  if (now >= survey.closes_at) throw conflict('Die Umfrage ist beendet; Antworten sind nicht mehr möglich.', 'survey_closed');

  const unknown = Object.keys(body.answers).filter((k) => !survey.questions.some((q) => q.key === k));
  if (unknown.length) throw badRequest('Die Umfrage stellt diese Fragen nicht.', Object.fromEntries(unknown.map((k) => [`answers.${k}`, 'Unbekannte Frage.'])), 'unknown_field');
  const parsed = answerSchema(survey.questions).safeParse(body.answers);
  if (!parsed.success) {
    const errors = Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [`answers.${k}`, v]));
    throw badRequest('Bitte prüfen Sie die markierten Antworten.', errors);
  }
  // Empty free texts are left out: an answer only holds what was said.
  const answers = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== null && v !== undefined));

  const inserted = await ctx.db
    .insertInto('survey_responses')
    .values({
      survey_id: survey.id,
      respondent_hash: respondentHash(ctx.config.surveySecret, survey.id, user.id),
      user_id: survey.anonymous ? null : user.id,
      answers: JSON.stringify(answers),
      answered_on: berlinDay(now),
    })
    .onConflict((oc) => oc.columns(['survey_id', 'respondent_hash']).doNothing())
    .returning('survey_id')
    .executeTakeFirst();
  if (!inserted) throw conflict('Sie haben diese Umfrage schon beantwortet.', 'already_answered');
  return { survey_id: survey.id, answered: true };
}

/** The passage a quote takes must stand in one of the answers to that free-text question. */
async function assertQuoted(trx: Trx, surveyId: number, questionKey: string, text: string): Promise<void> {
  const found = await trx
    .selectFrom('survey_responses')
    .select('survey_id')
    .where('survey_id', '=', surveyId)
    .where(sql<boolean>`strpos(answers ->> ${questionKey}, ${text}) > 0`)
    .limit(1)
    .executeTakeFirst();
  if (!found) throw badRequest('Ein Zitat stammt wörtlich aus einer Antwort auf diese Frage.', { text: 'Nicht in den Antworten gefunden.' });
}

/**
 * A quote staff pick for the reports: from a free-text question of the survey, once its results
 * are visible (409 `too_few_responses` before), word for word from an answer (a passage of it
 * may be taken); it goes last.
 */
export async function newQuote(ctx: RequestContext, input: z.output<typeof quoteSchema>, trx: Trx): Promise<NewRow<'survey_quotes'>> {
  const survey = await trx.selectFrom('surveys').select(['id', 'questions']).where('id', '=', input.survey_id).forUpdate().executeTakeFirst();
  if (!survey) throw notFound('Diese Umfrage gibt es nicht.');
  const question = survey.questions.find((q) => q.key === input.question_key);
  if (!question || question.type !== 'text') throw badRequest('Zitate stammen aus Freitextfragen der Umfrage.', { question_key: 'Eine Freitextfrage dieser Umfrage.' });
  await assertResultsVisible(trx, survey.id);
  await assertQuoted(trx, survey.id, input.question_key, input.text);
  const last = await trx.selectFrom('survey_quotes').select(sql<number | null>`max(position)`.as('p')).where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
  return { ...input, position: last.p === null ? 0 : Number(last.p) + 1, created_by: ctx.user?.id ?? null };
}
