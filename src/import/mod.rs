//! Reading an import: the JSON export read back, checked whole before anything is written
//! (syntax, format and version, codes, owners, dependencies, dates, amounts), and compared with
//! the open roadmap. Pure: bytes in, a checked roadmap (or a located problem) out; `export`
//! writes, this module reads.

use crate::model::Change;

/// The format name an export carries (the same as `export::json::FORMAT`; the round-trip tests
/// hold the two together).
pub const FORMAT: &str = "fahrplan-export";
/// The version of the export format this reads.
pub const VERSION: u32 = 1;

/// A roadmap read from a JSON export, checked and ready to be written.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct ImportData {
    /// `fahrplan-export`.
    pub format: String,
    /// The export format's version.
    pub version: u32,
    /// Name, town, adoption date.
    #[serde(default)]
    pub info: crate::model::RoadmapInfo,
    /// Owners.
    #[serde(default)]
    pub owners: Vec<ImportOwner>,
    /// Measures (owners by name).
    #[serde(default)]
    pub measures: Vec<ImportMeasure>,
    /// Expenses.
    #[serde(default)]
    pub expenses: Vec<ImportExpense>,
    /// Re-evaluations.
    #[serde(default)]
    pub reevaluations: Vec<ImportReevaluation>,
    /// Council meetings.
    #[serde(default)]
    pub meetings: Vec<ImportMeeting>,
    /// The history.
    #[serde(default)]
    pub history: Vec<ImportChange>,
}

/// An owner in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct ImportOwner {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: crate::model::OwnerKind,
    /// Contact.
    pub contact: Option<String>,
}

/// A measure in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportMeasure {
    /// The measure's identity in the file it came from (kept, so calendar entries and history
    /// stay its own); 0 when absent.
    #[serde(default)]
    pub id: i64,
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub horizon: crate::model::Horizon,
    pub owner: Option<String>,
    #[serde(default)]
    pub stakeholders: Vec<String>,
    pub status: crate::model::Status,
    pub progress: u8,
    pub start: chrono::NaiveDate,
    pub due: chrono::NaiveDate,
    pub completed: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub frameworks: Vec<crate::model::FrameworkRef>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    pub reevaluation_interval_months: Option<u32>,
    pub next_reevaluation: Option<chrono::NaiveDate>,
    pub planned_one_off_cents: crate::model::Money,
    pub planned_yearly_cents: crate::model::Money,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub archived_on: Option<chrono::NaiveDate>,
}

/// An expense in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportExpense {
    pub code: String,
    pub date: chrono::NaiveDate,
    pub amount_cents: crate::model::Money,
    #[serde(default)]
    pub note: String,
}

/// A re-evaluation in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportReevaluation {
    pub code: String,
    pub date: chrono::NaiveDate,
    pub verdict: crate::model::Verdict,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub by: String,
}

/// A meeting in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportMeeting {
    pub date: chrono::NaiveDate,
    pub title: String,
}

/// A history entry in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportChange {
    pub at: chrono::NaiveDateTime,
    pub who: String,
    pub code: Option<String>,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    #[serde(default)]
    pub comment: String,
}

/// Why an import file was refused, with where the first problem is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {detail}")]
pub struct ImportError {
    /// Where: `Zeile 3, Spalte 7`, `M04`, `M04 / owner`.
    pub location: String,
    /// What is wrong (already in the UI language where it comes from the model).
    pub detail: String,
}

/// A checked import: the roadmap (owner ids 1.., measure ids 1..) and its history.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// Everything but the history.
    pub roadmap: crate::model::Roadmap,
    /// The history, oldest first.
    pub history: Vec<Change>,
}

/// What an import does to the open roadmap, measure by measure (codes in code order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportComparison {
    /// Measures only in the file.
    pub added: Vec<String>,
    /// Measures in both whose fields differ.
    pub changed: Vec<String>,
    /// Measures in both that are the same.
    pub unchanged: usize,
    /// Measures only in the open roadmap: gone after the import.
    pub removed: Vec<String>,
}

impl ImportComparison {
    /// One line per kind that occurs: "Neu: 2 (M21, M22)", "Geändert: …", "Entfällt: …",
    /// "Unverändert: 17"; long lists end with "…".
    pub fn describe(&self, tr: &crate::i18n::I18n) -> Vec<String> {
        let codes = |list: &[String]| {
            let mut shown: Vec<&str> = list.iter().take(12).map(String::as_str).collect();
            if list.len() > 12 {
                shown.push("…");
            }
            shown.join(", ")
        };
        let mut lines = Vec::new();
        for (key, list) in [
            ("import-added", &self.added),
            ("import-changed", &self.changed),
            ("import-removed", &self.removed),
        ] {
            if !list.is_empty() {
                lines.push(tr.f(key, &[("n", &list.len()), ("codes", &codes(list))]));
            }
        }
        if self.unchanged > 0 {
            lines.push(tr.f("import-unchanged", &[("n", &self.unchanged)]));
        }
        lines
    }
}

