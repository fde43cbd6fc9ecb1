# Fahrplan — deutsche Texte (Referenzsprache).

## Statuswerte, Horizonte, Termintreue, Bewertungen, Rahmenwerke
status-planned = Geplant
status-in-progress = In Arbeit
status-done = Erledigt
status-on-hold = Zurückgestellt
status-cancelled = Abgebrochen
horizon-short = Kurzfristig
horizon-medium = Mittelfristig
horizon-long = Langfristig
horizon-short-long = Kurzfristig (sofort)
horizon-medium-long = Mittelfristig (1–2 Jahre)
horizon-long-long = Langfristig (2–3 Jahre)
health-overdue = Überfällig
health-not-started = Start verpasst
health-due-soon = Bald fällig
health-on-track = Im Plan
health-done = Erledigt
verdict-effective = Wirksam
verdict-partly = Teilweise wirksam
verdict-not-effective = Nicht wirksam
framework-itil4 = ITIL 4
framework-itil3 = ITIL v3
framework-vds3473 = VdS 3473
framework-bsi = BSI IT-Grundschutz
framework-other = Sonstiges

## Spalten und Felder
col-code = Nr.
col-title = Maßnahme
col-horizon = Horizont
col-owner = Verantwortlich
col-status = Status
col-progress = Fortschritt
col-due = Fällig
col-next-reevaluation = Nächste Prüfung
col-health = Termintreue
col-at = Zeitpunkt
col-who = Wer
col-field = Feld
col-old = Alt
col-new = Neu
col-comment = Kommentar
field-stakeholders = Beteiligte
field-start = Beginn
field-completed = Abgeschlossen am
field-interval = Prüfintervall
field-one-off = Geplant einmalig
field-yearly = Geplant jährlich
field-spent = Ausgegeben
field-depends-on = Hängt ab von
field-frameworks = Bezüge zu Rahmenwerken
field-description = Beschreibung
field-notes = Notizen
months = { $n ->
    [one] 1 Monat
   *[other] { $n } Monate
 }
next-with-interval = { $date } { $n ->
    [one] (jeden Monat)
   *[other] (alle { $n } Monate)
 }
section-reevaluations = Wirksamkeitsprüfungen
section-expenses = Ausgaben
none-yet = Noch keine.

## Fenster
menu-file = Datei
menu-new-default = Neuer Fahrplan mit Standardmaßnahmen …
menu-new-empty = Neuer leerer Fahrplan …
menu-open = Öffnen …
menu-save-copy = Kopie speichern unter …
menu-recent = Zuletzt geöffnet
menu-recent-none = Noch keine Dateien
menu-quit = Beenden
file-filter = Fahrplan-Dateien
label-language = Sprache
label-status = Neuer Status
label-comment = Kommentar
hint-comment = optional, z. B. Beschluss vom …
hint-sort = Klicken zum Sortieren
action-apply-status = Status übernehmen
action-close-message = Schließen
detail-none = Wählen Sie links eine Maßnahme aus, um alle Angaben zu sehen.
empty-roadmap = Dieser Fahrplan enthält noch keine Maßnahmen.
measures-count = { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 }
banner-viewer = Nur zum Ansehen geöffnet: Änderungen sind hier nicht möglich.
banner-locked = In Bearbeitung durch { $holder }. Sie sehen den zuletzt gespeicherten Stand; sobald die Datei frei ist, können Sie hier bearbeiten.
banner-read-only = Diese Datei ist schreibgeschützt geöffnet: Änderungen sind nicht möglich.
info-copy-saved = Kopie gespeichert: { $path }
history-seeded = Standardfahrplan angelegt

## Fehler
err-not-a-database = { $path } ist keine Fahrplan-Datei (keine SQLite-Datenbank). Die Datei wurde nicht verändert.
err-foreign = { $path } gehört zu einem anderen Programm und ist keine Fahrplan-Datei. Die Datei wurde nicht verändert.
err-damaged = { $path } ist beschädigt und kann nicht verwendet werden ({ $detail }). Die Datei wurde nicht verändert.
err-too-new = { $path } wurde mit einer neueren Fahrplan-Version erstellt. Bitte aktualisieren Sie Fahrplan. Die Datei wurde nicht verändert.
err-needs-migration = { $path } stammt von einer älteren Fahrplan-Version und kann schreibgeschützt nicht aktualisiert werden.
err-io = { $path } kann nicht geöffnet oder angelegt werden: { $detail }
err-no-file = Kein Fahrplan unter { $path }. Einen neuen legt „fahrplan new { $path }“ an.
cli-created = Neuer Fahrplan angelegt: { $path } ({ $n ->
    [one] eine Maßnahme
   *[other] { $n } Maßnahmen
})
create-offer-title = Kein Fahrplan an diesem Ort
create-offer-text = Unter { $path } gibt es noch keinen Fahrplan. Neu anlegen? (Er beginnt mit den 20 Maßnahmen aus Blumberg, die Sie ändern oder löschen können.)
create-offer-create = Neu anlegen
err-blocked = Die Datei { $path } neben dem Fahrplan gehört { $owner } und hindert Sie am Schreiben; Fahrplan darf sie weder ändern noch entfernen. Wer den Ordner verwaltet, kann prüfen, ob sie zu einer laufenden Bearbeitung gehört, und sie sonst entfernen. Es wurde nichts geändert.
banner-blocked = Schreibgeschützt: Die Datei { $path } gehört { $owner } und hindert Sie am Schreiben (Fahrplan darf sie nicht entfernen). Sie sehen den zuletzt gespeicherten Stand.
note-last-saved-state = Der letzte Schreibvorgang an dieser Datei wurde unterbrochen (etwa ein Absturz); gezeigt wird der zuletzt gespeicherte Stand. Wer die Datei bearbeiten darf, stellt sie beim nächsten Öffnen wieder her.
err-exists = { $path } gibt es bereits. Bitte wählen Sie einen anderen Namen.
lock-holder-unknown = jemandem, dessen Namen die Sperrdatei nicht nennt (wer es ist, lässt sich nicht feststellen)
lock-holder = { $user } ({ $host }) seit { $since }
err-locked = Der Fahrplan wird gerade bearbeitet von { $holder }. Es wurde nichts geändert; bitte später noch einmal versuchen.
err-interrupted = Ein Schreibvorgang an { $path } wurde unterbrochen (Absturz oder Netzwerkfehler). Die Datei wird wiederhergestellt, sobald sie jemand mit Schreibrecht öffnet; bis dahin kann sie hier nicht angezeigt werden.
err-gone = Der Eintrag wurde inzwischen entfernt. Es wurde nichts geändert.
err-not-a-login = { $role } ist keine Anmeldung einer Person (eine Gruppe, eine Anmeldung mit Mitgliedern, eine Rolle von Fahrplan oder des Servers); Rechte bekommen nur Anmeldungen. Es wurde nichts geändert.
reeval-confirmed-imported = { $by } { $date } (importiert: zählt erst, wenn hier bestätigt)
history-imported = importiert
hfield-replaced-import = Fahrplan ersetzt durch Import von
hfield-replaced-restore = Fahrplan ersetzt durch Wiederherstellung von
err-reason-needed = Bitte einen Grund angeben: er wird im Verlauf festgehalten.
hfield-evidence-purged = Nachweis gelöscht
info-evidence-purged = { $code }: „{ $name }“ endgültig gelöscht; der Verlauf hält Name, Größe, Prüfsumme, wer und warum fest. Ältere Sicherungen enthalten die Datei noch.
info-evidence-purged-shared = { $code }: „{ $name }“ entfernt; dieselbe Datei ist noch Nachweis einer anderen Stelle und bleibt deshalb gespeichert.
cli-unchanged = { $code }: schon { $value }; nichts geändert.
invalid-too-long = { $field }: { $len } Zeichen, höchstens { $max } sind erlaubt.
err-waited = Der Server hat zu lange gewartet (10 Sekunden auf eine Sperre, 30 auf einen Schritt), weil eine andere Verbindung den Fahrplan festhält (eine Aktualisierung des Schemas, ein Schreibvorgang oder ein offen gelassener Lesevorgang, etwa in psql). Bitte gleich noch einmal versuchen oder die Verwaltung des Servers fragen; es wurde nichts geändert.
unreadable-rows = { $n ->
    [one] Ein Eintrag kann nicht gelesen werden und wird ausgelassen
   *[other] { $n } Einträge können nicht gelesen werden und werden ausgelassen
} (außerhalb von Fahrplan geschrieben): { $rows }. Alles andere wird angezeigt; eine Sicherung der Datei enthält sie unverändert, eine Kopie vom Server wird verweigert.
hfield-unreadable = Nicht lesbarer Zeitpunkt
evidence-purge = Endgültig löschen …
evidence-purge-tip = „{ $name }“ endgültig aus dem Fahrplan löschen (Datenschutz), ohne Rückgängig
evidence-purge-title = „{ $name }“ endgültig löschen?
evidence-purge-explain = Die Datei wird aus dem Fahrplan entfernt; kein Rückgängig bringt sie zurück. Der Verlauf behält „Nachweis gelöscht“ mit Name, Größe, Prüfsumme, wer und warum. Ältere Sicherungen enthalten sie noch.
evidence-purge-reason = Grund (wird im Verlauf festgehalten)
evidence-purge-confirm = Endgültig löschen
unreadable-kind-measure = Maßnahme { $name }
unreadable-kind-expense = Ausgabe zu { $name }
unreadable-kind-reevaluation = Wirksamkeitsprüfung zu { $name }
unreadable-kind-meeting = Sitzung „{ $name }“
unreadable-kind-baseline = Beschlussstand „{ $name }“
unreadable-kind-owner = Stelle „{ $name }“
unreadable-kind-evidence = Nachweis zu { $name }
unreadable-kind-framework_ref = Rahmenwerksbezug von { $name }
hfield-planned_start = Beginn
hfield-date = Datum
hfield-amount_cents = Betrag
hfield-verdict = Ergebnis
hfield-confirmed_at = Bestätigt am
hfield-archived_on = Archiviert am
hfield-reeval_interval_months = Prüfintervall
hfield-data = Inhalt
unreadable-more = und { $n } weitere (alle nennt „fahrplan check“)
err-unreadable-copy = { $n } Einträge können nicht gelesen werden (außerhalb von Fahrplan geschrieben, „fahrplan check“ nennt sie); eine Kopie würde sie verlieren und wird deshalb nicht gemacht. Bitte zuerst die Einträge berichtigen; es wurde nichts geändert.
unreadable-field = { $what }: { $field } „{ $value }“
hfield-note = Notiz
hfield-framework = Rahmenwerk
hfield-kind = Art
hfield-by_whom = Geprüft von
hfield-confirmed_by = Bestätigt von
hfield-owner_id = Verantwortlich
hfield-version = Version
hfield-confirmation_imported = Bestätigung importiert
err-admin-only = Den ganzen Fahrplan ersetzen (Import, Wiederherstellung) dürfen nur seine Administratoren; es wurde nichts geändert. Eine Administratorin oder ein Administrator gibt das Recht mit „fahrplan server grant LOGIN admin“.
err-read-only = Der Fahrplan ist schreibgeschützt geöffnet; es wurde nichts geändert.
err-conflict = Maßnahme { $code } wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert; die aktuellen Werte werden angezeigt.
err-busy = Die Datei wird gerade von einem anderen Programm benutzt. Bitte versuchen Sie es gleich noch einmal; es wurde nichts geändert.
err-disk-full = Der Datenträger ist voll. Es wurde nichts geändert; bitte schaffen Sie Platz und versuchen Sie es erneut.
err-migration = Die Datei konnte nicht auf das aktuelle Format gebracht werden: { $detail }
err-seed = Der mitgelieferte Standardfahrplan ist fehlerhaft: { $detail }
cli-server-needs-url = Dieser Befehl braucht einen Server: --db postgresql://BENUTZER@RECHNER/DATENBANK
cli-server-needs-roadmap = Bitte nennen Sie den Fahrplan mit --roadmap NAME.
cli-server-created = Fahrplan „{ $name }“ auf dem Server angelegt (Rollen fahrplan_{ $name }_editor und fahrplan_{ $name }_viewer).
cli-server-granted = { $login } ist jetzt { $role ->
    [editor] Bearbeiter
   *[other] Leser
 } von „{ $name }“.
