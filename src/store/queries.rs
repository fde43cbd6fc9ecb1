//! Reads: the roadmap snapshot, single measures, the history. Shared by every engine: written
//! in the dialect of [`super::sql`] against [`Sql`].

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::sql::{Row, Sql, Value, params};
use super::{Result, StoreError};
use crate::model::{
    Baseline, Change, Expense, Framework, FrameworkRef, Horizon, Measure, Meeting, Money, Owner,
    OwnerKind, Reevaluation, Roadmap, RoadmapInfo, Status, UnreadableRow, Verdict,
};

/// The timestamp format of history rows.
pub(super) const AT_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// A column whose text is not a valid value of its kind.
fn invalid(idx: usize, text: &str, what: &str) -> StoreError {
    StoreError::Encoding(format!("column {idx}: {what}: {text:?} is not valid"))
}

fn slug<T>(row: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> Result<T> {
    let text = row.text(idx)?;
    parse(&text).ok_or_else(|| invalid(idx, &text, "value"))
}

const MEASURE_COLUMNS: &str = "id, code, title, description, horizon, owner_id, stakeholders, status, \
     progress, planned_start, due, completed, reeval_interval_months, next_reevaluation, \
          planned_one_off_cents, planned_yearly_cents, notes, version, archived, archived_on, \
     funding_source, funding_share, staff_days_planned, staff_days_spent";

fn measure_from_row(row: &Row) -> Result<Measure> {
    let stakeholders = row.text(6)?;
    let progress = row.int(8)?;
    let interval = row
        .opt_int(12)?
        .map(|months| u32::try_from(months).map_err(|_| invalid(12, &months.to_string(), "months")))
        .transpose()?;
    Ok(Measure {
        id: row.int(0)?,
        code: row.text(1)?,
        title: row.text(2)?,
        description: row.text(3)?,
        horizon: slug(row, 4, Horizon::from_slug)?,
        owner: row.opt_int(5)?,
        stakeholders: serde_json::from_str(&stakeholders)
            .map_err(|_| invalid(6, &stakeholders, "stakeholders"))?,
        status: slug(row, 7, Status::from_slug)?,
        progress: u8::try_from(progress)
            .map_err(|_| invalid(8, &progress.to_string(), "progress"))?,
        start: row.date(9)?,
        due: row.date(10)?,
        completed: row.opt_date(11)?,
        frameworks: Vec::new(),
        depends_on: Vec::new(),
        reevaluation_interval_months: interval,
        next_reevaluation: row.opt_date(13)?,
        planned_one_off: Money(row.int(14)?),
        planned_yearly: Money(row.int(15)?),
        notes: row.text(16)?,
        version: row.int(17)?,
        archived: row.flag(18)?,
        archived_on: row.opt_date(19)?,
        funding_source: row.text(20)?,
        funding_share: small(row, 21, "funding share")?,
        staff_days_planned: small(row, 22, "staff days")?,
        staff_days_spent: small(row, 23, "staff days")?,
    })
}

/// A column holding a small whole number (a share, a count of days).
fn small<T: TryFrom<i64>>(row: &Row, idx: usize, what: &str) -> Result<T> {
    let value = row.int(idx)?;
    T::try_from(value).map_err(|_| invalid(idx, &value.to_string(), what))
}

/// Fills in framework references and dependencies of the measures (ids must be set): of the one
/// measure `only`, or of all.
/// A reference that cannot be read is left out and named in `skipped`.
fn attach_relations(
    db: &mut dyn Sql,
    measures: &mut [Measure],
    only: Option<i64>,
    skipped: &mut Vec<UnreadableRow>,
) -> Result<()> {
    let index: HashMap<i64, usize> = measures.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let (filter, values) = match only {
        Some(id) => ("WHERE f.measure_id = ?1", vec![Value::Int(id)]),
        None => ("", Vec::new()),
    };
    // The measure's code second: a reference that cannot be read is named by it.
    const REF_COLUMNS: &str = "f.measure_id, m.code, f.framework, f.reference";
    let sql = format!(
        "SELECT {REF_COLUMNS} FROM framework_ref f JOIN measure m ON m.id = f.measure_id \
         {filter} ORDER BY f.measure_id, f.position"
    );
    let rows = db.query(&sql, &values)?;
    let refs = readable(&rows, ("framework_ref", REF_COLUMNS), skipped, |row| {
        let framework = slug(row, 2, Framework::from_slug)?;
        Ok((row.int(0)?, FrameworkRef { framework, reference: row.text(3)? }))
    });
    for (id, reference) in refs {
        if let Some(&i) = index.get(&id) {
            measures[i].frameworks.push(reference);
        }
    }
    let filter = if only.is_some() { "WHERE d.measure_id = ?1" } else { "" };
    let sql = format!(
        "SELECT d.measure_id, m.code FROM dependency d JOIN measure m ON m.id = d.depends_on \
         {filter} ORDER BY d.measure_id, m.code"
    );
    for row in db.query(&sql, &values)? {
        if let Some(&i) = index.get(&row.int(0)?) {
            measures[i].depends_on.push(row.text(1)?);
        }
    }
    Ok(())
}

/// Reads each row with `read`; a row that cannot be read is left out and named in `skipped` (as
/// `kind`, its name in the second column, its id in the first, and the column that failed,
/// named from `columns`), so that one bad row never hides the rest.
pub(super) fn readable<T>(
    rows: &[Row],
    (kind, columns): (&'static str, &str),
    skipped: &mut Vec<UnreadableRow>,
    read: impl Fn(&Row) -> Result<T>,
) -> Vec<T> {
    let mut read_rows = Vec::with_capacity(rows.len());
    for row in rows {
        match read(row) {
            Ok(value) => read_rows.push(value),
            Err(e) => skipped.push(unreadable(row, kind, columns, &e)),
        }
    }
    read_rows
}

/// What names a row that `read` refused with `e`.
fn unreadable(row: &Row, kind: &'static str, columns: &str, e: &StoreError) -> UnreadableRow {
    let text = |v: &Value| match v {
        Value::Null => None,
        Value::Int(i) => Some(i.to_string()),
        Value::Text(t) => Some(t.chars().take(60).collect()),
        Value::Blob(b) => Some(format!("{} bytes", b.len())),
    };
    // The failing column, as the readers' errors say it ("column 10: …").
    let column = e.to_string().split("column ").nth(1).and_then(|rest| {
        rest.split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse::<usize>().ok())
    });
    let name = |i: usize| {
        columns
            .split(',')
            .nth(i)
            .map(|c| c.trim().rsplit('.').next().unwrap_or(c).trim().to_owned())
    };
    UnreadableRow {
        kind,
        name: row.value(1).ok().and_then(text).unwrap_or_default(),
        id: row.value(0).ok().and_then(|v| if let Value::Int(i) = v { Some(*i) } else { None }),
        field: column.and_then(name),
        value: column.and_then(|i| row.value(i).ok()).and_then(text),
    }
}

/// Every measure, by code, with its relations.
pub(super) fn load_measures(db: &mut dyn Sql) -> Result<Vec<Measure>> {
    load_measures_noting(db, &mut Vec::new())
}

/// [`load_measures`], naming the rows that cannot be read in `skipped`.
fn load_measures_noting(
    db: &mut dyn Sql,
    skipped: &mut Vec<UnreadableRow>,
) -> Result<Vec<Measure>> {
    let sql = format!("SELECT {MEASURE_COLUMNS} FROM measure ORDER BY code");
    let rows = db.query(&sql, params![])?;
    let mut measures = readable(&rows, ("measure", MEASURE_COLUMNS), skipped, measure_from_row);
    attach_relations(db, &mut measures, None, skipped)?;
    Ok(measures)
}

/// One measure by code, with its relations.
pub(super) fn load_measure(db: &mut dyn Sql, code: &str) -> Result<Option<Measure>> {
    let sql = format!("SELECT {MEASURE_COLUMNS} FROM measure WHERE code = ?1");
    let Some(row) = db.query_opt(&sql, params![code])? else {
        return Ok(None);
    };
    let mut measure = measure_from_row(&row)?;
    let id = measure.id;
    attach_relations(db, std::slice::from_mut(&mut measure), Some(id), &mut Vec::new())?;
    Ok(Some(measure))
}

/// The id of the measure that has `code` now.
pub(super) fn find_measure_id(db: &mut dyn Sql, code: &str) -> Result<Option<i64>> {
    db.query_opt("SELECT id FROM measure WHERE code = ?1", params![code])?
        .map(|row| row.int(0))
        .transpose()
}

/// Every owner, by name.
pub(super) fn load_owners(db: &mut dyn Sql) -> Result<Vec<Owner>> {
    load_owners_noting(db, &mut Vec::new())
}

/// [`load_owners`], naming the rows that cannot be read in `skipped`.
fn load_owners_noting(db: &mut dyn Sql, skipped: &mut Vec<UnreadableRow>) -> Result<Vec<Owner>> {
    const COLUMNS: &str = "id, name, kind, contact";
    let rows = db.query(&format!("SELECT {COLUMNS} FROM owner ORDER BY name"), params![])?;
    Ok(readable(&rows, ("owner", COLUMNS), skipped, |row| {
        Ok(Owner {
            id: row.int(0)?,
            name: row.text(1)?,
            kind: slug(row, 2, OwnerKind::from_slug)?,
            contact: row.opt_text(3)?,
        })
    }))
}

fn load_expenses(db: &mut dyn Sql, skipped: &mut Vec<UnreadableRow>) -> Result<Vec<Expense>> {
    const COLUMNS: &str = "e.id, m.code, e.date, e.amount_cents, e.note";
    let rows = db.query(
        &format!(
            "SELECT {COLUMNS} FROM expense e JOIN measure m ON m.id = e.measure_id \
             ORDER BY e.date, e.id"
        ),
        params![],
    )?;
    Ok(readable(&rows, ("expense", COLUMNS), skipped, |row| {
        Ok(Expense {
            id: row.int(0)?,
            code: row.text(1)?,
            date: row.date(2)?,
            amount: Money(row.int(3)?),
            note: row.text(4)?,
        })
    }))
}

fn load_reevaluations(
    db: &mut dyn Sql,
    skipped: &mut Vec<UnreadableRow>,
) -> Result<Vec<Reevaluation>> {
    const COLUMNS: &str = "r.id, m.code, r.date, r.verdict, r.note, r.by_whom, r.confirmed_by, \
         r.confirmed_at, r.confirmation_imported";
    let rows = db.query(
        &format!(
            "SELECT {COLUMNS} FROM reevaluation r JOIN measure m ON m.id = r.measure_id \
             ORDER BY r.date, r.id"
        ),
        params![],
    )?;
    let mut reevaluations = readable(&rows, ("reevaluation", COLUMNS), skipped, |row| {
        Ok(Reevaluation {
            id: row.int(0)?,
            code: row.text(1)?,
            date: row.date(2)?,
            verdict: slug(row, 3, Verdict::from_slug)?,
            note: row.text(4)?,
            by: row.text(5)?,
            confirmed_by: row.opt_text(6)?,
            confirmed_at: row.opt_date(7)?,
            imported: row.flag(8)?,
        })
    });
    // A confirmation counts only as the history gives it: its latest confirmation row (in the
    // chain's order) is one made here, by the one named. One set by hand in the file, or left
    // after its history was rewritten, counts as imported (shown, never a sign-off).
    if reevaluations.iter().any(Reevaluation::is_confirmed) {
        let given = confirmations_given(db)?;
        for r in reevaluations.iter_mut().filter(|r| r.is_confirmed()) {
            r.imported = r.imported || given.get(&r.id) != Some(&r.confirmed_by);
        }
    }
    Ok(reevaluations)
}

/// The history rows of confirmations (read only when a verdict is confirmed; the overview of many
/// roadmaps fetches them always).
pub(super) const CONFIRMATIONS: &str = "SELECT new, imported, data, who, old FROM history \
     WHERE field = 'reevaluation-confirmed' AND data IS NOT NULL ORDER BY seq, id";

/// For each re-evaluation, who its latest recorded confirmation row says confirmed it (`None`
/// when that row took it back or came from a file). On a server, whose `who` is the login it
/// authenticated, a row counts only as its author's: a confirmation given by the one it names,
/// taken back by the one who gave it (a row an editor wrote with psql naming another counts
/// for nothing).
fn confirmations_given(db: &mut dyn Sql) -> Result<HashMap<i64, Option<String>>> {
    let server = db.chains_history();
    let rows = db.query(CONFIRMATIONS, params![])?;
    let mut given = HashMap::new();
    for row in rows {
        let data = row.text(2)?;
        let Some(id) = serde_json::from_str::<serde_json::Value>(&data)
            .ok()
            .and_then(|v| v.get("id").and_then(serde_json::Value::as_i64))
        else {
            continue;
        };
        let (new, who, old) = (row.opt_text(0)?, row.text(3)?, row.opt_text(4)?);
        let authored = match &new {
            Some(by) => *by == who,
            None => old.as_deref() == Some(who.as_str()),
        };
        if server && !authored {
            continue;
        }
        let by = if row.flag(1)? { None } else { new };
        given.insert(id, by);
    }
    Ok(given)
}

fn load_baselines(db: &mut dyn Sql, skipped: &mut Vec<UnreadableRow>) -> Result<Vec<Baseline>> {
    const COLUMNS: &str = "id, title, date, data";
    let rows = db.query(&format!("SELECT {COLUMNS} FROM baseline ORDER BY date, id"), params![])?;
    Ok(readable(&rows, ("baseline", COLUMNS), skipped, |row| {
        let data = row.text(3)?;
        Ok(Baseline {
            id: row.int(0)?,
            title: row.text(1)?,
            date: row.date(2)?,
            measures: serde_json::from_str(&data)
                .map_err(|_| invalid(3, &data.chars().take(40).collect::<String>(), "baseline"))?,
        })
    }))
}

fn load_meetings(db: &mut dyn Sql, skipped: &mut Vec<UnreadableRow>) -> Result<Vec<Meeting>> {
    const COLUMNS: &str = "id, title, date";
    let rows = db.query(&format!("SELECT {COLUMNS} FROM meeting ORDER BY date, id"), params![])?;
    Ok(readable(&rows, ("meeting", COLUMNS), skipped, |row| {
        Ok(Meeting { id: row.int(0)?, date: row.date(2)?, title: row.text(1)? })
    }))
}

/// The roadmap's facts (town, name, day of adoption).
pub(super) fn load_info(db: &mut dyn Sql) -> Result<RoadmapInfo> {
    let mut info = RoadmapInfo::default();
    for row in db.query("SELECT key, value FROM meta", params![])? {
        let value = row.text(1)?;
        match row.text(0)?.as_str() {
            "town" => info.town = value,
            "name" => info.name = value,
            "adopted" => info.adopted = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok(),
            _ => {}
        }
    }
    Ok(info)
}

/// The whole roadmap. For one consistent snapshot the engine runs it inside one transaction.
/// A row that cannot be read is left out and named in [`Roadmap::unreadable`].
pub(super) fn load_roadmap(db: &mut dyn Sql) -> Result<Roadmap> {
    let mut skipped = Vec::new();
    let assessment = super::assess::load(db, &mut skipped)?;
    Ok(Roadmap {
        info: load_info(db)?,
        measures: load_measures_noting(db, &mut skipped)?,
        owners: load_owners_noting(db, &mut skipped)?,
        expenses: load_expenses(db, &mut skipped)?,
        reevaluations: load_reevaluations(db, &mut skipped)?,
        meetings: load_meetings(db, &mut skipped)?,
        baselines: load_baselines(db, &mut skipped)?,
        evidence: super::evidence::load_evidence(db, &mut skipped)?,
        assessment,
        unreadable: skipped,
    })
}

/// The roadmap and the time of its latest change, in one read (the overview of many roadmaps).
pub(super) fn town_snapshot(db: &mut dyn Sql) -> Result<crate::model::TownSnapshot> {
    let roadmap = load_roadmap(db)?;
    let latest = db.query_one("SELECT max(at) FROM history", params![])?.opt_text(0)?;
    let last_change = latest.and_then(|at| NaiveDateTime::parse_from_str(&at, AT_FORMAT).ok());
    Ok(crate::model::TownSnapshot { roadmap, last_change })
}

const CHANGE_COLUMNS: &str =
    "id, batch, at, who, code, field, old, new, comment, measure_id, imported";

/// A history row; one whose time cannot be read keeps its place (the time of the row before,
/// `before`) and says so in its field (`unreadable`, the stored time as its new value).
fn change_from_row(row: &Row, before: NaiveDateTime) -> Result<Change> {
    let at = row.text(2)?;
    let Ok(time) = NaiveDateTime::parse_from_str(&at, AT_FORMAT) else {
        return Ok(Change {
            id: row.int(0)?,
            batch: row.int(1)?,
            at: before,
            who: row.text(3)?,
            code: row.opt_text(4)?,
            measure_id: row.opt_int(9)?,
            field: "unreadable".to_owned(),
            old: row.opt_text(5)?,
            new: Some(at),
            comment: row.text(8)?,
            imported: row.flag(10)?,
        });
    };
    Ok(Change {
        id: row.int(0)?,
        batch: row.int(1)?,
        at: time,
        who: row.text(3)?,
        code: row.opt_text(4)?,
        field: row.text(5)?,
        old: row.opt_text(6)?,
        new: row.opt_text(7)?,
        comment: row.text(8)?,
        measure_id: row.opt_int(9)?,
        imported: row.flag(10)?,
    })
}

fn changes(db: &mut dyn Sql, filter: &str, values: &[Value]) -> Result<Vec<Change>> {
    let sql = format!("SELECT {CHANGE_COLUMNS} FROM history {filter} ORDER BY id");
    // (Before the first row: the epoch, a date every reader and the import accept.)
    let mut before = chrono::DateTime::UNIX_EPOCH.naive_utc();
    db.query(&sql, values)?
        .iter()
        .map(|row| {
            let change = change_from_row(row, before)?;
            before = change.at;
            Ok(change)
        })
        .collect()
}

/// The history, oldest first: of one measure, or of the whole roadmap. A measure's history
/// follows the measure through renames (each row shows the code it had then); for a code no
/// measure has any more, the rows written under that code.
pub(super) fn history(db: &mut dyn Sql, code: Option<&str>) -> Result<Vec<Change>> {
    let Some(code) = code else {
        return changes(db, "", params![]);
    };
    // Both by index: the measure's rows by its id, a removed one's by the code it had.
    match find_measure_id(db, code)? {
        Some(id) => changes(db, "WHERE measure_id = ?1", params![id]),
        None => changes(db, "WHERE code = ?1", params![code]),
    }
}

/// The history rows one write recorded, oldest first.
pub(super) fn batch_changes(db: &mut dyn Sql, batch: i64) -> Result<Vec<Change>> {
    changes(db, "WHERE batch = ?1", params![batch])
}

/// The batch that wrote the default roadmap into this roadmap, if it was seeded.
pub(super) fn seed_batch(db: &mut dyn Sql) -> Result<Option<i64>> {
    db.query_one("SELECT min(id) FROM batch WHERE kind = 'seed'", params![])?.opt_int(0)
}
