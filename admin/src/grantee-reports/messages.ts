import type { FeatureMessages } from '../i18n/types.ts';

/** Grantee reports (Verwendungsnachweis): request, write, submit, review (German first). */
export const granteeReportMessages: FeatureMessages = {
  de: {
    resources: {
      'grantee-reports': {
        name: 'Bericht |||| Berichte',
        fields: {
          fellowship_id: 'Förderung', cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', organisation_id: 'Organisation', organisation_name: 'Organisation',
          project_name: 'Projekt', kind: 'Art', status: 'Status', period_start: 'Zeitraum von', period_end: 'Zeitraum bis', period: 'Berichtszeitraum',
          due_on: 'Fällig am', overdue: 'Überfällig', achievements: 'Was wurde erreicht?', challenges: 'Herausforderungen', next_steps: 'Nächste Schritte',
          submitted_at: 'Eingereicht am', submitted_by_name: 'Eingereicht von', reviewed_at: 'Geprüft am', reviewed_by_name: 'Geprüft von',
          review_note: 'Anmerkung der Prüfung', report_expenses_cents: 'Ausgaben in diesem Bericht', expense_count: 'Ausgaben',
        },
        helper: {
          defaults: 'Leer lassen für die Vorgaben aus dem Programmjahr des Jahrgangs: Zwischenbericht über die ersten sechs Monate, fällig einen Monat danach; Schlussbericht über das ganze Jahr, fällig zwei Monate nach seinem Ende.',
          achievements: 'Pflicht zum Einreichen: Was hat die Förderung bewirkt?',
        },
        overdue: 'überfällig',
        request: 'Bericht anfordern',
        sections: { texts: 'Sachbericht', expenses: 'Ausgaben (zahlenmäßiger Nachweis)', budget: 'Plan und Ist je Kostenkategorie', history: 'Verlauf der Prüfung', totals: 'Mittel' },
        empty_text: 'Noch nicht ausgefüllt.',
        returned_note: 'Zur Überarbeitung zurückgegeben: %{note}',
        accepted_note: 'Angenommen. Anmerkung: %{note}',
        budget: {
          category: 'Kategorie', planned: 'Plan', actual: 'Ist (kumuliert)', deviation: 'Abweichung', over_limit: 'über Limit',
          legend: 'Ist = alle Ausgaben der Berichte dieser Förderung bis einschließlich dieses Berichts. „Über Limit“: mehr als Plan + 20 %.',
          empty: 'Noch kein Budgetplan und keine Ausgaben.',
        },
        totals: {
          planned: 'Geplant (Budget)', actual: 'Ausgegeben (bis zu diesem Bericht)', paid: 'Ausgezahlt an die Organisation', unspent: 'Nicht verwendet (zurückzuzahlen, falls nicht im nächsten Bericht verbraucht)',
          exceeds: 'Achtung: Die gemeldeten Ausgaben übersteigen die ausgezahlten Mittel um %{amount}.',
        },
        history: { empty: 'Noch keine Prüfung.', by: '%{outcome} am %{date} von %{name}' },
        actions: {
          submit: 'Einreichen', submitted: 'Bericht eingereicht.',
          confirm_submit_title: 'Bericht einreichen?',
          confirm_submit: 'Nach dem Einreichen können Sie Texte, Ausgaben und Belege nicht mehr ändern, bis das Programmteam den Bericht gegebenenfalls zurückgibt.',
          accept: 'Annehmen', accepted: 'Bericht angenommen.',
          accept_title: 'Bericht annehmen?',
          accept_text: 'Der Bericht wird angenommen und kann danach nicht mehr geändert werden. An den Bericht gebundene Tranchen lassen sich dann freigeben. Die Organisation erhält eine E-Mail.',
          accept_over: 'Über dem Limit (Plan + 20 %): %{categories}. Eine Annahme braucht eine Begründung.',
          return: 'Zurückgeben', returned: 'Bericht zurückgegeben.',
          return_title: 'Bericht zur Überarbeitung zurückgeben?',
          return_text: 'Die Organisation bekommt die Anmerkung per E-Mail, kann Texte und Ausgaben wieder bearbeiten und reicht erneut ein. Die Rückgabe bleibt im Verlauf sichtbar.',
          note: 'Anmerkung', note_required: 'Bitte eine Anmerkung angeben.',
          edit_texts: 'Texte bearbeiten',
          pdf: 'Verwendungsnachweis (PDF)',
        },
        expenses: {
          add: 'Ausgabe erfassen', edit: 'Ausgabe bearbeiten', delete: 'Ausgabe löschen', confirm_delete: 'Diese Ausgabe wirklich löschen?',
          saved: 'Ausgabe gespeichert.', deleted: 'Ausgabe gelöscht.', empty: 'Noch keine Ausgaben erfasst.', receipt: 'Beleg', no_receipt: 'ohne Beleg',
          upload: 'Beleg hochladen (PDF, PNG, JPEG, bis 10 MB)', uploaded: 'Beleg hochgeladen.', total: 'Summe dieses Berichts',
        },
        fellowship_tab: 'Berichte',
      },
      expenses: {
        name: 'Ausgabe |||| Ausgaben',
        fields: {
          category: 'Kategorie', spent_on: 'Datum', payee: 'Empfänger', description: 'Zweck', amount_cents: 'Betrag', receipt_attachment_id: 'Beleg',
          receipt_filename: 'Beleg',
        },
      },
    },
  },
  en: {
    resources: {
      'grantee-reports': {
        name: 'Report |||| Reports',
        fields: {
          fellowship_id: 'Fellowship', cohort_id: 'Cohort', cohort_name: 'Cohort', organisation_id: 'Organisation', organisation_name: 'Organisation',
          project_name: 'Project', kind: 'Kind', status: 'Status', period_start: 'Period from', period_end: 'Period to', period: 'Reporting period',
          due_on: 'Due on', overdue: 'Overdue', achievements: 'What was achieved?', challenges: 'Challenges', next_steps: 'Next steps',
          submitted_at: 'Submitted on', submitted_by_name: 'Submitted by', reviewed_at: 'Reviewed on', reviewed_by_name: 'Reviewed by',
          review_note: 'Review note', report_expenses_cents: 'Expenses in this report', expense_count: 'Expenses',
        },
        helper: {
          defaults: 'Leave empty for the defaults from the cohort’s programme year: interim report over the first six months, due one month later; final report over the whole year, due two months after it ends.',
          achievements: 'Required to submit: what did the grant achieve?',
        },
        overdue: 'overdue',
        request: 'Request report',
        sections: { texts: 'Narrative report', expenses: 'Expenses (financial statement)', budget: 'Plan and actual per cost category', history: 'Review history', totals: 'Funds' },
        empty_text: 'Not filled in yet.',
        returned_note: 'Returned for rework: %{note}',
        accepted_note: 'Accepted. Note: %{note}',
        budget: {
          category: 'Category', planned: 'Plan', actual: 'Actual (cumulative)', deviation: 'Deviation', over_limit: 'over limit',
          legend: 'Actual = all expenses of this fellowship’s reports up to and including this one. “Over limit”: more than plan + 20 %.',
          empty: 'No budget plan and no expenses yet.',
        },
        totals: {
          planned: 'Planned (budget)', actual: 'Spent (up to this report)', paid: 'Paid out to the organisation', unspent: 'Unspent (to be repaid unless used in the next report)',
          exceeds: 'Warning: the reported expenses exceed the funds paid out by %{amount}.',
        },
        history: { empty: 'Not reviewed yet.', by: '%{outcome} on %{date} by %{name}' },
        actions: {
          submit: 'Submit', submitted: 'Report submitted.',
          confirm_submit_title: 'Submit the report?',
          confirm_submit: 'Once submitted you can no longer change texts, expenses or receipts unless the programme team returns the report.',
          accept: 'Accept', accepted: 'Report accepted.',
          accept_title: 'Accept the report?',
          accept_text: 'The report is accepted and can no longer be changed. Tranches tied to it can then be approved. The organisation gets an e-mail.',
          accept_over: 'Over the limit (plan + 20 %): %{categories}. Accepting needs a reason.',
          return: 'Return', returned: 'Report returned.',
          return_title: 'Return the report for rework?',
          return_text: 'The organisation gets the note by e-mail, can edit texts and expenses again and submits again. The return stays visible in the history.',
          note: 'Note', note_required: 'Please enter a note.',
          edit_texts: 'Edit texts',
          pdf: 'Report (PDF)',
        },
        expenses: {
          add: 'Add expense', edit: 'Edit expense', delete: 'Delete expense', confirm_delete: 'Really delete this expense?',
          saved: 'Expense saved.', deleted: 'Expense deleted.', empty: 'No expenses yet.', receipt: 'Receipt', no_receipt: 'no receipt',
          upload: 'Upload receipt (PDF, PNG, JPEG, up to 10 MB)', uploaded: 'Receipt uploaded.', total: 'Total of this report',
        },
        fellowship_tab: 'Reports',
      },
      expenses: {
        name: 'Expense |||| Expenses',
        fields: {
          category: 'Category', spent_on: 'Date', payee: 'Payee', description: 'Purpose', amount_cents: 'Amount', receipt_attachment_id: 'Receipt',
          receipt_filename: 'Receipt',
        },
      },
    },
  },
};
