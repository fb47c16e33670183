import type { programmeYear } from '../grantee-reports/index.ts';
import { ReportDocument } from './report-document.ts';
import { date, money, percent } from '../shared/format.ts';
import { label } from '../shared/labels.ts';

export interface AgreementData {
  id: number;
  /** The funding party (the programme's sponsor, `PAYER_NAME`). */
  foundation: string;
  organisation: { name: string; legal_form: string; address: string; representative: string | null };
  cohort_name: string;
  project: { name: string | null; summary: string | null; transfer_model: string | null; scaling_goals: string | null };
  grant_cents: number;
  signed_on: string | null;
  budget: Array<{ category: string; planned_cents: number; note: string | null }>;
  tranches: Array<{
    label: string; amount_cents: number; due_on: string | null; status: string; milestone_title: string | null;
    report_kind: string | null; report_due_on: string | null;
  }>;
  schedule: ReturnType<typeof programmeYear>;
}

/** How far a budget line may be exceeded when the excess is saved in other lines (also the grantee reports' over-limit flag). */
const TOLERANCE_PERCENT = 20;

const REPORT_NAMES: Record<string, string> = { interim: 'Zwischenbericht', final: 'Verwendungsnachweis (Schlussbericht)' };

function condition(t: AgreementData['tranches'][number], first: boolean): string {
  const parts = [first ? 'Unterschriebener Fördervertrag' : null];
  if (t.milestone_title) parts.push(`Meilenstein „${t.milestone_title}“ erreicht`);
  if (t.report_kind) parts.push(`${REPORT_NAMES[t.report_kind] ?? t.report_kind} angenommen`);
  const text = parts.filter(Boolean).join('; ');
  return text || 'Abruf nach Plan';
}

/**
 * The grant agreement (Fördervertrag) of one fellowship, German. Data in, finished pdfkit stream out
 * (no database, no HTTP): the loader in agreement.queries.ts gathers the data.
 */
