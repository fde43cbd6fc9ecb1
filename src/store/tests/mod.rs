//! Store tests on in-memory and temporary files.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::model::{Lang, Measure, Money, Roadmap, Status};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixed_clock() -> Clock {
    Box::new(|| NaiveDateTime::parse_from_str("2026-11-27T10:15:00", "%Y-%m-%dT%H:%M:%S").unwrap())
}

mod assess_contract;
mod checks;
mod contract;
mod dialect;

/// SQLite in memory, with the contract's clock and author.
fn sqlite_in_memory(seed: Option<Lang>) -> Box<dyn Storage> {
    let seed = seed.map(|lang| crate::app::default_seed(lang).unwrap());
    let mut store = Store::in_memory(seed.as_ref()).unwrap();
    store.set_who("tester");
    store.set_clock(fixed_clock());
    Box::new(store)
}

contract::contract_tests!(sqlite, sqlite_in_memory);
assess_contract::assess_contract_tests!(sqlite_assessment, sqlite_in_memory, if super::always);

/// Every engine runs the contract where it is available.
const fn always() -> bool {
    true
}

/// The test cluster of `.ci/with-postgres` (`FAHRPLAN_TEST_PG`); without it the PostgreSQL
/// contract is skipped with a note, except under `CI=true`.
fn have_postgres() -> bool {
    match std::env::var("FAHRPLAN_TEST_PG") {
        Ok(url) if !url.is_empty() => true,
        // The same rule as the integration tests' `common::in_ci`.
        _ if std::env::var("CI")
            .is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")) =>
        {
            panic!("FAHRPLAN_TEST_PG is required under CI (.ci/with-postgres)")
        }
        _ => {
            eprintln!("note: PostgreSQL contract skipped (run: .ci/with-postgres cargo test)");
            false
        }
    }
}

/// A fresh roadmap of its own on the test cluster, with the contract's clock and author.
fn postgres(seed: Option<Lang>) -> Box<dyn Storage> {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("contract_{}_{n}", std::process::id());
    let url = std::env::var("FAHRPLAN_TEST_PG").unwrap();
    let seed = seed.map(|lang| crate::app::default_seed(lang).unwrap());
    let mut client = pg::ServerUrl::parse(&url).unwrap().connect().unwrap();
    pg::init_roadmap(&mut client, &name, |tx| match &seed {
        Some(seed) => pg::write_seed(tx, seed, "tester"),
        None => Ok(()),
    })
    .unwrap();
    let mut store = pg::PgStore::open(&url, Some(&name)).unwrap();
    store.set_who("tester".into());
    store.set_clock(fixed_clock());
    Box::new(store)
}

contract::contract_tests!(postgresql, postgres, if super::have_postgres);
assess_contract::assess_contract_tests!(postgresql_assessment, postgres, if super::have_postgres);

#[test]
fn two_connections_to_one_file_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite");
    let mut a = Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    let mut b = Store::open(&path).unwrap();
    let seen_by_a = a.measure("M19").unwrap().unwrap();
    let version_before = b.data_version().unwrap();
    b.set_status("M19", Status::OnHold, "b", date(2026, 11, 27), None).unwrap();
    assert_ne!(a.data_version().unwrap(), version_before, "a notices b's commit");
    let err = a
        .set_status("M19", Status::Done, "a", date(2026, 11, 27), Some(seen_by_a.version))
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }));
    assert_eq!(a.measure("M19").unwrap().unwrap().status, Status::OnHold);
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn created_files_identify_themselves_and_pass_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/roadmap.sqlite");
    drop(Store::create(&path, Some(&crate::app::default_seed(Lang::En).unwrap())).unwrap());
    let report = inspect(&path).unwrap();
    assert_eq!(report.application_id, APPLICATION_ID);
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert_eq!(report.integrity, "ok");
    assert_eq!(report.measures, 20);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(names.iter().all(|n| !n.to_string_lossy().contains(".creating")), "{names:?}");
    // At rest the rollback journal (readers need no side files); a local writer switches to
    // WAL at its first write and back when it closes.
    let mut store = Store::open(&path).unwrap();
    let mode = |s: &Store| s.journal_mode().unwrap();
    let sync: i64 = store.conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    let fk: bool = store.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!((mode(&store).as_str(), sync, fk), ("delete", 2, true));
    store.set_progress("M18", 41, "", None).unwrap();
    assert_eq!(mode(&store), "wal");
    drop(store);
    assert_eq!(mode(&Store::open_read_only(&path).unwrap()), "delete");
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["roadmap.sqlite"], "no side files at rest");
    // On a network drive a writer keeps the rollback journal.
    let options = OpenOptions { network: Some(true), ..OpenOptions::default() };
    let mut store = Store::open_with(&path, &options).unwrap();
    store.set_progress("M18", 42, "", None).unwrap();
    assert_eq!(mode(&store), "delete");
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.sqlite");
    std::fs::write(&path, b"keep me").unwrap();
    assert!(matches!(Store::create(&path, None), Err(StoreError::Exists { .. })));
    assert_eq!(bytes(&path), b"keep me");
}

