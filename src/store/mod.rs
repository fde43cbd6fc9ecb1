//! SQLite: opening files safely, schema migrations, queries, history.
//!
//! This is the only module with SQL. Every file is treated as untrusted until it has passed
//! [`inspect`]: it is first opened read-only and hardened (defensive mode, no trusted schema,
//! cell size checks, tight limits); only a file that is a sound Fahrplan file is opened for writing.

mod backup;
mod error;
mod queries;
mod records;
mod schema;
mod seed;
mod undo;
mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, config::DbConfig, limits::Limit};

pub use backup::{BackupInfo, backups_dir, list_backups, restore, set_aside_damaged};
pub use error::StoreError;
pub use schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
pub use seed::default_roadmap_info;

use crate::i18n::Lang;

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

/// One open roadmap file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    newer: bool,
    who: String,
    clock: Clock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
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

/// [`inspect`] without refusing files of a newer schema (they are opened read-only).
fn inspect_any_version(path: &Path) -> Result<FileReport> {
    let bytes = read_header(path)?;
    if bytes.len() < SQLITE_MAGIC.len() || &bytes[..SQLITE_MAGIC.len()] != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase { path: path.to_owned() });
    }
    let damaged = |e: rusqlite::Error| StoreError::from_open(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(damaged)?;
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
    })
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

impl Store {
    /// Opens an existing roadmap file after checking it with [`inspect`]. A file that cannot be
    /// written (permissions, read-only medium) is opened read-only.
    pub fn open(path: &Path) -> Result<Self> {
        let report = inspect_any_version(path)?;
        if report.schema_version > SCHEMA_VERSION {
            // Written by a newer Fahrplan: shown, never changed.
            let mut store = Self::open_checked(path, true, &report)?;
            store.newer = true;
            return Ok(store);
        }
        // Writing needs the file and its folder (SQLite keeps its journal files beside it).
        let folder =
            path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
        let writable = std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
            && std::fs::metadata(folder).is_ok_and(|m| !m.permissions().readonly());
        if writable {
            match Self::open_checked(path, false, &report) {
                Ok(store) => return Ok(store),
                Err(StoreError::ReadOnly) => {}
                Err(e) => return Err(e),
            }
        }
        Self::open_checked(path, true, &report)
    }

