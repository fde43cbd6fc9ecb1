//! Reads: the roadmap snapshot, single measures, the history.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, types::Type};

use super::{Result, Store};
use crate::model::{
    Change, Expense, Framework, FrameworkRef, Horizon, Measure, Meeting, Money, Owner, OwnerKind,
    Reevaluation, Roadmap, RoadmapInfo, Status, Verdict,
};

/// The timestamp format of history rows.
pub(super) const AT_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

fn conversion(idx: usize, text: &str, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        Type::Text,
        format!("{what}: {text:?} is not valid").into(),
    )
}

fn date_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(idx)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| conversion(idx, &text, "date"))
}

fn opt_date_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| conversion(idx, &t, "date")))
        .transpose()
}

fn slug_at<T>(row: &Row<'_>, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| conversion(idx, &text, "value"))
}

const MEASURE_COLUMNS: &str = "id, code, title, description, horizon, owner_id, stakeholders, status, \
     progress, planned_start, due, completed, reeval_interval_months, next_reevaluation, \
          planned_one_off_cents, planned_yearly_cents, notes, version, archived, archived_on";

fn measure_from_row(row: &Row<'_>) -> rusqlite::Result<Measure> {
    let stakeholders: String = row.get(6)?;
    let progress: i64 = row.get(8)?;
    Ok(Measure {
        id: row.get(0)?,
        code: row.get(1)?,
        title: row.get(2)?,
        description: row.get(3)?,
        horizon: slug_at(row, 4, Horizon::from_slug)?,
        owner: row.get(5)?,
        stakeholders: serde_json::from_str(&stakeholders)
            .map_err(|_| conversion(6, &stakeholders, "stakeholders"))?,
        status: slug_at(row, 7, Status::from_slug)?,
        progress: u8::try_from(progress)
            .map_err(|_| conversion(8, &progress.to_string(), "progress"))?,
        start: date_at(row, 9)?,
        due: date_at(row, 10)?,
        completed: opt_date_at(row, 11)?,
        frameworks: Vec::new(),
        depends_on: Vec::new(),
        reevaluation_interval_months: row.get(12)?,
        next_reevaluation: opt_date_at(row, 13)?,
        planned_one_off: Money(row.get(14)?),
        planned_yearly: Money(row.get(15)?),
        notes: row.get(16)?,
        version: row.get(17)?,
        archived: row.get(18)?,
        archived_on: opt_date_at(row, 19)?,
    })
}

/// Fills in framework references and dependencies of the measures (ids must be set).
fn attach_relations(
    conn: &Connection,
    measures: &mut [Measure],
    only: Option<i64>,
) -> rusqlite::Result<()> {
    let index: HashMap<i64, usize> = measures.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let filter = if only.is_some() { "WHERE measure_id = ?1" } else { "WHERE ?1 IS NULL" };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT measure_id, framework, reference FROM framework_ref {filter} ORDER BY measure_id, position"
    ))?;
    let mut rows = stmt.query([only])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let framework = slug_at(row, 1, Framework::from_slug)?;
        if let Some(&i) = index.get(&id) {
            measures[i].frameworks.push(FrameworkRef { framework, reference: row.get(2)? });
        }
    }
    let filter = if only.is_some() { "WHERE d.measure_id = ?1" } else { "WHERE ?1 IS NULL" };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT d.measure_id, m.code FROM dependency d JOIN measure m ON m.id = d.depends_on \
         {filter} ORDER BY d.measure_id, m.code"
    ))?;
    let mut rows = stmt.query([only])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if let Some(&i) = index.get(&id) {
            measures[i].depends_on.push(row.get(1)?);
        }
    }
    Ok(())
}

pub(super) fn load_measures(conn: &Connection) -> rusqlite::Result<Vec<Measure>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {MEASURE_COLUMNS} FROM measure ORDER BY code"))?;
    let mut measures: Vec<Measure> =
        stmt.query_map([], measure_from_row)?.collect::<rusqlite::Result<_>>()?;
    attach_relations(conn, &mut measures, None)?;
    Ok(measures)
}

pub(super) fn load_measure(conn: &Connection, code: &str) -> rusqlite::Result<Option<Measure>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {MEASURE_COLUMNS} FROM measure WHERE code = ?1"))?;
    let Some(mut measure) = stmt.query_row([code], measure_from_row).optional()? else {
        return Ok(None);
    };
    let id = measure.id;
    attach_relations(conn, std::slice::from_mut(&mut measure), Some(id))?;
    Ok(Some(measure))
}

pub(super) fn load_owners(conn: &Connection) -> rusqlite::Result<Vec<Owner>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, kind, contact FROM owner ORDER BY name")?;
    stmt.query_map([], |row| {
        Ok(Owner {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: slug_at(row, 2, OwnerKind::from_slug)?,
            contact: row.get(3)?,
        })
    })?
    .collect()
}

