//! The figures of the mayor's overview, computed from the roadmap and the history; the view
//! only shows them.

use chrono::{Datelike, NaiveDate};

use super::budget::{plan_ends, planned_until};
use super::{
    Change, DUE_SOON_DAYS, Health, Horizon, Measure, Money, Roadmap, Status, Verdict, YearBudget,
    budget_by_year, schedule_health,
};

/// Progress and money of one horizon, of the archived measures, or of the whole roadmap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Measures counted (in a horizon and in the total, archived ones are left out; the archived
    /// line counts them).
    pub total: usize,
    /// Of these, done.
    pub done: usize,
    /// Average progress in percent (cancelled measures are left out), rounded.
    pub progress: u8,
    /// Planned one-off cost.
    pub planned_one_off: Money,
    /// Planned yearly cost.
    pub planned_yearly: Money,
    /// Booked expenses.
    pub spent: Money,
    /// What the plan foresees up to today ([`planned_until`]): the one-off cost of what has
    /// started plus running cost pro rata from delivery. Spending is compared with this, never
    /// with the one-off or yearly figure (like with like).
    pub planned_to_date: Money,
    /// The first day these figures cover: the earliest start of a counted measure that has
    /// started, or an earlier expense of one; `None` while nothing has started or been booked.
    pub since: Option<NaiveDate>,
}

impl Figures {
    /// Spent minus planned to date (positive: more spent than planned so far).
    pub const fn deviation(&self) -> Money {
        self.spent.saturating_sub(self.planned_to_date)
    }

    /// The deviation in whole percent of the plan to date (rounded half away from zero), `None`
    /// while nothing is planned to date.
    pub fn deviation_percent(&self) -> Option<i64> {
        (self.planned_to_date.cents() > 0)
            .then(|| self.deviation().scaled(100, self.planned_to_date.cents()).cents())
    }
}

/// A measure whose spending exceeds what its plan foresees up to today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overrun {
    /// The measure.
    pub code: String,
    /// Planned up to today (one-off plus running costs since delivery).
    pub planned: Money,
    /// Spent.
    pub spent: Money,
}

impl Overrun {
    /// Spent minus planned.
    pub fn excess(&self) -> Money {
        self.spent.saturating_sub(self.planned)
    }
}

/// Everything the overview shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    /// Short, medium, long term (measures that are not archived).
    pub horizons: [(Horizon, Figures); 3],
    /// The archived measures: money they spent and the planned costs they incurred (the one-off
    /// cost once started; no further running costs). Money already spent never vanishes.
    pub archived: Figures,
    /// All horizons together; the money includes the archived line, so that the total equals
    /// the horizons plus the archived line, and its spending equals the sum over the years.
    pub total: Figures,
    /// Number of measures per status.
    pub by_status: Vec<(Status, usize)>,
    /// Number of measures per schedule health.
    pub by_health: Vec<(Health, usize)>,
    /// Overdue measures (codes), most overdue first.
    pub overdue: Vec<String>,
    /// Measures due within 30 days (codes), soonest first.
    pub due_soon: Vec<String>,
    /// Re-evaluations whose date has passed (codes), oldest first.
    pub reevaluations_overdue: Vec<String>,
    /// Re-evaluations due within 30 days (codes), soonest first.
    pub reevaluations_due: Vec<String>,
    /// Measures whose latest verdict nobody has confirmed yet (four eyes), latest first.
    pub unconfirmed: Vec<String>,
    /// Verdicts of the re-evaluations of the last 12 months: effective, partly, not effective.
    pub verdicts: [(Verdict, usize); 3],
    /// Planned against spent per calendar year.
    pub years: Vec<YearBudget>,
    /// The measures with the largest overrun, largest first (at most five).
    pub overruns: Vec<Overrun>,
}

/// Progress (of the measures counted) and money of `measures`.
fn figures(roadmap: &Roadmap, measures: &[&Measure], today: NaiveDate) -> Figures {
    let counted: Vec<_> = measures.iter().filter(|m| m.status != Status::Cancelled).collect();
    let progress_sum: u64 = counted.iter().map(|m| u64::from(m.progress)).sum();
    let progress = if counted.is_empty() {
        0
    } else {
        u8::try_from((progress_sum + counted.len() as u64 / 2) / counted.len() as u64)
            .unwrap_or(100)
    };
    let planned: Vec<(Money, Money)> = measures.iter().map(|m| planned_figures(m, today)).collect();
    let started = measures
        .iter()
        .filter(|m| m.status != Status::Cancelled && m.start <= today)
        .map(|m| m.start);
    let codes: std::collections::HashSet<&str> = measures.iter().map(|m| m.code.as_str()).collect();
    let booked =
        roadmap.expenses.iter().filter(|e| codes.contains(e.code.as_str())).map(|e| e.date);
    Figures {
        total: measures.len(),
        done: measures.iter().filter(|m| m.status == Status::Done).count(),
        progress,
        planned_one_off: planned.iter().map(|p| p.0).sum(),
        planned_yearly: planned.iter().map(|p| p.1).sum(),
        spent: measures.iter().map(|m| roadmap.spent(&m.code)).sum(),
        planned_to_date: measures
            .iter()
            .map(|m| planned_until(m, plan_ends(m, today).unwrap_or(today)))
            .sum(),
        since: started.chain(booked).min(),
    }
}

