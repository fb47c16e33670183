import type { FeatureMessages } from '../i18n/types.ts';

/** Grant disbursement: tranches, four-eyes approval, payments, bank exports (German first). */
export const disbursementMessages: FeatureMessages = {
  de: {
    resources: {
      disbursements: {
        name: 'Tranche |||| Tranchen',
        fields: {
          fellowship_id: 'Förderung', cohort_id: 'Jahrgang', cohort_name: 'Jahrgang', organisation_id: 'Organisation', organisation_name: 'Organisation',
          label: 'Bezeichnung', amount_cents: 'Betrag', due_on: 'Fällig am', milestone_id: 'Meilenstein', milestone_title: 'Meilenstein',
          milestone_status: 'Meilenstein-Status', grantee_report_id: 'Bericht', grantee_report_status: 'Berichtsstatus', status: 'Status', created_by: 'Geplant von', created_by_name: 'Geplant von',
          approved_by: 'Freigegeben von', approved_by_name: 'Freigegeben von', approved_at: 'Freigegeben am', paid_at: 'Ausgezahlt am',
          payment_reference: 'Zahlungsreferenz', cancelled_at: 'Storniert am', export_id: 'Export', to_approve: 'Von mir freizugeben',
          created_at: 'Angelegt', updated_at: 'Geändert', money_editors: 'Geplant oder geändert von', payee: 'Zahlungsempfänger',
          payee_account_holder: 'Kontoinhaber (bei Freigabe)', payee_iban: 'IBAN (bei Freigabe)', payee_bic: 'BIC (bei Freigabe)',
          bank_changed_at: 'Bankverbindung geändert am', bank_change_note: 'Hinweis zur Bankverbindung',
          current_account_holder: 'Kontoinhaber (aktuell)', current_iban: 'IBAN (aktuell)', current_bic: 'BIC (aktuell)',
        },
        payee: {
          changed: 'Bankverbindung geändert', changed_at: 'Bankverbindung der Organisation geändert am %{at}.',
          check: 'Bitte die neue Bankverbindung bei der Organisation bestätigen lassen (z. B. telefonisch über die bekannte Nummer), bevor Sie freigeben.',
        },
        helper: {
          milestone_id: 'Optional: Die Tranche kann erst freigegeben werden, wenn dieser Meilenstein erreicht ist (z. B. Transferbonus nach dem Transferkonzept).',
          amount_cents: 'Die Summe aller nicht stornierten Tranchen darf die bewilligte Förderung nicht übersteigen.',
          grantee_report_id: 'Optional: Die Tranche kann erst freigegeben werden, wenn dieser Bericht angenommen ist (z. B. Schlussrate nach dem Schlussbericht).',
        },
        actions: {
          approve: 'Freigeben', approved: 'Tranche freigegeben.', pay: 'Zahlung erfassen', paid: 'Zahlung erfasst.',
          cancel: 'Stornieren', cancelled: 'Tranche storniert.', confirm_cancel: 'Tranche „%{label}“ (%{amount}) für %{organisation} wirklich stornieren? Das Budget wird wieder frei.',
          pay_title: 'Zahlung erfassen: %{label}', pay_text: '%{amount} an %{organisation} – bitte die Referenz der Überweisung (z. B. aus dem Kontoauszug) angeben.',
          own_tranche: 'Von Ihnen geplant – die Freigabe muss eine zweite Person erteilen (Vier-Augen-Prinzip).',
          edited_tranche: 'Sie haben Betrag, Bezeichnung, Fälligkeit, Meilenstein oder die Bankverbindung geändert – die Freigabe muss eine andere Person erteilen (Vier-Augen-Prinzip).',
          milestone_open: 'Meilenstein noch nicht erreicht',
          report_open: 'Der verknüpfte Bericht ist noch nicht angenommen',
          plan: 'Tranche planen',
          approve_title: 'Tranche „%{label}“ freigeben?',
          approve_text: 'Mit der Freigabe wird die Tranche zur Überweisung an dieses Konto bereit. Die Bankverbindung wird so in die Tranche übernommen; ändert die Organisation sie später, muss neu freigegeben werden.',
          payee_holder: 'Zahlungsempfänger', no_iban: 'Für diese Organisation ist keine IBAN hinterlegt – ein Export wäre nicht möglich.',
        },
        to_approve: {
          menu: 'Freizugeben', title: 'Tranchen zur Freigabe (zweites Augenpaar)',
          intro: 'Geplante Tranchen, die andere angelegt und geändert haben. Tranchen mit Meilenstein lassen sich erst freigeben, wenn der Meilenstein erreicht ist. Die Freigabe übernimmt die aktuelle Bankverbindung der Organisation in die Tranche; ändert sie sich danach, muss neu freigegeben werden.',
          empty: 'Keine Tranchen warten auf Ihre Freigabe.',
        },
        funding: {
          menu: 'Förderübersicht', title: 'Förderübersicht', cohort: 'Jahrgang', fellowship: 'Förderung', organisation: 'Organisation',
          to_approve: 'Zur Freigabe', overdue: 'Überfällig', total: 'Summe (%{smart_count} Förderung) |||| Summe (%{smart_count} Förderungen)', tranches: 'Tranchen',
          empty: 'In diesem Jahrgang gibt es noch keine Förderungen.',
        },
        export: {
          csv: 'CSV für die Buchhaltung', sepa: 'SEPA-Überweisungsdatei', created: 'Export %{message_id}: %{smart_count} Tranche, %{amount}. |||| Export %{message_id}: %{smart_count} Tranchen, %{amount}.',
          help: 'Zeigt zuerst, welche freigegebenen, noch nicht exportierten Tranchen dieses Jahrgangs der Export nimmt. Jede Tranche wird nur einmal zur Zahlung exportiert.',
          title_csv: 'CSV für die Buchhaltung: %{cohort}', title_sepa: 'SEPA-Überweisungsdatei: %{cohort}',
          summary: '%{smart_count} Tranche, Summe %{amount}, wird als exportiert markiert. |||| %{smart_count} Tranchen, Summe %{amount}, werden als exportiert markiert.',
          what_changes_csv: 'Danach sind diese Tranchen nicht mehr stornierbar und in keinem weiteren Export (auch nicht in einer SEPA-Datei) enthalten. Als ausgezahlt gelten sie erst, wenn Sie die Zahlung erfassen.',
          what_changes_sepa: 'Die Datei geht an die Bank; danach sind diese Tranchen nicht mehr stornierbar und in keinem weiteren Export enthalten. Als ausgezahlt gelten sie erst, wenn Sie die Zahlung erfassen.',
          execution: 'Ausführung (nie vor der Fälligkeit):',
          execution_group: '%{date}: %{smart_count} Tranche, %{amount} |||| %{date}: %{smart_count} Tranchen, %{amount}',
          bank_problems: 'Export nicht möglich, Bankdaten fehlen oder sind ungültig:',
          empty: 'In diesem Jahrgang gibt es keine freigegebenen, noch nicht exportierten Tranchen.',
          confirm: 'Exportieren',
        },
        read_only: {
          paid: 'Ausgezahlt – die Tranche kann nicht mehr geändert oder gelöscht werden.',
          exported: 'Für die Überweisung exportiert – die Tranche kann nicht mehr geändert, gelöscht oder storniert werden. Erfassen Sie die Zahlung, sobald der Kontoauszug sie zeigt.',
          approved: 'Freigegeben – Änderungen sind nicht mehr möglich; zum Ändern stornieren und neu planen.',
          cancelled: 'Storniert.',
        },
      },
      'disbursement-exports': {
        name: 'Zahlungsexport |||| Zahlungsexporte',
        fields: {
          id: 'Nr.', format: 'Format', message_id: 'Nachrichten-ID', tranche_count: 'Tranchen', total_cents: 'Summe', cohort_id: 'Jahrgang',
          execution_date: 'Ausführung (spätestens)', created_by_name: 'Erstellt von', created_at: 'Erstellt am',
        },
        download: 'Datei laden', download_csv: 'CSV laden', new: 'Neuer Export (je Jahrgang, Förderübersicht)',
      },
    },
  },
  en: {
    resources: {
      disbursements: {
        name: 'Tranche |||| Tranches',
        fields: {
          fellowship_id: 'Fellowship', cohort_id: 'Cohort', cohort_name: 'Cohort', organisation_id: 'Organisation', organisation_name: 'Organisation',
          label: 'Label', amount_cents: 'Amount', due_on: 'Due on', milestone_id: 'Milestone', milestone_title: 'Milestone',
          milestone_status: 'Milestone status', grantee_report_id: 'Report', grantee_report_status: 'Report status', status: 'Status', created_by: 'Planned by', created_by_name: 'Planned by',
          approved_by: 'Approved by', approved_by_name: 'Approved by', approved_at: 'Approved at', paid_at: 'Paid at',
          payment_reference: 'Payment reference', cancelled_at: 'Cancelled at', export_id: 'Export', to_approve: 'Waiting for my approval',
          created_at: 'Created', updated_at: 'Updated', money_editors: 'Planned or changed by', payee: 'Payee',
          payee_account_holder: 'Account holder (at approval)', payee_iban: 'IBAN (at approval)', payee_bic: 'BIC (at approval)',
          bank_changed_at: 'Bank details changed at', bank_change_note: 'Note on the bank details',
          current_account_holder: 'Account holder (current)', current_iban: 'IBAN (current)', current_bic: 'BIC (current)',
        },
        payee: {
          changed: 'Bank details changed', changed_at: 'The organisation’s bank details changed on %{at}.',
          check: 'Please have the organisation confirm the new bank details (e.g. by phone, using the number you already know) before approving.',
        },
        helper: {
          milestone_id: 'Optional: the tranche can only be approved once this milestone is achieved (e.g. the transfer bonus after the transfer concept).',
          amount_cents: 'The sum of all non-cancelled tranches may not exceed the fellowship grant.',
          grantee_report_id: 'Optional: the tranche can only be approved once this report is accepted (e.g. the final instalment after the final report).',
        },
        actions: {
          approve: 'Approve', approved: 'Tranche approved.', pay: 'Record payment', paid: 'Payment recorded.',
          cancel: 'Cancel', cancelled: 'Tranche cancelled.', confirm_cancel: 'Really cancel tranche "%{label}" (%{amount}) for %{organisation}? Its budget becomes free again.',
          pay_title: 'Record payment: %{label}', pay_text: '%{amount} to %{organisation} – please enter the reference of the transfer (e.g. from the bank statement).',
          own_tranche: 'Planned by you – a second person must approve it (four eyes).',
          edited_tranche: 'You changed its amount, label, due date, milestone or the bank details – someone else must approve it (four eyes).',
          milestone_open: 'Milestone not achieved yet',
          report_open: 'The linked report is not accepted yet',
          plan: 'Plan a tranche',
          approve_title: 'Approve tranche "%{label}"?',
          approve_text: 'Approving makes the tranche ready to be transferred to this account. These bank details are copied onto the tranche; if the organisation changes them later, it must be approved again.',
          payee_holder: 'Payee', no_iban: 'This organisation has no IBAN on record – an export would not be possible.',
        },
        to_approve: {
          menu: 'To approve', title: 'Tranches to approve (second pair of eyes)',
          intro: 'Planned tranches created and changed by others. Tranches tied to a milestone can only be approved once the milestone is achieved. Approval copies the organisation’s current bank details onto the tranche; if they change afterwards, it must be approved again.',
          empty: 'No tranches are waiting for your approval.',
        },
        funding: {
          menu: 'Funding overview', title: 'Funding overview', cohort: 'Cohort', fellowship: 'Fellowship', organisation: 'Organisation',
          to_approve: 'To approve', overdue: 'Overdue', total: 'Total (%{smart_count} fellowship) |||| Total (%{smart_count} fellowships)', tranches: 'Tranches',
          empty: 'This cohort has no fellowships yet.',
        },
        export: {
          csv: 'CSV for bookkeeping', sepa: 'SEPA transfer file', created: 'Export %{message_id}: %{smart_count} tranche, %{amount}. |||| Export %{message_id}: %{smart_count} tranches, %{amount}.',
          help: 'First shows which approved, not yet exported tranches of this cohort the export takes. A tranche is exported for payment only once.',
          title_csv: 'CSV for bookkeeping: %{cohort}', title_sepa: 'SEPA transfer file: %{cohort}',
          summary: '%{smart_count} tranche, total %{amount}, will be marked as exported. |||| %{smart_count} tranches, total %{amount}, will be marked as exported.',
          what_changes_csv: 'Afterwards these tranches can no longer be cancelled and are in no further export (not in a SEPA file either). They count as paid only once you record the payment.',
          what_changes_sepa: 'The file goes to the bank; afterwards these tranches can no longer be cancelled and are in no further export. They count as paid only once you record the payment.',
          execution: 'Execution (never before the due date):',
          execution_group: '%{date}: %{smart_count} tranche, %{amount} |||| %{date}: %{smart_count} tranches, %{amount}',
          bank_problems: 'Export not possible, bank details missing or invalid:',
          empty: 'This cohort has no approved, not yet exported tranches.',
          confirm: 'Export',
        },
        read_only: {
          paid: 'Paid – the tranche can no longer be changed or deleted.',
          exported: 'Exported for transfer – the tranche can no longer be changed, deleted or cancelled. Record the payment once the bank statement shows it.',
          approved: 'Approved – it can no longer be changed; to change it, cancel it and plan anew.',
          cancelled: 'Cancelled.',
        },
      },
      'disbursement-exports': {
        name: 'Payment export |||| Payment exports',
        fields: {
          id: 'No.', format: 'Format', message_id: 'Message ID', tranche_count: 'Tranches', total_cents: 'Total', cohort_id: 'Cohort',
          execution_date: 'Execution (latest)', created_by_name: 'Created by', created_at: 'Created at',
        },
        download: 'Download file', download_csv: 'Download CSV', new: 'New export (per cohort, funding overview)',
      },
    },
  },
};
