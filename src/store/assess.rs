//! The assessment's rows: catalogues (each one row, its tree as JSON), rounds, results and the
//! links from measures to requirements. Every change is recorded in the history with the state
//! before and after (`data`), so undo restores the state before, once it finds the state after.
//! Shared by every engine: written in the dialect of [`super::sql`] against [`Sql`].

use serde::{Deserialize, Serialize};

use super::queries::{find_measure_id, readable};
use super::sql::{Sql, params};
use super::write::Batch;
use super::{Result, StoreError};
use crate::model::{
    AssessChange, AssessError, AssessResult, Assessment, Catalog, Node, Outcome, RequirementLink,
    Round, UnreadableRow, catalog_diff, check_catalog, check_length,
};

/// The history fields of the assessment (undo reverts them with [`revert_row`]).
pub(super) const FIELDS: [&str; 4] = ["catalog", "round", "assessment-result", "requirement-link"];

impl From<AssessError> for StoreError {
    fn from(e: AssessError) -> Self {
        Self::Assessment(e)
    }
}

/// A state before and after a change, as the history keeps it.
#[derive(Serialize, Deserialize)]
struct Transition<T> {
    before: Option<T>,
    after: Option<T>,
}

/// A round with its results, as the history keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct RoundState {
    round: Round,
    results: Vec<AssessResult>,
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Encoding(e.to_string()))
}

fn damaged(detail: impl std::fmt::Display) -> StoreError {
    StoreError::Damaged { path: std::path::PathBuf::default(), detail: detail.to_string() }
}

// --- Reading -------------------------------------------------------------------------------------

const CATALOG_COLUMNS: &str = "id, name, version, source, data";
const ROUND_COLUMNS: &str = "id, title, date, by_whom, catalogs, from_round, target_maturity";
const RESULT_COLUMNS: &str = "x.round_id, r.title, x.catalog, x.requirement, x.result, \
     x.maturity, x.note, x.carried_over, x.assessed_on";

/// A maturity 0–5 read from `column`.
fn maturity(value: Option<i64>, column: usize) -> Result<Option<u8>> {
    value
        .map(|m| {
            u8::try_from(m)
                .ok()
                .filter(|m| *m <= 5)
                .ok_or_else(|| damaged(format!("column {column}: maturity {m}")))
        })
        .transpose()
}

fn catalog_from_row(row: &super::sql::Row) -> Result<Catalog> {
    let nodes: Vec<Node> =
        serde_json::from_str(&row.text(4)?).map_err(|e| damaged(format!("column 4: {e}")))?;
    Ok(Catalog { name: row.text(1)?, version: row.text(2)?, source: row.text(3)?, nodes })
}

fn round_from_row(row: &super::sql::Row) -> Result<Round> {
    let catalogs: Vec<String> =
        serde_json::from_str(&row.text(4)?).map_err(|e| damaged(format!("column 4: {e}")))?;
    Ok(Round {
        title: row.text(1)?,
        date: row.date(2)?,
        by: row.text(3)?,
        catalogs,
        from: row.opt_text(5)?,
        target_maturity: maturity(row.opt_int(6)?, 6)?,
    })
}

fn result_from_row(row: &super::sql::Row) -> Result<AssessResult> {
    Ok(AssessResult {
        round: row.text(1)?,
        catalog: row.text(2)?,
        requirement: row.text(3)?,
        result: Outcome::from_slug(&row.text(4)?).ok_or_else(|| damaged("column 4: result"))?,
        maturity: maturity(row.opt_int(5)?, 5)?,
        note: row.text(6)?,
        carried_over: row.flag(7)?,
        assessed_on: row.date(8)?,
    })
}

