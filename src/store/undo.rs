//! Undo and redo: the history read backwards. An undo is a new batch that restores what an
//! earlier batch changed, recorded like any other change, so it survives a restart and can
//! itself be redone. Shared by every engine: written in the dialect of [`super::sql`] against
//! [`Sql`].

use std::collections::BTreeMap;

use super::evidence::{insert_evidence, remove_evidence};
use super::queries::{load_measure, load_owners};
use super::records::{
    ConfirmationData, ExpenseData, MeetingData, OwnerData, ReevaluationData, create_measure,
    delete_expense, delete_reevaluation, insert_baseline, insert_expense, insert_meeting,
    insert_owner, insert_reevaluation, remove_baseline, remove_measure, remove_meeting,
    remove_owner, rename_owner_in_tx, set_confirmation,
};
use super::sql::{Sql, params};
use super::write::{Batch, BatchKind, owner_name, update_in_tx};
use super::{Result, StoreError};
use crate::model::{Measure, field_text};

/// One history row of the batch being reverted.
struct HistoryRow {
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

fn json<T: serde::de::DeserializeOwned>(row: &HistoryRow) -> Result<T> {
    let data = row
        .data
        .as_deref()
        .ok_or_else(|| damaged(format!("history row {} has no data", row.field)))?;
    serde_json::from_str(data).map_err(damaged)
}

/// The current history text of `field` of `m` (owners by name).
fn current_text(tx: &mut dyn Sql, m: &Measure, field: &str) -> Result<Option<String>> {
    if field == "owner" {
        return owner_name(tx, m.owner);
    }
    Ok(field_text(m, field))
}

/// Restores the old values of one measure's field rows (the post-batch code is `code`).
fn revert_fields(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    rows: &[&HistoryRow],
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
fn revert_batch(tx: &mut dyn Sql, batch: &Batch, target: i64, comment: &str) -> Result<()> {
    let rows = tx
        .query(
            "SELECT code, field, old, new, data FROM history WHERE batch = ?1 ORDER BY id DESC",
            params![target],
        )?
        .iter()
        .map(|r| {
            Ok(HistoryRow {
                code: r.opt_text(0)?,
                field: r.text(1)?,
                old: r.opt_text(2)?,
                new: r.opt_text(3)?,
                data: r.opt_text(4)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // Field changes of one measure are restored together (a changed code included).
    let mut fields: BTreeMap<&str, Vec<&HistoryRow>> = BTreeMap::new();
    for row in &rows {
        let code = row.code.as_deref().unwrap_or_default();
        match row.field.as_str() {
            "expense"
            | "reevaluation"
            | "created"
            | "deleted"
            | "owner-added"
            | "owner-deleted"
            | "owner-renamed"
            | "meeting-added"
            | "meeting-deleted"
            | "baseline-added"
            | "baseline-deleted"
            | "reevaluation-confirmed"
            | "evidence" => {}
            f if super::assess::FIELDS.contains(&f) => {}
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
            "baseline-deleted" => {
                insert_baseline(tx, batch, &json::<crate::model::Baseline>(row)?)?;
            }
            "expense" => {
                insert_expense(tx, batch, code, &json::<ExpenseData>(row)?, comment)?;
            }
            "reevaluation" => {
                insert_reevaluation(tx, batch, code, &json::<ReevaluationData>(row)?, comment)?;
            }
            "evidence" => {
                insert_evidence(tx, batch, &json::<crate::model::Evidence>(row)?)?;
            }
            _ => {}
        }
    }
    // The assessment's changes, latest first: each back to its state before.
    for row in rows.iter().filter(|r| super::assess::FIELDS.contains(&r.field.as_str())) {
        let key = (row.field.as_str(), row.code.as_deref(), row.old.as_deref(), row.new.as_deref());
        super::assess::revert_row(tx, batch, key, row.data.as_deref())?;
    }
    for (code, rows) in &fields {
        revert_fields(tx, batch, code, rows, comment)?;
    }
    // A confirmation given is taken back, one taken back is given again.
    for row in rows.iter().filter(|r| r.field == "reevaluation-confirmed") {
        let code = row.code.as_deref().unwrap_or_default();
        let data = json::<ConfirmationData>(row)?;
        set_confirmation(tx, batch, code, &data, row.new.is_none(), comment)?;
    }
    for row in rows.iter().filter(|r| r.new.is_some()) {
        let code = row.code.as_deref().unwrap_or_default();
        match row.field.as_str() {
            "created" => remove_measure(tx, batch, code, comment)?,
            "owner-added" => remove_owner(tx, batch, json::<OwnerData>(row)?.id)?,
            "meeting-added" => remove_meeting(tx, batch, &json::<MeetingData>(row)?)?,
            "baseline-added" => {
                remove_baseline(tx, batch, &json::<crate::model::Baseline>(row)?)?;
            }
            "owner-renamed" => {
                let owner = json::<OwnerData>(row)?;
                rename_owner_in_tx(tx, batch, owner.id, row.old.as_deref().unwrap_or_default())?;
            }
            "expense" => delete_expense(tx, batch, code, json::<ExpenseData>(row)?.id, comment)?,
            "reevaluation" => {
                delete_reevaluation(tx, batch, code, &json::<ReevaluationData>(row)?, comment)?;
            }
            "evidence" => {
                remove_evidence(tx, batch, code, json::<crate::model::Evidence>(row)?.id)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The latest batch an undo would revert.
const UNDO_TARGET: &str = "SELECT max(id) FROM batch WHERE kind IN ('edit', 'redo') AND undone = 0";

/// The latest undo a redo would revert: only while no edit followed it.
const REDO_TARGET: &str = "SELECT max(b.id) FROM batch b WHERE b.kind = 'undo' AND b.undone = 0 \
     AND NOT EXISTS (SELECT 1 FROM batch e WHERE e.kind = 'edit' AND e.id > b.id)";

/// In a batch of `kind` (undo or redo): reverts the latest change that is not undone yet (an
/// undo), or the latest undo if nothing was changed since (a redo), and marks it undone. Fails
/// with [`StoreError::NothingToRevert`] when there is none. Returns the batch's id.
pub(super) fn revert(
    tx: &mut dyn Sql,
    batch: &Batch,
    kind: BatchKind,
    comment: &str,
) -> Result<i64> {
    let sql = match kind {
        BatchKind::Undo => UNDO_TARGET,
        _ => REDO_TARGET,
    };
    let target = tx.query_one(sql, params![])?.opt_int(0)?.ok_or(StoreError::NothingToRevert)?;
    revert_batch(tx, batch, target, comment)?;
    super::guarded::run(tx, &super::guarded::Guarded::Reverted { target, by: batch.id })?;
    Ok(batch.id)
}

/// Whether there is something to undo and something to redo.
pub(super) fn can_undo_redo(db: &mut dyn Sql) -> Result<(bool, bool)> {
    let undo = db.query_one(UNDO_TARGET, params![])?.opt_int(0)?;
    let redo = db.query_one(REDO_TARGET, params![])?.opt_int(0)?;
    Ok((undo.is_some(), redo.is_some()))
}