cli-server-revoked = { $login } hat keine Rolle mehr in „{ $name }“.
err-server = Keine Verbindung zum Server { $host }: { $reason }
server-refused = die Verbindung wurde abgelehnt (läuft der Server, stimmt der Port?)
server-unknown-host = der Rechnername ist unbekannt
server-timeout = keine Antwort innerhalb von 10 Sekunden
server-authentication = Benutzername oder Passwort wurden nicht angenommen
server-not-admitted = der Server lässt diese Verbindung nicht zu (Rechner, Benutzer oder fehlende Verschlüsselung; siehe pg_hba.conf)
server-tls = die verschlüsselte Verbindung kam nicht zustande ({ $detail })
server-closed = die Verbindung wurde unterbrochen
err-bad-url = Die Serveradresse ist nicht verwendbar: { $detail }
err-roadmap-name = „{ $name }“ ist kein Fahrplan-Name: erlaubt sind Kleinbuchstaben, Ziffern und _ (beginnend mit einem Buchstaben, höchstens 31 Zeichen).
err-no-roadmap = Den Fahrplan „{ $name }“ gibt es auf dem Server nicht, oder Sie dürfen ihn nicht lesen.
err-no-roadmaps = Auf dem Server gibt es keinen Fahrplan, den Sie lesen dürfen.
err-choose-roadmap = Bitte wählen Sie einen Fahrplan mit --roadmap: { $names }
err-still-member = { $login } hat die Rolle { $role } weiterhin: sie wurde von einer anderen Rolle oder über eine Gruppe vergeben. Nichts wurde geändert; bitte dort entziehen.
err-not-allowed = Der Server erlaubt das diesem Benutzer nicht: { $detail }
err-roadmap-exists = Den Fahrplan „{ $name }“ gibt es auf dem Server schon.
err-bad-data = Die Datenbank hat Daten abgelehnt, die ihre Prüfregeln nicht erlauben ({ $check }): ein Datum, eine Länge oder ein Betrag außerhalb des Zulässigen. Es wurde nichts geändert.
err-unrecorded = Der Server hat die Änderung abgelehnt, weil die Historie sie nicht so festhält ({ $detail }). Es wurde nichts geändert; bitte neu laden und erneut versuchen.
err-foreign-tables = { $path }: Die Tabellen dieser Datei weichen von denen des Fahrplans ab (von Hand verändert); sie wird nicht übernommen. Es wurde nichts geändert.
err-clock-off = Der Server hat die Änderung abgelehnt: Die Uhr dieses Rechners geht um mehr als einen Tag anders als die des Servers. Bitte Datum und Uhrzeit des Rechners prüfen; es wurde nichts geändert.
err-database = Datenbankfehler: { $detail }. Es wurde nichts geändert.
err-window = Das Fenster konnte nicht geöffnet werden: { $detail }
invalid-empty-code = Die Nummer der Maßnahme fehlt.
invalid-empty-title = Der Titel fehlt.
invalid-duplicate-code = Die Nummer { $code } ist schon vergeben.
invalid-due-before-start = Das Fälligkeitsdatum { $due } liegt vor dem Beginn { $start }.
invalid-progress = Der Fortschritt { $value } liegt nicht zwischen 0 und 100 %.
invalid-unknown-owner = Diese verantwortliche Stelle gibt es nicht.
invalid-unknown-dependency = Die Maßnahme { $code }, von der abgehangen werden soll, gibt es nicht.
invalid-cycle = Die Abhängigkeiten bilden einen Kreis: { $cycle }
invalid-negative-money = Geplante Beträge dürfen nicht negativ sein.
invalid-whole = „{ $value }“ ist keine ganze Zahl von 0 bis { $max }.
field-funding-source = Förderung durch
field-funding-share = Förderanteil (%)
field-staff-planned = Personentage geplant
field-staff-spent = Personentage geleistet
invalid-interval = Das Prüfintervall { $value } muss zwischen 1 und 120 Monaten liegen.
invalid-funding-share = Der Förderanteil { $value } % muss zwischen 0 und 100 % liegen.

