//! The schema as append-only migrations. Never remove or edit an entry; add a new one.

use std::sync::LazyLock;

use rusqlite::Transaction;
use rusqlite_migration::{HookError, HookResult, M, Migrations};

/// Fahrplan's `PRAGMA application_id`: the bytes `FPLN`.
pub const APPLICATION_ID: i32 = 0x4650_4C4E;

/// Migration 1: the roadmap and its history.
const V1_ROADMAP: &str = r"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE owner (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    kind    TEXT NOT NULL CHECK (kind IN ('role', 'department', 'external')),
    contact TEXT
) STRICT;

CREATE TABLE measure (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    horizon               TEXT NOT NULL CHECK (horizon IN ('short', 'medium', 'long')),
    owner_id              INTEGER REFERENCES owner (id),
    stakeholders          TEXT NOT NULL DEFAULT '[]',
    status                TEXT NOT NULL
        CHECK (status IN ('planned', 'in-progress', 'done', 'on-hold', 'cancelled')),
    progress              INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    planned_start         TEXT NOT NULL,
    due                   TEXT NOT NULL,
    completed             TEXT,
    reeval_interval_months INTEGER,
    next_reevaluation     TEXT,
    planned_one_off_cents INTEGER NOT NULL DEFAULT 0,
    planned_yearly_cents  INTEGER NOT NULL DEFAULT 0,
    notes                 TEXT NOT NULL DEFAULT '',
    version               INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE framework_ref (
    measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    framework  TEXT NOT NULL CHECK (framework IN ('itil4', 'itil3', 'vds3473', 'bsi', 'other')),
    reference  TEXT NOT NULL,
    PRIMARY KEY (measure_id, position)
) STRICT;

CREATE TABLE dependency (
    measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    depends_on INTEGER NOT NULL REFERENCES measure (id),
    PRIMARY KEY (measure_id, depends_on)
) STRICT;

CREATE TABLE expense (
    id           INTEGER PRIMARY KEY,
    measure_id   INTEGER NOT NULL REFERENCES measure (id),
    date         TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX expense_measure ON expense (measure_id);

CREATE TABLE reevaluation (
    id         INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measure (id),
    date       TEXT NOT NULL,
    verdict    TEXT NOT NULL CHECK (verdict IN ('effective', 'partly', 'not-effective')),
    note       TEXT NOT NULL DEFAULT '',
    by_whom    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reevaluation_measure ON reevaluation (measure_id);

CREATE TABLE history (
    id      INTEGER PRIMARY KEY,
    batch   INTEGER NOT NULL,
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,
    code    TEXT,
    field   TEXT NOT NULL,
    old     TEXT,
    new     TEXT,
    comment TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX history_code ON history (code);
CREATE INDEX history_batch ON history (batch);
";

fn migration_list() -> Vec<M<'static>> {
    vec![
        // 1: the roadmap and its history.
        M::up(V1_ROADMAP),
        // 2: undo and redo. Each write is a batch; an undo or redo is a batch that reverts another.
        // `data` keeps what is needed to restore a removed record (JSON).
        M::up(
            r"
CREATE TABLE batch (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('seed', 'edit', 'undo', 'redo')),
    reverts INTEGER REFERENCES batch (id),
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
INSERT INTO batch (id, kind)
    SELECT batch,
           CASE WHEN batch = 1 AND min(field) = 'created' AND max(field) = 'created' THEN 'seed' ELSE 'edit' END
    FROM history GROUP BY batch;
ALTER TABLE history ADD COLUMN data TEXT;
",
        ),
        // 3: measures can be archived instead of deleted.
        M::up(
            "ALTER TABLE measure ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));",
        ),
        // 4: council meetings, for "what changed since the last meeting".
        M::up(
            r"
CREATE TABLE meeting (
    id    INTEGER PRIMARY KEY,
    date  TEXT NOT NULL,
    title TEXT NOT NULL
) STRICT;
",
        ),
        // 5: history follows the measure (its id), not its code text, so a renamed measure keeps
        // its history. Existing rows are linked by reading the history backwards.
        M::up_with_hook(
            r"
ALTER TABLE history ADD COLUMN measure_id INTEGER;
CREATE INDEX history_measure ON history (measure_id);
",
            |tx: &Transaction<'_>| -> HookResult {
                let mut db: &rusqlite::Connection = tx;
                super::write::link_history(&mut db).map_err(|e| match e {
                    super::StoreError::Sqlite(e) => HookError::RusqliteError(e),
                    other => HookError::Hook(other.to_string()),
                })
            },
        ),
        // 6: the day a measure was archived, so its planned costs count up to then and no
        // later. Archived measures take the day of their latest archiving in the history.
        M::up(
            r"
ALTER TABLE measure ADD COLUMN archived_on TEXT;
UPDATE measure SET archived_on = (
    SELECT substr(max(h.at), 1, 10) FROM history h
    WHERE h.measure_id = measure.id AND h.field = 'archived' AND h.new = 'true'
) WHERE archived = 1;
",
        ),
        // 7: the five-year financial plan (funding, staff days) and baselines: the plan as the
        // council approved it, frozen (`data`: the measures as JSON).
        M::up(V7_FINANCE_BASELINE),
        // 8: four eyes on verdicts: who confirmed a re-evaluation, and when.
        M::up(V8_CONFIRMATION),
        // 9: evidence with measures and re-evaluations; files kept once by their SHA-256.
        M::up(V9_EVIDENCE),
        // 10: the history's hash chain (see `chain.rs`), what came from a file marked as
        // imported; the rows there are chained as they are.
        M::up_with_hook(V10_CHAIN, |tx: &Transaction<'_>| -> HookResult {
            let mut db: &rusqlite::Connection = tx;
            super::chain::rechain(&mut db).map_err(|e| match e {
                super::StoreError::Sqlite(e) => HookError::RusqliteError(e),
                other => HookError::Hook(other.to_string()),
            })
        }),
        // 11: the engine refuses bad data, as PostgreSQL's migration 5 does: each table is
        // rebuilt with checks on dates, times, lengths and amounts (see `migrate`).
        M::up(V11_CHECKS),
        // 12: the assessment: catalogues, rounds, results and links (PostgreSQL's migration 7).
        M::up(V12_ASSESSMENT),
    ]
}

/// Migrates a connection to the latest schema. Foreign keys are off meanwhile (a table that is
/// rebuilt is dropped and renamed: with them on, dropping `measure` would cascade) and CHECK
/// constraints are not applied to the rows copied (as PostgreSQL's `NOT VALID`: an upgrade never
/// fails on an old row, which is read defensively); both are restored whatever the outcome.
pub fn migrate(conn: &mut rusqlite::Connection) -> Result<(), rusqlite_migration::Error> {
    let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    conn.pragma_update(None, "ignore_check_constraints", true)?;
    let result = MIGRATIONS.to_latest(conn);
    let restored = conn
        .pragma_update(None, "ignore_check_constraints", false)
        .and_then(|()| conn.pragma_update(None, "foreign_keys", fk));
    result?;
    restored?;
    Ok(())
}

/// Whether a roadmap's tables, indexes and everything else in its schema are exactly the
/// application's at this version (as a new roadmap has them): a file whose table definitions
/// were edited (`writable_schema`) is told apart.
pub fn is_applications(conn: &rusqlite::Connection) -> super::Result<bool> {
    let mut fresh = rusqlite::Connection::open_in_memory()?;
    migrate(&mut fresh).map_err(|e| super::StoreError::Migration(e.to_string()))?;
    let schema = |c: &rusqlite::Connection| -> rusqlite::Result<Vec<[Option<String>; 3]>> {
        c.prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             ORDER BY type, name",
        )?
        .query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]))?
        .collect()
    };
    Ok(schema(conn)? == schema(&fresh)?)
}