/// Compares the open roadmap with an import (owners by name, since their ids differ).
pub fn compare_import(
    current: &crate::model::Roadmap,
    incoming: &crate::model::Roadmap,
) -> ImportComparison {
    let owner = |r: &crate::model::Roadmap, m: &crate::model::Measure| {
        m.owner.and_then(|id| r.owner(id)).map(|o| o.name.clone())
    };
    let mut result = ImportComparison::default();
    for m in &incoming.measures {
        match current.measure(&m.code) {
            None => result.added.push(m.code.clone()),
            Some(old) => {
                let fields_differ = crate::model::diff_measures(old, m)
                    .iter()
                    .any(|change| change.field != "owner");
                if fields_differ || owner(current, old) != owner(incoming, m) {
                    result.changed.push(m.code.clone());
                } else {
                    result.unchanged += 1;
                }
            }
        }
    }
    result.removed = current
        .measures
        .iter()
        .filter(|m| incoming.measure(&m.code).is_none())
        .map(|m| m.code.clone())
        .collect();
    for list in [&mut result.added, &mut result.changed, &mut result.removed] {
        list.sort();
    }
    result
}

/// Reads and checks a whole export before anything is written: JSON syntax and types (with line
/// and column), format and version, unique codes and owner names, owners, dependencies (no
/// cycles), dates, progress, and records that name existing measures.
pub fn parse_import(bytes: &[u8], tr: &crate::i18n::I18n) -> Result<Imported, ImportError> {
    let data = read_data(bytes, tr)?;
    let owners = owners_of(&data, tr)?;
    let mut roadmap = crate::model::Roadmap { owners, ..Default::default() };
    measures_of(&data, &mut roadmap, tr)?;
    check_records(&data, &roadmap, tr)?;
    check_dates(&data, tr)?;
    records_of(&data, &mut roadmap);
    Ok(Imported { roadmap, history: history_of(&data) })
}

/// An import's problem at `location` (a line, a measure, a record).
fn located(location: String, detail: String) -> ImportError {
    ImportError { location, detail }
}

/// The file's JSON with its format and version checked.
fn read_data(bytes: &[u8], tr: &crate::i18n::I18n) -> Result<ImportData, ImportError> {
    let data: ImportData = serde_json::from_slice(bytes).map_err(|e| {
        located(
            tr.f(
                "import-at",
                &[("line", &e.line().to_string()), ("column", &e.column().to_string())],
            ),
            e.to_string(),
        )
    })?;
    if data.format != FORMAT {
        return Err(located(
            tr.t("import-file"),
            tr.f("import-not-export", &[("format", &data.format)]),
        ));
    }
    if data.version != VERSION {
        return Err(located(
            tr.t("import-file"),
            tr.f("import-version", &[("version", &data.version)]),
        ));
    }
    Ok(data)
}

/// The owners, named uniquely, numbered 1…
fn owners_of(
    data: &ImportData,
    tr: &crate::i18n::I18n,
) -> Result<Vec<crate::model::Owner>, ImportError> {
    let mut owners = Vec::new();
    for (i, o) in data.owners.iter().enumerate() {
        if o.name.trim().is_empty() || data.owners[..i].iter().any(|p| p.name == o.name) {
            return Err(located(
                tr.f("import-owner", &[("name", &o.name)]),
                tr.t("import-owner-duplicate"),
            ));
        }
        owners.push(crate::model::Owner {
            id: i as i64 + 1,
            name: o.name.clone(),
            kind: o.kind,
            contact: o.contact.clone(),
        });
    }
    Ok(owners)
}

