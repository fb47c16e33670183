import { consoleLink } from '../shared/links.ts';
import { dateTime } from '../shared/format.ts';

/**
 * German e-mail texts. Each template is a pure function from the facts to subject + body, so the
 * wording can be reviewed (and tested) without a database.
 */
const berlin = (d: Date) => dateTime(d);

export interface Rendered {
  subject: string;
  body: string;
}

export function applicationReceipt(facts: {
  organisationName: string;
  projectName: string;
  cohortName: string;
  submittedAt: Date;
  applicationId: number;
  publicUrl: string;
}): Rendered {
  return {
    subject: `Eingangsbestätigung Ihrer Bewerbung: ${facts.projectName}`,
    body: [
      'Guten Tag,',
      '',
      `vielen Dank für die Bewerbung von ${facts.organisationName} für „${facts.cohortName}“.`,
      `Wir haben Ihre Bewerbung „${facts.projectName}“ am ${berlin(facts.submittedAt)} Uhr (Berliner Zeit) erhalten.`,
      `Ihre Bewerbungsnummer: ${facts.applicationId}.`,
      '',
      'Als Nächstes prüfen wir die formalen Voraussetzungen; danach bewertet die Jury alle Bewerbungen.',
      'Über das Ergebnis informieren wir Sie per E-Mail. Ihre eingereichte Bewerbung können Sie jederzeit',
      `als PDF herunterladen: ${consoleLink(facts.publicUrl, 'application')}`,
      '',
      'Mit freundlichen Grüßen',
      'Ihr Team des openTransfer Accelerators',
      'Stiftung Bürgermut',
    ].join('\n'),
  };
}

export function applicationWithdrawn(facts: { organisationName: string; projectName: string; cohortName: string }): Rendered {
  return {
    subject: `Bewerbung zurückgezogen: ${facts.projectName}`,
    body: [
      'Guten Tag,',
      '',
      `hiermit bestätigen wir, dass ${facts.organisationName} die Bewerbung „${facts.projectName}“ für „${facts.cohortName}“ zurückgezogen hat.`,
      'Wir bedauern das und freuen uns, wenn Sie sich bei einer späteren Ausschreibung wieder bewerben.',
      '',
      'Mit freundlichen Grüßen',
      'Ihr Team des openTransfer Accelerators',
    ].join('\n'),
  };
}