/// The rebuilt table `new_NAME` takes the place of `NAME`, with its rows as they are.
macro_rules! swap {
    ($t:literal) => {
        concat!(
            "INSERT INTO new_",
            $t,
            " SELECT * FROM ",
            $t,
            ";\nDROP TABLE ",
            $t,
            ";\nALTER TABLE new_",
            $t,
            " RENAME TO ",
            $t,
            ";\n"
        )
    };
}

/// A day as `YYYY-MM-DD` and a real one (SQLite's `date` turns 30 February into 2 March).
macro_rules! day {
    ($c:literal) => {
        concat!("CHECK (date(", $c, ") IS ", $c, ")")
    };
}

/// Migration 11: every table with data someone types is rebuilt with the checks PostgreSQL's
/// migration 5 adds (each its own, shallow, CHECK: a file is inspected with a small expression
/// depth). Columns keep their order, so rows are copied as they are.
const V11_CHECKS: &str = concat!(
    r"
CREATE TABLE new_owner (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind    TEXT NOT NULL CHECK (kind IN ('role', 'department', 'external')),
    contact TEXT
) STRICT;
",
    swap!("owner"),
    r"
CREATE TABLE new_measure (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE CHECK (length(trim(code)) BETWEEN 1 AND 20),
    title                 TEXT NOT NULL CHECK (length(trim(title)) >= 1 AND length(title) <= 200),
    description           TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    horizon               TEXT NOT NULL CHECK (horizon IN ('short', 'medium', 'long')),
    owner_id              INTEGER REFERENCES owner (id),
    stakeholders          TEXT NOT NULL DEFAULT '[]',
    status                TEXT NOT NULL
        CHECK (status IN ('planned', 'in-progress', 'done', 'on-hold', 'cancelled')),
    progress              INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    planned_start         TEXT NOT NULL ",
    day!("planned_start"),
    r",
    due                   TEXT NOT NULL ",
    day!("due"),
    r" CHECK (due >= planned_start),
    completed             TEXT ",
    day!("completed"),
    r",
    reeval_interval_months INTEGER CHECK (reeval_interval_months BETWEEN 1 AND 120),
    next_reevaluation     TEXT ",
    day!("next_reevaluation"),
    r",
    planned_one_off_cents INTEGER NOT NULL DEFAULT 0
        CHECK (planned_one_off_cents BETWEEN 0 AND 10000000000000),
    planned_yearly_cents  INTEGER NOT NULL DEFAULT 0
        CHECK (planned_yearly_cents BETWEEN 0 AND 10000000000000),
    notes                 TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
    version               INTEGER NOT NULL DEFAULT 1,
    archived              INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    archived_on           TEXT ",
    day!("archived_on"),
    r",
    funding_source        TEXT NOT NULL DEFAULT '' CHECK (length(funding_source) <= 200),
    funding_share         INTEGER NOT NULL DEFAULT 0 CHECK (funding_share BETWEEN 0 AND 100),
    staff_days_planned    INTEGER NOT NULL DEFAULT 0
        CHECK (staff_days_planned BETWEEN 0 AND 1000000),
    staff_days_spent      INTEGER NOT NULL DEFAULT 0
        CHECK (staff_days_spent BETWEEN 0 AND 1000000)
) STRICT;
",
    swap!("measure"),
    r"
CREATE TABLE new_expense (
    id           INTEGER PRIMARY KEY,
    measure_id   INTEGER NOT NULL REFERENCES measure (id),
    date         TEXT NOT NULL ",
    day!("date"),
    r",
    amount_cents INTEGER NOT NULL
        CHECK (amount_cents <> 0 AND amount_cents BETWEEN -10000000000000 AND 10000000000000),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000)
) STRICT;
",
    swap!("expense"),
    r"CREATE INDEX expense_measure ON expense (measure_id);

