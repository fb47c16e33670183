import type { FeatureMessages } from '../i18n/types.ts';

/** The applicant's own organisation profile ("Meine Organisation"). Field labels live in i18n/core.ts. */
export const organisationMessages: FeatureMessages = {
  de: {
    resources: {
      organisations: {
        profile: {
          title: 'Meine Organisation',
          intro: 'So steht Ihre Organisation bei uns. Was sich geändert hat, tragen Sie unter „Profil bearbeiten“ ein – die Bankverbindung nutzen wir für die Auszahlung Ihrer Tranchen.',
          edit: 'Profil bearbeiten',
          none: 'Ihrem Zugang ist keine Organisation zugeordnet. Bitte wenden Sie sich an das Programmteam.',
          saved: 'Profil gespeichert.',
        },
        anonymise: {
          button: 'Anonymisieren',
          title: '%{name} anonymisieren?',
          confirm: 'Name, Anschrift, Kontakt- und Bankdaten, die Texte der Bewerbungen und E-Mails werden entfernt, Personen und Anlagen gelöscht, Zugänge gesperrt; für die Statistik bleiben Rechtsform, Handlungsfeld, Bundesland und Status. Das geht nur für abgelehnte Bewerber nach Ablauf der Aufbewahrungsfrist und lässt sich nicht rückgängig machen.',
          done: 'Die Organisation ist anonymisiert.',
        },
      },
    },
  },
  en: {
    resources: {
      organisations: {
        profile: {
          title: 'My organisation',
          intro: 'This is how your organisation is on file with us. Record any change under “Edit profile” – we pay your tranches to the bank account given here.',
          edit: 'Edit profile',
          none: 'No organisation is linked to your login. Please contact the programme team.',
          saved: 'Profile saved.',
        },
        anonymise: {
          button: 'Anonymise',
          title: 'Anonymise %{name}?',
          confirm: 'Name, address, contact and bank details, the application texts and e-mails are removed, people and attachments deleted, logins locked; legal form, field, state and status stay for the statistics. This works only for rejected applicants after the retention period and cannot be undone.',
          done: 'The organisation is anonymised.',
        },
      },
    },
  },
};
