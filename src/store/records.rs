//! Writes of expenses, re-evaluations, new and deleted measures.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::queries::load_measure;
use super::write::{Batch, insert_measure, update_in_tx, write_dependencies};
use super::{Result, Store, StoreError};
use crate::model::{
    Expense, Measure, Money, Owner, OwnerKind, Reevaluation, Verdict, next_reevaluation,
};

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
    serde_json::to_string(value).map_err(|e| StoreError::Encoding(e.to_string()))
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
    // A measure brought back by undo keeps its id (and so its history).
    let id = insert_measure(tx, &Measure { id: measure.id, ..candidate.clone() })?;
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

/// An owner as the history keeps it, so undo can restore it exactly.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct OwnerData {
    pub id: i64,
    pub name: String,
    pub kind: OwnerKind,
    pub contact: Option<String>,
}

fn check_owner_name(tx: &Transaction<'_>, name: &str, except: Option<i64>) -> Result<()> {
    if name.trim().is_empty() {
        return Err(StoreError::EmptyOwnerName);
    }
    let taken: Option<i64> = tx
        .query_row("SELECT id FROM owner WHERE name = ?1", [name.trim()], |r| r.get(0))
        .optional()?;
    match taken {
        Some(id) if Some(id) != except => Err(StoreError::DuplicateOwner(name.trim().to_owned())),
        _ => Ok(()),
    }
}

/// Inserts an owner (with a given id when restoring) and records it.
pub(super) fn insert_owner(tx: &Transaction<'_>, batch: &Batch, o: &OwnerData) -> Result<i64> {
    check_owner_name(tx, &o.name, None)?;
    let id = if o.id > 0 { Some(o.id) } else { None };
    tx.execute(
        "INSERT INTO owner (id, name, kind, contact) VALUES (?1, ?2, ?3, ?4)",
        params![id, o.name.trim(), o.kind.as_str(), o.contact],
    )?;
    let stored = OwnerData {
        id: tx.last_insert_rowid(),
        name: o.name.trim().to_owned(),
        kind: o.kind,
        contact: o.contact.clone(),
    };
    batch.record_data(
        tx,
        None,
        "owner-added",
        None,
        Some(&stored.name),
        "",
        Some(&to_json(&stored)?),
    )?;
    Ok(stored.id)
}

