import type { ApiRouter } from '../http/api-router.ts';
import { setDownloadHeaders } from '../http/download.ts';
import { agreementPdf } from './agreement.pdf.ts';
import { loadAgreement } from './agreement.queries.ts';
import { toBuffer } from './report-document.ts';

/** The grant agreement (Fördervertrag) of one fellowship: staff and the fellow's applicants (404 for any other fellowship). */
export function registerAgreementRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/fellowships/:id/agreement.pdf', tag: 'fellowships', access: ['admin', 'staff', 'applicant'],
    summary: 'The grant agreement (Fördervertrag) of a fellowship as a PDF (German): parties, purpose, budget plan, tranches, reporting duties, terms',
    handler: async (ctx, _req, res, { id }) => {
      const data = await loadAgreement(ctx.db, ctx, id, ctx.config.PAYER_NAME);
      const now = new Date();
      const pdf = await toBuffer(agreementPdf(data, now));
      setDownloadHeaders(res, `foerdervertrag-${id}-${now.toISOString().slice(0, 10)}.pdf`, 'application/pdf');
      res.send(pdf);
      return undefined;
    },
  });
}
