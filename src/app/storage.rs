//! Which engine a roadmap is opened with, and how. The window and the command line open
//! roadmaps only through here and then use them through [`Storage`]; nothing outside the app
//! names the store.

use std::path::Path;

use crate::model::{Lang, Seed};
use crate::store::Store;
pub use crate::store::{
    BackupInfo, FileReport, LockInfo, Looked, ReadOnlyReason, ServerTrouble, Storage, StoreError,
    Watch, foreign_backups_dir, list_backups, restore, set_aside_damaged,
};

/// An opened roadmap, or why it could not be opened.
pub type Opened = Result<Box<dyn Storage>, StoreError>;

/// The default roadmap in `lang`, as the store writes it.
fn seed(lang: Lang) -> Result<Seed, StoreError> {
    super::default_seed(lang).map_err(|e| StoreError::Seed(e.to_string()))
}

/// A roadmap on a server: `postgresql://…` with the roadmap as the fragment (`#blumberg`) or
/// none (the only one the user may see).
fn server_target(db: &Path) -> Option<(&str, Option<&str>)> {
    let text = db.to_str().filter(|t| is_server_url(t))?;
    Some(split_roadmap(text))
}

/// `db` with the roadmap on a server named (the form the window and the recent files keep).
pub fn with_roadmap(db: &Path, roadmap: Option<&str>) -> std::path::PathBuf {
    match (server_target(db), roadmap) {
        (Some((url, _)), Some(roadmap)) => format!("{url}#{roadmap}").into(),
        _ => db.to_owned(),
    }
}

/// Whether `db` names a roadmap on a server.
pub fn is_server(db: &Path) -> bool {
    server_target(db).is_some()
}

/// Creates a new roadmap file at `db`, with the default roadmap in `seeded` language or empty.
pub fn create(db: &Path, seeded: Option<Lang>) -> Opened {
    if is_server(db) {
        // A roadmap on a server is created by its administrator.
        return Err(StoreError::BadUrl("fahrplan server init --roadmap NAME".into()));
    }
    let seed = seeded.map(seed).transpose()?;
    Ok(Store::create(db, seed.as_ref())?.into())
}

/// Opens `db` for writing where this user may (read-only with the reason otherwise).
pub fn open(db: &Path) -> Opened {
    if let Some((url, roadmap)) = server_target(db) {
        return Ok(Box::new(crate::store::pg::PgStore::open(url, roadmap)?));
    }
    Ok(Store::open(db)?.into())
}

/// Opens `db`, or creates it with the default roadmap in `lang` first.
pub fn open_or_create(db: &Path, lang: Lang) -> Opened {
    if db.exists() || is_server(db) { open(db) } else { create(db, Some(lang)) }
}

/// Opens `db` only to read (a viewer, the presentation, a command that only reads): nothing is
/// written, no side file is created, no edit lock is taken. A missing file is said, never
/// created: a typo must not show plausible data from a new file.
pub fn open_to_read(db: &Path) -> Opened {
    if is_server(db) {
        return open(db);
    }
    if !db.exists() {
        return Err(StoreError::NoFile { path: db.to_owned() });
    }
    Ok(Store::open_read_only(db)?.into())
}

/// Opens `db` for a command that writes: refused before anything is done where the file does
/// not exist, this user may not write, or another editor holds the edit lock.
pub fn open_to_write(db: &Path) -> Opened {
    if !db.exists() && !is_server(db) {
        return Err(StoreError::NoFile { path: db.to_owned() });
    }
    let storage = open(db)?;
    match storage.read_only_reason() {
        None => Ok(storage),
        Some(reason) => Err(reason.refusal()),
    }
}

/// An empty roadmap in memory (a stand-in when a file cannot be used).
pub fn in_memory() -> Opened {
    Ok(Store::in_memory(None)?.into())
}

/// Whether this user may write the file at `db` and create files beside it.
pub fn may_write(db: &Path) -> bool {
    // On a server, the server decides (and says so when a write is refused).
    is_server(db) || Store::may_write(db)
}

/// What `fahrplan check` reports about a file, found out without changing a byte.
#[derive(Clone, Debug)]
pub struct FileCheck {
    /// Header, application id, schema version, integrity, measures.
    pub report: FileReport,
    /// `wal` or `delete`.
    pub journal_mode: String,
    /// Whether the file lies on a network drive.
    pub network_drive: bool,
    /// Who holds the edit lock, if anyone.
    pub locked_by: Option<LockInfo>,
    /// A file beside the roadmap that keeps this user from writing and cannot be removed.
    pub blocked_by: Option<crate::store::Blocker>,
    /// Whether this user could open it for writing now.
    pub writable: bool,
    /// The history's hash chain (`None` in a file of a version before the chain).
    pub history: Option<crate::store::ChainReport>,
    /// Rows that cannot be read (written outside Fahrplan), named.
    pub unreadable: Vec<crate::model::UnreadableRow>,
}

/// Checks the file at `db` (soundness, journal, sharing) without changing anything.
pub fn check_file(db: &Path) -> Result<FileCheck, StoreError> {
    if is_server(db) {
        return Err(StoreError::BadUrl("fahrplan check: a file, not a server".into()));
    }
    // Whoever may write repairs an interrupted write at once; a reader sees the last saved state.
    Store::repair_interrupted(db)?;
    let report = crate::store::inspect(db)?;
    let store = Store::open_read_only(db)?;
    let locked_by = store.locked_by();
    let blocked_by = store.blocked_by();
    let current = report.schema_version >= 10;
    let history = current.then(|| store.verify_history()).transpose()?;
    let unreadable = if current { store.load_roadmap()?.unreadable } else { Vec::new() };
    Ok(FileCheck {
        history,
        unreadable,
        report,
        journal_mode: store.journal_mode()?,
        network_drive: store.is_network(),
        writable: Store::may_write(db) && locked_by.is_none() && blocked_by.is_none(),
        locked_by,
        blocked_by,
    })
}

pub use crate::store::pg::{
    RoadmapAccess, RoadmapRole, is_server_url, os_login, percent_decoded, split_roadmap,
};
pub use crate::store::{ChainReport, Origin, OriginKind};

/// Verifies the history's hash chain of the roadmap on the server at `db` (as its user may
/// read it) and names the rows that cannot be read.
pub fn check_server(
    db: &Path,
) -> Result<(crate::store::ChainReport, Vec<crate::model::UnreadableRow>), StoreError> {
    let store = open(db)?;
    Ok((store.verify_history()?, store.load_roadmap()?.unreadable))
}

/// Creates the roadmap `name` on the server at `url`, with the default roadmap in `seeded`
/// language or empty.
pub fn server_init(url: &str, name: &str, seeded: Option<Lang>) -> Result<(), StoreError> {
    let seed = seeded.map(seed).transpose()?;
    crate::store::pg::create_at(url, name, seed.as_ref())
}

/// Gives `login` the role `role` in roadmap `name` on the server at `url`.
pub fn server_grant(
    url: &str,
    login: &str,
    role: RoadmapRole,
    name: &str,
) -> Result<(), StoreError> {
    crate::store::pg::grant_at(url, login, role, name)
}

/// Takes `login`'s role in roadmap `name` on the server at `url`.
pub fn server_revoke(url: &str, login: &str, name: &str) -> Result<(), StoreError> {
    crate::store::pg::revoke_at(url, login, name)
}

/// The roadmaps the user of `url` may see on that server.
pub fn server_roadmaps(url: &str) -> Result<Vec<RoadmapAccess>, StoreError> {
    crate::store::pg::roadmaps_at(url)
}
