//! Writes of expenses, re-evaluations, new and deleted measures.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::queries::load_measure;
use super::write::{Batch, insert_measure, update_in_tx, write_dependencies};
use super::{Result, Store, StoreError};
use crate::model::{Expense, Measure, Money, Reevaluation, Verdict, next_reevaluation};

/// A removed or added expense as the history keeps it, so undo can restore it exactly.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ExpenseData {
    pub id: i64,
    pub date: NaiveDate,
    pub amount_cents: i64,
    pub note: String,
}

/// A removed or added re-evaluation as the history keeps it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ReevaluationData {
    pub id: i64,
    pub date: NaiveDate,
    pub verdict: Verdict,
    pub note: String,
    pub by: String,
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Migration(e.to_string()))
}

fn measure_id(tx: &Transaction<'_>, code: &str) -> Result<i64> {
    tx.query_row("SELECT id FROM measure WHERE code = ?1", [code], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))
}

/// Inserts an expense (with a given id when restoring) and records it.
pub(super) fn insert_expense(
    tx: &Transaction<'_>,
    batch: &Batch,
    code: &str,
    e: &ExpenseData,
    comment: &str,
) -> Result<i64> {
    let measure = measure_id(tx, code)?;
    let id = if e.id > 0 { Some(e.id) } else { None };
    tx.execute(
        "INSERT INTO expense (id, measure_id, date, amount_cents, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, measure, e.date.to_string(), e.amount_cents, e.note],
    )?;
    let stored = ExpenseData {
        id: tx.last_insert_rowid(),
        date: e.date,
        amount_cents: e.amount_cents,
        note: e.note.clone(),
    };
    batch.record_data(
        tx,
        Some(code),
        "expense",
        None,
        Some(&e.amount_cents.to_string()),
        comment,
        Some(&to_json(&stored)?),
    )?;
    Ok(stored.id)
}

/// Deletes an expense and records it (for undo).
pub(super) fn delete_expense(
    tx: &Transaction<'_>,
    batch: &Batch,
    code: &str,
    id: i64,
    comment: &str,
) -> Result<()> {
    let row: Option<(String, i64, String)> = tx
        .query_row("SELECT date, amount_cents, note FROM expense WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((date, amount_cents, note)) = row else {
        return Err(StoreError::Conflict { code: code.to_owned() });
    };
    let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
        .map_err(|e| StoreError::Damaged { path: Default::default(), detail: e.to_string() })?;
    tx.execute("DELETE FROM expense WHERE id = ?1", [id])?;
    let data = ExpenseData { id, date, amount_cents, note };
    batch.record_data(
        tx,
        Some(code),
        "expense",
        Some(&amount_cents.to_string()),
        None,
        comment,
        Some(&to_json(&data)?),
    )?;
    Ok(())
}

/// Inserts a re-evaluation (with a given id when restoring) and records it.
pub(super) fn insert_reevaluation(
    tx: &Transaction<'_>,
    batch: &Batch,
    code: &str,
    r: &ReevaluationData,
    comment: &str,
) -> Result<i64> {
    let measure = measure_id(tx, code)?;
    let id = if r.id > 0 { Some(r.id) } else { None };
    tx.execute(
        "INSERT INTO reevaluation (id, measure_id, date, verdict, note, by_whom) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, measure, r.date.to_string(), r.verdict.as_str(), r.note, r.by],
    )?;
    let stored = ReevaluationData {
        id: tx.last_insert_rowid(),
        date: r.date,
        verdict: r.verdict,
        note: r.note.clone(),
        by: r.by.clone(),
    };
    batch.record_data(
        tx,
        Some(code),
        "reevaluation",
        None,
        Some(r.verdict.as_str()),
        comment,
        Some(&to_json(&stored)?),
    )?;
    Ok(stored.id)
}

/// Deletes a re-evaluation and records it (for undo).
pub(super) fn delete_reevaluation(
    tx: &Transaction<'_>,
    batch: &Batch,
    code: &str,
    data: &ReevaluationData,
    comment: &str,
) -> Result<()> {
    if tx.execute("DELETE FROM reevaluation WHERE id = ?1", [data.id])? != 1 {
        return Err(StoreError::Conflict { code: code.to_owned() });
    }
    batch.record_data(
        tx,
        Some(code),
        "reevaluation",
        Some(data.verdict.as_str()),
        None,
        comment,
        Some(&to_json(data)?),
    )?;
    Ok(())
}