CREATE TABLE new_reevaluation (
    id         INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measure (id),
    date       TEXT NOT NULL ",
    day!("date"),
    r",
    verdict    TEXT NOT NULL CHECK (verdict IN ('effective', 'partly', 'not-effective')),
    note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),
    by_whom    TEXT NOT NULL DEFAULT '' CHECK (length(by_whom) <= 200),
    confirmed_by TEXT CHECK (length(confirmed_by) <= 200),
    confirmed_at TEXT ",
    day!("confirmed_at"),
    r",
    confirmation_imported INTEGER NOT NULL DEFAULT 0 CHECK (confirmation_imported IN (0, 1))
) STRICT;
",
    swap!("reevaluation"),
    r"CREATE INDEX reevaluation_measure ON reevaluation (measure_id);

CREATE TABLE new_history (
    id         INTEGER PRIMARY KEY,
    batch      INTEGER NOT NULL,
    at         TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S', at) IS at),
    who        TEXT NOT NULL,
    code       TEXT,
    field      TEXT NOT NULL,
    old        TEXT,
    new        TEXT,
    comment    TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 10000),
    data       TEXT,
    measure_id INTEGER,
    seq        INTEGER,
    hash       TEXT,
    imported   INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1))
) STRICT;
",
    swap!("history"),
    r"CREATE INDEX history_code ON history (code);
