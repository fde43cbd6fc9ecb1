//! Reading an import: the JSON export read back, checked whole before anything is written
//! (syntax, format and version, codes, owners, dependencies, dates, amounts), and compared with
//! the open roadmap. Pure: bytes in, a checked roadmap (or a located problem) out; `export`
//! writes, this module reads.

mod catalog;

pub use catalog::{CatalogFormat, parse_catalog};

use crate::model::Change;

/// The format name an export carries (the same as `export::json::FORMAT`; the round-trip tests
/// hold the two together).
pub const FORMAT: &str = "fahrplan-export";
/// The version of the export format this reads.
pub const VERSION: u32 = 3;

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
    /// Baselines (the plan as approved, frozen).
    #[serde(default)]
    pub baselines: Vec<ImportBaseline>,
    /// The history.
    #[serde(default)]
    pub history: Vec<ImportChange>,
    /// The assessment: catalogues, rounds, results, links (format version 3).
    #[serde(default)]
    pub assessment: crate::model::Assessment,
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
    #[serde(default)]
    pub funding_source: String,
    #[serde(default)]
    pub funding_share: u8,
    #[serde(default)]
    pub staff_days_planned: u32,
    #[serde(default)]
    pub staff_days_spent: u32,
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
    #[serde(default)]
    pub confirmed_by: Option<String>,
    #[serde(default)]
    pub confirmed_at: Option<chrono::NaiveDate>,
}

/// A meeting in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportMeeting {
    pub date: chrono::NaiveDate,
    pub title: String,
}

/// A baseline in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportBaseline {
    pub title: String,
    pub date: chrono::NaiveDate,
    pub measures: Vec<crate::model::BaselineMeasure>,
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

/// Why an import file was refused, with where the first problem is (the app says it in the UI
/// language).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {problem}")]
pub struct ImportError {
    /// Where.
    pub location: ImportPlace,
    /// What is wrong.
    pub problem: ImportProblem,
}

/// Where in an import file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportPlace {
    /// A line and column of the JSON text.
    At {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// The file as a whole (its format, version, roadmap facts).
    File,
    /// An owner, by name.
    Owner(String),
    /// A measure or record: `M04`, `M04 / owner`, `M04 / expense`.
    Item(String),
}

impl std::fmt::Display for ImportPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::At { line, column } => write!(f, "line {line}, column {column}"),
            Self::File => f.write_str("file"),
            Self::Owner(name) => write!(f, "owner {name:?}"),
            Self::Item(item) => f.write_str(item),
        }
    }
}

/// What is wrong with an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    /// Not JSON of the export's shape (serde's description).
    Syntax(String),
    /// Another format than a Fahrplan export.
    NotExport(String),
    /// A version of the export format this Fahrplan does not read.
    Version(u32),
    /// An owner's name is empty or given twice.
    OwnerNameMissingOrDuplicate,
    /// A measure names an owner the file does not have.
    UnknownOwner(String),
    /// A record names a measure the file does not have.
    UnknownCode(String),
    /// Two baselines of one title, or one without a title.
    BaselineTitle(String),
    /// A confirmation without its date or person, or by the person who recorded the verdict.
    Confirmation,
    /// A measure (or a date) that the editor would refuse.
    Invalid(crate::model::ValidationError),
    /// JSON, but no OSCAL catalog (no `catalog` object).
    NotCatalog,
    /// A group, control or requirement without its id.
    MissingId(&'static str),
    /// A CSV line with fewer than the three columns group, id, title.
    CsvColumns(usize),
    /// A CSV field that is not UTF-8.
    NotUtf8,
    /// A catalogue that cannot be stored (no requirement, an id twice).
    Assessment(crate::model::AssessError),
    /// A catalogue file larger than `catalog::MAX_CATALOG_BYTES` (its size).
    CatalogTooLarge(usize),
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Syntax(detail) => f.write_str(detail),
            Self::NotExport(format) => write!(f, "not a Fahrplan export (format {format:?})"),
            Self::Version(version) => write!(f, "unknown version {version} of the export format"),
            Self::OwnerNameMissingOrDuplicate => f.write_str("owner name missing or duplicate"),
            Self::UnknownOwner(name) => write!(f, "the owner {name:?} is not in the file"),
            Self::UnknownCode(code) => write!(f, "no measure {code} in the file"),
            Self::BaselineTitle(title) => write!(f, "baseline title {title:?} missing or twice"),
            Self::Confirmation => {
                f.write_str("a confirmation lacks its date or person, or is by the recorder")
            }
            Self::Invalid(e) => write!(f, "{e}"),
            Self::NotCatalog => f.write_str("not an OSCAL catalog"),
            Self::MissingId(what) => write!(f, "a {what} without its id"),
            Self::CsvColumns(n) => write!(f, "{n} columns; group, id and title are needed"),
            Self::NotUtf8 => f.write_str("not UTF-8"),
            Self::Assessment(e) => write!(f, "{e}"),
            Self::CatalogTooLarge(n) => write!(f, "{n} bytes, more than a catalogue may have"),
        }
    }
}