/// The whole assessment; a row that cannot be read is named in `skipped`.
pub(super) fn load(db: &mut dyn Sql, skipped: &mut Vec<UnreadableRow>) -> Result<Assessment> {
    let rows =
        db.query(&format!("SELECT {CATALOG_COLUMNS} FROM catalog ORDER BY name"), params![])?;
    let catalogs = readable(&rows, ("catalog", CATALOG_COLUMNS), skipped, catalog_from_row);
    let rows = db.query(
        &format!("SELECT {ROUND_COLUMNS} FROM assessment_round ORDER BY date, id"),
        params![],
    )?;
    let rounds = readable(&rows, ("round", ROUND_COLUMNS), skipped, round_from_row);
    let rows = db.query(
        &format!(
            "SELECT {RESULT_COLUMNS} FROM assessment_result x \
             JOIN assessment_round r ON r.id = x.round_id \
             ORDER BY r.date, r.id, x.catalog, x.requirement"
        ),
        params![],
    )?;
    let results = readable(&rows, ("assessment_result", RESULT_COLUMNS), skipped, result_from_row);
    const LINK_COLUMNS: &str = "l.measure_id, m.code, l.catalog, l.requirement";
    let rows = db.query(
        &format!(
            "SELECT {LINK_COLUMNS} FROM requirement_link l \
             JOIN measure m ON m.id = l.measure_id ORDER BY m.code, l.catalog, l.requirement"
        ),
        params![],
    )?;
    let links = readable(&rows, ("requirement_link", LINK_COLUMNS), skipped, |r| {
        Ok(RequirementLink { code: r.text(1)?, catalog: r.text(2)?, requirement: r.text(3)? })
    });
    Ok(Assessment { catalogs, rounds, results, links })
}

fn catalog_state(tx: &mut dyn Sql, name: &str) -> Result<Option<Catalog>> {
    tx.query_opt(&format!("SELECT {CATALOG_COLUMNS} FROM catalog WHERE name = ?1"), params![name])?
        .map(|row| catalog_from_row(&row))
        .transpose()
}

fn round_id(tx: &mut dyn Sql, title: &str) -> Result<Option<i64>> {
    tx.query_opt("SELECT id FROM assessment_round WHERE title = ?1", params![title])?
        .map(|r| r.int(0))
        .transpose()
}

fn round_state(tx: &mut dyn Sql, title: &str) -> Result<Option<RoundState>> {
    let Some(row) = tx.query_opt(
        &format!("SELECT {ROUND_COLUMNS} FROM assessment_round WHERE title = ?1"),
        params![title],
    )?
    else {
        return Ok(None);
    };
    let round = round_from_row(&row)?;
    let results = tx
        .query(
            &format!(
                "SELECT {RESULT_COLUMNS} FROM assessment_result x \
                 JOIN assessment_round r ON r.id = x.round_id WHERE r.id = ?1 \
                 ORDER BY x.catalog, x.requirement"
            ),
            params![row.int(0)?],
        )?
        .iter()
        .map(result_from_row)
        .collect::<Result<_>>()?;
    Ok(Some(RoundState { round, results }))
}

fn result_state(
    tx: &mut dyn Sql,
    round: &str,
    catalog: &str,
    requirement: &str,
) -> Result<Option<AssessResult>> {
    tx.query_opt(
        &format!(
            "SELECT {RESULT_COLUMNS} FROM assessment_result x \
             JOIN assessment_round r ON r.id = x.round_id \
             WHERE r.title = ?1 AND x.catalog = ?2 AND x.requirement = ?3"
        ),
        params![round, catalog, requirement],
    )?
    .map(|row| result_from_row(&row))
    .transpose()
}

fn link_state(tx: &mut dyn Sql, link: &RequirementLink) -> Result<bool> {
    Ok(tx
        .query_opt(
            "SELECT 1 FROM requirement_link l JOIN measure m ON m.id = l.measure_id \
             WHERE m.code = ?1 AND l.catalog = ?2 AND l.requirement = ?3",
            params![&link.code, &link.catalog, &link.requirement],
        )?
        .is_some())
}

// --- Putting states ------------------------------------------------------------------------------

fn put_catalog(tx: &mut dyn Sql, name: &str, state: Option<&Catalog>) -> Result<()> {
    tx.execute("DELETE FROM catalog WHERE name = ?1", params![name])?;
    if let Some(c) = state {
        tx.execute(
            "INSERT INTO catalog (name, version, source, data) VALUES (?1, ?2, ?3, ?4)",
            params![&c.name, &c.version, &c.source, to_json(&c.nodes)?],
        )?;
    }
    Ok(())
}

fn insert_result(tx: &mut dyn Sql, round: i64, x: &AssessResult) -> Result<()> {
    tx.execute(
        "INSERT INTO assessment_result (round_id, catalog, requirement, result, maturity, note, \
         carried_over, assessed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            round,
            &x.catalog,
            &x.requirement,
            x.result.as_str(),
            x.maturity.map(i64::from),
            &x.note,
            x.carried_over,
            x.assessed_on
        ],
    )?;
    Ok(())
}

