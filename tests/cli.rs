//! The command line as the town's scripts use it: names, JSON fields and exit codes.

mod common;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use common::fahrplan;

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn new_creates_the_default_roadmap_and_nothing_else_creates_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let raw = |db: &Path, args: &[&str]| common::fahrplan_raw("2026-11-27", db, args);
    // A typo in the path: every reading and writing command says so, exit 2, nothing created.
    let typo = dir.path().join("nonexist/dir/x.sqlite");
    let out_file = dir.path().join("out.csv").display().to_string();
    let before = tree(dir.path());
    for args in [
        &["list"][..],
        &["show", "M16"],
        &["summary"],
        &["history"],
        &["changes"],
        &["check"],
        &["export", "--format", "csv", "--output", &out_file],
        &["finance"],
        &["deviations"],
        &["evidence", "list", "M16"],
        &["evidence", "get", "M16", "1", "--output", &out_file],
        &["backups"],
        &["backup"],
        &["set-status", "M16", "done"],
        &["add-expense", "M16", "10"],
        &["undo"],
    ] {
        let out = raw(&typo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("Kein Fahrplan unter") && said.contains("x.sqlite"), "{said}");
        assert!(said.contains("fahrplan new"), "{said}");
        assert_eq!(tree(dir.path()), before, "{args:?} created nothing");
    }
    // `new` creates, with the folders; a second `new` on it is refused and changes nothing.
    let out = raw(Path::new("-"), &["new", &typo.display().to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("20 Maßnahmen"));
    let made = std::fs::read(&typo).unwrap();
    let again = raw(Path::new("-"), &["new", &typo.display().to_string()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("gibt es bereits"));
    assert_eq!(std::fs::read(&typo).unwrap(), made);
    let empty = dir.path().join("leer.sqlite");
    assert!(
        raw(Path::new("-"), &["new", &empty.display().to_string(), "--empty"]).status.success()
    );
    assert_eq!(json(&fahrplan(&empty, &["list", "--format", "json"])), serde_json::json!([]));
    let english = dir.path().join("en.sqlite");
    let out = raw(Path::new("-"), &["new", &english.display().to_string(), "--lang", "en"]);
    assert!(out.status.success());
    let list = json(&fahrplan(&english, &["list", "--format", "json"]));
    assert!(list.as_array().unwrap().iter().any(|m| m["owner"] == "IT manager"), "{list}");

    assert!(raw(Path::new("-"), &["new", &db.display().to_string()]).status.success());
    let list = json(&fahrplan(&db, &["list", "--format", "json"]));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 20);
    let count = |h: &str| list.iter().filter(|m| m["horizon"] == h).count();
    assert_eq!((count("short"), count("medium"), count("long")), (8, 9, 3));
    let m16 = list.iter().find(|m| m["code"] == "M16").unwrap();
    for field in [
        "code",
        "title",
        "horizon",
        "owner",
        "status",
        "progress",
        "start",
        "due",
        "next_reevaluation",
    ] {
        assert!(m16.get(field).is_some(), "missing {field}");
    }
    assert_eq!(m16["status"], "in-progress");
    assert_eq!(m16["owner"], "IT-Leitung");
    assert_eq!(m16["start"], "2024-04-01");
    assert_eq!(m16["due"], "2025-02-28");
    assert_eq!(m16["progress"], 45);
}

/// Every path under `dir` with its size.
fn tree(dir: &Path) -> Vec<(std::path::PathBuf, u64)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let entry = entry.expect("an entry");
        let meta = entry.metadata().expect("its metadata");
        found.push((entry.path(), meta.len()));
        if meta.is_dir() {
            found.extend(tree(&entry.path()));
        }
    }
    found.sort();
    found
}