CREATE INDEX history_batch ON history (batch);
CREATE INDEX history_measure ON history (measure_id);
CREATE UNIQUE INDEX history_seq ON history (seq);

CREATE TABLE new_meeting (
    id    INTEGER PRIMARY KEY,
    date  TEXT NOT NULL ",
    day!("date"),
    r",
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200)
) STRICT;
",
    swap!("meeting"),
    r"
CREATE TABLE new_baseline (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    date  TEXT NOT NULL ",
    day!("date"),
    r",
    data  TEXT NOT NULL
) STRICT;
",
    swap!("baseline"),
    r"CREATE UNIQUE INDEX baseline_title ON baseline (title);

CREATE TABLE new_evidence (
    id              INTEGER PRIMARY KEY,
    measure_id      INTEGER NOT NULL REFERENCES measure (id),
    reevaluation_id INTEGER,
    kind            TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
    url             TEXT CHECK (length(url) <= 10000),
    size            INTEGER CHECK (size >= 0),
    sha256          TEXT REFERENCES evidence_file (sha256),
    note            TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),
    added_at        TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S', added_at) IS added_at),
    added_by        TEXT NOT NULL
) STRICT;
",
    swap!("evidence"),
    r"CREATE INDEX evidence_measure ON evidence (measure_id);
"
);

/// Migration 10 (the same columns as PostgreSQL's migration 5, whose trigger chains the rows
/// there). A confirmation that no recorded confirmation gave (an earlier import, a file edited
/// by hand) counts as imported.
const V10_CHAIN: &str = r"
ALTER TABLE history ADD COLUMN seq INTEGER;
ALTER TABLE history ADD COLUMN hash TEXT;
ALTER TABLE history ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
CREATE UNIQUE INDEX history_seq ON history (seq);
ALTER TABLE reevaluation ADD COLUMN confirmation_imported INTEGER NOT NULL DEFAULT 0
    CHECK (confirmation_imported IN (0, 1));
UPDATE reevaluation SET confirmation_imported = 1
    WHERE confirmed_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM history h
        WHERE h.field = 'reevaluation-confirmed' AND h.new IS NOT NULL
          AND CASE WHEN json_valid(h.data) THEN json_extract(h.data, '$.id') END = reevaluation.id);
";

