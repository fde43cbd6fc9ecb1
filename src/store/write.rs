//! Writes: batches of history rows and the rules every change of a measure follows. Shared by
//! every engine: written in the dialect of [`super::sql`] against [`Sql`]. The engine opens one
//! transaction per write (SQLite: `BEGIN IMMEDIATE`) and hands it to [`run_batch`], which
//! changes the rows and appends the history rows together.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::queries::{AT_FORMAT, find_measure_id, load_measure, load_measures, load_owners};
use super::sql::{Sql, params};
use super::{Result, StoreError};
use crate::model::{Measure, Roadmap, diff_measures, validate_measure};

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
    /// Who writes.
    pub(super) fn who(&self) -> &str {
        &self.who
    }

    /// The time of this write (by the store's clock).
    pub(super) fn time(&self) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&self.at, AT_FORMAT)
            .unwrap_or_else(|_| chrono::Local::now().naive_local())
    }

    /// The day of this write (by the store's clock).
    pub(super) fn date(&self) -> NaiveDate {
        NaiveDateTime::parse_from_str(&self.at, AT_FORMAT)
            .map_or_else(|_| chrono::Local::now().date_naive(), |at| at.date())
    }

    /// Appends one history row.
    pub(super) fn record(
        &self,
        tx: &mut dyn Sql,
        code: Option<&str>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        comment: &str,
    ) -> Result<()> {
        self.record_data(tx, code, field, old, new, comment, None)
    }

    /// Appends one history row with the data needed to restore a removed record.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record_data(
        &self,
        tx: &mut dyn Sql,
        code: Option<&str>,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
        comment: &str,
        data: Option<&str>,
    ) -> Result<()> {
        crate::model::check_length("comment", comment, crate::model::MAX_TEXT)?;
        // The row follows the measure: the one that has the code now (after a rename: the new
        // code), else the one that had it last (a measure just removed).
        let id = tx
            .query_one(
                "INSERT INTO history (batch, at, who, code, field, old, new, comment, data, \
                 measure_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE( \
                 (SELECT id FROM measure WHERE code = CASE WHEN ?5 = 'code' THEN ?7 ELSE ?4 END), \
                 (SELECT measure_id FROM history WHERE code = ?4 AND measure_id IS NOT NULL \
                  ORDER BY id DESC LIMIT 1))) RETURNING id",
                params![self.id, &self.at, &self.who, code, field, old, new, comment, data],
            )?
            .int(0)?;
        if !tx.chains_history() {
            super::chain::append(tx, id)?;
        }
        Ok(())
    }
}

/// Runs `f` as one batch of `kind` in the engine's write transaction `tx`, at `at` by `who`:
/// inserts the batch row, runs `f`, and removes the batch again if it recorded nothing. The
/// engine commits if this succeeds and rolls back otherwise.
pub(super) fn run_batch<T>(
    tx: &mut dyn Sql,
    kind: BatchKind,
    at: NaiveDateTime,
    who: &str,
    f: impl FnOnce(&mut dyn Sql, &Batch) -> Result<T>,
) -> Result<T> {
    let id = tx
        .query_one("INSERT INTO batch (kind) VALUES (?1) RETURNING id", params![kind.as_str()])?
        .int(0)?;
    let batch = Batch { id, at: at.format(AT_FORMAT).to_string(), who: who.to_owned() };
    let value = f(tx, &batch)?;
    let rows =
        tx.query_one("SELECT count(*) FROM history WHERE batch = ?1", params![id])?.int(0)?;
    if rows == 0 {
        super::guarded::run(tx, &super::guarded::Guarded::DropEmptyBatch(id))?;
    }
    Ok(value)
}

/// Changes one measure: `change` gets the current row and returns the wanted one. The change is
/// validated, each changed field is recorded in the history with `comment`, and the version is
/// bumped.
///
/// With `expected_version`, the write is refused with [`StoreError::Conflict`] if the measure was
/// changed since that version was read (an edit based on an old snapshot). Returns the measure
/// as stored.
pub(super) fn update_measure(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    expected_version: Option<i64>,
    comment: &str,
    change: impl FnOnce(&Measure) -> Measure,
) -> Result<Measure> {
    let current =
        load_measure(tx, code)?.ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
    if expected_version.is_some_and(|v| v != current.version) {
        return Err(StoreError::Conflict { code: code.to_owned() });
    }
    let wanted = change(&current);
    update_in_tx(tx, batch, &current, wanted, comment)
}

