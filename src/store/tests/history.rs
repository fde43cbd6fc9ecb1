//! History that follows a measure: renames, ids never reused, the day of archiving, and files of
//! earlier schema versions.

use super::*;

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
