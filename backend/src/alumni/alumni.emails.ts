import { consoleLink } from '../shared/links.ts';

/** German texts of the alumni network's e-mails: pure functions from facts to subject + body. */
export interface Rendered {
  subject: string;
  body: string;
}

const signature = ['', 'Mit freundlichen Grüßen', 'Ihr Team des openTransfer Accelerators', 'Stiftung Bürgermut'];

export function alumniConsentRequest(f: { organisationName: string; cohortName: string; publicUrl: string }): Rendered {
  return {
    subject: 'Willkommen im Alumni-Netzwerk des openTransfer Accelerators',
    body: [
      'Guten Tag,',
      '',
      `${f.organisationName} gehört nach „${f.cohortName}“ jetzt zu den Alumni des openTransfer Accelerators.`,
      'Wir haben für Sie ein Alumni-Profil angelegt. Es ist noch unsichtbar: Andere Alumni sehen es erst,',
      'wenn Sie zustimmen und die Sichtbarkeit einschalten. Tragen Sie dort ein, wobei Sie anderen helfen',
      'können (Angebote) und wobei Sie Unterstützung suchen (Bedarfe):',
      consoleLink(f.publicUrl, 'alumni-profiles'),
      ...signature,
    ].join('\n'),
  };
}

export function introductionRequested(f: { fromName: string; toName: string; message: string; publicUrl: string }): Rendered {
  return {
    subject: `Vorstellungsanfrage von ${f.fromName}`,
    body: [
      'Guten Tag,',
      '',
      `${f.fromName} möchte ${f.toName} über das Alumni-Netzwerk kennenlernen und schreibt:`,
      '',
      ...f.message.split('\n').map((line) => `> ${line}`),
      '',
      'Ihre Kontaktdaten geben wir erst weiter, wenn Sie die Anfrage annehmen. Annehmen oder ablehnen:',
      consoleLink(f.publicUrl, 'introductions'),
      ...signature,
    ].join('\n'),
  };
}

export function introductionAccepted(f: {
  fromName: string;
  toName: string;
  contactEmail: string | null;
  people: Array<{ first_name: string; last_name: string; role_title: string | null; email: string | null; phone: string | null }>;
  note?: string | null;
}): Rendered {
  const people = f.people.map((p) => `- ${p.first_name} ${p.last_name}${p.role_title ? ` (${p.role_title})` : ''}${p.email ? `, ${p.email}` : ''}${p.phone ? `, ${p.phone}` : ''}`);
  return {
    subject: `${f.toName} hat Ihre Vorstellungsanfrage angenommen`,
    body: [
      'Guten Tag,',
      '',
      `${f.toName} freut sich über den Kontakt mit ${f.fromName}.`,
      ...(f.note ? ['', ...f.note.split('\n').map((line) => `> ${line}`)] : []),
      '',
      'So erreichen Sie die Organisation:',
      ...(f.contactEmail ? [`E-Mail: ${f.contactEmail}`] : []),
      ...(people.length ? ['Ansprechpersonen:', ...people] : []),
      ...signature,
    ].join('\n'),
  };
}

export function introductionDeclined(f: { fromName: string; toName: string; note?: string | null }): Rendered {
  return {
    subject: `Ihre Vorstellungsanfrage an ${f.toName}`,
    body: [
      'Guten Tag,',
      '',
      `${f.toName} kann Ihre Vorstellungsanfrage im Moment leider nicht annehmen.`,
      ...(f.note ? ['', ...f.note.split('\n').map((line) => `> ${line}`)] : []),
      '',
      'Im Alumni-Verzeichnis finden Sie weitere Organisationen, die zu Ihren Bedarfen passen.',
      ...signature,
    ].join('\n'),
  };
}
