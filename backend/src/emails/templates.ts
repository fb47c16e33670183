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

/**
 * `follow_up_request`: 12 or 24 months after its programme year an alumni organisation is asked to
 * bring its indicators and transfer sites up to date (issue 20). German or English by the
 * recipient's choice; the link opens the fellowship's impact on the programme page.
 */
export function followUpRequest(facts: {
  locale: 'de' | 'en';
  months: 12 | 24;
  organisationName: string;
  cohortName: string;
  projectName: string | null;
  link: string;
}): Rendered {
  if (facts.locale === 'en') {
    return {
      subject: `Your impact ${facts.months} months after the programme year: ${facts.cohortName}`,
      body: [
        'Hello,',
        '',
        `${facts.months} months have passed since the programme year of ${facts.organisationName} in “${facts.cohortName}”${facts.projectName ? ` (project “${facts.projectName}”)` : ''} ended.`,
        'We would like to know what has become of it: please enter the current values of your indicators as a follow-up',
        'and bring your transfer sites up to date. It takes only a few minutes and helps us show what the programme achieves.',
        `Update your impact: ${facts.link}`,
        '',
        'Kind regards',
        'The openTransfer Accelerator team',
      ].join('\n'),
    };
  }
  return {
    subject: `Ihre Wirkung ${facts.months} Monate nach dem Programmjahr: ${facts.cohortName}`,
    body: [
      'Guten Tag,',
      '',
      `vor ${facts.months} Monaten endete das Programmjahr von ${facts.organisationName} in „${facts.cohortName}“${facts.projectName ? ` (Projekt „${facts.projectName}“)` : ''}.`,
      'Wir möchten gern wissen, was daraus geworden ist: Bitte tragen Sie die aktuellen Werte Ihrer Indikatoren als Nachbefragung ein',
      'und bringen Sie Ihre Transferstandorte auf den neuesten Stand. Das dauert nur wenige Minuten und hilft uns zu zeigen, was das Programm bewirkt.',
      `Zur Wirkung: ${facts.link}`,
      '',
      'Mit freundlichen Grüßen',
      'Ihr Team des openTransfer Accelerators',
    ].join('\n'),
  };
}
