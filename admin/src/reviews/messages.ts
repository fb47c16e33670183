import type { FeatureMessages } from '../i18n/types.ts';

/** Jury scoring, conflicts of interest and rankings (German first). */
export const juryMessages: FeatureMessages = {
  de: {
    resources: {
      reviews: {
        name: 'Bewertung |||| Bewertungen',
        my_menu: 'Meine Bewerbungen',
        unassign: 'Zuweisung aufheben',
        unassign_confirm: 'Das Jurymitglied bewertet diese Bewerbung dann nicht mehr; was es bisher eingetragen hat, wird gelöscht. Eine abgegebene Bewertung bleibt immer bestehen.',
        fields: {
          id: 'Nr.', application_id: 'Bewerbung', juror_id: 'Jurymitglied', juror_name: 'Jurymitglied', cohort_id: 'Jahrgang',
          status: 'Status', organisation_name: 'Organisation', project_name: 'Projekt', recommendation: 'Empfehlung',
          overall_comment: 'Gesamteindruck', submitted_at: 'Abgegeben am', updated_at: 'Zuletzt gespeichert', progress: 'Fortschritt',
          score: 'Punkte', comment: 'Kommentar zu diesem Kriterium', q: 'Suche',
        },
        application: {
          title: 'Die Bewerbung', summary: 'Zusammenfassung', transfer_model: 'Transfermodell', target_regions: 'Zielregionen',
          impact_evidence: 'Wirkungsnachweis', scaling_goals: 'Skalierungsziele', team: 'Team', funding_requested_cents: 'Beantragte Förderung',
          budget_plan: 'Finanzplan', motivation: 'Motivation', blind_hint: 'Kontaktdaten der Organisation sind für die Jury ausgeblendet.',
          attachments: 'Anlagen', no_attachments: 'Keine Anlagen eingereicht.',
        },
        scoring: {
          title: 'Bewertung', criteria: 'Kriterien', weight: 'Gewicht %{weight}', range: '0 bis %{max} Punkte',
          save_draft: 'Entwurf speichern', submit: 'Bewertung abgeben', submitted: 'Bewertung abgegeben. Vielen Dank!',
          confirm_title: 'Bewertung endgültig abgeben?', confirm_text: 'Nach der Abgabe können Sie die Bewertung nicht mehr ändern.',
          read_only: 'Diese Bewertung wurde am %{date} abgegeben und kann nicht mehr geändert werden.',
          incomplete: 'Zum Abgeben müssen alle Kriterien bewertet und eine Empfehlung gewählt sein.',
          progress: '%{scored} von %{total} Kriterien', in_progress: 'in Arbeit – Punkte erst nach Abgabe sichtbar',
          no_criteria: 'Für diesen Jahrgang sind noch keine Kriterien festgelegt.', empty: 'Ihnen sind noch keine Bewerbungen zugewiesen.',
          total: 'Gewichtete Punktzahl: %{score} von 100',
          total_pending: 'Gewichtete Punktzahl: sobald alle Kriterien bewertet sind (%{scored} von %{total}).',
          out_of_range: 'Bitte eine ganze Zahl von 0 bis %{max} Punkte.',
        },
      },
      conflicts: {
        name: 'Interessenkonflikt |||| Interessenkonflikte',
        fields: {
          juror_id: 'Jurymitglied', juror_name: 'Jurymitglied', organisation_id: 'Organisation', organisation_name: 'Organisation',
          reason: 'Grund', created_at: 'Eingetragen am', created_by: 'Eingetragen von', q: 'Suche',
        },
        helper: {
          organisation_id: 'Organisationen mit einer Bewerbung im laufenden Verfahren.',
          reason: 'z. B. Vorstandsmitglied, Verwandtschaft, Beratungsmandat. Sie bekommen diese Bewerbung dann weder zugewiesen noch zu sehen.',
        },
        empty: 'Keine Interessenkonflikte eingetragen.',
      },
      'conflict-candidates': { name: 'Organisation |||| Organisationen', fields: { name: 'Name' } },
      rankings: {
        name: 'Rangliste |||| Ranglisten',
        fields: {
          rank: 'Rang', application_id: 'Bewerbung', organisation_name: 'Organisation', project_name: 'Projekt', status: 'Status',
          review_count: 'Bewertungen', assigned_count: 'Zugewiesen', weighted_score: 'Gewichtet (0–100)',
          normalised_score: 'Normalisiert (z)', spread: 'Spannweite', disagreement: 'Uneinigkeit', cohort_id: 'Jahrgang',
          partial: 'Unvollständig',
        },
        partial_chip: '%{submitted} von %{assigned} abgegeben',
        ranking_hint: 'Der Rang folgt dem normalisierten Wert (z-Werte je Jurymitglied), bei Gleichstand dem gewichteten – wie im CSV-Export und im Auswahlbericht.',
        cohort: 'Jahrgang', no_cohort: 'Noch kein Jahrgang angelegt.', export: 'CSV exportieren',
        disagreement: 'Jury uneinig', breakdown: 'Bewertungen je Jurymitglied (nur abgegebene)', no_reviews: 'Noch keine abgegebene Bewertung.',
        juror: 'Jurymitglied', score: 'Punkte (0–100)', z: 'z-Wert', recommendation: 'Empfehlung', comment: 'Gesamteindruck',
        progress: {
          title: 'Fortschritt der Jury', juror: 'Jurymitglied', assigned: 'Zugewiesen', started: 'Begonnen', submitted: 'Abgegeben',
          conflicted: 'Konflikte', share: 'Erledigt',
        },
        assign: {
          button: 'Jury zuweisen', title: 'Jury zuweisen', per_application: 'Jurymitglieder je Bewerbung',
          text: 'Jede förderfähige Bewerbung bekommt so viele Jurymitglieder, gleichmäßig verteilt und nie mit Interessenkonflikt. Bereits begonnene Bewertungen bleiben, wie sie sind; ein erneuter Aufruf ändert nur, was nötig ist.',
          confirm: 'Zuweisen', done: 'Zuweisung: %{created} neu, %{moved} umverteilt, %{removed} entfernt.',
          unfilled: '%{smart_count} Bewerbung konnte wegen Konflikten nicht vollständig besetzt werden. |||| %{smart_count} Bewerbungen konnten wegen Konflikten nicht vollständig besetzt werden.',
        },
      },
    },
  },
  en: {
    resources: {
      reviews: {
        name: 'Review |||| Reviews',
        my_menu: 'My applications',
        unassign: 'Remove assignment',
        unassign_confirm: 'The juror will no longer score this application; what they have entered so far is deleted. A submitted review always stays.',
        fields: {
          id: 'No.', application_id: 'Application', juror_id: 'Juror', juror_name: 'Juror', cohort_id: 'Cohort',
          status: 'Status', organisation_name: 'Organisation', project_name: 'Project', recommendation: 'Recommendation',
          overall_comment: 'Overall impression', submitted_at: 'Submitted at', updated_at: 'Last saved', progress: 'Progress',
          score: 'Points', comment: 'Comment on this criterion', q: 'Search',
        },
        application: {
          title: 'The application', summary: 'Summary', transfer_model: 'Transfer model', target_regions: 'Target regions',
          impact_evidence: 'Evidence of impact', scaling_goals: 'Scaling goals', team: 'Team', funding_requested_cents: 'Funding requested',
          budget_plan: 'Budget plan', motivation: 'Motivation', blind_hint: "The organisation's contact details are hidden from the jury.",
          attachments: 'Attachments', no_attachments: 'No attachments submitted.',
        },
        scoring: {
          title: 'Review', criteria: 'Criteria', weight: 'Weight %{weight}', range: '0 to %{max} points',
          save_draft: 'Save draft', submit: 'Submit review', submitted: 'Review submitted. Thank you!',
          confirm_title: 'Submit the review for good?', confirm_text: 'Once submitted, the review can no longer be changed.',
          read_only: 'This review was submitted on %{date} and can no longer be changed.',
          incomplete: 'To submit, score every criterion and choose a recommendation.',
          progress: '%{scored} of %{total} criteria', in_progress: 'in progress – points visible after submission',
          no_criteria: 'No criteria have been set for this cohort yet.', empty: 'No applications have been assigned to you yet.',
          total: 'Weighted score: %{score} of 100',
          total_pending: 'Weighted score: once every criterion is scored (%{scored} of %{total}).',
          out_of_range: 'Please give a whole number from 0 to %{max} points.',
        },
      },
      conflicts: {
        name: 'Conflict of interest |||| Conflicts of interest',
        fields: {
          juror_id: 'Juror', juror_name: 'Juror', organisation_id: 'Organisation', organisation_name: 'Organisation',
          reason: 'Reason', created_at: 'Entered at', created_by: 'Entered by', q: 'Search',
        },
        helper: {
          organisation_id: 'Organisations with an application in the current call.',
          reason: 'e.g. board member, family tie, consulting mandate. You will neither be assigned nor see this application.',
        },
        empty: 'No conflicts of interest entered.',
      },
      'conflict-candidates': { name: 'Organisation |||| Organisations', fields: { name: 'Name' } },
      rankings: {
        name: 'Ranking |||| Rankings',
        fields: {
          rank: 'Rank', application_id: 'Application', organisation_name: 'Organisation', project_name: 'Project', status: 'Status',
          review_count: 'Reviews', assigned_count: 'Assigned', weighted_score: 'Weighted (0–100)',
          normalised_score: 'Normalised (z)', spread: 'Spread', disagreement: 'Disagreement', cohort_id: 'Cohort',
          partial: 'Incomplete',
        },
        partial_chip: '%{submitted} of %{assigned} submitted',
        ranking_hint: 'The rank follows the normalised score (z-scores per juror), ties by the weighted one – as in the CSV export and the selection report.',
        cohort: 'Cohort', no_cohort: 'No cohort yet.', export: 'Export CSV',
        disagreement: 'Jury disagrees', breakdown: 'Reviews per juror (submitted only)', no_reviews: 'No submitted review yet.',
        juror: 'Juror', score: 'Points (0–100)', z: 'z-score', recommendation: 'Recommendation', comment: 'Overall impression',
        progress: {
          title: 'Jury progress', juror: 'Juror', assigned: 'Assigned', started: 'Started', submitted: 'Submitted',
          conflicted: 'Conflicts', share: 'Done',
        },
        assign: {
          button: 'Assign jury', title: 'Assign jury', per_application: 'Jurors per application',
          text: 'Every eligible application gets this many jurors, spread evenly and never with a conflict of interest. Started reviews stay as they are; calling again changes only what must change.',
          confirm: 'Assign', done: 'Assignment: %{created} new, %{moved} moved, %{removed} removed.',
          unfilled: '%{smart_count} application could not be fully staffed because of conflicts. |||| %{smart_count} applications could not be fully staffed because of conflicts.',
        },
      },
    },
  },
};
