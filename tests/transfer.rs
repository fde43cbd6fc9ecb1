//! Exports and imports from the window (egui_kittest): the Export menu, background writing with
//! its message, and the import preview that asks before anything is replaced. The file dialogs
//! are not opened here; the tests give the commands the dialogs would give.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fahrplan::app::{AppState, Command, ExportKind, MessageKind};
use fahrplan::i18n::Lang;
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date")
}

fn harness(path: &std::path::Path) -> Harness<'static, FahrplanApp> {
    let store = Store::open_or_create(path, Lang::De).expect("a roadmap file");
    let state = AppState::new(store, Lang::De, today()).expect("a loaded roadmap");
    let app = FahrplanApp::new(state, Prefs { tab: Tab::Table, ..Prefs::default() });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness
}

/// Gives a command as a menu entry would, runs until the background job is done, and shows it.
fn give(harness: &mut Harness<'_, FahrplanApp>, command: Command) {
    harness.state_mut().state.push(command);
    harness.state_mut().state.apply_queue();
    harness.state_mut().state.wait_for_job();
    harness.run();
}

#[test]
fn the_export_menu_offers_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir.path().join("a.sqlite"));
    harness.get_by_label("Export").click();
    harness.run();
    for entry in [
        "Bericht für den Gemeinderat (PDF) …",
        "Maßnahmen als CSV (Excel) exportieren …",
        "Ausgaben als CSV exportieren …",
        "Alles als JSON exportieren …",
        "Termine als Kalender (iCalendar) exportieren …",
        "Zeitplan als Bild (PNG) exportieren …",
    ] {
        assert!(harness.query_by_label(entry).is_some(), "{entry} is in the Export menu");
    }
}

#[test]
fn exports_are_written_in_the_background_and_say_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir.path().join("a.sqlite"));
    for (kind, name, magic) in [
        (ExportKind::Pdf, "bericht.pdf", &b"%PDF-"[..]),
        (ExportKind::Png, "zeitplan.png", &b"\x89PNG"[..]),
        (ExportKind::Csv, "massnahmen.csv", &b"\xef\xbb\xbf"[..]),
        (ExportKind::Json, "alles.json", &b"{"[..]),
        (ExportKind::Ics, "termine.ics", &b"BEGIN:VCALENDAR"[..]),
    ] {
        let path = dir.path().join(name);
        give(&mut harness, Command::Export { path: path.clone(), kind });
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(bytes.starts_with(magic), "{name} has the right format");
        let message = harness.state().state.message.clone().expect("a message");
        assert_eq!(message.kind, MessageKind::Info);
        assert!(
            harness.query_by_label_contains(&format!("Exportiert: {}", path.display())).is_some()
        );
    }
    // A folder that does not exist: a message, no file.
    let bad = dir.path().join("fehlt").join("bericht.pdf");
    give(&mut harness, Command::Export { path: bad.clone(), kind: ExportKind::Pdf });
    let message = harness.state().state.message.clone().expect("a message");
    assert_eq!(message.kind, MessageKind::Error);
    assert!(message.text.contains("konnte nicht geschrieben werden"), "{}", message.text);
    assert!(!bad.exists());
}

#[test]
fn an_import_is_previewed_and_replaces_only_when_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    // An export of a changed roadmap to import later.
    let source = dir.path().join("quelle.sqlite");
    {
        let mut store = Store::open_or_create(&source, Lang::De).unwrap();
        store
            .update_measure("M01", None, "", |m| fahrplan::model::Measure {
                title: "Aus der Importdatei".into(),
                ..m.clone()
            })
            .unwrap();
    }
    let json = dir.path().join("export.json");
    {
        let mut h = harness(&source);
        give(&mut h, Command::Export { path: json.clone(), kind: ExportKind::Json });
    }

    let target = dir.path().join("ziel.sqlite");
    let mut harness = harness(&target);
    give(&mut harness, Command::ReadImport(json.clone()));
    assert!(harness.query_by_label("Import prüfen").is_some(), "the preview is shown");
    assert!(harness.query_by_label_contains("Enthält 20 Maßnahmen").is_some());
    assert!(harness.query_by_label_contains("enthält 20 Maßnahmen. Sie werden").is_some());
    assert!(harness.query_by_label("Geändert: 1 (M01)").is_some(), "the preview names the change");
    assert!(harness.query_by_label("Unverändert: 19").is_some());
    assert!(harness.query_by_label_contains("Ziel: ").is_some(), "and the file it goes into");

    // Cancel: nothing changes.
    harness.get_by_label("Abbrechen").click();
    harness.run();
    assert!(harness.state().state.import_preview().is_none());
    assert_ne!(harness.state().state.roadmap.measures[0].title, "Aus der Importdatei");

    // Confirm: the file's content replaces the roadmap, a backup was made first.
    give(&mut harness, Command::ReadImport(json));
    let backups = fahrplan::store::list_backups(&target).len();
    harness.get_by_label("Ersetzen und importieren").click();
    harness.run();
    assert_eq!(harness.state().state.roadmap.measures[0].title, "Aus der Importdatei");
    assert!(harness.query_by_label_contains("Importiert: 20 Maßnahmen").is_some());
    assert_eq!(fahrplan::store::list_backups(&target).len(), backups + 1, "a backup first");
    drop(harness);
    let store = Store::open(&target).unwrap();
    assert_eq!(store.measure("M01").unwrap().unwrap().title, "Aus der Importdatei");
}

#[test]
fn a_broken_import_file_is_refused_with_its_location_and_no_preview() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ziel.sqlite");
    let mut harness = harness(&target);
    let before = std::fs::read(&target).unwrap();
    let broken = dir.path().join("kaputt.json");
    std::fs::write(&broken, b"{\"format\": \"fahrplan\", \"version\": 1, \"measures\": [").unwrap();
    give(&mut harness, Command::ReadImport(broken));
    assert!(harness.state().state.import_preview().is_none());
    let message = harness.state().state.message.clone().expect("a message");
    assert_eq!(message.kind, MessageKind::Error);
    assert!(message.text.contains("Import abgelehnt"), "{}", message.text);
    assert!(message.text.contains("Zeile 1"), "located: {}", message.text);
    drop(harness);
    assert_eq!(std::fs::read(&target).unwrap(), before, "the file is unchanged");
}

#[test]
fn an_import_read_for_one_file_is_not_applied_to_another() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("erste.sqlite");
    let json = dir.path().join("export.json");
    let mut harness = harness(&first);
    give(&mut harness, Command::Export { path: json.clone(), kind: ExportKind::Json });
    // The import is read in the background while the user opens another file.
    harness.state_mut().state.push(Command::ReadImport(json));
    harness.state_mut().state.apply_queue();
    let second = dir.path().join("zweite.sqlite");
    drop(Store::open_or_create(&second, Lang::De).unwrap());
    give(&mut harness, Command::Open(second.clone()));
    assert!(harness.state().state.import_preview().is_none(), "no preview for the other file");
    let message = harness.state().state.message.clone().expect("a message");
    assert_eq!(message.kind, MessageKind::Error);
    assert!(message.text.contains("erste.sqlite gedacht"), "{}", message.text);
}
