//! The one interface through which the app uses storage: reads give the model's types, every
//! write is one transaction with its history, and a shared roadmap can be looked at again. SQLite
//! ([`Store`]) is the engine today; a server engine implements the same trait, and the store's
//! test-suite (`tests/contract.rs`) runs against the trait.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::{ReadOnlyReason, Result, Store, Watch};
use crate::model::{
    Change, Evidence, Expense, Measure, Meeting, Money, NewEvidence, Owner, OwnerKind,
    Reevaluation, Roadmap, Status, Verdict,
};

/// What looking again at a shared roadmap found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looked {
    /// Nothing new (or nothing to look at: a roadmap open for writing on one desk).
    Nothing,
    /// The edit lock was free and is now held: the roadmap is open for writing.
    NowEditing,
    /// A read-only copy was taken again because someone wrote.
    Reloaded,
}

/// A roadmap's storage engine.
pub trait Storage: Send + std::fmt::Debug {
    // --- Where, who, how open ------------------------------------------------------------------

    /// The roadmap's file (`:memory:` for a roadmap in memory).
    fn path(&self) -> &Path;
    /// Why the roadmap is open read-only, if it is.
    fn read_only_reason(&self) -> Option<&ReadOnlyReason>;
    /// Whether the roadmap is open read-only.
    fn is_read_only(&self) -> bool {
        self.read_only_reason().is_some()
    }
    /// Whether the roadmap is shared over a network drive (one editor at a time).
    fn is_network(&self) -> bool;
    /// Whether a reader shows the last saved state of a file whose last write was interrupted.
    fn shows_last_saved_state(&self) -> bool {
        false
    }
    /// Whether this user may replace the whole roadmap (an import, a restore): whoever may
    /// write a file; on a server the roadmap's administrators only.
    fn may_replace(&self) -> Result<bool> {
        Ok(!self.is_read_only())
    }
    /// Who is recorded in the history.
    fn who(&self) -> &str;
    /// Records `who` as the author of the following changes.
    fn set_who(&mut self, who: String);
    /// A number that changes whenever anyone commits a change.
    fn data_version(&self) -> Result<i64>;
    /// For a shared roadmap: takes the edit lock once it is free, and takes a read-only copy
    /// again once someone wrote. Cheap when there is nothing to do.
    fn look_again(&mut self) -> Result<Looked>;
    /// Calls `on_change` from a background thread whenever anyone writes; `None` where nothing
    /// can be watched (a roadmap in memory).
    fn watch(&self, on_change: Box<dyn Fn() + Send>) -> Option<Watch>;

    // --- Reading -------------------------------------------------------------------------------

    /// The whole roadmap, as the views draw it.
    fn load_roadmap(&self) -> Result<Roadmap>;
    /// The roadmap and the time of its latest change, as one snapshot (the overview of many).
    fn town_snapshot(&self) -> Result<crate::model::TownSnapshot>;
    /// One measure by code.
    fn measure(&self, code: &str) -> Result<Option<Measure>>;
    /// The history (of one measure, following it through renames), oldest first.
    fn history(&self, code: Option<&str>) -> Result<Vec<Change>>;
    /// Verifies the history's hash chain: which row first does not fit, if any.
    fn verify_history(&self) -> Result<super::ChainReport>;
    /// Verifies what came after a chain verified before.
    fn verify_history_after(&self, known: &super::ChainReport) -> Result<super::ChainReport>;
    /// The changes of one batch.
    fn batch_changes(&self, batch: i64) -> Result<Vec<Change>>;
    /// The batch that seeded the default roadmap, if any.
    fn seed_batch(&self) -> Result<Option<i64>>;
    /// Whether undo and redo have something to do.
    fn can_undo_redo(&self) -> Result<(bool, bool)>;

    // --- Writing (each one transaction, recorded in the history) -------------------------------

