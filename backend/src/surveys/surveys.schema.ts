import { z } from 'zod';
import { dateTime, id, optionalId, requiredText, text } from '../shared/fields.ts';

export const SURVEY_KINDS = ['workshop_feedback', 'programme_nps', 'custom'] as const;
export const QUESTION_TYPES = ['scale_1_5', 'nps_0_10', 'text', 'choice'] as const;
/** Where a survey stands by the clock (computed, `state` of the record). */
export const SURVEY_STATES = ['upcoming', 'open', 'closed'] as const;
/** A question key as answers name it (the same rule as the forms' field keys). */
const QUESTION_KEY = /^[a-z][a-z0-9_]{0,49}$/;
/** Results (and quotes) stay hidden while fewer have answered: a single answer would be recognisable. */
export const MIN_RESPONSES = 3;
/** Longest free-text answer. */
export const MAX_TEXT_ANSWER = 2000;

const questionSchema = z
  .object({
    key: z.string({ error: 'Schlüssel erwartet.' }).regex(QUESTION_KEY, 'Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben (höchstens 50 Zeichen).'),
    label: requiredText(500, 'Bitte die Frage angeben.'),
    type: z.enum(QUESTION_TYPES, { error: 'Skala 1–5, NPS 0–10, Freitext oder Auswahl.' }),
    options: z.array(requiredText(200, 'Bitte die Antwortmöglichkeit angeben.')).max(20, 'Höchstens 20 Antwortmöglichkeiten.').optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.type === 'choice') {
      if (!q.options || q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten.' });
      else if (new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Jede Antwortmöglichkeit nur einmal.' });
    } else if (q.options !== undefined && q.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Antwortmöglichkeiten gibt es nur bei Auswahlfragen.' });
    }
  })
  .transform((q) => (q.type === 'choice' ? q : { key: q.key, label: q.label, type: q.type }));

/** The questions of a survey: one to thirty, each key once. */
export const questionsSchema = z
  .array(questionSchema, { error: 'Liste von Fragen erwartet.' })
  .min(1, 'Mindestens eine Frage.')
  .max(30, 'Höchstens 30 Fragen.')
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Der Schlüssel „${q.key}“ kommt mehrfach vor.` });
      seen.add(q.key);
    });
  });
export type Question = z.output<typeof questionSchema>;

export const surveySchema = z.object({
  cohort_id: id(),
  workshop_id: optionalId(),
  title: requiredText(200, 'Bitte einen Titel angeben.'),
  kind: z.enum(SURVEY_KINDS, { error: 'Workshop-Feedback, Programm-NPS oder eigene Umfrage.' }),
  questions: questionsSchema,
  opens_at: dateTime(),
  closes_at: dateTime(),
  anonymous: z.boolean({ error: 'Ja oder nein.' }).optional(),
});

/** A survey stays in its cohort; the rest may change — questions, workshop and anonymity only until the first answer. */
export const surveyUpdateSchema = surveySchema.omit({ cohort_id: true }).partial();

/** `POST /api/survey-responses`: the answers are checked against the survey's questions (answerSchema). */
export const responseSchema = z.object({
  survey_id: id(),
  answers: z.record(z.string(), z.unknown(), { error: 'Antworten als Objekt erwartet.' }),
});

/**
 * The answers a survey's questions take: a scale 1–5, an NPS 0–10 and a choice must be answered,
 * a free text may stay empty; a key the survey does not ask answers 400.
 */
export function answerSchema(questions: readonly Question[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions) {
    if (q.type === 'scale_1_5') shape[q.key] = z.number({ error: 'Bitte einen Wert von 1 bis 5 wählen.' }).int('Ganze Zahl von 1 bis 5.').min(1, 'Von 1 bis 5.').max(5, 'Von 1 bis 5.');
    else if (q.type === 'nps_0_10') shape[q.key] = z.number({ error: 'Bitte einen Wert von 0 bis 10 wählen.' }).int('Ganze Zahl von 0 bis 10.').min(0, 'Von 0 bis 10.').max(10, 'Von 0 bis 10.');
    else if (q.type === 'choice') shape[q.key] = z.enum((q.options ?? []) as [string, ...string[]], { error: 'Bitte eine der Antwortmöglichkeiten wählen.' });
    else shape[q.key] = text(MAX_TEXT_ANSWER);
  }
  return z.object(shape).strict();
}

export const quoteSchema = z.object({
  survey_id: id(),
  question_key: z.string({ error: 'Schlüssel erwartet.' }).regex(QUESTION_KEY, 'Unbekannte Frage.'),
  text: requiredText(MAX_TEXT_ANSWER, 'Bitte den Text des Zitats angeben.'),
});

/** One question of `GET /api/surveys/:id/results`. */
export interface QuestionResult {
  key: string;
  label: string;
  type: Question['type'];
  /** How many answered this question. */
  count: number;
  /** Scales and NPS: the mean, two decimals. */
  mean?: number | null;
  /** Scales, NPS (every value, zeros included) and choices (every option): value → count. */
  distribution?: Record<string, number>;
  /** NPS: % promoters (9–10) − % detractors (0–6), a whole number from −100 to 100. */
  nps?: number | null;
  /** Free texts, sorted alphabetically (the order of answering is not shown), without names. */
  texts?: string[];
}
export interface SurveyResults {
  survey_id: number;
  response_count: number;
  questions: QuestionResult[];
  /** The quotes staff chose from the free texts, in their order. */
  quotes: { question_key: string; text: string }[];
}

/** What the outcome reports read of a cohort's surveys (cohortSurveyOutcomes). */
export interface CohortSurveyOutcome {
  survey_id: number;
  kind: (typeof SURVEY_KINDS)[number];
  title: string;
  workshop_id: number | null;
  closes_at: Date;
  response_count: number;
  /** The mean of every answer to the survey's 1–5 scales; null without scale questions. */
  scale_mean: number | null;
  /** The NPS of the survey's first NPS question; null without one. */
  nps: number | null;
  /** The quotes staff chose, in their order. */
  quotes: { question_key: string; text: string }[];
}