## Kommandozeile
cli-unknown-code = Es gibt keine Maßnahme { $code }.
cli-bad-status = Unbekannter Status „{ $status }“. Möglich sind: { $valid }.
cli-status-set = { $code }: Status { $old } → { $new }
cli-check-ok = { $path }: Datei unbeschädigt (Integrität { $integrity }, Schema-Version { $version }, Anwendungskennung { $id }, { $measures ->
    [one] 1 Maßnahme
   *[other] { $measures } Maßnahmen
 })

## Zeitplan
group-horizon = Horizont
group-owner = Verantwortliche
group-status = Status
no-owner = Ohne Verantwortliche
lane-done = { $done } von { $total } erledigt
lane-overdue = { $n } überfällig
label-group-by = Gruppieren nach
action-zoom-in = Vergrößern
action-zoom-out = Verkleinern
action-show-all = Alles zeigen
action-today = Heute
label-baseline = Beschlussstand
label-baseline-hint = Zeigt unter jedem Balken dünn die Termine laut Beschluss vom { $date }.
label-dependencies = Abhängigkeiten
label-adopted = Beschluss
label-today = Heute
label-period = Zeitraum
timeline-empty = Keine Maßnahme passt zum Filter.
tab-timeline = Zeitplan
tab-table = Tabelle
action-show-details = Details einblenden
action-hide-details = Details ausblenden
label-search = Suche
hint-search = Nr., Titel, Verantwortliche
filter-all = Alle
label-overdue-only = Nur überfällige
action-clear-filter = Filter zurücksetzen
filter-nothing = Keine Maßnahme passt zum Filter.
measures-shown = { $n } von { $total ->
    [one] 1 Maßnahme
   *[other] { $total } Maßnahmen
 }
picture-subtitle = { $town } · Stand { $date }
menu-export-png = Zeitplan als Bild (PNG) exportieren …
info-exported = Exportiert: { $path }
err-export = { $path } konnte nicht geschrieben werden: { $detail }
invalid-amount-too-large = Der Betrag { $value } ist zu groß: höchstens { $max } (in beide Richtungen) sind erlaubt.
invalid-zero-amount = Der Betrag ist null.
err-has-dependents = Maßnahme { $code } kann nicht gelöscht werden, weil { $dependents } davon abhängen.
err-has-records = Maßnahme { $code } hat Ausgaben oder Wirksamkeitsprüfungen und kann nicht gelöscht werden; bitte archivieren.
err-nothing-to-revert = Es gibt nichts rückgängig zu machen bzw. wiederherzustellen.
cli-bad-progress = Ungültiger Fortschritt „{ $value }“: erwartet wird eine ganze Zahl von 0 bis 100.
cli-bad-amount = Ungültiger Betrag „{ $value }“: erwartet wird z. B. 1.234,56 oder 1234.56.
cli-bad-number = Ungültige Zahl „{ $value }“: erwartet wird eine ganze Zahl im erlaubten Bereich.
cli-unknown-owner = Es gibt keine Verantwortliche oder keinen Verantwortlichen „{ $value }“.
cli-edit-nothing = { $code }: nichts geändert (die Werte sind schon so).
cli-edited = { $code }: geändert ({ $fields })
cli-baseline-added = Beschlussstand „{ $title }“ vom { $date } festgehalten ({ $count } Maßnahmen).
cli-baseline-measures = { $count } Maßnahmen
cli-unknown-baseline = Es gibt keinen Beschlussstand „{ $title }“.
cli-no-baseline = Es gibt noch keinen Beschlussstand (fahrplan baseline add TITEL).
cli-deviations-title = Abweichungen vom Beschluss „{ $title }“ vom { $date }
cli-deviations-none = Keine Abweichungen: der Plan ist, wie er beschlossen wurde.
cli-deviations-totals = Einmalkosten { $old } → { $new }; laufende Kosten { $old_yearly } → { $new_yearly } im Jahr
deviation-added = neu seit dem Beschluss
deviation-removed = seit dem Beschluss entfallen
deviation-due = fällig { $old } → { $new } ({ $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
 })
deviation-one-off = Einmalkosten { $delta }
deviation-fields = außerdem geändert: { $fields }
finance-year = Haushaltsjahr
finance-one-off = Einmalkosten
finance-running = Laufende Kosten
finance-funding = Fördermittel
finance-own-share = Eigenanteil
finance-staff-days = Personentage
finance-funding-source = Förderung durch
finance-total = Summe
cli-meeting-baseline = Beschlussstand „{ $titles }“
cli-bad-date = Ungültiges Datum „{ $value }“: erwartet wird z. B. 31.12.2026 oder 2026-12-31.
cli-progress-set = { $code }: Fortschritt { $old } → { $new }
cli-expense-added = { $code }: Ausgabe { $amount } am { $date } gebucht; ausgegeben insgesamt { $spent }
cli-reevaluated = { $code }: Prüfung am { $date } „{ $verdict }“ erfasst; nächste Prüfung { $next }
cli-undone = Rückgängig gemacht:
cli-redone = Wiederhergestellt:
info-expense-booked = { $code }: Ausgabe { $amount } am { $date } gebucht.
info-reevaluated = { $code }: Prüfung erfasst, nächste Prüfung { $next }.
info-now-editing = { $file } ist jetzt frei: Sie können den Fahrplan bearbeiten.
info-saved = { $code } gespeichert.
info-deleted = { $code } gelöscht.
info-undone = Rückgängig gemacht: { $codes }
info-redone = Wiederhergestellt: { $codes }
invalid-date-missing = Bitte ein Datum eingeben.
invalid-date-range = Das Datum { $value } liegt außerhalb der Jahre 1900 bis 2200.
invalid-date = „{ $value }“ ist kein gültiges Datum (z. B. 31.12.2026).
invalid-money = „{ $value }“ ist kein gültiger Betrag (z. B. 12.500 oder 12.500,00 €).
editor-title = { $code } bearbeiten
editor-title-new = Neue Maßnahme
editor-unsaved = ● nicht gespeichert
field-title = Titel
field-interval-months = Prüfintervall (Monate)
field-depends-on-count = Hängt ab von ({ $n })
field-frameworks-count = Bezüge zu Rahmenwerken ({ $n })
action-save = Speichern
action-cancel = Abbrechen
action-remove = Entfernen
action-add = Hinzufügen
label-add-reference = Aus dem Katalog
label-from-catalogue = Eintrag wählen …
label-free-reference = Eigener Bezug
action-apply = Übernehmen
section-book-expense = Ausgabe buchen
section-record-reevaluation = Wirksamkeitsprüfung erfassen
label-date = Datum
label-amount = Betrag (€)
label-note = Notiz
label-verdict = Ergebnis
label-choose = Bitte wählen …
action-book = Buchen
action-record = Erfassen
action-edit = Bearbeiten
action-delete = Löschen …
confirm-delete = Maßnahme { $code } „{ $title }“ wirklich löschen? Das lässt sich mit „Rückgängig“ zurücknehmen.
action-new-measure = Neue Maßnahme
action-undo = Rückgängig
action-redo = Wiederholen
due-button = Prüfungen fällig: { $n }
due-title = Fällige und überfällige Wirksamkeitsprüfungen
due-none = Keine Prüfung ist überfällig oder in den nächsten 30 Tagen fällig.
due-overdue = überfällig seit { $date }
due-soon = fällig am { $date }
report-deviation-totals = Einmalkosten lt. Beschluss { $old }, heute { $new }
report-due-approved = Fällig lt. Beschluss
report-due-now = Fällig heute
report-slip-days = Tage
report-also-changed = Außerdem geändert
report-finance-measures = Eigenanteil je Maßnahme
detail-funding = { $share } % = { $amount } { $source }
detail-staff-days = { $spent } von { $planned } geleistet
tab-finance = Finanzplanung
deviations-heading = Abweichungen vom Beschluss vom { $date } ({ $title })
deviations-heading-none = Abweichungen vom Beschluss
deviations-none-yet = Noch kein Beschlussstand festgehalten. Beim Erfassen einer Ratssitzung unten „Beschlussstand festhalten“ wählen.
deviations-totals = Einmalkosten laut Beschluss { $old }, heute { $new } ({ $delta })
deviation-slip-later = fällig { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
 } später
deviation-slip-earlier = fällig { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
 } früher
