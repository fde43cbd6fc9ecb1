//! The edit lock: on a network drive one editor at a time works on a roadmap file.
//!
//! The holder keeps an operating-system lock on a file beside the roadmap, `.~lock.NAME#` (as
//! LibreOffice names its own), which names them. The lock dies with the process, so a crashed
//! editor never blocks. Only someone who may write the roadmap can hold it:
//!
//! - The lock file may be read and written only by the classes of users that may write the
//!   roadmap (mode 600 for a roadmap only its owner writes): whoever may only read cannot even
//!   open it, so cannot lock it (`flock` works on a file opened for reading).
//! - A lock file that is not a writer's (planted by someone else, or open to everyone, as a
//!   crash of an older version may have left it) is ignored: a fresh one replaces it, whoever
//!   has it locked. Where it cannot be replaced (a folder with the sticky bit), the file and its
//!   owner are named.
//! - The holder's name is written before the file appears under its name (it is written under a
//!   temporary name and linked into place), so the name read from a locked lock file is always
//!   its holder's; a file that names nobody is said to, never guessed.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::side::{Blocker, is_writers, owner_of};

/// Who holds the edit lock of a roadmap on a network drive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    /// The user (`FAHRPLAN_USER` or the login name).
    pub user: String,
    /// The computer.
    pub host: String,
    /// Since when.
    pub since: NaiveDateTime,
}

impl LockInfo {
    /// A holder whose name cannot be known.
    pub fn unknown() -> Self {
        Self { user: String::new(), host: String::new(), since: NaiveDateTime::MIN }
    }

    /// The lock of `user` on this computer, from `since`.
    pub fn here(user: &str, since: NaiveDateTime) -> Self {
        let host = gethostname::gethostname().to_string_lossy().into_owned();
        Self { user: user.to_owned(), host, since }
    }
}

/// The edit lock's file beside `db`: `.~lock.NAME#`.
pub fn lock_path(db: &Path) -> PathBuf {
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    db.with_file_name(format!(".~lock.{name}#"))
}

/// The edit lock of one roadmap, held while this value lives.
#[derive(Debug)]
pub struct EditLock {
    file: File,
    path: PathBuf,
    info: LockInfo,
}

/// What trying to take the edit lock gave.
#[derive(Debug)]
pub enum Acquired {
    /// It is ours.
    Held(EditLock),
    /// Someone who may write holds it (named, if the lock file names them).
    Busy(Option<LockInfo>),
    /// A lock file that is not a writer's is in the way and cannot be replaced.
    Blocked(Blocker),
}

impl EditLock {
    /// Takes the edit lock of `db` for `info`, or says who holds it. An error means the lock file
    /// cannot be created (a folder the user may not write to).
    pub fn acquire(db: &Path, info: &LockInfo) -> std::io::Result<Acquired> {
        let path = lock_path(db);
        let mut holder = None;
        // A reader that looks at the lock holds it shared for a moment, and a holder that has
        // just crashed leaves its file to be cleared: a busy lock is tried again for a fifth of
        // a second before it counts as held.
        for _ in 0..8 {
            let opened = open_regular(&path, true);
            let mut file = match opened {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    if let Some(lock) = publish(db, &path, info)? {
                        return Ok(Acquired::Held(lock));
                    }
                    continue;
                }
                // Not writable for someone who may write the roadmap: not a writer's file.
                // Not writable for someone who may write the roadmap: someone else's, unless the
                // system says it is a writer's after all (then it is theirs to hold).
                Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                    if is_writers(&path, db, true) {
                        return Ok(Acquired::Busy(None));
                    }
                    return replace(db, &path, info);
                }
                // A link or anything but a plain file where the lock file belongs: not a
                // writer's either.
                Err(_) if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) => {
                    return replace(db, &path, info);
                }
                Err(e) => return Err(e),
                Ok(file) => file,
            };
            if !is_writers(&path, db, true) {
                return replace(db, &path, info);
            }
            match file.try_lock() {
                Ok(()) => {
                    // A crashed holder's file: removed while locked (whoever opened it before
                    // finds it gone once they have the lock), then made anew with our name.
                    // Where it may not be removed (another writer's, in a folder with the sticky
                    // bit) it is taken over as it is, our name written in.
                    if !same_file(&file, &path) {
                        let _ = file.unlock();
                        continue;
                    }
                    if std::fs::remove_file(&path).is_err() {
                        file.set_len(0)?;
                        file.write_all(&serde_json::to_vec(info).map_err(std::io::Error::other)?)?;
                        file.sync_all()?;
                        return Ok(Acquired::Held(Self { file, path, info: info.clone() }));
                    }
                    let _ = file.unlock();
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    holder = read_info(&mut file);
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(e),
            }
        }
        Ok(Acquired::Busy(holder))
    }

    /// Who holds this lock.
    pub const fn info(&self) -> &LockInfo {
        &self.info
    }

    /// Who holds the edit lock of `db`, if anyone does. Never creates or changes a file; a lock
    /// file that is not a writer's names nobody.
    pub fn holder(db: &Path) -> Option<LockInfo> {
        let path = lock_path(db);
        if !is_writers(&path, db, true) {
            return None;
        }
        let mut file = open_regular(&path, false).ok()?;
        match file.try_lock_shared() {
            Ok(()) => {
                let _ = file.unlock();
                None
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                Some(read_info(&mut file).unwrap_or_else(LockInfo::unknown))
            }
            Err(std::fs::TryLockError::Error(_)) => None,
        }
    }

    /// A lock file in the way that this user may not replace, found out without changing
    /// anything (for `check`).
    pub fn blocker(db: &Path) -> Option<Blocker> {
        let path = lock_path(db);
        std::fs::symlink_metadata(&path).ok()?;
        if is_writers(&path, db, true) {
            return None;
        }
        (!super::side::may_remove(&path)).then(|| Blocker { owner: owner_of(&path), path })
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can take a lock on a file about to vanish unnoticed
        // (a contender checks that its file is still the one at the path); only if it is still
        // ours. Where an open file cannot be removed (Windows), its content is cleared instead.
        if !same_file(&self.file, &self.path) || std::fs::remove_file(&self.path).is_err() {
            let _ = self.file.set_len(0);
        }
        let _ = self.file.unlock();
    }
}