    /// Changes one measure: `change` gets the current one and returns the wanted one; refused
    /// with a conflict if the measure changed since `expected_version`.
    fn update_measure(
        &mut self,
        code: &str,
        expected_version: Option<i64>,
        comment: &str,
        change: &dyn Fn(&Measure) -> Measure,
    ) -> Result<Measure>;
    /// Sets a measure's status (done today: completed today).
    fn set_status(
        &mut self,
        code: &str,
        status: Status,
        comment: &str,
        today: NaiveDate,
        expected_version: Option<i64>,
    ) -> Result<Measure>;
    /// Sets a measure's progress.
    fn set_progress(
        &mut self,
        code: &str,
        progress: u8,
        comment: &str,
        expected_version: Option<i64>,
    ) -> Result<Measure>;
    /// Books an expense (negative: a refund).
    fn add_expense(
        &mut self,
        code: &str,
        date: NaiveDate,
        amount: Money,
        note: &str,
    ) -> Result<Expense>;
    /// Records a re-evaluation and sets the next date.
    #[allow(clippy::too_many_arguments)]
    fn add_reevaluation(
        &mut self,
        code: &str,
        date: NaiveDate,
        verdict: Verdict,
        note: &str,
        by: &str,
        next: Option<NaiveDate>,
    ) -> Result<(Reevaluation, Measure)>;
    /// Confirms the latest re-evaluation (four eyes) as `who` on the date; with the id of the
    /// verdict seen, a newer one recorded meanwhile is a conflict.
    fn confirm_reevaluation(
        &mut self,
        code: &str,
        confirmation: (NaiveDate, &str, Option<i64>),
        note: &str,
    ) -> Result<()>;
    /// Adds evidence (a file kept in the roadmap, at most 25 MB, or a link) to a measure.
    fn add_evidence(&mut self, code: &str, new: &NewEvidence) -> Result<Evidence>;
    /// Removes evidence of a measure (undo brings it back).
    fn remove_evidence(&mut self, code: &str, id: i64) -> Result<()>;
    /// Erases evidence of a measure for good (no undo), recording why; returns it as it was and
    /// whether its bytes were erased (not when other evidence names the same file).
    fn purge_evidence(&mut self, code: &str, id: i64, reason: &str) -> Result<(Evidence, bool)>;
    /// The bytes of a measure's file evidence.
    fn evidence_bytes(&self, code: &str, id: i64) -> Result<Vec<u8>>;
    /// Adds a measure.
    fn add_measure(&mut self, measure: &Measure, comment: &str) -> Result<Measure>;
    /// Removes a measure that nothing depends on and that has no records.
    fn delete_measure(&mut self, code: &str, comment: &str) -> Result<()>;
    /// Adds an owner.
    fn add_owner(&mut self, name: &str, kind: OwnerKind, contact: Option<&str>) -> Result<Owner>;
    /// Renames an owner.
    fn rename_owner(&mut self, id: i64, name: &str) -> Result<()>;
    /// Removes an owner that no measure names.
    fn delete_owner(&mut self, id: i64) -> Result<()>;
    /// Moves everything of owner `from` to `into` and removes `from`.
    fn merge_owners(&mut self, from: i64, into: i64) -> Result<()>;
    /// Records a council meeting.
    fn add_meeting(&mut self, date: NaiveDate, title: &str) -> Result<Meeting>;
    /// Freezes the current plan as a baseline.
    fn add_baseline(&mut self, title: &str, date: NaiveDate) -> Result<crate::model::Baseline>;
    /// Changes the assessment: a catalogue, a round, a result, a link.
    fn assess(&mut self, change: &crate::model::AssessChange) -> Result<()>;
    /// Writes a checked import (replacing a roadmap that has measures only with `replace`);
    /// with the file's `origin`, what it brings is marked as imported and the replacement
    /// recorded (see `seed::replace_all`); without, a copy keeps its marks.
    fn replace_all(
        &mut self,
        roadmap: &Roadmap,
        history: &[Change],
        replace: bool,
        origin: Option<&super::Origin>,
    ) -> Result<()>;
    /// Reverts the latest batch not yet undone; returns its changes.
    fn undo(&mut self, comment: &str) -> Result<Vec<Change>>;
    /// Applies the latest undone batch again; returns its changes.
    fn redo(&mut self, comment: &str) -> Result<Vec<Change>>;

    // --- Copies ---------------------------------------------------------------------------------

    /// Writes a verified copy into the backups folder (or to `output`); returns its path.
    fn backup_now(&self, now: NaiveDateTime, output: Option<&Path>) -> Result<PathBuf>;
    /// Takes a backup if the newest is older than a day; returns its path if it took one.
    fn daily_backup(&self, now: NaiveDateTime) -> Result<Option<PathBuf>>;
    /// Writes a verified copy to `target` (a new file).
    fn backup_to(&self, target: &Path) -> Result<()>;
    /// Replaces the roadmap with a backup's (the current one is kept as a backup first);
    /// returns the path of the kept copy.
    fn restore_from(&mut self, backup: &Path, now: NaiveDateTime) -> Result<PathBuf>;
}

