import { sql } from 'kysely';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { conflict, notFound } from '../http/errors.ts';
import { validate } from '../http/input.ts';
import type { ListSpec } from '../http/list-query.ts';
import { applyListQuery, changedFields, listPage, registerResource, setContentRange } from '../http/resource.ts';
import { audienceQuery } from './mailings.queries.ts';
import { MAILING_STATUSES, mailingPreviewSchema, mailingSchema, mailingUpdateSchema, unsubscribeQuery } from './mailings.schema.ts';
import { assertValidMailingText, previewMailing, sendMailing, sendTestMailing, unsubscribe } from './mailings.service.ts';

const RECIPIENT_LIST: ListSpec = {
  fields: {
    id: { column: 'u.id', type: 'int' },
    name: { column: 'u.name', type: 'text' },
    email: { column: 'u.email', type: 'text' },
    locale: { column: 'u.locale', type: ['de', 'en'] },
    mail_opt_out: { column: 'u.mail_opt_out', type: 'bool' },
  },
  search: true,
  defaultSort: ['name', 'ASC'],
};

/**
 * Bulk mail (DESIGN.md "Communications"): staff write a mailing for an audience, look at its
 * recipients and at the message any of them gets, send a test to themselves, and send it once.
 * The unsubscribe link in every such message works without login.
 */
export function registerMailingRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'mailings',
    table: 'mailings',
    select: (db) =>
      db
        .selectFrom('mailings as t')
        .leftJoin('users as c', 'c.id', 't.created_by')
        .select(['t.id', 't.name', 't.audience', 't.subject', 't.body', 't.status', 't.recipient_count', 't.skipped_count', 't.sent_at', 't.created_by', 't.created_at', 't.updated_at', 'c.name as created_by_name']),
    fields: {
      id: { column: 't.id', type: 'int' },
      name: { column: 't.name', type: 'text' },
      status: { column: 't.status', type: MAILING_STATUSES },
      sent_at: { column: 't.sent_at', type: 'datetime' },
      created_at: { column: 't.created_at', type: 'datetime' },
    },
    search: (_tsquery, raw) => sql<boolean>`(t.name ILIKE ${`%${raw.replace(/[%_\\]/g, '')}%`} OR t.subject ILIKE ${`%${raw.replace(/[%_\\]/g, '')}%`})`,
    defaultSort: ['id', 'DESC'],
    access: { read: STAFF, create: STAFF, update: STAFF, delete: STAFF },
    createSchema: mailingSchema,
    updateSchema: mailingUpdateSchema,
    beforeCreate: (ctx, input) => {
      assertValidMailingText(input);
      return { ...input, audience: JSON.stringify(input.audience), created_by: ctx.user!.id };
    },
    beforeUpdate: (_ctx, input, existing) => {
      if (existing.status !== 'draft') throw conflict('Ein versandtes Rundschreiben lässt sich nicht mehr ändern.', 'already_sent');
      const patch = changedFields(input, existing);
      assertValidMailingText(patch);
      const { audience, ...rest } = patch;
      return audience === undefined ? rest : { ...rest, audience: JSON.stringify(audience) };
    },
    beforeDelete: (_ctx, existing) => {
      if (existing.status !== 'draft') throw conflict('Ein versandtes Rundschreiben bleibt als Nachweis erhalten.', 'already_sent');
    },
  });

  api.add({
    method: 'get',
    path: '/mailings/:id/recipients',
    tag: 'mailings',
    summary: 'The people the mailing\'s audience names now ({id, name, email, locale}; mail_opt_out: skipped when sent)',
    access: STAFF,
    list: RECIPIENT_LIST,
    handler: async (ctx, _req, res, { id, list }) => {
      const mailing = await ctx.db.selectFrom('mailings').select('audience').where('id', '=', id).executeTakeFirst();
      if (!mailing) throw notFound('Dieses Rundschreiben gibt es nicht.');
      const like = (raw: string) => `%${raw.replace(/[%_\\]/g, '')}%`;
      const scoped = applyListQuery(audienceQuery(ctx.db, mailing.audience), list, {
        search: (_tsquery, raw) => sql<boolean>`(u.name ILIKE ${like(raw)} OR u.email ILIKE ${like(raw)})`,
      }, ctx);
      const { rows, total } = await listPage(ctx.db, scoped, list);
      setContentRange(res, 'recipients', list.range.start, rows.length, total);
      return rows.map(({ organisation_id: _o, ...row }) => row);
    },
  });

  api.add({
    method: 'post',
    path: '/mailings/:id/preview',
    tag: 'mailings',
    summary: 'Subject, text and HTML of the mailing as one recipient (user_id; default the first) gets it',
    access: STAFF,
    body: mailingPreviewSchema,
    optionalBody: true,
    handler: (ctx, _req, _res, { id, body }) => previewMailing(ctx, id, body.user_id),
  });

  api.add({
    method: 'post',
    path: '/mailings/:id/test',
    tag: 'mailings',
    summary: 'Queue one test message of the mailing to the signed-in staff member (as user_id, default the first recipient, gets it)',
    access: STAFF,
    body: mailingPreviewSchema,
    optionalBody: true,
    status: 201,
    handler: (ctx, _req, _res, { id, body }) => sendTestMailing(ctx, id, body.user_id),
  });

  api.add({
    method: 'post',
    path: '/mailings/:id/send',
    tag: 'mailings',
    summary: 'Send a draft mailing: one outbox message per recipient, once (a second send is 409); opted-out people skipped and counted',
    access: STAFF,
    handler: (ctx, _req, _res, { id }) => sendMailing(ctx, id),
  });

  api.add({
    method: 'get',
    path: '/unsubscribe',
    tag: 'mailings',
    summary: 'Public: the signed link from a mailing stops further mailings to its person (again: no change); forged → 400',
    access: 'public',
    handler: (ctx, req) => unsubscribe(ctx, validate(unsubscribeQuery, req.query).token),
  });
}
