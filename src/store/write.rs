//! Writes: every one a single `BEGIN IMMEDIATE` transaction that changes the rows and appends
//! the history rows together.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Transaction, TransactionBehavior, params};

use super::queries::{AT_FORMAT, load_measure, load_measures, load_owners};
use super::{Result, Store, StoreError};
use crate::model::{Measure, Roadmap, Status, diff_measures, validate_measure};

/// What a batch of changes is, for undo and redo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BatchKind {
    /// The default roadmap written into a new file (not undoable).
    Seed,
    /// A change by the user.
    Edit,
    /// An undo (reverts an edit or a redo).
    Undo,
    /// A redo (reverts an undo).
    Redo,
}

impl BatchKind {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Seed => "seed",
            Self::Edit => "edit",
            Self::Undo => "undo",
            Self::Redo => "redo",
        }
    }
}

/// The history writer of one write transaction: all its rows share a batch number, time and
/// author.
pub(super) struct Batch {
    pub(super) id: i64,
    at: String,
    who: String,
}

impl Batch {
    /// The day of this write (by the store's clock).
    pub(super) fn date(&self) -> chrono::NaiveDate {
        NaiveDateTime::parse_from_str(&self.at, AT_FORMAT)
            .map_or_else(|_| chrono::Local::now().date_naive(), |at| at.date())
    }

    /// Appends one history row.
    pub(super) fn record(
        &self,
        tx: &Transaction<'_>,
        code: Option<&str>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        comment: &str,
    ) -> rusqlite::Result<()> {
        self.record_data(tx, code, field, old, new, comment, None)
    }

    /// Appends one history row with the data needed to restore a removed record.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record_data(
        &self,
        tx: &Transaction<'_>,
        code: Option<&str>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        comment: &str,
        data: Option<&str>,
    ) -> rusqlite::Result<()> {
        // The row follows the measure: the one that has the code now (after a rename: the new
        // code), else the one that had it last (a measure just removed).
        tx.prepare_cached(
            "INSERT INTO history (batch, at, who, code, field, old, new, comment, data, measure_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE( \
                 (SELECT id FROM measure WHERE code = CASE WHEN ?5 = 'code' THEN ?7 ELSE ?4 END), \
                 (SELECT measure_id FROM history WHERE code = ?4 AND measure_id IS NOT NULL \
                  ORDER BY id DESC LIMIT 1)))",
        )?
        .execute(params![self.id, self.at, self.who, code, field, old, new, comment, data])?;
        Ok(())
    }
}