#[test]
fn set_status_then_history_shows_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let set =
        fahrplan(&db, &["set-status", "M16", "done", "--comment", "Notfallhandbuch beschlossen"]);
    assert!(set.status.success(), "{}", stderr(&set));
    assert_eq!(String::from_utf8_lossy(&set.stdout).trim(), "M16: Status In Arbeit → Erledigt");
    let history = json(&fahrplan(&db, &["history", "M16", "--format", "json"]));
    let entries = history.as_array().unwrap();
    let status = entries.iter().find(|e| e["field"] == "status").expect("a status entry");
    assert_eq!(status["code"], "M16");
    assert_eq!(status["old"], "in-progress");
    assert_eq!(status["new"], "done");
    assert_eq!(status["comment"], "Notfallhandbuch beschlossen");
    assert_eq!(status["who"], "it-leitung");
    assert!(status["at"].as_str().unwrap().len() == 19);
    assert!(entries.iter().all(|e| e["code"] == "M16"));
    let shown = json(&fahrplan(&db, &["show", "M16", "--format", "json"]));
    assert_eq!(shown["status"], "done");
    assert_eq!(shown["progress"], 100);
    assert_eq!(shown["completed"], "2026-11-27");
    // The whole roadmap's history has the seed plus the change.
    let all = json(&fahrplan(&db, &["history", "--format", "json"]));
    assert_eq!(all.as_array().unwrap().len(), 20 + 3);
}

#[test]
fn show_has_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let m = json(&fahrplan(&db, &["show", "M07", "--format", "json", "--lang", "en"]));
    for field in [
        "description",
        "stakeholders",
        "completed",
        "frameworks",
        "depends_on",
        "reevaluation_interval_months",
        "planned_one_off_cents",
        "planned_yearly_cents",
        "spent_cents",
        "notes",
        "version",
        "expenses",
        "reevaluations",
        "health",
    ] {
        assert!(m.get(field).is_some(), "missing {field}");
    }
    assert_eq!(m["planned_one_off_cents"], 1_500_000);
    assert_eq!(m["reevaluation_interval_months"], 12);
    assert_eq!(m["health"], "done");
    assert_eq!(m["title"], "Backup concept with regular restore tests");
    let text = fahrplan(&db, &["show", "M07"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Fällig:"));
}

#[test]
fn invalid_input_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    assert!(fahrplan(&db, &["list"]).status.success());
    let before = std::fs::read(&db).unwrap();
    for (args, needle) in [
        (&["set-status", "M99", "done"][..], "M99"),
        (&["set-status", "M16", "finished"][..], "finished"),
        (&["show", "M77"][..], "M77"),
        (&["history", "M77"][..], "M77"),
        (&["list", "--format", "xml"][..], "xml"),
        (&["no-such-command"][..], "no-such-command"),
    ] {
        let output = fahrplan(&db, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(needle), "{args:?}: {}", stderr(&output));
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let en = fahrplan(&db, &["set-status", "M16", "finished", "--lang", "en"]);
    assert!(stderr(&en).contains("Unknown status \"finished\""), "{}", stderr(&en));
}

#[test]
fn check_passes_on_a_sound_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    assert!(fahrplan(&db, &["list"]).status.success());
    let check = fahrplan(&db, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        text.contains("Datei unbeschädigt")
            && text.contains("0x46504C4E")
            && text.contains("20 Maßnahmen"),
        "{text}"
    );
}

#[test]
fn check_refuses_foreign_and_garbage_files_leaving_their_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Einkaufsliste: Milch, Brot\n").unwrap();
    let foreign = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('https://example.org');")
            .unwrap();
    }
    for (path, needle) in [(&text, "keine Fahrplan-Datei"), (&foreign, "anderen Programm")] {
        let before = std::fs::read(path).unwrap();
        for args in [&["check"][..], &["list"][..], &["set-status", "M01", "done"][..]] {
            let output = fahrplan(path, args);
            assert_eq!(output.status.code(), Some(2), "{args:?} {}", stderr(&output));
            assert!(stderr(&output).contains(needle), "{}", stderr(&output));
        }
        assert_eq!(std::fs::read(path).unwrap(), before, "{} was modified", path.display());
    }
    let missing =
        common::fahrplan_raw("2026-11-27", &dir.path().join("missing.sqlite"), &["check"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!dir.path().join("missing.sqlite").exists());
}

#[test]
fn english_table_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("en.sqlite");
    let output = fahrplan(&db, &["list", "--lang", "en"]);
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("No.") && first.contains("Next review"), "{first}");
    assert!(text.contains("Dissolve the IT officer"), "{text}");
    assert!(text.contains("31 May 2023"), "{text}");
}

