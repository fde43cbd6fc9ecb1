//! What a reader sees: a copy of the roadmap in memory, taken in one read and closed again.
//!
//! - A reader never keeps a lock on the file or a side file open (a writer closing later can
//!   leave the file in the rollback journal's mode), creates nothing and sees everything.
//! - The copy leaves out the bytes of evidence files (they can be hundreds of megabytes): they
//!   are read from the file when asked for ([`Store::read_files`]).
//! - A file whose last write was interrupted (a writer killed, a computer switched off) is read
//!   from a private copy: the file with its writer's journal or log, copied into a private
//!   temporary folder and opened there for writing, which rolls the interrupted write back in the
//!   copy. The reader sees the last saved state and is told so; the shared file is not touched
//!   (whoever may write repairs it when they open it).
//! - What SQLite reports for a moment only (a file being written, a reader meeting a writer's
//!   log half-built: `SQLITE_PROTOCOL`) is tried again.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::access::{self, header_says_wal, reader_uri, side_file};
use super::{
    BUSY_TIMEOUT, FileReport, ReadOnlyReason, Result, SCHEMA_VERSION, Store, StoreError,
    file_stamp, harden, schema,
};

/// How often a read that met a passing state is tried again, and how long between.
const TRIES: usize = 40;
const PAUSE: std::time::Duration = std::time::Duration::from_millis(25);

/// A private copy of a roadmap whose last write was interrupted, rolled back to its last saved
/// state; removed with this value.
pub(super) struct RolledBack {
    _dir: tempfile::TempDir,
    /// The copy.
    pub path: PathBuf,
}

/// Copies `path` with its writer's journal (or log) into a private temporary folder and rolls
/// the interrupted write back there. A journal or log that is not a writer's (see `side`) is
/// left out: it is never played into anything.
pub(super) fn rolled_back_copy(path: &Path) -> Result<RolledBack> {
    let io = |e: std::io::Error| StoreError::Io { path: path.to_owned(), detail: e.to_string() };
    for _ in 0..TRIES {
        let before = file_stamp(path);
        let dir = tempfile::Builder::new().prefix("fahrplan-lesekopie-").tempdir().map_err(io)?;
        let copy = dir.path().join("kopie.sqlite");
        std::fs::copy(path, &copy).map_err(io)?;
        let side = if header_says_wal(path) { "-wal" } else { "-journal" };
        let copied = super::side::writers_side_file(path, side)
            .map(|from| std::fs::copy(from, side_file(&copy, side)));
        // A journal this user may not read cannot be rolled back here: said as it is.
        if matches!(&copied, Some(Err(e)) if e.kind() == std::io::ErrorKind::PermissionDenied) {
            return Err(StoreError::Interrupted { path: path.to_owned() });
        }
        // A writer that repaired or wrote meanwhile: copied again.
        if matches!(copied, Some(Err(_))) || file_stamp(path) != before {
            std::thread::sleep(PAUSE);
            continue;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let err = |e| StoreError::from_open(path, e);
        let conn = Connection::open_with_flags(&copy, flags).map_err(err)?;
        harden(&conn).map_err(err)?;
        // The first read of a writing connection rolls the journal back (or recovers the log).
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
            .map_err(err)?;
        drop(conn);
        return Ok(RolledBack { _dir: dir, path: copy });
    }
    Err(StoreError::Busy)
}

/// Whether a reader met a writer's log in a state it cannot read without writing
/// (`SQLITE_PROTOCOL`: a log whose index a killed writer left half-built, or one being
/// rebuilt): a private copy reads what was saved.
pub(super) fn is_protocol(e: &StoreError) -> bool {
    matches!(e, StoreError::Sqlite(e)
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::FileLockingProtocolFailed))
}