deviation-field-title = Titel
deviation-field-horizon = Zeithorizont
deviation-field-owner = Verantwortlich
deviation-field-start = Beginn
deviation-field-planned_yearly = laufende Kosten
deviation-field-funding_source = Förderung
deviation-field-funding_share = Förderanteil
deviation-field-staff_days_planned = Personentage
finance-from = Ab Haushaltsjahr
finance-this-year = Laufendes Jahr
finance-horizon = { $horizon } · { $n } von { $all } { $all ->
        [one] Maßnahme
       *[other] Maßnahmen
    } mit Kosten { $years } · Eigenanteil je Jahr
finance-note = Einmalkosten im Jahr des Beginns, laufende Kosten ab dem Monat nach der Fertigstellung anteilig, Fördermittel als Anteil der Einmalkosten, Personentage über die Laufzeit verteilt.
dashboard-meeting-baseline = Beschlussstand festhalten
dashboard-meeting-baseline-hint = Hält den ganzen Plan (Termine, Kosten, Förderung, Personentage) so fest, wie ihn der Rat beschlossen hat; spätere Abweichungen zeigt die Übersicht.
tab-history = Verlauf
history-filter-measure = Maßnahme
history-filter-who = Person
history-filter-field = Feld
history-filter-from = von
history-filter-to = bis
history-count = { $n ->
    [one] 1 Eintrag
   *[other] { $n } Einträge
 }
err-empty-owner = Bitte einen Namen für die verantwortliche Stelle eingeben.
err-duplicate-owner = Eine verantwortliche Stelle „{ $name }“ gibt es schon.
err-owner-in-use = „{ $name }“ ist noch für { $codes } verantwortlich und kann nicht gelöscht werden; bitte zuerst zusammenführen.
info-archived = { $code } archiviert (ausgeblendet, mit Verlauf erhalten).
info-unarchived = { $code } aus dem Archiv geholt.
action-archive = Archivieren
action-unarchive = Aus dem Archiv holen
action-duplicate = Duplizieren
copy-suffix = (Kopie)
label-archived = Archiviert
label-show-archived = Archivierte zeigen
owners-button = Verantwortliche …
owners-title = Verantwortliche Stellen
owners-kind-role = Person oder Funktion
owners-kind-department = Amt / Abteilung
owners-kind-external = Externer Dienstleister
owners-measures = { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 }
owners-rename = Umbenennen
owners-merge-into = Zusammenführen mit …
owners-new = Neue Stelle
owners-name = Name
owners-kind = Art
owners-contact = Kontakt
action-create = Anlegen
context-status = Status setzen
yes = Ja
no = Nein
hfield-created = Angelegt
hfield-deleted = Gelöscht
hfield-code = Nr.
hfield-comment = Kommentar
hfield-title = Titel
hfield-description = Beschreibung
hfield-horizon = Horizont
hfield-owner = Verantwortlich
hfield-stakeholders = Beteiligte
hfield-status = Status
hfield-progress = Fortschritt
hfield-start = Beginn
hfield-due = Fällig
hfield-completed = Abgeschlossen am
hfield-frameworks = Rahmenwerke
hfield-depends_on = Abhängigkeiten
hfield-reevaluation_interval_months = Prüfintervall
hfield-next_reevaluation = Nächste Prüfung
hfield-planned_one_off_cents = Geplant einmalig
hfield-planned_yearly_cents = Geplant jährlich
hfield-notes = Notizen
hfield-archived = Archiviert
hfield-expense = Ausgabe
hfield-reevaluation = Wirksamkeitsprüfung
hfield-owner-added = Stelle angelegt
hfield-owner-renamed = Stelle umbenannt
hfield-owner-deleted = Stelle gelöscht
action-show-history = Verlauf anzeigen
err-needs-upgrade = Der Fahrplan „{ $name }“ stammt von einer älteren Fahrplan-Version. Die Administration des Servers muss ihn einmal öffnen (z. B. fahrplan --db … --roadmap { $name } list), damit er aktualisiert wird.
err-empty-baseline = Bitte einen Titel für den Beschlussstand eingeben.
err-baseline-exists = Einen Beschlussstand „{ $title }“ gibt es schon; bitte einen anderen Titel wählen.
err-empty-meeting = Bitte einen Titel für die Sitzung eingeben.
hfield-funding_source = Förderung durch
hfield-funding_share = Förderanteil
hfield-staff_days_planned = Personentage geplant
hfield-staff_days_spent = Personentage geleistet
hfield-baseline-added = Beschlussstand festgehalten
hfield-baseline-deleted = Beschlussstand entfernt
deviation-field-cancelled = abgebrochen bzw. wieder aufgenommen
hfield-meeting-added = Sitzung erfasst
hfield-meeting-deleted = Sitzung gelöscht
cli-no-meeting = Es ist noch keine Sitzung erfasst; bitte --since DATUM angeben oder mit „meeting add“ eine Sitzung erfassen.
cli-meeting-added = Sitzung am { $date } erfasst: { $title }
summary-done = Erledigt
summary-total = Gesamt
summary-overdue = Überfällig
summary-due-soon = In 30 Tagen fällig
summary-reevaluations-overdue = Prüfungen überfällig
summary-reevaluations-due = Prüfungen in 30 Tagen fällig
since-heading = Seit { $date }: { $n ->
    [one] 1 Änderung
   *[other] { $n } Änderungen
 }, { $completed ->
    [one] 1 Maßnahme
   *[other] { $completed } Maßnahmen
 } abgeschlossen, Ausgaben { $expenses }
kind-status = Status
kind-progress = Fortschritt
kind-expense = Ausgabe
kind-re-evaluation = Prüfung
kind-dates = Termine
kind-added = neu
kind-removed = entfernt
tab-dashboard = Übersicht
dashboard-average = Ø { $p }
dashboard-archived-spent = davon archiviert
dashboard-archived-money = Darin enthalten: { $n ->
    [one] 1 archivierte Maßnahme
   *[other] { $n } archivierte Maßnahmen
 } mit { $spent } ausgegeben (Einmalkosten { $one_off })
dashboard-none = Keine.
dashboard-overdue = Überfällig ({ $n })
dashboard-due-soon = In 30 Tagen fällig ({ $n })
dashboard-reeval-overdue = Überfällig ({ $n })
dashboard-reeval-due = In 30 Tagen fällig ({ $n })
dashboard-verdicts = Ergebnisse der letzten 12 Monate
dashboard-money-by-year = Geld je Kalenderjahr: geplant und ausgegeben
dashboard-overruns = Größte Überschreitungen
dashboard-planned-to-date = Geplant bis heute
dashboard-excess = Mehr
dashboard-planned = Geplant
dashboard-year = Jahr
dashboard-latest = Letzte Änderungen
dashboard-since-meeting = Seit der Sitzung am { $date } ({ $title })
dashboard-since = Seit { $date }
dashboard-since-none = Seit der letzten Sitzung (noch keine erfasst)
dashboard-since-date = Seit (Datum)
dashboard-completed = Abgeschlossen: { $codes }
dashboard-meeting-date = Sitzung am
dashboard-meeting-title = Titel
dashboard-meeting-add = Sitzung erfassen
slide-title = Titel
slide-timeline = Zeitplan aller Maßnahmen
slide-horizons = Maßnahmen je Horizont
slide-money = Geld: geplant und ausgegeben
slide-reevaluations = Wirksamkeitsprüfungen
slide-baseline = Seit dem Beschluss
present-since-baseline = Seit dem Beschluss vom { $date }
present-baseline-count = { $n ->
    [0] Keine Maßnahme weicht vom Beschluss „{ $title }“ ab.
    [one] Eine Maßnahme weicht vom Beschluss „{ $title }“ ab.
   *[other] { $n } Maßnahmen weichen vom Beschluss „{ $title }“ ab.
 }
present-baseline-money = Einmalkosten laut Beschluss { $old }, heute { $new }
slide-changes = Änderungen seit der letzten Sitzung
present-as-of = Stand { $date }
present-summary = { $done } von { $total ->
    [one] 1 Maßnahme
   *[other] { $total } Maßnahmen
 } erledigt · { $overdue } überfällig
