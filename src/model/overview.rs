//! Many roadmaps side by side (a county's, a provider's, a shared information-security officer's):
//! the key figures of each town, made by the same rules as its own overview ([`dashboard`]), so
//! that a town's row always says what its `summary` says.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Money, Roadmap, dashboard};

/// What a roadmap holds as it was read in one snapshot, with the time of its latest change.
#[derive(Clone, Debug, PartialEq)]
pub struct TownSnapshot {
    /// The roadmap.
    pub roadmap: Roadmap,
    /// When its history last recorded a change (`None`: never).
    pub last_change: Option<NaiveDateTime>,
}

/// The fulfilment degree of one catalogue in a town's first and latest assessment round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Degree {
    /// The catalogue's name.
    pub catalog: String,
    /// In the first round that assessed it (percent).
    pub first: Option<u8>,
    /// In the latest round that assessed it (percent).
    pub latest: Option<u8>,
    /// Whether first and latest are the same round (no change to show).
    pub one_round: bool,
}

impl Degree {
    /// The change from the first to the latest round, in percentage points (`None` with one round
    /// or a degree missing).
    pub fn change(&self) -> Option<i16> {
        if self.one_round {
            return None;
        }
        Some(i16::from(self.latest?) - i16::from(self.first?))
    }
}

/// A measure the town's page names: overdue, its re-evaluation due or overdue, or a verdict
/// waiting for its second pair of eyes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// The date that matters (due date, re-evaluation date), if any.
    pub date: Option<NaiveDate>,
}

/// One town's key figures as of a day.
#[derive(Clone, Debug, PartialEq)]
pub struct TownFigures {
    /// The town (the roadmap's facts; may be empty).
    pub town: String,
    /// The roadmap's title.
    pub title: String,
    /// Measures counted (not archived).
    pub measures: usize,
    /// Of those, done.
    pub done: usize,
    /// Average progress of the measures counted (percent).
    pub progress: u8,
    /// Overdue measures, most overdue first.
    pub overdue: Vec<Item>,
    /// Re-evaluations whose date has passed, oldest first.
    pub reevaluations_overdue: Vec<Item>,
    /// Re-evaluations due within 30 days, soonest first.
    pub reevaluations_due: Vec<Item>,
    /// Latest verdicts nobody has confirmed yet.
    pub unconfirmed: Vec<Item>,
    /// The plan's costs up to today (like with like against `spent`).
    pub planned_to_date: Money,
    /// Spent to date.
    pub spent: Money,
    /// The fulfilment degree per catalogue, in catalogue order.
    pub degrees: Vec<Degree>,
    /// The latest council meeting on or before today: date and title.
    pub last_meeting: Option<(NaiveDate, String)>,
    /// The latest baseline on or before today: date and title.
    pub baseline: Option<(NaiveDate, String)>,
    /// When the roadmap last changed.
    pub last_change: Option<NaiveDateTime>,
    /// Rows of the roadmap that could not be read (left out of the figures).
    pub unreadable: usize,
}

impl TownFigures {
    /// The figures of `snapshot` as of `today`.
    pub fn of(snapshot: &TownSnapshot, today: NaiveDate) -> Self {
        let roadmap = &snapshot.roadmap;
        let d = dashboard(roadmap, today);
        let items = |codes: &[String], date: fn(&super::Measure) -> Option<NaiveDate>| {
            codes
                .iter()
                .map(|code| {
                    let measure = roadmap.measure(code);
                    Item {
                        code: code.clone(),
                        title: measure.map(|m| m.title.clone()).unwrap_or_default(),
                        date: measure.and_then(date),
                    }
                })
                .collect::<Vec<_>>()
        };
        let assessment = &roadmap.assessment;
        let degrees = assessment
            .catalogs
            .iter()
            .filter_map(|c| {
                let (first, latest) = assessment.first_and_latest_of(&c.name)?;
                Some(Degree {
                    catalog: c.name.clone(),
                    first: assessment.degree(first, &c.name),
                    latest: assessment.degree(latest, &c.name),
                    one_round: first.title == latest.title,
                })
            })
            .collect();
        let baseline =
            roadmap.baselines.iter().filter(|b| b.date <= today).max_by_key(|b| (b.date, b.id));
        Self {
            town: roadmap.info.town.clone(),
            title: roadmap.info.name.clone(),
            measures: d.total.total,
            done: d.total.done,
            progress: d.total.progress,
            overdue: items(&d.overdue, |m| Some(m.due)),
            reevaluations_overdue: items(&d.reevaluations_overdue, |m| m.next_reevaluation),
            reevaluations_due: items(&d.reevaluations_due, |m| m.next_reevaluation),
            unconfirmed: items(&d.unconfirmed, |_| None),
            planned_to_date: d.total.planned_to_date,
            spent: d.total.spent,
            degrees,
            last_meeting: roadmap.last_meeting(today).map(|m| (m.date, m.title.clone())),
            baseline: baseline.map(|b| (b.date, b.title.clone())),
            last_change: snapshot.last_change,
            unreadable: roadmap.unreadable.len(),
        }
    }

    /// Spent minus planned to date (positive: over plan).
    pub const fn deviation(&self) -> Money {
        self.spent.saturating_sub(self.planned_to_date)
    }
}