/// A checked import: the roadmap (owner ids 1.., measure ids 1..) and its history.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// Everything but the history.
    pub roadmap: crate::model::Roadmap,
    /// The history, oldest first.
    pub history: Vec<Change>,
    /// SHA-256 of the file's bytes (hex), for the history's record of the import.
    pub sha256: String,
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
    /// The open roadmap's evidence, which an export does not carry: gone after the import
    /// (files kept in the roadmap, and links).
    pub evidence_files_dropped: usize,
    /// See [`Self::evidence_files_dropped`].
    pub evidence_links_dropped: usize,
    /// The open roadmap's assessment when the import brings another one (or none): rounds
    /// and results replaced.
    pub assessment_replaced: Option<(usize, usize)>,
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
    let files = current.evidence.iter().filter(|e| e.sha256.is_some()).count();
    result.evidence_files_dropped = files;
    result.evidence_links_dropped = current.evidence.len() - files;
    let (now, then) = (&current.assessment, &incoming.assessment);
    if now != then && !(now.rounds.is_empty() && now.catalogs.is_empty()) {
        result.assessment_replaced = Some((now.rounds.len(), now.results.len()));
    }
    result
}

/// Reads and checks a whole export before anything is written: JSON syntax and types (with line
/// and column), format and version, unique codes and owner names, owners, dependencies (no
/// cycles), dates, progress, and records that name existing measures.
pub fn parse_import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let data = read_data(bytes)?;
    let owners = owners_of(&data)?;
    let mut roadmap = crate::model::Roadmap { owners, ..Default::default() };
    measures_of(&data, &mut roadmap)?;
    check_records(&data, &roadmap)?;
    check_dates(&data)?;
    records_of(&data, &mut roadmap);
    roadmap.assessment = assessment_of(&data, &roadmap)?;
    let sha256 = {
        use sha2::Digest;
        crate::model::hex(&sha2::Sha256::digest(bytes))
    };
    Ok(Imported { roadmap, history: history_of(&data), sha256 })
}

