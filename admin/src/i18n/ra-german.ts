/** react-admin 5 strings that ra-language-german (written for v3) lacks or words differently. */
export const raGerman = {
  ra: {
    action: {
      select_all_button: 'Alle auswählen',
      select_columns: 'Spalten',
      clear_array_input: 'Liste leeren',
      reset: 'Zurücksetzen',
      search_columns: 'Spalten suchen',
      toggle_theme: 'Hell/Dunkel',
      update_application: 'Anwendung neu laden',
      move_up: 'Nach oben',
      move_down: 'Nach unten',
      open: 'Öffnen',
      select_row: 'Zeile auswählen',
      select_all: 'Alle auswählen',
      unselect: 'Auswahl aufheben',
    },
    message: {
      clear_array_input: 'Möchten Sie die ganze Liste leeren?',
      select_all_limit_reached: 'Zu viele Einträge, es wurden nur die ersten %{max} ausgewählt.',
      placeholder_data_warning: 'Netzwerkproblem: Daten konnten nicht aktualisiert werden.',
    },
    page: {
      // v3 titled a record "Jahrgang #3"; v5 passes the record's own name.
      show: '%{name} %{recordRepresentation}',
      edit: '%{name} %{recordRepresentation}',
      access_denied: 'Zugriff verweigert',
      authentication_error: 'Anmeldefehler',
    },
    navigation: {
      no_filtered_results: 'Keine %{name} mit diesen Filtern gefunden.',
      clear_filters: 'Filter zurücksetzen',
      page_rows_per_page: 'Zeilen pro Seite:',
    },
    notification: {
      application_update_available: 'Eine neue Version ist verfügbar.',
      offline: 'Keine Verbindung. Bitte prüfen Sie Ihre Internetverbindung.',
    },
    sort: { ASC: 'aufsteigend', DESC: 'absteigend', sort_by: 'Sortieren nach %{field_lower_first} %{order}' },
    auth: { email: 'E-Mail', username: 'E-Mail', password: 'Passwort', sign_in: 'Anmelden', logout: 'Abmelden', user_menu: 'Profil' },
    saved_queries: {
      label: 'Gespeicherte Abfragen',
      query_name: 'Name der Abfrage',
      new_label: 'Aktuelle Abfrage speichern …',
      new_dialog_title: 'Aktuelle Abfrage speichern als',
      remove_label: 'Gespeicherte Abfrage löschen',
      remove_label_with_name: 'Abfrage "%{name}" löschen',
      remove_dialog_title: 'Gespeicherte Abfrage löschen?',
      remove_message: 'Möchten Sie diese Abfrage wirklich aus Ihren gespeicherten Abfragen entfernen?',
      help: 'Filtern Sie die Liste und speichern Sie die Abfrage für später',
    },
  },
};