#[test]
fn garbage_text_and_empty_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    for (name, content) in [
        ("text.sqlite", b"Dies ist eine Textdatei, keine Datenbank.\n".repeat(10)),
        ("empty.sqlite", Vec::new()),
        ("short.sqlite", b"SQLite format 3\0".to_vec()),
        (
            "garbage.sqlite",
            (0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &content).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NotADatabase { .. } | StoreError::Damaged { .. }),
            "{name}: {err:?}"
        );
        assert!(err.is_file_problem());
        assert_eq!(bytes(&path), content, "{name} was modified");
        // Nothing beside it: no journal, no WAL, no backup, no copy set aside.
        written.push(std::ffi::OsString::from(name));
        let mut found: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        found.sort();
        let mut expected = written.clone();
        expected.sort();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn a_sqlite_file_of_another_application_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA application_id = 12345; CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Foreign { .. }), "{err:?}");
    assert_eq!(bytes(&path), before);
    // A plain SQLite file without any application id is foreign too.
    let plain = dir.path().join("plain.sqlite");
    rusqlite::Connection::open(&plain).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let before = bytes(&plain);
    assert!(matches!(Store::open(&plain), Err(StoreError::Foreign { .. })));
    assert_eq!(bytes(&plain), before);
}

#[test]
fn a_file_of_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    drop(Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    // `check` refuses it; opening shows it read-only and never writes.
    assert!(
        matches!(inspect(&path), Err(StoreError::TooNew { found, .. }) if found == SCHEMA_VERSION + 1)
    );
    let mut store = Store::open(&path).unwrap();
    assert!(store.is_newer() && store.is_read_only());
    assert_eq!(store.load_roadmap().unwrap().measures.len(), 20);
    assert!(matches!(
        store.set_status("M01", Status::Planned, "", date(2026, 1, 1), None),
        Err(StoreError::ReadOnly)
    ));
    drop(store);
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_damaged_fahrplan_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.sqlite");
    drop(Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
    {
        // Bring it back to a single file so the damage below is the whole story.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut content = bytes(&path);
    let page_size = usize::from(u16::from_be_bytes([content[16], content[17]]));
    // Overwrite the second page (the first table's b-tree) with junk.
    for b in &mut content[page_size..page_size * 2] {
        *b = 0xA5;
    }
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. } | StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(bytes(&path), content);
    // Truncated to half.
    std::fs::write(&path, &content[..content.len() / 2]).unwrap();
    assert!(Store::open(&path).is_err());
    assert_eq!(bytes(&path), &content[..content.len() / 2]);
}

// A read-only file, and a file in a read-only folder, opened by their owner: tested as an
// ordinary user in `tests/shared_file.rs` (root may write whatever the permissions say).

#[test]
fn a_copy_is_a_complete_verified_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite");
    let copy = dir.path().join("copy.sqlite");
    let mut store =
        Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    store.set_status("M16", Status::Done, "", date(2026, 11, 27), None).unwrap();
    store.backup_to(&copy).unwrap();
    let copied = Store::open(&copy).unwrap().load_roadmap().unwrap();
    assert_eq!(copied, store.load_roadmap().unwrap());
    assert!(matches!(store.backup_to(&copy), Err(StoreError::Exists { .. })));
}

#[test]
fn the_other_languages_messages_name_the_problem() {
    let err = StoreError::Conflict { code: "M04".into() };
    assert!(err.localize(&crate::i18n::I18n::new(Lang::De)).contains("M04 wurde inzwischen"));
    assert!(err.localize(&crate::i18n::I18n::new(Lang::En)).contains("M04 was changed"));
}

#[test]
fn a_fahrplan_file_with_triggers_or_views_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, sql) in [
        (
            "trigger.sqlite",
            "CREATE TRIGGER wipe AFTER UPDATE ON measure BEGIN DELETE FROM history; END;",
        ),
        ("view.sqlite", "CREATE VIEW v AS SELECT * FROM measure;"),
    ] {
        let path = dir.path().join(name);
        drop(Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let before = bytes(&path);
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Damaged { .. }), "{name}: {err:?}");
        assert_eq!(bytes(&path), before);
    }
}