/// Writes `wanted` over `current` inside a transaction: validation, the row, its relations,
/// one history row per changed field. Returns the measure as stored.
pub(super) fn update_in_tx(
    tx: &mut dyn Sql,
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
pub(super) fn owner_name(tx: &mut dyn Sql, id: Option<i64>) -> Result<Option<String>> {
    id.map(|id| tx.query_one("SELECT name FROM owner WHERE id = ?1", params![id])?.text(0))
        .transpose()
}

/// The next id for a new measure: above every measure's and every id the history names, so that
/// an id is never given to another measure, not even after it was removed.
const NEXT_MEASURE_ID: &str = "SELECT coalesce(max(x), 0) + 1 FROM \
     (SELECT max(id) AS x FROM measure UNION ALL SELECT max(measure_id) AS x FROM history) AS t";

/// A measure's columns as the insert and the update give them: `?1`–`?16` the fields from code
/// to notes, `?17` archived, `?18` the id, `?19` the day it was archived, `?20`–`?23` funding
/// source and share, staff days planned and spent.
fn measure_values(m: &Measure, id: i64) -> Result<Vec<crate::store::sql::Value>> {
    let stakeholders =
        serde_json::to_string(&m.stakeholders).map_err(|e| StoreError::Encoding(e.to_string()))?;
    Ok(params![
        &m.code,
        &m.title,
        &m.description,
        m.horizon.as_str(),
        m.owner,
        stakeholders,
        m.status.as_str(),
        m.progress,
        m.start,
        m.due,
        m.completed,
        m.reevaluation_interval_months,
        m.next_reevaluation,
        m.planned_one_off.cents(),
        m.planned_yearly.cents(),
        &m.notes,
        m.archived,
        id,
        m.archived_on.filter(|_| m.archived),
        &m.funding_source,
        m.funding_share,
        m.staff_days_planned,
        m.staff_days_spent,
    ]
    .to_vec())
}

/// Inserts a new measure row with its framework references (dependencies are written by
/// [`write_dependencies`] once every measure they name exists); returns its id.
pub(super) fn insert_measure(tx: &mut dyn Sql, m: &Measure) -> Result<i64> {
    // A measure's id is never given to another one, not even after it was removed: the history
    // and the calendar follow it. A measure brought back (undo, import) keeps its own.
    let taken =
        m.id > 0 && tx.query_opt("SELECT id FROM measure WHERE id = ?1", params![m.id])?.is_some();
    let id =
        if m.id > 0 && !taken { m.id } else { tx.query_one(NEXT_MEASURE_ID, params![])?.int(0)? };
    tx.execute(
        "INSERT INTO measure (code, title, description, horizon, owner_id, stakeholders, \
         status, progress, planned_start, due, completed, reeval_interval_months, \
         next_reevaluation, planned_one_off_cents, planned_yearly_cents, notes, archived, id, \
         archived_on, funding_source, funding_share, staff_days_planned, staff_days_spent, \
         version) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
         ?19, ?20, ?21, ?22, ?23, 1)",
        &measure_values(m, id)?,
    )?;
    // Its id is given here, never taken from the engine's own counter.
    tx.ids_given("measure")?;
    write_frameworks(tx, &Measure { id, ..m.clone() })?;
    Ok(id)
}

fn write_measure_row(tx: &mut dyn Sql, m: &Measure) -> Result<()> {
    let mut values = measure_values(m, m.id)?;
    values.push(m.version.into());
    let changed = tx.execute(
        "UPDATE measure SET code = ?1, title = ?2, description = ?3, horizon = ?4, owner_id = ?5, \
         stakeholders = ?6, status = ?7, progress = ?8, planned_start = ?9, due = ?10, \
         completed = ?11, reeval_interval_months = ?12, next_reevaluation = ?13, \
         planned_one_off_cents = ?14, planned_yearly_cents = ?15, notes = ?16, archived = ?17, \
         archived_on = ?19, funding_source = ?20, funding_share = ?21, \
         staff_days_planned = ?22, staff_days_spent = ?23, version = version + 1 \
         WHERE id = ?18 AND version = ?24",
        &values,
    )?;
    if changed == 1 { Ok(()) } else { Err(StoreError::Conflict { code: m.code.clone() }) }
}

fn write_frameworks(tx: &mut dyn Sql, m: &Measure) -> Result<()> {
    tx.execute("DELETE FROM framework_ref WHERE measure_id = ?1", params![m.id])?;
    for (position, r) in (0_i64..).zip(&m.frameworks) {
        tx.execute(
            "INSERT INTO framework_ref (measure_id, position, framework, reference) \
             VALUES (?1, ?2, ?3, ?4)",
            params![m.id, position, r.framework.as_str(), &r.reference],
        )?;
    }
    Ok(())
}

/// Replaces the dependencies of `m` (the measures they name must exist).
pub(super) fn write_dependencies(tx: &mut dyn Sql, m: &Measure) -> Result<()> {
    tx.execute("DELETE FROM dependency WHERE measure_id = ?1", params![m.id])?;
    for code in &m.depends_on {
        let Some(depends_on) = find_measure_id(tx, code)? else {
            return Err(crate::model::ValidationError::UnknownDependency(code.clone()).into());
        };
        tx.execute(
            "INSERT INTO dependency (measure_id, depends_on) VALUES (?1, ?2)",
            params![m.id, depends_on],
        )?;
    }
    Ok(())
}

/// Links every history row to the measure it concerns, reading the history backwards from the
/// measures as they are now: a rename (`code` rows, old → new) hands the measure's id back to its
/// earlier code, a creation ends it. Rows of measures that no longer exist stay unlinked and are
/// found by their code. Used by an import and by the migration that added the link.
pub(super) fn link_history(tx: &mut dyn Sql) -> Result<()> {
    let mut owner = HashMap::new();
    for row in tx.query("SELECT code, id FROM measure", params![])? {
        owner.insert(row.text(0)?, row.int(1)?);
    }
    let rows =
        tx.query("SELECT id, code, field, old, new FROM history ORDER BY id DESC", params![])?;
    for row in rows {
        let (id, code, field) = (row.int(0)?, row.opt_text(1)?, row.text(2)?);
        let (old, new) = (row.opt_text(3)?, row.opt_text(4)?);
        // After a rename, the measure has the new code, whichever code the row was written with.
        let after = if field == "code" { new.or(code) } else { code };
        let Some(after) = after else { continue };
        let measure = owner.get(&after).copied();
        tx.execute("UPDATE history SET measure_id = ?2 WHERE id = ?1", params![id, measure])?;
        match (field.as_str(), measure) {
            ("code", Some(m)) => {
                owner.remove(&after);
                if let Some(old) = old {
                    owner.insert(old, m);
                }
            }
            ("created", Some(_)) => {
                owner.remove(&after);
            }
            _ => {}
        }
    }
    Ok(())
}
