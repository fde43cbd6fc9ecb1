//! Undo and redo: the history read backwards. An undo is a new batch that restores what an
//! earlier batch changed, recorded like any other change, so it survives a restart and can
//! itself be redone.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction};

use super::queries::{load_measure, load_owners};
use super::records::{
    ExpenseData, MeetingData, OwnerData, ReevaluationData, create_measure, delete_expense,
    delete_reevaluation, insert_expense, insert_meeting, insert_owner, insert_reevaluation,
    remove_measure, remove_meeting, remove_owner, rename_owner_in_tx,
};
use super::write::{Batch, BatchKind, owner_name, update_in_tx};
use super::{Result, Store, StoreError};
use crate::model::{Change, Measure, field_text};

/// One history row of the batch being reverted.
struct Row {
    code: Option<String>,
    field: String,
    old: Option<String>,
    new: Option<String>,
    data: Option<String>,
}

#[allow(clippy::needless_pass_by_value)]
fn damaged(detail: impl ToString) -> StoreError {
    StoreError::Damaged { path: Default::default(), detail: detail.to_string() }
}

fn json<T: serde::de::DeserializeOwned>(row: &Row) -> Result<T> {
    let data = row
        .data
        .as_deref()
        .ok_or_else(|| damaged(format!("history row {} has no data", row.field)))?;
    serde_json::from_str(data).map_err(damaged)
}

/// The current history text of `field` of `m` (owners by name).
fn current_text(tx: &Transaction<'_>, m: &Measure, field: &str) -> Result<Option<String>> {
    if field == "owner" {
        return Ok(owner_name(tx, m.owner)?);
    }
    Ok(field_text(m, field))
}

/// Restores the old values of one measure's field rows (the post-batch code is `code`).
fn revert_fields(
    tx: &Transaction<'_>,
    batch: &Batch,
    code: &str,
    rows: &[&Row],
    comment: &str,
) -> Result<()> {
    let current =
        load_measure(tx, code)?.ok_or_else(|| StoreError::Conflict { code: code.to_owned() })?;
    let owners = load_owners(tx)?;
    let by_name = |name: &str| owners.iter().find(|o| o.name == name).map(|o| o.id);
    let mut wanted = current.clone();
    for row in rows {
        // Only a value that is still what the batch wrote can be restored.
        if current_text(tx, &current, &row.field)? != row.new {
            return Err(StoreError::Conflict { code: code.to_owned() });
        }
        wanted.set_field_text(&row.field, row.old.as_deref(), by_name).map_err(damaged)?;
    }
    update_in_tx(tx, batch, &current, wanted, comment)?;
    Ok(())
}