impl Store {
    /// Runs `f` in one `BEGIN IMMEDIATE` transaction as an edit batch.
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>, &Batch) -> Result<T>,
    ) -> Result<T> {
        self.write_batch(BatchKind::Edit, f)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction with a fresh batch of `kind`; commits if it
    /// succeeds, rolls back otherwise. A batch that recorded nothing is not kept.
    pub(super) fn write_batch<T>(
        &mut self,
        kind: BatchKind,
        f: impl FnOnce(&Transaction<'_>, &Batch) -> Result<T>,
    ) -> Result<T> {
        match &self.read_only {
            None => {}
            Some(super::ReadOnlyReason::LockedBy(holder)) => {
                return Err(StoreError::Locked(holder.clone()));
            }
            Some(_) => return Err(StoreError::ReadOnly),
        }
        self.prepare_write()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("INSERT INTO batch (kind) VALUES (?1)", [kind.as_str()])?;
        let id = tx.last_insert_rowid();
        let batch =
            Batch { id, at: (self.clock)().format(AT_FORMAT).to_string(), who: self.who.clone() };
        let value = f(&tx, &batch)?;
        let rows: i64 =
            tx.query_row("SELECT count(*) FROM history WHERE batch = ?1", [id], |r| r.get(0))?;
        if rows == 0 {
            tx.execute("DELETE FROM batch WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(value)
    }

    /// Changes one measure: `change` gets the current row and returns the wanted one. The
    /// change is validated, each changed field is recorded in the history with `comment`, and
    /// the version is bumped.
    ///
    /// With `expected_version`, the write is refused with [`StoreError::Conflict`] if the
    /// measure was changed since that version was read (an edit based on an old snapshot).
    /// Returns the measure as stored.
    pub fn update_measure(
        &mut self,
        code: &str,
        expected_version: Option<i64>,
        comment: &str,
        change: impl FnOnce(&Measure) -> Measure,
    ) -> Result<Measure> {
        self.write(|tx, batch| {
            let current = load_measure(tx, code)?
                .ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
            if expected_version.is_some_and(|v| v != current.version) {
                return Err(StoreError::Conflict { code: code.to_owned() });
            }
            let wanted = change(&current);
            update_in_tx(tx, batch, &current, wanted, comment)
        })
    }

    /// Sets the status of a measure (with the fields that follow from it, see
    /// [`Measure::with_status`]). `today` is the completion date when it becomes done.
    pub fn set_status(
        &mut self,
        code: &str,
        status: Status,
        comment: &str,
        today: NaiveDate,
        expected_version: Option<i64>,
    ) -> Result<Measure> {
        self.update_measure(code, expected_version, comment, |m| m.with_status(status, today))
    }
}

/// Writes `wanted` over `current` inside a transaction: validation, the row, its relations,
/// one history row per changed field. Returns the measure as stored.
pub(super) fn update_in_tx(
    tx: &Transaction<'_>,
    batch: &Batch,
    current: &Measure,
    mut wanted: Measure,
    comment: &str,
) -> Result<Measure> {
    wanted.id = current.id;
    wanted.version = current.version;
    // The day of archiving is the store's to keep: set when a measure is archived, kept while it
    // stays archived, cleared when it comes back.
    wanted.archived_on = match (current.archived, wanted.archived) {
        (false, true) => Some(batch.date()),
        (true, true) => current.archived_on,
        (_, false) => None,
    };
    let diff = diff_measures(current, &wanted);
    if diff.is_empty() {
        return Ok(current.clone());
    }
    let context =
        Roadmap { measures: load_measures(tx)?, owners: load_owners(tx)?, ..Roadmap::default() };
    validate_measure(&wanted, &context)?;
    write_measure_row(tx, &wanted)?;
    if wanted.frameworks != current.frameworks {
        write_frameworks(tx, &wanted)?;
    }
    if wanted.depends_on != current.depends_on {
        write_dependencies(tx, &wanted)?;
    }
    for field in &diff {
        let (old, new) = if field.field == "owner" {
            (owner_name(tx, current.owner)?, owner_name(tx, wanted.owner)?)
        } else {
            (field.old.clone(), field.new.clone())
        };
        batch.record(
            tx,
            Some(&wanted.code),
            field.field,
            old.as_deref(),
            new.as_deref(),
            comment,
        )?;
    }
    Ok(load_measure(tx, &wanted.code)?.unwrap_or(wanted))
}

/// The name of an owner, as the history records it.
pub(super) fn owner_name(
    tx: &Transaction<'_>,
    id: Option<i64>,
) -> rusqlite::Result<Option<String>> {
    id.map(|id| tx.query_row("SELECT name FROM owner WHERE id = ?1", [id], |r| r.get(0)))
        .transpose()
}

/// Inserts a new measure row with its framework references (dependencies are written by
/// [`write_dependencies`] once every measure they name exists); returns its id.
pub(super) fn insert_measure(tx: &Transaction<'_>, m: &Measure) -> Result<i64> {
    let stakeholders =
        serde_json::to_string(&m.stakeholders).map_err(|e| StoreError::Encoding(e.to_string()))?;
    // A measure's id is never given to another one, not even after it was removed: the history
    // and the calendar follow it. A measure brought back (undo, import) keeps its own.
    let taken = |id: i64| -> rusqlite::Result<bool> {
        tx.query_row("SELECT EXISTS (SELECT 1 FROM measure WHERE id = ?1)", [id], |r| r.get(0))
    };
    let id: i64 = if m.id > 0 && !taken(m.id)? {
        m.id
    } else {
        tx.query_row(
            "SELECT max(coalesce((SELECT max(id) FROM measure), 0), \
                        coalesce((SELECT max(measure_id) FROM history), 0)) + 1",
            [],
            |r| r.get(0),
        )?
    };
    tx.prepare_cached(
        "INSERT INTO measure (id, code, title, description, horizon, owner_id, stakeholders, \
         status, progress, planned_start, due, completed, reeval_interval_months, \
         next_reevaluation, planned_one_off_cents, planned_yearly_cents, notes, version, archived, \
         archived_on) \
         VALUES (?18, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1, ?17, ?19)",
    )?
    .execute(params![
        m.code,
        m.title,
        m.description,
        m.horizon.as_str(),
        m.owner,
        stakeholders,
        m.status.as_str(),
        m.progress,
        m.start.to_string(),
        m.due.to_string(),
        m.completed.map(|d| d.to_string()),
        m.reevaluation_interval_months,
        m.next_reevaluation.map(|d| d.to_string()),
        m.planned_one_off.cents(),
        m.planned_yearly.cents(),
        m.notes,
        m.archived,
        id,
        m.archived_on.filter(|_| m.archived).map(|d| d.to_string()),
    ])?;
    write_frameworks(tx, &Measure { id, ..m.clone() })?;
    Ok(id)
}

fn write_measure_row(tx: &Transaction<'_>, m: &Measure) -> Result<()> {
    let stakeholders =
        serde_json::to_string(&m.stakeholders).map_err(|e| StoreError::Encoding(e.to_string()))?;
    let changed = tx
        .prepare_cached(
            "UPDATE measure SET code = ?2, title = ?3, description = ?4, horizon = ?5, owner_id = ?6, \
             stakeholders = ?7, status = ?8, progress = ?9, planned_start = ?10, due = ?11, \
             completed = ?12, reeval_interval_months = ?13, next_reevaluation = ?14, \
                          planned_one_off_cents = ?15, planned_yearly_cents = ?16, notes = ?17, archived = ?19, \
             archived_on = ?20, version = version + 1 WHERE id = ?1 AND version = ?18",
        )?
        .execute(params![
            m.id,
            m.code,
            m.title,
            m.description,
            m.horizon.as_str(),
            m.owner,
            stakeholders,
            m.status.as_str(),
            m.progress,
            m.start.to_string(),
            m.due.to_string(),
            m.completed.map(|d| d.to_string()),
            m.reevaluation_interval_months,
            m.next_reevaluation.map(|d| d.to_string()),
            m.planned_one_off.cents(),
            m.planned_yearly.cents(),
                        m.notes,
            m.version,
            m.archived,
            m.archived_on.filter(|_| m.archived).map(|d| d.to_string()),
        ])?;
    if changed == 1 { Ok(()) } else { Err(StoreError::Conflict { code: m.code.clone() }) }
}

fn write_frameworks(tx: &Transaction<'_>, m: &Measure) -> Result<()> {
    tx.prepare_cached("DELETE FROM framework_ref WHERE measure_id = ?1")?.execute([m.id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO framework_ref (measure_id, position, framework, reference) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, r) in (0_i64..).zip(&m.frameworks) {
        insert.execute(params![m.id, position, r.framework.as_str(), r.reference])?;
    }
    Ok(())
}

/// Replaces the dependencies of `m` (the measures they name must exist).
pub(super) fn write_dependencies(tx: &Transaction<'_>, m: &Measure) -> Result<()> {
    tx.prepare_cached("DELETE FROM dependency WHERE measure_id = ?1")?.execute([m.id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO dependency (measure_id, depends_on) SELECT ?1, id FROM measure WHERE code = ?2",
    )?;
    for code in &m.depends_on {
        if insert.execute(params![m.id, code])? != 1 {
            return Err(crate::model::ValidationError::UnknownDependency(code.clone()).into());
        }
    }
    Ok(())
}
