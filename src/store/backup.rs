//! Backups with SQLite's online backup API (never a plain copy of a live file): written under a
//! temporary name, verified, renamed; kept in a `backups` folder beside the roadmap and rotated
//! (the last 7 daily, 4 weekly and 12 monthly ones).

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime};

use rusqlite::Connection;

use super::{FileReport, Result, Store, StoreError, backup_connection, inspect};

/// The time-stamp format in backup file names.
const STAMP: &str = "%Y%m%d-%H%M%S";

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    /// The file.
    pub path: PathBuf,
    /// When it was taken (from its name).
    pub taken: NaiveDateTime,
    /// Number of measures in it (it passed the checks), or `None` if it is damaged.
    pub measures: Option<usize>,
}

/// The folder where the backups of `db` are kept: `backups` beside it, unless that is someone
/// else's (a folder a user who may only read created in a shared folder, or a link): then a
/// folder of this user's own ([`own_backups_dir`]), and the message says so.
pub fn backups_dir(db: &Path) -> PathBuf {
    let beside = beside_dir(db);
    if foreign_backups_dir(db).is_some() { own_backups_dir(db) } else { beside }
}

/// `backups` beside the roadmap.
fn beside_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The `backups` folder beside `db` and its owner, when it is not a folder of a writer's that
/// this user may write into (a link, a file, or another user's folder).
pub fn foreign_backups_dir(db: &Path) -> Option<super::Blocker> {
    let beside = beside_dir(db);
    let meta = std::fs::symlink_metadata(&beside).ok()?;
    let usable = meta.is_dir() && {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let me = rustix::process::geteuid().as_raw();
            let roadmap = std::fs::metadata(db).ok();
            let owner_ok =
                meta.uid() == me || roadmap.as_ref().is_some_and(|d| d.uid() == meta.uid());
            // Nobody who may not write the roadmap may put files into its backups.
            let same_group = roadmap.as_ref().is_some_and(|d| d.gid() == meta.gid());
            let writers = roadmap
                .as_ref()
                .map_or(0, |d| (d.mode() & 0o002) | if same_group { d.mode() & 0o020 } else { 0 });
            let open_to_others = meta.mode() & 0o022 & !writers != 0;
            owner_ok
                && !open_to_others
                && rustix::fs::access(
                    &beside,
                    rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK,
                )
                .is_ok()
        }
        #[cfg(not(unix))]
        {
            !meta.permissions().readonly()
        }
    };
    (!usable).then(|| super::Blocker { owner: super::side::owner_of(&beside), path: beside })
}

/// This user's own folder for copies of roadmaps on a server (`backups/server` in the platform's
/// data directory).
pub fn own_copies_dir() -> PathBuf {
    data_dir().join("backups").join("server")
}

/// The platform's data directory for Fahrplan (where the default roadmap lives).
fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("de", "Fahrplan", "Fahrplan")
        .map_or_else(|| PathBuf::from("."), |dirs| dirs.data_dir().to_owned())
}

/// This user's own folder for the backups of `db` where the one beside it is someone else's:
/// `backups/NAME-HASH` in the platform's data directory (the hash of the roadmap's full path
/// keeps two roadmaps of the same name apart).
pub fn own_backups_dir(db: &Path) -> PathBuf {
    use sha2::{Digest, Sha256};
    let absolute = std::path::absolute(db).unwrap_or_else(|_| db.to_owned());
    let digest = Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    let tag: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    data_dir().join("backups").join(format!("{}-{tag}", stem(db)))
}

fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(|| "fahrplan".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// When a backup of the file with stem `stem` was taken, read from its name: `STEM-STAMP`,
/// `STEM-before-v1-STAMP`, `STEM-before-restore-STAMP`, each perhaps with `-2`, `-3`, … for
/// further backups in the same second. `None` for any other name (the backups of another file in
/// the same folder, `a-x.sqlite` beside `a.sqlite`, included).
///
/// Returns the time and the number within that second (1 for the first).
fn backup_time(name: &str, stem: &str) -> Option<(NaiveDateTime, u32)> {
    let rest = name.strip_suffix(".sqlite")?;
    let stamped = |text: &str| -> Option<(String, NaiveDateTime)> {
        let split = text.len().checked_sub(STAMP_LEN)?;
        let (head, stamp) = (text.get(..split)?, text.get(split..)?);
        let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
        Some((head.strip_suffix('-')?.to_owned(), taken))
    };
    let counted = rest.rsplit_once('-').and_then(|(head, n)| {
        let number: u32 = (n.len() <= 3).then(|| n.parse().ok()).flatten()?;
        stamped(head).map(|(head, taken)| (head, taken, number))
    });
    let (head, taken, number) =
        counted.or_else(|| stamped(rest).map(|(head, taken)| (head, taken, 1)))?;
    let kind = head.strip_prefix(stem)?;
    let known = kind.is_empty()
        || kind == "-before-restore"
        || kind
            .strip_prefix("-before-v")
            .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
    known.then_some((taken, number))
}

/// Whether a backup was taken before a migration (kept by rotation), by its file name.
fn is_before_migration(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().contains("-before-v"))
}

