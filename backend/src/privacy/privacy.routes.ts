import type { ApiRouter } from '../http/api-router.ts';
import { ADMIN, STAFF } from '../http/api-router.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { contentDisposition } from '../http/download.ts';
import { ORGANISATION_COLUMNS } from '../organisations/index.ts';
import { anonymiseOrganisation, exportOrganisation } from './privacy.service.ts';

export function registerPrivacyRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/organisations/:id/export',
    tag: 'privacy',
    summary: 'DSGVO export: everything stored about one organisation as JSON (audited)',
    access: STAFF,
    handler: async (ctx, _req, res, { id }) => {
      const data = await exportOrganisation(ctx.db, id);
      await recordAudit(ctx.db, ctx.user, 'export', 'organisations', id, null, null, {
        sections: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? v.length : v ? 1 : 0])),
      });
      res.setHeader('Content-Disposition', contentDisposition(`organisation-${id}-export.json`));
      return data;
    },
  });

  api.add({
    method: 'post',
    path: '/organisations/:id/anonymise',
    tag: 'privacy',
    summary: 'Remove the personal data of a rejected applicant after its cohort’s retention period (audited)',
    access: ADMIN,
    handler: async (ctx, _req, _res, { id }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const removed = await anonymiseOrganisation(trx, ctx.user, id);
        const organisation = await trx.selectFrom('organisations as t').select([...ORGANISATION_COLUMNS]).where('t.id', '=', id).executeTakeFirstOrThrow();
        return { ...organisation, removed };
      });
    },
  });
}
