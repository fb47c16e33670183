import { sql } from 'kysely';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { isStaff } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { assertFundedCohort, fundedCohortIds, isFunder } from '../cohorts/index.ts';
import { changedFields, registerResource } from '../http/resource.ts';
import { hiddenFrom } from '../http/list-query.ts';
import { inAudience, respondentHash, surveyResults } from './surveys.queries.ts';
import { SURVEY_KINDS, SURVEY_STATES, quoteSchema, responseSchema, surveySchema, surveyUpdateSchema } from './surveys.schema.ts';
import { answerSurvey, assertSurveyDeletable, newQuote, newSurvey, surveyPatch } from './surveys.service.ts';

/**
 * Surveys (DESIGN.md "Impact"): staff write them, read their results and pick quotes; the
 * respondents (applicant users of the audience) see the surveys open to them, with whether they
 * have answered, and answer each once; a funder lists its cohorts' surveys and reads their results. Answers are never readable one by one.
 */
export function registerSurveyRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'surveys',
    table: 'surveys',
    select: (db, ctx) => {
      const user = ctx.user!;
      const q = db
        .selectFrom('surveys as t')
        .innerJoin('cohorts as c', 'c.id', 't.cohort_id')
        .leftJoin('workshops as w', 'w.id', 't.workshop_id')
        .select([
          't.id', 't.cohort_id', 't.workshop_id', 't.title', 't.kind', 't.questions', 't.opens_at', 't.closes_at', 't.anonymous', 't.created_at', 't.updated_at',
          'c.name as cohort_name', 'w.title as workshop_title', 'w.ends_at as workshop_ends_at',
          sql<(typeof SURVEY_STATES)[number]>`case when now() < t.opens_at then 'upcoming' when now() >= t.closes_at then 'closed' else 'open' end`.as('state'),
        ]);
      const counted = q.select([sql<number | null>`(select count(*)::int from survey_responses r where r.survey_id = t.id)`.as('response_count'), sql<boolean | null>`null`.as('answered')]);
      if (isStaff(user)) return counted;
      // A funder: the surveys of the cohorts it funds, with how many answered (the questions are hidden, the results are read through /results).
      if (user.role === 'funder') return counted.where('t.cohort_id', 'in', fundedCohortIds(db, user));
      // A respondent: the surveys of their audience that are open now, and whether they have answered.
      return q
        .select([
          sql<number | null>`null`.as('response_count'),
          sql<boolean | null>`exists (select 1 from survey_responses r where r.survey_id = t.id and r.respondent_hash = ${respondentHash(ctx.config.surveySecret, sql.ref('t.id'), user.id)})`.as('answered'),
        ])
        .where(inAudience(user.organisation_id))
        .where(sql<boolean>`now() >= t.opens_at and now() < t.closes_at and (w.ends_at is null or now() >= w.ends_at)`);
    },
    fields: {
      id: { column: 't.id', type: 'int' },
      cohort_id: { column: 't.cohort_id', type: 'int' },
      workshop_id: { column: 't.workshop_id', type: 'int' },
      title: { column: 't.title', type: 'text' },
      kind: { column: 't.kind', type: SURVEY_KINDS },
      opens_at: { column: 't.opens_at', type: 'datetime' },
      closes_at: { column: 't.closes_at', type: 'datetime' },
      anonymous: { column: 't.anonymous', type: 'bool', hidden: hiddenFrom('funder') },
      questions: { column: 't.questions', type: 'text', sortable: false, filterable: false, hidden: hiddenFrom('funder') },
      created_at: { column: 't.created_at', type: 'datetime', sortable: false, filterable: false, hidden: hiddenFrom('funder') },
      updated_at: { column: 't.updated_at', type: 'datetime', sortable: false, filterable: false, hidden: hiddenFrom('funder') },
      response_count: { column: 't.id', type: 'int', sortable: false, filterable: false, hidden: hiddenFrom('applicant') },
      answered: { column: 't.id', type: 'bool', sortable: false, filterable: false, hidden: hiddenFrom('admin', 'staff', 'funder') },
    },
    defaultSort: ['opens_at', 'DESC'],
    // A funder reads the surveys of its cohorts (DESIGN.md "Impact"): their titles, dates and answer counts, never an answer.
    access: { read: ['admin', 'staff', 'applicant', 'funder'], create: STAFF, update: STAFF, delete: STAFF },
    createSchema: surveySchema,
    updateSchema: surveyUpdateSchema,
    beforeCreate: (ctx, input, trx) => newSurvey(ctx, input, trx),
    beforeUpdate: (_ctx, input, existing, trx) => surveyPatch(changedFields(input, existing), existing, trx),
    beforeDelete: (_ctx, existing, trx) => assertSurveyDeletable(existing, trx),
  });

  api.add({
    method: 'get',
    path: '/surveys/:id/results',
    tag: 'surveys',
    summary: 'A survey’s results: per question the mean, distribution, NPS or free texts (no names); 409 too_few_responses under 3 answers (a funder: the surveys of its cohorts, else 404)',
    access: [...STAFF, 'funder'],
    handler: async (ctx, _req, _res, { id }) => {
      if (isFunder(ctx.user)) {
        // Whether it may see the survey comes before how many answered: another cohort's is 404.
        const survey = await ctx.db.selectFrom('surveys').select('cohort_id').where('id', '=', id).executeTakeFirst();
        if (!survey) throw notFound('Diese Umfrage gibt es nicht.');
        await assertFundedCohort(ctx.db, ctx.user, survey.cohort_id);
      }
      return surveyResults(ctx.db, id);
    },
  });

  api.add({
    method: 'post',
    path: '/survey-responses',
    tag: 'surveys',
    summary: 'Answer a survey once (respondents of its audience, while it is open); stores no user for an anonymous survey',
    access: ['applicant'],
    body: responseSchema,
    status: 201,
    handler: (ctx, _req, _res, { body }) => answerSurvey(ctx, body),
  });

  registerResource(api, {
    name: 'survey-quotes',
    table: 'survey_quotes',
    tag: 'surveys',
    select: (db) =>
      db
        .selectFrom('survey_quotes as t')
        .innerJoin('surveys as s', 's.id', 't.survey_id')
        .select(['t.id', 't.survey_id', 't.question_key', 't.text', 't.position', 't.created_at', 't.updated_at', 's.cohort_id', 's.title as survey_title']),
    fields: {
      id: { column: 't.id', type: 'int' },
      survey_id: { column: 't.survey_id', type: 'int' },
      cohort_id: { column: 's.cohort_id', type: 'int' },
      question_key: { column: 't.question_key', type: 'text' },
      position: { column: 't.position', type: 'int' },
    },
    defaultSort: ['position', 'ASC'],
    // Picked and removed, not edited: a quote is the respondent's words; the order is the order picked.
    access: { read: STAFF, create: STAFF, delete: STAFF },
    createSchema: quoteSchema,
    beforeCreate: (ctx, input, trx) => newQuote(ctx, input, trx),
  });
}
