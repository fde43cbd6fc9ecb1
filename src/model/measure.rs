//! The records of a roadmap.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::Money;

/// Declares a field-less enum with a stable slug for files, the command line and JSON.
macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $slug:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $slug)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable slug used in files, JSON and on the command line.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $slug),+
                }
            }

            /// Parses a slug; `None` for anything else.
            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug {
                    $($slug => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use slug_enum;

slug_enum! {
    /// When a measure is to be done.
    Horizon {
        /// Short term: now.
        Short = "short",
        /// Medium term: in one to two years.
        Medium = "medium",
        /// Long term: in two to three years.
        Long = "long",
    }
}

slug_enum! {
    /// Where a measure stands.
    Status {
        /// Not begun.
        Planned = "planned",
        /// Being worked on.
        InProgress = "in-progress",
        /// Finished.
        Done = "done",
        /// Paused.
        OnHold = "on-hold",
        /// Given up.
        Cancelled = "cancelled",
    }
}

slug_enum! {
    /// The result of a re-evaluation of a measure's effectiveness.
    Verdict {
        /// The measure works as intended.
        Effective = "effective",
        /// The measure works only in part.
        Partly = "partly",
        /// The measure does not work.
        NotEffective = "not-effective",
    }
}

slug_enum! {
    /// A framework that a measure refers to.
    Framework {
        /// ITIL 4 practices.
        Itil4 = "itil4",
        /// ITIL v3 / 2011.
        Itil3 = "itil3",
        /// VdS 3473 (cyber security for small organisations).
        Vds3473 = "vds3473",
        /// BSI IT-Grundschutz.
        Bsi = "bsi",
        /// Anything else.
        Other = "other",
    }
}

slug_enum! {
    /// What kind of owner a measure has.
    OwnerKind {
        /// A person or a role (e.g. "IT manager").
        Role = "role",
        /// A department of the administration.
        Department = "department",
        /// An external provider.
        External = "external",
    }
}

/// The database id of an owner.
pub type OwnerId = i64;

/// Who is responsible for measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    /// Database id.
    pub id: OwnerId,
    /// Display name, unique within a roadmap.
    pub name: String,
    /// Person/role, department or external provider.
    pub kind: OwnerKind,
    /// Optional contact (e-mail, phone).
    pub contact: Option<String>,
}

/// A reference from a measure to a framework chapter or practice.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FrameworkRef {
    /// Which framework.
    pub framework: Framework,
    /// The chapter or practice, as text.
    pub reference: String,
}

/// One measure of the roadmap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// Database id.
    pub id: i64,
    /// Unique code such as `M01`.
    pub code: String,
    /// Short title.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Short, medium or long term.
    pub horizon: Horizon,
    /// The responsible owner, if any.
    pub owner: Option<OwnerId>,
    /// Further stakeholders (free text, usually owner names).
    pub stakeholders: Vec<String>,
    /// Where the measure stands.
    pub status: Status,
    /// Progress in percent, 0–100.
    pub progress: u8,
    /// Planned start.
    pub start: NaiveDate,
    /// Planned due date.
    pub due: NaiveDate,
    /// When it was completed, if it was.
    pub completed: Option<NaiveDate>,
    /// Framework references.
    pub frameworks: Vec<FrameworkRef>,
    /// Codes of the measures this one depends on.
    pub depends_on: Vec<String>,
    /// Months between re-evaluations; `None` for no regular re-evaluation.
    pub reevaluation_interval_months: Option<u32>,
    /// When the next re-evaluation is due.
    pub next_reevaluation: Option<NaiveDate>,
    /// Planned one-off cost.
    pub planned_one_off: Money,
    /// Planned yearly running cost.
    pub planned_yearly: Money,
    /// Free notes.
    pub notes: String,
    /// Row version for optimistic concurrency; bumped by every write.
    pub version: i64,
    /// Archived measures are kept with their history but hidden from the views.
    #[serde(default)]
    pub archived: bool,
    /// When it was archived (the store sets it): the figures count its planned costs up to
    /// then, never later (`None` for an archived measure of an older file: up to today).
    #[serde(default)]
    pub archived_on: Option<NaiveDate>,
    /// Who funds part of the one-off cost (free text, e.g. "Breitbandförderung
    /// Baden-Württemberg"); empty for none.
    #[serde(default)]
    pub funding_source: String,
    /// The funded share of the planned one-off cost, in percent (0–100).
    #[serde(default)]
    pub funding_share: u8,
    /// Planned staff days (Personentage).
    #[serde(default)]
    pub staff_days_planned: u32,
    /// Staff days spent so far.
    #[serde(default)]
    pub staff_days_spent: u32,
}

