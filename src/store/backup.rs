//! Backups with SQLite's online backup API (never a plain copy of a live file): written under a
//! temporary name, verified, renamed; kept in a `backups` folder beside the roadmap and rotated
//! (the last 7 daily, 4 weekly and 12 monthly ones).

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDateTime};

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

/// The folder where the backups of `db` are kept.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or_else(|| Path::new(".")).join("backups")
}

fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(|| "fahrplan".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// The regular backups of `db`, newest first (backups taken before migrations are listed too).
pub fn list_backups(db: &Path) -> Vec<BackupInfo> {
    let prefix = format!("{}-", stem(db));
    let Ok(entries) = std::fs::read_dir(backups_dir(db)) else { return Vec::new() };
    let mut backups: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let rest = name.strip_prefix(&prefix)?.strip_suffix(".sqlite")?;
            // `NAME-20261127-101500` or `NAME-before-v1-20261127-101500`.
            let stamp = rest.get(rest.len().checked_sub(15)?..)?;
            let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
            let measures = inspect(&path).ok().map(|r: FileReport| r.measures);
            Some(BackupInfo { path, taken, measures })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.taken));
    backups
}

/// Which backups rotation keeps: the newest of each of the last 7 days, 4 ISO weeks and 12
/// months (a backup can count for several); backups before migrations are always kept.
fn to_delete(backups: &[BackupInfo]) -> Vec<PathBuf> {
    use std::collections::BTreeSet;
    let regular: Vec<&BackupInfo> =
        backups.iter().filter(|b| !b.path.to_string_lossy().contains("-before-v")).collect();
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
        let target = match output {
            Some(path) => path.to_owned(),
            None => {
                let dir = backups_dir(&self.path);
                std::fs::create_dir_all(&dir)
                    .map_err(|e| StoreError::Io { path: dir.clone(), detail: e.to_string() })?;
                dir.join(format!("{}-{}.sqlite", stem(&self.path), now.format(STAMP)))
            }
        };
        backup_connection(&self.conn, &target)?;
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

/// Replaces the roadmap `db` with the verified backup `backup`. The current file is first kept
/// as a backup itself (or, if it cannot be opened, renamed to `NAME.damaged-STAMP`), so nothing
/// is lost. Returns where the previous file went.
pub fn restore(db: &Path, backup: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    inspect(backup)?;
    let kept = if db.exists() {
        match Store::open_read_only(db) {
            Ok(current) => {
                let name = format!("{}-before-restore-{}.sqlite", stem(db), now.format(STAMP));
                let dir = backups_dir(db);
                std::fs::create_dir_all(&dir)
                    .map_err(|e| StoreError::Io { path: dir.clone(), detail: e.to_string() })?;
                let target = dir.join(name);
                backup_connection(&current.conn, &target)?;
                target
            }
            Err(_) => set_aside_damaged(db, now)?,
        }
    } else {
        PathBuf::new()
    };
    // Copy through SQLite into a temporary file beside the roadmap, then rename over it.
    let source = Store::open_read_only(backup)?;
    let file_name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = db.with_file_name(format!(".{file_name}.restoring"));
    let _ = std::fs::remove_file(&temp);
    backup_connection(&source.conn, &temp)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(side);
    }
    std::fs::rename(&temp, db)
        .map_err(|e| StoreError::Io { path: db.to_owned(), detail: e.to_string() })?;
    Ok(kept)
}

/// Renames a damaged roadmap to `NAME.damaged-STAMP` beside it (never deleting it). Returns the
/// new path.
pub fn set_aside_damaged(db: &Path, now: NaiveDateTime) -> Result<PathBuf> {
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
        let mut store = Store::create(&db, Some(Lang::De)).unwrap();
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
    fn a_damaged_backup_is_not_restored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.sqlite");
        drop(Store::create(&db, Some(Lang::De)).unwrap());
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
        let store = Store::create(&db, Some(Lang::De)).unwrap();
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
        let store = Store::create(&db, Some(Lang::De)).unwrap();
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
