import type { FeatureMessages } from './types.ts';

/**
 * What an empty list says (react-admin's Empty reads `resources.<name>.empty` and, when the
 * resource can be created, `resources.<name>.invite` above its create button). One sentence that
 * explains when entries appear, instead of a bare "no results".
 */
export const emptyStateMessages: FeatureMessages = {
  de: {
    resources: {
      cohorts: { empty: 'Noch kein Jahrgang angelegt.', invite: 'Legen Sie den ersten Jahrgang mit Bewerbungsfrist und Kriterien an.' },
      applications: { empty: 'Noch keine Bewerbungen.', invite: 'Bewerbungen erscheinen hier, sobald Organisationen sich während einer Ausschreibung bewerben.' },
      organisations: { empty: 'Noch keine Organisationen.', invite: 'Organisationen registrieren sich selbst; Sie können auch eine anlegen.' },
      people: { empty: 'Noch keine Ansprechpersonen.', invite: 'Tragen Sie die Menschen hinter den Organisationen ein.' },
      users: { empty: 'Noch keine Benutzer.', invite: 'Legen Sie Zugänge für Programmteam, Jury und Coaches an.' },
      reviews: { empty: 'Noch keine Bewertungen.', invite: 'Bewertungen entstehen, wenn das Programmteam der Jury Bewerbungen zuweist.' },
      conflicts: { empty: 'Keine Interessenkonflikte gemeldet.', invite: 'Kennen Sie eine Organisation persönlich? Dann melden Sie hier den Konflikt.' },
      fellowships: { empty: 'Noch keine Förderungen.', invite: 'Förderungen entstehen, wenn das Programmteam die Auswahl eines Jahrgangs freigibt.' },
      milestones: { empty: 'Noch keine Meilensteine.', invite: 'Planen Sie die Etappen des Programmjahres: Transferkonzept, Stage Gate, Demo Day.' },
      workshops: { empty: 'Noch keine Veranstaltungen.', invite: 'Planen Sie Workshops, Webinare und Barcamps für den Jahrgang.' },
      attendances: { empty: 'Noch keine Anmeldungen.', invite: 'Anmeldungen erscheinen hier, sobald sich Fellows für Veranstaltungen anmelden.' },
      'coaching-sessions': { empty: 'Noch keine Coaching-Sitzungen.', invite: 'Protokollieren Sie jede Sitzung: so sieht man die genutzten Stunden je Fellow.' },
      'alumni-profiles': { empty: 'Noch keine Alumni-Profile.', invite: 'Alumni zeigen hier, wobei sie helfen können und was sie suchen.' },
      introductions: { empty: 'Noch keine Vorstellungen.', invite: 'Bitten Sie eine Alumni-Organisation um ein Kennenlernen.' },
      'alumni-events': { empty: 'Noch keine Alumni-Veranstaltungen.', invite: 'Laden Sie Ehemalige zu Treffen und Austausch ein.' },
      disbursements: { empty: 'Noch keine Tranchen.', invite: 'Planen Sie die Auszahlungen je Förderung; eine zweite Person gibt sie frei.' },
      'disbursement-exports': { empty: 'Noch keine Zahlungsexporte.', invite: 'Exportieren Sie freigegebene Tranchen als SEPA-Datei für die Bank.' },
      reports: { empty: 'Noch keine ausgestellten Berichte.', invite: 'Stellen Sie einen Bericht für Förderer aus; er wird als PDF festgeschrieben.' },
      emails: { empty: 'Noch keine E-Mails.', invite: 'Hier erscheint jede E-Mail, die das System verschickt.' },
      'audit-events': { empty: 'Noch keine Einträge im Protokoll.', invite: 'Jede Änderung an Bewertungen, Entscheidungen und Auszahlungen wird hier protokolliert.' },
    },
  },
  en: {
    resources: {
      cohorts: { empty: 'No cohort yet.', invite: 'Create the first cohort with its deadline and criteria.' },
      applications: { empty: 'No applications yet.', invite: 'Applications appear here as soon as organisations apply during a call.' },
      organisations: { empty: 'No organisations yet.', invite: 'Organisations register themselves; you can also create one.' },
      people: { empty: 'No contacts yet.', invite: 'Add the people behind the organisations.' },
      users: { empty: 'No users yet.', invite: 'Create logins for programme staff, jurors and coaches.' },
      reviews: { empty: 'No reviews yet.', invite: 'Reviews appear once programme staff assign applications to the jury.' },
      conflicts: { empty: 'No conflicts of interest declared.', invite: 'Do you know an organisation personally? Declare the conflict here.' },
      fellowships: { empty: 'No fellowships yet.', invite: 'Fellowships are created when staff finalise a cohort’s selection.' },
      milestones: { empty: 'No milestones yet.', invite: 'Plan the stages of the programme year: transfer concept, stage gate, demo day.' },
      workshops: { empty: 'No events yet.', invite: 'Plan workshops, webinars and barcamps for the cohort.' },
      attendances: { empty: 'No registrations yet.', invite: 'Registrations appear here as soon as fellows sign up for events.' },
      'coaching-sessions': { empty: 'No coaching sessions yet.', invite: 'Log every session: it shows the hours used per fellow.' },
      'alumni-profiles': { empty: 'No alumni profiles yet.', invite: 'Alumni show here what they can help with and what they are looking for.' },
      introductions: { empty: 'No introductions yet.', invite: 'Ask an alumni organisation for an introduction.' },
      'alumni-events': { empty: 'No alumni events yet.', invite: 'Invite former fellows to meet and exchange.' },
      disbursements: { empty: 'No tranches yet.', invite: 'Plan the payments per fellowship; a second person approves them.' },
      'disbursement-exports': { empty: 'No payment exports yet.', invite: 'Export approved tranches as a SEPA file for the bank.' },
      reports: { empty: 'No issued reports yet.', invite: 'Issue a report for funders; it is frozen as a PDF.' },
      emails: { empty: 'No e-mails yet.', invite: 'Every e-mail the system sends appears here.' },
      'audit-events': { empty: 'No log entries yet.', invite: 'Every change to scores, decisions and payments is logged here.' },
    },
  },
};