    /// Opens an existing roadmap file read-only (presentation, checks).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let report = inspect(path)?;
        Self::open_checked(path, true, &report)
    }

    fn open_checked(path: &Path, read_only: bool, report: &FileReport) -> Result<Self> {
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let err = |e| StoreError::from_open(path, e);
        let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
        if read_only
            && conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
                .is_err()
        {
            // A file in WAL mode in a folder nobody may write to: without its shared-memory
            // file SQLite can only read it as immutable, which is what a read-only view is.
            let escaped = path
                .display()
                .to_string()
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23");
            let uri = format!("file:{escaped}?immutable=1");
            conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(err)?;
        }
        harden(&conn).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        if !read_only {
            conn.pragma_update(None, "foreign_keys", true).map_err(err)?;
            if let Err(e) = conn.pragma_update(None, "journal_mode", "WAL") {
                return Err(StoreError::from_open(path, e));
            }
            conn.pragma_update(None, "synchronous", "FULL").map_err(err)?;
            if report.schema_version < SCHEMA_VERSION {
                // Never migrate without a verified copy of the file as it was.
                let stem =
                    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
                let dir = path.parent().unwrap_or_else(|| Path::new(".")).join("backups");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| StoreError::Io { path: dir.clone(), detail: e.to_string() })?;
                let name = format!("{stem}-before-v{}-{stamp}.sqlite", report.schema_version);
                backup_connection(&conn, &dir.join(name))?;
                MIGRATIONS
                    .to_latest(&mut conn)
                    .map_err(|e| StoreError::Migration(e.to_string()))?;
            }
        } else if report.schema_version < SCHEMA_VERSION {
            return Err(StoreError::NeedsMigration { path: path.to_owned() });
        }
        Ok(Self {
            conn,
            path: path.to_owned(),
            read_only,
            newer: false,
            who: current_user(),
            clock: Box::new(|| chrono::Local::now().naive_local()),
        })
    }

    /// Creates a new roadmap file at `path`, seeded with the default roadmap in `seed` language
    /// or empty. The file appears only when it is complete: it is written under a temporary
    /// name and renamed.
    pub fn create(path: &Path, seed: Option<Lang>) -> Result<Self> {
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
            std::fs::rename(&temp, path).map_err(io)
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        Self::open(path)
    }

    /// Opens `path`, or creates it seeded with the default roadmap in `lang` if it does not exist.
    pub fn open_or_create(path: &Path, lang: Lang) -> Result<Self> {
        if path.exists() { Self::open(path) } else { Self::create(path, Some(lang)) }
    }

    /// A roadmap in memory, for tests and benchmarks.
    pub fn in_memory(seed: Option<Lang>) -> Result<Self> {
        Self::init(Connection::open_in_memory()?, Path::new(":memory:"), seed)
    }

    fn init(mut conn: Connection, path: &Path, seed: Option<Lang>) -> Result<Self> {
        harden(&conn)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        MIGRATIONS.to_latest(&mut conn).map_err(|e| StoreError::Migration(e.to_string()))?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let mut store = Self {
            conn,
            path: path.to_owned(),
            read_only: false,
            newer: false,
            who: current_user(),
            clock: Box::new(|| chrono::Local::now().naive_local()),
        };
        if let Some(lang) = seed {
            store.seed_default(lang)?;
        }
        Ok(store)
    }

    /// The file's path (`:memory:` for an in-memory roadmap).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file was opened read-only.
    pub const fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Whether the file was written by a newer Fahrplan (then it is open read-only).
    pub const fn is_newer(&self) -> bool {
        self.newer
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
    #[doc(hidden)]
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
        backup_connection(&self.conn, target)
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
    let result =
        copy().map_err(StoreError::from).and_then(|()| inspect(&temp).map(drop)).and_then(|()| {
            std::fs::rename(&temp, target)
                .map_err(|e| StoreError::Io { path: target.to_owned(), detail: e.to_string() })
        });
    if result.is_err() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = temp.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
    result
}

/// File systems on which SQLite's locking is unreliable (network drives, sync folders).
const NETWORK_FILESYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "9p",
    "fuse.sshfs",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.davfs2",
];

/// The type of the file system `path` lies on, from a `/proc/mounts` listing: the longest mount
/// point that contains the path.
pub fn filesystem_type(mounts: &str, path: &Path) -> Option<String> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_, point, kind) = (fields.next()?, fields.next()?, fields.next()?);
            // Spaces in mount points are written as \040.
            let point = point.replace("\\040", " ");
            path.starts_with(&point).then(|| (point.len(), kind.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}

/// Whether `path` lies on a network file system, where SQLite's locking is unreliable (Linux;
/// elsewhere `false`).
pub fn on_network_filesystem(path: &Path) -> bool {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    std::fs::read_to_string("/proc/mounts")
        .ok()
        .and_then(|mounts| filesystem_type(&mounts, &absolute))
        .is_some_and(|kind| NETWORK_FILESYSTEMS.contains(&kind.as_str()))
}

/// Stops the watcher thread of [`watch`] when dropped.
#[derive(Debug)]
pub struct Watch {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Watches `path` for commits by any connection (another window, the command line, this
/// process) and calls `on_change` after each, from a background thread that polls
/// `PRAGMA data_version` once a second on its own read-only connection. Nothing is polled in
/// the user interface, so an idle window stays idle. `None` if the file cannot be watched.
pub fn watch(path: &Path, on_change: impl Fn() + Send + 'static) -> Option<Watch> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    harden(&conn).ok()?;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = stop.clone();
    let version =
        |c: &Connection| c.pragma_query_value(None, "data_version", |r| r.get::<_, i64>(0)).ok();
    // The starting point is read before this function returns, so no commit after it is missed.
    let mut last = version(&conn);
    std::thread::Builder::new()
        .name("fahrplan-watch".into())
        .spawn(move || {
            while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_secs(1));
                let now = version(&conn);
                if now != last {
                    last = now;
                    on_change();
                }
            }
        })
        .ok()?;
    Some(Watch { stop })
}

#[cfg(test)]
mod tests;
