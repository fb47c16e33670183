import type { FeatureMessages } from '../i18n/types.ts';

/** Grant disbursement: tranches, four-eyes approval, payments, bank exports (German first). */
export const disbursementMessages: FeatureMessages = {
  de: {
    enums: {
      disbursement_status: { planned: 'geplant', approved: 'freigegeben', paid: 'ausgezahlt', cancelled: 'storniert' },
      export_format: { csv: 'CSV (Buchhaltung)', sepa: 'SEPA-XML (pain.001)' },
    },
    resources: {
      disbursements: {
        name: 'Tranche |||| Tranchen',
        fields: {
          fellowship_id: 'Förderung', cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', organisation_id: 'Organisation', organisation_name: 'Organisation',
          label: 'Bezeichnung', amount_cents: 'Betrag', due_on: 'Fällig am', milestone_id: 'Meilenstein', milestone_title: 'Meilenstein',
          milestone_status: 'Meilenstein-Status', status: 'Status', created_by: 'Geplant von', created_by_name: 'Geplant von',
          approved_by: 'Freigegeben von', approved_by_name: 'Freigegeben von', approved_at: 'Freigegeben am', paid_at: 'Ausgezahlt am',
          payment_reference: 'Zahlungsreferenz', cancelled_at: 'Storniert am', export_id: 'Export', to_approve: 'Von mir freizugeben',
          created_at: 'Angelegt', updated_at: 'Geändert', money_editors: 'Geplant oder geändert von', payee: 'Zahlungsempfänger',
          payee_account_holder: 'Kontoinhaber (bei Freigabe)', payee_iban: 'IBAN (bei Freigabe)', payee_bic: 'BIC (bei Freigabe)',
          bank_changed_at: 'Bankverbindung geändert am', bank_change_note: 'Hinweis zur Bankverbindung',
        },
        payee: {
          changed: 'Bankverbindung geändert', changed_at: 'Bankverbindung der Organisation geändert am %{at}.',
          check: 'Bitte die neue Bankverbindung bei der Organisation bestätigen lassen (z. B. telefonisch über die bekannte Nummer), bevor Sie freigeben.',
        },
        helper: {
          milestone_id: 'Optional: Die Tranche kann erst freigegeben werden, wenn dieser Meilenstein erreicht ist (z. B. Transferbonus nach dem Transferkonzept).',
          amount_cents: 'Die Summe aller nicht stornierten Tranchen darf die bewilligte Förderung nicht übersteigen.',
        },
        actions: {
          approve: 'Freigeben', approved: 'Tranche freigegeben.', pay: 'Zahlung erfassen', paid: 'Zahlung erfasst.',
          cancel: 'Stornieren', cancelled: 'Tranche storniert.', confirm_cancel: 'Tranche „%{label}“ (%{amount}) für %{organisation} wirklich stornieren? Das Budget wird wieder frei.',
          pay_title: 'Zahlung erfassen: %{label}', pay_text: '%{amount} an %{organisation} – bitte die Referenz der Überweisung (z. B. aus dem Kontoauszug) angeben.',
          own_tranche: 'Von Ihnen geplant – die Freigabe muss eine zweite Person erteilen (Vier-Augen-Prinzip).',
          edited_tranche: 'Sie haben Betrag, Bezeichnung, Fälligkeit, Meilenstein oder die Bankverbindung geändert – die Freigabe muss eine andere Person erteilen (Vier-Augen-Prinzip).',
          milestone_open: 'Meilenstein noch nicht erreicht',
          plan: 'Tranche planen',
        },
        milestone_status: { open: 'offen', achieved: 'erreicht', missed: 'verfehlt' },
        to_approve: {
          menu: 'Freizugeben', title: 'Tranchen zur Freigabe (zweites Augenpaar)',
          intro: 'Geplante Tranchen, die andere angelegt und geändert haben. Tranchen mit Meilenstein lassen sich erst freigeben, wenn der Meilenstein erreicht ist. Die Freigabe übernimmt die aktuelle Bankverbindung der Organisation in die Tranche; ändert sie sich danach, muss neu freigegeben werden.',
          empty: 'Keine Tranchen warten auf Ihre Freigabe.',
        },
        funding: {
          menu: 'Förderübersicht', title: 'Förderübersicht', cohort: 'Jahrgang', fellowship: 'Förderung', organisation: 'Organisation',
          granted: 'Bewilligt', planned: 'Geplant', approved: 'Freigegeben', paid: 'Ausgezahlt', open: 'Offen', unplanned: 'Noch nicht verplant',
          to_approve: 'Zur Freigabe', overdue: 'Überfällig', total: 'Summe (%{count} Förderungen)', tranches: 'Tranchen',
          empty: 'In diesem Jahrgang gibt es noch keine Förderungen.',
          legend: 'Offen = bewilligt − ausgezahlt. Geplant, freigegeben und ausgezahlt zählen jede Tranche genau einmal; stornierte Tranchen zählen nicht.',
          status: { active: 'aktiv', completed: 'abgeschlossen', withdrawn: 'zurückgezogen' },
        },
        export: {
          csv: 'CSV für die Buchhaltung', sepa: 'SEPA-Überweisungsdatei', created: 'Export %{message_id}: %{count} Tranchen, %{amount}.',
          help: 'Exportiert alle freigegebenen, noch nicht exportierten Tranchen dieses Jahrgangs. Jede Tranche wird nur einmal zur Zahlung exportiert.',
        },
      },
      'disbursement-exports': {
        name: 'Zahlungsexport |||| Zahlungsexporte',
        fields: {
          id: 'Nr.', format: 'Format', message_id: 'Nachrichten-ID', tranche_count: 'Tranchen', total_cents: 'Summe', cohort_id: 'Jahrgang',
          execution_date: 'Ausführung am', created_by_name: 'Erstellt von', created_at: 'Erstellt am',
        },
        download: 'Datei laden', download_csv: 'CSV laden',
      },
    },
  },
  en: {
    enums: {
      disbursement_status: { planned: 'planned', approved: 'approved', paid: 'paid', cancelled: 'cancelled' },
      export_format: { csv: 'CSV (bookkeeping)', sepa: 'SEPA XML (pain.001)' },
    },
    resources: {
      disbursements: {
        name: 'Tranche |||| Tranches',
        fields: {
          fellowship_id: 'Fellowship', cohort_id: 'Cohort', cohort_name: 'Cohort', organisation_id: 'Organisation', organisation_name: 'Organisation',
          label: 'Label', amount_cents: 'Amount', due_on: 'Due on', milestone_id: 'Milestone', milestone_title: 'Milestone',
          milestone_status: 'Milestone status', status: 'Status', created_by: 'Planned by', created_by_name: 'Planned by',
          approved_by: 'Approved by', approved_by_name: 'Approved by', approved_at: 'Approved at', paid_at: 'Paid at',
          payment_reference: 'Payment reference', cancelled_at: 'Cancelled at', export_id: 'Export', to_approve: 'Waiting for my approval',
          created_at: 'Created', updated_at: 'Updated', money_editors: 'Planned or changed by', payee: 'Payee',
          payee_account_holder: 'Account holder (at approval)', payee_iban: 'IBAN (at approval)', payee_bic: 'BIC (at approval)',
          bank_changed_at: 'Bank details changed at', bank_change_note: 'Note on the bank details',
        },
        payee: {
          changed: 'Bank details changed', changed_at: 'The organisation’s bank details changed on %{at}.',
          check: 'Please have the organisation confirm the new bank details (e.g. by phone, using the number you already know) before approving.',
        },
        helper: {
          milestone_id: 'Optional: the tranche can only be approved once this milestone is achieved (e.g. the transfer bonus after the transfer concept).',
          amount_cents: 'The sum of all non-cancelled tranches may not exceed the fellowship grant.',
        },
        actions: {
          approve: 'Approve', approved: 'Tranche approved.', pay: 'Record payment', paid: 'Payment recorded.',
          cancel: 'Cancel', cancelled: 'Tranche cancelled.', confirm_cancel: 'Really cancel tranche "%{label}" (%{amount}) for %{organisation}? Its budget becomes free again.',
          pay_title: 'Record payment: %{label}', pay_text: '%{amount} to %{organisation} – please enter the reference of the transfer (e.g. from the bank statement).',
          own_tranche: 'Planned by you – a second person must approve it (four eyes).',
          edited_tranche: 'You changed its amount, label, due date, milestone or the bank details – someone else must approve it (four eyes).',
          milestone_open: 'Milestone not achieved yet',
          plan: 'Plan a tranche',
        },
        milestone_status: { open: 'open', achieved: 'achieved', missed: 'missed' },
        to_approve: {
          menu: 'To approve', title: 'Tranches to approve (second pair of eyes)',
          intro: 'Planned tranches created and changed by others. Tranches tied to a milestone can only be approved once the milestone is achieved. Approval copies the organisation’s current bank details onto the tranche; if they change afterwards, it must be approved again.',
          empty: 'No tranches are waiting for your approval.',
        },
        funding: {
          menu: 'Funding overview', title: 'Funding overview', cohort: 'Cohort', fellowship: 'Fellowship', organisation: 'Organisation',
          granted: 'Granted', planned: 'Planned', approved: 'Approved', paid: 'Paid', open: 'Open', unplanned: 'Not yet planned',
          to_approve: 'To approve', overdue: 'Overdue', total: 'Total (%{count} fellowships)', tranches: 'Tranches',
          empty: 'This cohort has no fellowships yet.',
          legend: 'Open = granted − paid. Planned, approved and paid count every tranche exactly once; cancelled tranches do not count.',
          status: { active: 'active', completed: 'completed', withdrawn: 'withdrawn' },
        },
        export: {
          csv: 'CSV for bookkeeping', sepa: 'SEPA transfer file', created: 'Export %{message_id}: %{count} tranches, %{amount}.',
          help: 'Exports every approved, not yet exported tranche of this cohort. A tranche is exported for payment only once.',
        },
      },
      'disbursement-exports': {
        name: 'Payment export |||| Payment exports',
        fields: {
          id: 'No.', format: 'Format', message_id: 'Message ID', tranche_count: 'Tranches', total_cents: 'Total', cohort_id: 'Cohort',
          execution_date: 'Execution date', created_by_name: 'Created by', created_at: 'Created at',
        },
        download: 'Download file', download_csv: 'Download CSV',
      },
    },
  },
};