fn load_expenses(conn: &Connection) -> rusqlite::Result<Vec<Expense>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, m.code, e.date, e.amount_cents, e.note FROM expense e \
         JOIN measure m ON m.id = e.measure_id ORDER BY e.date, e.id",
    )?;
    stmt.query_map([], |row| {
        Ok(Expense {
            id: row.get(0)?,
            code: row.get(1)?,
            date: date_at(row, 2)?,
            amount: Money(row.get(3)?),
            note: row.get(4)?,
        })
    })?
    .collect()
}

fn load_reevaluations(conn: &Connection) -> rusqlite::Result<Vec<Reevaluation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, m.code, r.date, r.verdict, r.note, r.by_whom FROM reevaluation r \
         JOIN measure m ON m.id = r.measure_id ORDER BY r.date, r.id",
    )?;
    stmt.query_map([], |row| {
        Ok(Reevaluation {
            id: row.get(0)?,
            code: row.get(1)?,
            date: date_at(row, 2)?,
            verdict: slug_at(row, 3, Verdict::from_slug)?,
            note: row.get(4)?,
            by: row.get(5)?,
        })
    })?
    .collect()
}

fn load_meetings(conn: &Connection) -> rusqlite::Result<Vec<Meeting>> {
    let mut stmt = conn.prepare_cached("SELECT id, date, title FROM meeting ORDER BY date, id")?;
    stmt.query_map([], |row| {
        Ok(Meeting { id: row.get(0)?, date: date_at(row, 1)?, title: row.get(2)? })
    })?
    .collect()
}

pub(super) fn load_info(conn: &Connection) -> rusqlite::Result<RoadmapInfo> {
    let mut stmt = conn.prepare_cached("SELECT key, value FROM meta")?;
    let mut info = RoadmapInfo::default();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (key, value): (String, String) = (row.get(0)?, row.get(1)?);
        match key.as_str() {
            "town" => info.town = value,
            "name" => info.name = value,
            "adopted" => info.adopted = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok(),
            _ => {}
        }
    }
    Ok(info)
}

fn change_from_row(row: &Row<'_>) -> rusqlite::Result<Change> {
    let at: String = row.get(2)?;
    Ok(Change {
        id: row.get(0)?,
        batch: row.get(1)?,
        at: NaiveDateTime::parse_from_str(&at, AT_FORMAT)
            .map_err(|_| conversion(2, &at, "time"))?,
        who: row.get(3)?,
        code: row.get(4)?,
        field: row.get(5)?,
        old: row.get(6)?,
        new: row.get(7)?,
        comment: row.get(8)?,
        measure_id: row.get(9)?,
    })
}

impl Store {
    /// The whole roadmap as one consistent snapshot.
    pub fn load_roadmap(&self) -> Result<Roadmap> {
        let tx = self.conn.unchecked_transaction()?;
        let roadmap = Roadmap {
            info: load_info(&tx)?,
            measures: load_measures(&tx)?,
            owners: load_owners(&tx)?,
            expenses: load_expenses(&tx)?,
            reevaluations: load_reevaluations(&tx)?,
            meetings: load_meetings(&tx)?,
        };
        tx.finish()?;
        Ok(roadmap)
    }

    /// One measure by code.
    pub fn measure(&self, code: &str) -> Result<Option<Measure>> {
        Ok(load_measure(&self.conn, code)?)
    }

    /// The history, oldest first: of one measure, or of the whole roadmap. A measure's history
    /// follows the measure through renames (each row shows the code it had then); for a code no
    /// measure has any more, the rows written under that code.
    pub fn history(&self, code: Option<&str>) -> Result<Vec<Change>> {
        const COLUMNS: &str = "id, batch, at, who, code, field, old, new, comment, measure_id";
        let Some(code) = code else {
            let mut stmt =
                self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM history ORDER BY id"))?;
            return Ok(stmt.query_map([], change_from_row)?.collect::<rusqlite::Result<_>>()?);
        };
        let id: Option<i64> = self
            .conn
            .query_row("SELECT id FROM measure WHERE code = ?1", [code], |r| r.get(0))
            .optional()?;
        // Both by index: the measure's rows by its id, a removed one's by the code it had.
        let (sql, key) = match id {
            Some(id) => ("measure_id = ?1", rusqlite::types::Value::Integer(id)),
            None => ("code = ?1", rusqlite::types::Value::Text(code.to_owned())),
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM history WHERE {sql} ORDER BY id"))?;
        Ok(stmt.query_map([key], change_from_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// The history rows one write recorded, oldest first.
    pub fn batch_changes(&self, batch: i64) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, batch, at, who, code, field, old, new, comment, measure_id FROM history \
             WHERE batch = ?1 ORDER BY id",
        )?;
        Ok(stmt.query_map([batch], change_from_row)?.collect::<rusqlite::Result<_>>()?)
    }

    /// The batch that wrote the default roadmap into this file, if it was seeded.
    pub fn seed_batch(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT min(id) FROM batch WHERE kind = 'seed'", [], |r| r.get(0))?)
    }
}