/// Applies the inverse of every row of batch `target`.
fn revert_batch(tx: &Transaction<'_>, batch: &Batch, target: i64, comment: &str) -> Result<()> {
    let rows: Vec<Row> = tx
        .prepare(
            "SELECT code, field, old, new, data FROM history WHERE batch = ?1 ORDER BY id DESC",
        )?
        .query_map([target], |r| {
            Ok(Row {
                code: r.get(0)?,
                field: r.get(1)?,
                old: r.get(2)?,
                new: r.get(3)?,
                data: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Field changes of one measure are restored together (a changed code included).
    let mut fields: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in &rows {
        let code = row.code.as_deref().unwrap_or_default();
        match row.field.as_str() {
            "expense" | "reevaluation" | "created" | "deleted" | "owner-added"
            | "owner-deleted" | "owner-renamed" | "meeting-added" | "meeting-deleted" => {}
            _ => fields.entry(code).or_default().push(row),
        }
    }
    // Records removed by the batch come back first, so field values can refer to them; records
    // it added go last.
    for row in rows.iter().filter(|r| r.new.is_none()) {
        let code = row.code.as_deref().unwrap_or_default();
        match row.field.as_str() {
            "deleted" => {
                create_measure(tx, batch, &json::<Measure>(row)?, comment)?;
            }
            "owner-deleted" => {
                insert_owner(tx, batch, &json::<OwnerData>(row)?)?;
            }
            "meeting-deleted" => {
                insert_meeting(tx, batch, &json::<MeetingData>(row)?)?;
            }
            "expense" => {
                insert_expense(tx, batch, code, &json::<ExpenseData>(row)?, comment)?;
            }
            "reevaluation" => {
                insert_reevaluation(tx, batch, code, &json::<ReevaluationData>(row)?, comment)?;
            }
            _ => {}
        }
    }
    for (code, rows) in &fields {
        revert_fields(tx, batch, code, rows, comment)?;
    }
    for row in rows.iter().filter(|r| r.new.is_some()) {
        let code = row.code.as_deref().unwrap_or_default();
        match row.field.as_str() {
            "created" => remove_measure(tx, batch, code, comment)?,
            "owner-added" => remove_owner(tx, batch, json::<OwnerData>(row)?.id)?,
            "meeting-added" => remove_meeting(tx, batch, &json::<MeetingData>(row)?)?,
            "owner-renamed" => {
                let owner = json::<OwnerData>(row)?;
                rename_owner_in_tx(tx, batch, owner.id, row.old.as_deref().unwrap_or_default())?;
            }
            "expense" => delete_expense(tx, batch, code, json::<ExpenseData>(row)?.id, comment)?,
            "reevaluation" => {
                delete_reevaluation(tx, batch, code, &json::<ReevaluationData>(row)?, comment)?;
            }
            _ => {}
        }
    }
    Ok(())
}

impl Store {
    /// Undoes the latest change that is not undone yet. Returns the history rows it wrote, or
    /// [`StoreError::NothingToRevert`].
    pub fn undo(&mut self, comment: &str) -> Result<Vec<Change>> {
        self.revert(BatchKind::Undo, comment)
    }

    /// Redoes the latest undo, if nothing was changed since. Returns the history rows it wrote,
    /// or [`StoreError::NothingToRevert`].
    pub fn redo(&mut self, comment: &str) -> Result<Vec<Change>> {
        self.revert(BatchKind::Redo, comment)
    }

    fn revert(&mut self, kind: BatchKind, comment: &str) -> Result<Vec<Change>> {
        let batch_id = self.write_batch(kind, |tx, batch| {
            let target: Option<i64> = match kind {
                BatchKind::Undo => tx.query_row(
                    "SELECT max(id) FROM batch WHERE kind IN ('edit', 'redo') AND undone = 0",
                    [],
                    |r| r.get(0),
                )?,
                _ => tx.query_row(
                    "SELECT max(b.id) FROM batch b WHERE b.kind = 'undo' AND b.undone = 0 \
                     AND NOT EXISTS (SELECT 1 FROM batch e WHERE e.kind = 'edit' AND e.id > b.id)",
                    [],
                    |r| r.get(0),
                )?,
            };
            let target = target.ok_or(StoreError::NothingToRevert)?;
            revert_batch(tx, batch, target, comment)?;
            tx.execute("UPDATE batch SET undone = 1 WHERE id = ?1", [target])?;
            tx.execute("UPDATE batch SET reverts = ?1 WHERE id = ?2", [target, batch.id])?;
            Ok(batch.id)
        })?;
        // The rows of that one batch, by its index (not the whole history).
        self.batch_changes(batch_id)
    }

    /// Whether there is something to undo and something to redo.
    pub fn can_undo_redo(&self) -> Result<(bool, bool)> {
        let undo: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(id) FROM batch WHERE kind IN ('edit', 'redo') AND undone = 0",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let redo: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(b.id) FROM batch b WHERE b.kind = 'undo' AND b.undone = 0 \
                 AND NOT EXISTS (SELECT 1 FROM batch e WHERE e.kind = 'edit' AND e.id > b.id)",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        Ok((undo.is_some(), redo.is_some()))
    }
}
