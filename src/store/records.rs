//! Writes of expenses, re-evaluations, new and deleted measures, owners and meetings. Shared by
//! every engine: written in the dialect of [`super::sql`] against [`Sql`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::queries::{find_measure_id, load_measure};
use super::sql::{Sql, Value, params};
use super::write::{Batch, insert_measure, update_in_tx, write_dependencies};
use super::{Result, StoreError};
use crate::model::{
    Baseline, Expense, Measure, Meeting, Money, Owner, OwnerKind, Reevaluation, Verdict,
    next_reevaluation,
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
    #[serde(default)]
    pub confirmed_by: Option<String>,
    #[serde(default)]
    pub confirmed_at: Option<NaiveDate>,
}

/// A confirmation as the history keeps it: the re-evaluation, who and when.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ConfirmationData {
    pub id: i64,
    pub by: String,
    pub at: NaiveDate,
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Encoding(e.to_string()))
}

fn measure_id(tx: &mut dyn Sql, code: &str) -> Result<i64> {
    find_measure_id(tx, code)?.ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))
}

/// Inserts a row of `columns` into `table` and returns its id: `given` if it is one (a record
/// restored by undo keeps its own, and the engine is told so that the ids it gives later follow
/// it), else a new one from the engine.
fn insert_returning_id(
    tx: &mut dyn Sql,
    table: &str,
    columns: &[&str],
    given: i64,
    values: &[Value],
) -> Result<i64> {
    let mut names = Vec::with_capacity(columns.len() + 1);
    let mut all = Vec::with_capacity(values.len() + 1);
    if given > 0 {
        names.push("id");
        all.push(Value::Int(given));
    }
    names.extend_from_slice(columns);
    all.extend_from_slice(values);
    let placeholders: Vec<String> = (1..=all.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({}) RETURNING id",
        names.join(", "),
        placeholders.join(", ")
    );
    let id = tx.query_one(&sql, &all)?.int(0)?;
    if given > 0 {
        tx.ids_given(table)?;
    }
    Ok(id)
}

