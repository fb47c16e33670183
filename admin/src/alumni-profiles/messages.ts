import type { FeatureMessages } from '../i18n/types.ts';

/** Alumni network: directory, profiles, matches, introductions and events (German first). */
export const alumniMessages: FeatureMessages = {
  de: {
    resources: {
      'alumni-profiles': {
        name: 'Alumni-Profil |||| Alumni-Netzwerk',
        fields: {
          organisation_id: 'Organisation', organisation_name: 'Organisation', cohort_id: 'Jahrgang', cohort_year: 'Jahrgang',
          cohort_name: 'Jahrgang', offers: 'Wir bieten', needs: 'Wir suchen', bio: 'Über uns', visible: 'Im Alumni-Netzwerk sichtbar',
          contact_email: 'Kontakt-E-Mail', field: 'Handlungsfeld', state: 'Bundesland', city: 'Ort', project_name: 'Projekt',
          transfer_model: 'Transfermodell', website: 'Website', q: 'Suche (Organisation, Projekt, Angebote, Bedarfe)',
          created_at: 'Angelegt', updated_at: 'Geändert',
        },
        helper: {
          topics: 'Themen durch Komma getrennt, z. B. „Ehrenamtsmanagement, Fundraising, Wirkungsmessung“.',
          visible: 'Einwilligung: Erst wenn eingeschaltet, sehen andere Alumni Ihr Profil. Das Programmteam sieht es immer.',
          contact_email: 'Wird anderen Alumni erst gezeigt, wenn Sie eine Vorstellungsanfrage angenommen haben.',
        },
        card: {
          hidden: 'unsichtbar', own: 'Ihr Profil', offers: 'Bietet', needs: 'Sucht', show: 'Ansehen', edit: 'Bearbeiten',
          contact_hidden: 'Kontaktdaten nach angenommener Vorstellung',
        },
        matches: {
          title: 'Passende Alumni', empty: 'Noch keine passenden Alumni. Tragen Sie Angebote und Bedarfe als Themen ein.',
          score: 'Punkte: %{score}', they_offer: 'bietet: %{offer} ↔ gesucht: %{need}', they_need: 'sucht: %{need} ↔ geboten: %{offer}',
          explain_they_offer: 'Die Organisation bietet, was hier gesucht wird', explain_they_need: 'Die Organisation sucht, was hier geboten wird',
        },
        introduce: {
          button: 'Vorstellung anfragen', title: 'Vorstellung bei %{name} anfragen', message: 'Ihre Nachricht',
          message_help: 'Worum geht es? Die Organisation sieht Ihren Namen und diese Nachricht; Kontaktdaten werden erst nach Annahme ausgetauscht.',
          send: 'Anfrage senden', sent: 'Anfrage gesendet.', pending: 'Anfrage offen', accepted: 'Vorgestellt',
        },
        mentors: {
          title: 'Alumni-Mentoring für Fellows', fellowship: 'Fellow (Förderung)', needs: 'Bedarfe des Fellows (leer = Ziele der Förderung)',
          search: 'Passende Alumni suchen', empty: 'Keine passenden Alumni gefunden.', menu: 'Alumni-Mentoring',
        },
      },
      introductions: {
        name: 'Vorstellung |||| Vorstellungen',
        fields: {
          from_organisation_id: 'Von', from_organisation_name: 'Von', to_organisation_id: 'An', to_organisation_name: 'An',
          message: 'Nachricht', status: 'Status', direction: 'Richtung', created_at: 'Angefragt am', responded_at: 'Beantwortet am',
          contact_email: 'Kontakt-E-Mail', contact_people: 'Ansprechpersonen', note: 'Antwort (optional)',
        },
        actions: {
          accept: 'Annehmen', decline: 'Ablehnen', accepted: 'Anfrage angenommen – die Kontaktdaten sind jetzt ausgetauscht.',
          declined: 'Anfrage abgelehnt.', confirm_accept: 'Anfrage annehmen? Ihre Kontaktdaten werden dann an %{name} weitergegeben.',
        },
        contact_hidden: 'Kontaktdaten werden angezeigt, sobald die Anfrage angenommen ist.',
        tabs: { incoming: 'Eingang', outgoing: 'Gesendet', all: 'Alle' },
      },
      'alumni-events': {
        name: 'Alumni-Treffen |||| Alumni-Treffen',
        fields: {
          title: 'Titel', kind: 'Art', starts_at: 'Beginn', ends_at: 'Ende', location: 'Ort', online_url: 'Online-Link',
          cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', cohort_year: 'Jahrgang', description: 'Beschreibung',
        },
      },
    },
  },
  en: {
    resources: {
      'alumni-profiles': {
        name: 'Alumni profile |||| Alumni network',
        fields: {
          organisation_id: 'Organisation', organisation_name: 'Organisation', cohort_id: 'Cohort', cohort_year: 'Cohort',
          cohort_name: 'Cohort', offers: 'We offer', needs: 'We need', bio: 'About us', visible: 'Visible in the alumni network',
          contact_email: 'Contact e-mail', field: 'Field', state: 'Federal state', city: 'City', project_name: 'Project',
          transfer_model: 'Transfer model', website: 'Website', q: 'Search (organisation, project, offers, needs)',
          created_at: 'Created', updated_at: 'Updated',
        },
        helper: {
          topics: 'Topics separated by commas, e.g. "volunteer management, fundraising, impact measurement".',
          visible: 'Consent: other alumni see your profile only when this is on. Programme staff always see it.',
          contact_email: 'Shown to other alumni only after you accepted their introduction request.',
        },
        card: {
          hidden: 'hidden', own: 'Your profile', offers: 'Offers', needs: 'Needs', show: 'Open', edit: 'Edit',
          contact_hidden: 'Contact details after an accepted introduction',
        },
        matches: {
          title: 'Matching alumni', empty: 'No matching alumni yet. Enter offers and needs as topics.',
          score: 'Score: %{score}', they_offer: 'offers: %{offer} ↔ needed here: %{need}', they_need: 'needs: %{need} ↔ offered here: %{offer}',
          explain_they_offer: 'This organisation offers what is needed here', explain_they_need: 'This organisation needs what is offered here',
        },
        introduce: {
          button: 'Request introduction', title: 'Request an introduction to %{name}', message: 'Your message',
          message_help: 'What is it about? The organisation sees your name and this message; contact details are exchanged only after acceptance.',
          send: 'Send request', sent: 'Request sent.', pending: 'Request pending', accepted: 'Introduced',
        },
        mentors: {
          title: 'Alumni mentoring for fellows', fellowship: 'Fellow (fellowship)', needs: 'Fellow’s needs (empty = fellowship goals)',
          search: 'Find matching alumni', empty: 'No matching alumni found.', menu: 'Alumni mentoring',
        },
      },
      introductions: {
        name: 'Introduction |||| Introductions',
        fields: {
          from_organisation_id: 'From', from_organisation_name: 'From', to_organisation_id: 'To', to_organisation_name: 'To',
          message: 'Message', status: 'Status', direction: 'Direction', created_at: 'Requested on', responded_at: 'Answered on',
          contact_email: 'Contact e-mail', contact_people: 'Contact persons', note: 'Reply (optional)',
        },
        actions: {
          accept: 'Accept', decline: 'Decline', accepted: 'Request accepted – contact details are now shared.',
          declined: 'Request declined.', confirm_accept: 'Accept this request? Your contact details will be shared with %{name}.',
        },
        contact_hidden: 'Contact details appear once the request has been accepted.',
        tabs: { incoming: 'Incoming', outgoing: 'Sent', all: 'All' },
      },
      'alumni-events': {
        name: 'Alumni event |||| Alumni events',
        fields: {
          title: 'Title', kind: 'Kind', starts_at: 'Starts', ends_at: 'Ends', location: 'Location', online_url: 'Online link',
          cohort_id: 'Cohort', cohort_name: 'Cohort', cohort_year: 'Cohort', description: 'Description',
        },
      },
    },
  },
};
