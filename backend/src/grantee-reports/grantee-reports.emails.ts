import type { Rendered } from '../emails/templates.ts';
import { consoleLink } from '../shared/links.ts';
import { date, money } from '../shared/format.ts';
import { label } from '../shared/labels.ts';

/** The German letters of the report workflow: pure functions from the facts to subject and body. */
interface Facts {
  reportId: number;
  kind: 'interim' | 'final';
  organisationName: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  publicUrl: string;
}

const kindName = (kind: Facts['kind']) => label('grantee_report_kind', kind);
const period = (f: Facts) => `${date(f.periodStart)} – ${date(f.periodEnd)}`;
const link = (f: Facts) => consoleLink(f.publicUrl, `grantee-reports/${f.reportId}/show`);
const SIGNATURE = ['', 'Mit freundlichen Grüßen', 'Ihr Team des openTransfer Accelerators'];

export function reportRequested(f: Facts): Rendered {
  return {
    subject: `Bitte um Ihren ${kindName(f.kind)} bis ${date(f.dueOn)}`,
    body: [
      'Guten Tag,',
      '',
      `wir bitten ${f.organisationName} um den ${kindName(f.kind)} (Verwendungsnachweis) für den Zeitraum ${period(f)}.`,
      `Bitte reichen Sie ihn bis zum ${date(f.dueOn)} ein: Sachbericht (Erreichtes, Herausforderungen, nächste Schritte)`,
      'und die Ausgaben nach Kostenkategorien mit Belegen.',
      `Zum Bericht: ${link(f)}`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

export function reportSubmitted(f: Facts & { totalCents: number }): Rendered {
  return {
    subject: `Eingang Ihres ${kindName(f.kind)}s`,
    body: [
      'Guten Tag,',
      '',
      `vielen Dank: Der ${kindName(f.kind)} von ${f.organisationName} für ${period(f)} ist bei uns eingegangen`,
      `(Ausgaben in diesem Bericht: ${money(f.totalCents)}). Wir prüfen ihn und melden uns.`,
      `Zum Bericht: ${link(f)}`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

export function reportAccepted(f: Facts & { note: string | null }): Rendered {
  return {
    subject: `Ihr ${kindName(f.kind)} ist angenommen`,
    body: [
      'Guten Tag,',
      '',
      `das Programmteam hat den ${kindName(f.kind)} von ${f.organisationName} für ${period(f)} angenommen.`,
      ...(f.note ? ['', `Anmerkung: ${f.note}`] : []),
      `Zum Bericht: ${link(f)}`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

export function reportReturned(f: Facts & { note: string }): Rendered {
  return {
    subject: `Ihr ${kindName(f.kind)} braucht noch Ergänzungen`,
    body: [
      'Guten Tag,',
      '',
      `das Programmteam hat den ${kindName(f.kind)} von ${f.organisationName} für ${period(f)} zur Überarbeitung zurückgegeben:`,
      '',
      f.note,
      '',
      'Bitte ergänzen Sie den Bericht und reichen Sie ihn erneut ein.',
      `Zum Bericht: ${link(f)}`,
      ...SIGNATURE,
    ].join('\n'),
  };
}