/// Opens the lock file only if it is a plain file (never through a link, never a pipe that
/// would wait for a writer), for reading and, with `write`, writing.
fn open_regular(path: &Path, write: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(write);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(i32::try_from(flags.bits()).unwrap_or(0));
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "not a plain file"));
    }
    Ok(file)
}

/// A new lock file beside `db`, locked, with `info` written in and only writers' permissions,
/// under a temporary name.
fn prepared(db: &Path, path: &Path, info: &LockInfo) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new().prefix(".~lock.").suffix(".new").tempfile_in(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = super::side::writers_mode(db);
        // The roadmap's group, so that its members who may write it may open the lock file.
        if let Ok(roadmap) = std::fs::metadata(db) {
            use std::os::unix::fs::MetadataExt;
            let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(roadmap.gid()));
        }
        temp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = db;
    temp.as_file().try_lock().map_err(std::io::Error::from)?;
    let text = serde_json::to_vec(info).map_err(std::io::Error::other)?;
    temp.write_all(&text)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Puts a prepared lock file in place where there is none (a link fails where the name exists,
/// so a holder's file is never replaced). `None`: someone else was quicker.
fn publish(db: &Path, path: &Path, info: &LockInfo) -> std::io::Result<Option<EditLock>> {
    let temp = prepared(db, path, info)?;
    match std::fs::hard_link(temp.path(), path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(None),
        // File systems without links: created exclusively, the name written after the lock.
        Err(_) => return create_in_place(db, path, info),
    }
    let (file, temp_path) = temp.keep().map_err(|e| e.error)?;
    let _ = std::fs::remove_file(temp_path);
    Ok(Some(EditLock { file, path: path.to_owned(), info: info.clone() }))
}

/// [`publish`] where the file system has no links.
fn create_in_place(db: &Path, path: &Path, info: &LockInfo) -> std::io::Result<Option<EditLock>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(super::side::writers_mode(db));
    }
    #[cfg(not(unix))]
    let _ = db;
    let mut file = match options.open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(None),
        other => other?,
    };
    if file.try_lock().is_err() || !same_file(&file, path) {
        return Ok(None);
    }
    file.write_all(&serde_json::to_vec(info).map_err(std::io::Error::other)?)?;
    file.sync_all()?;
    Ok(Some(EditLock { file, path: path.to_owned(), info: info.clone() }))
}

/// Replaces a lock file that is not a writer's by a fresh one of ours (whoever has the old one
/// locked keeps a lock on a file that is no longer the lock file), or names it where it cannot
/// be replaced.
///
/// The foreign file is first moved aside under a name of our own (only one contender can move
/// it), then the name is claimed as for a new lock ([`publish`]: only one contender gets it).
/// Should the file moved aside be another writer's fresh lock file after all, it is put back.
fn replace(db: &Path, path: &Path, info: &LockInfo) -> std::io::Result<Acquired> {
    let blocked =
        || Ok(Acquired::Blocked(Blocker { owner: owner_of(path), path: path.to_owned() }));
    if !super::side::may_remove(path) {
        return blocked();
    }
    let seen = identity(path);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let aside = tempfile::Builder::new().prefix(".~lock.").suffix(".aside").tempfile_in(folder)?;
    let aside = aside.into_temp_path();
    match std::fs::rename(path, &aside) {
        Ok(()) if identity(&aside) == seen && !is_writers(&aside, db, true) => {}
        // A writer's lock file arrived meanwhile: back where it was (a link never replaces; a
        // file system without links gets it back by name), never deleted.
        Ok(()) => {
            if std::fs::hard_link(&aside, path).is_err() {
                let _ = std::fs::rename(&aside, path);
            }
            return Ok(Acquired::Busy(None));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(_) => return blocked(),
    }
    drop(aside);
    Ok(match publish(db, path, info)? {
        Some(lock) => Acquired::Held(lock),
        None => Acquired::Busy(None),
    })
}

/// The device and inode of the file at `path` (not following a link).
fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::symlink_metadata(path).ok().map(|m| (m.len(), 0))
    }
}

