import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { conflict, notFound } from '../http/errors.ts';
import { MIN_RESPONSES, type CohortSurveyOutcome, type Question, type QuestionResult, type SurveyResults } from './surveys.schema.ts';

type Db = Kysely<Database>;

/**
 * The respondent's keyed hash, HMAC-SHA256(secret, "<survey_id>:<user_id>") as 64 hex digits,
 * computed by the database (RFC 2104 on its sha256()), so the same expression stores an answer and
 * tells a respondent's list which surveys they have answered. Only the two padded keys travel with
 * the statement; without the secret the hashes in the table cannot be matched to users.
 */
export function respondentHash(secret: string, surveyId: Expression<number> | number, userId: number): RawBuilder<string> {
  let key = Buffer.from(secret, 'utf8');
  if (key.length > 64) key = createHash('sha256').update(key).digest();
  const padded = Buffer.alloc(64);
  key.copy(padded);
  const inner = Buffer.from(padded.map((b) => b ^ 0x36)).toString('hex');
  const outer = Buffer.from(padded.map((b) => b ^ 0x5c)).toString('hex');
  const survey = typeof surveyId === 'number' ? sql.lit(surveyId) : surveyId;
  return sql<string>`encode(sha256(decode(${outer}, 'hex') || sha256(decode(${inner}, 'hex') || convert_to(${survey}::text || ':' || ${String(userId)}, 'UTF8'))), 'hex')`;
}

/**
 * Who may answer survey `t` (DESIGN.md "Impact"): for a workshop survey the users of the
 * organisations whose people attended the workshop; otherwise the applicant users of the
 * organisations with a (not withdrawn) fellowship in the survey's cohort.
 */
export function inAudience(organisationId: number | null): RawBuilder<SqlBool> {
  if (organisationId === null) return sql<SqlBool>`false`;
  return sql<SqlBool>`case when t.workshop_id is not null
    then exists (select 1 from attendances a join people p on p.id = a.person_id
                 where a.workshop_id = t.workshop_id and a.status = 'attended' and p.organisation_id = ${organisationId})
    else exists (select 1 from fellowships f
                 where f.cohort_id = t.cohort_id and f.organisation_id = ${organisationId} and f.status <> 'withdrawn') end`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** % promoters (9–10) − % detractors (0–6) of NPS answers, a whole number; null without answers. */
export function netPromoterScore(values: readonly number[]): number | null {
  if (!values.length) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return Math.round(((promoters - detractors) / values.length) * 100);
}

/** The mean of numbers, two decimals; null without any. */
const mean = (values: readonly number[]): number | null => (values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null);

const countBy = (keys: readonly string[], values: readonly unknown[]) => {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const v of values) if (Object.hasOwn(out, String(v))) out[String(v)]++;
  return out;
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The one place answers become results: per question its count and mean, distribution, NPS or texts. */
export function summariseAnswers(questions: readonly Question[], answers: readonly Record<string, unknown>[]): QuestionResult[] {
  return questions.map((q) => {
    const given = answers.map((a) => a[q.key]).filter((v) => v !== undefined && v !== null && v !== '');
    const base = { key: q.key, label: q.label, type: q.type, count: given.length };
    if (q.type === 'scale_1_5' || q.type === 'nps_0_10') {
      const numbers = given.map(Number).filter((n) => Number.isFinite(n));
      const result: QuestionResult = { ...base, mean: mean(numbers), distribution: countBy(q.type === 'scale_1_5' ? range(1, 5) : range(0, 10), numbers) };
      if (q.type === 'nps_0_10') result.nps = netPromoterScore(numbers);
      return result;
    }
    if (q.type === 'choice') return { ...base, distribution: countBy(q.options ?? [], given) };
    return { ...base, texts: given.map(String).sort((a, b) => a.localeCompare(b, 'de')) };
  });
}

const tooFew = (count: number) =>
  conflict(`Die Ergebnisse sind erst ab ${MIN_RESPONSES} Antworten sichtbar (bisher ${count}), damit niemand an seinen Antworten erkennbar ist.`, 'too_few_responses');

/**
 * `GET /api/surveys/:id/results` and every report: the results of a survey. 404 for an unknown
 * survey, 409 `too_few_responses` while fewer than MIN_RESPONSES have answered.
 */
export async function surveyResults(db: Db, surveyId: number): Promise<SurveyResults> {
  const survey = await db.selectFrom('surveys').select(['id', 'questions']).where('id', '=', surveyId).executeTakeFirst();
  if (!survey) throw notFound('Diese Umfrage gibt es nicht.');
  const rows = await db.selectFrom('survey_responses').select('answers').where('survey_id', '=', surveyId).execute();
  if (rows.length < MIN_RESPONSES) throw tooFew(rows.length);
  const quotes = await db.selectFrom('survey_quotes').select(['question_key', 'text']).where('survey_id', '=', surveyId).orderBy('position').orderBy('id').execute();
  return { survey_id: survey.id, response_count: rows.length, questions: summariseAnswers(survey.questions, rows.map((r) => r.answers)), quotes };
}

/** Whether a survey's results are visible (MIN_RESPONSES answers), under the survey's row lock when given a transaction. */
export async function assertResultsVisible(db: Db, surveyId: number): Promise<void> {
  const { n } = await db.selectFrom('survey_responses').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
  if (Number(n) < MIN_RESPONSES) throw tooFew(Number(n));
}

/**
 * A cohort's surveys for the outcome reports: each survey with at least MIN_RESPONSES answers (the
 * others are left out, as their results are hidden), in the order they opened, with the mean of its
 * 1–5 scales, the NPS of its first NPS question and the quotes staff chose.
 */
export async function cohortSurveyOutcomes(db: Db, cohortId: number): Promise<CohortSurveyOutcome[]> {
  const surveys = await db
    .selectFrom('surveys as s')
    .select(['s.id', 's.kind', 's.title', 's.workshop_id', 's.closes_at', 's.questions'])
    .where('s.cohort_id', '=', cohortId)
    .where((eb) => eb(eb.selectFrom('survey_responses as r').select(sql<number>`count(*)`.as('n')).whereRef('r.survey_id', '=', 's.id'), '>=', MIN_RESPONSES))
    .orderBy('s.opens_at')
    .orderBy('s.id')
    .execute();
  if (!surveys.length) return [];
  const ids = surveys.map((s) => s.id);
  const [responses, quotes] = await Promise.all([
    db.selectFrom('survey_responses').select(['survey_id', 'answers']).where('survey_id', 'in', ids).execute(),
    db.selectFrom('survey_quotes').select(['survey_id', 'question_key', 'text']).where('survey_id', 'in', ids).orderBy('position').orderBy('id').execute(),
  ]);
  return surveys.map((s) => {
    const answers = responses.filter((r) => r.survey_id === s.id).map((r) => r.answers);
    const results = summariseAnswers(s.questions, answers);
    const scaleKeys = s.questions.filter((q) => q.type === 'scale_1_5').map((q) => q.key);
    const scaleValues = answers.flatMap((a) => scaleKeys.map((k) => a[k])).filter((v): v is number => typeof v === 'number');
    return {
      survey_id: s.id,
      kind: s.kind,
      title: s.title,
      workshop_id: s.workshop_id,
      closes_at: s.closes_at,
      response_count: answers.length,
      scale_mean: scaleKeys.length ? mean(scaleValues) : null,
      nps: results.find((r) => r.type === 'nps_0_10')?.nps ?? null,
      quotes: quotes.filter((q) => q.survey_id === s.id).map((q) => ({ question_key: q.question_key, text: q.text })),
    };
  });
}