impl Measure {
    /// A new, empty measure with the given code, for editors and tests.
    pub fn new(
        code: impl Into<String>,
        title: impl Into<String>,
        start: NaiveDate,
        due: NaiveDate,
    ) -> Self {
        Self {
            id: 0,
            code: code.into(),
            title: title.into(),
            description: String::new(),
            horizon: Horizon::Short,
            owner: None,
            stakeholders: Vec::new(),
            status: Status::Planned,
            progress: 0,
            start,
            due,
            completed: None,
            frameworks: Vec::new(),
            depends_on: Vec::new(),
            reevaluation_interval_months: None,
            next_reevaluation: None,
            planned_one_off: Money::ZERO,
            planned_yearly: Money::ZERO,
            notes: String::new(),
            version: 0,
            archived: false,
            archived_on: None,
            funding_source: String::new(),
            funding_share: 0,
            staff_days_planned: 0,
            staff_days_spent: 0,
        }
    }

    /// The funded part of the planned one-off cost ([`Self::funding_share`] of it, rounded to
    /// the cent).
    pub fn funding(&self) -> Money {
        self.planned_one_off.scaled(i64::from(self.funding_share.min(100)), 100)
    }

    /// The measure with a new status and the fields that follow from it: done means 100 %
    /// and a completion date (today, unless one is set); leaving done clears the completion date.
    #[must_use]
    pub fn with_status(&self, status: Status, today: NaiveDate) -> Self {
        let mut next = self.clone();
        next.status = status;
        if status == Status::Done {
            next.progress = 100;
            next.completed = Some(self.completed.unwrap_or(today));
        } else {
            next.completed = None;
            if self.status == Status::Done && status == Status::InProgress && next.progress == 100 {
                next.progress = 99;
            }
        }
        next
    }

    /// The date the bar of this measure ends: completion for done measures, else due.
    pub fn end(&self) -> NaiveDate {
        match (self.status, self.completed) {
            (Status::Done, Some(completed)) => completed,
            _ => self.due,
        }
    }
}

/// One booked expense.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expense {
    /// Database id.
    pub id: i64,
    /// The measure's code.
    pub code: String,
    /// When the money was spent.
    pub date: NaiveDate,
    /// How much.
    pub amount: Money,
    /// What for.
    pub note: String,
}

/// Whether two user names name the same person (four eyes): letter case and surrounding space
/// aside.
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// One recorded re-evaluation of a measure's effectiveness.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reevaluation {
    /// Database id.
    pub id: i64,
    /// The measure's code.
    pub code: String,
    /// When it took place.
    pub date: NaiveDate,
    /// The result.
    pub verdict: Verdict,
    /// Findings.
    pub note: String,
    /// Who evaluated.
    pub by: String,
    /// Who confirmed the verdict (four eyes: never the one who recorded it); `None` while
    /// unconfirmed.
    #[serde(default)]
    pub confirmed_by: Option<String>,
    /// When it was confirmed.
    #[serde(default)]
    pub confirmed_at: Option<NaiveDate>,
    /// Whether the confirmation came from a file (an import or a restore) rather than being
    /// given here: shown as imported, never counted as a four-eyes sign-off until confirmed
    /// again.
    #[serde(default)]
    pub imported: bool,
}