/// Inserts a whole measure (new, or restored by undo) and records it as created.
pub(super) fn create_measure(
    tx: &Transaction<'_>,
    batch: &Batch,
    measure: &Measure,
    comment: &str,
) -> Result<Measure> {
    let context = crate::model::Roadmap {
        measures: super::queries::load_measures(tx)?,
        owners: super::queries::load_owners(tx)?,
        ..Default::default()
    };
    let candidate = Measure { id: 0, ..measure.clone() };
    crate::model::validate_measure(&candidate, &context)?;
    let id = insert_measure(tx, &candidate)?;
    write_dependencies(tx, &Measure { id, ..candidate.clone() })?;
    let stored = load_measure(tx, &candidate.code)?
        .ok_or_else(|| StoreError::UnknownMeasure(candidate.code.clone()))?;
    batch.record_data(
        tx,
        Some(&stored.code),
        "created",
        None,
        Some(&stored.title),
        comment,
        Some(&to_json(&stored)?),
    )?;
    Ok(stored)
}

/// Deletes a measure that nothing refers to and records it (for undo).
pub(super) fn remove_measure(
    tx: &Transaction<'_>,
    batch: &Batch,
    code: &str,
    comment: &str,
) -> Result<()> {
    let measure =
        load_measure(tx, code)?.ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
    let dependents: Vec<String> = tx
        .prepare("SELECT m.code FROM dependency d JOIN measure m ON m.id = d.measure_id WHERE d.depends_on = ?1 ORDER BY m.code")?
        .query_map([measure.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !dependents.is_empty() {
        return Err(StoreError::HasDependents { code: code.to_owned(), dependents });
    }
    let records: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM expense WHERE measure_id = ?1) + (SELECT count(*) FROM reevaluation WHERE measure_id = ?1)",
        [measure.id],
        |r| r.get(0),
    )?;
    if records > 0 {
        return Err(StoreError::HasRecords { code: code.to_owned() });
    }
    tx.execute("DELETE FROM measure WHERE id = ?1", [measure.id])?;
    batch.record_data(
        tx,
        Some(code),
        "deleted",
        Some(&measure.title),
        None,
        comment,
        Some(&to_json(&measure)?),
    )?;
    Ok(())
}

impl Store {
    /// Sets the progress of a measure (0–100).
    pub fn set_progress(
        &mut self,
        code: &str,
        progress: u8,
        comment: &str,
        expected_version: Option<i64>,
    ) -> Result<Measure> {
        self.update_measure(code, expected_version, comment, |m| Measure { progress, ..m.clone() })
    }

    /// Books an expense on a measure.
    pub fn add_expense(
        &mut self,
        code: &str,
        date: NaiveDate,
        amount: Money,
        note: &str,
    ) -> Result<Expense> {
        if amount == Money::ZERO {
            return Err(StoreError::Invalid(crate::model::ValidationError::ZeroAmount));
        }
        self.write(|tx, batch| {
            let data =
                ExpenseData { id: 0, date, amount_cents: amount.cents(), note: note.to_owned() };
            let id = insert_expense(tx, batch, code, &data, note)?;
            Ok(Expense { id, code: code.to_owned(), date, amount, note: note.to_owned() })
        })
    }

    /// Records a re-evaluation and moves the measure's next re-evaluation: to `next` if given,
    /// else as [`next_reevaluation`] computes it from the verdict and the interval (12 months if
    /// the measure has none). Returns the measure as stored.
    pub fn add_reevaluation(
        &mut self,
        code: &str,
        date: NaiveDate,
        verdict: Verdict,
        note: &str,
        by: &str,
        next: Option<NaiveDate>,
    ) -> Result<(Reevaluation, Measure)> {
        self.write(|tx, batch| {
            let current = load_measure(tx, code)?
                .ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
            let data =
                ReevaluationData { id: 0, date, verdict, note: note.to_owned(), by: by.to_owned() };
            let id = insert_reevaluation(tx, batch, code, &data, note)?;
            let next = next.unwrap_or_else(|| {
                next_reevaluation(date, verdict, current.reevaluation_interval_months.unwrap_or(12))
            });
            let wanted = Measure { next_reevaluation: Some(next), ..current.clone() };
            let measure = update_in_tx(tx, batch, &current, wanted, note)?;
            let reevaluation = Reevaluation {
                id,
                code: code.to_owned(),
                date,
                verdict,
                note: note.to_owned(),
                by: by.to_owned(),
            };
            Ok((reevaluation, measure))
        })
    }

    /// Adds a new measure.
    pub fn add_measure(&mut self, measure: &Measure, comment: &str) -> Result<Measure> {
        self.write(|tx, batch| create_measure(tx, batch, measure, comment))
    }

    /// Deletes a measure; refused while other measures depend on it or it has expenses or
    /// re-evaluations (archive it instead).
    pub fn delete_measure(&mut self, code: &str, comment: &str) -> Result<()> {
        self.write(|tx, batch| remove_measure(tx, batch, code, comment))
    }
}
