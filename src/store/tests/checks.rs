//! The file's engine refuses bad data (migration 11), and an older file with a bad row is
//! upgraded without losing it or anything that hangs on the rebuilt tables.

use super::*;

/// A version-10 file: a measure with framework references, a dependency, an expense, a verdict,
/// evidence, history, and one row the checks would refuse.
fn version_10_file(path: &Path) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    MIGRATIONS.to_version(&mut conn, 10).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
    conn.execute_batch(
        "INSERT INTO owner (id, name, kind) VALUES (1, 'IT', 'role');
         INSERT INTO measure (id, code, title, horizon, owner_id, status, progress, planned_start, due)
         VALUES (1, 'M01', 'Backup', 'short', 1, 'planned', 0, '2026-01-01', '2026-02-01'),
                (2, 'M02', 'Kaputt', 'short', 1, 'planned', 0, '2026-01-01', 'kaputt');
         INSERT INTO framework_ref VALUES (1, 0, 'vds3473', '10.2'), (1, 1, 'itil4', 'Service');
         INSERT INTO dependency VALUES (2, 1);
         INSERT INTO expense (measure_id, date, amount_cents, note) VALUES (1, '2026-03-01', 500, 'NAS');
         INSERT INTO reevaluation (measure_id, date, verdict) VALUES (1, '2026-03-02', 'effective');
         INSERT INTO evidence_file VALUES ('ab', 2, x'0102');
         INSERT INTO evidence (measure_id, kind, name, size, sha256, added_at, added_by)
         VALUES (1, 'file', 'p.pdf', 2, 'ab', '2026-03-02T10:00:00', 'x');
         INSERT INTO batch (id, kind) VALUES (1, 'edit');
         INSERT INTO history (batch, at, who, code, field, new, measure_id)
         VALUES (1, '2026-03-01 10:00:00', 'x', 'M01', 'created', 'Backup', 1);",
    )
    .unwrap();
}

fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn an_older_file_is_rebuilt_with_checks_keeping_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.sqlite");
    version_10_file(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(inspect(&path).unwrap().schema_version, SCHEMA_VERSION);
    let conn = &store.conn;
    // Nothing cascaded or went missing; the bad rows are still there, as they were.
    for (table, rows) in [
        ("owner", 1),
        ("measure", 2),
        ("framework_ref", 2),
        ("dependency", 1),
        ("expense", 1),
        ("reevaluation", 1),
        ("evidence", 1),
        ("history", 1),
    ] {
        assert_eq!(count(conn, table), rows, "{table}");
    }
    let due: String =
        conn.query_row("SELECT due FROM measure WHERE code = 'M02'", [], |r| r.get(0)).unwrap();
    assert_eq!(due, "kaputt");
    // Foreign keys are on again, checks are applied again, and the keys still hold.
    let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    let ignored: bool =
        conn.pragma_query_value(None, "ignore_check_constraints", |r| r.get(0)).unwrap();
    assert!(fk && !ignored);
    let broken = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query([])
        .unwrap()
        .next()
        .unwrap()
        .is_some();
    assert!(!broken);
    assert!(conn.execute("DELETE FROM measure WHERE id = 1", []).is_err(), "expense refers to it");
    // The rest of the roadmap reads as before: the bad measure is named, not lost.
    let roadmap = store.load_roadmap().unwrap();
    assert_eq!(roadmap.measures.len(), 1);
    assert_eq!(roadmap.measures[0].frameworks.len(), 2);
    assert_eq!(roadmap.unreadable.len(), 1, "{:?}", roadmap.unreadable);
}