/// Inserts an expense (with a given id when restoring) and records it.
pub(super) fn insert_expense(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    e: &ExpenseData,
    comment: &str,
) -> Result<i64> {
    let measure = measure_id(tx, code)?;
    let id = insert_returning_id(
        tx,
        "expense",
        &["measure_id", "date", "amount_cents", "note"],
        e.id,
        params![measure, e.date, e.amount_cents, &e.note],
    )?;
    let stored =
        ExpenseData { id, date: e.date, amount_cents: e.amount_cents, note: e.note.clone() };
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
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    id: i64,
    comment: &str,
) -> Result<()> {
    let row =
        tx.query_opt("SELECT date, amount_cents, note FROM expense WHERE id = ?1", params![id])?;
    let Some(row) = row else {
        return Err(StoreError::Conflict { code: code.to_owned() });
    };
    let (date, amount_cents, note) = (row.text(0)?, row.int(1)?, row.text(2)?);
    let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
        .map_err(|e| StoreError::Damaged { path: Default::default(), detail: e.to_string() })?;
    tx.execute("DELETE FROM expense WHERE id = ?1", params![id])?;
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
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    r: &ReevaluationData,
    comment: &str,
) -> Result<i64> {
    let measure = measure_id(tx, code)?;
    let id = insert_returning_id(
        tx,
        "reevaluation",
        &["measure_id", "date", "verdict", "note", "by_whom", "confirmed_by", "confirmed_at"],
        r.id,
        params![
            measure,
            r.date,
            r.verdict.as_str(),
            &r.note,
            &r.by,
            r.confirmed_by.as_deref(),
            r.confirmed_at
        ],
    )?;
    let stored = ReevaluationData {
        id,
        date: r.date,
        verdict: r.verdict,
        note: r.note.clone(),
        by: r.by.clone(),
        confirmed_by: r.confirmed_by.clone(),
        confirmed_at: r.confirmed_at,
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
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    data: &ReevaluationData,
    comment: &str,
) -> Result<()> {
    // Recorded first: the server's functions act only within a write that recorded the change.
    batch.record_data(
        tx,
        Some(code),
        "reevaluation",
        Some(data.verdict.as_str()),
        None,
        comment,
        Some(&to_json(data)?),
    )?;
    if super::guarded::run(tx, &super::guarded::Guarded::DeleteReevaluation(data.id))? != 1 {
        return Err(StoreError::Conflict { code: code.to_owned() });
    }
    Ok(())
}

/// Inserts a whole measure (new, or restored by undo) and records it as created.
pub(super) fn create_measure(
    tx: &mut dyn Sql,
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
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    comment: &str,
) -> Result<()> {
    let measure =
        load_measure(tx, code)?.ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
    let dependents = tx
        .query(
            "SELECT m.code FROM dependency d JOIN measure m ON m.id = d.measure_id \
             WHERE d.depends_on = ?1 ORDER BY m.code",
            params![measure.id],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect::<Result<Vec<_>>>()?;
    if !dependents.is_empty() {
        return Err(StoreError::HasDependents { code: code.to_owned(), dependents });
    }
    let records = tx
        .query_one(
            "SELECT (SELECT count(*) FROM expense WHERE measure_id = ?1) \
             + (SELECT count(*) FROM reevaluation WHERE measure_id = ?1) \
             + (SELECT count(*) FROM evidence WHERE measure_id = ?1)",
            params![measure.id],
        )?
        .int(0)?;
    if records > 0 {
        return Err(StoreError::HasRecords { code: code.to_owned() });
    }
    super::assess::unlink_all(tx, batch, code)?;
    tx.execute("DELETE FROM measure WHERE id = ?1", params![measure.id])?;
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

/// An expense of nothing is refused (before any write is begun).
pub(super) fn check_expense_amount(amount: Money) -> Result<()> {
    if amount == Money::ZERO {
        return Err(StoreError::Invalid(crate::model::ValidationError::ZeroAmount));
    }
    crate::model::check_amount(amount)?;
    Ok(())
}

/// Books an expense on a measure.
pub(super) fn add_expense(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    date: NaiveDate,
    amount: Money,
    note: &str,
) -> Result<Expense> {
    check_expense_amount(amount)?;
    crate::model::check_length("note", note, crate::model::MAX_TEXT)?;
    let data = ExpenseData { id: 0, date, amount_cents: amount.cents(), note: note.to_owned() };
    let id = insert_expense(tx, batch, code, &data, note)?;
    Ok(Expense { id, code: code.to_owned(), date, amount, note: note.to_owned() })
}

/// Records a re-evaluation and moves the measure's next re-evaluation: to `next` if given, else
/// as [`next_reevaluation`] computes it from the verdict and the interval (12 months if the
/// measure has none). Returns the measure as stored.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_reevaluation(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    date: NaiveDate,
    verdict: Verdict,
    note: &str,
    by: &str,
    next: Option<NaiveDate>,
) -> Result<(Reevaluation, Measure)> {
    crate::model::check_length("by_whom", by, crate::model::MAX_TITLE)?;
    crate::model::check_length("note", note, crate::model::MAX_TEXT)?;
    let current =
        load_measure(tx, code)?.ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
    let data = ReevaluationData {
        id: 0,
        date,
        verdict,
        note: note.to_owned(),
        by: by.to_owned(),
        confirmed_by: None,
        confirmed_at: None,
    };
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
        confirmed_by: None,
        confirmed_at: None,
        imported: false,
    };
    Ok((reevaluation, measure))
}

/// Confirms the latest re-evaluation of `code` as `who` on `date` (four eyes: not by the one who
/// recorded it, and only once) and records it; `note` is the history's comment. With `seen`
/// (the id of the verdict the user looked at), a newer verdict recorded meanwhile is a conflict,
/// not confirmed unseen.
pub(super) fn confirm_reevaluation(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    (date, who, seen): (NaiveDate, &str, Option<i64>),
    note: &str,
) -> Result<()> {
    let measure = measure_id(tx, code)?;
    let latest = tx.query(
        "SELECT id, by_whom, confirmed_by, date, confirmation_imported FROM reevaluation \
         WHERE measure_id = ?1 \
         ORDER BY date DESC, id DESC LIMIT 1",
        params![measure],
    )?;
    let row = latest.first().ok_or_else(|| StoreError::NoReevaluation(code.to_owned()))?;
    let (id, by, confirmed) = (row.int(0)?, row.text(1)?, row.opt_text(2)?);
    let verdict_date = row.date(3)?;
    if seen.is_some_and(|seen| seen != id) {
        return Err(StoreError::Conflict { code: code.to_owned() });
    }
    // A confirmation that came from a file is no sign-off: it may be given here.
    if let (Some(by), false) = (confirmed, row.flag(4)?) {
        return Err(StoreError::AlreadyConfirmed { by });
    }
    if crate::model::same_person(&by, who) {
        return Err(StoreError::SelfConfirmation { by });
    }
    // Nor whoever recorded it (the history's author, which a server writes itself).
    if recorded_by(tx, measure, id, who)? {
        return Err(StoreError::SelfConfirmation { by: who.to_owned() });
    }
    // Confirmed on or after the day of the verdict (as the import checks it).
    if date < verdict_date {
        return Err(StoreError::ConfirmedBeforeVerdict { verdict: verdict_date });
    }
    set_confirmation(
        tx,
        batch,
        code,
        &ConfirmationData { id, by: who.to_owned(), at: date },
        true,
        note,
    )
}

/// Whether `who` recorded re-evaluation `id` of measure `measure`: added it in a history row
/// not from a file, in any batch, unless that row only repeats an addition of the same verdict
/// (day, result, evaluator) someone else made before it (a redo by the confirmer, an undo
/// bringing it back). An id given again to another verdict keeps its earlier recorders too
/// (refusing more, never less). The server's `fahrplan_recorded_verdict` says the same.
fn recorded_by(tx: &mut dyn Sql, measure: i64, id: i64, who: &str) -> Result<bool> {
    let rows = tx.query(
        "SELECT h.who, h.data FROM history h \
         WHERE h.measure_id = ?1 AND h.field = 'reevaluation' \
         AND h.new IS NOT NULL AND h.imported = 0 AND h.data IS NOT NULL ORDER BY h.seq, h.id",
        params![measure],
    )?;
    let mut earlier: Vec<(String, ReevaluationData)> = Vec::new();
    for row in rows {
        let Ok(added) = serde_json::from_str::<ReevaluationData>(&row.text(1)?) else { continue };
        if added.id != id {
            continue;
        }
        let author = row.text(0)?;
        let repeats = earlier.iter().any(|(other, before)| {
            !crate::model::same_person(other, &author)
                && (before.date, before.verdict, &before.by)
                    == (added.date, added.verdict, &added.by)
        });
        if !repeats && crate::model::same_person(&author, who) {
            return Ok(true);
        }
        earlier.push((author, added));
    }
    Ok(false)
}

/// Sets (`confirmed`) or clears a re-evaluation's confirmation and records it (also for undo).
pub(super) fn set_confirmation(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    data: &ConfirmationData,
    confirmed: bool,
    comment: &str,
) -> Result<()> {
    let (by, at) = if confirmed { (Some(&data.by), Some(data.at)) } else { (None, None) };
    // Recorded first: the server's functions act only within a write that recorded the change.
    let (old, new) = if confirmed { (None, by) } else { (Some(&data.by), None) };
    batch.record_data(
        tx,
        Some(code),
        "reevaluation-confirmed",
        old.map(String::as_str),
        new.map(String::as_str),
        comment,
        Some(&to_json(data)?),
    )?;
    let op = super::guarded::Guarded::Confirmation { id: data.id, by: by.map(String::as_str), at };
    if super::guarded::run(tx, &op)? != 1 {
        return Err(StoreError::Conflict { code: code.to_owned() });
    }
    Ok(())
}

/// An owner as the history keeps it, so undo can restore it exactly.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct OwnerData {
    pub id: i64,
    pub name: String,
    pub kind: OwnerKind,
    pub contact: Option<String>,
}