/// The roadmap half of a [`Storage`] implementation: each method calls the engine's inherent
/// method of the same name (written once for all engines by `roadmap::roadmap_methods!`).
macro_rules! delegate_roadmap {
    () => {
        fn load_roadmap(&self) -> $crate::store::Result<$crate::model::Roadmap> {
            Self::load_roadmap(self)
        }
        fn measure(&self, code: &str) -> $crate::store::Result<Option<$crate::model::Measure>> {
            Self::measure(self, code)
        }
        fn town_snapshot(&self) -> $crate::store::Result<$crate::model::TownSnapshot> {
            Self::town_snapshot(self)
        }
        fn history(&self, code: Option<&str>) -> $crate::store::Result<Vec<$crate::model::Change>> {
            Self::history(self, code)
        }
        fn verify_history(&self) -> $crate::store::Result<$crate::store::ChainReport> {
            Self::verify_history(self)
        }
        fn verify_history_after(
            &self,
            known: &$crate::store::ChainReport,
        ) -> $crate::store::Result<$crate::store::ChainReport> {
            Self::verify_history_after(self, known)
        }
        fn batch_changes(&self, batch: i64) -> $crate::store::Result<Vec<$crate::model::Change>> {
            Self::batch_changes(self, batch)
        }
        fn seed_batch(&self) -> $crate::store::Result<Option<i64>> {
            Self::seed_batch(self)
        }
        fn can_undo_redo(&self) -> $crate::store::Result<(bool, bool)> {
            Self::can_undo_redo(self)
        }
        fn update_measure(
            &mut self,
            code: &str,
            expected_version: Option<i64>,
            comment: &str,
            change: &dyn Fn(&$crate::model::Measure) -> $crate::model::Measure,
        ) -> $crate::store::Result<$crate::model::Measure> {
            Self::update_measure(self, code, expected_version, comment, change)
        }
        fn set_status(
            &mut self,
            code: &str,
            status: $crate::model::Status,
            comment: &str,
            today: chrono::NaiveDate,
            expected_version: Option<i64>,
        ) -> $crate::store::Result<$crate::model::Measure> {
            Self::set_status(self, code, status, comment, today, expected_version)
        }
        fn set_progress(
            &mut self,
            code: &str,
            progress: u8,
            comment: &str,
            expected_version: Option<i64>,
        ) -> $crate::store::Result<$crate::model::Measure> {
            Self::set_progress(self, code, progress, comment, expected_version)
        }
        fn add_expense(
            &mut self,
            code: &str,
            date: chrono::NaiveDate,
            amount: $crate::model::Money,
            note: &str,
        ) -> $crate::store::Result<$crate::model::Expense> {
            Self::add_expense(self, code, date, amount, note)
        }
        fn add_reevaluation(
            &mut self,
            code: &str,
            date: chrono::NaiveDate,
            verdict: $crate::model::Verdict,
            note: &str,
            by: &str,
            next: Option<chrono::NaiveDate>,
        ) -> $crate::store::Result<($crate::model::Reevaluation, $crate::model::Measure)> {
            Self::add_reevaluation(self, code, date, verdict, note, by, next)
        }
        fn confirm_reevaluation(
            &mut self,
            code: &str,
            confirmation: (chrono::NaiveDate, &str, Option<i64>),
            note: &str,
        ) -> $crate::store::Result<()> {
            Self::confirm_reevaluation(self, code, confirmation, note)
        }
        fn add_evidence(
            &mut self,
            code: &str,
            new: &$crate::model::NewEvidence,
        ) -> $crate::store::Result<$crate::model::Evidence> {
            Self::add_evidence(self, code, new)
        }
        fn remove_evidence(&mut self, code: &str, id: i64) -> $crate::store::Result<()> {
            Self::remove_evidence(self, code, id)
        }
        fn purge_evidence(
            &mut self,
            code: &str,
            id: i64,
            reason: &str,
        ) -> $crate::store::Result<($crate::model::Evidence, bool)> {
            Self::purge_evidence(self, code, id, reason)
        }
        fn evidence_bytes(&self, code: &str, id: i64) -> $crate::store::Result<Vec<u8>> {
            Self::evidence_bytes(self, code, id)
        }
        fn add_measure(
            &mut self,
            measure: &$crate::model::Measure,
            comment: &str,
        ) -> $crate::store::Result<$crate::model::Measure> {
            Self::add_measure(self, measure, comment)
        }
        fn delete_measure(&mut self, code: &str, comment: &str) -> $crate::store::Result<()> {
            Self::delete_measure(self, code, comment)
        }
        fn add_owner(
            &mut self,
            name: &str,
            kind: $crate::model::OwnerKind,
            contact: Option<&str>,
        ) -> $crate::store::Result<$crate::model::Owner> {
            Self::add_owner(self, name, kind, contact)
        }
        fn rename_owner(&mut self, id: i64, name: &str) -> $crate::store::Result<()> {
            Self::rename_owner(self, id, name)
        }
        fn delete_owner(&mut self, id: i64) -> $crate::store::Result<()> {
            Self::delete_owner(self, id)
        }
        fn merge_owners(&mut self, from: i64, into: i64) -> $crate::store::Result<()> {
            Self::merge_owners(self, from, into)
        }
        fn add_meeting(
            &mut self,
            date: chrono::NaiveDate,
            title: &str,
        ) -> $crate::store::Result<$crate::model::Meeting> {
            Self::add_meeting(self, date, title)
        }
        fn add_baseline(
            &mut self,
            title: &str,
            date: chrono::NaiveDate,
        ) -> $crate::store::Result<$crate::model::Baseline> {
            Self::add_baseline(self, title, date)
        }
        fn assess(&mut self, change: &$crate::model::AssessChange) -> $crate::store::Result<()> {
            Self::assess(self, change)
        }
        fn replace_all(
            &mut self,
            roadmap: &$crate::model::Roadmap,
            history: &[$crate::model::Change],
            replace: bool,
            origin: Option<&$crate::store::Origin>,
        ) -> $crate::store::Result<()> {
            Self::replace_all(self, roadmap, history, replace, origin)
        }
        fn undo(&mut self, comment: &str) -> $crate::store::Result<Vec<$crate::model::Change>> {
            Self::undo(self, comment)
        }
        fn redo(&mut self, comment: &str) -> $crate::store::Result<Vec<$crate::model::Change>> {
            Self::redo(self, comment)
        }
    };
}
pub(super) use delegate_roadmap;