/// The codes of the measures an owner is responsible for.
fn owner_usage(tx: &Transaction<'_>, id: i64) -> Result<Vec<String>> {
    Ok(tx
        .prepare("SELECT code FROM measure WHERE owner_id = ?1 ORDER BY code")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

fn load_owner(tx: &Transaction<'_>, id: i64) -> Result<OwnerData> {
    tx.query_row("SELECT name, kind, contact FROM owner WHERE id = ?1", [id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
    })
    .optional()?
    .and_then(|(name, kind, contact)| {
        OwnerKind::from_slug(&kind).map(|kind| OwnerData { id, name, kind, contact })
    })
    .ok_or(StoreError::UnknownOwner)
}

/// Deletes an unused owner and records it (for undo).
pub(super) fn remove_owner(tx: &Transaction<'_>, batch: &Batch, id: i64) -> Result<()> {
    let owner = load_owner(tx, id)?;
    let used = owner_usage(tx, id)?;
    if !used.is_empty() {
        return Err(StoreError::OwnerInUse { name: owner.name, codes: used });
    }
    tx.execute("DELETE FROM owner WHERE id = ?1", [id])?;
    batch.record_data(
        tx,
        None,
        "owner-deleted",
        Some(&owner.name),
        None,
        "",
        Some(&to_json(&owner)?),
    )?;
    Ok(())
}

/// Renames an owner and records it.
pub(super) fn rename_owner_in_tx(
    tx: &Transaction<'_>,
    batch: &Batch,
    id: i64,
    name: &str,
) -> Result<()> {
    let owner = load_owner(tx, id)?;
    check_owner_name(tx, name, Some(id))?;
    if owner.name == name.trim() {
        return Ok(());
    }
    tx.execute("UPDATE owner SET name = ?1 WHERE id = ?2", params![name.trim(), id])?;
    let old_name = owner.name.clone();
    let data = OwnerData { name: name.trim().to_owned(), ..owner };
    batch.record_data(
        tx,
        None,
        "owner-renamed",
        Some(&old_name),
        Some(name.trim()),
        "",
        Some(&to_json(&data)?),
    )?;
    Ok(())
}

impl Store {
    /// Adds an owner.
    pub fn add_owner(
        &mut self,
        name: &str,
        kind: OwnerKind,
        contact: Option<&str>,
    ) -> Result<Owner> {
        self.write(|tx, batch| {
            let data = OwnerData {
                id: 0,
                name: name.to_owned(),
                kind,
                contact: contact.map(str::to_owned),
            };
            let id = insert_owner(tx, batch, &data)?;
            Ok(Owner { id, name: name.trim().to_owned(), kind, contact: data.contact })
        })
    }

    /// Renames an owner; the name must be unique.
    pub fn rename_owner(&mut self, id: i64, name: &str) -> Result<()> {
        self.write(|tx, batch| rename_owner_in_tx(tx, batch, id, name))
    }

    /// Deletes an owner no measure refers to.
    pub fn delete_owner(&mut self, id: i64) -> Result<()> {
        self.write(|tx, batch| remove_owner(tx, batch, id))
    }

    /// Moves every measure of owner `from` to owner `into` and deletes `from`, in one change.
    pub fn merge_owners(&mut self, from: i64, into: i64) -> Result<()> {
        if from == into {
            return Ok(());
        }
        self.write(|tx, batch| {
            load_owner(tx, into)?;
            for code in owner_usage(tx, from)? {
                let current = load_measure(tx, &code)?
                    .ok_or_else(|| StoreError::UnknownMeasure(code.clone()))?;
                let wanted = Measure { owner: Some(into), ..current.clone() };
                update_in_tx(tx, batch, &current, wanted, "")?;
            }
            remove_owner(tx, batch, from)
        })
    }
}

/// A meeting as the history keeps it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct MeetingData {
    pub id: i64,
    pub date: NaiveDate,
    pub title: String,
}

/// Inserts a meeting (with a given id when restoring) and records it.
pub(super) fn insert_meeting(tx: &Transaction<'_>, batch: &Batch, m: &MeetingData) -> Result<i64> {
    if m.title.trim().is_empty() {
        return Err(StoreError::EmptyMeetingTitle);
    }
    let id = if m.id > 0 { Some(m.id) } else { None };
    tx.execute(
        "INSERT INTO meeting (id, date, title) VALUES (?1, ?2, ?3)",
        params![id, m.date.to_string(), m.title.trim()],
    )?;
    let stored =
        MeetingData { id: tx.last_insert_rowid(), date: m.date, title: m.title.trim().to_owned() };
    let text = format!("{} {}", stored.date, stored.title);
    batch.record_data(
        tx,
        None,
        "meeting-added",
        None,
        Some(&text),
        "",
        Some(&to_json(&stored)?),
    )?;
    Ok(stored.id)
}

/// Deletes a meeting and records it (for undo).
pub(super) fn remove_meeting(
    tx: &Transaction<'_>,
    batch: &Batch,
    data: &MeetingData,
) -> Result<()> {
    if tx.execute("DELETE FROM meeting WHERE id = ?1", [data.id])? != 1 {
        return Err(StoreError::Gone);
    }
    let text = format!("{} {}", data.date, data.title);
    batch.record_data(tx, None, "meeting-deleted", Some(&text), None, "", Some(&to_json(data)?))?;
    Ok(())
}

impl Store {
    /// Records a council meeting.
    pub fn add_meeting(&mut self, date: NaiveDate, title: &str) -> Result<crate::model::Meeting> {
        self.write(|tx, batch| {
            let id =
                insert_meeting(tx, batch, &MeetingData { id: 0, date, title: title.to_owned() })?;
            Ok(crate::model::Meeting { id, date, title: title.trim().to_owned() })
        })
    }
}

impl Store {
    /// Writes `roadmap` and `history` (a checked import) into this file in one transaction.
    /// Without `replace` a roadmap that has measures is refused; with it, everything is
    /// replaced. The import itself cannot be undone (the file's backups can restore it).
    pub fn replace_all(
        &mut self,
        roadmap: &crate::model::Roadmap,
        history: &[crate::model::Change],
        replace: bool,
    ) -> Result<()> {
        self.write(|tx, batch| {
            let existing: i64 = tx.query_row("SELECT count(*) FROM measure", [], |r| r.get(0))?;
            if existing > 0 && !replace {
                return Err(StoreError::WouldReplace(usize::try_from(existing).unwrap_or(0)));
            }
            tx.execute_batch(
                "DELETE FROM framework_ref; DELETE FROM dependency; DELETE FROM expense; DELETE FROM reevaluation; \
                 DELETE FROM meeting; DELETE FROM measure; DELETE FROM owner; DELETE FROM meta;",
            )?;
            tx.execute("DELETE FROM history WHERE batch <> ?1", [batch.id])?;
            tx.execute("DELETE FROM batch WHERE id <> ?1", [batch.id])?;
            let info = &roadmap.info;
            for (key, value) in [("town", info.town.clone()), ("name", info.name.clone())] {
                tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", params![key, value])?;
            }
            if let Some(adopted) = info.adopted {
                tx.execute("INSERT INTO meta (key, value) VALUES ('adopted', ?1)", [adopted.to_string()])?;
            }
            for o in &roadmap.owners {
                tx.execute(
                    "INSERT INTO owner (id, name, kind, contact) VALUES (?1, ?2, ?3, ?4)",
                    params![o.id, o.name, o.kind.as_str(), o.contact],
                )?;
            }
            let mut stored = Vec::with_capacity(roadmap.measures.len());
            for m in &roadmap.measures {
                let id = insert_measure(tx, m)?;
                stored.push(Measure { id, ..m.clone() });
            }
            for m in &stored {
                write_dependencies(tx, m)?;
            }
            for e in &roadmap.expenses {
                tx.execute(
                    "INSERT INTO expense (measure_id, date, amount_cents, note) SELECT id, ?2, ?3, ?4 FROM measure WHERE code = ?1",
                    params![e.code, e.date.to_string(), e.amount.cents(), e.note],
                )?;
            }
            for r in &roadmap.reevaluations {
                tx.execute(
                    "INSERT INTO reevaluation (measure_id, date, verdict, note, by_whom) SELECT id, ?2, ?3, ?4, ?5 FROM measure WHERE code = ?1",
                    params![r.code, r.date.to_string(), r.verdict.as_str(), r.note, r.by],
                )?;
            }
            for m in &roadmap.meetings {
                tx.execute("INSERT INTO meeting (date, title) VALUES (?1, ?2)", params![m.date.to_string(), m.title])?;
            }
            for c in history {
                tx.execute(
                    "INSERT INTO history (batch, at, who, code, field, old, new, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![batch.id, c.at.format(super::queries::AT_FORMAT).to_string(), c.who, c.code, c.field, c.old, c.new, c.comment],
                )?;
            }
            super::schema::link_history(tx)?;
            // The imported history is a record, not an edit to undo.
            tx.execute("UPDATE batch SET undone = 1 WHERE id = ?1", [batch.id])?;
            Ok(())
        })
    }
}