/// Copies the roadmap that `uri` names into `memory`, in one read transaction, without the bytes
/// of evidence files (their checksums and sizes are kept).
fn copy_without_evidence(memory: &Connection, uri: &str) -> rusqlite::Result<()> {
    memory.execute("ATTACH DATABASE ?1 AS src", [uri])?;
    let copied = (|| {
        // Rows from before the checks (kept by migration 11) are copied as they are.
        memory.pragma_update(None, "ignore_check_constraints", true)?;
        // Tables are filled one after the other, whatever refers to whatever.
        memory.pragma_update(None, "foreign_keys", false)?;
        memory.execute_batch("BEGIN")?;
        let objects: Vec<(String, String, String)> = memory
            .prepare(
                "SELECT type, name, sql FROM src.sqlite_schema \
                 WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND type IN ('table', 'index') \
                 ORDER BY type = 'index', rowid",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // One statement each (a file's schema text is never run as a batch).
        for (_, _, sql) in &objects {
            memory.execute(sql, [])?;
        }
        for (_, name, _) in objects.iter().filter(|(kind, ..)| kind == "table") {
            let quoted = name.replace('"', "\"\"");
            let sql = if name == "evidence_file" {
                "INSERT INTO main.evidence_file (sha256, size, data) \
                 SELECT sha256, size, x'' FROM src.evidence_file"
                    .to_owned()
            } else {
                format!("INSERT INTO main.\"{quoted}\" SELECT * FROM src.\"{quoted}\"")
            };
            memory.execute_batch(&sql)?;
        }
        let sequence: i64 = memory.query_row(
            "SELECT count(*) FROM src.sqlite_schema WHERE name = 'sqlite_sequence'",
            [],
            |r| r.get(0),
        )?;
        if sequence > 0 {
            memory.execute_batch(
                "INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence",
            )?;
        }
        let version: i64 = memory.query_row("PRAGMA src.user_version", [], |r| r.get(0))?;
        let id: i64 = memory.query_row("PRAGMA src.application_id", [], |r| r.get(0))?;
        memory.execute_batch("COMMIT")?;
        memory.pragma_update(None, "user_version", version)?;
        memory.pragma_update(None, "application_id", id)?;
        memory.pragma_update(None, "foreign_keys", true)?;
        memory.pragma_update(None, "ignore_check_constraints", false)
    })();
    if copied.is_err() {
        let _ = memory.execute_batch("ROLLBACK");
    }
    memory.execute("DETACH DATABASE src", [])?;
    copied
}

impl Store {
    /// A reader's copy of the file in memory (see the module's text). A file of an older schema
    /// is migrated in the copy. The copy is taken again when the file changes
    /// ([`Store::reopen_snapshot`]).
    pub(super) fn open_viewer(
        path: &Path,
        report: &FileReport,
        reason: ReadOnlyReason,
    ) -> Result<Self> {
        let mut tries = 0;
        let (mut copy, before) = loop {
            tries += 1;
            match Self::read_copy(path, report) {
                Err(StoreError::Busy) if tries < TRIES => std::thread::sleep(PAUSE),
                other => break other?,
            }
        };
        harden(&copy)?;
        if report.schema_version < SCHEMA_VERSION {
            schema::migrate(&mut copy).map_err(|e| StoreError::Migration(e.to_string()))?;
        }
        let mut store = Self::with_connection(copy, path, Some(reason));
        // The copy shows the file as it was before it was taken: a write that landed after the
        // copy is seen at the next look.
        store.seen_stamp = before;
        store.snapshot = true;
        store.interrupted = report.interrupted;
        store.journal_at_rest = Some(if header_says_wal(path) { "wal" } else { "delete" });
        Ok(store)
    }

    /// One attempt at the copy: the file (or, after an interrupted write, its rolled-back private
    /// copy) read into memory, with the file's stamp from before.
    fn read_copy(path: &Path, report: &FileReport) -> Result<(Connection, super::FileStamp)> {
        let err = |e| StoreError::from_open(path, e);
        let memory = || -> Result<Connection> {
            let memory = Connection::open_in_memory()?;
            memory.busy_timeout(BUSY_TIMEOUT)?;
            harden(&memory)?;
            Ok(memory)
        };
        // A snapshot of a WAL file nobody has open is read `immutable`: should a writer change
        // the file meanwhile, the copy is taken again.
        let mut tries = 0;
        loop {
            tries += 1;
            let before = file_stamp(path);
            let copy = memory()?;
            let rolled_back = if report.interrupted { Some(rolled_back_copy(path)?) } else { None };
            let source = rolled_back.as_ref().map_or(path, |r| r.path.as_path());
            let (uri, immutable) = reader_uri(source);
            match copy_without_evidence(&copy, &uri).map_err(err) {
                // An interrupted write met after the file was inspected: the last saved state.
                Err(e)
                    if rolled_back.is_none()
                        && (matches!(e, StoreError::Interrupted { .. }) || is_protocol(&e)) =>
                {
                    let rolled_back = rolled_back_copy(path)?;
                    let copy = memory()?;
                    copy_without_evidence(&copy, &reader_uri(&rolled_back.path).0).map_err(err)?;
                    return Ok((copy, before));
                }
                other => other?,
            }
            if !immutable || file_stamp(path) == before || tries >= 5 {
                return Ok((copy, before));
            }
        }
    }

    /// Opens a read-only snapshot again (a reader of a file that no connection had open), so
    /// that it shows the file as it is now. Does nothing for other stores.
    pub fn reopen_snapshot(&mut self) -> Result<()> {
        if !self.snapshot || self.path == Path::new(":memory:") {
            return Ok(());
        }
        let reason = self.read_only.clone().unwrap_or(ReadOnlyReason::Chosen);
        let report = super::inspect_any_version(&self.path)?;
        let mut fresh = Self::open_viewer(&self.path, &report, reason)?;
        std::mem::swap(&mut self.conn, &mut fresh.conn);
        self.snapshot = fresh.snapshot;
        self.interrupted = fresh.interrupted;
        Ok(())
    }

    /// Whether this is a reader's copy of a file whose last write was interrupted: it shows the
    /// last saved state.
    pub const fn shows_last_saved_state(&self) -> bool {
        self.interrupted
    }

    /// Runs `f` on the roadmap where the bytes of evidence files are: for a reader's copy, the
    /// file itself, attached only for this read.
    pub(super) fn read_files<T>(
        &self,
        f: impl FnOnce(&mut dyn super::sql::Sql) -> Result<T>,
    ) -> Result<T> {
        if !self.snapshot || self.path == Path::new(":memory:") {
            return self.read(f);
        }
        let err = |e| StoreError::from_open(&self.path, e);
        let (uri, _) = reader_uri(&self.path);
        self.conn.execute("ATTACH DATABASE ?1 AS files", [&uri]).map_err(err)?;
        let result = self
            .conn
            .execute_batch("CREATE TEMP VIEW evidence_file AS SELECT * FROM files.evidence_file")
            .map_err(StoreError::from)
            .and_then(|()| self.read(f));
        let _ = self.conn.execute_batch("DROP VIEW IF EXISTS temp.evidence_file");
        let _ = self.conn.execute("DETACH DATABASE files", []);
        result
    }

    /// A connection to the file itself, for a reader's backup (its copy in memory lacks the
    /// evidence files' bytes): after an interrupted write, to its private rolled-back copy (the
    /// last saved state, as the reader shows it).
    pub(super) fn file_reader(&self) -> Result<Option<FileReader>> {
        if !self.snapshot || self.path == Path::new(":memory:") {
            return Ok(None);
        }
        let open = |path: &Path| -> Result<Connection> {
            let (conn, _) =
                access::open_reader(path).map_err(|e| StoreError::from_open(&self.path, e))?;
            harden(&conn)?;
            conn.busy_timeout(BUSY_TIMEOUT)?;
            // A first read meets an interrupted write now, not half-way through the copy.
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
                .map_err(|e| StoreError::from_open(&self.path, e))?;
            Ok(conn)
        };
        match open(&self.path) {
            Err(StoreError::Interrupted { .. }) => {
                let copy = rolled_back_copy(&self.path)?;
                Ok(Some(FileReader { conn: open(&copy.path)?, _copy: Some(copy) }))
            }
            other => Ok(Some(FileReader { conn: other?, _copy: None })),
        }
    }
}

/// A reader's connection to the file (or to its rolled-back copy, kept while it is used).
pub(super) struct FileReader {
    pub conn: Connection,
    _copy: Option<RolledBack>,
}
