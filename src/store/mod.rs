//! SQLite: opening files safely, schema migrations, queries, history.
//!
//! This is the only module with SQL. Every file is treated as untrusted until it has passed
//! [`inspect`]: it is first opened read-only and hardened (defensive mode, no trusted schema,
//! cell size checks, tight limits); only a file that is a sound Fahrplan file is opened for writing.
//!
//! The roadmap's rules (reads in `queries`; writes, history and batches in `write`, `records`,
//! `seed`; undo and redo in `undo`) are written once, in the dialect of `sql` that every engine
//! speaks; `sqlite` opens SQLite's transactions and hands them to that shared logic.

mod access;
mod assess;
mod backup;
mod chain;
mod engine;
mod error;
mod evidence;
mod guarded;
mod lock;
pub mod overview;
pub mod pg;
mod queries;
mod records;
mod roadmap;
mod schema;
mod seed;
mod side;
pub(crate) mod sql;
mod sqlite;
mod undo;
mod viewer;
mod watch;
mod write;
mod writer;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, config::DbConfig, limits::Limit};

use crate::model::Seed;
pub use access::{
    filesystem_type, header_says_wal, is_network_type, is_unc_path, macos_filesystem_type,
    network_override, on_network_drive,
};
pub use backup::{
    BackupInfo, backups_dir, foreign_backups_dir, list_backups, own_backups_dir, restore,
    set_aside_damaged,
};
pub use chain::{ChainReport, Origin, OriginKind};
pub use engine::{Looked, Storage};
pub use error::{ServerTrouble, StoreError};
pub use lock::{LockInfo, lock_path};
pub use schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
pub use side::Blocker;
pub use watch::{FileStamp, Watch, file_stamp, watch};

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The SQLite header every database file begins with.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a writer waits for another process's lock before reporting "busy".
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// What [`inspect`] found out about a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// `PRAGMA application_id`.
    pub application_id: i32,
    /// `PRAGMA user_version`.
    pub schema_version: i32,
    /// Result of `PRAGMA quick_check` (`ok` when sound).
    pub integrity: String,
    /// Number of measures.
    pub measures: usize,
    /// Whether the last write was interrupted and could not be rolled back by this user: the
    /// report is of the last saved state (a private copy rolled back).
    pub interrupted: bool,
}

/// A clock that tells the local date and time, for history entries.
pub type Clock = Box<dyn Fn() -> NaiveDateTime + Send>;

/// The user name recorded as "who": `FAHRPLAN_USER`, else the OS user name.
pub fn current_user() -> String {
    ["FAHRPLAN_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .or_else(|| {
            // Without those (a bare service environment), the home folder's name.
            std::env::var_os("HOME").and_then(|home| {
                std::path::PathBuf::from(home).file_name().map(|n| n.to_string_lossy().into_owned())
            })
        })
        .unwrap_or_else(|| "unbekannt".to_owned())
}

/// Why a roadmap is open read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Opened only to look: a viewer by choice, the presentation, a command that only reads.
    Chosen,
    /// This user may not write the file or its folder.
    NoPermission,
    /// Another editor holds the edit lock of the file on a network drive.
    LockedBy(LockInfo),
    /// A file beside the roadmap that is not a writer's, or not writable, keeps this user from
    /// writing and cannot be removed.
    Blocked(Blocker),
    /// Written by a newer Fahrplan: shown, never changed.
    Newer,
    /// The connection to the server is lost: the last state is shown while it is made anew.
    Offline,
}

impl ReadOnlyReason {
    /// The error a write meets on a roadmap open read-only for this reason.
    pub fn refusal(&self) -> StoreError {
        match self {
            Self::LockedBy(holder) => StoreError::Locked(holder.clone()),
            Self::Blocked(blocker) => StoreError::Blocked(blocker.clone()),
            _ => StoreError::ReadOnly,
        }
    }
}

/// Where a writer on a local disk stands with WAL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WalState {
    /// Not a local writer (reader, network drive, memory).
    NotUsed,
    /// To be switched on at the first write.
    Pending,
    /// Switched on by this connection: switched back when it closes.
    On,
}

