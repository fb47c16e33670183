import PDFDocument from 'pdfkit';
import { pdfToBuffer, registerFonts } from '../pdf/fonts.ts';
import type { Rec } from '../http/resource.ts';
import { dateTime, fileSize, money } from '../shared/format.ts';
import { label } from '../shared/labels.ts';

/** The applicant's read-only copy of their application. Data in, PDF bytes out (no HTTP, no database). */
export function applicationPdf(data: { application: Rec; organisation: Rec; attachments: Array<{ filename: string; size_bytes: number }> }): Promise<Buffer> {
  const { application: a, organisation: o } = data;
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Bewerbung ${a.project_name ?? a.id}`, Author: o.name } });
  registerFonts(doc);

  doc.font('bold').fontSize(18).text(a.project_name || 'Bewerbung (ohne Titel)');
  doc.font('regular').fontSize(10).fillColor('#555')
    .text(`${a.cohort_name} · Bewerbung Nr. ${a.id} · Status: ${label('application_status', a.status)}`)
    .text(a.submitted_at ? `Eingereicht am ${dateTime(a.submitted_at)} Uhr (Berliner Zeit)` : 'Noch nicht eingereicht')
    .fillColor('black').moveDown();

  const section = (title: string) => doc.moveDown(0.6).font('bold').fontSize(13).text(title).moveDown(0.2).font('regular').fontSize(10);
  const field = (label: string, value: unknown) => {
    doc.font('bold').text(label, { continued: false });
    doc.font('regular').text(value === null || value === undefined || value === '' ? '–' : String(value)).moveDown(0.3);
  };

  section('Organisation');
  field('Name', o.name);
  field('Rechtsform', label('legal_form', o.legal_form));
  field('Anschrift', [o.street, [o.postal_code, o.city].filter(Boolean).join(' '), o.state].filter(Boolean).join(', '));
  field('Kontakt', [o.email, o.phone, o.website].filter(Boolean).join(' · '));
  field('Gemeinnützigkeit bestätigt', label('boolean', Boolean(o.charitable_status)));

  section('Projekt');
  field('Kurzbeschreibung', a.summary);
  field('Zielregionen', a.target_regions);
  section('Transfermodell');
  field('Modell', label('transfer_model', a.transfer_model));
  field('Skalierungsziele', a.scaling_goals);
  section('Wirkung');
  field('Wirkungsnachweise', a.impact_evidence);
  section('Finanzen');
  field('Beantragte Förderung', money(a.funding_requested_cents));
  field('Finanzplan', a.budget_plan);
  section('Team');
  field('Team', a.team);
  section('Motivation');
  field('Motivation', a.motivation);
  section('Anlagen');
  if (!data.attachments.length) doc.text('Keine Anlagen.');
  for (const f of data.attachments) doc.text(`• ${f.filename} (${fileSize(f.size_bytes)})`);

  return pdfToBuffer(doc);
}