fn read_info(file: &mut File) -> Option<LockInfo> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(0)).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_lock_names_its_holder_and_is_free_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        std::fs::write(&db, b"").unwrap();
        let since =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(9, 12, 0).unwrap();
        let anna = LockInfo { user: "anna.schmidt".into(), host: "PC-IT-01".into(), since };
        assert_eq!(EditLock::holder(&db), None);
        let Acquired::Held(lock) = EditLock::acquire(&db, &anna).unwrap() else { panic!("free") };
        assert_eq!(EditLock::holder(&db), Some(anna.clone()));
        let bernd = LockInfo { user: "bernd".into(), ..anna.clone() };
        match EditLock::acquire(&db, &bernd).unwrap() {
            Acquired::Busy(Some(holder)) => assert_eq!(holder, anna),
            other => panic!("{other:?}"),
        }
        drop(lock);
        assert_eq!(EditLock::holder(&db), None);
        assert!(!lock_path(&db).exists(), "a released lock leaves no file");
        let names = |dir: &Path| std::fs::read_dir(dir).unwrap().count();
        assert!(matches!(EditLock::acquire(&db, &bernd).unwrap(), Acquired::Held(_)));
        assert_eq!(names(dir.path()), 1, "no temporary file is left beside the roadmap");
    }

    /// A link or a pipe planted as the lock file is never followed or waited on: it is moved
    /// aside, the file it points to keeps its bytes, and a lock of our own takes its place.
    #[cfg(unix)]
    #[test]
    fn a_link_or_pipe_as_lock_file_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        std::fs::write(&db, b"").unwrap();
        let target = dir.path().join("wichtig.txt");
        std::fs::write(&target, b"bleibt").unwrap();
        let path = lock_path(&db);
        std::os::unix::fs::symlink(&target, &path).unwrap();
        assert_eq!(EditLock::holder(&db), None);
        let since =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let me = LockInfo { user: "anna".into(), host: "pc".into(), since };
        let Acquired::Held(lock) = EditLock::acquire(&db, &me).unwrap() else { panic!("taken") };
        assert_eq!(std::fs::read(&target).unwrap(), b"bleibt");
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
        drop(lock);
        assert!(!path.exists());
        // A pipe: looking at it does not wait for a writer that never comes.
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(EditLock::holder(&db), None);
            assert!(matches!(EditLock::acquire(&db, &me).unwrap(), Acquired::Held(_)));
        }
    }

    /// A holder whose lock file was replaced meanwhile leaves the new one alone when it ends.
    #[cfg(unix)]
    #[test]
    fn a_holder_removes_only_its_own_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        std::fs::write(&db, b"").unwrap();
        let since =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let me = LockInfo { user: "anna".into(), host: "pc".into(), since };
        let Acquired::Held(lock) = EditLock::acquire(&db, &me).unwrap() else { panic!("taken") };
        let other = dir.path().join("other");
        std::fs::write(&other, b"{}").unwrap();
        std::fs::rename(&other, lock_path(&db)).unwrap();
        drop(lock);
        assert_eq!(std::fs::read(lock_path(&db)).unwrap(), b"{}", "not ours: left alone");
    }

    #[cfg(unix)]
    #[test]
    fn a_crashed_holders_file_is_replaced_and_never_names_anyone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        std::fs::write(&db, b"").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let since =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(9, 12, 0).unwrap();
        let itm = LockInfo { user: "itm".into(), host: "vm".into(), since };
        // Left by a crash, readable by everyone, and locked by someone who opened it to read.
        let path = lock_path(&db);
        std::fs::write(&path, serde_json::to_vec(&itm).unwrap()).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let reader = File::open(&path).unwrap();
        reader.lock().unwrap();
        assert_eq!(EditLock::holder(&db), None, "an open lock file names nobody");
        let anna = LockInfo { user: "anna".into(), ..itm.clone() };
        let Acquired::Held(lock) = EditLock::acquire(&db, &anna).unwrap() else {
            panic!("a reader's lock is ignored")
        };
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only whoever may write the roadmap may open the lock file");
        assert_eq!(EditLock::holder(&db), Some(anna));
        drop(lock);
        drop(reader);
    }
}