impl Reevaluation {
    /// Whether the verdict is confirmed here (four eyes): a confirmation that came from a file
    /// does not count.
    pub const fn is_confirmed(&self) -> bool {
        self.confirmed_by.is_some() && !self.imported
    }
}

/// One entry of the history: a field of a measure changed (or a record added or removed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Database id (increasing).
    pub id: i64,
    /// Changes written by one command share a batch number.
    pub batch: i64,
    /// Local date and time of the change.
    pub at: NaiveDateTime,
    /// Who made it.
    pub who: String,
    /// The measure's code at the time, if it concerns a measure.
    pub code: Option<String>,
    /// The measure it concerns (its id, which stays when the code changes and is never given to
    /// another measure), if known.
    #[serde(default)]
    pub measure_id: Option<i64>,
    /// Which field (`status`, `progress`, …, or `created`, `expense`, …).
    pub field: String,
    /// The value before, as text.
    pub old: Option<String>,
    /// The value after, as text.
    pub new: Option<String>,
    /// Why.
    pub comment: String,
    /// Whether the row came from a file (an import or a restore), not written here.
    #[serde(default)]
    pub imported: bool,
}

/// A field that differs between two versions of a measure, with both values as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// Field name, as in the history.
    pub field: &'static str,
    /// Old value as text (`None` for empty).
    pub old: Option<String>,
    /// New value as text (`None` for empty).
    pub new: Option<String>,
}

fn opt_date(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

fn join_refs(refs: &[FrameworkRef]) -> Option<String> {
    let joined: Vec<String> =
        refs.iter().map(|r| format!("{}: {}", r.framework.as_str(), r.reference)).collect();
    non_empty(&joined.join("\n"))
}

/// Every field of `m` with its value as text, as the history records it (owners by id; the
/// store writes their names).
pub fn field_texts(m: &Measure) -> [(&'static str, Option<String>); 23] {
    [
        ("code", Some(m.code.clone())),
        ("title", non_empty(&m.title)),
        ("description", non_empty(&m.description)),
        ("horizon", Some(m.horizon.as_str().into())),
        ("owner", m.owner.map(|o| o.to_string())),
        ("stakeholders", non_empty(&m.stakeholders.join("\n"))),
        ("status", Some(m.status.as_str().into())),
        ("progress", Some(m.progress.to_string())),
        ("start", Some(m.start.to_string())),
        ("due", Some(m.due.to_string())),
        ("completed", opt_date(m.completed)),
        ("frameworks", join_refs(&m.frameworks)),
        ("depends_on", non_empty(&m.depends_on.join(", "))),
        ("reevaluation_interval_months", m.reevaluation_interval_months.map(|n| n.to_string())),
        ("next_reevaluation", opt_date(m.next_reevaluation)),
        ("planned_one_off_cents", Some(m.planned_one_off.0.to_string())),
        ("planned_yearly_cents", Some(m.planned_yearly.0.to_string())),
        ("notes", non_empty(&m.notes)),
        ("archived", Some(m.archived.to_string())),
        ("funding_source", non_empty(&m.funding_source)),
        ("funding_share", Some(m.funding_share.to_string())),
        ("staff_days_planned", Some(m.staff_days_planned.to_string())),
        ("staff_days_spent", Some(m.staff_days_spent.to_string())),
    ]
}

/// The value of one field of `m` as the history records it (`None` for an unknown field or an
/// empty value).
pub fn field_text(m: &Measure, field: &str) -> Option<String> {
    field_texts(m).into_iter().find(|(name, _)| *name == field).and_then(|(_, value)| value)
}

/// The fields that differ between `old` and `new`, each with its old and new value as text.
///
/// Owners are given by id; the store writes their names into the history.
pub fn diff_measures(old: &Measure, new: &Measure) -> Vec<FieldChange> {
    field_texts(old)
        .into_iter()
        .zip(field_texts(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, old), (_, new))| FieldChange { field, old, new })
        .collect()
}

/// A council meeting; the overview reports what changed since the last one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Database id.
    pub id: i64,
    /// When it took place.
    pub date: NaiveDate,
    /// What it was.
    pub title: String,
}

