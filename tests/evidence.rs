//! Evidence with measures: files kept inside the roadmap come back byte for byte, with size and
//! SHA-256; links are listed; files over 25 MB and missing files are refused before anything is
//! read or written; the window lists, opens, removes and takes dropped files.

mod common;

use std::path::Path;

use common::fahrplan;

fn ok(output: &std::process::Output) -> String {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn list(db: &Path, code: &str) -> Vec<serde_json::Value> {
    let text = ok(&fahrplan(db, &["evidence", "list", code, "--format", "json"]));
    serde_json::from_str::<serde_json::Value>(&text)
        .expect("JSON")
        .as_array()
        .expect("a list")
        .clone()
}

/// Bytes that are not all alike (so a wrong offset or a lost block would show).
fn scan(len: usize) -> Vec<u8> {
    (0..len).map(|i| u8::try_from((i * 7919 + i / 251) % 256).expect("a byte")).collect()
}

#[test]
fn a_file_comes_back_byte_identical_with_its_checksum_and_a_link_is_listed() {
    let dir = tempfile::tempdir().expect("a folder");
    let db = dir.path().join("nachweise.sqlite");
    let file = dir.path().join("Protokoll Wiederherstellung.pdf");
    let bytes = scan(300 * 1024);
    std::fs::write(&file, &bytes).expect("written");
    let said = ok(&fahrplan(
        &db,
        &["evidence", "add", "M07", "--file", file.to_str().expect("utf-8"), "--note", "Test"],
    ));
    assert!(
        said.contains("Protokoll Wiederherstellung.pdf") && said.contains("300,0 KB"),
        "{said}"
    );
    ok(&fahrplan(&db, &["evidence", "add", "M07", "--link", "https://intranet/ticket/4711"]));

    let items = list(&db, "M07");
    assert_eq!(items.len(), 2);
    let (f, l) = (&items[0], &items[1]);
    let sha = sha256sum(&file);
    assert_eq!(f["kind"], "file");
    assert_eq!(f["name"], "Protokoll Wiederherstellung.pdf");
    assert_eq!(f["size"], 300 * 1024);
    assert_eq!(f["sha256"].as_str(), Some(sha.as_str()), "the digest sha256sum computes");
    assert_eq!((f["note"].as_str(), f["added_by"].as_str()), (Some("Test"), Some("it-leitung")));
    assert!(f["added_at"].as_str().is_some_and(|t| t.len() == 19 && t.contains('T')));
    assert!(f["url"].is_null());
    assert_eq!(
        (l["kind"].as_str(), l["url"].as_str()),
        (Some("link"), Some("https://intranet/ticket/4711"))
    );
    assert!(l["size"].is_null() && l["sha256"].is_null());
    for key in ["id", "kind", "name", "url", "size", "sha256", "note", "added_at", "added_by"] {
        assert!(f.get(key).is_some() && l.get(key).is_some(), "{key}");
    }

    let back = dir.path().join("zurück.pdf");
    let id = f["id"].as_i64().expect("an id").to_string();
    ok(&fahrplan(&db, &["evidence", "get", "M07", &id, "--output", back.to_str().expect("utf-8")]));
    assert!(std::fs::read(&back).expect("read") == bytes, "byte for byte");
    // A reader's copy of the roadmap leaves the bytes in the file: its backup (a command that
    // only reads) still holds them, and an import that would replace the roadmap says that the
    // evidence goes.
    let copy = dir.path().join("kopie.sqlite");
    ok(&fahrplan(&db, &["backup", "--output", copy.to_str().expect("utf-8")]));
    let from_copy = dir.path().join("aus-kopie.pdf");
    ok(&fahrplan(
        &copy,
        &["evidence", "get", "M07", &id, "--output", from_copy.to_str().expect("utf-8")],
    ));
    assert!(std::fs::read(&from_copy).expect("read") == bytes, "the backup holds the file");
    let export = dir.path().join("export.json");
    ok(&fahrplan(
        &db,
        &["export", "--format", "json", "--output", export.to_str().expect("utf-8")],
    ));
    let refused = fahrplan(&db, &["import", export.to_str().expect("utf-8")]);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("Nachweise entfallen") && said.contains("eine Datei und ein Verweis"),
        "{said}"
    );
    // Another measure's evidence id is not this measure's.
    let other = fahrplan(&db, &["evidence", "get", "M08", &id, "--output", "x.bin"]);
    assert_eq!(other.status.code(), Some(1));

    ok(&fahrplan(&db, &["evidence", "remove", "M07", &id]));
    assert_eq!(list(&db, "M07").len(), 1);
    ok(&fahrplan(&db, &["undo"]));
    assert_eq!(list(&db, "M07"), items, "undo brings it back as it was");
}