present-quit-question = Präsentation und Fahrplan beenden?
present-quit-keys = Eingabetaste: beenden · Esc: weiter präsentieren
present-more = und { $n } weitere
present-verdicts = Ergebnisse (12 Monate)
present-back = Esc: zurück
menu-present = Präsentation
menu-present-start = Präsentation starten (F5)
menu-present-slides = Folien

present-changes-summary = { $meeting }: { $changes ->
    [one] 1 Änderung
   *[other] { $changes } Änderungen
 } · { $completed ->
    [one] 1 Maßnahme
   *[other] { $completed } Maßnahmen
 } abgeschlossen · Ausgaben { $expenses }
present-since-meeting = Seit der Sitzung am { $date }
present-measure-owner = Maßnahme · Verantwortlich
present-planned-to-date = Plan bis heute
present-spent-of = { $spent } von { $planned }
banner-offline = Die Verbindung zum Server ist unterbrochen. Angezeigt wird der letzte Stand; Fahrplan verbindet sich neu, sobald der Server wieder erreichbar ist.
banner-newer = Diese Datei stammt von einer neueren Fahrplan-Version und ist daher nur lesbar geöffnet. Bitte aktualisieren Sie Fahrplan, um sie zu bearbeiten.
cli-backup-elsewhere = Der Ordner { $folder } gehört { $owner }, nicht Ihnen: Die Sicherung liegt deshalb in Ihrem eigenen Ordner (oben genannt), und „fahrplan backups“ listet sie dort.
cli-backup-written = Sicherung geschrieben und geprüft: { $path }
cli-restored = Wiederhergestellt aus { $backup }; die bisherige Datei ist gesichert unter { $kept }
backup-damaged = beschädigt
err-damaged-set-aside = Die Fahrplan-Datei war beschädigt. Sie wurde unverändert beiseitegelegt als { $path }. Bitte stellen Sie unter „Datei › Sicherungen …“ die neueste Sicherung wieder her.
info-restored = Sicherung wiederhergestellt: { $path }
menu-backups = Sicherungen …
backups-title = Sicherungen
backups-checking = Die Sicherungen werden gesucht und geprüft …
backups-none = Noch keine Sicherungen.
backups-now = Jetzt sichern
backups-restore = Wiederherstellen
banner-network = Diese Datei liegt auf einem Netzlaufwerk. Dort ist das Sperren der Datei unzuverlässig; bitte nur von einem Rechner aus gleichzeitig bearbeiten oder die Datei lokal speichern.
ics-due = { $code } fällig: { $title }
ics-reevaluation = { $code } Wirksamkeitsprüfung: { $title }
menu-export-csv = Maßnahmen als CSV (Excel) exportieren …
menu-export-expenses = Ausgaben als CSV exportieren …
menu-export-json = Alles als JSON exportieren …
menu-export-ics = Termine als Kalender (iCalendar) exportieren …
import-at = Zeile { $line }, Spalte { $column }
import-file = Datei
import-not-export = keine Fahrplan-Exportdatei (Format „{ $format }“)
import-version = unbekannte Version { $version } des Exportformats
import-owner = Verantwortliche Stelle „{ $name }“
import-baseline-title = Ein Beschlussstand hat keinen Titel, oder der Titel „{ $title }“ kommt doppelt vor.
import-owner-duplicate = Name fehlt oder ist doppelt
import-unknown-owner = die verantwortliche Stelle „{ $name }“ fehlt in der Datei
import-would-replace = Der Fahrplan enthält schon { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 }; der Import würde sie ersetzen. Bitte mit --replace bestätigen.
import-failed = Import abgelehnt, nichts wurde geändert: { $problem }
import-done = Importiert: { $measures ->
    [one] 1 Maßnahme
   *[other] { $measures } Maßnahmen
 }, { $expenses ->
    [one] 1 Ausgabe
   *[other] { $expenses } Ausgaben
 }, { $history ->
    [one] 1 Verlaufseintrag
   *[other] { $history } Verlaufseinträge
 }.

## Bericht (PDF)
report-title = Bericht für den Gemeinderat
report-as-of = Stand: { $date }
report-summary = Übersicht
report-measures = Maßnahmen
report-average-progress = Ø Fortschritt
report-reevaluations-due = Fällige Wirksamkeitsprüfungen ({ $n })
report-horizon-figures = { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 }, davon { $done } erledigt · Fortschritt Ø { $progress } · ausgegeben { $spent }
report-money-horizons = Je Horizont
report-money-year-note = Geplant: einmalige Kosten im Jahr des Beginns, laufende Kosten anteilig ab dem Monat nach der Fertigstellung. Ausgegeben: gebuchte Ausgaben mit Datum im Jahr.
report-cell-shortened = [Gekürzt: { $n ->
    [one] 1 weitere Zeile steht
   *[other] { $n } weitere Zeilen stehen
 } im vollständigen Text in Fahrplan und im JSON-Export.]
report-difference = Differenz
report-last-reevaluation = Letzte Prüfung
report-verdict = Ergebnis
report-kind = Art
report-change = Änderung
report-contents = Inhalt
report-made = Erstellt mit Fahrplan aus der Datei { $file } am { $date }.
report-page = Seite { $page } von { $pages }
report-footer = { $file } · Stand { $date }

## Hintergrundarbeit, Export-Menü, Import
menu-export = Export
menu-export-pdf = Bericht für den Gemeinderat (PDF) …
menu-import = JSON-Export importieren …
job-busy = Es läuft noch eine Arbeit im Hintergrund (Export, Import, Öffnen oder Wiederherstellen); bitte warten Sie, bis sie fertig ist.
job-exporting = Wird geschrieben: { $path }
job-reading = Wird gelesen und geprüft: { $path }
job-opening = Wird geöffnet und geprüft: { $path }
job-creating = Wird angelegt: { $path }
job-restoring = Sicherung wird zurückgespielt: { $path }
job-importing = Import wird übernommen: { $path }
job-lost-store = Die Arbeit im Hintergrund wurde unerwartet beendet. Die Datei wurde neu geöffnet und zeigt, was gespeichert ist.
job-no-thread = Die Arbeit konnte nicht im Hintergrund beginnen ({ $detail }); es wurde nichts geändert.
job-closing = Fahrplan wird geschlossen, sobald die Arbeit im Hintergrund fertig ist.
job-connecting = Verbindung zum Server wird hergestellt …
menu-connect = Mit Server verbinden …
connect-title = Mit Server verbinden
connect-host = Server
connect-port = Port
connect-database = Datenbank
connect-user = Benutzer
connect-password = Passwort
connect-password-note = Das Passwort wird nicht gespeichert.
connect-tls = Verschlüsselung
connect-tls-prefer = wenn möglich
connect-tls-require = immer
connect-tls-verify = immer, Zertifikat prüfen
connect-root = Stammzertifikat (Datei)
connect-list = Fahrpläne anzeigen
connect-none = Auf diesem Server gibt es keinen Fahrplan, den Sie sehen dürfen.
connect-asked = Der Server { $server } verlangt ein Passwort, um den Fahrplan „{ $roadmap }“ zu öffnen.
connect-open-named = „{ $roadmap }“ öffnen
connect-open = Öffnen
connect-role = { $role ->
    [editor] bearbeiten
    [admin] verwalten
   *[other] lesen
 }
job-lost = Die Arbeit im Hintergrund wurde unerwartet beendet; es wurde nichts geändert.
import-preview-title = Import prüfen
import-preview-file = Datei: { $path }
import-preview-contents = Enthält { $measures ->
    [one] 1 Maßnahme
   *[other] { $measures } Maßnahmen
 }, { $owners ->
    [one] 1 verantwortliche Stelle
   *[other] { $owners } verantwortliche Stellen
 }, { $expenses ->
    [one] 1 Ausgabe
   *[other] { $expenses } Ausgaben
 }, { $reevaluations ->
    [one] 1 Wirksamkeitsprüfung
   *[other] { $reevaluations } Wirksamkeitsprüfungen
 }, { $meetings ->
    [one] 1 Sitzung
   *[other] { $meetings } Sitzungen
 } und { $history ->
    [one] 1 Verlaufseintrag
   *[other] { $history } Verlaufseinträge
 }.