/// Facts about the roadmap as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapInfo {
    /// The town or organisation.
    pub town: String,
    /// The roadmap's name.
    pub name: String,
    /// When the roadmap was adopted.
    pub adopted: Option<NaiveDate>,
}

/// An in-memory snapshot of a whole roadmap, as the views draw it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roadmap {
    /// Name, town, adoption date.
    pub info: RoadmapInfo,
    /// All measures, ordered by code.
    pub measures: Vec<Measure>,
    /// All owners, ordered by name.
    pub owners: Vec<Owner>,
    /// All expenses, ordered by date.
    pub expenses: Vec<Expense>,
    /// All re-evaluations, ordered by date.
    pub reevaluations: Vec<Reevaluation>,
    /// Council meetings, ordered by date.
    pub meetings: Vec<Meeting>,
    /// Baselines (the plan as approved), ordered by date.
    pub baselines: Vec<super::Baseline>,
    /// Evidence kept with the measures (without the files' bytes), oldest first.
    pub evidence: Vec<super::Evidence>,
    /// The assessment: catalogues, rounds, results and links to the measures.
    pub assessment: super::Assessment,
    /// Rows that could not be read (a date that is no date, a word no status has: written
    /// outside Fahrplan), each named; they are left out, everything else is shown.
    pub unreadable: Vec<UnreadableRow>,
}

/// A row of the roadmap that could not be read (written outside Fahrplan): left out, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnreadableRow {
    /// What it is: `measure`, `expense`, `reevaluation`, `meeting` or `baseline`.
    pub kind: &'static str,
    /// Its name: a measure's code (of an expense or a verdict: its measure's), a title.
    pub name: String,
    /// Its id in its table.
    pub id: Option<i64>,
    /// The field that cannot be read (the table's column), if known.
    pub field: Option<String>,
    /// What that field holds (at most 60 characters).
    pub value: Option<String>,
}

/// A new roadmap's first content (the default roadmap): written as one batch, with one
/// "created" entry in the history per measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seed {
    /// Owners (ids 1…), measures (the store gives identities), expenses, re-evaluations.
    pub roadmap: Roadmap,
    /// The language the roadmap's words are in (kept with the file).
    pub lang: super::Lang,
    /// The history comment of the seeding, in that language.
    pub comment: String,
}

impl Roadmap {
    /// The latest baseline (by date, then by when it was recorded).
    pub fn latest_baseline(&self) -> Option<&super::Baseline> {
        self.baselines.iter().max_by_key(|b| (b.date, b.id))
    }