/// The length of a time stamp in a backup's name (`20261127-101500`).
const STAMP_LEN: usize = 15;

/// A new backup's path for `db` in its backups folder: `STEM{kind}-STAMP.sqlite`, or with `-2`,
/// `-3`, … when a backup of that second exists already. The folder is created if needed.
pub(super) fn new_backup_path(db: &Path, kind: &str, now: NaiveDateTime) -> Result<PathBuf> {
    let dir = backups_dir(db);
    std::fs::create_dir_all(&dir)
        .map_err(|e| StoreError::Io { path: dir.clone(), detail: e.to_string() })?;
    let base = format!("{}{kind}-{}", stem(db), now.format(STAMP));
    let first = dir.join(format!("{base}.sqlite"));
    if !first.exists() {
        return Ok(first);
    }
    (2..1000)
        .map(|n| dir.join(format!("{base}-{n}.sqlite")))
        .find(|p| !p.exists())
        .ok_or(StoreError::Exists { path: first })
}

/// Which backup files were checked, each time (for the test that listing again does not check
/// again; it counts only its own files, whatever other tests do meanwhile).
#[cfg(test)]
static CHECKED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// The number of measures in a backup that passes the checks (`None` if it is damaged). A backup
/// is checked once: the result is kept for as long as its size and time stay the same, so the
/// backups window can be listed again after every command without `quick_check` on every file.
fn checked_measures(path: &Path) -> Option<usize> {
    type Seen = std::collections::HashMap<PathBuf, (Stamp, Option<usize>)>;
    static SEEN: std::sync::Mutex<Option<Seen>> = std::sync::Mutex::new(None);
    let stamp = stamp_of(path);
    if let (Some(stamp), Ok(seen)) = (stamp, SEEN.lock())
        && let Some((known, measures)) = seen.as_ref().and_then(|s| s.get(path))
        && *known == stamp
    {
        return *measures;
    }
    #[cfg(test)]
    if let Ok(mut checked) = CHECKED.lock() {
        checked.push(path.to_owned());
    }
    let checked = inspect(path);
    // Only a verdict is kept: a file that could not be read just now is looked at again.
    let verdict = match &checked {
        Ok(_)
        | Err(
            StoreError::Damaged { .. }
            | StoreError::NotADatabase { .. }
            | StoreError::Foreign { .. }
            | StoreError::TooNew { .. },
        ) => true,
        Err(_) => false,
    };
    let measures = checked.ok().map(|r: FileReport| r.measures);
    if let (Some(stamp), true, Ok(mut seen)) = (stamp, verdict, SEEN.lock()) {
        seen.get_or_insert_with(Default::default).insert(path.to_owned(), (stamp, measures));
    }
    measures
}

/// What identifies a file's content cheaply: size, modification time and (on Unix) the inode
/// and the time of its last status change, so a file swapped in with its old time is noticed.
type Stamp = (u64, std::time::SystemTime, u64, i64);

fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (ino, ctime) = {
        use std::os::unix::fs::MetadataExt;
        (meta.ino(), meta.ctime_nsec() + meta.ctime() * 1_000_000_000)
    };
    #[cfg(not(unix))]
    let (ino, ctime) = (0, 0);
    Some((meta.len(), meta.modified().ok()?, ino, ctime))
}

/// The backups of `db` (its own, matched by exact name), newest first; backups taken before
/// migrations and restores are listed too.
pub fn list_backups(db: &Path) -> Vec<BackupInfo> {
    let stem = stem(db);
    // Never from a folder someone else planted beside the file (its "backups" could be
    // anything); this user's own folder as well, where backups went when that was so.
    let mut dirs = vec![own_backups_dir(db)];
    if foreign_backups_dir(db).is_none() {
        dirs.push(beside_dir(db));
    }
    let mut backups: Vec<(u32, BackupInfo)> = dirs
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let (taken, number) = backup_time(&name, &stem)?;
            let measures = checked_measures(&path);
            Some((number, BackupInfo { path, taken, measures }))
        })
        .collect();
    // Newest first; within one second, the later number first.
    backups.sort_by(|(n, a), (m, b)| b.taken.cmp(&a.taken).then_with(|| m.cmp(n)));
    backups.into_iter().map(|(_, b)| b).collect()
}

