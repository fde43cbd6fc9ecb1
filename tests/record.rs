//! A record nobody rewrites unseen (issue 25): the history's hash chain on a file and on a
//! server, imports marked as imported, evidence erased for good, and a server that refuses an
//! editor's rewrite of history, batches, confirmations and evidence.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Output;

use common::fahrplan;

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(output)))
}

/// What someone with the file and sqlite3 does: says carol set M01's progress. Returns the row.
fn rewrite_progress_author(conn: &rusqlite::Connection) -> i64 {
    let id: i64 = conn
        .query_row("SELECT id FROM history WHERE field = 'progress' AND code = 'M01'", [], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute("UPDATE history SET who = 'carol' WHERE id = ?1", [id]).unwrap();
    id
}

/// A roadmap file with a few changes recorded.
fn roadmap_with_changes(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("r.sqlite");
    for args in [
        &["set-progress", "M01", "40", "--comment", "Angebot liegt vor"][..],
        &["set-status", "M02", "in-progress"],
        &["reevaluate", "M07", "--verdict", "effective"],
    ] {
        let done = fahrplan(&db, args);
        assert!(done.status.success(), "{}", text(&done));
    }
    db
}

#[test]
fn a_history_row_changed_behind_fahrplans_back_is_named_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let checked = fahrplan(&db, &["check", "--format", "json"]);
    assert!(checked.status.success(), "{}", text(&checked));
    let history = &json(&checked)["history"];
    let rows = history["rows"].as_u64().unwrap();
    assert!(rows > 20, "the seed and the changes: {history}");
    assert_eq!(history["verified"].as_u64(), Some(rows));
    assert!(history["first_broken"].is_null());

    // Someone with the file and sqlite3 rewrites who set the progress.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let id = rewrite_progress_author(&conn);
    drop(conn);
    let checked = fahrplan(&db, &["check", "--format", "json"]);
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked));
    let history = &json(&checked)["history"];
    assert_eq!(history["first_broken"].as_i64(), Some(id));
    assert_eq!(history["verified"].as_i64(), Some(id - 1), "the rows before it hold");
    let said = fahrplan(&db, &["check"]);
    assert_eq!(said.status.code(), Some(1));
    assert!(text(&said).contains(&format!("Eintrag {id} passt nicht")), "{}", text(&said));

    // A row removed: the one after it no longer fits.
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("DELETE FROM history WHERE id = 5", []).unwrap();
    drop(conn);
    let checked = fahrplan(&db, &["check", "--format", "json"]);
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked));
    assert_eq!(json(&checked)["history"]["first_broken"].as_i64(), Some(6));
}

