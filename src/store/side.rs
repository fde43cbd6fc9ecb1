//! The files beside a roadmap (SQLite's `-journal`, `-wal` and `-shm`, the edit lock's file, the
//! `backups` folder) and whom they belong to.
//!
//! In a folder several users share, someone who may only read the roadmap can still create files
//! beside it. Such a file must neither lock out whoever may write nor be taken for a writer's:
//! a journal or log planted there would otherwise be played into the roadmap. A side file is
//! *a writer's* when it can only have been made by someone who may write the roadmap (its owner
//! is this user, the roadmap's owner, or — for a roadmap its group or everyone may write — a
//! member of those) and nobody else may change it. Anything else is *foreign*: Fahrplan removes
//! it where it may (SQLite does without it: a writer's journal or log is never foreign), and
//! otherwise names the file and its owner instead of failing with SQLite's words.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::access::side_file;

/// A file beside the roadmap that keeps this user from writing it and that Fahrplan may not
/// remove.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Blocker {
    /// The file.
    pub path: PathBuf,
    /// Its owner (login name, or the user number where the name cannot be found).
    pub owner: String,
}

/// SQLite's side files of a roadmap.
pub const SQLITE_SIDE_FILES: [&str; 3] = ["-journal", "-wal", "-shm"];

/// The permission bits that a writer's side file may have: read and write only for the classes
/// of users that may write the roadmap (its owner always).
#[cfg(unix)]
pub fn writers_mode(db: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(db).map_or(0o600, |m| m.permissions().mode());
    let mut allowed = 0o600;
    if mode & 0o020 != 0 {
        allowed |= 0o060;
    }
    if mode & 0o002 != 0 {
        allowed |= 0o006;
    }
    allowed
}

/// Whether the file at `path` (beside `db`) is a writer's: made by someone who may write `db`,
/// and changeable by nobody else. `readable_by_writers_only` also asks that nobody else may read
/// it (the edit lock's file: whoever can open it can lock it).
#[cfg(unix)]
pub fn is_writers(path: &Path, db: &Path, readable_by_writers_only: bool) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(file), Ok(roadmap)) = (std::fs::symlink_metadata(path), std::fs::metadata(db)) else {
        return false;
    };
    if !file.file_type().is_file() {
        return false;
    }
    let mode = file.mode() & 0o777;
    let others = !writers_mode(db);
    let too_open = if readable_by_writers_only { mode & others } else { mode & others & 0o222 };
    if too_open != 0 {
        return false;
    }
    let uid = file.uid();
    uid == rustix::process::geteuid().as_raw()
        || uid == roadmap.uid()
        || (roadmap.mode() & 0o020 != 0 && file.gid() == roadmap.gid())
        || roadmap.mode() & 0o002 != 0
}

/// Elsewhere the operating system's access rules decide alone.
#[cfg(not(unix))]
pub fn is_writers(_path: &Path, _db: &Path, _readable_by_writers_only: bool) -> bool {
    true
}

/// The login name of a file's owner, or its user number where no name is found.
pub fn owner_of(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = std::fs::symlink_metadata(path) else { return String::new() };
        let uid = meta.uid();
        // `getent` asks every user database the system knows (files, LDAP, the domain).
        std::process::Command::new("getent")
            .args(["passwd", &uid.to_string()])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8_lossy(&o.stdout).split(':').next().map(str::to_owned))
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| uid.to_string())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        String::new()
    }
}

/// Whether this user may remove or replace `path` (a file in a folder with the sticky bit may
/// be removed only by its owner or the folder's).
#[cfg(unix)]
fn may_remove(path: &Path) -> bool {
    use rustix::fs::{Access, access};
    use std::os::unix::fs::MetadataExt;
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (Ok(dir), Ok(file)) = (std::fs::metadata(folder), std::fs::symlink_metadata(path)) else {
        return false;
    };
    let me = rustix::process::geteuid().as_raw();
    access(folder, Access::WRITE_OK | Access::EXEC_OK).is_ok()
        && (dir.mode() & 0o1000 == 0 || file.uid() == me || dir.uid() == me || me == 0)
}

/// Removes SQLite's side files of `db` that are foreign (see the module's text) and says which
/// one keeps this user from writing: a foreign one that cannot be removed, or a writer's that
/// this user may not write. Nothing of a writer's is ever removed.
pub fn clear_foreign(db: &Path) -> Option<Blocker> {
    for suffix in SQLITE_SIDE_FILES {
        let path = side_file(db, suffix);
        if std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        if !is_writers(&path, db, false) {
            #[cfg(unix)]
            if may_remove(&path) && std::fs::remove_file(&path).is_ok() {
                continue;
            }
            return Some(Blocker { owner: owner_of(&path), path });
        }
        if !may_write_file(&path) {
            return Some(Blocker { owner: owner_of(&path), path });
        }
    }
    None
}

/// What [`clear_foreign`] would not get past, found out without changing anything.
pub fn blocker(db: &Path) -> Option<Blocker> {
    SQLITE_SIDE_FILES.iter().map(|suffix| side_file(db, suffix)).find_map(|path| {
        std::fs::symlink_metadata(&path).ok()?;
        let foreign = !is_writers(&path, db, false);
        #[cfg(unix)]
        let stays = if foreign { !may_remove(&path) } else { !may_write_file(&path) };
        #[cfg(not(unix))]
        let stays = !foreign && !may_write_file(&path);
        stays.then(|| Blocker { owner: owner_of(&path), path })
    })
}

/// Whether this user may write the file at `path`.
fn may_write_file(path: &Path) -> bool {
    #[cfg(unix)]
    {
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// Whether a side file `suffix` of `db` is a writer's and there (for a reader deciding whether an
/// interrupted write may be rolled back in its private copy).
pub fn writers_side_file(db: &Path, suffix: &str) -> Option<PathBuf> {
    let path = side_file(db, suffix);
    (std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) && is_writers(&path, db, false))
        .then_some(path)
}
