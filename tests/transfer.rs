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
    let store = Store::open_or_create(
        path,
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    )
    .expect("a roadmap file");
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
        "Bericht für die Website (HTML, barrierefrei) …",
        "Maßnahmen als CSV (Excel) exportieren …",
        "Ausgaben als CSV exportieren …",
        "Alles als JSON exportieren …",
        "Termine als Kalender (iCalendar) exportieren …",
        "Kalender je Verantwortlichem …",
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
        (ExportKind::Html, "bericht.html", &b"<!DOCTYPE html>\n<html lang=\"de\">"[..]),
        (ExportKind::Png, "zeitplan.png", &b"\x89PNG"[..]),
        (ExportKind::Csv, "massnahmen.csv", &b"\xef\xbb\xbf"[..]),
        (ExportKind::Json, "alles.json", &b"{"[..]),
        (ExportKind::Ics, "termine.ics", &b"BEGIN:VCALENDAR"[..]),
    ] {
        let path = dir.path().join(name);
        give(&mut harness, Command::Export { path: path.clone(), kind });
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(bytes.starts_with(magic), "{name} has the right format");
        let message = harness.state().state.message().cloned().expect("a message");
        assert_eq!(message.kind, MessageKind::Info);
        assert!(
            harness.query_by_label_contains(&format!("Exportiert: {}", path.display())).is_some()
        );
    }
    // One calendar per owner into a folder: one file for each owner with measures.
    let folder = dir.path().join("kalender");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("Fahrplan-Blumberg.ics");
    give(&mut harness, Command::Export { path: path.clone(), kind: ExportKind::IcsPerOwner });
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(files.contains(&"Fahrplan-Blumberg-IT-Leitung.ics".to_owned()), "{files:?}");
    let owners = harness.state().state.roadmap().owners.len();
    assert!(files.len() >= 3 && files.len() <= owners, "{files:?}");
    let message = harness.state().state.message().cloned().expect("a message");
    assert!(message.text.starts_with(&format!("{} Kalender", files.len())), "{}", message.text);
    // A folder that does not exist: a message, no file.
    let bad = dir.path().join("fehlt").join("bericht.pdf");
    give(&mut harness, Command::Export { path: bad.clone(), kind: ExportKind::Pdf });
    let message = harness.state().state.message().cloned().expect("a message");
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
        let mut store = Store::open_or_create(
            &source,
            &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
        )
        .unwrap();
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
    assert_ne!(harness.state().state.roadmap().measures[0].title, "Aus der Importdatei");

    // Confirm: the file's content replaces the roadmap, a backup was made first.
    give(&mut harness, Command::ReadImport(json));
    let backups = fahrplan::store::list_backups(&target).len();
    // However fast the job is, the window is looked at while it works.
    harness.state_mut().state.hold_jobs();
    harness.get_by_label("Ersetzen und importieren").click();
    harness.run();
    // The import is applied beside the window; meanwhile nothing else reaches the store.
    let state = &mut harness.state_mut().state;
    assert!(state.job().is_some() && state.is_read_only(), "applied beside the window");
    let m02 = state.roadmap().measure("M02").expect("M02").clone();
    state.push(Command::SetProgress {
        code: "M02".into(),
        progress: 7,
        expected_version: m02.version,
    });
    let outcomes = state.apply_queue();
    assert!(
        matches!(&outcomes[..], [Err(text)] if text.contains("bitte warten")),
        "refused while the import is applied: {outcomes:?}"
    );
    state.wait_for_job();
    assert!(!state.is_read_only());
    harness.run();
    assert_eq!(harness.state().state.roadmap().measures[0].title, "Aus der Importdatei");
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
    let message = harness.state().state.message().cloned().expect("a message");
    assert_eq!(message.kind, MessageKind::Error);
    assert!(message.text.contains("Import abgelehnt"), "{}", message.text);
    assert!(message.text.contains("Zeile 1"), "located: {}", message.text);
    drop(harness);
    assert_eq!(std::fs::read(&target).unwrap(), before, "the file is unchanged");
}