import-preview-replace = Der geöffnete Fahrplan enthält { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 }. Sie werden mit allen Ausgaben, Prüfungen und dem Verlauf durch den Inhalt der Datei ersetzt. Vorher wird eine Sicherung angelegt.
import-preview-empty = Der geöffnete Fahrplan ist leer; der Inhalt der Datei wird übernommen.
import-preview-apply = Importieren
import-preview-replace-apply = Ersetzen und importieren
file-expenses = Ausgaben
import-too-large = { $path } ist mit { $size } MB viel zu groß für eine Fahrplan-Exportdatei und wurde nicht gelesen; es wurde nichts geändert.
import-preview-target = Ziel: { $path }
err-report-font = Eine mitgelieferte Schrift konnte nicht gelesen werden: { $detail }
err-report-picture = Der Zeitplan konnte nicht gezeichnet werden: { $detail }
err-report-write = Der Bericht konnte nicht als PDF geschrieben werden: { $detail }
cli-since-pdf-only = --since gilt nur für den Bericht (--format pdf oder html).
import-added = Neu: { $n } ({ $codes })
import-changed = Geändert: { $n } ({ $codes })
import-removed = Entfällt: { $n } ({ $codes })
import-evidence-dropped = Nachweise entfallen (ein Export enthält keine): { $files ->
    [one] eine Datei
   *[other] { $files } Dateien
} und { $links ->
    [one] ein Verweis
   *[other] { $links } Verweise
}. Sie bleiben in der Sicherung, die vor dem Ersetzen angelegt wird.
import-unchanged = Unverändert: { $n }

# What the timeline shows, in words (the report's figure, the HTML report's picture).
figure-timeline = Zeitplan vom { $from } bis zum { $to } mit { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 } als Balken vom Beginn bis zur Fälligkeit, nach Horizonten geordnet; eine senkrechte Linie markiert heute, den { $today }.
figure-timeline-empty = Zeitplan ohne Maßnahmen.
figure-horizon = { $horizon }: { $n ->
    [one] 1 Maßnahme
   *[other] { $n } Maßnahmen
 }, davon { $done } erledigt und { $running } in Arbeit.
figure-overdue = Überfällig { $n ->
    [one] ist 1 Maßnahme
   *[other] sind { $n } Maßnahmen
 }: { $list }.
figure-overdue-none = Keine Maßnahme ist überfällig.
figure-overdue-item = { $code } „{ $title }“, fällig seit { $due }
menu-export-html = Bericht für die Website (HTML, barrierefrei) …
html-skip = Zum Inhalt springen
finance-figure = Betrag
cli-owner-ics-only = --owner gilt nur für den Kalender (--format ics).
menu-export-ics-owners = Kalender je Verantwortlichem …
info-exported-calendars = { $n } Kalender geschrieben nach { $path }
err-no-reevaluation = { $code } hat noch keine Wirksamkeitsprüfung, die bestätigt werden könnte.
err-self-confirmation = Vier-Augen-Prinzip: { $by } hat die Bewertung selbst erfasst; bestätigen muss sie eine andere Person.
err-already-confirmed = Die letzte Bewertung ist schon bestätigt (von { $by }).
cli-confirmed = { $code }: Bewertung bestätigt von { $who } am { $date }.
hfield-reevaluation-confirmed = Bewertung bestätigt
reeval-confirmed = bestätigt von { $by } am { $date }
reeval-unconfirmed = unbestätigt
reeval-needs-other = (bestätigen muss eine andere Person)
action-confirm = Bestätigen
dashboard-unconfirmed = Unbestätigte Bewertungen ({ $n })
dashboard-recorded-by = erfasst von { $by }
present-unconfirmed = Unbestätigt: { $n }
date-pick = Kalender
date-pick-hint = Datum im Kalender wählen (oder eintippen, z. B. 27.11.2026)
date-previous-month = Voriger Monat
date-next-month = Nächster Monat
weekdays-short = Mo Di Mi Do Fr Sa So
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
filter-framework = Bezug
reeval-confirmed-by = bestätigt von { $by }
reeval-not-confirmed = nicht bestätigt
file-calendar = Termine
import-confirmation = die Bestätigung einer Bewertung ist unvollständig, liegt vor der Bewertung oder stammt von der Person, die sie erfasst hat

## Nachweise
hfield-evidence = Nachweis
evidence-heading = Nachweise
evidence-empty = Noch keine Nachweise. Protokolle, Scans oder Screenshots hierher ziehen oder eine Datei wählen.
evidence-add-file = Datei hinzufügen …
evidence-add-link = Link hinzufügen
evidence-link-hint = https://… oder \\server\freigabe\…
evidence-link-label = Link
evidence-note-label = Notiz zum Nachweis
evidence-note-hint = Was belegt er? (optional)
evidence-open = Öffnen
evidence-open-tip = Öffnet { $name } mit dem Programm des Systems (als Kopie in einem temporären Ordner).
evidence-remove = Entfernen
evidence-remove-tip = Nimmt { $name } aus den Nachweisen (mit „Rückgängig“ zurückzuholen).
evidence-meta = { $size } · { $who }, { $date }
evidence-link-meta = Link · { $who }, { $date }
evidence-for-reevaluation = zur Prüfung vom { $date }
evidence-checksum = SHA-256: { $sha }
evidence-drop = Loslassen, um die Datei als Nachweis zu { $code } zu speichern
evidence-pick-title = Nachweis zu { $code } wählen
evidence-link = Link
evidence-col-id = Nr.
evidence-col-name = Name
evidence-col-size = Größe
evidence-col-added = Hinzugefügt
evidence-col-note = Notiz
info-evidence-added = { $code }: Nachweis „{ $name }“ gespeichert.
info-evidence-removed = { $code }: Nachweis „{ $name }“ entfernt.
cli-evidence-file-added = { $code }: Nachweis { $id } „{ $name }“ gespeichert ({ $size }, SHA-256 { $sha }).
cli-evidence-link-added = { $code }: Link { $id } „{ $name }“ gespeichert.
cli-evidence-none = { $code } hat noch keine Nachweise.
cli-evidence-saved = { $path } geschrieben ({ $size }).
err-no-reevaluation-on = { $code } hat keine Wirksamkeitsprüfung am { $date }.
err-unknown-evidence = Diese Maßnahme hat keinen Nachweis Nr. { $id }.
err-evidence-not-file = Nachweis Nr. { $id } ist ein Link, keine Datei.
err-evidence-too-large = Die Datei ist { $size } groß; ein Nachweis darf höchstens 25 MB groß sein.
err-evidence-missing = { $path } gibt es nicht.
err-evidence-not-a-file = { $path } ist keine Datei (ein Ordner?).
err-evidence-file-too-large = { $path } ist { $size } groß; ein Nachweis darf höchstens 25 MB groß sein. Bitte verkleinern (z. B. als PDF mit geringerer Auflösung scannen) oder als Link ablegen.
err-link-empty = Bitte eine Datei oder einen Link angeben.
err-link-too-long = Ein Link darf höchstens { $max } Zeichen lang sein. Es wurde nichts geändert.
err-link-unsupported = Ein Link muss mit http://, https:// oder file:// beginnen oder ein Netzwerkpfad (\\server\freigabe\…) sein.
report-evidence-note = Dateien sind im Fahrplan gespeichert; die Prüfsumme (SHA-256) weist nach, dass eine vorgelegte Kopie unverändert ist.
present-no-meeting = Noch keine Sitzung erfasst. Sobald in der Übersicht eine Sitzung eingetragen ist, zeigt diese Folie, was sich seitdem geändert hat.
evidence-save = Speichern …
info-evidence-path = { $url } ist ein Pfad im Netz: bitte im Dateimanager öffnen (Fahrplan öffnet aus Sicherheitsgründen nur Webadressen).
err-evidence-not-viewable = „{ $name }“ wird nicht geöffnet, denn Dateien dieser Art können Programme sein. Mit „Speichern …“ an einem Ort Ihrer Wahl ablegen.
err-confirmed-before-verdict = Die Bewertung vom { $date } kann nicht vor diesem Tag bestätigt werden.

