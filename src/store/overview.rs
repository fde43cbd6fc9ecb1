//! Reading many roadmaps for one overview: every roadmap file of a folder (read-only, as any
//! viewer reads), or every roadmap on a server the login may see (`pg::overview`).
//!
//! A server answers all of its roadmaps in one round trip: the statements that read one roadmap
//! ([`queries::town_snapshot`], the same reads that open a roadmap) are recorded once, sent as one
//! statement per roadmap that returns their rows as JSON, and the rows are played back into the
//! same reading code. So every figure of the overview comes from the code that shows the town's own
//! roadmap, and cannot drift from it.

use std::path::{Path, PathBuf};

use super::sql::{Row, Sql, Value};
use super::{Result, Store, StoreError, queries};
use crate::model::TownSnapshot;

/// The statements one roadmap's snapshot may run (recorded once; none has parameters).
pub(super) fn snapshot_statements() -> Result<&'static [String]> {
    static STATEMENTS: std::sync::OnceLock<std::result::Result<Vec<String>, String>> =
        std::sync::OnceLock::new();
    STATEMENTS
        .get_or_init(|| {
            let mut recorder = Recorder(Vec::new());
            queries::town_snapshot(&mut recorder).map_err(|e| e.to_string())?;
            // Asked only when a verdict is confirmed, which no recorded read has: fetched always.
            if !recorder.0.iter().any(|sql| sql == queries::CONFIRMATIONS) {
                recorder.0.push(queries::CONFIRMATIONS.to_owned());
            }
            Ok(recorder.0)
        })
        .as_deref()
        .map_err(|e| StoreError::Encoding(e.clone()))
}

/// Records what a read asks; answers with no rows (an aggregate: one row of `NULL`s).
struct Recorder(Vec<String>);

impl Sql for Recorder {
    fn execute(&mut self, sql: &str, _params: &[Value]) -> Result<usize> {
        Err(StoreError::Encoding(format!("a read of the overview writes: {sql}")))
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        if !params.is_empty() {
            return Err(StoreError::Encoding(format!("a read of the overview has values: {sql}")));
        }
        self.0.push(sql.to_owned());
        Ok(Vec::new())
    }

    fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row> {
        self.query(sql, params)?;
        Ok(Row(vec![Value::Null; 8]))
    }
}

/// Plays rows fetched beforehand back to the reading code: each statement it asks is answered
/// with the rows fetched for it; one that was not fetched is an error, never an empty answer.
pub(super) struct Replay {
    answers: std::collections::HashMap<&'static str, Vec<Row>>,
    /// Whether the engine the rows came from chains history itself (a server: the history's
    /// `who` is the authenticated login, see `queries::confirmations_given`).
    chains: bool,
}

impl Replay {
    /// The rows of statements of [`snapshot_statements`], from an engine that chains its
    /// history itself (`chains`) or not.
    pub(super) fn new(answers: Vec<(&'static str, Vec<Row>)>, chains: bool) -> Self {
        Self { answers: answers.into_iter().collect(), chains }
    }

    /// The snapshot read from the rows.
    pub(super) fn snapshot(mut self) -> Result<TownSnapshot> {
        queries::town_snapshot(&mut self)
    }
}

impl Sql for Replay {
    fn chains_history(&self) -> bool {
        self.chains
    }

    fn execute(&mut self, sql: &str, _params: &[Value]) -> Result<usize> {
        Err(StoreError::Encoding(format!("a read of the overview writes: {sql}")))
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        match self.answers.get(sql) {
            Some(rows) if params.is_empty() => Ok(rows.clone()),
            _ => Err(StoreError::Encoding(format!("the overview did not fetch: {sql}"))),
        }
    }
}

/// A roadmap file of a folder as the overview read it.
#[derive(Debug)]
pub struct FileTown {
    /// The file.
    pub path: PathBuf,
    /// Whether this user may write it (the role the overview shows).
    pub may_write: bool,
    /// What it holds, or why it could not be read.
    pub snapshot: Result<TownSnapshot>,
}

/// Whether `path` is a file whose header says it is Fahrplan's (SQLite, application id `FPLN`).
fn is_roadmap_file(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0_u8; 72];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok()
        && header.starts_with(b"SQLite format 3\0")
        && header[68..72] == super::APPLICATION_ID.to_be_bytes()
}

/// The roadmap files directly in `dir` (by their header: other files, side files and subfolders
/// such as `backups` are passed over; hidden files are nobody's roadmap), by name.
fn roadmap_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .filter(|p| p.is_file() && is_roadmap_file(p))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Every roadmap file directly in `dir` (see `roadmap_files`), each read only to read: nothing
/// is written, no file is created, no lock is taken.
pub fn folder(dir: &Path) -> Result<Vec<FileTown>> {
    let io = |e: std::io::Error| StoreError::Io { path: dir.to_owned(), detail: e.to_string() };
    Ok(roadmap_files(dir)
        .map_err(io)?
        .into_iter()
        .map(|path| {
            let snapshot = Store::open_read_only(&path).and_then(|store| store.town_snapshot());
            FileTown { may_write: Store::may_write(&path), snapshot, path }
        })
        .collect())
}

/// What changes when a roadmap file of `dir` is written, added or removed: the names and stamps
/// of its roadmap files.
pub fn folder_stamp(dir: &Path) -> Vec<(PathBuf, super::FileStamp)> {
    roadmap_files(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let stamp = super::file_stamp(&p);
            (p, stamp)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorded_reads_played_back_give_the_roadmap_as_read_directly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sqlite");
        let seed = crate::app::default_seed(crate::i18n::Lang::De).unwrap();
        let mut store = Store::create(&path, Some(&seed)).unwrap();
        // A verdict recorded by one and confirmed by another: read only where one is confirmed.
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        store.set_who("anna");
        let verdict = crate::model::Verdict::Effective;
        store.add_reevaluation("M07", day, verdict, "", "anna", None).unwrap();
        store.set_who("carla");
        store.confirm_reevaluation("M07", (day, "carla", None), "").unwrap();
        let direct = store.town_snapshot().unwrap();
        assert!(!direct.roadmap.measures.is_empty() && direct.last_change.is_some());
        assert!(direct.roadmap.reevaluations.iter().any(|r| r.is_confirmed() && !r.imported));
        // Each statement answered by SQLite itself, then played back.
        let answers = snapshot_statements()
            .unwrap()
            .iter()
            .map(|sql| (sql.as_str(), store.read(|db| db.query(sql, &[])).unwrap()))
            .collect();
        assert_eq!(Replay::new(answers, false).snapshot().unwrap(), direct);
        // One statement missing: said, never a roadmap with a part left out.
        let short: Vec<_> = snapshot_statements()
            .unwrap()
            .iter()
            .skip(1)
            .map(|sql| (sql.as_str(), Vec::new()))
            .collect();
        assert!(matches!(Replay::new(short, false).snapshot(), Err(StoreError::Encoding(_))));
    }
}