#[test]
fn reevaluate_moves_the_next_date_by_the_interval() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let output =
        fahrplan(&db, &["reevaluate", "M07", "--verdict", "effective", "--date", "2026-11-20"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("20.11.2027"));
    let m07 = json(&fahrplan(&db, &["show", "M07", "--format", "json"]));
    assert_eq!(m07["next_reevaluation"], "2027-11-20");
    let last = m07["reevaluations"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["verdict"], "effective");
    assert_eq!(last["date"], "2026-11-20");
    assert_eq!(last["by"], "it-leitung");
}

#[test]
fn add_expense_raises_the_spend() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.sqlite");
    let before =
        json(&fahrplan(&db, &["show", "M18", "--format", "json"]))["spent_cents"].as_i64().unwrap();
    let output = fahrplan(
        &db,
        &["add-expense", "M18", "1.500,00", "--date", "2026-11-02", "--note", "Spleiße"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let after =
        json(&fahrplan(&db, &["show", "M18", "--format", "json"]))["spent_cents"].as_i64().unwrap();
    assert_eq!(after - before, 150_000);
    // English amounts too.
    assert!(
        fahrplan(&db, &["add-expense", "M18", "1234.56", "--date", "02.11.2026", "--lang", "en"])
            .status
            .success()
    );
    let last =
        json(&fahrplan(&db, &["show", "M18", "--format", "json"]))["spent_cents"].as_i64().unwrap();
    assert_eq!(last - after, 123_456);
}

#[test]
fn set_progress_undo_and_redo_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("u.sqlite");
    let progress = |db: &Path| {
        json(&fahrplan(db, &["show", "M19", "--format", "json"]))["progress"].as_i64().unwrap()
    };
    assert_eq!(progress(&db), 30);
    let set = fahrplan(&db, &["set-progress", "M19", "65"]);
    assert_eq!(String::from_utf8_lossy(&set.stdout).trim(), "M19: Fortschritt 30 % → 65 %");
    assert_eq!(progress(&db), 65);
    let undo = fahrplan(&db, &["undo"]);
    assert!(undo.status.success(), "{}", stderr(&undo));
    assert!(String::from_utf8_lossy(&undo.stdout).contains("M19 Fortschritt: 65 % → 30 %"));
    assert_eq!(progress(&db), 30);
    assert!(fahrplan(&db, &["redo"]).status.success());
    assert_eq!(progress(&db), 65);
    let nothing = fahrplan(&db, &["redo"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(stderr(&nothing).contains("nichts"));
}

#[test]
fn bad_progress_amounts_dates_and_verdicts_exit_1_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    assert!(fahrplan(&db, &["list"]).status.success());
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["set-progress", "M19", "101"][..],
        &["set-progress", "M19", "viel"][..],
        &["add-expense", "M18", "zwölf"][..],
        &["add-expense", "M18", "0"][..],
        &["add-expense", "M18", "12", "--date", "31.02.2026"][..],
        &["reevaluate", "M07", "--verdict", "great"][..],
        &["reevaluate", "M07", "--verdict", "effective", "--date", "gestern"][..],
        &["add-expense", "M99", "12"][..],
    ] {
        let output = fahrplan(&db, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).trim().is_empty());
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // An amount no town spends (a typo) is refused, saying the limit.
    let output = fahrplan(&db, &["add-expense", "M18", "92.233.720.368.547.758"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("höchstens 10.000.000.000,00 €"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn summary_json_has_the_contracted_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let s = json(&fahrplan(&db, &["summary", "--format", "json"]));
    let short = &s["horizons"]["short"];
    for field in [
        "total",
        "done",
        "progress",
        "planned_one_off_cents",
        "planned_yearly_cents",
        "spent_cents",
    ] {
        assert!(short.get(field).is_some(), "missing {field}");
    }
    let totals: Vec<i64> = ["short", "medium", "long"]
        .iter()
        .map(|h| s["horizons"][h]["total"].as_i64().unwrap())
        .collect();
    assert_eq!(totals, [8, 9, 3]);
    let one_off: i64 = ["short", "medium", "long"]
        .iter()
        .map(|h| s["horizons"][h]["planned_one_off_cents"].as_i64().unwrap())
        .sum();
    assert_eq!(one_off, 21_300_000);
    assert_eq!(s["overdue"], serde_json::json!(["M13", "M10", "M16", "M19", "M18", "M20"]));
    // Overdue M16, M10, M19; due within 30 days M13, M12, M05, M11, M08.
    assert_eq!(s["reevaluations_due"].as_array().unwrap().len(), 8);
    let text = String::from_utf8_lossy(&fahrplan(&db, &["summary"]).stdout).into_owned();
    assert!(text.contains("213.000 €") && text.contains("236.000 €"), "{text}");
}

#[test]
fn changes_since_the_last_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let none = fahrplan(&db, &["changes"]);
    assert_eq!(none.status.code(), Some(1), "no meeting yet: {}", stderr(&none));
    assert!(fahrplan(&db, &["meeting", "add", "2026-11-27", "Gemeinderat"]).status.success());
    let list = fahrplan(&db, &["meeting", "list"]);
    assert_eq!(String::from_utf8_lossy(&list.stdout).trim(), "27.11.2026  Gemeinderat");
    assert!(
        fahrplan(&db, &["set-status", "M16", "done", "--comment", "beschlossen"]).status.success()
    );
    assert!(
        fahrplan(&db, &["add-expense", "M18", "1.500,00", "--date", "2026-11-27"]).status.success()
    );
    let entries = json(&fahrplan(&db, &["changes", "--format", "json"]));
    let entries = entries.as_array().unwrap();
    let kinds: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["code"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(kinds, [("status", "M16"), ("progress", "M16"), ("expense", "M18")]);
    for field in ["at", "who", "code", "kind", "old", "new", "comment"] {
        assert!(entries[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(entries[0]["comment"], "beschlossen");
    let explicit = json(&fahrplan(&db, &["changes", "--since", "01.01.2030", "--format", "json"]));
    assert!(explicit.as_array().unwrap().is_empty());
    assert_eq!(fahrplan(&db, &["changes", "--since", "gestern"]).status.code(), Some(1));
    assert_eq!(fahrplan(&db, &["meeting", "add", "2026-11-31", "X"]).status.code(), Some(1));
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let output = fahrplan(&db, &["backup"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = String::from_utf8_lossy(&fahrplan(&db, &["backups"]).stdout).into_owned();
    assert!(listed.contains("20 Maßnahmen"), "{listed}");
    let backup =
        std::fs::read_dir(dir.path().join("backups")).unwrap().next().unwrap().unwrap().path();
    assert!(fahrplan(&db, &["set-status", "M19", "done"]).status.success());
    let restored = fahrplan(&db, &["restore", backup.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert_eq!(json(&fahrplan(&db, &["show", "M19", "--format", "json"]))["status"], "in-progress");
    // A file that is not a backup is refused with exit 2 and the roadmap untouched.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "kein Backup").unwrap();
    let before = std::fs::read(&db).unwrap();
    let refused = fahrplan(&db, &["restore", junk.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn export_csv_json_and_ics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    for (format, name) in
        [("csv", "m.csv"), ("expenses-csv", "e.csv"), ("json", "r.json"), ("ics", "c.ics")]
    {
        let path = dir.path().join(name);
        let output =
            fahrplan(&db, &["export", "--format", format, "--output", path.to_str().unwrap()]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{format}");
    }
    let csv = std::fs::read_to_string(dir.path().join("m.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}Nr.;"), "German CSV uses ;");
    assert_eq!(csv.lines().count(), 21);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(json["measures"].as_array().unwrap().len(), 20);
    let ics = std::fs::read_to_string(dir.path().join("c.ics")).unwrap();
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\n")
            && ics.contains("UID:measure-16-due@blumberg.fahrplan")
    );
    let comma = dir.path().join("comma.csv");
    let output = fahrplan(
        &db,
        &["export", "--format", "csv", "--delimiter", ",", "--output", comma.to_str().unwrap()],
    );
    assert!(output.status.success());
    assert!(std::fs::read_to_string(&comma).unwrap().starts_with("\u{feff}Nr.,"));
}

#[test]
fn import_needs_replace_and_a_failed_import_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.sqlite");
    assert!(fahrplan(&source, &["set-status", "M19", "done"]).status.success());
    let export = dir.path().join("export.json");
    assert!(
        fahrplan(&source, &["export", "--format", "json", "--output", export.to_str().unwrap()])
            .status
            .success()
    );
    // Into a new file.
    let fresh = dir.path().join("fresh.sqlite");
    let output = fahrplan(&fresh, &["import", export.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(json(&fahrplan(&fresh, &["show", "M19", "--format", "json"]))["status"], "done");
    // Into an existing roadmap only with --replace.
    let existing = dir.path().join("existing.sqlite");
    assert!(fahrplan(&existing, &["list"]).status.success());
    let before = std::fs::read(&existing).unwrap();
    let refused = fahrplan(&existing, &["import", export.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--replace"), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("Geändert: 1 (M19)"), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("Unverändert: 19"), "{}", stderr(&refused));
    assert_eq!(std::fs::read(&existing).unwrap(), before);
    // A broken file: located message, file unchanged.
    let broken = dir.path().join("broken.json");
    let text = std::fs::read_to_string(&export).unwrap();
    std::fs::write(&broken, &text[..text.len() / 3]).unwrap();
    let failed = fahrplan(&existing, &["import", broken.to_str().unwrap(), "--replace"]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(stderr(&failed).contains("Zeile"), "{}", stderr(&failed));
    assert_eq!(std::fs::read(&existing).unwrap(), before);
    // Replacing keeps the roadmap as it was in a verified backup first, and says where.
    let listed = || fahrplan::store::list_backups(&existing);
    assert!(listed().is_empty());
    let replaced = fahrplan(&existing, &["import", export.to_str().unwrap(), "--replace"]);
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    assert_eq!(json(&fahrplan(&existing, &["show", "M19", "--format", "json"]))["status"], "done");
    let backups = listed();
    assert_eq!(backups.len(), 1, "a backup first");
    let said = String::from_utf8_lossy(&replaced.stdout);
    assert!(said.contains(&backups[0].path.display().to_string()), "{said}");
    let kept = fahrplan(&backups[0].path, &["show", "M19", "--format", "json"]);
    assert_ne!(json(&kept)["status"], "done", "the backup holds the roadmap as it was");
}

/// `reevaluate --next` sets the next date instead of the interval's.
#[test]
fn reevaluate_next_sets_the_date_instead_of_the_interval() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let args = ["reevaluate", "M07", "--verdict", "effective", "--date", "2026-11-20"];
    let out = fahrplan(&db, &[&args[..], &["--next", "15.03.2027"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        json(&fahrplan(&db, &["show", "M07", "--format", "json"]))["next_reevaluation"],
        "2027-03-15"
    );
    // A day that is no day is refused with exit 1, and nothing changes.
    let before = std::fs::read(&db).unwrap();
    let bad = fahrplan(&db, &[&args[..], &["--next", "31.02.2027"]].concat());
    assert_eq!(bad.status.code(), Some(1), "{}", stderr(&bad));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// `FAHRPLAN_DB` names the file and `FAHRPLAN_LANG` the language when no option does; the
/// options win.
#[test]
fn the_environment_names_file_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let (db, other) = (dir.path().join("umgebung.sqlite"), dir.path().join("option.sqlite"));
    common::new_roadmap(&db, "de");
    common::new_roadmap(&other, "de");
    common::fahrplan(&other, &["set-progress", "M18", "3"]);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_fahrplan"))
            .args(args)
            .env("FAHRPLAN_DB", &db)
            .env("FAHRPLAN_LANG", "en")
            .env("FAHRPLAN_TODAY", "2026-11-27")
            .env_remove("FAHRPLAN_ROADMAP")
            .env_remove("FAHRPLAN_NETWORK_DRIVE")
            .output()
            .unwrap()
    };
    let shown = run(&["show", "M18"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.status.success() && text.contains("Status") && text.contains("In progress"),
        "{text}"
    );
    assert!(text.contains("Progress:              40%"), "the file FAHRPLAN_DB names: {text}");
    let shown = run(&["--lang", "de", "--db", other.to_str().unwrap(), "show", "M18"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(text.contains("In Arbeit") && text.contains("Fortschritt:             3 %"), "{text}");
}

/// `FAHRPLAN_NETWORK_DRIVE` overrides the detection both ways: `1` keeps the rollback journal
/// and takes the edit lock, `0` works as on a local disk.
#[test]
fn the_network_drive_switch_works_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    common::new_roadmap(&db, "de");
    let check = |network: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_fahrplan"))
            .args(["check", "--format", "json", "--db"])
            .arg(&db)
            .env("FAHRPLAN_NETWORK_DRIVE", network)
            .output()
            .unwrap();
        json(&out)
    };
    assert_eq!(check("1")["network_drive"], true);
    assert_eq!(check("ja")["network_drive"], true);
    assert_eq!(check("0")["network_drive"], false);
    assert_eq!(check("nein")["network_drive"], false);
}

/// `export --format png|svg` draw at the size asked (1920 × 1080 unless told), with dependency
/// arrows only when asked.
#[test]
fn pictures_have_the_size_and_arrows_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let size = |png: &Path| {
        let bytes = std::fs::read(png).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        (be(16), be(20))
    };
    let png = dir.path().join("plan.png");
    let out = fahrplan(&db, &["export", "--format", "png", "--output", png.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(size(&png), (1920, 1080));
    let args = ["export", "--format", "png", "--width", "800", "--height", "500", "--output"];
    assert!(fahrplan(&db, &[&args[..], &[png.to_str().unwrap()]].concat()).status.success());
    assert_eq!(size(&png), (800, 500));
    let too_small =
        fahrplan(&db, &["export", "--format", "png", "--width", "10", "--output", "x.png"]);
    assert_eq!(too_small.status.code(), Some(1));
    let svg = dir.path().join("plan.svg");
    let svg_text = |extra: &[&str]| {
        let args =
            [&["export", "--format", "svg", "--output", svg.to_str().unwrap()][..], extra].concat();
        assert!(fahrplan(&db, &args).status.success());
        std::fs::read_to_string(&svg).unwrap()
    };
    let plain = svg_text(&[]);
    assert!(plain.contains("width=\"1920\"") && !plain.contains("<polyline"), "no arrows unasked");
    assert!(svg_text(&["--dependencies"]).contains("<polyline"), "arrows when asked");
}

#[test]
fn since_is_refused_for_formats_other_than_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let out = dir.path().join("m.csv");
    let args =
        ["export", "--format", "csv", "--output", out.to_str().unwrap(), "--since", "2026-11-01"];
    let output = fahrplan(&db, &args);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--since gilt nur für den Bericht"), "{}", stderr(&output));
    assert!(!out.exists());
}

/// The command line speaks German to German users: history fields and kinds in words, money as
/// "1.234,56 €", an expense as what was booked; JSON stays as it is (cents, field names).
#[test]
fn history_and_changes_read_in_german_not_raw_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    assert!(fahrplan(&db, &["meeting", "add", "2026-11-01", "Gemeinderat"]).status.success());
    assert!(fahrplan(&db, &["add-expense", "M18", "1234.56"]).status.success());
    let changes = String::from_utf8_lossy(&fahrplan(&db, &["changes"]).stdout).into_owned();
    assert!(changes.contains("Ausgabe") && changes.contains("+1.234,56 € gebucht"), "{changes}");
    assert!(!changes.contains("123456") && !changes.contains("– →"), "{changes}");
    let history = String::from_utf8_lossy(&fahrplan(&db, &["history", "M18"]).stdout).into_owned();
    assert!(history.contains("1.234,56 €") && history.contains("Angelegt"), "{history}");
    assert!(!history.contains("123456") && !history.contains("created"), "{history}");
    let raw = json(&fahrplan(&db, &["history", "M18", "--format", "json"]));
    let expense = raw.as_array().unwrap().iter().find(|c| c["field"] == "expense").unwrap();
    assert_eq!(expense["new"], "123456", "JSON keeps cents");
}