impl From<Store> for Box<dyn Storage> {
    fn from(store: Store) -> Self {
        Box::new(store)
    }
}

impl Storage for Store {
    fn path(&self) -> &Path {
        Self::path(self)
    }
    fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        Self::read_only_reason(self)
    }
    fn is_network(&self) -> bool {
        Self::is_network(self)
    }
    fn shows_last_saved_state(&self) -> bool {
        Self::shows_last_saved_state(self)
    }
    fn who(&self) -> &str {
        Self::who(self)
    }
    fn set_who(&mut self, who: String) {
        Self::set_who(self, who);
    }
    fn data_version(&self) -> Result<i64> {
        Self::data_version(self)
    }
    fn look_again(&mut self) -> Result<Looked> {
        Self::look_again(self)
    }
    fn watch(&self, on_change: Box<dyn Fn() + Send>) -> Option<Watch> {
        (self.path() != Path::new(":memory:")).then(|| super::watch(self.path(), on_change))?
    }
    delegate_roadmap!();
    fn backup_now(&self, now: NaiveDateTime, output: Option<&Path>) -> Result<PathBuf> {
        Self::backup_now(self, now, output)
    }
    fn daily_backup(&self, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        Self::daily_backup(self, now)
    }
    fn backup_to(&self, target: &Path) -> Result<()> {
        Self::backup_to(self, target)
    }
    fn restore_from(&mut self, backup: &Path, now: NaiveDateTime) -> Result<PathBuf> {
        Self::restore_from(self, backup, now)
    }
}

impl Store {
    /// See [`Storage::look_again`]: a window waiting for the edit lock takes it once it is free
    /// (this store then becomes the writer); a read-only copy is taken again when the file
    /// changed since it was taken.
    pub fn look_again(&mut self) -> Result<Looked> {
        let waiting = matches!(self.read_only, Some(ReadOnlyReason::LockedBy(_)));
        if !waiting && !self.snapshot {
            return Ok(Looked::Nothing);
        }
        // Cheap first: is the lock still held (and by whom)? Only a free lock is taken.
        if waiting && self.look_at_lock() {
            let options = super::OpenOptions {
                read_only: false,
                network: Some(self.network),
                user: Some(self.who.clone()),
            };
            let mut fresh = Self::open_with(&self.path, &options)?;
            // Taken by someone else meanwhile: stay as we are (naming them).
            if !fresh.is_read_only() {
                fresh.who.clone_from(&self.who);
                std::mem::swap(&mut fresh.clock, &mut self.clock);
                *self = fresh;
                return Ok(Looked::NowEditing);
            }
        }
        // What the editor saved since the last look.
        let stamp = super::file_stamp(&self.path);
        if stamp == self.seen_stamp {
            return Ok(Looked::Nothing);
        }
        self.seen_stamp = stamp;
        self.reopen_snapshot()?;
        Ok(Looked::Reloaded)
    }
}