/// Which backups rotation keeps: the newest of each of the last 7 days, 4 ISO weeks and 12
/// months (a backup can count for several); backups before migrations are always kept.
fn to_delete(backups: &[BackupInfo]) -> Vec<PathBuf> {
    use std::collections::BTreeSet;
    let regular: Vec<&BackupInfo> =
        backups.iter().filter(|b| !is_before_migration(&b.path)).collect();
    let mut keep: BTreeSet<usize> = BTreeSet::new();
    let mut pick = |key: &dyn Fn(&BackupInfo) -> (i32, u32), limit: usize| {
        let mut seen = Vec::new();
        for (i, b) in regular.iter().enumerate() {
            let k = key(b);
            if !seen.contains(&k) {
                seen.push(k);
                if seen.len() > limit {
                    break;
                }
                keep.insert(i);
            }
        }
    };
    pick(&|b| (b.taken.year(), b.taken.ordinal()), 7);
    pick(&|b| (b.taken.iso_week().year(), b.taken.iso_week().week()), 4);
    pick(&|b| (b.taken.year(), b.taken.month()), 12);
    regular
        .iter()
        .enumerate()
        .filter(|(i, _)| !keep.contains(i))
        .map(|(_, b)| b.path.clone())
        .collect()
}

impl Store {
    /// Writes a verified backup of the open file into the `backups` folder (or to `output`) and
    /// rotates the folder. Returns the backup's path.
    pub fn backup_now(&self, now: NaiveDateTime, output: Option<&Path>) -> Result<PathBuf> {
        // A reader's copy lacks the evidence files' bytes: its backup is taken of the file.
        let file = self.file_reader()?;
        let source = file.as_ref().map_or(&self.conn, |f| &f.conn);
        let target = match output {
            Some(path) => {
                backup_connection(source, path)?;
                path.to_owned()
            }
            // Another process may take a backup in the same second: then the next number.
            None => {
                let mut attempt = 0;
                loop {
                    let target = new_backup_path(&self.path, "", now)?;
                    match backup_connection(source, &target) {
                        Err(StoreError::Exists { .. }) if attempt < 5 => attempt += 1,
                        result => break result.map(|()| target)?,
                    }
                }
            }
        };
        if output.is_none() {
            for old in to_delete(&list_backups(&self.path)) {
                let _ = std::fs::remove_file(old);
            }
        }
        Ok(target)
    }

    /// Takes a backup if the newest one is older than a day (at start). Returns it, if taken.
    pub fn daily_backup(&self, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        if self.path == Path::new(":memory:") {
            return Ok(None);
        }
        let newest = list_backups(&self.path).into_iter().find(|b| b.measures.is_some());
        if newest.is_some_and(|b| now - b.taken < chrono::TimeDelta::days(1)) {
            return Ok(None);
        }
        self.backup_now(now, None).map(Some)
    }
}