/// The measures, each checked as the editor checks it.
fn measures_of(
    data: &ImportData,
    roadmap: &mut crate::model::Roadmap,
    tr: &crate::i18n::I18n,
) -> Result<(), ImportError> {
    // The identities of the file, where every measure has a distinct one; else numbered anew.
    let mut ids: Vec<i64> = data.measures.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let keep_ids = ids.len() == data.measures.len() && ids.first().is_none_or(|id| *id > 0);
    for (i, m) in data.measures.iter().enumerate() {
        let owner = match &m.owner {
            None => None,
            Some(name) => Some(
                roadmap.owners.iter().find(|o| &o.name == name).map(|o| o.id).ok_or_else(|| {
                    located(
                        format!("{} / owner", m.code),
                        tr.f("import-unknown-owner", &[("name", name)]),
                    )
                })?,
            ),
        };
        roadmap.measures.push(crate::model::Measure {
            id: if keep_ids { m.id } else { i as i64 + 1 },
            code: m.code.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            horizon: m.horizon,
            owner,
            stakeholders: m.stakeholders.clone(),
            status: m.status,
            progress: m.progress,
            start: m.start,
            due: m.due,
            completed: m.completed,
            frameworks: m.frameworks.clone(),
            depends_on: m.depends_on.clone(),
            reevaluation_interval_months: m.reevaluation_interval_months,
            next_reevaluation: m.next_reevaluation,
            planned_one_off: m.planned_one_off_cents,
            planned_yearly: m.planned_yearly_cents,
            notes: m.notes.clone(),
            version: 1,
            archived: m.archived,
            archived_on: m.archived_on.filter(|_| m.archived),
        });
    }
    for m in &roadmap.measures {
        crate::model::validate_measure(m, roadmap)
            .map_err(|e| located(m.code.clone(), e.localize(tr)))?;
    }
    Ok(())
}

/// Expenses and re-evaluations name measures of the file.
fn check_records(
    data: &ImportData,
    roadmap: &crate::model::Roadmap,
    tr: &crate::i18n::I18n,
) -> Result<(), ImportError> {
    let known = |code: &str| roadmap.measure(code).is_some();
    for e in &data.expenses {
        if !known(&e.code) {
            return Err(located(
                format!("{} / expense", e.code),
                tr.f("cli-unknown-code", &[("code", &e.code)]),
            ));
        }
    }
    for r in &data.reevaluations {
        if !known(&r.code) {
            return Err(located(
                format!("{} / re-evaluation", r.code),
                tr.f("cli-unknown-code", &[("code", &r.code)]),
            ));
        }
    }
    Ok(())
}

/// Every date as typing allows it.
fn check_dates(data: &ImportData, tr: &crate::i18n::I18n) -> Result<(), ImportError> {
    // Dates as typing allows them (1900–2200), so nothing odd reaches a figure or a page.
    let out_of_range = |location: String, date: chrono::NaiveDate| {
        located(
            location,
            crate::model::ValidationError::DateOutOfRange { field: "date", date }.localize(tr),
        )
    };
    let in_range = crate::model::date_in_range;
    if let Some(e) = data.expenses.iter().find(|e| !in_range(e.date)) {
        return Err(out_of_range(format!("{} / expense", e.code), e.date));
    }
    if let Some(r) = data.reevaluations.iter().find(|r| !in_range(r.date)) {
        return Err(out_of_range(format!("{} / re-evaluation", r.code), r.date));
    }
    if let Some(m) = data.meetings.iter().find(|m| !in_range(m.date)) {
        return Err(out_of_range(format!("{} / meeting", m.title), m.date));
    }
    if let Some(adopted) = data.info.adopted.filter(|d| !in_range(*d)) {
        return Err(out_of_range(tr.t("import-file"), adopted));
    }
    if let Some(c) = data.history.iter().find(|c| !in_range(c.at.date())) {
        return Err(out_of_range(
            format!("{} / history", c.code.as_deref().unwrap_or("-")),
            c.at.date(),
        ));
    }
    Ok(())
}

/// The roadmap's facts, expenses, re-evaluations and meetings.
fn records_of(data: &ImportData, roadmap: &mut crate::model::Roadmap) {
    roadmap.info = data.info.clone();
    roadmap.expenses = data
        .expenses
        .iter()
        .map(|e| crate::model::Expense {
            id: 0,
            code: e.code.clone(),
            date: e.date,
            amount: e.amount_cents,
            note: e.note.clone(),
        })
        .collect();
    roadmap.reevaluations = data
        .reevaluations
        .iter()
        .map(|r| crate::model::Reevaluation {
            id: 0,
            code: r.code.clone(),
            date: r.date,
            verdict: r.verdict,
            note: r.note.clone(),
            by: r.by.clone(),
        })
        .collect();
    roadmap.meetings = data
        .meetings
        .iter()
        .map(|m| crate::model::Meeting { id: 0, date: m.date, title: m.title.clone() })
        .collect();
}

/// The history as recorded in the file.
fn history_of(data: &ImportData) -> Vec<Change> {
    data.history
        .iter()
        .map(|c| Change {
            id: 0,
            batch: 0,
            at: c.at,
            who: c.who.clone(),
            code: c.code.clone(),
            measure_id: None,
            field: c.field.clone(),
            old: c.old.clone(),
            new: c.new.clone(),
            comment: c.comment.clone(),
        })
        .collect()
}