#[test]
fn the_file_refuses_bad_data_whoever_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite");
    drop(Store::create(&path, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let long = "x".repeat(201);
    let refused = [
        "UPDATE measure SET due = 'kaputt' WHERE code = 'M01'",
        "UPDATE measure SET due = '2027-02-30' WHERE code = 'M01'",
        "UPDATE measure SET due = '2000-01-01' WHERE code = 'M01'",
        "UPDATE measure SET completed = '27.11.2026' WHERE code = 'M01'",
        "UPDATE measure SET code = '' WHERE code = 'M01'",
        "UPDATE measure SET planned_one_off_cents = -1 WHERE code = 'M01'",
        "UPDATE measure SET reeval_interval_months = 0 WHERE code = 'M01'",
        "UPDATE history SET at = '2026-11-27 10:00:00' WHERE id = 1",
        "UPDATE history SET comment = printf('%.10001c', 'x') WHERE id = 1",
        "INSERT INTO meeting (date, title) VALUES ('2026-12-01', ' ')",
        "INSERT INTO meeting (date, title) VALUES ('2026-13-01', 'Rat')",
        "INSERT INTO expense (measure_id, date, amount_cents) VALUES (1, '2026-01-01', 0)",
    ];
    for sql in refused {
        let e = conn.execute(sql, []).expect_err(sql);
        assert!(e.to_string().contains("CHECK constraint failed"), "{sql}: {e}");
    }
    // The user is told in the UI's language that the data broke the rules (exit 1, not 2).
    let e = StoreError::from(conn.execute(refused[0], []).unwrap_err());
    assert!(matches!(&e, StoreError::BadData(check) if check.contains("due")), "{e:?}");
    assert!(!e.is_file_problem());
    let said = e.localize(&crate::i18n::I18n::new(Lang::De));
    assert!(said.contains("Prüfregeln") && said.contains("nichts geändert"), "{said}");
    let title = format!("UPDATE measure SET title = '{long}' WHERE code = 'M01'");
    assert!(conn.execute(&title, []).is_err());
    // What the application writes passes.
    conn.execute("UPDATE measure SET due = '2027-02-28', completed = NULL WHERE code = 'M01'", [])
        .unwrap();
    conn.execute("INSERT INTO meeting (date, title) VALUES ('2026-12-01', 'Rat')", []).unwrap();
}

#[test]
fn owners_references_and_evidence_that_cannot_be_read_are_named_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.sqlite");
    version_10_file(&path);
    drop(Store::open(&path).unwrap());
    {
        // Whoever holds the file can switch the checks off.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "ignore_check_constraints", true).unwrap();
        conn.execute_batch(
            "UPDATE evidence SET added_at = 'gestern';
             UPDATE framework_ref SET framework = 'cobit' WHERE position = 1;
             INSERT INTO owner (id, name, kind) VALUES (2, 'Extern', 'freund');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let roadmap = store.load_roadmap().unwrap();
    let kinds: Vec<&str> = roadmap.unreadable.iter().map(|r| r.kind).collect();
    for kind in ["measure", "framework_ref", "owner", "evidence"] {
        assert!(kinds.contains(&kind), "{kind}: {:?}", roadmap.unreadable);
    }
    // The rest is there: the readable reference, the readable owner.
    assert_eq!(roadmap.measures[0].frameworks.len(), 1);
    assert_eq!(roadmap.owners.len(), 1);
    assert!(roadmap.evidence.is_empty());
    let said = crate::i18n::unreadable_text(&crate::i18n::I18n::new(Lang::De), &roadmap.unreadable);
    assert!(said.contains("Stelle „Extern“") && said.contains("Nachweis zu M01"), "{said}");
    assert!(said.contains("Rahmenwerksbezug von M01: Rahmenwerk „cobit“"), "{said}");
}

/// A roadmap with one change, and a verified backup of it.
fn roadmap_and_backup(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = dir.join("r.sqlite");
    let mut store = Store::create(&db, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    store.set_who("anna");
    store.set_progress("M01", 40, "", None).unwrap();
    let backup = dir.join("kopie.sqlite");
    backup_connection(&store.conn, &backup).unwrap();
    (db, backup)
}

#[test]
fn a_backup_whose_table_definitions_were_edited_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (db, backup) = roadmap_and_backup(dir.path());
    {
        // The forger's CHECK would stop the restore marking what it brings as imported.
        let conn = rusqlite::Connection::open(&backup).unwrap();
        conn.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (imported IN (0, 1))',
                 'CHECK (imported = 0)') WHERE name = 'history';
             PRAGMA writable_schema = OFF;",
        )
        .unwrap();
    }
    let state = |db: &Path| {
        let store = Store::open(db).unwrap();
        (store.load_roadmap().unwrap(), store.history(None).unwrap())
    };
    let before = state(&db);
    let now = NaiveDateTime::parse_from_str("2026-12-01T10:00:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let err = restore(&db, &backup, now).unwrap_err();
    assert!(matches!(&err, StoreError::ForeignTables { path } if *path == backup), "{err:?}");
    let said = err.localize(&crate::i18n::I18n::new(Lang::De));
    assert!(said.contains("weichen") && said.contains("nichts geändert"), "{said}");
    assert!(state(&db) == before, "the live roadmap is as it was");
    let sql: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT sql FROM sqlite_schema WHERE name = 'history'", [], |r| r.get(0))
        .unwrap();
    assert!(sql.contains("CHECK (imported IN (0, 1))"), "{sql}");
}

#[test]
fn a_restore_into_a_new_file_marks_all_it_brings_as_imported_and_an_older_backup_restores() {
    let dir = tempfile::tempdir().unwrap();
    let (_, backup) = roadmap_and_backup(dir.path());
    let now = NaiveDateTime::parse_from_str("2026-12-01T10:00:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let fresh = dir.path().join("neu.sqlite");
    restore(&fresh, &backup, now).unwrap();
    let store = Store::open(&fresh).unwrap();
    let history = store.history(None).unwrap();
    let (last, before) = history.split_last().unwrap();
    assert!(before.iter().all(|c| c.imported), "{before:?}");
    assert_eq!((last.field.as_str(), last.imported), ("replaced-restore", false));
    drop(store);
    // A backup of an older version is migrated in memory and its tables then match.
    let old = dir.path().join("v10.sqlite");
    version_10_file(&old);
    let other = dir.path().join("x");
    std::fs::create_dir(&other).unwrap();
    let (db, _) = roadmap_and_backup(&other);
    restore(&db, &old, now).unwrap();
    let store = Store::open(&db).unwrap();
    let roadmap = store.load_roadmap().unwrap();
    assert_eq!(roadmap.measures.len(), 1);
    assert_eq!(roadmap.unreadable.len(), 1);
}

#[test]
fn the_window_verifies_only_what_came_after_unless_the_chain_it_knew_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = roadmap_and_backup(dir.path());
    let mut store = Store::open(&db).unwrap();
    let known = store.verify_history().unwrap();
    assert!(known.intact() && known.last_hash.as_ref().is_some_and(|h| h.len() == 64));
    store.set_progress("M02", 10, "", None).unwrap();
    store.set_progress("M03", 20, "", None).unwrap();
    let after = store.verify_history_after(&known).unwrap();
    assert_eq!(after, store.verify_history().unwrap());
    assert_eq!(after.rows, known.rows + 2);
    // A row of the part known before changed its hash, or one went missing: the whole chain is
    // verified again, and the break is found.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let head = i64::try_from(known.verified).unwrap();
    conn.execute("UPDATE history SET hash = 'x' WHERE seq = ?1", [head]).unwrap();
    let broken = store.verify_history_after(&known).unwrap();
    assert!(broken.first_broken.is_some(), "{broken:?}");
    conn.execute("DELETE FROM history WHERE seq = 2", []).unwrap();
    let gap = store.verify_history_after(&known).unwrap();
    assert_eq!(gap.verified, 1, "{gap:?}");
}

#[test]
fn a_verdict_under_an_id_given_again_is_not_confirmed_by_its_own_recorder() {
    let mut store = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    let day = date(2026, 12, 1);
    store.set_who("anna");
    let (first, _) = store
        .add_reevaluation("M07", day, crate::model::Verdict::Effective, "", "anna", None)
        .unwrap();
    store.undo("").unwrap();
    // Bernd records another verdict; SQLite gives it the id the undone one had.
    store.set_who("bernd");
    let (second, _) = store
        .add_reevaluation("M07", day, crate::model::Verdict::Partly, "", "extern", None)
        .unwrap();
    assert_eq!(first.id, second.id, "the id is given again");
    let own = store.confirm_reevaluation("M07", (day, "bernd", None), "");
    assert!(matches!(&own, Err(StoreError::SelfConfirmation { by }) if by == "bernd"), "{own:?}");
    // A redo by someone else of a verdict recorded by another does not make him its recorder.
    store.set_who("carla");
    store.confirm_reevaluation("M07", (day, "carla", None), "").unwrap();
    store.undo("").unwrap();
    store.undo("").unwrap();
    store.redo("").unwrap();
    store.confirm_reevaluation("M07", (day, "carla", None), "").unwrap();
}