/// How to open a roadmap file.
#[derive(Clone, Debug, Default)]
pub struct OpenOptions {
    /// Only to read: nothing is written, no side file is created, no lock is taken.
    pub read_only: bool,
    /// Whether the file lies on a network drive (`None`: `FAHRPLAN_NETWORK_DRIVE`, else
    /// detected).
    pub network: Option<bool>,
    /// Who edits: recorded in the history and named by the edit lock (`None`: `FAHRPLAN_USER`,
    /// else the login name).
    pub user: Option<String>,
}

/// One open roadmap file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: Option<ReadOnlyReason>,
    /// On a network drive: rollback journal, one editor at a time.
    network: bool,
    /// The edit lock, held by a writer on a network drive.
    lock: Option<lock::EditLock>,
    /// A reader's copy in memory, taken again when the file changes.
    snapshot: bool,
    /// For a reader: the file's journal mode as its header says.
    journal_at_rest: Option<&'static str>,
    /// A writer on a local disk switches the file to WAL at its first write (so a command that
    /// fails before writing leaves every byte as it was) and back when it closes.
    wal: WalState,
    who: String,
    clock: Clock,
    /// The file as a read-only copy last saw it.
    seen_stamp: FileStamp,
    /// A reader's copy of a file whose last write was interrupted: the last saved state.
    interrupted: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .field("network", &self.network)
            .field("who", &self.who)
            .finish_non_exhaustive()
    }
}

/// Applies the settings that make a connection safe against hostile files.
fn harden(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    conn.pragma_update(None, "mmap_size", 0)?;
    // What is deleted is overwritten (an evidence file erased for data protection leaves no
    // bytes in free pages).
    conn.pragma_update(None, "secure_delete", true)?;
    Ok(())
}

/// Tight limits while a file the user picked is being checked.
fn limit(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, 10_000_000)?;
    conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, 100_000)?;
    conn.set_limit(Limit::SQLITE_LIMIT_COLUMN, 100)?;
    conn.set_limit(Limit::SQLITE_LIMIT_EXPR_DEPTH, 10)?;
    conn.set_limit(Limit::SQLITE_LIMIT_COMPOUND_SELECT, 3)?;
    conn.set_limit(Limit::SQLITE_LIMIT_VDBE_OP, 25_000)?;
    conn.set_limit(Limit::SQLITE_LIMIT_FUNCTION_ARG, 8)?;
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50)?;
    conn.set_limit(Limit::SQLITE_LIMIT_VARIABLE_NUMBER, 10)?;
    conn.set_limit(Limit::SQLITE_LIMIT_TRIGGER_DEPTH, 10)?;
    Ok(())
}

/// Checks a file without changing a byte of it: SQLite header, application id, schema version,
/// `quick_check` and `foreign_key_check`.
pub fn inspect(path: &Path) -> Result<FileReport> {
    let report = inspect_any_version(path)?;
    if report.schema_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_owned(), found: report.schema_version });
    }
    Ok(report)
}

/// [`inspect`] without refusing files of a newer schema (they are opened read-only). A file whose
/// last write was interrupted is inspected in its last saved state (a private copy, rolled back).
fn inspect_any_version(path: &Path) -> Result<FileReport> {
    match inspect_file(path) {
        // A writer's log that SQLite (after ten seconds of trying) still finds half-built is one a
        // killed writer left: read as an interrupted write.
        Err(StoreError::Interrupted { .. }) => {}
        Err(e) if viewer::is_protocol(&e) => {}
        other => return other,
    }
    let copy = viewer::rolled_back_copy(path)?;
    let report = inspect_file(&copy.path)?;
    Ok(FileReport { path: path.to_owned(), interrupted: true, ..report })
}