#[test]
fn undo_and_redo_every_kind_of_change_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("undo.sqlite");
    let original = {
        let mut store =
            Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        let original = store.load_roadmap().unwrap();
        store.set_status("M16", Status::Done, "fertig", date(2026, 11, 27), None).unwrap();
        store.set_progress("M18", 55, "", None).unwrap();
        store.add_expense("M18", date(2026, 11, 2), Money(150_000), "Glasfaser").unwrap();
        store
            .add_reevaluation(
                "M07",
                date(2026, 11, 20),
                crate::model::Verdict::Effective,
                "ok",
                "IT",
                None,
            )
            .unwrap();
        let mut new = Measure::new("M21", "Neue Maßnahme", date(2027, 1, 1), date(2027, 6, 30));
        new.depends_on = vec!["M20".into()];
        store.add_measure(&new, "neu").unwrap();
        store.delete_measure("M21", "doch nicht").unwrap();
        original
    };
    let after_edits = Store::open(&path).unwrap().load_roadmap().unwrap();
    assert_eq!(after_edits.measure("M07").unwrap().next_reevaluation, Some(date(2027, 11, 20)));
    assert_eq!(after_edits.spent("M18"), original.spent("M18").saturating_add(Money(150_000)));

    // Six edits, undone one by one, each after reopening the file.
    for _ in 0..6 {
        let mut store = Store::open(&path).unwrap();
        let changes = store.undo("").unwrap();
        assert!(!changes.is_empty());
    }
    let mut store = Store::open(&path).unwrap();
    assert!(matches!(store.undo(""), Err(StoreError::NothingToRevert)), "the seed is not undoable");
    let mut undone = store.load_roadmap().unwrap();
    let mut expected = original.clone();
    // Versions moved on; everything else is as it was.
    for m in undone.measures.iter_mut().chain(expected.measures.iter_mut()) {
        m.version = 0;
    }
    assert_eq!(undone, expected);

    // Redo all six, again across reopens, and land where the edits left the roadmap.
    for _ in 0..6 {
        let mut store = Store::open(&path).unwrap();
        store.redo("").unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert!(matches!(store.redo(""), Err(StoreError::NothingToRevert)));
    let mut redone = store.load_roadmap().unwrap();
    let mut edited = after_edits.clone();
    for m in redone.measures.iter_mut().chain(edited.measures.iter_mut()) {
        m.version = 0;
    }
    // Restored records may get new ids; compare what the user sees.
    let strip = |r: &mut Roadmap| {
        r.expenses.iter_mut().for_each(|e| e.id = 0);
        r.reevaluations.iter_mut().for_each(|e| e.id = 0);
    };
    strip(&mut redone);
    strip(&mut edited);
    assert_eq!(redone, edited);
}

#[test]
fn undo_refuses_when_the_value_was_changed_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.sqlite");
    let mut a = Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    a.set_progress("M20", 60, "", None).unwrap();
    // Someone changes the same field outside the history (e.g. a restored older copy).
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE measure SET progress = 70 WHERE code = 'M20'", []).unwrap();
    }
    assert!(matches!(a.undo(""), Err(StoreError::Conflict { .. })));
    assert_eq!(a.measure("M20").unwrap().unwrap().progress, 70);
}

