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
health-done = Abgeschlossen
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
months = { $n } Monate
next-with-interval = { $date } (alle { $n } Monate)
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
label-status = Status
label-comment = Kommentar
hint-comment = optional, z. B. Beschluss vom …
hint-sort = Klicken zum Sortieren
action-apply-status = Status übernehmen
action-close-message = Schließen
detail-none = Wählen Sie links eine Maßnahme aus, um alle Angaben zu sehen.
empty-roadmap = Dieser Fahrplan enthält noch keine Maßnahmen.
measures-count = { $n } Maßnahmen
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
err-exists = { $path } gibt es bereits. Bitte wählen Sie einen anderen Namen.
err-read-only = Der Fahrplan ist schreibgeschützt geöffnet; es wurde nichts geändert.
err-conflict = Maßnahme { $code } wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert; die aktuellen Werte werden angezeigt.
err-busy = Die Datei wird gerade von einem anderen Programm benutzt. Bitte versuchen Sie es gleich noch einmal; es wurde nichts geändert.
err-disk-full = Der Datenträger ist voll. Es wurde nichts geändert; bitte schaffen Sie Platz und versuchen Sie es erneut.
err-migration = Die Datei konnte nicht auf das aktuelle Format gebracht werden: { $detail }
err-seed = Der mitgelieferte Standardfahrplan ist fehlerhaft: { $detail }
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
invalid-interval = Das Prüfintervall { $value } muss zwischen 1 und 120 Monaten liegen.

## Kommandozeile
cli-unknown-code = Es gibt keine Maßnahme { $code }.
cli-bad-status = Unbekannter Status „{ $status }“. Möglich sind: { $valid }.
cli-status-set = { $code }: Status { $old } → { $new }
cli-no-file = { $path } gibt es nicht.
cli-check-ok = { $path }: in Ordnung (Integrität { $integrity }, Schema-Version { $version }, Anwendungskennung { $id }, { $measures } Maßnahmen)

## Zeitplan
group-horizon = Horizont
group-owner = Verantwortliche
group-status = Status
no-owner = Ohne Verantwortliche
lane-done = { $done } von { $total } erledigt
lane-overdue = { $n } überfällig