#[test]
fn a_confirmation_typed_into_a_file_is_shown_as_imported_and_never_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let export = dir.path().join("export.json");
    let exported =
        fahrplan(&db, &["export", "--format", "json", "--output", export.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", text(&exported));
    // The forgery: carol "confirmed" the verdicts, and every row is carol's.
    let mut data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    for r in data["reevaluations"].as_array_mut().unwrap() {
        if r["code"] == "M07" {
            r["confirmed_by"] = "carol".into();
            r["confirmed_at"] = "2026-11-28".into();
        }
    }
    for c in data["history"].as_array_mut().unwrap() {
        c["who"] = "carol".into();
    }
    std::fs::write(&export, serde_json::to_vec(&data).unwrap()).unwrap();
    let bytes = std::fs::read(&export).unwrap();
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    let imported = fahrplan(&db, &["import", "--replace", export.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", text(&imported));

    let shown = json(&fahrplan(&db, &["show", "M07", "--format", "json"]));
    let verdict = shown["reevaluations"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(verdict["confirmed_by"], "carol");
    assert_eq!(
        (verdict["imported"].as_bool(), verdict["confirmed"].as_bool()),
        (Some(true), Some(false))
    );

    let history = json(&fahrplan(&db, &["history", "--format", "json"]));
    let rows = history.as_array().unwrap();
    let (last, before) = rows.split_last().unwrap();
    assert!(before.iter().all(|c| c["imported"] == true), "every row from the file is marked");
    assert_eq!(last["field"], "replaced-import");
    assert_eq!(last["imported"], false);
    assert_eq!(last["new"], format!("export.json (SHA-256 {sha})"));
    assert_eq!(last["old"].as_str().map(str::len), Some(64), "the previous chain's last hash");
    let checked = fahrplan(&db, &["check", "--format", "json"]);
    assert!(checked.status.success(), "the new chain holds: {}", text(&checked));
    // In German, the rows read as imported.
    let said = text(&fahrplan(&db, &["history", "M07"]));
    assert!(said.contains("carol (importiert)"), "{said}");

    // Confirmed here, it counts.
    let confirmed = std::process::Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(["--db", db.to_str().unwrap(), "confirm", "M07"])
        .env("FAHRPLAN_USER", "bernd")
        .env("FAHRPLAN_TODAY", "2026-12-01")
        .env_remove("FAHRPLAN_DB")
        .output()
        .unwrap();
    assert!(confirmed.status.success(), "{}", text(&confirmed));
    let shown = json(&fahrplan(&db, &["show", "M07", "--format", "json"]));
    let verdict = shown["reevaluations"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (verdict["confirmed_by"].as_str(), verdict["confirmed"].as_bool()),
        (Some("bernd"), Some(true))
    );

    // Set by hand in the file, with no history row giving it (or against the one there), a
    // confirmation never counts.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE reevaluation SET confirmed_by = 'carol', confirmation_imported = 0 \
         WHERE measure_id = (SELECT id FROM measure WHERE code = 'M07')",
        [],
    )
    .unwrap();
    drop(conn);
    let shown = json(&fahrplan(&db, &["show", "M07", "--format", "json"]));
    for verdict in shown["reevaluations"].as_array().unwrap() {
        assert_eq!(
            (verdict["confirmed_by"].as_str(), verdict["confirmed"].as_bool()),
            (Some("carol"), Some(false)),
            "{verdict}"
        );
    }
}

#[test]
fn texts_longer_than_their_fields_allow_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let before = json(&fahrplan(&db, &["show", "M01", "--format", "json"]));
    let title = "T".repeat(201);
    let comment = "k".repeat(10_001);
    for (args, needle) in [
        (vec!["edit", "M01", "--title", &title], "201 Zeichen, höchstens 200"),
        (
            vec!["set-progress", "M01", "55", "--comment", &comment],
            "10001 Zeichen, höchstens 10000",
        ),
    ] {
        let refused = fahrplan(&db, &args);
        assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
        assert!(text(&refused).contains(needle), "{}", text(&refused));
    }
    assert_eq!(json(&fahrplan(&db, &["show", "M01", "--format", "json"])), before);
    // The longest allowed pass.
    let title = "T".repeat(200);
    let edited = fahrplan(&db, &["edit", "M01", "--title", &title]);
    assert!(edited.status.success(), "{}", text(&edited));
    // An import with a comment too long is refused whole.
    let export = dir.path().join("e.json");
    assert!(
        fahrplan(&db, &["export", "--format", "json", "--output", export.to_str().unwrap()])
            .status
            .success()
    );
    let mut data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    data["history"][0]["comment"] = "k".repeat(10_001).into();
    std::fs::write(&export, serde_json::to_vec(&data).unwrap()).unwrap();
    let other = dir.path().join("neu.sqlite");
    let refused = fahrplan(&other, &["import", export.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("höchstens 10000"), "{}", text(&refused));
    // So is one whose evaluator or meeting title is longer than typing allows (named, before
    // the database's own checks could refuse it).
    data["history"][0]["comment"] = "".into();
    data["reevaluations"][0]["by"] = "b".repeat(201).into();
    std::fs::write(&export, serde_json::to_vec(&data).unwrap()).unwrap();
    let refused = fahrplan(&other, &["import", export.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("Geprüft von: 201 Zeichen"), "{}", text(&refused));
    assert!(!other.exists(), "nothing written");
    // An amount no town spends is refused with its place (issue 26).
    data["reevaluations"][0]["by"] = "anna".into();
    let expense = serde_json::json!({"code": "M01", "date": "2026-11-02",
        "amount_cents": i64::MAX, "note": ""});
    data["expenses"].as_array_mut().unwrap().push(expense);
    std::fs::write(&export, serde_json::to_vec(&data).unwrap()).unwrap();
    let refused = fahrplan(&other, &["import", export.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("M01 / expense"), "{}", text(&refused));
    assert!(text(&refused).contains("zu groß"), "{}", text(&refused));
    assert!(!other.exists(), "nothing written");
    // A file that starts with a byte-order mark, as Windows editors write it, is read.
    data["expenses"].as_array_mut().unwrap().pop();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&data).unwrap());
    std::fs::write(&export, bytes).unwrap();
    let imported = fahrplan(&other, &["import", export.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", text(&imported));
}

#[test]
fn one_bad_row_written_outside_fahrplan_never_hides_the_roadmap() {
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    // The file's own checks refuse this (migration 11); whoever holds the file can turn them off,
    // and files from before them may hold such rows.
    let refused = conn.execute("UPDATE measure SET due = 'kaputt' WHERE code = 'M07'", []);
    assert!(refused.unwrap_err().to_string().contains("CHECK constraint failed"));
    conn.pragma_update(None, "ignore_check_constraints", true).unwrap();
    conn.execute("UPDATE measure SET due = 'kaputt' WHERE code = 'M07'", []).unwrap();
    conn.execute("UPDATE history SET at = '2026-11-27 10:00:00' WHERE id = 3", []).unwrap();
    drop(conn);
    // The rest is listed; the bad row is named.
    let listed = fahrplan(&db, &["list", "--format", "json"]);
    assert!(listed.status.success(), "{}", text(&listed));
    let codes: Vec<String> = json(&listed)
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap().to_owned())
        .collect();
    assert!(codes.contains(&"M01".to_owned()) && !codes.contains(&"M07".to_owned()), "{codes:?}");
    let said = String::from_utf8_lossy(&listed.stderr).into_owned();
    assert!(said.contains("Maßnahme M07: Fällig „kaputt“"), "{said}");
    // The history keeps the row in its place, saying what cannot be read.
    let history = fahrplan(&db, &["history", "--format", "json"]);
    assert!(history.status.success(), "{}", text(&history));
    let rows = json(&history);
    let row = rows.as_array().unwrap().iter().find(|c| c["field"] == "unreadable").unwrap().clone();
    assert_eq!(row["new"], "2026-11-27 10:00:00");
    // Copies still work; check names both problems (and the chain, which the time changed).
    let copy = dir.path().join("kopie.sqlite");
    let backed = fahrplan(&db, &["backup", "--output", copy.to_str().unwrap()]);
    assert!(backed.status.success(), "{}", text(&backed));
    let export = dir.path().join("e.json");
    let exported =
        fahrplan(&db, &["export", "--format", "json", "--output", export.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", text(&exported));
    let checked = fahrplan(&db, &["check", "--format", "json"]);
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked));
    let report = json(&checked);
    assert_eq!(report["history"]["first_broken"].as_i64(), Some(3));
    let row = &report["unreadable"][0];
    assert_eq!(
        (row["kind"].as_str(), row["name"].as_str(), row["field"].as_str(), row["value"].as_str()),
        (Some("measure"), Some("M07"), Some("due"), Some("kaputt")),
        "{report}"
    );
    // The window shows the rest, with the warning.
    let store = fahrplan::store::Store::open(&db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let state = fahrplan::app::AppState::new(store, fahrplan::i18n::Lang::De, today).unwrap();
    let warnings = state.record_warnings();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("Eintrag 3") && warnings[1].contains("M07"), "{warnings:?}");
    assert!(state.roadmap().measure("M01").is_some());
}

#[test]
fn a_restore_keeps_as_its_own_only_what_the_roadmap_itself_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let genuine = dir.path().join("echt.sqlite");
    assert!(fahrplan(&db, &["backup", "--output", genuine.to_str().unwrap()]).status.success());
    let forged = dir.path().join("gefaelscht.sqlite");
    std::fs::copy(&genuine, &forged).unwrap();
    // In the forged copy: who set the progress, and a confirmation nobody gave here.
    let conn = rusqlite::Connection::open(&forged).unwrap();
    rewrite_progress_author(&conn);
    conn.execute(
        "UPDATE reevaluation SET confirmed_by = 'carol', confirmed_at = '2026-11-28' \
         WHERE id = (SELECT max(id) FROM reevaluation)",
        [],
    )
    .unwrap();
    drop(conn);
    assert!(fahrplan(&db, &["set-progress", "M02", "30"]).status.success());

    // The genuine copy: its rows are the roadmap's own.
    let restored = fahrplan(&db, &["restore", genuine.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored));
    let history = json(&fahrplan(&db, &["history", "--format", "json"]));
    let (last, before) = history.as_array().unwrap().split_last().unwrap();
    assert_eq!(last["field"], "replaced-restore");
    assert!(before.iter().all(|c| c["imported"] == false), "a genuine backup is the roadmap's own");
    assert!(fahrplan(&db, &["check"]).status.success());

    // The forged one: from the changed row on, everything is marked imported; the confirmation
    // nobody gave here does not count.
    let restored = fahrplan(&db, &["restore", forged.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored));
    let history = json(&fahrplan(&db, &["history", "--format", "json"]));
    let rows = history.as_array().unwrap();
    let first_imported = rows.iter().position(|c| c["imported"] == true).unwrap();
    assert_eq!(rows[first_imported]["who"], "carol", "the own rows end where the forgery begins");
    assert!(rows[..first_imported].iter().all(|c| c["imported"] == false));
    assert!(rows[first_imported..rows.len() - 1].iter().all(|c| c["imported"] == true));
    assert_eq!(rows.last().unwrap()["field"], "replaced-restore");
    let shown = json(&fahrplan(&db, &["show", "M07", "--format", "json"]));
    let verdict = shown["reevaluations"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (verdict["confirmed_by"].as_str(), verdict["confirmed"].as_bool()),
        (Some("carol"), Some(false))
    );
    // The chain holds again (the restore chained what it brought), and says nothing false.
    assert!(fahrplan(&db, &["check"]).status.success());
}

#[test]
fn concurrent_changes_print_what_each_write_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(fahrplan(&db, &["set-progress", "M01", "0"]).status.success());
    // Twelve processes at once, each to its own value.
    let values: Vec<u8> = (1..=12).map(|i| i * 5).collect();
    let outputs: Vec<Output> = std::thread::scope(|s| {
        let handles: Vec<_> = values
            .iter()
            .map(|v| {
                let db = &db;
                s.spawn(move || fahrplan(db, &["set-progress", "M01", &v.to_string()]))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // Each printed "old → new" is one step of the one sequence the writes made: the old values
    // are the start and every new value but the last, each once.
    let mut olds = Vec::new();
    let mut news = Vec::new();
    for output in &outputs {
        assert!(output.status.success(), "{}", text(output));
        let said = String::from_utf8_lossy(&output.stdout);
        let numbers: Vec<u32> =
            said.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
        // "M01: Fortschritt 40 % → 45 %": 1 (of M01), old, new.
        assert_eq!(numbers.len(), 3, "{said}");
        olds.push(numbers[1]);
        news.push(numbers[2]);
    }
    let last =
        json(&fahrplan(&db, &["show", "M01", "--format", "json"]))["progress"].as_u64().unwrap();
    let mut expected: Vec<u32> =
        news.iter().copied().filter(|n| u64::from(*n) != last).chain([0]).collect();
    expected.sort_unstable();
    olds.sort_unstable();
    assert_eq!(olds, expected, "news {news:?}, last {last}");
    // The same value again changes nothing, and says so.
    let again = fahrplan(&db, &["set-progress", "M01", &last.to_string()]);
    assert!(text(&again).contains("nichts geändert"), "{}", text(&again));
}

#[test]
fn purged_evidence_leaves_no_byte_in_the_roadmap_and_a_record_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = roadmap_with_changes(dir.path());
    let marker = b"PERSONALAKTE-MUSTERMANN-4711";
    let file = dir.path().join("Personalakte.pdf");
    let bytes: Vec<u8> = marker.iter().copied().cycle().take(marker.len() * 2000).collect();
    std::fs::write(&file, &bytes).unwrap();
    let added = fahrplan(&db, &["evidence", "add", "M07", "--file", file.to_str().unwrap()]);
    assert!(added.status.success(), "{}", text(&added));
    let listed = json(&fahrplan(&db, &["evidence", "list", "M07", "--format", "json"]));
    let id = listed[0]["id"].as_i64().unwrap().to_string();
    let sha = listed[0]["sha256"].as_str().unwrap().to_owned();
    let refused = fahrplan(&db, &["evidence", "purge", "M07", &id, "--reason", "  "]);
    assert_eq!(refused.status.code(), Some(1), "a reason is needed: {}", text(&refused));
    let purged = fahrplan(
        &db,
        &["evidence", "purge", "M07", &id, "--reason", "Personendaten, versehentlich"],
    );
    assert!(purged.status.success(), "{}", text(&purged));
    assert!(text(&purged).contains("endgültig gelöscht"), "{}", text(&purged));

    let found = |path: &Path| {
        std::fs::read(path).is_ok_and(|b| b.windows(marker.len()).any(|w| w == marker))
    };
    for side in ["", "-wal", "-journal"] {
        let path = dir.path().join(format!("r.sqlite{side}"));
        assert!(!found(&path), "no byte of the file in {}", path.display());
    }
    // No undo brings it back, and undo goes on past it (to the verdict recorded before).
    let verdicts_on = |db: &Path| {
        let shown = json(&fahrplan(db, &["show", "M07", "--format", "json"]));
        shown["reevaluations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["date"] == "2026-11-27")
            .count()
    };
    assert_eq!(verdicts_on(&db), 1, "the verdict recorded today");
    let undone = fahrplan(&db, &["undo"]);
    assert!(undone.status.success(), "{}", text(&undone));
    let listed = json(&fahrplan(&db, &["evidence", "list", "M07", "--format", "json"]));
    assert!(listed.as_array().unwrap().is_empty(), "{}", text(&undone));
    assert_eq!(verdicts_on(&db), 0, "the undo took the verdict back");
    let history = json(&fahrplan(&db, &["history", "M07", "--format", "json"]));
    let record =
        history.as_array().unwrap().iter().find(|c| c["field"] == "evidence-purged").unwrap();
    assert_eq!(record["old"], "Personalakte.pdf");
    assert_eq!(record["comment"], "Personendaten, versehentlich");
    let checked = fahrplan(&db, &["check", "--format", "json"]);
    assert!(checked.status.success(), "{}", text(&checked));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let data: String = conn
        .query_row("SELECT data FROM history WHERE field = 'evidence-purged'", [], |r| r.get(0))
        .unwrap();
    assert!(data.contains(&sha) && data.contains("56000"), "name, size and SHA-256: {data}");
}

mod server {
    //! On the private PostgreSQL of `.ci/with-postgres` (skipped without it, required under CI).

    use postgres::fallible_iterator::FallibleIterator;

    use super::{json, text};

    fn cluster() -> Option<String> {
        match std::env::var("FAHRPLAN_TEST_PG") {
            Ok(url) if !url.is_empty() => Some(url),
            _ => {
                super::common::unavailable(
                    "the test cluster (FAHRPLAN_TEST_PG, .ci/with-postgres)",
                );
                None
            }
        }
    }

    fn run(url: &str, args: &[&str]) -> std::process::Output {
        super::fahrplan(std::path::Path::new(url), args)
    }

    #[test]
    fn an_editor_cannot_rewrite_the_record_and_only_the_administrator_replaces_it() {
        let Some(url) = cluster() else { return };
        let n = std::process::id();
        let (town, editor) = (format!("record_{n}"), format!("editor_rec_{n}"));
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        admin.batch_execute(&format!("CREATE ROLE {editor} LOGIN")).unwrap();
        assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
        let granted = run(&url, &["server", "grant", &editor, "editor", "--roadmap", &town]);
        assert!(granted.status.success(), "{}", text(&granted));
        let editor_url =
            url.replacen("postgresql://postgres@", &format!("postgresql://{editor}@"), 1);
        let changed = run(&editor_url, &["set-progress", "M01", "40"]);
        assert!(changed.status.success(), "{}", text(&changed));

        // Through the server's own protocol, as the editor: the record stays as it is.
        let mut client = postgres::Client::connect(&editor_url, postgres::NoTls).unwrap();
        client.batch_execute(&format!("SET search_path TO {town}")).unwrap();
        for refused in [
            "UPDATE history SET who = 'carol'",
            "DELETE FROM history",
            "UPDATE batch SET undone = 1",
            "DELETE FROM batch",
            "UPDATE reevaluation SET confirmed_by = 'carol'",
            "UPDATE evidence SET name = 'x.exe'",
            "DELETE FROM evidence",
            "DELETE FROM evidence_file",
        ] {
            let e = client.batch_execute(refused).unwrap_err();
            assert_eq!(
                e.code(),
                Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                "{refused}: {e}"
            );
        }
        // Bad data is refused by the engine, whoever writes it.
        for (bad, state) in [
            // (A text that is no date, or a day that does not exist, fails the constraint's
            // cast itself: refused as a bad date.)
            ("UPDATE measure SET due = 'kaputt' WHERE code = 'M01'", "22007|23514"),
            ("UPDATE measure SET due = '2026-02-30' WHERE code = 'M01'", "22008|23514"),
            ("UPDATE measure SET due = '2026-2-3' WHERE code = 'M01'", "23514"),
            ("UPDATE measure SET title = repeat('x', 201) WHERE code = 'M01'", "23514"),
            ("UPDATE measure SET description = repeat('x', 10001) WHERE code = 'M01'", "23514"),
            ("UPDATE measure SET progress = 101 WHERE code = 'M01'", "23514"),
            ("UPDATE measure SET status = 'fertig' WHERE code = 'M01'", "23514"),
            ("UPDATE measure SET owner_id = 999999 WHERE code = 'M01'", "23503"),
        ] {
            let e = client.batch_execute(bad).unwrap_err();
            let code = e.code().map(postgres::error::SqlState::code).unwrap_or_default();
            assert!(state.split('|').any(|s| s == code), "{bad}: {e}");
        }
        let listed = run(&editor_url, &["--roadmap", &town, "list", "--format", "json"]);
        assert!(listed.status.success(), "{}", text(&listed));
        // History goes only into a batch this transaction opened (not into the seed's), batches
        // take the server's ids (not one far ahead, which would stay the undo's target), and
        // no editor opens a seed or moves the counters.
        for refused in [
            "INSERT INTO history (batch, at, who, field, comment) \
             VALUES (1, '2026-12-01T10:00:00', 'carol', 'note', 'planted')",
            "BEGIN; INSERT INTO batch (kind) VALUES ('seed'); \
             INSERT INTO history (batch, at, who, field) \
             VALUES (currval(pg_get_serial_sequence('batch', 'id')), '2026-12-01T10:00:00', 'x', 'note'); \
             COMMIT",
            "SELECT setval(pg_get_serial_sequence('batch', 'id'), 9000000000000)",
            // Backdated (to before the last council meeting, say).
            "BEGIN; INSERT INTO batch (kind) VALUES ('edit'); \
             INSERT INTO history (batch, at, who, field) \
             VALUES (currval(pg_get_serial_sequence('batch', 'id')), '2020-01-01T10:00:00', 'x', 'note'); \
             COMMIT",
        ] {
            let e = client.batch_execute(refused).unwrap_err();
            assert_eq!(
                e.code(),
                Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                "{refused}: {e}"
            );
            client.batch_execute("ROLLBACK").unwrap();
        }
        // A row in another's name is recorded as the session's login.
        client
            .batch_execute(
                "BEGIN; INSERT INTO batch (id, kind) VALUES (9000000000000, 'edit'); \
                 INSERT INTO history (batch, at, who, field, comment) \
                 VALUES (currval(pg_get_serial_sequence('batch', 'id')), to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'), \
                 'carol', 'note', 'forged'); COMMIT",
            )
            .unwrap();
        let highest: i64 = client.query_one("SELECT max(id) FROM batch", &[]).unwrap().get(0);
        assert!(highest < 1000, "the server gave the id: {highest}");
        let who: String = client
            .query_one("SELECT who FROM history WHERE comment = 'forged'", &[])
            .unwrap()
            .get(0);
        assert_eq!(who, editor);
        // The chain holds (the row was chained by the server), and check says so.
        let checked = run(&editor_url, &["--roadmap", &town, "check", "--format", "json"]);
        assert!(checked.status.success(), "{}", text(&checked));
        assert!(json(&checked)["history"]["first_broken"].is_null());

        // Replacing the roadmap: not the editor's (exit 2), the administrator's (recorded).
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("stand.json");
        let exported = run(
            &url,
            &[
                "--roadmap",
                &town,
                "export",
                "--format",
                "json",
                "--output",
                export.to_str().unwrap(),
            ],
        );
        assert!(exported.status.success(), "{}", text(&exported));
        let refused = run(
            &editor_url,
            &["--roadmap", &town, "import", "--replace", export.to_str().unwrap()],
        );
        assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
        // The window asks the same before it writes a copy for an import.
        use fahrplan::store::Storage;
        let as_editor = fahrplan::store::pg::PgStore::open(&editor_url, Some(&town)).unwrap();
        let as_admin = fahrplan::store::pg::PgStore::open(&url, Some(&town)).unwrap();
        assert_eq!(
            (as_editor.may_replace().unwrap(), as_admin.may_replace().unwrap()),
            (false, true)
        );
        let copy = dir.path().join("kopie.sqlite");
        let saved = run(&url, &["--roadmap", &town, "backup", "--output", copy.to_str().unwrap()]);
        assert!(saved.status.success(), "{}", text(&saved));
        let refused = run(&editor_url, &["--roadmap", &town, "restore", copy.to_str().unwrap()]);
        assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
        assert!(text(&refused).contains("Administratoren"), "{}", text(&refused));
        let replaced =
            run(&url, &["--roadmap", &town, "import", "--replace", export.to_str().unwrap()]);
        assert!(replaced.status.success(), "{}", text(&replaced));
        let history = json(&run(&url, &["--roadmap", &town, "history", "--format", "json"]));
        let last = history.as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["field"], "replaced-import");

        // The database's superuser, whom rights cannot stop, is caught by the chain.
        let id: i64 = admin
            .query_one(&format!("SELECT min(id) + 3 FROM {town}.history"), &[])
            .unwrap()
            .get(0);
        admin
            .batch_execute(&format!("UPDATE {town}.history SET old = '99' WHERE id = {id}"))
            .unwrap();
        let checked = run(&url, &["--roadmap", &town, "check", "--format", "json"]);
        assert_eq!(checked.status.code(), Some(1), "{}", text(&checked));
        assert_eq!(json(&checked)["history"]["first_broken"].as_i64(), Some(id));

        // Grants go to people only (not to a login others are members of).
        let shared = format!("shared_{n}");
        admin
            .batch_execute(&format!("CREATE ROLE {shared} LOGIN; GRANT {shared} TO {editor}"))
            .unwrap();
        for group in ["pg_read_all_data", &format!("fahrplan_{town}_editor"), &shared] {
            let refused = run(&url, &["server", "grant", group, "viewer", "--roadmap", &town]);
            assert_eq!(refused.status.code(), Some(1), "{group}: {}", text(&refused));
        }
    }

    #[test]
    fn the_owners_functions_act_only_within_a_recorded_write() {
        let Some(url) = cluster() else { return };
        let n = std::process::id();
        let town = format!("record_fn_{n}");
        let (editor, viewer) = (format!("editor_fn_{n}"), format!("viewer_fn_{n}"));
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        for login in [&editor, &viewer] {
            admin.batch_execute(&format!("CREATE ROLE {login} LOGIN")).unwrap();
        }
        assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
        for (login, role) in [(&editor, "editor"), (&viewer, "viewer")] {
            let granted = run(&url, &["server", "grant", login, role, "--roadmap", &town]);
            assert!(granted.status.success(), "{}", text(&granted));
        }
        let as_login = |login: &str| {
            url.replacen("postgresql://postgres@", &format!("postgresql://{login}@"), 1)
        };
        let (editor_url, viewer_url) = (as_login(&editor), as_login(&viewer));

        // The administrator records a verdict, the editor confirms it, takes it back, gives it
        // again: four eyes through the owner's functions.
        let recorded =
            run(&url, &["--roadmap", &town, "reevaluate", "M07", "--verdict", "effective"]);
        assert!(recorded.status.success(), "{}", text(&recorded));
        // (Undo takes the confirmation, then the verdict back; redo gives both again: the one
        // who redoes the verdict does not become its recorder.)
        for args in [&["confirm", "M07"][..], &["undo"], &["undo"], &["redo"], &["redo"]] {
            let done = run(&editor_url, args);
            assert!(done.status.success(), "{args:?}: {}", text(&done));
        }
        let shown = json(&run(&editor_url, &["show", "M07", "--format", "json"]));
        let latest = shown["reevaluations"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            (latest["confirmed_by"].as_str(), latest["confirmed"].as_bool()),
            (Some(editor.as_str()), Some(true))
        );
        // A history row by someone else saying the confirmation was taken back voids nothing:
        // on the server a confirmation row counts only as its author's.
        let verdict: i64 = admin
            .query_one(&format!("SELECT max(id) FROM {town}.reevaluation"), &[])
            .unwrap()
            .get(0);
        admin
            .batch_execute(&format!(
                "BEGIN; SET LOCAL search_path TO {town}; \
                 INSERT INTO batch (kind) VALUES ('edit'); \
                 INSERT INTO history (batch, at, who, code, field, old, new, comment, data) \
                 VALUES (currval(pg_get_serial_sequence('batch', 'id')), \
                 to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'), 'x', 'M07', \
                 'reevaluation-confirmed', '{editor}', NULL, '', '{{\"id\": {verdict}}}'); COMMIT"
            ))
            .unwrap();
        let shown = json(&run(&editor_url, &["show", "M07", "--format", "json"]));
        let latest = shown["reevaluations"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(latest["confirmed"].as_bool(), Some(true), "{latest}");
        // The editor's own verdict is not his to confirm, whatever evaluator it names.
        let own = run(&editor_url, &["reevaluate", "M08", "--verdict", "partly"]);
        assert!(own.status.success(), "{}", text(&own));
        let refused = run(&editor_url, &["confirm", "M08"]);
        assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));

        // Called directly, outside a recorded write, every function refuses.
        let mut client = postgres::Client::connect(&editor_url, postgres::NoTls).unwrap();
        client.batch_execute(&format!("SET search_path TO {town}")).unwrap();
        let id: i64 = client.query_one("SELECT max(id) FROM reevaluation", &[]).unwrap().get(0);
        for call in [
            format!("SELECT fahrplan_set_confirmation({id}, NULL, NULL)"),
            format!("SELECT fahrplan_delete_reevaluation({id})"),
            "SELECT fahrplan_delete_evidence(1)".to_owned(),
            "SELECT fahrplan_purge_file('00')".to_owned(),
            "SELECT fahrplan_final_batch(1)".to_owned(),
            "SELECT fahrplan_reverted(1, 2)".to_owned(),
            // Slipped in unrecorded: refused at commit.
            "INSERT INTO reevaluation (measure_id, date, verdict, by_whom) \
             SELECT id, '2026-12-01', 'effective', 'anna' FROM measure WHERE code = 'M09'"
                .to_owned(),
            "INSERT INTO batch (kind) VALUES ('edit')".to_owned(),
        ] {
            let e = client.batch_execute(&call).unwrap_err();
            assert_eq!(
                e.code(),
                Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                "{call}: {e}"
            );
        }
        // A history row that says something else than what is added does not admit it.
        let forged = "INSERT INTO history (batch, at, who, code, field, new, comment, data) \
             VALUES (1, '2026-12-01T10:00:00', 'x', 'M09', 'reevaluation', 'partly', '', \
             '{\"id\": 900001, \"verdict\": \"partly\", \"date\": \"2026-12-01\", \"by\": \"anna\"}'); \
             INSERT INTO reevaluation (id, measure_id, date, verdict, by_whom) \
             SELECT 900001, id, '2026-12-01', 'effective', 'anna' FROM measure WHERE code = 'M09'";
        let mut tx = client.transaction().unwrap();
        let e = match tx.batch_execute(forged) {
            Err(e) => {
                drop(tx);
                e
            }
            Ok(()) => tx.commit().unwrap_err(),
        };
        assert_eq!(e.code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE), "{e}");
        // A verdict the editor added in a batch of another kind is still his: he cannot confirm
        // it (its recorder is its first recorded addition, whatever batch holds it).
        let mut tx = client.transaction().unwrap();
        let b: i64 = tx
            .query_one("INSERT INTO batch (kind) VALUES ('undo') RETURNING id", &[])
            .unwrap()
            .get(0);
        tx.execute(
            "INSERT INTO history (batch, at, who, code, field, new, comment, data, measure_id) \
             SELECT $1, to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'), 'x', 'M09', 'reevaluation', 'partly', '', \
             '{\"id\": 900002, \"verdict\": \"partly\", \"date\": \"2026-12-01\", \"by\": \"anna\"}', id \
             FROM measure WHERE code = 'M09'",
            &[&b],
        )
        .unwrap();
        tx.batch_execute(
            "INSERT INTO reevaluation (id, measure_id, date, verdict, by_whom) \
             SELECT 900002, id, '2026-12-01', 'partly', 'anna' FROM measure WHERE code = 'M09'",
        )
        .unwrap();
        tx.commit().unwrap();
        let refused = run(&editor_url, &["confirm", "M09"]);
        assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
        // The server's own rule, asked directly within a recorded confirmation: nothing changes.
        let mut tx = client.transaction().unwrap();
        let b: i64 = tx
            .query_one("INSERT INTO batch (kind) VALUES ('edit') RETURNING id", &[])
            .unwrap()
            .get(0);
        tx.execute(
            "INSERT INTO history (batch, at, who, code, field, new, comment, data) \
             VALUES ($1, to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'), 'x', 'M09', \
             'reevaluation-confirmed', session_user, '', '{\"id\": 900002}')",
            &[&b],
        )
        .unwrap();
        let changed: i64 = tx
            .query_one(
                "SELECT fahrplan_set_confirmation(900002, to_char(current_date, 'YYYY-MM-DD'), \
                 session_user)",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(changed, 0, "the recorder confirmed his own verdict");
        drop(tx);
        // An undo reverts the latest change only, not one chosen (here: the seed).
        let mut tx = client.transaction().unwrap();
        let by: i64 = tx
            .query_one("INSERT INTO batch (kind) VALUES ('undo') RETURNING id", &[])
            .unwrap()
            .get(0);
        tx.execute(
            "INSERT INTO history (batch, at, who, field, comment) \
             VALUES ($1, to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'), 'x', 'note', '')",
            &[&by],
        )
        .unwrap();
        let e = tx.execute("SELECT fahrplan_reverted(1, $1)", &[&by]).unwrap_err();
        assert_eq!(e.code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE), "{e}");
        drop(tx);
        // A viewer may not even call them.
        let mut client = postgres::Client::connect(&viewer_url, postgres::NoTls).unwrap();
        client.batch_execute(&format!("SET search_path TO {town}")).unwrap();
        for call in
            ["SELECT fahrplan_delete_evidence(1)", "LOCK TABLE write_lock IN EXCLUSIVE MODE"]
        {
            let mut tx = client.transaction().unwrap();
            let e = tx.batch_execute(call).unwrap_err();
            assert_eq!(e.code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE), "{e}");
        }
        let checked = run(&url, &["--roadmap", &town, "check", "--format", "json"]);
        assert!(checked.status.success(), "{}", text(&checked));
    }

    #[test]
    fn other_towns_hear_nothing_and_every_wait_has_a_limit() {
        let Some(url) = cluster() else { return };
        let n = std::process::id();
        let (town, other) = (format!("record_wait_{n}"), format!("record_other_{n}"));
        let (editor, stranger) = (format!("editor_wait_{n}"), format!("stranger_wait_{n}"));
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        for login in [&editor, &stranger] {
            admin.batch_execute(&format!("CREATE ROLE {login} LOGIN")).unwrap();
        }
        assert!(run(&url, &["server", "init", "--roadmap", &town]).status.success());
        assert!(run(&url, &["server", "init", "--roadmap", &other, "--empty"]).status.success());
        let granted = run(&url, &["server", "grant", &editor, "editor", "--roadmap", &town]);
        assert!(granted.status.success(), "{}", text(&granted));
        let granted = run(&url, &["server", "grant", &stranger, "editor", "--roadmap", &other]);
        assert!(granted.status.success(), "{}", text(&granted));
        let as_login = |login: &str| {
            url.replacen("postgresql://postgres@", &format!("postgresql://{login}@"), 1)
        };

        // Another town's editor listens on the old, guessable channel name and cannot read the
        // roadmap's own: a write here is not heard there.
        let mut listener =
            postgres::Client::connect(&as_login(&stranger), postgres::NoTls).unwrap();
        listener.batch_execute(&format!("LISTEN fahrplan_{town}")).unwrap();
        let e = listener
            .query_one(&format!("SELECT channel FROM {town}.fahrplan_schema"), &[])
            .unwrap_err();
        assert_eq!(e.code(), Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE), "{e}");
        let written = run(&as_login(&editor), &["set-progress", "M01", "60"]);
        assert!(written.status.success(), "{}", text(&written));
        let heard = listener
            .notifications()
            .timeout_iter(std::time::Duration::from_secs(1))
            .next()
            .unwrap();
        assert!(heard.is_none(), "another town heard {heard:?}");
        // The members' channel carries the write, without a payload.
        let channel: String = admin
            .query_one(&format!("SELECT channel FROM {town}.fahrplan_schema"), &[])
            .unwrap()
            .get(0);
        assert!(channel.starts_with("fahrplan_") && channel.len() > 30, "{channel}");
        admin.batch_execute(&format!("LISTEN \"{channel}\"")).unwrap();
        assert!(run(&as_login(&editor), &["set-progress", "M01", "65"]).status.success());
        let heard = admin
            .notifications()
            .timeout_iter(std::time::Duration::from_secs(5))
            .next()
            .unwrap()
            .expect("the members' channel carries the write");
        assert_eq!(heard.payload(), "");

        // An upgrade behind a transaction left open gives up within 15 s, saying why.
        admin.batch_execute(&format!("UPDATE {town}.fahrplan_schema SET version = 4")).unwrap();
        let mut holder = postgres::Client::connect(&as_login(&editor), postgres::NoTls).unwrap();
        let mut open = holder.transaction().unwrap();
        open.batch_execute(&format!("SELECT * FROM {town}.fahrplan_schema")).unwrap();
        let started = std::time::Instant::now();
        let waited = run(&url, &["--roadmap", &town, "list"]);
        let took = started.elapsed();
        assert_eq!(waited.status.code(), Some(2), "{}", text(&waited));
        assert!(took < std::time::Duration::from_secs(15), "{took:?}");
        assert!(text(&waited).contains("gewartet"), "{}", text(&waited));
        open.rollback().unwrap();
        admin.batch_execute(&format!("UPDATE {town}.fahrplan_schema SET version = 7")).unwrap();
        assert!(run(&url, &["--roadmap", &town, "list"]).status.success());
    }
}
