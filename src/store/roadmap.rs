//! The roadmap's reads and writes as every engine offers them: each a few lines that open the
//! engine's transaction (`read`, `write`, `write_batch`) and run the shared logic in it. The
//! macro writes them into an engine's `impl` block, so SQLite and PostgreSQL share one text.

/// The public roadmap methods of an engine type that has `read`, `write` and `write_batch`.
macro_rules! roadmap_methods {
    () => {
        /// One measure by code.
        pub fn measure(&self, code: &str) -> $crate::store::Result<Option<$crate::model::Measure>> {
            self.read(|db| $crate::store::queries::load_measure(db, code))
        }

        /// The history, oldest first: of one measure, or of the whole roadmap. A measure's history
        /// follows the measure through renames (each row shows the code it had then); for a code no
        /// measure has any more, the rows written under that code.
        pub fn history(
            &self,
            code: Option<&str>,
        ) -> $crate::store::Result<Vec<$crate::model::Change>> {
            self.read(|db| $crate::store::queries::history(db, code))
        }

        /// The roadmap and the time of its latest change, as one snapshot.
        pub fn town_snapshot(&self) -> $crate::store::Result<$crate::model::TownSnapshot> {
            self.read($crate::store::queries::town_snapshot)
        }

        /// Verifies the history's hash chain (see `chain.rs`).
        pub fn verify_history(&self) -> $crate::store::Result<$crate::store::ChainReport> {
            self.read(|db| $crate::store::chain::verify(db))
        }

        /// Verifies what came after a chain verified before (see `chain::verify_after`).
        pub fn verify_history_after(
            &self,
            known: &$crate::store::ChainReport,
        ) -> $crate::store::Result<$crate::store::ChainReport> {
            self.read(|db| $crate::store::chain::verify_after(db, known))
        }

        /// The history rows one write recorded, oldest first.
        pub fn batch_changes(
            &self,
            batch: i64,
        ) -> $crate::store::Result<Vec<$crate::model::Change>> {
            self.read(|db| $crate::store::queries::batch_changes(db, batch))
        }

        /// The batch that wrote the default roadmap into this file, if it was seeded.
        pub fn seed_batch(&self) -> $crate::store::Result<Option<i64>> {
            self.read($crate::store::queries::seed_batch)
        }

        /// Whether there is something to undo and something to redo.
        pub fn can_undo_redo(&self) -> $crate::store::Result<(bool, bool)> {
            self.read($crate::store::undo::can_undo_redo)
        }

        // --- Measures --------------------------------------------------------------------------------

        /// Changes one measure: `change` gets the current row and returns the wanted one. The
        /// change is validated, each changed field is recorded in the history with `comment`, and
        /// the version is bumped.
        ///
        /// With `expected_version`, the write is refused with [`crate::store::StoreError::Conflict`] if the
        /// measure was changed since that version was read (an edit based on an old snapshot).
        /// Returns the measure as stored.
        pub fn update_measure(
            &mut self,
            code: &str,
            expected_version: Option<i64>,
            comment: &str,
            change: impl FnOnce(&$crate::model::Measure) -> $crate::model::Measure,
        ) -> $crate::store::Result<$crate::model::Measure> {
            self.write(|tx, batch| {
                $crate::store::write::update_measure(
                    tx,
                    batch,
                    code,
                    expected_version,
                    comment,
                    change,
                )
            })
        }

        /// Sets the status of a measure (with the fields that follow from it, see
        /// [`Measure::with_status`]). `today` is the completion date when it becomes done.
        pub fn set_status(
            &mut self,
            code: &str,
            status: $crate::model::Status,
            comment: &str,
            today: chrono::NaiveDate,
            expected_version: Option<i64>,
        ) -> $crate::store::Result<$crate::model::Measure> {
            self.update_measure(code, expected_version, comment, |m| m.with_status(status, today))
        }

        /// Sets the progress of a measure (0–100).
        pub fn set_progress(
            &mut self,
            code: &str,
            progress: u8,
            comment: &str,
            expected_version: Option<i64>,
        ) -> $crate::store::Result<$crate::model::Measure> {
            self.update_measure(code, expected_version, comment, |m| $crate::model::Measure {
                progress,
                ..m.clone()
            })
        }

        /// Books an expense on a measure.
        pub fn add_expense(
            &mut self,
            code: &str,
            date: chrono::NaiveDate,
            amount: $crate::model::Money,
            note: &str,
        ) -> $crate::store::Result<$crate::model::Expense> {
            // Refused before a write is begun (so also on a roadmap open read-only).
            $crate::store::records::check_expense_amount(amount)?;
            self.write(|tx, batch| {
                $crate::store::records::add_expense(tx, batch, code, date, amount, note)
            })
        }

        /// Records a re-evaluation and moves the measure's next re-evaluation: to `next` if given,
        /// else as [`crate::model::next_reevaluation`] computes it from the verdict and the interval
        /// (12 months if the measure has none). Returns the measure as stored.
        pub fn add_reevaluation(
            &mut self,
            code: &str,
            date: chrono::NaiveDate,
            verdict: $crate::model::Verdict,
            note: &str,
            by: &str,
            next: Option<chrono::NaiveDate>,
        ) -> $crate::store::Result<($crate::model::Reevaluation, $crate::model::Measure)> {
            self.write(|tx, batch| {
                $crate::store::records::add_reevaluation(
                    tx, batch, code, date, verdict, note, by, next,
                )
            })
        }

        /// Confirms the latest re-evaluation of `code` as `who` on `date` (four eyes: refused for
        /// the person who recorded it, and when it is confirmed already).
        pub fn confirm_reevaluation(
            &mut self,
            code: &str,
            (date, who, seen): (chrono::NaiveDate, &str, Option<i64>),
            note: &str,
        ) -> $crate::store::Result<()> {
            self.write(|tx, batch| {
                $crate::store::records::confirm_reevaluation(
                    tx,
                    batch,
                    code,
                    (date, who, seen),
                    note,
                )
            })
        }

        /// Adds evidence (a file kept in the roadmap, or a link) to measure `code`.
        pub fn add_evidence(
            &mut self,
            code: &str,
            new: &$crate::model::NewEvidence,
        ) -> $crate::store::Result<$crate::model::Evidence> {
            // A file over the limit is refused before a write is begun.
            if let $crate::model::EvidenceSource::File { bytes, .. } = &new.source {
                let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
                if size > $crate::model::MAX_EVIDENCE_BYTES {
                    return Err($crate::store::StoreError::EvidenceTooLarge { size });
                }
            }
            self.write(|tx, batch| $crate::store::evidence::add_evidence(tx, batch, code, new))
        }

        /// Removes evidence `id` of measure `code` (undo brings it back).
        pub fn remove_evidence(&mut self, code: &str, id: i64) -> $crate::store::Result<()> {
            self.write(|tx, batch| $crate::store::evidence::remove_evidence(tx, batch, code, id))
        }

        /// Erases evidence `id` of measure `code` for good, with `reason` (see
        /// `evidence::purge_evidence`); returns it as it was and whether its bytes were erased.
        pub fn purge_evidence(
            &mut self,
            code: &str,
            id: i64,
            reason: &str,
        ) -> $crate::store::Result<($crate::model::Evidence, bool)> {
            let purged = self.write(|tx, batch| {
                $crate::store::evidence::purge_evidence(tx, batch, code, id, reason)
            })?;
            self.after_purge();
            Ok(purged)
        }

        /// The bytes of file evidence `id` of measure `code`, as they were added.
        pub fn evidence_bytes(&self, code: &str, id: i64) -> $crate::store::Result<Vec<u8>> {
            self.read_files(|db| $crate::store::evidence::evidence_bytes(db, code, id))
        }

        /// The checksums of the files the roadmap's evidence names (for a copy).
        pub fn evidence_checksums(&self) -> $crate::store::Result<Vec<String>> {
            self.read($crate::store::evidence::file_checksums)
        }

        /// The bytes kept under a checksum (for a copy).
        pub fn evidence_file(&self, sha256: &str) -> $crate::store::Result<Option<Vec<u8>>> {
            self.read_files(|db| $crate::store::evidence::file_bytes(db, sha256))
        }

        /// Keeps bytes under their checksum without recording anything (a copy brings the files
        /// before the evidence that names them); returns the checksum.
        pub fn put_evidence_file(&mut self, bytes: &[u8]) -> $crate::store::Result<String> {
            self.write(|tx, _| $crate::store::evidence::put_file(tx, bytes))
        }

        /// Adds a new measure.
        pub fn add_measure(
            &mut self,
            measure: &$crate::model::Measure,
            comment: &str,
        ) -> $crate::store::Result<$crate::model::Measure> {
            self.write(|tx, batch| {
                $crate::store::records::create_measure(tx, batch, measure, comment)
            })
        }

        /// Deletes a measure; refused while other measures depend on it or it has expenses or
        /// re-evaluations (archive it instead).
        pub fn delete_measure(&mut self, code: &str, comment: &str) -> $crate::store::Result<()> {
            self.write(|tx, batch| $crate::store::records::remove_measure(tx, batch, code, comment))
        }

        // --- Owners and meetings ---------------------------------------------------------------------

        /// Adds an owner.
        pub fn add_owner(
            &mut self,
            name: &str,
            kind: $crate::model::OwnerKind,
            contact: Option<&str>,
        ) -> $crate::store::Result<$crate::model::Owner> {
            self.write(|tx, batch| {
                $crate::store::records::add_owner(tx, batch, name, kind, contact)
            })
        }

        /// Renames an owner; the name must be unique.
        pub fn rename_owner(&mut self, id: i64, name: &str) -> $crate::store::Result<()> {
            self.write(|tx, batch| $crate::store::records::rename_owner_in_tx(tx, batch, id, name))
        }

        /// Deletes an owner no measure refers to.
        pub fn delete_owner(&mut self, id: i64) -> $crate::store::Result<()> {
            self.write(|tx, batch| $crate::store::records::remove_owner(tx, batch, id))
        }

        /// Moves every measure of owner `from` to owner `into` and deletes `from`, in one change.
        pub fn merge_owners(&mut self, from: i64, into: i64) -> $crate::store::Result<()> {
            // Merging an owner into itself changes nothing: no write is begun.
            if from == into {
                return Ok(());
            }
            self.write(|tx, batch| $crate::store::records::merge_owners(tx, batch, from, into))
        }

        /// Records a council meeting.
        pub fn add_meeting(
            &mut self,
            date: chrono::NaiveDate,
            title: &str,
        ) -> $crate::store::Result<$crate::model::Meeting> {
            self.write(|tx, batch| $crate::store::records::add_meeting(tx, batch, date, title))
        }

        /// Freezes the current plan as a baseline (Beschlussstand) `title` of `date`.
        pub fn add_baseline(
            &mut self,
            title: &str,
            date: chrono::NaiveDate,
        ) -> $crate::store::Result<$crate::model::Baseline> {
            self.write(|tx, batch| $crate::store::records::add_baseline(tx, batch, title, date))
        }

        /// Changes the assessment (a catalogue, a round, a result, a link), recorded.
        pub fn assess(
            &mut self,
            change: &$crate::model::AssessChange,
        ) -> $crate::store::Result<()> {
            self.write(|tx, batch| $crate::store::assess::apply(tx, batch, change))
        }

        // --- The whole roadmap, undo and redo --------------------------------------------------------

        /// Writes `roadmap` and `history` (a checked import) into this file in one transaction.
        /// Without `replace` a roadmap that has measures is refused; with it, everything is
        /// replaced. The import itself cannot be undone (the file's backups can restore it).
        pub fn replace_all(
            &mut self,
            roadmap: &$crate::model::Roadmap,
            history: &[$crate::model::Change],
            replace: bool,
            origin: Option<&$crate::store::Origin>,
        ) -> $crate::store::Result<()> {
            self.write(|tx, batch| {
                $crate::store::seed::replace_all(tx, batch, roadmap, history, replace, origin)
            })
        }

        /// Undoes the latest change that is not undone yet. Returns the history rows it wrote, or
        /// [`crate::store::StoreError::NothingToRevert`].
        pub fn undo(&mut self, comment: &str) -> $crate::store::Result<Vec<$crate::model::Change>> {
            self.revert($crate::store::write::BatchKind::Undo, comment)
        }

        /// Redoes the latest undo, if nothing was changed since. Returns the history rows it wrote,
        /// or [`crate::store::StoreError::NothingToRevert`].
        pub fn redo(&mut self, comment: &str) -> $crate::store::Result<Vec<$crate::model::Change>> {
            self.revert($crate::store::write::BatchKind::Redo, comment)
        }

        fn revert(
            &mut self,
            kind: $crate::store::write::BatchKind,
            comment: &str,
        ) -> $crate::store::Result<Vec<$crate::model::Change>> {
            let batch_id = self.write_batch(kind, |tx, batch| {
                $crate::store::undo::revert(tx, batch, kind, comment)
            })?;
            // The rows of that one batch, by its index (not the whole history).
            self.batch_changes(batch_id)
        }
    };
}
pub(crate) use roadmap_methods;