fn inspect_file(path: &Path) -> Result<FileReport> {
    let bytes = read_header(path)?;
    if bytes.len() < SQLITE_MAGIC.len() || &bytes[..SQLITE_MAGIC.len()] != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase { path: path.to_owned() });
    }
    let damaged = |e: rusqlite::Error| StoreError::from_open(path, e);
    // Read without creating a side file: checking a file is looking at it.
    let (conn, _) = access::open_reader(path).map_err(damaged)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(damaged)?;
    harden(&conn).map_err(damaged)?;
    limit(&conn).map_err(damaged)?;
    let application_id: i32 =
        conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(damaged)?;
    if application_id != APPLICATION_ID {
        return Err(StoreError::Foreign { path: path.to_owned() });
    }
    let schema_version: i32 =
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(damaged)?;
    // Fahrplan's schema has no triggers and no views: a file with any was not written by it,
    // and their code must never run on Fahrplan's behalf.
    let foreign_code: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view')",
            [],
            |r| r.get(0),
        )
        .map_err(damaged)?;
    if foreign_code > 0 {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: "unexpected triggers or views".to_owned(),
        });
    }
    // Rows from before the checks (kept by migration 11, read defensively) are no damage.
    conn.pragma_update(None, "ignore_check_constraints", true).map_err(damaged)?;
    let integrity = quick_check(&conn).map_err(damaged)?;
    if integrity != "ok" {
        return Err(StoreError::Damaged { path: path.to_owned(), detail: integrity });
    }
    let fk_problems: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .map_err(damaged)?;
    if fk_problems > 0 {
        return Err(StoreError::Damaged {
            path: path.to_owned(),
            detail: format!("{fk_problems} broken references"),
        });
    }
    let measures = if schema_version >= 1 {
        conn.query_row("SELECT count(*) FROM measure", [], |r| r.get::<_, i64>(0))
            .map_err(damaged)?
    } else {
        0
    };
    Ok(FileReport {
        path: path.to_owned(),
        application_id,
        schema_version,
        integrity,
        measures: usize::try_from(measures).unwrap_or(0),
        interrupted: false,
    })
}

/// A write to a Fahrplan file that was interrupted (killed, crashed, the network gone) leaves
/// SQLite's rollback journal beside it. Whoever may write the file rolls it back, as SQLite does on
/// any writing open, restoring the last saved state; a reader reads a private copy rolled back. Another
/// application's file (by its header's application id) is never touched.
fn recover_interrupted_write(path: &Path, header: &[u8]) -> rusqlite::Result<()> {
    // A rollback journal left behind, or a WAL whose index a reader may have to rebuild (a
    // writer killed in WAL mode): a writing connection puts either right on its first read.
    let non_empty = |suffix: &str| {
        std::fs::metadata(access::side_file(path, suffix)).is_ok_and(|m| m.len() > 0)
    };
    let hot = non_empty("-journal") || (access::header_says_wal(path) && non_empty("-wal"));
    let ours = header.get(68..72) == Some(&APPLICATION_ID.to_be_bytes()[..]);
    if !hot || !ours || !may_write(path) {
        return Ok(());
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    harden(&conn)?;
    // The first read of a writing connection rolls a hot journal back.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))?;
    Ok(())
}

fn read_header(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |e: std::io::Error| StoreError::Io { path: path.to_owned(), detail: e.to_string() };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(StoreError::NotADatabase { path: path.to_owned() });
    }
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path).map_err(io)?.take(100).read_to_end(&mut header).map_err(io)?;
    if header.len() < 100 {
        return Err(StoreError::NotADatabase { path: path.to_owned() });
    }
    Ok(header)
}

fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare("PRAGMA quick_check(20)")?;
    let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows.join("; "))
}