/// `sha256sum`'s digest of a file (coreutils).
fn sha256sum(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum").arg(path).output().expect("sha256sum runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    text.split_whitespace().next().expect("a digest").to_owned()
}

#[test]
fn missing_and_oversized_files_exit_1_and_leave_the_roadmap_unchanged() {
    let dir = tempfile::tempdir().expect("a folder");
    let db = dir.path().join("r.sqlite");
    let state = |db: &Path| {
        let history = ok(&fahrplan(db, &["history", "--format", "json"]));
        (history, ok(&fahrplan(db, &["show", "M07", "--format", "json"])))
    };
    let before = state(&db);
    let missing = fahrplan(&db, &["evidence", "add", "M07", "--file", "/nicht/da.pdf"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("gibt es nicht"));

    // 300 MB (sparse: no disk needed) and, under a 1 GB address-space limit, 4 GB: both are
    // refused by their size before anything is read, so memory stays flat.
    let big = dir.path().join("scan.tif");
    let file = std::fs::File::create(&big).expect("created");
    file.set_len(300 * 1024 * 1024).expect("sized");
    let out = fahrplan(&db, &["evidence", "add", "M07", "--file", big.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("300,0 MB") && said.contains("höchstens 25 MB"), "{said}");
    file.set_len(4 * 1024 * 1024 * 1024).expect("sized");
    let limited = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_fahrplan"))
        .args(["evidence", "add", "M07", "--file"])
        .arg(&big)
        .arg("--db")
        .arg(&db)
        .env("FAHRPLAN_LANG", "de")
        .output()
        .expect("runs");
    assert_eq!(limited.status.code(), Some(1), "{}", String::from_utf8_lossy(&limited.stderr));
    assert!(String::from_utf8_lossy(&limited.stderr).contains("4,0 GB"));
    // A folder is not a file; a link must be one the town can open.
    let folder =
        fahrplan(&db, &["evidence", "add", "M07", "--file", dir.path().to_str().expect("utf-8")]);
    assert_eq!(folder.status.code(), Some(1));
    let link = fahrplan(&db, &["evidence", "add", "M07", "--link", "ticket 4711"]);
    assert_eq!(link.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&link.stderr).contains("https://"));
    assert!(state(&db) == before, "nothing written");
    assert!(list(&db, "M07").is_empty());
}

#[test]
fn evidence_for_a_verdict_names_it_and_a_day_without_one_is_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let db = dir.path().join("r.sqlite");
    let file = dir.path().join("probe.txt");
    std::fs::write(&file, "Wiederherstellung geprobt").expect("written");
    let path = file.to_str().expect("utf-8");
    ok(&fahrplan(&db, &["reevaluate", "M07", "--verdict", "effective", "--date", "2026-11-20"]));
    ok(&fahrplan(&db, &["evidence", "add", "M07", "--file", path, "--reevaluation", "20.11.2026"]));
    assert_eq!(list(&db, "M07")[0]["reevaluation"], "2026-11-20");
    let none =
        fahrplan(&db, &["evidence", "add", "M07", "--file", path, "--reevaluation", "2026-11-21"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("21.11.2026"));
    // The council's report lists it by name and checksum (in groups a page can break); the
    // website's report does not publish evidence.
    let sha = list(&db, "M07")[0]["sha256"].as_str().expect("a checksum").to_owned();
    let pdf = dir.path().join("bericht.pdf");
    ok(&fahrplan(&db, &["export", "--format", "pdf", "--output", pdf.to_str().expect("utf-8")]));
    if common::have("pdftotext", &["-v"]) {
        let text = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) runs");
        assert!(text.status.success(), "{}", String::from_utf8_lossy(&text.stderr));
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("Nachweise") && text.contains("probe.txt"), "{text}");
        for group in 0..4 {
            let part = &sha[group * 16..group * 16 + 16];
            assert!(text.contains(part), "checksum group {part}");
        }
    }
    let html = dir.path().join("web.html");
    ok(&fahrplan(&db, &["export", "--format", "html", "--output", html.to_str().expect("utf-8")]));
    let html = std::fs::read_to_string(&html).expect("read");
    assert!(!html.contains("probe.txt") && !html.contains(&sha[..16]), "not published");
    assert!(html.contains("M07") && html.contains("</html>"), "the report is there");
}