## Money compared like with like (plan to date against spent to date).
money-since = seit { $month }
money-spent-to-date = Ausgegeben bis heute
money-deviation = Abweichung
money-plan-terms = Plan: { $one_off } einmalig · { $yearly } jährlich
money-plan-terms-hint = Die Bedingungen des Plans: einmalige Kosten aller Maßnahmen und laufende Kosten je Jahr nach der Fertigstellung. Verglichen wird mit „Geplant bis heute“: einmalige Kosten dessen, was begonnen hat, und laufende Kosten anteilig ab der Fertigstellung bis heute. Abgebrochene Maßnahmen planen nichts mehr: was für sie ausgegeben wurde, zählt als Abweichung.
report-money-period = Zeitraum ab dem ersten Beginn oder der ersten Ausgabe
report-money-rule = Geplant bis heute: einmalige Kosten der begonnenen Maßnahmen und laufende Kosten anteilig ab dem Monat nach der Fertigstellung bis heute. Abweichung: ausgegeben minus geplant bis heute.
report-period = Zeitraum
report-plan-terms = Bedingungen des Plans
change-booked = +{ $amount } gebucht
change-unbooked = −{ $amount } storniert
report-made-web = { $roadmap }: erstellt mit Fahrplan am { $date }.
dashboard-more = und { $n } weitere
dashboard-show-fewer = weniger anzeigen
dashboard-latest-empty = Noch keine Änderungen. Hier erscheint jede Änderung an Status, Fortschritt, Terminen, Ausgaben und Prüfungen, mit Zeitpunkt und Person.

## The timeline's legend: one entry per kind of mark drawn.
legend-title = Legende
legend-show = Legende einblenden
legend-hide = Legende ausblenden
legend-status-planned = Geplant (leerer Balken)
legend-status-in-progress = In Arbeit (gefüllt bis zum Fortschritt)
legend-status-done = Erledigt
legend-status-on-hold = Zurückgestellt (schraffiert)
legend-status-cancelled = Abgebrochen (durchgestrichen)
legend-overdue = Überfällig (roter Rahmen, Warndreieck)
legend-due-tick = Strich: ursprünglich geplantes Ende
legend-verdict = Prüfung: { $verdict }
legend-next-reevaluation = Nächste Prüfung
legend-reevaluation-overdue = Prüfung überfällig
legend-baseline = Beschlussstand (grauer Strich unter dem Balken)
legend-dependency = Abhängigkeit
legend-dependency-violated = Abhängigkeit verletzt (beginnt vor dem Ende der Vorgängerin)
legend-adopted = Beschluss des Fahrplans
marker-past = Wirksamkeitsprüfung am { $date }: { $verdict }
marker-next = Nächste Wirksamkeitsprüfung am { $date }
marker-overdue = Wirksamkeitsprüfung überfällig seit { $date }
marker-due-tick = Ursprünglich fällig am { $date }, erledigt am { $done }
present-timeline-of = Zeitplan: { $horizon }
present-done-of = { $horizon }: erledigt
legend-due-tick-short = geplantes Ende
picture-key = Im Bild gekürzte Titel:
cli-check-chain-ok = Verlauf: { $rows } Einträge, die Kette der Prüfsummen ist lückenlos; letzte Prüfsumme { $hash } (zum Vergleich mit einer späteren Prüfung notieren).
chain-unverified = Die Kette der Prüfsummen des Verlaufs konnte nicht geprüft werden: { $reason }
chain-broken = Der Verlauf wurde außerhalb von Fahrplan verändert: Eintrag { $id } passt nicht zur Kette der Prüfsummen (die { $verified } Einträge davor passen zur Kette). Bitte die Sicherungen vergleichen und die Verantwortlichen informieren.