export function agreementPdf(data: AgreementData, generatedAt: Date): PDFKit.PDFDocument {
  const o = data.organisation;
  const s = data.schedule;
  const report = new ReportDocument({
    title: 'Fördervertrag',
    subtitle: data.project.name ?? o.name,
    cohortName: data.cohort_name,
    period: `Förderung Nr. ${data.id} · Programmjahr ${date(s.start)} – ${date(s.end)}`,
    generatedAt,
  });
  const doc = report.doc;
  report.newPage();
  doc.font('bold').fontSize(22).fillColor('#0b5c6b').text('Fördervertrag', { width: report.width });
  doc.font('regular').fontSize(11).fillColor('#5f6b73').text(`${/opentransfer/i.test(data.cohort_name) ? '' : 'openTransfer Accelerator · '}${data.cohort_name} · Förderung Nr. ${data.id}`, { width: report.width });
  doc.fillColor('#1d2327').moveDown(0.8);

  report.heading('§ 1 Vertragsparteien');
  report.paragraph(`Zuwendungsgeberin: ${data.foundation}, Trägerin des openTransfer Accelerators (im Folgenden „Stiftung“).`);
  report.paragraph(
    `Zuwendungsempfängerin: ${o.name} (${label('legal_form', o.legal_form)})${o.address ? `, ${o.address}` : ''}` +
      `${o.representative ? `, vertreten durch ${o.representative}` : ''} (im Folgenden „Organisation“).`,
  );

  report.heading('§ 2 Zweck der Förderung');
  report.paragraph(`Die Stiftung fördert das Vorhaben „${data.project.name ?? 'ohne Titel'}“ der Organisation im Programmjahr ${date(s.start)} bis ${date(s.end)}.`);
  if (data.project.summary) report.paragraph(data.project.summary);
  if (data.project.transfer_model) report.paragraph(`Transfermodell: ${label('transfer_model', data.project.transfer_model)}.`);
  if (data.project.scaling_goals) report.paragraph(`Skalierungsziele: ${data.project.scaling_goals}`);

  report.heading('§ 3 Höhe der Förderung und Finanzplan');
  const planned = data.budget.reduce((sum, l) => sum + l.planned_cents, 0);
  report.paragraph(`Die Stiftung gewährt eine Förderung von bis zu ${money(data.grant_cents)} als nicht rückzahlbaren Zuschuss. Sie ist nach folgendem Finanzplan zu verwenden:`);
  report.table(
    [
      { header: 'Kostenkategorie', width: 2, value: (l: AgreementData['budget'][number]) => label('budget_category', l.category) },
      { header: 'Erläuterung', width: 4, value: (l) => l.note ?? '' },
      { header: 'Geplant', width: 1.5, align: 'right', nowrap: true, value: (l) => money(l.planned_cents) },
      { header: 'Anteil', width: 1, align: 'right', nowrap: true, value: (l) => percent(l.planned_cents, data.grant_cents) },
    ],
    data.budget,
    { footer: ['Summe Finanzplan', `Förderung ${money(data.grant_cents)}`, money(planned), percent(planned, data.grant_cents)], empty: 'Der Finanzplan ist noch nicht aufgestellt.' },
  );
  if (planned < data.grant_cents) report.paragraph(`Noch nicht verplant: ${money(data.grant_cents - planned)}.`, { muted: true });

  report.heading('§ 4 Auszahlung in Tranchen');
  report.paragraph('Die Förderung wird in Tranchen ausgezahlt. Eine Tranche wird erst freigegeben, wenn ihre Bedingungen erfüllt sind; die erste nicht vor Unterzeichnung dieses Vertrags.');
  report.table(
    [
      { header: 'Tranche', width: 3, value: (t: AgreementData['tranches'][number]) => t.label },
      { header: 'Fällig', width: 1, nowrap: true, value: (t) => date(t.due_on) },
      { header: 'Bedingung', width: 4, value: (t) => condition(t, t === data.tranches[0]) },
      { header: 'Betrag', width: 1.5, align: 'right', nowrap: true, value: (t) => money(t.amount_cents) },
      { header: 'Stand', width: 1, nowrap: true, value: (t) => label('disbursement_status', t.status) },
    ],
    data.tranches,
    {
      footer: ['Summe der Tranchen', '', '', money(data.tranches.reduce((sum, t) => sum + t.amount_cents, 0)), ''],
      empty: 'Der Tranchenplan ist noch nicht aufgestellt.',
    },
  );

  report.heading('§ 5 Berichtspflichten');
  report.paragraph('Die Organisation berichtet der Stiftung über den Fortschritt des Vorhabens und die Verwendung der Mittel (Sachbericht und zahlenmäßiger Nachweis nach Kostenkategorien mit Belegen):');
  report.table(
    [
      { header: 'Bericht', width: 3, value: (r: { name: string; dates: typeof s.interim }) => r.name },
      { header: 'Berichtszeitraum', width: 2, nowrap: true, value: (r) => `${date(r.dates.period_start)} – ${date(r.dates.period_end)}` },
      { header: 'Fällig am', width: 1, nowrap: true, value: (r) => date(r.dates.due_on) },
    ],
    [
      { name: 'Zwischenbericht', dates: s.interim },
      { name: 'Verwendungsnachweis (Schlussbericht)', dates: s.final },
    ],
  );

  report.heading('§ 6 Bedingungen');
  report.paragraph(
    `1. Die Mittel sind wirtschaftlich und sparsam und ausschließlich für den Zweck nach § 2 zu verwenden. Die Ansätze des Finanzplans dürfen um bis zu ${TOLERANCE_PERCENT} % ` +
      'überschritten werden, soweit die Überschreitung durch Einsparungen in anderen Kostenkategorien ausgeglichen wird; die Förderung insgesamt erhöht sich dadurch nicht.',
  );
  report.paragraph('2. Darüber hinausgehende Abweichungen bedürfen der vorherigen Zustimmung der Stiftung in Textform.');
  report.paragraph('3. Nicht verbrauchte oder nicht zweckentsprechend verwendete Mittel sind der Stiftung nach Vorlage des Verwendungsnachweises unverzüglich zurückzuzahlen.');
  report.paragraph('4. Belege sind zehn Jahre aufzubewahren und der Stiftung auf Anforderung vorzulegen.');

  report.heading('§ 7 Unterschriften');
  report.paragraph(
    data.signed_on ? `Dieser Vertrag wurde am ${date(data.signed_on)} unterzeichnet.` : 'Dieser Vertrag ist noch nicht unterzeichnet.',
  );
  report.ensureSpace(110);
  const top = doc.y + 40;
  const half = (report.width - 30) / 2;
  const left = doc.page.margins.left;
  for (const [i, party, signer] of [[0, data.foundation, 'für die Stiftung'], [1, o.name, o.representative ?? 'für die Organisation']] as const) {
    const x = left + i * (half + 30);
    doc.save().moveTo(x, top).lineTo(x + half, top).lineWidth(0.6).strokeColor('#1d2327').stroke().restore();
    doc.font('regular').fontSize(9).fillColor('#1d2327').text(`Ort, Datum${data.signed_on ? ` (${date(data.signed_on)})` : ''}, Unterschrift`, x, top + 4, { width: half });
    doc.font('bold').fontSize(9).text(party, x, doc.y, { width: half });
    doc.font('regular').text(signer, x, doc.y, { width: half });
  }
  doc.x = left;
  return report.end();
}
