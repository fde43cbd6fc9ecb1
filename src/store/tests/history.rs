//! History that follows a measure: renames, ids never reused, the day of archiving, and files of
//! earlier schema versions.

use super::*;

#[test]
fn history_follows_a_measure_through_a_rename() {
    let mut store = seeded();
    store.set_progress("M05", 80, "", None).unwrap();
    store
        .update_measure("M05", None, "neu nummeriert", |m| Measure {
            code: "M05a".into(),
            ..m.clone()
        })
        .unwrap();
    store.set_progress("M05a", 90, "", None).unwrap();
    let history = store.history(Some("M05a")).unwrap();
    let rows: Vec<(&str, Option<&str>)> =
        history.iter().map(|c| (c.field.as_str(), c.code.as_deref())).collect();
    // Every row, each with the code it had at the time.
    assert_eq!(
        rows,
        [
            ("created", Some("M05")),
            ("progress", Some("M05")),
            ("code", Some("M05a")),
            ("progress", Some("M05a")),
        ]
    );
    // The old code names no measure any more: its rows are found by their text.
    assert_eq!(store.history(Some("M05")).unwrap().len(), 2);
    // A new measure that takes the freed code starts its own history.
    let mut fresh = store.measure("M05a").unwrap().unwrap();
    fresh.code = "M05".into();
    fresh.depends_on.clear();
    store.add_measure(&fresh, "").unwrap();
    let rows = store.history(Some("M05")).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].field, "created");
    assert_eq!(store.history(Some("M05a")).unwrap().len(), 4);
}

#[test]
fn a_version_4_file_links_its_history_to_renamed_and_removed_measures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        MIGRATIONS.to_version(&mut conn, 4).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.execute_batch(
            "INSERT INTO measure (code, title, horizon, status, progress, planned_start, due) \
             VALUES ('B2', 'Umbenannt', 'short', 'planned', 0, '2026-01-01', '2026-02-01'), \
                    ('X', 'Neu', 'short', 'planned', 0, '2026-01-01', '2026-02-01'); \
             INSERT INTO batch (id, kind) VALUES (1, 'edit'), (2, 'edit'), (3, 'edit'), (4, 'edit'), (5, 'edit'), (6, 'edit'); \
             INSERT INTO history (batch, at, who, code, field, old, new) VALUES \
               (1, '2026-01-01T00:00:00', 'x', 'A1', 'created', NULL, 'Umbenannt'), \
               (2, '2026-01-02T00:00:00', 'x', 'X', 'created', NULL, 'Alt'), \
               (3, '2026-01-03T00:00:00', 'x', 'B2', 'code', 'A1', 'B2'), \
               (4, '2026-01-04T00:00:00', 'x', 'X', 'deleted', 'Alt', NULL), \
               (5, '2026-01-05T00:00:00', 'x', 'X', 'created', NULL, 'Neu'), \
               (6, '2026-01-06T00:00:00', 'x', 'B2', 'progress', '0', '5');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let fields = |code: &str| -> Vec<(String, Option<String>)> {
        store.history(Some(code)).unwrap().into_iter().map(|c| (c.field, c.code)).collect()
    };
    let row = |f: &str, c: &str| (f.to_owned(), Some(c.to_owned()));
    assert_eq!(fields("B2"), [row("created", "A1"), row("code", "B2"), row("progress", "B2")]);
    // The measure now called X is the second one of that code: only its own creation.
    assert_eq!(fields("X"), [row("created", "X")]);
}

#[test]
fn a_removed_measures_id_is_never_given_again_and_undo_brings_its_history_back() {
    let mut store = seeded();
    let template = store.measure("M20").unwrap().unwrap();
    let new = |code: &str| Measure {
        id: 0,
        code: code.into(),
        depends_on: Vec::new(),
        ..template.clone()
    };
    let m21 = store.add_measure(&new("M21"), "").unwrap();
    store.set_progress("M21", 10, "", None).unwrap();
    store.delete_measure("M21", "").unwrap();
    // The next new measure gets an id of its own, and a history of its own.
    let m22 = store.add_measure(&new("M22"), "").unwrap();
    assert_ne!(m22.id, m21.id);
    let rows = store.history(Some("M22")).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    // Removing and undoing: the measure comes back as itself, with its whole history.
    store.set_progress("M22", 20, "", None).unwrap();
    store.delete_measure("M22", "").unwrap();
    store.undo("").unwrap();
    let back = store.measure("M22").unwrap().unwrap();
    assert_eq!(back.id, m22.id);
    let fields: Vec<String> =
        store.history(Some("M22")).unwrap().into_iter().map(|c| c.field).collect();
    assert_eq!(fields, ["created", "progress", "deleted", "created"]);
}

#[test]
fn archiving_keeps_the_day_and_bringing_back_clears_it() {
    let mut store = seeded();
    let archive = |store: &mut Store, archived: bool| {
        store.update_measure("M18", None, "", |m| Measure { archived, ..m.clone() }).unwrap()
    };
    let archived = archive(&mut store, true);
    assert_eq!(archived.archived_on, Some(date(2026, 11, 27)), "the day of the store's clock");
    // An edit of an archived measure keeps the day.
    let edited = store
        .update_measure("M18", None, "", |m| Measure { notes: "x".into(), ..m.clone() })
        .unwrap();
    assert_eq!(edited.archived_on, Some(date(2026, 11, 27)));
    assert_eq!(archive(&mut store, false).archived_on, None);
    // Undo of the return archives it again, with a day.
    store.undo("").unwrap();
    let again = store.measure("M18").unwrap().unwrap();
    assert!(again.archived && again.archived_on.is_some());
}
