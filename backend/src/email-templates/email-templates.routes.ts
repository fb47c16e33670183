import { recordAudit } from '../audit/audit.service.ts';
import { STAFF, type ApiRouter } from '../http/api-router.ts';
import { notFound } from '../http/errors.ts';
import { changedFields, registerResource, type Rec } from '../http/resource.ts';
import { EMAIL_TEMPLATE_KEYS, EMAIL_TEMPLATE_LOCALES, templateDefinition } from '../shared/email-catalogue.ts';
import { previewValues } from './email-templates.preview.ts';
import { emailTemplatePreviewSchema, emailTemplateUpdateSchema } from './email-templates.schema.ts';
import { assertValidTemplate, fieldsOf, previewOf } from './email-templates.service.ts';

const withFields = (record: Rec) => ({ ...record, ...fieldsOf(record.key) });

/**
 * E-mail templates (DESIGN.md "Communications"): one per message key and language, from migration
 * 0024. Staff read them, change subject and body (checked against the key's merge fields; audited
 * by the resource), reset them to the shipped text, and preview them on a real record.
 */
export function registerEmailTemplateRoutes(api: ApiRouter): void {
  registerResource(api, {
    name: 'email-templates',
    table: 'email_templates',
    select: (db) =>
      db
        .selectFrom('email_templates as t')
        .leftJoin('users as u', 'u.id', 't.updated_by')
        .select(['t.id', 't.key', 't.locale', 't.subject', 't.body', 't.updated_by', 't.updated_at', 'u.name as updated_by_name']),
    fields: {
      id: { column: 't.id', type: 'int' },
      key: { column: 't.key', type: EMAIL_TEMPLATE_KEYS },
      locale: { column: 't.locale', type: EMAIL_TEMPLATE_LOCALES },
      subject: { column: 't.subject', type: 'text' },
      updated_by: { column: 't.updated_by', type: 'int' },
      updated_at: { column: 't.updated_at', type: 'datetime' },
    },
    defaultSort: ['key', 'ASC'],
    access: { read: STAFF, update: STAFF },
    updateSchema: emailTemplateUpdateSchema,
    beforeUpdate: (ctx, input, existing) => {
      const patch = changedFields(input, existing);
      assertValidTemplate(existing.key, patch);
      return Object.keys(patch).length ? { ...patch, updated_by: ctx.user!.id } : patch;
    },
    present: withFields,
  });

  api.add({
    method: 'post',
    path: '/email-templates/:id/reset',
    tag: 'email-templates',
    summary: 'Restore the shipped subject and body of this template (audited)',
    access: STAFF,
    handler: async (ctx, _req, _res, { id }) =>
      ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('email_templates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        const def = existing && templateDefinition(existing.key);
        if (!existing || !def) throw notFound('Diese Vorlage gibt es nicht.');
        const shipped = def[existing.locale];
        const updated = await trx
          .updateTable('email_templates')
          .set({ subject: shipped.subject, body: shipped.body, updated_by: null, updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx.user, 'reset', 'email-templates', id, existing, updated);
        return withFields(updated);
      }),
  });

  api.add({
    method: 'post',
    path: '/email-templates/:id/preview',
    tag: 'email-templates',
    summary: 'Subject, text and HTML of this template (or of the unsaved subject/body sent along) filled from a record (record_id) or sample values',
    access: STAFF,
    body: emailTemplatePreviewSchema,
    optionalBody: true,
    handler: async (ctx, _req, _res, { id, body }) => {
      const row = await ctx.db.selectFrom('email_templates').select(['key', 'locale', 'subject', 'body']).where('id', '=', id).executeTakeFirst();
      const def = row && templateDefinition(row.key);
      if (!row || !def) throw notFound('Diese Vorlage gibt es nicht.');
      const text = { subject: body.subject ?? row.subject, body: body.body ?? row.body };
      assertValidTemplate(row.key, text);
      return previewOf(text, await previewValues(ctx.db, def, row.locale, ctx.config.PUBLIC_URL, body.record_id));
    },
  });
}