fn check_owner_name(tx: &mut dyn Sql, name: &str, except: Option<i64>) -> Result<()> {
    if name.trim().is_empty() {
        return Err(StoreError::EmptyOwnerName);
    }
    crate::model::check_length("owner", name.trim(), crate::model::MAX_TITLE)?;
    let taken = tx
        .query_opt("SELECT id FROM owner WHERE name = ?1", params![name.trim()])?
        .map(|r| r.int(0))
        .transpose()?;
    match taken {
        Some(id) if Some(id) != except => Err(StoreError::DuplicateOwner(name.trim().to_owned())),
        _ => Ok(()),
    }
}

/// Inserts an owner (with a given id when restoring) and records it.
pub(super) fn insert_owner(tx: &mut dyn Sql, batch: &Batch, o: &OwnerData) -> Result<i64> {
    check_owner_name(tx, &o.name, None)?;
    let id = insert_returning_id(
        tx,
        "owner",
        &["name", "kind", "contact"],
        o.id,
        params![o.name.trim(), o.kind.as_str(), o.contact.as_deref()],
    )?;
    let stored =
        OwnerData { id, name: o.name.trim().to_owned(), kind: o.kind, contact: o.contact.clone() };
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
fn owner_usage(tx: &mut dyn Sql, id: i64) -> Result<Vec<String>> {
    tx.query("SELECT code FROM measure WHERE owner_id = ?1 ORDER BY code", params![id])?
        .iter()
        .map(|r| r.text(0))
        .collect()
}

fn load_owner(tx: &mut dyn Sql, id: i64) -> Result<OwnerData> {
    let Some(row) =
        tx.query_opt("SELECT name, kind, contact FROM owner WHERE id = ?1", params![id])?
    else {
        return Err(StoreError::UnknownOwner);
    };
    let (name, kind, contact) = (row.text(0)?, row.text(1)?, row.opt_text(2)?);
    OwnerKind::from_slug(&kind)
        .map(|kind| OwnerData { id, name, kind, contact })
        .ok_or(StoreError::UnknownOwner)
}

/// Deletes an unused owner and records it (for undo).
pub(super) fn remove_owner(tx: &mut dyn Sql, batch: &Batch, id: i64) -> Result<()> {
    let owner = load_owner(tx, id)?;
    let used = owner_usage(tx, id)?;
    if !used.is_empty() {
        return Err(StoreError::OwnerInUse { name: owner.name, codes: used });
    }
    tx.execute("DELETE FROM owner WHERE id = ?1", params![id])?;
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
    tx: &mut dyn Sql,
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

/// Adds an owner.
pub(super) fn add_owner(
    tx: &mut dyn Sql,
    batch: &Batch,
    name: &str,
    kind: OwnerKind,
    contact: Option<&str>,
) -> Result<Owner> {
    let data =
        OwnerData { id: 0, name: name.to_owned(), kind, contact: contact.map(str::to_owned) };
    let id = insert_owner(tx, batch, &data)?;
    Ok(Owner { id, name: name.trim().to_owned(), kind, contact: data.contact })
}

/// Moves every measure of owner `from` to owner `into` and deletes `from`, in one change (an
/// owner merged into itself is left as it is).
pub(super) fn merge_owners(tx: &mut dyn Sql, batch: &Batch, from: i64, into: i64) -> Result<()> {
    if from == into {
        return Ok(());
    }
    load_owner(tx, into)?;
    for code in owner_usage(tx, from)? {
        let current =
            load_measure(tx, &code)?.ok_or_else(|| StoreError::UnknownMeasure(code.clone()))?;
        let wanted = Measure { owner: Some(into), ..current.clone() };
        update_in_tx(tx, batch, &current, wanted, "")?;
    }
    remove_owner(tx, batch, from)
}

/// A meeting as the history keeps it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct MeetingData {
    pub id: i64,
    pub date: NaiveDate,
    pub title: String,
}

/// Inserts a meeting (with a given id when restoring) and records it.
pub(super) fn insert_meeting(tx: &mut dyn Sql, batch: &Batch, m: &MeetingData) -> Result<i64> {
    if m.title.trim().is_empty() {
        return Err(StoreError::EmptyMeetingTitle);
    }
    crate::model::check_length("title", m.title.trim(), crate::model::MAX_TITLE)?;
    let id = insert_returning_id(
        tx,
        "meeting",
        &["date", "title"],
        m.id,
        params![m.date, m.title.trim()],
    )?;
    let stored = MeetingData { id, date: m.date, title: m.title.trim().to_owned() };
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
pub(super) fn remove_meeting(tx: &mut dyn Sql, batch: &Batch, data: &MeetingData) -> Result<()> {
    if tx.execute("DELETE FROM meeting WHERE id = ?1", params![data.id])? != 1 {
        return Err(StoreError::Gone);
    }
    let text = format!("{} {}", data.date, data.title);
    batch.record_data(tx, None, "meeting-deleted", Some(&text), None, "", Some(&to_json(data)?))?;
    Ok(())
}

/// Inserts a baseline (with a given id when restoring) and records it.
pub(super) fn insert_baseline(tx: &mut dyn Sql, batch: &Batch, b: &Baseline) -> Result<i64> {
    let title = b.title.trim();
    if title.is_empty() {
        return Err(StoreError::EmptyBaselineTitle);
    }
    crate::model::check_length("title", title, crate::model::MAX_TITLE)?;
    if tx.query_opt("SELECT id FROM baseline WHERE title = ?1", params![title])?.is_some() {
        return Err(StoreError::BaselineExists(title.to_owned()));
    }
    let data = to_json(&b.measures)?;
    let id = insert_returning_id(
        tx,
        "baseline",
        &["title", "date", "data"],
        b.id,
        params![title, b.date, data],
    )?;
    let stored = Baseline { id, title: title.to_owned(), ..b.clone() };
    let text = format!("{} {}", stored.date, stored.title);
    batch.record_data(
        tx,
        None,
        "baseline-added",
        None,
        Some(&text),
        "",
        Some(&to_json(&stored)?),
    )?;
    Ok(id)
}

/// Deletes a baseline and records it (for undo).
pub(super) fn remove_baseline(tx: &mut dyn Sql, batch: &Batch, data: &Baseline) -> Result<()> {
    if tx.execute("DELETE FROM baseline WHERE id = ?1", params![data.id])? != 1 {
        return Err(StoreError::Gone);
    }
    let text = format!("{} {}", data.date, data.title);
    batch.record_data(
        tx,
        None,
        "baseline-deleted",
        Some(&text),
        None,
        "",
        Some(&to_json(data)?),
    )?;
    Ok(())
}

/// Freezes the current plan as baseline `title` of `date`.
pub(super) fn add_baseline(
    tx: &mut dyn Sql,
    batch: &Batch,
    title: &str,
    date: NaiveDate,
) -> Result<Baseline> {
    let roadmap = super::queries::load_roadmap(tx)?;
    let baseline = Baseline::of(&roadmap, title, date);
    let id = insert_baseline(tx, batch, &baseline)?;
    Ok(Baseline { id, ..baseline })
}

/// Records a council meeting.
pub(super) fn add_meeting(
    tx: &mut dyn Sql,
    batch: &Batch,
    date: NaiveDate,
    title: &str,
) -> Result<Meeting> {
    let id = insert_meeting(tx, batch, &MeetingData { id: 0, date, title: title.to_owned() })?;
    Ok(Meeting { id, date, title: title.trim().to_owned() })
}