    /// The measure with this code.
    pub fn measure(&self, code: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.code == code)
    }

    /// The latest council meeting on or before `today` (the "since" of the reports).
    pub fn last_meeting(&self, today: NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().filter(|m| m.date <= today).max_by_key(|m| m.date)
    }

    /// The owner with this id.
    pub fn owner(&self, id: OwnerId) -> Option<&Owner> {
        self.owners.iter().find(|o| o.id == id)
    }

    /// The owner's name of a measure, or an empty string.
    pub fn owner_name(&self, measure: &Measure) -> &str {
        measure.owner.and_then(|id| self.owner(id)).map_or("", |o| o.name.as_str())
    }

    /// The sum of all expenses booked on a measure.
    pub fn spent(&self, code: &str) -> Money {
        self.expenses.iter().filter(|e| e.code == code).map(|e| e.amount).sum()
    }

    /// The next free code: `M` and the number after the highest numbered code (`M21` after
    /// `M20`), with at least two digits.
    pub fn next_free_code(&self) -> String {
        let highest = self
            .measures
            .iter()
            .filter_map(|m| m.code.strip_prefix('M').and_then(|n| n.parse::<u32>().ok()))
            .max()
            .unwrap_or(0);
        let mut n = highest + 1;
        while self.measure(&format!("M{n:02}")).is_some() {
            n += 1;
        }
        format!("M{n:02}")
    }

    /// The re-evaluations of one measure, oldest first.
    pub fn reevaluations_of<'a>(
        &'a self,
        code: &'a str,
    ) -> impl Iterator<Item = &'a Reevaluation> + 'a {
        self.reevaluations.iter().filter(move |r| r.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn slugs_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_slug(s.as_str()), Some(*s));
        }
        assert_eq!(Status::from_slug("in-progress"), Some(Status::InProgress));
        assert_eq!(Status::from_slug("in_progress"), None);
        assert_eq!(serde_json::to_string(&Status::OnHold).unwrap(), "\"on-hold\"");
    }

    #[test]
    fn done_sets_progress_and_completion_and_leaving_done_clears_it() {
        let m = Measure::new("M01", "t", date(2026, 1, 1), date(2026, 6, 30));
        let done = m.with_status(Status::Done, date(2026, 5, 5));
        assert_eq!((done.progress, done.completed), (100, Some(date(2026, 5, 5))));
        assert_eq!(done.end(), date(2026, 5, 5));
        let reopened = done.with_status(Status::InProgress, date(2026, 5, 6));
        assert_eq!((reopened.progress, reopened.completed), (99, None));
        assert_eq!(reopened.end(), date(2026, 6, 30));
    }

    #[test]
    fn diff_lists_only_changed_fields() {
        let a = Measure::new("M01", "t", date(2026, 1, 1), date(2026, 6, 30));
        let mut b = a.clone();
        b.status = Status::OnHold;
        b.notes = "x".into();
        let diff = diff_measures(&a, &b);
        let fields: Vec<_> = diff.iter().map(|c| c.field).collect();
        assert_eq!(fields, ["status", "notes"]);
        assert_eq!(diff[0].old.as_deref(), Some("planned"));
        assert_eq!(diff[1].old, None);
        assert!(diff_measures(&a, &a).is_empty());
    }
}

/// Why a history value could not be read back into a measure.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the value {value:?} of field {field} cannot be restored")]
pub struct FieldError {
    /// The field.
    pub field: String,
    /// The text that could not be read.
    pub value: String,
}

impl Measure {
    /// Sets `field` from its history text (the form [`diff_measures`] writes; owners by name,
    /// looked up with `owner_by_name`). This is how undo restores old values.
    pub fn set_field_text(
        &mut self,
        field: &str,
        value: Option<&str>,
        owner_by_name: impl Fn(&str) -> Option<OwnerId>,
    ) -> Result<(), FieldError> {
        let fail = || FieldError { field: field.to_owned(), value: value.unwrap_or("").to_owned() };
        let text = value.unwrap_or("");
        let date = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| fail());
        let opt_date = |v: Option<&str>| v.map(date).transpose();
        let number = |t: &str| t.parse::<i64>().map_err(|_| fail());
        match field {
            "code" => self.code = text.to_owned(),
            "title" => self.title = text.to_owned(),
            "description" => self.description = text.to_owned(),
            "notes" => self.notes = text.to_owned(),
            "horizon" => self.horizon = Horizon::from_slug(text).ok_or_else(fail)?,
            "status" => self.status = Status::from_slug(text).ok_or_else(fail)?,
            "owner" => {
                self.owner = value.map(|name| owner_by_name(name).ok_or_else(fail)).transpose()?;
            }
            "stakeholders" => {
                self.stakeholders =
                    value.map(|t| t.lines().map(str::to_owned).collect()).unwrap_or_default();
            }
            "progress" => self.progress = u8::try_from(number(text)?).map_err(|_| fail())?,
            "start" => self.start = date(text)?,
            "due" => self.due = date(text)?,
            "completed" => self.completed = opt_date(value)?,
            "next_reevaluation" => self.next_reevaluation = opt_date(value)?,
            "reevaluation_interval_months" => {
                self.reevaluation_interval_months =
                    value.map(|t| t.parse::<u32>().map_err(|_| fail())).transpose()?;
            }
            "planned_one_off_cents" => self.planned_one_off = Money(number(text)?),
            "planned_yearly_cents" => self.planned_yearly = Money(number(text)?),
            "archived" => self.archived = text.parse::<bool>().map_err(|_| fail())?,
            "funding_source" => self.funding_source = text.to_owned(),
            "funding_share" => self.funding_share = text.parse::<u8>().map_err(|_| fail())?,
            "staff_days_planned" => {
                self.staff_days_planned = text.parse::<u32>().map_err(|_| fail())?;
            }
            "staff_days_spent" => {
                self.staff_days_spent = text.parse::<u32>().map_err(|_| fail())?;
            }
            "depends_on" => {
                self.depends_on =
                    value.map(|t| t.split(", ").map(str::to_owned).collect()).unwrap_or_default();
            }
            "frameworks" => {
                self.frameworks = value
                    .map(|t| {
                        t.lines()
                            .map(|line| {
                                let (slug, reference) = line.split_once(": ").ok_or_else(fail)?;
                                let framework = Framework::from_slug(slug).ok_or_else(fail)?;
                                Ok(FrameworkRef { framework, reference: reference.to_owned() })
                            })
                            .collect::<Result<Vec<_>, FieldError>>()
                    })
                    .transpose()?
                    .unwrap_or_default();
            }
            _ => return Err(fail()),
        }
        Ok(())
    }
}