/// Whether this user may write `path` and create files beside it (SQLite's journal), asked of
/// the operating system without writing anything.
fn may_write(path: &Path) -> bool {
    let folder =
        path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
    #[cfg(unix)]
    {
        use rustix::fs::{Access, access};
        access(path, Access::WRITE_OK).is_ok() && access(folder, Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        std::fs::OpenOptions::new().write(true).open(path).is_ok()
            && std::fs::metadata(folder).is_ok_and(|m| !m.permissions().readonly())
    }
}

impl Store {
    /// Opens an existing roadmap file after checking it with [`inspect`]: for writing where this
    /// user may (and, on a network drive, holds the edit lock), else read-only with the reason.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, &OpenOptions::default())
    }

    /// Whether this user may write the file at `path` and create files beside it.
    pub fn may_write(path: &Path) -> bool {
        may_write(path)
    }

    /// Where this user may write `path`: rolls back a write that was interrupted there (as any
    /// writing open does), after removing side files that are not a writer's. Nothing else
    /// changes; for a reader this does nothing.
    pub fn repair_interrupted(path: &Path) -> Result<()> {
        if !may_write(path) {
            return Ok(());
        }
        // On a network drive only the edit lock's holder repairs (SQLite's own locking is not
        // to be trusted there): taken for the moment, or the repair is left to its holder.
        let _held = if access::on_network_drive(path) {
            let me = LockInfo::here(&current_user(), chrono::Local::now().naive_local());
            match lock::EditLock::acquire(path, &me) {
                Ok(lock::Acquired::Held(held)) => Some(held),
                _ => return Ok(()),
            }
        } else {
            None
        };
        if side::clear_foreign(path, false).is_some() {
            return Ok(());
        }
        let header = read_header(path)?;
        recover_interrupted_write(path, &header).map_err(|e| StoreError::from_open(path, e))
    }

    /// Opens an existing roadmap file only to read it (presentation, viewers, read commands):
    /// nothing is written, no file is created beside it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        Self::open_with(path, &OpenOptions { read_only: true, ..OpenOptions::default() })
    }

    /// Opens an existing roadmap file as `options` say.
    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Self> {
        let header = read_header(path)?;
        let network = options.network.unwrap_or_else(|| access::on_network_drive(path));
        let user = options.user.clone().unwrap_or_else(current_user);
        let wants_write = !options.read_only && may_write(path);
        // On a network drive the edit lock comes first: only its holder may write, or repair.
        let mut lock = None;
        let mut locked_by = None;
        let mut blocked = None;
        if wants_write && network {
            let me = LockInfo::here(&user, chrono::Local::now().naive_local());
            match lock::EditLock::acquire(path, &me) {
                Ok(lock::Acquired::Held(held)) => lock = Some(held),
                Ok(lock::Acquired::Busy(holder)) => {
                    locked_by = Some(holder.unwrap_or_else(LockInfo::unknown));
                }
                Ok(lock::Acquired::Blocked(blocker)) => blocked = Some(blocker),
                Err(e) => {
                    return Err(StoreError::Io { path: lock_path(path), detail: e.to_string() });
                }
            }
        }
        // Side files someone else left beside the roadmap: removed where SQLite does without
        // them, else named.
        if wants_write && locked_by.is_none() && blocked.is_none() {
            blocked = side::clear_foreign(path, false);
        }
        if wants_write && locked_by.is_none() && blocked.is_none() {
            recover_interrupted_write(path, &header).map_err(|e| StoreError::from_open(path, e))?;
        }
        let report = inspect_any_version(path)?;
        let reason = if report.schema_version > SCHEMA_VERSION {
            Some(ReadOnlyReason::Newer)
        } else if let Some(holder) = locked_by {
            Some(ReadOnlyReason::LockedBy(holder))
        } else if let Some(blocker) = blocked {
            Some(ReadOnlyReason::Blocked(blocker))
        } else if options.read_only {
            Some(ReadOnlyReason::Chosen)
        } else if !wants_write {
            Some(ReadOnlyReason::NoPermission)
        } else {
            None
        };
        let mut store = match reason {
            None => match Self::open_writer(path, &report, network) {
                Err(StoreError::ReadOnly) => {
                    Self::open_viewer(path, &report, ReadOnlyReason::NoPermission)?
                }
                other => other?,
            },
            Some(reason) => Self::open_viewer(path, &report, reason)?,
        };
        store.network = network;
        store.who = user;
        store.lock = lock.filter(|_| store.read_only.is_none());
        Ok(store)
    }

    fn with_connection(conn: Connection, path: &Path, read_only: Option<ReadOnlyReason>) -> Self {
        Self {
            conn,
            path: path.to_owned(),
            read_only,
            network: false,
            lock: None,
            snapshot: false,
            journal_at_rest: None,
            wal: WalState::NotUsed,
            who: current_user(),
            clock: Box::new(|| chrono::Local::now().naive_local()),
            seen_stamp: file_stamp(path),
            interrupted: false,
        }
    }

    /// Creates a new roadmap file at `path`, with `seed` written in (the default roadmap) or
    /// empty. The file appears only when it is complete: it is written under a temporary
    /// name and renamed.
    pub fn create(path: &Path, seed: Option<&Seed>) -> Result<Self> {
        if path.exists() {
            return Err(StoreError::Exists { path: path.to_owned() });
        }
        let io =
            |e: std::io::Error| StoreError::Io { path: path.to_owned(), detail: e.to_string() };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let file_name =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = path.with_file_name(format!(".{file_name}.{}.creating", std::process::id()));
        let result = (|| {
            drop(Self::init(Connection::open(&temp)?, &temp, seed)?);
            // A link fails where the name exists: a file that appeared meanwhile is never
            // replaced. File systems without links get a rename after a last look.
            match std::fs::hard_link(&temp, path) {
                Ok(()) => std::fs::remove_file(&temp).map_err(io),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(StoreError::Exists { path: path.to_owned() })
                }
                Err(_) if path.exists() => Err(StoreError::Exists { path: path.to_owned() }),
                Err(_) => std::fs::rename(&temp, path).map_err(io),
            }
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        Self::open(path)
    }

    /// Opens `path`, or creates it with `seed` written in if it does not exist.
    pub fn open_or_create(path: &Path, seed: &Seed) -> Result<Self> {
        if path.exists() { Self::open(path) } else { Self::create(path, Some(seed)) }
    }

    /// A roadmap in memory, for tests and benchmarks.
    pub fn in_memory(seed: Option<&Seed>) -> Result<Self> {
        Self::init(Connection::open_in_memory()?, Path::new(":memory:"), seed)
    }

    fn init(mut conn: Connection, path: &Path, seed: Option<&Seed>) -> Result<Self> {
        harden(&conn)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        schema::migrate(&mut conn).map_err(|e| StoreError::Migration(e.to_string()))?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let mut store = Self::with_connection(conn, path, None);
        if let Some(seed) = seed {
            store.seed(seed)?;
        }
        Ok(store)
    }

    /// A copy being written keeps rows the file's checks would refuse (rows from before the
    /// checks, which the server keeps as `NOT VALID`): only for a new copy of a roadmap.
    pub fn keep_rows_as_they_are(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "ignore_check_constraints", true)?;
        Ok(())
    }

    /// The file's path (`:memory:` for an in-memory roadmap).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file was opened read-only.
    pub const fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why the file is open read-only, if it is.
    pub const fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    /// Whether the file was written by a newer Fahrplan (then it is open read-only).
    pub fn is_newer(&self) -> bool {
        self.read_only == Some(ReadOnlyReason::Newer)
    }

    /// For a window waiting for the edit lock: who holds it now (the holder may change while
    /// it waits). Returns whether the lock is free.
    pub fn look_at_lock(&mut self) -> bool {
        if !matches!(self.read_only, Some(ReadOnlyReason::LockedBy(_))) {
            return false;
        }
        match lock::EditLock::holder(&self.path) {
            Some(holder) => {
                self.read_only = Some(ReadOnlyReason::LockedBy(holder));
                false
            }
            None => true,
        }
    }

    /// Whether this is a read-only snapshot that must be opened again to see later changes.
    pub const fn is_snapshot(&self) -> bool {
        self.snapshot
    }

    /// Whether the file lies on a network drive (rollback journal, one editor at a time).
    pub const fn is_network(&self) -> bool {
        self.network
    }

    /// Who holds the edit lock of the file, if anyone does (network drives).
    pub fn locked_by(&self) -> Option<LockInfo> {
        if let Some(lock) = &self.lock {
            return Some(lock.info().clone());
        }
        if self.path == Path::new(":memory:") {
            return None;
        }
        lock::EditLock::holder(&self.path)
    }

    /// A file beside the roadmap that keeps this user from writing it and that cannot be removed
    /// (a lock file or SQLite side file someone else left), found out without changing anything.
    pub fn blocked_by(&self) -> Option<Blocker> {
        if let Some(ReadOnlyReason::Blocked(blocker)) = &self.read_only {
            return Some(blocker.clone());
        }
        if self.path == Path::new(":memory:") || !may_write(&self.path) {
            return None;
        }
        let lock = if self.network { lock::EditLock::blocker(&self.path) } else { None };
        lock.or_else(|| side::blocker(&self.path))
    }

    /// The file's journal mode: `wal` or `delete` (for a reader as the file's header says; in
    /// memory `memory`).
    pub fn journal_mode(&self) -> Result<String> {
        self.journal_mode_now()
    }

    /// After evidence was erased: the write-ahead log, which may still hold the erased pages
    /// in frames already copied to the file, is emptied (deleted pages themselves are
    /// overwritten: `secure_delete`). A reader holding the log open lets this wait until the next
    /// checkpoint.
    fn after_purge(&self) {
        let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }

    fn journal_mode_now(&self) -> Result<String> {
        if let Some(mode) = self.journal_at_rest {
            return Ok(mode.to_owned());
        }
        let mode: String = self.conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        // TRUNCATE only keeps the journal's name claimed: it is the rollback journal's mode.
        Ok(if mode.eq_ignore_ascii_case("truncate") { "delete".to_owned() } else { mode })
    }

    /// Who is recorded in the history.
    pub fn who(&self) -> &str {
        &self.who
    }

    /// Records `who` as the author of the following changes.
    pub fn set_who(&mut self, who: impl Into<String>) {
        self.who = who.into();
    }

    /// Replaces the clock used for history timestamps (tests, pictures).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Caps the file at its current number of pages, as if the disk were full (tests of the
    /// disk-full path; the cap lasts for this connection only).
    #[cfg(any(test, feature = "testing"))]
    pub fn limit_pages_for_test(&self) {
        let pages: i64 =
            self.conn.pragma_query_value(None, "page_count", |r| r.get(0)).unwrap_or(1);
        let _ = self.conn.pragma_update(None, "max_page_count", pages);
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits to the file.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// Writes a consistent copy of the open file to `target` with SQLite's online backup API.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        // A reader's copy lacks the evidence files' bytes: the copy is taken of the file.
        let file = self.file_reader()?;
        backup_connection(file.as_ref().map_or(&self.conn, |f| &f.conn), target)
    }
}

