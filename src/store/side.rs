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
        || roadmap.mode() & 0o002 != 0
        // Where the system cannot say, the file counts as a writer's: then it is never removed
        // or replaced (at worst someone is named who holds nothing).
        || (roadmap.mode() & 0o020 != 0 && in_group(uid, roadmap.gid()).unwrap_or(true))
}

/// Whether the user `uid` belongs to the group `gid` (as primary or further group), as the
/// system's user database says (`id`, which asks files, LDAP and the domain alike).
/// `None` where the system cannot say. Answers are kept for a minute (a waiting window looks at
/// the lock every two seconds).
#[cfg(unix)]
fn in_group(uid: u32, gid: u32) -> Option<bool> {
    type Known = std::collections::HashMap<(u32, u32), (std::time::Instant, Option<bool>)>;
    static KNOWN: std::sync::Mutex<Option<Known>> = std::sync::Mutex::new(None);
    if let Ok(known) = KNOWN.lock()
        && let Some((at, answer)) = known.as_ref().and_then(|k| k.get(&(uid, gid)))
        && at.elapsed() < std::time::Duration::from_secs(60)
    {
        return *answer;
    }
    let answer = std::process::Command::new("id")
        .args(["-G", &uid.to_string()])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| {
            String::from_utf8_lossy(&out.stdout).split_whitespace().any(|g| g == gid.to_string())
        });
    if let Ok(mut known) = KNOWN.lock() {
        known
            .get_or_insert_with(Known::new)
            .insert((uid, gid), (std::time::Instant::now(), answer));
    }
    answer
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

/// Whether this user may remove or replace `path` (write to its folder; in a folder with the
/// sticky bit only the file's or the folder's owner may).
pub fn may_remove(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{Access, access};
        use std::os::unix::fs::MetadataExt;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let (Ok(dir), Ok(file)) = (std::fs::metadata(folder), std::fs::symlink_metadata(path))
        else {
            return false;
        };
        let me = rustix::process::geteuid().as_raw();
        access(folder, Access::WRITE_OK | Access::EXEC_OK).is_ok()
            && (dir.mode() & 0o1000 == 0 || file.uid() == me || dir.uid() == me || me == 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// Removes SQLite's side files of `db` that are foreign (see the module's text; `to_wal`: the
/// shared memory too, before a switch to WAL) and says which one keeps this user from writing:
/// a foreign one that cannot be removed, or a writer's that this user may not write. Nothing of
/// a writer's is ever removed.
pub fn clear_foreign(db: &Path, to_wal: bool) -> Option<Blocker> {
    let suffixes = if to_wal { &SQLITE_SIDE_FILES[..] } else { relevant(db) };
    for suffix in suffixes {
        let path = side_file(db, suffix);
        if std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        if !is_writers(&path, db, false) {
            // Only what holds nothing SQLite would use is removed: a file that may after all be
            // a writer's (a group whose members the system cannot name) is named, never lost.
            #[cfg(unix)]
            if holds_nothing(&path, suffix)
                && may_remove(&path)
                && std::fs::remove_file(&path).is_ok()
            {
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
    relevant(db).iter().map(|suffix| side_file(db, suffix)).find_map(|path| {
        std::fs::symlink_metadata(&path).ok()?;
        let foreign = !is_writers(&path, db, false);
        #[cfg(unix)]
        let stays = if foreign {
            !(holds_nothing(&path, suffix_of(&path)) && may_remove(&path))
        } else {
            !may_write_file(&path)
        };
        #[cfg(not(unix))]
        let stays = !foreign && !may_write_file(&path);
        stays.then(|| Blocker { owner: owner_of(&path), path })
    })
}

/// The side files SQLite would use for `db`: the shared memory only for a file in WAL mode (in
/// the rollback journal's mode SQLite never opens it).
fn relevant(db: &Path) -> &'static [&'static str] {
    if super::access::header_says_wal(db) { &SQLITE_SIDE_FILES } else { &SQLITE_SIDE_FILES[..2] }
}

/// Whether a side file holds nothing SQLite would use: a plain file that is empty, a journal whose
/// header is zeroed (not hot), a log of no more than its header (no frames). Links, pipes and
/// anything else hold something.
#[cfg_attr(not(unix), allow(dead_code))]
fn holds_nothing(path: &Path, suffix: &str) -> bool {
    use std::io::Read;
    let Ok(meta) = std::fs::symlink_metadata(path) else { return false };
    if !meta.is_file() {
        return false;
    }
    if meta.len() == 0 {
        return true;
    }
    let mut head = [0_u8; 28];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    match suffix {
        "-journal" => read.is_ok() && head.iter().all(|b| *b == 0),
        "-wal" => meta.len() <= 32,
        _ => false,
    }
}

/// The side file's suffix (`-journal`, `-wal`, `-shm`) of a path.
#[cfg_attr(not(unix), allow(dead_code))]
fn suffix_of(path: &Path) -> &'static str {
    let name = path.to_string_lossy();
    SQLITE_SIDE_FILES.iter().find(|s| name.ends_with(*s)).copied().unwrap_or("")
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

/// A writer's claim on the journal's name: an empty `-journal` of its own made before SQLite
/// opens the file, kept (empty between writes: `journal_mode=TRUNCATE`) while the file is open.
/// Nobody else can then put a journal of theirs under that name for SQLite to play back into
/// the roadmap (in a folder with the sticky bit only its owner may remove it). It has the
/// roadmap's permissions and group, as SQLite gives its own journal, so that readers can read
/// it and the roadmap's other writers can write it. An existing writer's journal is left as it
/// is; anyone else's that appeared since the first look is named.
pub fn claim_journal(db: &Path) -> Option<Blocker> {
    if super::access::header_says_wal(db) {
        return None;
    }
    claim(db, "-journal")
}

fn claim(db: &Path, suffix: &str) -> Option<Blocker> {
    let path = side_file(db, suffix);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
        let roadmap = std::fs::metadata(db).ok();
        options.mode(roadmap.as_ref().map_or(0o600, |m| m.mode() & 0o666));
        if let Ok(file) = options.open(&path) {
            if let Some(roadmap) = roadmap {
                let _ = std::os::unix::fs::fchown(&file, None, Some(roadmap.gid()));
                let mode = std::fs::Permissions::from_mode(roadmap.mode() & 0o666);
                let _ = file.set_permissions(mode);
            }
            return None;
        }
    }
    #[cfg(not(unix))]
    if options.open(&path).is_ok() {
        return None;
    }
    // There already: a writer's is SQLite's to use; anyone else's is never played back.
    (std::fs::symlink_metadata(&path).is_ok() && !is_writers(&path, db, false))
        .then(|| Blocker { owner: owner_of(&path), path })
}

/// Removes this user's own journal that holds nothing to roll back (empty, or with a zeroed
/// header), once the file no longer uses it (it went to WAL, or the writer closes).
pub fn release_journal(db: &Path) {
    use std::io::Read;
    let path = side_file(db, "-journal");
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.is_file() && m.uid() == rustix::process::geteuid().as_raw());
        if !mine {
            return;
        }
    }
    let mut header = [0_u8; 28];
    let empty = std::fs::File::open(&path).is_ok_and(|mut f| {
        let n = f.read(&mut header).unwrap_or(usize::MAX);
        n == 0 || (n <= header.len() && header[..n].iter().all(|b| *b == 0))
    });
    if empty {
        let _ = std::fs::remove_file(&path);
    }
}