#[test]
fn a_version_1_file_is_migrated_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, 1).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.execute_batch(
            "INSERT INTO measure (code, title, horizon, status, progress, planned_start, due) \
             VALUES ('M01', 'Alt', 'short', 'planned', 0, '2026-01-01', '2026-02-01'); \
             INSERT INTO history (batch, at, who, code, field, new) VALUES (1, '2026-01-01T00:00:00', 'x', 'M01', 'created', 'Alt'); \
             INSERT INTO history (batch, at, who, code, field, old, new) VALUES (2, '2026-01-02T00:00:00', 'x', 'M01', 'progress', '0', '5');",
        )
        .unwrap();
        conn.execute("UPDATE measure SET progress = 5", []).unwrap();
    }
    let before = bytes(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(inspect(&path).unwrap().schema_version, SCHEMA_VERSION);
    let backups: Vec<_> =
        std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(inspect(&backups[0]).unwrap().schema_version, 1);
    assert!(!before.is_empty());
    // The backup holds the file as it was: version 1, its measure and both history rows.
    let kept = rusqlite::Connection::open(&backups[0]).unwrap();
    let (progress, rows): (i64, i64) = kept
        .query_row(
            "SELECT (SELECT progress FROM measure WHERE code = 'M01'), (SELECT count(*) FROM history)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((progress, rows), (5, 2));
    // The old edit is undoable, the old seed is not.
    store.undo("").unwrap();
    assert_eq!(store.measure("M01").unwrap().unwrap().progress, 0);
    assert!(matches!(store.undo(""), Err(StoreError::NothingToRevert)));
}

#[test]
fn a_version_7_file_keeps_its_verdicts_unconfirmed_and_takes_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, 7).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.execute_batch(
            "INSERT INTO measure (id, code, title, horizon, status, progress, planned_start, due) \
             VALUES (1, 'M07', 'Backup', 'short', 'done', 100, '2026-01-01', '2026-02-01'); \
             INSERT INTO reevaluation (measure_id, date, verdict, note, by_whom) \
             VALUES (1, '2026-11-30', 'effective', 'Wiederherstellung geprobt', 'anna');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(inspect(&path).unwrap().schema_version, SCHEMA_VERSION);
    let roadmap = store.load_roadmap().unwrap();
    let verdict = &roadmap.reevaluations[0];
    assert_eq!(
        (verdict.by.as_str(), verdict.note.as_str(), verdict.confirmed_by.as_deref()),
        ("anna", "Wiederherstellung geprobt", None)
    );
    assert!(roadmap.evidence.is_empty());
    store.set_who("bernd");
    store.confirm_reevaluation("M07", (date(2026, 12, 1), "bernd", None), "").unwrap();
    let new = crate::model::NewEvidence {
        source: crate::model::EvidenceSource::File {
            name: "p.pdf".into(),
            bytes: b"%PDF".to_vec(),
        },
        note: String::new(),
        reevaluation: Some(date(2026, 11, 30)),
    };
    let added = store.add_evidence("M07", &new).unwrap();
    assert_eq!(added.reevaluation, Some(verdict.id));
    assert_eq!(store.evidence_bytes("M07", added.id).unwrap(), b"%PDF");
    assert_eq!(
        store.load_roadmap().unwrap().reevaluations[0].confirmed_by.as_deref(),
        Some("bernd")
    );
}

#[test]
fn evidence_whose_bytes_were_changed_in_the_file_is_not_given_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.sqlite");
    let mut store =
        Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    let new = crate::model::NewEvidence {
        source: crate::model::EvidenceSource::File {
            name: "p.pdf".into(),
            bytes: b"%PDF-1.7".to_vec(),
        },
        note: String::new(),
        reevaluation: None,
    };
    let added = store.add_evidence("M07", &new).unwrap();
    assert_eq!(store.evidence_bytes("M07", added.id).unwrap(), b"%PDF-1.7");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE evidence_file SET data = x'2550444646'", []).unwrap();
    }
    assert!(matches!(store.evidence_bytes("M07", added.id), Err(StoreError::Damaged { .. })));
}

#[test]
fn the_watcher_reports_commits_from_other_connections() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    drop(Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
    let seen = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    let watch = watch(&path, move || {
        counter.fetch_add(1, Ordering::SeqCst);
    })
    .unwrap();
    let mut other = Store::open(&path).unwrap();
    other.set_progress("M19", 44, "", None).unwrap();
    // The watcher polls once a second; allow a few seconds on a busy machine.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while seen.load(Ordering::SeqCst) == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(seen.load(Ordering::SeqCst) >= 1);
    drop(watch);
}

#[test]
fn truncated_and_bit_flipped_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flip.sqlite");
    drop(Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let good = bytes(&path);
    let mut variants: Vec<(String, Vec<u8>)> = vec![
        ("empty".into(), Vec::new()),
        ("100 bytes".into(), good[..100].to_vec()),
        ("half".into(), good[..good.len() / 2].to_vec()),
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..8 {
        let mut flipped = good.clone();
        for _ in 0..64 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Leave the 100-byte header alone so the damage is inside the b-trees.
            let at = 100 + (seed as usize % (flipped.len() - 100));
            flipped[at] ^= 1 << (seed % 8);
        }
        variants.push((format!("flipped {round}"), flipped));
    }
    for (name, content) in variants {
        std::fs::write(&path, &content).unwrap();
        match Store::open(&path) {
            // A flip can land in unused space; a file that passes every check is sound and may
            // be opened for writing.
            Ok(store) => {
                let loaded = store.load_roadmap();
                assert!(loaded.is_ok(), "{name}: passed the checks but does not load: {loaded:?}");
            }
            Err(_) => assert_eq!(bytes(&path), content, "{name} was modified"),
        }
    }
}

mod history;