/// Restores the verified backup `backup` into the roadmap `db`, in place: the current state is
/// first kept as a backup itself, then SQLite's online backup API copies the backup into the open
/// file in one step. The file stays the same file, so other windows and the command line see
/// the restored data. A file that cannot be opened is set aside (renamed to
/// `NAME.damaged-STAMP`, never deleted) and the backup copied to a new file. Returns where the
/// previous state went.
pub fn restore(db: &Path, backup: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    inspect(backup)?;
    let (source, _) =
        super::access::open_reader(backup).map_err(|e| StoreError::from_open(backup, e))?;
    super::harden(&source)?;
    let live = if db.exists() {
        match Store::open(db) {
            Ok(store) => Some(store),
            Err(StoreError::Damaged { .. } | StoreError::NotADatabase { .. }) => {
                set_aside_damaged(db, now)?;
                None
            }
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    let Some(mut live) = live else {
        // Nothing to keep: a new file from the backup (never over an existing one), everything
        // it brings marked as imported.
        let report = inspect(backup)?;
        let origin = restore_origin(backup)?;
        let mut stage =
            Store::staged_restore((&source, backup), &report, (super::current_user(), now))?;
        stage.adopt(&super::seed::OwnRecord::default(), &origin)?;
        backup_connection(&stage.conn, db)?;
        return Ok(PathBuf::new());
    };
    live.restore_from(backup, now)
}

impl Store {
    /// Restores the verified backup `backup` into this open file, in place (see [`restore`]):
    /// the current state is kept as a backup first. Returns where it went.
    pub fn restore_from(&mut self, backup: &Path, now: NaiveDateTime) -> Result<PathBuf> {
        let report = inspect(backup)?;
        let (source, _) =
            super::access::open_reader(backup).map_err(|e| StoreError::from_open(backup, e))?;
        super::harden(&source)?;
        if let Some(reason) = self.read_only_reason() {
            return Err(reason.refusal());
        }
        let kept = new_backup_path(&self.path, "-before-restore", now)?;
        backup_connection(&self.conn, &kept)?;
        self.prepare_write()?;
        let origin = restore_origin(backup)?;
        let own = {
            let mut db: &rusqlite::Connection = &self.conn;
            super::seed::OwnRecord::read(&mut db)?
        };
        // The result is built in memory first (migrated, its tables compared with the
        // application's, what it brings marked), then copied over the live file, all pages in
        // one step: one write transaction, so a failure or a crash leaves the file as it was.
        let mut stage =
            Self::staged_restore((&source, backup), &report, (self.who.clone(), (self.clock)()))?;
        stage.adopt(&own, &origin)?;
        match rusqlite::backup::Backup::new(&stage.conn, &mut self.conn)?.step(-1)? {
            rusqlite::backup::StepResult::Done => {}
            _ => return Err(StoreError::Busy),
        }
        Ok(kept)
    }

    /// The backup `source` (the file `backup`) as it will be restored, in memory: migrated to this
    /// version, and refused unless its tables are exactly the application's (a backup whose
    /// table definitions were edited, e.g. a CHECK that stops marking what it brings, never
    /// gets in). Writes as `who`, at `at`.
    fn staged_restore(
        (source, backup): (&Connection, &Path),
        report: &FileReport,
        (who, at): (String, NaiveDateTime),
    ) -> Result<Self> {
        let mut staged = Connection::open_in_memory()?;
        match rusqlite::backup::Backup::new(source, &mut staged)?.step(-1)? {
            rusqlite::backup::StepResult::Done => {}
            _ => return Err(StoreError::Busy),
        }
        super::harden(&staged)?;
        staged.pragma_update(None, "foreign_keys", true)?;
        if report.schema_version < super::SCHEMA_VERSION {
            super::schema::migrate(&mut staged)
                .map_err(|e| StoreError::Migration(e.to_string()))?;
        }
        if !super::schema::is_applications(&staged)? {
            return Err(StoreError::ForeignTables { path: backup.to_owned() });
        }
        let mut stage = Self::with_connection(staged, Path::new(":memory:"), None);
        stage.who = who;
        stage.clock = Box::new(move || at);
        Ok(stage)
    }

    /// Marks what a restore brings that is not this roadmap's own (`own`) as imported, and
    /// records the replacement.
    fn adopt(&mut self, own: &super::seed::OwnRecord, origin: &super::Origin) -> Result<()> {
        self.write_batch(super::write::BatchKind::Edit, |tx, batch| {
            super::seed::adopt_restored(tx, batch, own, origin)
        })?;
        Ok(())
    }
}

/// Where a restore comes from, as its record names it (the file's name and SHA-256).
fn restore_origin(backup: &Path) -> Result<super::Origin> {
    let bytes = std::fs::read(backup)
        .map_err(|e| StoreError::Io { path: backup.to_owned(), detail: e.to_string() })?;
    Ok(super::Origin::of_file(super::OriginKind::Restore, backup, &bytes))
}

/// Renames a damaged roadmap to `NAME.damaged-STAMP` beside it (never deleting it). Returns the
/// new path. Only someone who may write the file does so, never while another editor holds its
/// edit lock, and only when a second look confirms the damage (a reader that merely read at a
/// bad moment must not move the editor's file away).
pub fn set_aside_damaged(db: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    if !super::may_write(db) {
        return Err(StoreError::ReadOnly);
    }
    if let Some(holder) = super::lock::EditLock::holder(db) {
        return Err(StoreError::Locked(holder));
    }
    match inspect(db) {
        Err(StoreError::Damaged { .. } | StoreError::NotADatabase { .. }) => {}
        Err(e) => return Err(e),
        Ok(_) => {
            return Err(StoreError::Damaged {
                path: db.to_owned(),
                detail: "sound on a second look; not set aside".to_owned(),
            });
        }
    }
    let file_name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target = db.with_file_name(format!("{file_name}.damaged-{}", now.format(STAMP)));
    std::fs::rename(db, &target)
        .map_err(|e| StoreError::Io { path: db.to_owned(), detail: e.to_string() })?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Status;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(9, 0, 0).unwrap()
    }

    #[test]
    fn backups_are_verified_listed_and_restored_keeping_the_current_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stadt.sqlite");
        let mut store =
            Store::create(&db, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        let backup = store.backup_now(at(2026, 11, 27), None).unwrap();
        assert_eq!(inspect(&backup).unwrap().measures, 20);
        store.set_status("M19", Status::Done, "", at(2026, 11, 27).date(), None).unwrap();
        let changed = store.load_roadmap().unwrap();
        drop(store);
        let list = list_backups(&db);
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].taken, list[0].measures), (at(2026, 11, 27), Some(20)));
        let kept = restore(&db, &backup, at(2026, 11, 28)).unwrap();
        // The file is the backup again; what it was is kept as a backup.
        let restored = Store::open(&db).unwrap().load_roadmap().unwrap();
        assert_eq!(restored.measure("M19").unwrap().status, Status::InProgress);
        assert_eq!(Store::open(&kept).unwrap().load_roadmap().unwrap(), changed);
        assert_eq!(inspect(&db).unwrap().integrity, "ok");
    }

    #[test]
    fn listing_again_does_not_check_the_backups_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stadt.sqlite");
        let store = Store::create(&db, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        store.backup_now(at(2026, 11, 27), None).unwrap();
        store.backup_now(at(2026, 11, 28), None).unwrap();
        let first = list_backups(&db);
        assert_eq!(first.len(), 2);
        let ours = || CHECKED.lock().unwrap().iter().filter(|p| p.starts_with(dir.path())).count();
        let checks = ours();
        for _ in 0..10 {
            assert_eq!(list_backups(&db), first);
        }
        assert_eq!(ours(), checks, "known backups are not checked again");
        // A backup that changed is checked again: a damaged one shows as damaged.
        std::fs::write(&first[0].path, b"kaputt").unwrap();
        assert_eq!(list_backups(&db)[0].measures, None);
    }

    #[test]
    fn a_damaged_backup_is_not_restored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        drop(Store::create(&db, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap());
        let junk = dir.path().join("junk.sqlite");
        std::fs::write(&junk, b"not a database at all, just text").unwrap();
        let before = std::fs::read(&db).unwrap();
        assert!(restore(&db, &junk, at(2026, 11, 27)).is_err());
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }

    #[test]
    fn a_daily_backup_is_taken_once_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("d.sqlite");
        let store = Store::create(&db, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        assert!(store.daily_backup(at(2026, 11, 27)).unwrap().is_some());
        assert!(
            store.daily_backup(at(2026, 11, 27) + chrono::TimeDelta::hours(5)).unwrap().is_none()
        );
        assert!(
            store.daily_backup(at(2026, 11, 28) + chrono::TimeDelta::hours(1)).unwrap().is_some()
        );
        assert_eq!(list_backups(&db).len(), 2);
    }

    #[test]
    fn rotation_keeps_7_daily_4_weekly_and_12_monthly() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.sqlite");
        let store = Store::create(&db, Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        // A backup every day for two years.
        let first = at(2024, 11, 28);
        std::fs::create_dir_all(backups_dir(&db)).unwrap();
        for day in 0..730 {
            let when = first + chrono::TimeDelta::days(day);
            let path = backups_dir(&db).join(format!("r-{}.sqlite", when.format(STAMP)));
            if day == 0 {
                store.backup_now(when, Some(&path)).unwrap();
            } else {
                std::fs::copy(
                    backups_dir(&db).join(format!("r-{}.sqlite", first.format(STAMP))),
                    &path,
                )
                .unwrap();
            }
        }
        let last = first + chrono::TimeDelta::days(730);
        store.backup_now(last, None).unwrap();
        let kept = list_backups(&db);
        // 7 days + up to 4 weeks + up to 12 months, overlapping: between 12 and 23 files.
        assert!((12..=23).contains(&kept.len()), "{} kept", kept.len());
        assert_eq!(kept[0].taken, last);
        assert!(
            kept.iter().any(|b| (last - b.taken).num_days() > 300),
            "a monthly one from last year"
        );
        let days: Vec<_> = kept.iter().take(7).map(|b| (last - b.taken).num_days()).collect();
        assert_eq!(days, [0, 1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn a_damaged_file_is_set_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.sqlite");
        std::fs::write(&db, b"garbage").unwrap();
        let aside = set_aside_damaged(&db, at(2026, 11, 27)).unwrap();
        assert!(!db.exists());
        assert_eq!(std::fs::read(&aside).unwrap(), b"garbage");
        assert!(aside.to_string_lossy().ends_with("x.sqlite.damaged-20261127-090000"));
    }
}