#[test]
fn opening_another_file_waits_until_the_import_is_read_and_the_preview_stays_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("erste.sqlite");
    let json = dir.path().join("export.json");
    let mut harness = harness(&first);
    give(&mut harness, Command::Export { path: json.clone(), kind: ExportKind::Json });
    // The import is read in the background while the user opens another file.
    harness.state_mut().state.push(Command::ReadImport(json));
    harness.state_mut().state.apply_queue();
    let second = dir.path().join("zweite.sqlite");
    drop(
        Store::open_or_create(
            &second,
            &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
        )
        .unwrap(),
    );
    harness.state_mut().state.push(Command::Open(second.clone()));
    let outcomes = harness.state_mut().state.apply_queue();
    assert!(
        matches!(&outcomes[..], [Err(text)] if text.contains("bitte warten")),
        "one thing at a time: {outcomes:?}"
    );
    harness.state_mut().state.wait_for_job();
    let state = &harness.state().state;
    assert_eq!(state.file_path(), first.as_path(), "still the first file");
    assert_eq!(state.import_preview().map(|p| p.target.clone()), Some(first.clone()));
    // Opening the other file now drops the preview that was meant for the first.
    give(&mut harness, Command::Open(second.clone()));
    let state = &harness.state().state;
    assert_eq!(state.file_path(), second.as_path());
    assert!(state.import_preview().is_none(), "no preview for the other file");
}

#[test]
fn opening_restoring_and_listing_the_backups_run_beside_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("erste.sqlite");
    let second = dir.path().join("zweite.sqlite");
    drop(
        Store::create(&second, Some(&fahrplan::app::default_seed(Lang::En).expect("the roadmap")))
            .unwrap(),
    );
    let mut harness = harness(&first);

    // Opening: checked beside the window, which shows what it does and switches when done.
    harness.state_mut().state.push(Command::Open(second.clone()));
    harness.state_mut().state.apply_queue();
    let state = &harness.state().state;
    assert_eq!(state.file_path(), first.as_path(), "not switched before the file is checked");
    let job = state.job().expect("opened beside the window");
    assert!(job.label.contains("zweite.sqlite"), "{}", job.label);
    harness.state_mut().state.wait_for_job();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.file_path(), second.as_path());
    assert!(state.roadmap().measures[0].title.starts_with("Dissolve"), "the English roadmap");
    assert_eq!(state.opened().first(), Some(&second), "remembered as opened");

    // The backups window lists (and checks) the backups beside the window.
    give(&mut harness, Command::BackupNow);
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Sicherungen …").click();
    harness.run();
    harness.state_mut().state.wait_for_job();
    harness.run();
    assert!(harness.query_by_label("Wiederherstellen").is_some(), "the backup is listed");
    let backup = harness.state().state.backups().expect("listed")[0].path.clone();

    // Restoring in place: the store works beside the window; meanwhile the window is read-only.
    let m02 = harness.state().state.roadmap().measure("M02").expect("M02").clone();
    give(
        &mut harness,
        Command::SetProgress { code: "M02".into(), progress: 7, expected_version: m02.version },
    );
    assert_eq!(harness.state().state.roadmap().measure("M02").expect("M02").progress, 7);
    let state = &mut harness.state_mut().state;
    state.push(Command::Restore(backup));
    state.apply_queue();
    assert!(state.job().is_some() && state.is_read_only(), "restored beside the window");
    assert_eq!(state.file_path(), second.as_path(), "the file, not the stand-in");
    assert!(state.history().is_err(), "nothing reads the stand-in");
    state.wait_for_job();
    assert!(!state.is_read_only());
    assert_eq!(state.roadmap().measure("M02").expect("M02").progress, m02.progress);
    let message = state.message().cloned().expect("a message");
    assert!(message.text.contains("wiederhergestellt"), "{}", message.text);
}

#[test]
fn the_backups_shown_are_always_those_of_the_open_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("erste.sqlite");
    let second = dir.path().join("zweite.sqlite");
    drop(
        Store::create(&second, Some(&fahrplan::app::default_seed(Lang::De).expect("the roadmap")))
            .unwrap(),
    );
    let mut harness = harness(&first);
    give(&mut harness, Command::BackupNow);
    let state = &mut harness.state_mut().state;
    state.list_backups();
    state.wait_for_job();
    assert_eq!(state.backups().map(<[_]>::len), Some(1));
    // Another file: the first file's list is not shown for it, not even while it is listed.
    state.push(Command::Open(second.clone()));
    state.apply_queue();
    state.wait_for_job();
    assert_eq!(state.file_path(), second.as_path());
    assert!(state.backups().is_none(), "nothing listed for the second file yet");
    state.list_backups();
    state.wait_for_job();
    assert_eq!(state.backups().map(<[_]>::len), Some(0), "the second file has none");
    // A listing of the first file that arrives after the switch is not taken for the second.
    state.push(Command::Open(first.clone()));
    state.apply_queue();
    state.list_backups();
    state.wait_for_job();
    assert_eq!(state.file_path(), first.as_path());
    assert!(state.backups().is_none(), "the second file's list is not the first's");
    state.list_backups();
    state.wait_for_job();
    assert_eq!(state.backups().map(<[_]>::len), Some(1));
}