fn put_round(tx: &mut dyn Sql, title: &str, state: Option<&RoundState>) -> Result<()> {
    if let Some(id) = round_id(tx, title)? {
        tx.execute("DELETE FROM assessment_result WHERE round_id = ?1", params![id])?;
        tx.execute("DELETE FROM assessment_round WHERE id = ?1", params![id])?;
    }
    let Some(RoundState { round: r, results }) = state else { return Ok(()) };
    let id = tx
        .query_one(
            "INSERT INTO assessment_round (title, date, by_whom, catalogs, from_round, \
             target_maturity) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            params![
                &r.title,
                r.date,
                &r.by,
                to_json(&r.catalogs)?,
                r.from.as_deref(),
                r.target_maturity.map(i64::from)
            ],
        )?
        .int(0)?;
    for x in results {
        insert_result(tx, id, x)?;
    }
    Ok(())
}

fn put_result(
    tx: &mut dyn Sql,
    (round, catalog, requirement): (&str, &str, &str),
    state: Option<&AssessResult>,
) -> Result<()> {
    let id = round_id(tx, round)?.ok_or_else(|| AssessError::UnknownRound(round.to_owned()))?;
    tx.execute(
        "DELETE FROM assessment_result WHERE round_id = ?1 AND catalog = ?2 AND requirement = ?3",
        params![id, catalog, requirement],
    )?;
    if let Some(x) = state {
        insert_result(tx, id, x)?;
    }
    Ok(())
}

fn put_link(tx: &mut dyn Sql, link: &RequirementLink, on: bool) -> Result<()> {
    let measure = find_measure_id(tx, &link.code)?
        .ok_or_else(|| StoreError::UnknownMeasure(link.code.clone()))?;
    tx.execute(
        "DELETE FROM requirement_link WHERE measure_id = ?1 AND catalog = ?2 AND requirement = ?3",
        params![measure, &link.catalog, &link.requirement],
    )?;
    if on {
        tx.execute(
            "INSERT INTO requirement_link (measure_id, catalog, requirement) VALUES (?1, ?2, ?3)",
            params![measure, &link.catalog, &link.requirement],
        )?;
    }
    Ok(())
}

// --- Recording -----------------------------------------------------------------------------------

fn catalog_text(c: &Catalog) -> String {
    if c.version.is_empty() { c.name.clone() } else { format!("{} {}", c.name, c.version) }
}

fn round_text(r: &RoundState) -> String {
    format!("{} {}", r.round.date, r.round.title)
}

/// "VdS 3473 4.1.1: met" (the result's slug last, for the history's words).
fn result_text(x: &AssessResult) -> String {
    format!("{} {}: {}", x.catalog, x.requirement, x.result.as_str())
}

fn link_text(l: &RequirementLink) -> String {
    format!("{} {}", l.catalog, l.requirement)
}

fn record_catalog(
    tx: &mut dyn Sql,
    batch: &Batch,
    before: Option<Catalog>,
    after: Option<Catalog>,
) -> Result<()> {
    let name = after.as_ref().or(before.as_ref()).map(|c| c.name.clone()).unwrap_or_default();
    put_catalog(tx, &name, after.as_ref())?;
    let (old, new) = (before.as_ref().map(catalog_text), after.as_ref().map(catalog_text));
    let data = to_json(&Transition { before, after })?;
    batch.record_data(tx, None, "catalog", old.as_deref(), new.as_deref(), "", Some(&data))
}

fn record_round(
    tx: &mut dyn Sql,
    batch: &Batch,
    before: Option<RoundState>,
    after: Option<RoundState>,
) -> Result<()> {
    let title =
        after.as_ref().or(before.as_ref()).map(|r| r.round.title.clone()).unwrap_or_default();
    put_round(tx, &title, after.as_ref())?;
    let (old, new) = (before.as_ref().map(round_text), after.as_ref().map(round_text));
    let data = to_json(&Transition { before, after })?;
    batch.record_data(tx, None, "round", old.as_deref(), new.as_deref(), "", Some(&data))
}

fn record_result(
    tx: &mut dyn Sql,
    batch: &Batch,
    key: (&str, &str, &str),
    before: Option<AssessResult>,
    after: Option<AssessResult>,
) -> Result<()> {
    put_result(tx, key, after.as_ref())?;
    let (old, new) = (before.as_ref().map(result_text), after.as_ref().map(result_text));
    let data = to_json(&(key, Transition { before, after }))?;
    batch.record_data(
        tx,
        None,
        "assessment-result",
        old.as_deref(),
        new.as_deref(),
        "",
        Some(&data),
    )
}