/// The file's assessment, checked: sound catalogues; rounds, results and links that name what
/// the file has.
fn assessment_of(
    data: &ImportData,
    roadmap: &crate::model::Roadmap,
) -> Result<crate::model::Assessment, ImportError> {
    use crate::model::AssessError;
    let a = &data.assessment;
    let item = |what: &str| ImportPlace::Item(what.to_owned());
    let refuse = |place: ImportPlace, e: AssessError| located(place, ImportProblem::Assessment(e));
    let mut names = std::collections::HashSet::new();
    for c in &a.catalogs {
        if let Some(problem) = c.problem() {
            return Err(refuse(item(&c.name), problem));
        }
        crate::model::check_catalog(c)
            .map_err(|e| located(item(&c.name), ImportProblem::Invalid(e)))?;
        if !names.insert(c.name.as_str()) {
            return Err(refuse(
                item(&c.name),
                AssessError::DuplicateId { catalog: c.name.clone(), id: c.name.clone() },
            ));
        }
    }
    let mut titles = std::collections::HashSet::new();
    for r in &a.rounds {
        let unprintable = [&r.title, &r.by].iter().any(|t| t.chars().any(char::is_control));
        if r.title.trim().is_empty() {
            return Err(refuse(item(&r.title), AssessError::Empty("title")));
        }
        if unprintable {
            return Err(refuse(
                item(&r.title),
                AssessError::Unprintable(r.title.escape_debug().to_string()),
            ));
        }
        if !titles.insert(r.title.as_str()) {
            return Err(refuse(item(&r.title), AssessError::RoundExists(r.title.clone())));
        }
        if let Some(name) = r.catalogs.iter().find(|n| a.catalog(n).is_none()) {
            return Err(refuse(item(&r.title), AssessError::UnknownCatalog(name.clone())));
        }
        if let Some(from) = r.from.as_ref().filter(|f| a.round(f).is_none()) {
            return Err(refuse(item(&r.title), AssessError::UnknownRound(from.clone())));
        }
        if let Some(m) = r.target_maturity.filter(|m| *m > 5) {
            return Err(refuse(item(&r.title), AssessError::Maturity(m)));
        }
        if !crate::model::date_in_range(r.date) {
            let e = crate::model::ValidationError::DateOutOfRange { field: "date", date: r.date };
            return Err(located(item(&r.title), ImportProblem::Invalid(e)));
        }
        for text in [&r.title, &r.by] {
            crate::model::check_length("title", text, crate::model::MAX_TITLE)
                .map_err(|e| located(item(&r.title), ImportProblem::Invalid(e)))?;
        }
    }
    let mut results = std::collections::HashSet::new();
    for x in &a.results {
        let place = item(&format!("{} / {} {}", x.round, x.catalog, x.requirement));
        let covered = a.round(&x.round).is_some_and(|r| r.catalogs.contains(&x.catalog));
        if !covered {
            return Err(refuse(place, AssessError::UnknownRound(x.round.clone())));
        }
        if !a.catalog(&x.catalog).is_some_and(|c| c.has_requirement(&x.requirement)) {
            let e = AssessError::UnknownRequirement {
                catalog: x.catalog.clone(),
                id: x.requirement.clone(),
            };
            return Err(refuse(place, e));
        }
        if !results.insert((&x.round, &x.catalog, &x.requirement)) {
            let e =
                AssessError::DuplicateId { catalog: x.catalog.clone(), id: x.requirement.clone() };
            return Err(refuse(place, e));
        }
        if let Some(m) = x.maturity.filter(|m| *m > 5) {
            return Err(refuse(place, AssessError::Maturity(m)));
        }
        if x.note.chars().any(|c| c.is_control() && c != '\n') {
            return Err(refuse(
                place,
                AssessError::Unprintable(x.requirement.escape_debug().to_string()),
            ));
        }
        crate::model::check_length("note", &x.note, crate::model::MAX_TEXT)
            .map_err(|e| located(place.clone(), ImportProblem::Invalid(e)))?;
    }
    for l in &a.links {
        if roadmap.measure(&l.code).is_none() {
            return Err(located(item(&l.code), ImportProblem::UnknownCode(l.code.clone())));
        }
        if !a.catalog(&l.catalog).is_some_and(|c| c.has_requirement(&l.requirement)) {
            let e = AssessError::UnknownRequirement {
                catalog: l.catalog.clone(),
                id: l.requirement.clone(),
            };
            return Err(refuse(item(&l.code), e));
        }
    }
    Ok(a.clone())
}

/// An import's problem at `location` (a line, a measure, a record).
const fn located(location: ImportPlace, problem: ImportProblem) -> ImportError {
    ImportError { location, problem }
}