#[cfg(test)]
mod field_text_tests {
    use super::*;

    #[test]
    fn every_field_in_the_history_reads_back() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let plain = Measure::new("M01", "Alt", d(2026, 1, 1), d(2026, 6, 30));
        let mut rich = plain.clone();
        rich.code = "M99".into();
        rich.title = "Neu: „Titel“".into();
        rich.description = "Zeile 1\nZeile 2".into();
        rich.horizon = Horizon::Long;
        rich.owner = Some(7);
        rich.stakeholders = vec!["Hauptamt".into(), "Bauamt".into()];
        rich.status = Status::Done;
        rich.progress = 100;
        rich.start = d(2025, 2, 3);
        rich.due = d(2027, 4, 5);
        rich.completed = Some(d(2026, 7, 8));
        rich.frameworks = vec![
            FrameworkRef {
                framework: Framework::Vds3473,
                reference: "Kap. 16: Datensicherung".into(),
            },
            FrameworkRef { framework: Framework::Itil4, reference: "Service desk".into() },
        ];
        rich.depends_on = vec!["M02".into(), "M03".into()];
        rich.reevaluation_interval_months = Some(6);
        rich.next_reevaluation = Some(d(2027, 1, 1));
        rich.planned_one_off = Money(123_456);
        rich.planned_yearly = Money(-5);
        rich.notes = "n".into();
        rich.archived = true;
        rich.funding_source = "Breitbandförderung Baden-Württemberg".into();
        rich.funding_share = 50;
        rich.staff_days_planned = 40;
        rich.staff_days_spent = 12;
        let owners = |name: &str| (name == "IT-Leitung").then_some(7);
        let diff = diff_measures(&plain, &rich);
        assert_eq!(diff.len(), 23, "every field differs");
        let mut forward = plain.clone();
        let mut back = rich.clone();
        for change in &diff {
            // The store writes owners by name.
            let name = |v: &Option<String>| v.as_ref().map(|_| "IT-Leitung".to_owned());
            let (old, new) = if change.field == "owner" {
                (None, name(&change.new))
            } else {
                (change.old.clone(), change.new.clone())
            };
            forward.set_field_text(change.field, new.as_deref(), owners).unwrap();
            back.set_field_text(change.field, old.as_deref(), owners).unwrap();
        }
        assert_eq!(forward, rich);
        assert_eq!(back, plain);
        assert!(back.set_field_text("progress", Some("viel"), owners).is_err());
        assert!(back.set_field_text("owner", Some("Unbekannt"), owners).is_err());
        assert!(back.set_field_text("no-such-field", None, owners).is_err());
    }
}