fn record_link(tx: &mut dyn Sql, batch: &Batch, link: &RequirementLink, on: bool) -> Result<()> {
    put_link(tx, link, on)?;
    let text = link_text(link);
    let (old, new) = if on { (None, Some(text.as_str())) } else { (Some(text.as_str()), None) };
    batch.record_data(tx, Some(&link.code), "requirement-link", old, new, "", Some(&to_json(link)?))
}

// --- Changes -------------------------------------------------------------------------------------

/// Typed text as it is kept: line ends as `\n` (a note only; a title on one line), tabs as
/// spaces, other control characters dropped (a terminal escape never reaches the record).
fn printable(text: &str, lines: bool) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' if lines => Some('\n'),
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Writes one change of the assessment, recorded.
pub(super) fn apply(tx: &mut dyn Sql, batch: &Batch, change: &AssessChange) -> Result<()> {
    match change {
        AssessChange::ImportCatalog(c) => import_catalog(tx, batch, c),
        AssessChange::RemoveCatalog(name) => remove_catalog(tx, batch, name),
        AssessChange::AddRound(r) => add_round(tx, batch, r),
        AssessChange::SetResult(x) => set_result(tx, batch, x),
        AssessChange::Link(link, on) => link_requirement(tx, batch, link, *on),
    }
}

fn import_catalog(tx: &mut dyn Sql, batch: &Batch, new: &Catalog) -> Result<()> {
    let new = Catalog { name: new.name.trim().to_owned(), ..new.clone() };
    if let Some(problem) = new.problem() {
        return Err(problem.into());
    }
    check_catalog(&new)?;
    let old = catalog_state(tx, &new.name)?;
    let diff = catalog_diff(old.as_ref(), &new);
    // Results of ids whose text changed are kept, marked as not assessed against the new
    // text (as if carried over) until someone assesses them again.
    for id in &diff.changed {
        let rounds = tx.query(
            "SELECT r.title FROM assessment_result x JOIN assessment_round r ON r.id = x.round_id \
             WHERE x.catalog = ?1 AND x.requirement = ?2 AND x.carried_over = 0 ORDER BY r.id",
            params![&new.name, id],
        )?;
        for row in rounds {
            let round = row.text(0)?;
            let before = result_state(tx, &round, &new.name, id)?;
            let after = before.clone().map(|x| AssessResult { carried_over: true, ..x });
            record_result(tx, batch, (&round, &new.name, id), before, after)?;
        }
    }
    // Results of ids that went are dropped (recorded: undo brings them back).
    for id in &diff.removed {
        let rounds = tx.query(
            "SELECT r.title FROM assessment_result x JOIN assessment_round r ON r.id = x.round_id \
             WHERE x.catalog = ?1 AND x.requirement = ?2 ORDER BY r.id",
            params![&new.name, id],
        )?;
        for row in rounds {
            let round = row.text(0)?;
            let before = result_state(tx, &round, &new.name, id)?;
            record_result(tx, batch, (&round, &new.name, id), before, None)?;
        }
    }
    // Links to ids that went are dropped as well.
    for id in &diff.removed {
        let codes = tx.query(
            "SELECT m.code FROM requirement_link l JOIN measure m ON m.id = l.measure_id \
             WHERE l.catalog = ?1 AND l.requirement = ?2 ORDER BY m.code",
            params![&new.name, id],
        )?;
        for row in codes {
            let link = RequirementLink {
                code: row.text(0)?,
                catalog: new.name.clone(),
                requirement: id.clone(),
            };
            record_link(tx, batch, &link, false)?;
        }
    }
    let first = old.is_none();
    if old.as_ref() != Some(&new) {
        record_catalog(tx, batch, old, Some(new.clone()))?;
    }
    // A catalogue new to the roadmap: the measures' framework references that name its
    // requirements become links.
    if first {
        let measures = super::queries::load_measures(tx)?;
        for link in crate::model::derived_links(&measures, &new) {
            record_link(tx, batch, &link, true)?;
        }
    }
    Ok(())
}