## The assessment (issue 27)
err-unknown-catalog = Einen Katalog „{ $name }“ gibt es in diesem Fahrplan nicht.
err-unknown-round = Eine Bewertungsrunde „{ $title }“ gibt es in diesem Fahrplan nicht.
err-unknown-requirement = Der Katalog „{ $catalog }“ hat keine Anforderung „{ $id }“.
err-ambiguous-requirement = Eine Anforderung „{ $id }“ haben mehrere Kataloge ({ $catalogs }); bitte mit --catalog einen wählen.
err-not-covered = Die Runde „{ $round }“ umfasst den Katalog „{ $catalog }“ nicht.
err-catalog-in-use = Der Katalog „{ $name }“ wird von Bewertungsrunden verwendet ({ $rounds }) und kann nicht entfernt werden.
err-round-exists = Eine Bewertungsrunde „{ $title }“ gibt es schon; bitte einen anderen Titel wählen.
err-round-no-catalog = Eine Bewertungsrunde braucht mindestens einen Katalog (--catalog NAME).
err-catalog-empty = Der Katalog „{ $name }“ enthält keine Anforderung.
err-catalog-duplicate-id = Der Katalog „{ $catalog }“ enthält die Kennung „{ $id }“ zweimal.
err-assess-empty = { $field } ist leer.
err-maturity = Reifegrad { $value } liegt nicht zwischen 0 und 5.
err-no-round = Dieser Fahrplan hat noch keine Bewertungsrunde.
hfield-catalog = Katalog
hfield-round = Bewertungsrunde
hfield-assessment-result = Bewertung
hfield-requirement-link = Anforderung verknüpft
hfield-id = Kennung
hfield-text = Text
hfield-level = Stufe
hfield-attribute = Attribut
hfield-name = Name
hfield-source = Quelle
hfield-by = Bewertet von
outcome-met = erfüllt
outcome-partial = teilweise erfüllt
outcome-not-met = nicht erfüllt
outcome-not-applicable = nicht anwendbar
outcome-open = offen
import-not-catalog = Das ist kein OSCAL-Katalog (es fehlt das Objekt „catalog“).
import-missing-id-group = Einer Gruppe fehlt die Kennung („id“).
import-missing-id-control = Einer Anforderung („control“) fehlt die Kennung („id“).
import-missing-id-requirement = Einer Anforderung fehlt die Kennung (Spalte 2).
import-csv-columns = { $n } Spalten; nötig sind mindestens Gruppe, Kennung und Titel (group;id;title;text;level).
import-not-utf8 = Der Text ist nicht in UTF-8 gespeichert; bitte als „CSV UTF-8“ speichern.
col-catalog = Katalog
col-group = Gruppe
col-requirement = Anforderung
col-result = Ergebnis
col-maturity = Reifegrad
col-carried-over = Übernommen
col-assessed-on = Bewertet am
col-measures = Maßnahmen
cli-catalog-removed = Katalog „{ $name }“ entfernt.
cli-catalog-imported = Katalog „{ $name }“ { $version } importiert: { $n } Anforderungen.
cli-catalog-updated = Katalog „{ $name }“ auf Version { $version } gebracht: { $n } Anforderungen.
cli-catalog-preview = Vorschau (nichts geschrieben): Katalog „{ $name }“ { $version } mit { $n } Anforderungen.
cli-catalog-added = Neu ({ $n }): { $ids }
cli-catalog-removed-ids = Entfallen ({ $n }, ihre Ergebnisse und Verknüpfungen werden entfernt): { $ids }
cli-catalog-changed = Geändert ({ $n }, Ergebnisse bleiben; bitte neu bewerten): { $ids }
cli-catalog-kept = Ergebnisse behalten für { $n } unveränderte Anforderungen.
cli-round-added = Bewertungsrunde „{ $title }“ angelegt.
cli-bad-result = Unbekanntes Ergebnis „{ $result }“; möglich sind: { $valid }.
cli-result-set = { $round }: { $catalog } { $id } ist jetzt „{ $result }“; Erfüllungsgrad { $catalog }: { $degree }.
cli-gaps = Lücken in „{ $round }“: { $n }
gap-no-measure = keine Maßnahme
gap-done-measures = nur abgeschlossene Maßnahmen ({ $codes })
cli-to-reassess = Neu zu bewerten: { $n }
cli-without-requirement = Maßnahmen ohne Anforderung: { $codes }
cli-linked = { $code } ist jetzt mit { $catalog } { $id } verknüpft.
cli-unlinked = { $code } ist nicht mehr mit { $catalog } { $id } verknüpft.
cli-round-csv-only = --round gilt nur für --format csv.
col-requirements = Anforderungen
col-degree = Erfüllungsgrad
none = keine
unreadable-kind-catalog = Katalog „{ $name }“
unreadable-kind-round = Bewertungsrunde „{ $name }“
unreadable-kind-assessment_result = Bewertungsergebnis in „{ $name }“
unreadable-kind-requirement_link = Anforderungsverknüpfung von { $name }
outcome-letter-met = E
outcome-letter-partial = T
outcome-letter-not-met = N
outcome-letter-not-applicable = –
outcome-letter-open = ?
tab-assessment = Bewertung
assess-empty = Dieser Fahrplan hat noch keine Bewertungsrunde. Kataloge kommen mit „fahrplan catalog import“, Runden mit „fahrplan assessment add“.
assess-compare = Vergleichen mit
assess-compare-none = —
assess-all-groups = Alle Gruppen
assess-without-measure = ohne Maßnahme
assess-to-reassess = neu zu bewerten
assess-search = Kennung oder Titel …
assess-degree = Erfüllungsgrad
assess-rule = Erfüllungsgrad = (erfüllt + ½ teilweise) ÷ anwendbare Anforderungen; offen zählt als nicht erfüllt.
assess-ungrouped = Ohne Gruppe
assess-count = { $shown } von { $total } Anforderungen
assess-before = Vorher
assess-reassess-tag = neu zu bewerten
assess-open-measure = Maßnahme öffnen
assess-carried-legend = kursiv: übernommen, nicht neu bewertet
assess-carried-hint = Aus der vorigen Runde übernommen, in dieser Runde nicht neu bewertet.
assess-overview = Bewertung: Erfüllungsgrad je Katalog, erste → letzte Runde
assess-overview-degree = Erfüllungsgrad { $catalog }: { $degree }
assess-overview-gaps = Lücken ohne Maßnahme: { $n }
assess-gaps-only = nur Lücken
assess-gaps-hint = Nicht (ganz) erfüllt, und keine laufende Maßnahme arbeitet daran.
assess-requirements = Anforderungen ({ $n })
assess-unlink = Verknüpfung lösen
assess-link-search = Kennung oder Titel suchen …
assess-link-none = Keine passende Anforderung.
slide-effect = Wirkung
present-effect = Wirkung: { $catalog }
present-effect-degree = Erfüllungsgrad { $first } → { $latest }
present-effect-one = Erfüllungsgrad { $latest }
report-assessment = Bewertung: Erfüllungsgrad
report-assessment-rounds = Bewertungsrunden: { $rounds }. Je Katalog: erste und letzte Runde, die ihn umfasst.
report-points = Punkte
report-gaps = Lücken ohne laufende Maßnahme ({ $n })
assess-overview-gaps-of = { $catalog }: { $n }
cli-catalog-what = Bitte eine Datei oder --shipped itil4|vds3473 angeben.
assess-import-catalog = Katalog importieren …
assess-catalog-files = Kataloge (OSCAL-JSON, CSV)
assess-preview-new = Neuer Katalog „{ $name }“ { $version } mit { $n } Anforderungen. Es wird noch nichts geschrieben.
assess-preview-update = Katalog „{ $name }“ auf Version { $version } bringen ({ $n } Anforderungen)? Es wird noch nichts geschrieben.
assess-import = Importieren
err-assess-conflict = „{ $what }“ wurde inzwischen geändert; das kann nicht mehr rückgängig gemacht werden.
err-assess-unprintable = „{ $what }“ enthält Steuerzeichen; so wird es nicht übernommen.
err-assess-too-deep = „{ $what }“ liegt tiefer als { $max } Ebenen.
err-assess-too-many = Mehr als { $max } Anforderungen in einem Katalog.
assess-overview-rounds = Erste Runde { $first }, letzte { $latest }
assess-result-in = { $result } in „{ $round }“
assess-unlink-named = Verknüpfung mit { $what } lösen
import-assessment-replaced = Die Bewertung dieses Fahrplans ({ $rounds } Runden, { $results } Ergebnisse) wird durch die der Datei ersetzt.
assess-search-label = Suche
assess-link-label = Anforderung verknüpfen
err-catalog-twice = Den Katalog „{ $name }“ enthält die Datei zweimal.
import-catalog-too-large = Die Datei hat { $size }; ein Katalog darf höchstens { $max } haben.
overview-title = Alle Fahrpläne
overview-col-town = Kommune
overview-col-role = Ihre Rolle
overview-col-done = Erledigt
overview-col-overdue = Überfällig
overview-col-reeval-overdue = Prüfungen überfällig
overview-col-reeval-due = Prüfungen in 30 Tagen
overview-col-unconfirmed = Unbestätigt
overview-col-degree = Erfüllungsgrad
overview-col-meeting = Letzte Ratssitzung
overview-col-baseline = Letzter beschlossener Stand
overview-col-changed = Zuletzt geändert
overview-done = { $done } / { $total }
overview-degree = { $catalog }: { $latest }
overview-degree-change = { $catalog }: { $latest } ({ $change })
overview-unreadable = { $name } ist nicht lesbar: { $reason }
overview-none = Keine Fahrpläne gefunden, die Sie sehen dürfen.
overview-none-folder = In diesem Ordner liegt keine Fahrplan-Datei.
overview-as-of = { $source } · Stand { $date }, gelesen um { $time }
overview-open-hint = Öffnet den Fahrplan von { $town }
overview-loading = Die Fahrpläne werden gelesen …
overview-refresh = Neu lesen
overview-report-pdf = Kreisübersicht als PDF …
overview-report-html = Kreisübersicht als Webseite …
overview-back = Alle Fahrpläne
overview-close = Übersicht schließen
overview-legend = Rot: überfällig oder unbestätigt. Prüfungen: Wiedervorlagen der Wirksamkeit. Unbestätigt: Urteile ohne zweite Bestätigung (Vier-Augen-Prinzip). Erfüllungsgrad: letzte Bewertung je Katalog, in Klammern die Änderung seit der ersten in Prozentpunkten. Geplant bis heute und Ausgegeben: Kosten bis heute. Ein Klick auf eine Zeile öffnet den Fahrplan.
overview-sort = Nach { $column } sortieren
menu-overview-folder = Übersicht über einen Ordner …
connect-overview = Alle Fahrpläne anzeigen
cli-overview-needs-source = „overview“ braucht einen Server (--db postgresql://…) oder einen Ordner (--dir ORDNER).
cli-overview-needs-output = Für { $format } braucht „overview“ eine Zieldatei (--output DATEI).
county-kicker = Informationssicherheit der Kommunen
county-title = Kreisübersicht
county-heading = { $n ->
    [one] Der Fahrplan einer Kommune
   *[other] Die Fahrpläne von { $n } Kommunen
 }
county-towns = Kommunen
county-measures-done = Maßnahmen erledigt
county-done-progress = { $done } von { $total } (Fortschritt { $progress })
county-comparison = Vergleich der Kommunen
county-legend = Überfällig: Maßnahmen, deren Termin verstrichen ist. Prüfungen: Wiedervorlagen der Wirksamkeit, überfällig oder in den nächsten 30 Tagen fällig. Unbestätigt: Urteile, die noch niemand als zweite Person bestätigt hat (Vier-Augen-Prinzip). Geplant bis heute und Ausgegeben: Kosten bis zum Stichtag, also Gleiches mit Gleichem verglichen. Erfüllungsgrad: letzte Bewertung je Katalog, in Klammern die Änderung seit der ersten Bewertung in Prozentpunkten. Rote, fette Zahlen: Handlungsbedarf.
county-figure = Kennzahl
county-value = Wert
county-overdue-measures = Überfällige Maßnahmen
county-col-due = Fällig seit
county-reevaluations = Prüfungen überfällig oder in 30 Tagen fällig
county-col-reevaluation = Prüfung am
county-unconfirmed = Unbestätigte Urteile
county-none = Keine.
report-contents-more = … und { $n } weitere Abschnitte (in den Lesezeichen)
county-degrees = Erfüllungsgrad je Katalog
county-catalog = Katalog
county-first = Erste Bewertung
county-latest = Letzte Bewertung
county-change = Änderung (Punkte)
overview-read-failed = Neu lesen ist fehlgeschlagen; gezeigt wird der Stand davor. Grund: { $reason }
overview-col-meeting-baseline = Ratssitzung · beschlossener Stand
overview-meeting-baseline = { $meeting } · beschlossen: { $baseline }
overview-col-name = Fahrplan (Datei oder Name auf dem Server)