/// The file's JSON with its format and version checked.
fn read_data(bytes: &[u8]) -> Result<ImportData, ImportError> {
    // A byte-order mark, as Windows editors write one, is no part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let data: ImportData = serde_json::from_slice(bytes).map_err(|e| {
        located(
            ImportPlace::At { line: e.line(), column: e.column() },
            ImportProblem::Syntax(e.to_string()),
        )
    })?;
    if data.format != FORMAT {
        return Err(located(ImportPlace::File, ImportProblem::NotExport(data.format)));
    }
    // Version 1 had no baselines, funding and staff days: it reads as it is.
    if !(1..=VERSION).contains(&data.version) {
        return Err(located(ImportPlace::File, ImportProblem::Version(data.version)));
    }
    Ok(data)
}

/// The owners, named uniquely, numbered 1…
fn owners_of(data: &ImportData) -> Result<Vec<crate::model::Owner>, ImportError> {
    let mut owners = Vec::new();
    for (i, o) in data.owners.iter().enumerate() {
        if o.name.trim().is_empty() || data.owners[..i].iter().any(|p| p.name == o.name) {
            return Err(located(
                ImportPlace::Owner(o.name.clone()),
                ImportProblem::OwnerNameMissingOrDuplicate,
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
fn measures_of(data: &ImportData, roadmap: &mut crate::model::Roadmap) -> Result<(), ImportError> {
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
                        ImportPlace::Item(format!("{} / owner", m.code)),
                        ImportProblem::UnknownOwner(name.clone()),
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
            funding_source: m.funding_source.clone(),
            funding_share: m.funding_share,
            staff_days_planned: m.staff_days_planned,
            staff_days_spent: m.staff_days_spent,
        });
    }
    for m in &roadmap.measures {
        crate::model::validate_measure(m, roadmap)
            .map_err(|e| located(ImportPlace::Item(m.code.clone()), ImportProblem::Invalid(e)))?;
    }
    Ok(())
}

/// Expenses and re-evaluations name measures of the file.
fn check_records(data: &ImportData, roadmap: &crate::model::Roadmap) -> Result<(), ImportError> {
    let known = |code: &str| roadmap.measure(code).is_some();
    for e in &data.expenses {
        if !known(&e.code) {
            return Err(located(
                ImportPlace::Item(format!("{} / expense", e.code)),
                ImportProblem::UnknownCode(e.code.clone()),
            ));
        }
    }
    for r in &data.reevaluations {
        let place = || ImportPlace::Item(format!("{} / re-evaluation", r.code));
        if !known(&r.code) {
            return Err(located(place(), ImportProblem::UnknownCode(r.code.clone())));
        }
        // Four eyes: both or neither of who and when, never the recorder, not before the verdict.
        let sound = match (&r.confirmed_by, r.confirmed_at) {
            (None, None) => true,
            (Some(by), Some(at)) => {
                !by.trim().is_empty()
                    && !crate::model::same_person(by, &r.by)
                    && at >= r.date
                    && crate::model::date_in_range(at)
            }
            _ => false,
        };
        if !sound {
            return Err(located(place(), ImportProblem::Confirmation));
        }
    }
    check_texts(data)
}

/// Names, titles, notes and comments within the limits typing has (those the engines' checks
/// also hold), so that an import is refused here, naming the place, not by the database.
fn check_texts(data: &ImportData) -> Result<(), ImportError> {
    use crate::model::{MAX_TEXT, MAX_TITLE, check_length};
    let invalid = |place: String, e| located(ImportPlace::Item(place), ImportProblem::Invalid(e));
    for o in &data.owners {
        check_length("owner", o.name.trim(), MAX_TITLE).map_err(|err| {
            invalid(format!("owner {}", o.name.chars().take(40).collect::<String>()), err)
        })?;
    }
    for e in &data.expenses {
        check_length("notes", &e.note, MAX_TEXT)
            .map_err(|err| invalid(format!("{} / expense", e.code), err))?;
        crate::model::check_amount(e.amount_cents)
            .map_err(|err| invalid(format!("{} / expense", e.code), err))?;
    }
    for r in &data.reevaluations {
        let place = || format!("{} / re-evaluation", r.code);
        check_length("notes", &r.note, MAX_TEXT).map_err(|err| invalid(place(), err))?;
        check_length("by_whom", &r.by, MAX_TITLE).map_err(|err| invalid(place(), err))?;
        if let Some(by) = &r.confirmed_by {
            check_length("confirmed_by", by, MAX_TITLE).map_err(|err| invalid(place(), err))?;
        }
    }
    for (n, m) in data.meetings.iter().enumerate() {
        check_length("title", m.title.trim(), MAX_TITLE)
            .map_err(|err| invalid(format!("meeting {}", n + 1), err))?;
    }
    for (n, b) in data.baselines.iter().enumerate() {
        check_length("title", b.title.trim(), MAX_TITLE)
            .map_err(|err| invalid(format!("baseline {}", n + 1), err))?;
    }
    for (n, c) in data.history.iter().enumerate() {
        check_length("comment", &c.comment, MAX_TEXT)
            .map_err(|err| invalid(format!("history {}", n + 1), err))?;
    }
    Ok(())
}

/// Every date as typing allows it.
fn check_dates(data: &ImportData) -> Result<(), ImportError> {
    // Dates as typing allows them (1900–2200), so nothing odd reaches a figure or a page.
    let out_of_range = |location: ImportPlace, date: chrono::NaiveDate| {
        located(
            location,
            ImportProblem::Invalid(crate::model::ValidationError::DateOutOfRange {
                field: "date",
                date,
            }),
        )
    };
    let in_range = crate::model::date_in_range;
    if let Some(e) = data.expenses.iter().find(|e| !in_range(e.date)) {
        return Err(out_of_range(ImportPlace::Item(format!("{} / expense", e.code)), e.date));
    }
    if let Some(r) = data.reevaluations.iter().find(|r| !in_range(r.date)) {
        return Err(out_of_range(ImportPlace::Item(format!("{} / re-evaluation", r.code)), r.date));
    }
    if let Some(m) = data.meetings.iter().find(|m| !in_range(m.date)) {
        return Err(out_of_range(ImportPlace::Item(format!("{} / meeting", m.title)), m.date));
    }
    for (i, b) in data.baselines.iter().enumerate() {
        let title = b.title.trim();
        if title.is_empty() || data.baselines[..i].iter().any(|p| p.title.trim() == title) {
            return Err(located(ImportPlace::File, ImportProblem::BaselineTitle(title.to_owned())));
        }
        let place = || ImportPlace::Item(format!("{title} / baseline"));
        let dates = b.measures.iter().flat_map(|m| [m.start, m.due]);
        if let Some(date) = std::iter::once(b.date).chain(dates).find(|d| !in_range(*d)) {
            return Err(out_of_range(place(), date));
        }
        if let Some(m) = b.measures.iter().find(|m| m.funding_share > 100 || m.progress > 100) {
            let share = u32::from(m.funding_share.max(m.progress));
            return Err(located(
                place(),
                ImportProblem::Invalid(crate::model::ValidationError::FundingShareOutOfRange(
                    share,
                )),
            ));
        }
    }
    if let Some(adopted) = data.info.adopted.filter(|d| !in_range(*d)) {
        return Err(out_of_range(ImportPlace::File, adopted));
    }
    if let Some(c) = data.history.iter().find(|c| !in_range(c.at.date())) {
        return Err(out_of_range(
            ImportPlace::Item(format!("{} / history", c.code.as_deref().unwrap_or("-"))),
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
            confirmed_by: r.confirmed_by.clone(),
            confirmed_at: r.confirmed_at,
            imported: false,
        })
        .collect();
    roadmap.meetings = data
        .meetings
        .iter()
        .map(|m| crate::model::Meeting { id: 0, date: m.date, title: m.title.clone() })
        .collect();
    roadmap.baselines = data
        .baselines
        .iter()
        .map(|b| crate::model::Baseline {
            id: 0,
            title: b.title.clone(),
            date: b.date,
            measures: b.measures.clone(),
        })
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
            imported: false,
        })
        .collect()
}