fn remove_catalog(tx: &mut dyn Sql, batch: &Batch, name: &str) -> Result<()> {
    let old =
        catalog_state(tx, name)?.ok_or_else(|| AssessError::UnknownCatalog(name.to_owned()))?;
    let rounds: Vec<String> = tx
        .query("SELECT title, catalogs FROM assessment_round ORDER BY date, id", params![])?
        .iter()
        .filter(|r| {
            r.text(1)
                .ok()
                .and_then(|c| serde_json::from_str::<Vec<String>>(&c).ok())
                .is_none_or(|c| c.iter().any(|c| c == name))
        })
        .map(|r| r.text(0))
        .collect::<Result<_>>()?;
    if !rounds.is_empty() {
        return Err(AssessError::CatalogInUse { name: name.to_owned(), rounds }.into());
    }
    let links = tx.query(
        "SELECT m.code, l.requirement FROM requirement_link l JOIN measure m ON m.id = l.measure_id \
         WHERE l.catalog = ?1 ORDER BY m.code, l.requirement",
        params![name],
    )?;
    for row in links {
        let link = RequirementLink {
            code: row.text(0)?,
            catalog: name.to_owned(),
            requirement: row.text(1)?,
        };
        record_link(tx, batch, &link, false)?;
    }
    record_catalog(tx, batch, Some(old), None)
}

fn add_round(tx: &mut dyn Sql, batch: &Batch, r: &Round) -> Result<()> {
    let title = printable(&r.title, false);
    let title = title.trim();
    let by = printable(&r.by, false);
    if title.is_empty() {
        return Err(AssessError::Empty("title").into());
    }
    check_length("title", title, crate::model::MAX_TITLE)?;
    check_length("by", &by, crate::model::MAX_TITLE)?;
    if !crate::model::date_in_range(r.date) {
        return Err(
            crate::model::ValidationError::DateOutOfRange { field: "date", date: r.date }.into()
        );
    }
    if round_id(tx, title)?.is_some() {
        return Err(AssessError::RoundExists(title.to_owned()).into());
    }
    if r.catalogs.is_empty() {
        return Err(AssessError::NoCatalog.into());
    }
    let mut catalogs: Vec<String> = Vec::new();
    for name in &r.catalogs {
        if catalog_state(tx, name)?.is_none() {
            return Err(AssessError::UnknownCatalog(name.clone()).into());
        }
        if !catalogs.contains(name) {
            catalogs.push(name.clone());
        }
    }
    if let Some(m) = r.target_maturity.filter(|m| *m > 5) {
        return Err(AssessError::Maturity(m).into());
    }
    let round = Round { title: title.to_owned(), catalogs, by: by.trim().to_owned(), ..r.clone() };
    let mut results = Vec::new();
    if let Some(from) = &r.from {
        let earlier =
            round_state(tx, from)?.ok_or_else(|| AssessError::UnknownRound(from.clone()))?;
        results = earlier
            .results
            .into_iter()
            .filter(|x| round.catalogs.contains(&x.catalog))
            .map(|x| AssessResult { round: round.title.clone(), carried_over: true, ..x })
            .collect();
    }
    record_round(tx, batch, None, Some(RoundState { round, results }))
}

fn set_result(tx: &mut dyn Sql, batch: &Batch, x: &AssessResult) -> Result<()> {
    let round =
        round_state(tx, &x.round)?.ok_or_else(|| AssessError::UnknownRound(x.round.clone()))?.round;
    if !round.catalogs.contains(&x.catalog) {
        return Err(
            AssessError::NotCovered { round: round.title, catalog: x.catalog.clone() }.into()
        );
    }
    let catalog = catalog_state(tx, &x.catalog)?
        .ok_or_else(|| AssessError::UnknownCatalog(x.catalog.clone()))?;
    if !catalog.has_requirement(&x.requirement) {
        return Err(AssessError::UnknownRequirement {
            catalog: x.catalog.clone(),
            id: x.requirement.clone(),
        }
        .into());
    }
    if let Some(m) = x.maturity.filter(|m| *m > 5) {
        return Err(AssessError::Maturity(m).into());
    }
    let note = printable(&x.note, true);
    check_length("note", &note, crate::model::MAX_TEXT)?;
    // Assessed on the day given, never before the round (unless it lies ahead) nor after today.
    let today = batch.date();
    let assessed_on = x.assessed_on.clamp(round.date.min(today), today);
    let after = AssessResult { carried_over: false, assessed_on, note, ..x.clone() };
    let before = result_state(tx, &x.round, &x.catalog, &x.requirement)?;
    if before.as_ref() == Some(&after) {
        return Ok(());
    }
    record_result(tx, batch, (&x.round, &x.catalog, &x.requirement), before, Some(after))
}