/// The planned one-off and yearly cost a measure contributes to the figures: all of it for a
/// measure in the plan; for an archived one only what it incurred (the one-off cost once its
/// start has passed, no further running costs).
fn planned_figures(m: &Measure, today: NaiveDate) -> (Money, Money) {
    let Some(end) = plan_ends(m, today) else { return (m.planned_one_off, m.planned_yearly) };
    let incurred = m.status != Status::Cancelled && m.start <= end;
    (if incurred { m.planned_one_off } else { Money::ZERO }, Money::ZERO)
}

/// The overview of `roadmap` on `today`.
pub fn dashboard(roadmap: &Roadmap, today: NaiveDate) -> Dashboard {
    let active: Vec<&Measure> = roadmap.measures.iter().filter(|m| !m.archived).collect();
    let archived_measures: Vec<&Measure> = roadmap.measures.iter().filter(|m| m.archived).collect();
    let horizons = [Horizon::Short, Horizon::Medium, Horizon::Long].map(|h| {
        let ms: Vec<&Measure> = active.iter().copied().filter(|m| m.horizon == h).collect();
        (h, figures(roadmap, &ms, today))
    });
    let archived = figures(roadmap, &archived_measures, today);
    let mut total = figures(roadmap, &active, today);
    // Money already spent never vanishes: the total's money includes the archived measures.
    total.planned_one_off = total.planned_one_off.saturating_add(archived.planned_one_off);
    total.spent = total.spent.saturating_add(archived.spent);
    total.planned_to_date = total.planned_to_date.saturating_add(archived.planned_to_date);
    total.since = total.since.into_iter().chain(archived.since).min();
    let by_status = Status::ALL
        .iter()
        .map(|s| (*s, active.iter().filter(|m| m.status == *s).count()))
        .collect();
    let by_health = Health::ALL
        .iter()
        .map(|h| (*h, active.iter().filter(|m| schedule_health(m, today) == *h).count()))
        .collect();

    let mut overdue: Vec<_> =
        active.iter().filter(|m| schedule_health(m, today) == Health::Overdue).collect();
    overdue.sort_by_key(|m| (m.due, m.code.clone()));
    let mut due_soon: Vec<_> =
        active.iter().filter(|m| schedule_health(m, today) == Health::DueSoon).collect();
    due_soon.sort_by_key(|m| (m.due, m.code.clone()));
    let limit = today + chrono::TimeDelta::days(DUE_SOON_DAYS);
    let mut reevaluations: Vec<_> = active
        .iter()
        .filter(|m| m.status != Status::Cancelled)
        .filter_map(|m| m.next_reevaluation.map(|d| (d, m.code.clone())))
        .filter(|(d, _)| *d <= limit)
        .collect();
    reevaluations.sort();
    let (late, soon): (Vec<_>, Vec<_>) = reevaluations.into_iter().partition(|(d, _)| *d < today);

    let year_ago = today.checked_sub_months(chrono::Months::new(12)).unwrap_or(today);
    let verdicts = [Verdict::Effective, Verdict::Partly, Verdict::NotEffective].map(|v| {
        let n = roadmap
            .reevaluations
            .iter()
            .filter(|r| r.verdict == v && r.date > year_ago && r.date <= today)
            .count();
        (v, n)
    });

    let first_year = roadmap
        .measures
        .iter()
        .map(|m| m.start.year())
        .chain(roadmap.expenses.iter().map(|e| e.date.year()))
        .min()
        .unwrap_or(today.year());
    // Every expense falls in a year shown, so the years add up to the total.
    let last_year = active
        .iter()
        .map(|m| m.end().year())
        .chain(roadmap.expenses.iter().map(|e| e.date.year()))
        .chain([today.year()])
        .max()
        .unwrap_or(today.year());
    let years = budget_by_year(roadmap, first_year, last_year, today);

    // Archived measures' overruns are money spent as well.
    let mut overruns: Vec<Overrun> = roadmap
        .measures
        .iter()
        .map(|m| Overrun {
            code: m.code.clone(),
            planned: planned_until(m, plan_ends(m, today).unwrap_or(today)),
            spent: roadmap.spent(&m.code),
        })
        .filter(|o| o.spent > o.planned)
        .collect();
    overruns.sort_by(|a, b| b.excess().cmp(&a.excess()).then_with(|| a.code.cmp(&b.code)));
    overruns.truncate(5);

    Dashboard {
        horizons,
        archived,
        total,
        by_status,
        by_health,
        overdue: overdue.iter().map(|m| m.code.clone()).collect(),
        due_soon: due_soon.iter().map(|m| m.code.clone()).collect(),
        reevaluations_overdue: late.into_iter().map(|(_, c)| c).collect(),
        reevaluations_due: soon.into_iter().map(|(_, c)| c).collect(),
        unconfirmed: unconfirmed(roadmap),
        verdicts,
        years,
        overruns,
    }
}