mod window {
    //! The details' "Nachweise" (egui_kittest): listed with size and checksum, opened through a
    //! temporary copy, removed, and files dropped on the window kept.

    use std::sync::Mutex;

    use chrono::NaiveDate;
    use egui::accesskit::Role;
    use egui_kittest::{Harness, kittest::Queryable};
    use fahrplan::app::AppState;
    use fahrplan::i18n::Lang;
    use fahrplan::model::{EvidenceSource, NewEvidence};
    use fahrplan::store::Store;
    use fahrplan::ui::{FahrplanApp, Prefs, Tab};

    static OPENED: Mutex<Vec<String>> = Mutex::new(Vec::new());

    fn record(target: &str) -> std::io::Result<()> {
        OPENED.lock().expect("not poisoned").push(target.to_owned());
        Ok(())
    }

    /// Removes the private folders of the copies a test handed to the viewer (those whose path
    /// `mine` recognises; other tests run beside it), so none is left in the system's temporary
    /// folder.
    fn tidy(mine: impl Fn(&str) -> bool) {
        for opened in OPENED.lock().expect("not poisoned").iter().filter(|o| mine(o)) {
            let folder = std::path::Path::new(opened).parent().expect("a folder");
            if folder
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("fahrplan-nachweis-"))
            {
                std::fs::remove_dir_all(folder).expect("the copy's folder is removed");
            }
        }
    }

    #[derive(Debug)]
    struct Dropped(std::path::PathBuf);

    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }

    fn harness(store: Store) -> Harness<'static, FahrplanApp> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
        let mut state = AppState::new(store, Lang::De, today).expect("a roadmap");
        state.set_opener(record);
        let app = FahrplanApp::new(state, Prefs { tab: Tab::Table, ..Prefs::default() });
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1600.0, 2400.0))
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
        harness.run();
        harness
    }

    #[test]
    fn the_details_list_open_remove_and_take_dropped_files() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("a.sqlite");
        let seed = fahrplan::app::default_seed(Lang::De).expect("the default roadmap");
        let mut store = Store::create(&path, Some(&seed)).expect("a new file");
        let bytes = b"%PDF-1.7 Protokoll".to_vec();
        let new = NewEvidence {
            source: EvidenceSource::File { name: "Protokoll.pdf".into(), bytes: bytes.clone() },
            note: "Wiederherstellung geprobt".into(),
            reevaluation: None,
        };
        let added = store.add_evidence("M07", &new).expect("added");
        for source in [
            EvidenceSource::File { name: "Rechnung.pdf.exe".into(), bytes: b"MZ".to_vec() },
            EvidenceSource::Link(r"\\rathaus\it\tool.exe".into()),
        ] {
            let new = NewEvidence { source, note: String::new(), reevaluation: None };
            store.add_evidence("M07", &new).expect("added");
        }
        let mut harness = harness(store);
        harness.get_by_label_contains("M07").click();
        harness.run();
        assert!(harness.query_by_label("Nachweise").is_some());
        assert!(harness.query_all_by_label_contains("Wiederherstellung geprobt").next().is_some());
        let sha = added.sha256.clone().expect("a checksum");
        assert!(harness.query_by_label_contains(&sha).is_some(), "the checksum is shown");

        // Opened through a temporary copy with the same bytes and name.
        harness.get_by_label_contains("Protokoll.pdf").click();
        harness.run();
        let opened = OPENED
            .lock()
            .expect("not poisoned")
            .iter()
            .find(|o| o.ends_with("Protokoll.pdf"))
            .cloned()
            .expect("opened as Protokoll.pdf");
        assert!(std::fs::read(&opened).expect("the copy") == bytes, "the same bytes");
        // In a private folder of its own (not a shared, predictable one).
        let folder = std::path::Path::new(&opened).parent().expect("a folder");
        assert!(
            folder
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("fahrplan-nachweis-"))
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(folder).expect("there").permissions().mode();
            assert_eq!(mode & 0o077, 0, "only the user may enter it: {mode:o}");
        }

        // A file dropped on the window becomes the shown measure's evidence.
        let dropped = dir.path().join("Foto Serverraum.png");
        std::fs::write(&dropped, b"\x89PNG").expect("written");
        harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(dropped)));
        harness.run();
        let names: Vec<String> = harness
            .state()
            .state
            .roadmap()
            .evidence
            .iter()
            .filter(|e| e.code == "M07")
            .map(|e| e.name.clone())
            .collect();
        assert_eq!(
            names,
            ["Protokoll.pdf", "Rechnung.pdf.exe", r"\\rathaus\it\tool.exe", "Foto Serverraum.png"]
        );
        assert!(
            harness
                .query_all_by_label_contains("„Foto Serverraum.png“ gespeichert")
                .next()
                .is_some()
        );

        // A link the store refuses stays in its field to be corrected; a good one is added and
        // the field emptied.
        harness.get_by_role_and_label(Role::TextInput, "Link").focus();
        harness.run();
        harness.get_by_role_and_label(Role::TextInput, "Link").type_text("intranet/ticket");
        harness.run();
        harness.get_by_label("Link hinzufügen").click();
        harness.run();
        assert!(harness.query_all_by_label_contains("muss mit http://").next().is_some());
        assert_eq!(harness.state().view.forms.evidence_link, "intranet/ticket");
        harness.state_mut().view.forms.evidence_link.clear();
        harness.get_by_role_and_label(Role::TextInput, "Link").focus();
        harness.run();
        harness
            .get_by_role_and_label(Role::TextInput, "Link")
            .type_text("https://intranet/ticket/4711");
        harness.run();
        harness.get_by_label("Link hinzufügen").click();
        harness.run();
        let roadmap = harness.state().state.roadmap().clone();
        assert!(
            roadmap
                .evidence
                .iter()
                .any(|e| e.url.as_deref() == Some("https://intranet/ticket/4711"))
        );
        assert!(harness.query_by_label("https://intranet/ticket/4711").is_some(), "listed");
        assert!(harness.state().view.forms.evidence_link.is_empty(), "the field is emptied");

        // What could run is not handed to the system: a program file, a network path.
        let handed = || {
            let opened = OPENED.lock().expect("not poisoned");
            opened.iter().filter(|o| o.contains("Rechnung") || o.contains("tool.exe")).count()
        };
        harness.get_by_label("Rechnung.pdf.exe").click();
        harness.run();
        assert!(harness.query_all_by_label_contains("wird nicht geöffnet").next().is_some());
        harness.get_by_label(r"\\rathaus\it\tool.exe").click();
        harness.run();
        assert!(harness.query_all_by_label_contains("im Dateimanager öffnen").next().is_some());
        assert_eq!(handed(), 0, "nothing handed over");

        // Removed (undo is the store's, tested there and on the command line).
        let remove = harness.get_all_by_label("Entfernen").next().expect("a button");
        remove.click();
        harness.run();
        let left: Vec<i64> =
            harness.state().state.roadmap().evidence.iter().map(|e| e.id).collect();
        assert!(!left.contains(&added.id));
        assert!(harness.query_all_by_label_contains("„Protokoll.pdf“ entfernt").next().is_some());
        tidy(|o| o.ends_with("Protokoll.pdf"));
    }

    /// A new default roadmap in `dir` whose M07 has the file `name` with `bytes` as evidence.
    fn with_file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Store {
        let seed = fahrplan::app::default_seed(Lang::De).expect("the default roadmap");
        let mut store = Store::create(&dir.join("a.sqlite"), Some(&seed)).expect("a new file");
        let new = NewEvidence {
            source: EvidenceSource::File { name: name.to_owned(), bytes: bytes.to_vec() },
            note: String::new(),
            reevaluation: None,
        };
        store.add_evidence("M07", &new).expect("added");
        store
    }

    #[test]
    fn the_copy_handed_to_the_viewer_keeps_the_checked_extension() {
        let dir = tempfile::tempdir().expect("a folder");
        // 124 characters whose first 120 end in `.exe` (issue 25).
        let name = format!("Pruefbericht_{}.exe.pdf", "A".repeat(103));
        let mut harness = harness(with_file(dir.path(), &name, b"%PDF-1.7"));
        harness.get_by_label_contains("M07").click();
        harness.run();
        harness.get_by_label(&name).click();
        harness.run();
        let opened = OPENED
            .lock()
            .expect("not poisoned")
            .iter()
            .find(|o| o.contains("Pruefbericht_"))
            .cloned()
            .expect("handed to the viewer");
        let file = std::path::Path::new(&opened).file_name().expect("a name").to_string_lossy();
        assert!(file.ends_with(".pdf") && !file.contains(".exe"), "{file}");
        assert!(file.chars().count() <= 120, "{file}");
        assert_eq!(std::fs::read(&opened).expect("the copy"), b"%PDF-1.7");
        tidy(|o| o.contains("Pruefbericht_"));
    }

    #[test]
    fn erasing_asks_for_a_reason_and_leaves_a_record() {
        let dir = tempfile::tempdir().expect("a folder");
        let store = with_file(dir.path(), "Personalliste.pdf", b"%PDF-1.7 Mustermann");
        let mut harness = harness(store);
        harness.get_by_label_contains("M07").click();
        harness.run();
        harness.get_by_label("Endgültig löschen …").click();
        harness.run();
        assert!(
            harness.query_by_label_contains("„Personalliste.pdf“ endgültig löschen?").is_some()
        );
        // Without a reason nothing is erased; cancelling keeps it.
        harness.get_by_label("Endgültig löschen").click();
        harness.run();
        assert_eq!(harness.state().state.roadmap().evidence.len(), 1, "no reason, no erasure");
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Grund (wird im Verlauf festgehalten)")
            .focus();
        harness.run();
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Grund (wird im Verlauf festgehalten)")
            .type_text("Personendaten, versehentlich");
        harness.run();
        harness.get_by_label("Endgültig löschen").click();
        harness.run();
        assert!(harness.state().state.roadmap().evidence.is_empty());
        assert!(harness.query_all_by_label_contains("endgültig gelöscht").next().is_some());
        let history = harness.state().state.history().expect("the history");
        let last = history.last().expect("a row");
        assert_eq!(
            (last.field.as_str(), last.comment.as_str()),
            ("evidence-purged", "Personendaten, versehentlich")
        );
    }
}