fn link_requirement(
    tx: &mut dyn Sql,
    batch: &Batch,
    link: &RequirementLink,
    on: bool,
) -> Result<()> {
    if find_measure_id(tx, &link.code)?.is_none() {
        return Err(StoreError::UnknownMeasure(link.code.clone()));
    }
    if on {
        let catalog = catalog_state(tx, &link.catalog)?
            .ok_or_else(|| AssessError::UnknownCatalog(link.catalog.clone()))?;
        if !catalog.has_requirement(&link.requirement) {
            return Err(AssessError::UnknownRequirement {
                catalog: link.catalog.clone(),
                id: link.requirement.clone(),
            }
            .into());
        }
    }
    // Linking twice, or unlinking what is not linked, changes nothing.
    if link_state(tx, link)? == on {
        return Ok(());
    }
    record_link(tx, batch, link, on)
}

// --- Undo ----------------------------------------------------------------------------------------

fn parse<T: serde::de::DeserializeOwned>(data: &str) -> Result<T> {
    serde_json::from_str(data).map_err(damaged)
}

fn conflict(what: &str) -> StoreError {
    AssessError::Conflict(what.to_owned()).into()
}

/// Reverts one recorded change of the assessment: restores the state before, once the state
/// now is still the one the change left (else a conflict). The revert is recorded in turn.
pub(super) fn revert_row(
    tx: &mut dyn Sql,
    batch: &Batch,
    (field, code, old, new): (&str, Option<&str>, Option<&str>, Option<&str>),
    data: Option<&str>,
) -> Result<()> {
    let data = data.ok_or_else(|| damaged(format!("history row {field} has no data")))?;
    match field {
        "catalog" => {
            let t: Transition<Catalog> = parse(data)?;
            let name =
                t.after.as_ref().or(t.before.as_ref()).map(|c| c.name.clone()).unwrap_or_default();
            if catalog_state(tx, &name)? != t.after {
                return Err(conflict(&name));
            }
            record_catalog(tx, batch, t.after, t.before)
        }
        "round" => {
            let t: Transition<RoundState> = parse(data)?;
            let title = t
                .after
                .as_ref()
                .or(t.before.as_ref())
                .map(|r| r.round.title.clone())
                .unwrap_or_default();
            if round_state(tx, &title)? != t.after {
                return Err(conflict(&title));
            }
            record_round(tx, batch, t.after, t.before)
        }
        "assessment-result" => {
            let ((round, catalog, requirement), t): (
                (String, String, String),
                Transition<AssessResult>,
            ) = parse(data)?;
            if result_state(tx, &round, &catalog, &requirement)? != t.after {
                return Err(conflict(&requirement));
            }
            record_result(tx, batch, (&round, &catalog, &requirement), t.after, t.before)
        }
        "requirement-link" => {
            let mut link: RequirementLink = parse(data)?;
            // The measure may have been renamed since: the row's code follows it.
            if let Some(code) = code {
                code.clone_into(&mut link.code);
            }
            let on = new.is_some() && old.is_none();
            if link_state(tx, &link)? != on {
                return Err(conflict(&link.code));
            }
            record_link(tx, batch, &link, !on)
        }
        _ => Ok(()),
    }
}

// --- The whole assessment ------------------------------------------------------------------------

/// Writes a whole assessment into empty tables (a seed, an import); links to measures the
/// roadmap does not have are left out.
pub(super) fn write_all(tx: &mut dyn Sql, a: &Assessment) -> Result<()> {
    for c in &a.catalogs {
        put_catalog(tx, &c.name, Some(c))?;
    }
    for r in &a.rounds {
        let results: Vec<AssessResult> =
            a.results.iter().filter(|x| x.round == r.title).cloned().collect();
        put_round(tx, &r.title, Some(&RoundState { round: r.clone(), results }))?;
    }
    for l in &a.links {
        if find_measure_id(tx, &l.code)?.is_some() {
            put_link(tx, l, true)?;
        }
    }
    Ok(())
}

/// Unlinks every requirement of a measure about to be removed (recorded: undo links again).
pub(super) fn unlink_all(tx: &mut dyn Sql, batch: &Batch, code: &str) -> Result<()> {
    let rows = tx.query(
        "SELECT l.catalog, l.requirement FROM requirement_link l \
         JOIN measure m ON m.id = l.measure_id WHERE m.code = ?1 \
         ORDER BY l.catalog, l.requirement",
        params![code],
    )?;
    for row in rows {
        let link = RequirementLink {
            code: code.to_owned(),
            catalog: row.text(0)?,
            requirement: row.text(1)?,
        };
        record_link(tx, batch, &link, false)?;
    }
    Ok(())
}