/// What kind of change an entry of the "since" report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A status changed (done included).
    Status,
    /// Progress changed.
    Progress,
    /// An expense was booked (or removed).
    Expense,
    /// A re-evaluation was recorded.
    Reevaluation,
    /// Start or due date moved.
    Dates,
    /// A measure was added.
    Added,
    /// A measure was removed.
    Removed,
}

impl ChangeKind {
    /// The slug used in JSON: `status`, `progress`, `expense`, `re-evaluation`, `dates`, `added`,
    /// `removed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Status => "status",
            Self::Progress => "progress",
            Self::Expense => "expense",
            Self::Reevaluation => "re-evaluation",
            Self::Dates => "dates",
            Self::Added => "added",
            Self::Removed => "removed",
        }
    }

    /// The kind of a history row, if the report lists such rows.
    pub fn of(field: &str) -> Option<Self> {
        Some(match field {
            "status" => Self::Status,
            "progress" => Self::Progress,
            "expense" => Self::Expense,
            "reevaluation" => Self::Reevaluation,
            "start" | "due" => Self::Dates,
            "created" => Self::Added,
            "deleted" => Self::Removed,
            _ => return None,
        })
    }
}

/// What changed since a date: the entries, and the figures the mayor presents first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SinceReport {
    /// The reported history entries (oldest first) with their kind.
    pub entries: Vec<(ChangeKind, Change)>,
    /// Measures completed (status became done), in order.
    pub completed: Vec<String>,
    /// Sum of the expenses booked (removed ones subtracted).
    pub expenses: Money,
}

/// The changes recorded on or after `since` (the seed of the default roadmap is not a change).
pub fn changes_since(history: &[Change], since: NaiveDate, seed_batch: Option<i64>) -> SinceReport {
    let mut report = SinceReport::default();
    for change in history.iter().filter(|c| c.at.date() >= since && Some(c.batch) != seed_batch) {
        let Some(kind) = ChangeKind::of(&change.field) else { continue };
        match kind {
            ChangeKind::Status if change.new.as_deref() == Some("done") => {
                report.completed.extend(change.code.clone());
            }
            ChangeKind::Status if change.old.as_deref() == Some("done") => {
                report.completed.retain(|c| Some(c) != change.code.as_ref());
            }
            ChangeKind::Expense => {
                let cents = |v: &Option<String>| {
                    v.as_deref().and_then(|t| t.parse::<i64>().ok()).unwrap_or(0)
                };
                report.expenses = report
                    .expenses
                    .saturating_add(Money(cents(&change.new)))
                    .saturating_sub(Money(cents(&change.old)));
            }
            _ => {}
        }
        report.entries.push((kind, change.clone()));
    }
    report
}

/// The measures (not archived) whose latest re-evaluation is unconfirmed, the latest first.
pub fn unconfirmed(roadmap: &Roadmap) -> Vec<String> {
    let mut latest: Vec<&crate::model::Reevaluation> = Vec::new();
    for r in &roadmap.reevaluations {
        match latest.iter_mut().find(|l| l.code == r.code) {
            Some(l) if (r.date, r.id) > (l.date, l.id) => *l = r,
            Some(_) => {}
            None => latest.push(r),
        }
    }
    let active = |code: &str| roadmap.measure(code).is_some_and(|m| !m.archived);
    latest.retain(|r| !r.is_confirmed() && active(&r.code));
    latest.sort_by(|a, b| (b.date, &a.code).cmp(&(a.date, &b.code)));
    latest.into_iter().map(|r| r.code.clone()).collect()
}

#[cfg(test)]
mod tests;