/// Copies the database of `conn` to `target` with the online backup API: written under a
/// temporary name, checked with [`inspect`], then renamed. An existing `target` is refused.
fn backup_connection(conn: &Connection, target: &Path) -> Result<()> {
    if target.exists() {
        return Err(StoreError::Exists { path: target.to_owned() });
    }
    let file_name =
        target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = target.with_file_name(format!(".{file_name}.{}.writing", std::process::id()));
    let copy = || -> rusqlite::Result<()> {
        let mut destination = Connection::open(&temp)?;
        rusqlite::backup::Backup::new(conn, &mut destination)?.run_to_completion(
            256,
            std::time::Duration::ZERO,
            None,
        )?;
        // A backup is one self-contained file, whatever journal mode the original uses.
        destination.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    };
    // Linked under its name only if that is free: a file that appeared meanwhile (another
    // backup in the same second) is never replaced.
    let place = || match std::fs::hard_link(&temp, target) {
        Ok(()) => std::fs::remove_file(&temp)
            .map_err(|e| StoreError::Io { path: temp.clone(), detail: e.to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(StoreError::Exists { path: target.to_owned() })
        }
        Err(_) if target.exists() => Err(StoreError::Exists { path: target.to_owned() }),
        Err(_) => std::fs::rename(&temp, target)
            .map_err(|e| StoreError::Io { path: target.to_owned(), detail: e.to_string() }),
    };
    let result = copy()
        .map_err(StoreError::from)
        .and_then(|()| inspect(&temp).map(drop))
        .and_then(|()| place());
    if result.is_err() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = temp.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
    result
}

#[cfg(test)]
mod tests;