/// Migration 9 (the same tables as PostgreSQL's migration 4). A file's bytes are kept once per
/// content (`evidence_file`) and stay when its evidence is removed, so that undo can bring it
/// back; `reevaluation_id` has no constraint, since a re-evaluation taken away by undo comes
/// back with its id.
const V9_EVIDENCE: &str = r"
CREATE TABLE evidence_file (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
) STRICT;
CREATE TABLE evidence (
    id              INTEGER PRIMARY KEY,
    measure_id      INTEGER NOT NULL REFERENCES measure (id),
    reevaluation_id INTEGER,
    kind            TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    name            TEXT NOT NULL,
    url             TEXT,
    size            INTEGER,
    sha256          TEXT REFERENCES evidence_file (sha256),
    note            TEXT NOT NULL DEFAULT '',
    added_at        TEXT NOT NULL,
    added_by        TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_measure ON evidence (measure_id);
";

/// Migration 12 (the same tables and checks as PostgreSQL's migration 7): a catalogue is one row,
/// its tree JSON; results and links name catalogue and requirement by name and id, so a newer
/// version of a catalogue keeps the results of the ids it keeps.
const V12_ASSESSMENT: &str = concat!(
    r"
CREATE TABLE catalog (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    version TEXT NOT NULL DEFAULT '' CHECK (length(version) <= 200),
    source  TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 10000),
    data    TEXT NOT NULL
) STRICT;
CREATE TABLE assessment_round (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL UNIQUE CHECK (length(trim(title)) BETWEEN 1 AND 200),
    date            TEXT NOT NULL ",
    day!("date"),
    r",
    by_whom         TEXT NOT NULL DEFAULT '' CHECK (length(by_whom) <= 200),
    catalogs        TEXT NOT NULL,
    from_round      TEXT CHECK (length(from_round) <= 200),
    target_maturity INTEGER CHECK (target_maturity BETWEEN 0 AND 5)
) STRICT;
CREATE TABLE assessment_result (
    round_id     INTEGER NOT NULL REFERENCES assessment_round (id),
    catalog      TEXT NOT NULL CHECK (length(catalog) <= 200),
    requirement  TEXT NOT NULL CHECK (length(requirement) <= 100),
    result       TEXT NOT NULL
        CHECK (result IN ('met', 'partial', 'not-met', 'not-applicable', 'open')),
    maturity     INTEGER CHECK (maturity BETWEEN 0 AND 5),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),
    carried_over INTEGER NOT NULL DEFAULT 0 CHECK (carried_over IN (0, 1)),
    assessed_on  TEXT NOT NULL ",
    day!("assessed_on"),
    r",
    PRIMARY KEY (round_id, catalog, requirement)
) STRICT;
CREATE INDEX assessment_result_requirement ON assessment_result (catalog, requirement);
CREATE TABLE requirement_link (
    measure_id  INTEGER NOT NULL REFERENCES measure (id),
    catalog     TEXT NOT NULL CHECK (length(catalog) <= 200),
    requirement TEXT NOT NULL CHECK (length(requirement) <= 100),
    PRIMARY KEY (measure_id, catalog, requirement)
) STRICT;
"
);

/// Migration 8 (the same columns as PostgreSQL's migration 3).
const V8_CONFIRMATION: &str = r"
ALTER TABLE reevaluation ADD COLUMN confirmed_by TEXT;
ALTER TABLE reevaluation ADD COLUMN confirmed_at TEXT;
";

/// Migration 7 (the same columns and table as PostgreSQL's migration 2).
const V7_FINANCE_BASELINE: &str = r"
ALTER TABLE measure ADD COLUMN funding_source TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN funding_share INTEGER NOT NULL DEFAULT 0
    CHECK (funding_share BETWEEN 0 AND 100);
ALTER TABLE measure ADD COLUMN staff_days_planned INTEGER NOT NULL DEFAULT 0
    CHECK (staff_days_planned >= 0);
ALTER TABLE measure ADD COLUMN staff_days_spent INTEGER NOT NULL DEFAULT 0
    CHECK (staff_days_spent >= 0);
CREATE TABLE baseline (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    date  TEXT NOT NULL,
    data  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX baseline_title ON baseline (title);
";

/// All migrations, oldest first.
pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(migration_list()));

/// The schema version a fully migrated file has (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i32 = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }

    #[test]
    fn schema_version_matches_the_number_of_migrations() {
        assert_eq!(usize::try_from(SCHEMA_VERSION).unwrap(), migration_list().len());
    }

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
