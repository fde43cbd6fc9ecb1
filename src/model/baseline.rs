//! Baselines (Beschlussstand): the plan as the council approved it, frozen, and what differs
//! from it now: dates slipped, budgets moved, measures added and removed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Horizon, Measure, Money, Roadmap, Status};

/// One measure as a baseline froze it (the owner by name, so that renaming or removing an owner
/// later does not change what was approved).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineMeasure {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// Horizon.
    pub horizon: Horizon,
    /// The owner's name.
    pub owner: Option<String>,
    /// Planned start.
    pub start: NaiveDate,
    /// Planned due date.
    pub due: NaiveDate,
    /// Planned one-off cost.
    pub planned_one_off: Money,
    /// Planned yearly running cost.
    pub planned_yearly: Money,
    /// Who funds it.
    #[serde(default)]
    pub funding_source: String,
    /// The funded share of the one-off cost in percent.
    #[serde(default)]
    pub funding_share: u8,
    /// Planned staff days.
    #[serde(default)]
    pub staff_days_planned: u32,
    /// Staff days spent then.
    #[serde(default)]
    pub staff_days_spent: u32,
    /// Status then.
    pub status: Status,
    /// Progress then.
    pub progress: u8,
}

impl BaselineMeasure {
    /// `measure` as it stands, frozen (`owner` is its owner's name).
    pub fn freeze(measure: &Measure, owner: Option<String>) -> Self {
        Self {
            code: measure.code.clone(),
            title: measure.title.clone(),
            horizon: measure.horizon,
            owner,
            start: measure.start,
            due: measure.due,
            planned_one_off: measure.planned_one_off,
            planned_yearly: measure.planned_yearly,
            funding_source: measure.funding_source.clone(),
            funding_share: measure.funding_share,
            staff_days_planned: measure.staff_days_planned,
            staff_days_spent: measure.staff_days_spent,
            status: measure.status,
            progress: measure.progress,
        }
    }
}

/// A frozen plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Database id.
    pub id: i64,
    /// What it records ("Gemeinderat Dezember 2026").
    pub title: String,
    /// The day of the decision.
    pub date: NaiveDate,
    /// The measures of the plan then (archived ones are not part of a plan), ordered by code.
    pub measures: Vec<BaselineMeasure>,
}

impl Baseline {
    /// The current plan of `roadmap` frozen as `title` of `date` (id 0 until stored).
    pub fn of(roadmap: &Roadmap, title: &str, date: NaiveDate) -> Self {
        let mut measures: Vec<BaselineMeasure> = roadmap
            .measures
            .iter()
            .filter(|m| !m.archived)
            .map(|m| {
                let owner = m.owner.and_then(|id| roadmap.owner(id)).map(|o| o.name.clone());
                BaselineMeasure::freeze(m, owner)
            })
            .collect();
        measures.sort_by(|a, b| a.code.cmp(&b.code));
        Self { id: 0, title: title.trim().to_owned(), date, measures }
    }
}

/// How a measure differs from the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DeviationKind {
    /// In both, with different plan figures.
    Changed,
    /// New since the baseline.
    Added,
    /// In the baseline, no longer in the plan (removed or archived).
    Removed,
}

/// One measure that differs from the baseline: the baseline's and today's values (`None` where
/// the measure is not in one of them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deviation {
    /// Code (today's; the baseline's for a removed measure).
    pub code: String,
    /// Title (today's where it exists).
    pub title: String,
    /// Changed, added or removed.
    pub change: DeviationKind,
    /// The measure in the baseline.
    pub then: Option<BaselineMeasure>,
    /// The measure now.
    pub now: Option<BaselineMeasure>,
    /// The plan fields that differ (`due`, `start`, `planned_one_off`, …) for a changed measure.
    pub fields: Vec<&'static str>,
}

impl Deviation {
    /// Days the due date moved (later: positive), for a changed measure.
    pub fn slip_days(&self) -> Option<i64> {
        Some((self.now.as_ref()?.due - self.then.as_ref()?.due).num_days())
    }

    /// How much the planned one-off cost moved (now − then; a removed measure: −then; a
    /// cancelled one costs nothing).
    pub fn one_off_delta(&self) -> Money {
        let cents = |m: &Option<BaselineMeasure>| {
            m.as_ref().filter(|m| m.status != Status::Cancelled).map_or(0, |m| m.planned_one_off.0)
        };
        Money(cents(&self.now).saturating_sub(cents(&self.then)))
    }
}

/// The plan totals then and now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeviationTotals {
    /// Planned one-off cost in the baseline.
    pub planned_one_off_baseline: Money,
    /// Planned one-off cost now.
    pub planned_one_off: Money,
    /// Planned yearly cost in the baseline.
    pub planned_yearly_baseline: Money,
    /// Planned yearly cost now.
    pub planned_yearly: Money,
}

/// Everything that differs from one baseline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deviations {
    /// The baseline's title.
    pub title: String,
    /// The baseline's date.
    pub date: NaiveDate,
    /// The measures that differ, ordered by code.
    pub measures: Vec<Deviation>,
    /// The totals of all measures, then and now.
    pub totals: DeviationTotals,
}

/// The plan fields a baseline is compared by (status, progress and spent staff days are how far
/// the work is, not the plan, and do not count as deviations).
fn plan_differences(then: &BaselineMeasure, now: &BaselineMeasure) -> Vec<&'static str> {
    let cancelled = |m: &BaselineMeasure| m.status == Status::Cancelled;
    let checks = [
        // Cancelling a measure (or taking it up again) changes the plan.
        ("cancelled", cancelled(then) != cancelled(now)),
        ("title", then.title != now.title),
        ("horizon", then.horizon != now.horizon),
        ("owner", then.owner != now.owner),
        ("start", then.start != now.start),
        ("due", then.due != now.due),
        ("planned_one_off", then.planned_one_off != now.planned_one_off),
        ("planned_yearly", then.planned_yearly != now.planned_yearly),
        ("funding_source", then.funding_source != now.funding_source),
        ("funding_share", then.funding_share != now.funding_share),
        ("staff_days_planned", then.staff_days_planned != now.staff_days_planned),
    ];
    checks.into_iter().filter(|(_, differs)| *differs).map(|(field, _)| field).collect()
}

/// What differs between `baseline` and the plan of `roadmap` now. Measures are matched by code.
pub fn deviations(baseline: &Baseline, roadmap: &Roadmap) -> Deviations {
    let now = Baseline::of(roadmap, &baseline.title, baseline.date);
    let mut measures = Vec::new();
    for then in &baseline.measures {
        match now.measures.iter().find(|m| m.code == then.code) {
            Some(current) => {
                let fields = plan_differences(then, current);
                if !fields.is_empty() {
                    measures.push(Deviation {
                        code: current.code.clone(),
                        title: current.title.clone(),
                        change: DeviationKind::Changed,
                        then: Some(then.clone()),
                        now: Some(current.clone()),
                        fields,
                    });
                }
            }
            None => measures.push(Deviation {
                code: then.code.clone(),
                title: then.title.clone(),
                change: DeviationKind::Removed,
                then: Some(then.clone()),
                now: None,
                fields: Vec::new(),
            }),
        }
    }
    for current in &now.measures {
        if !baseline.measures.iter().any(|m| m.code == current.code) {
            measures.push(Deviation {
                code: current.code.clone(),
                title: current.title.clone(),
                change: DeviationKind::Added,
                then: None,
                now: Some(current.clone()),
                fields: Vec::new(),
            });
        }
    }
    measures.sort_by(|a, b| a.code.cmp(&b.code));
    // A cancelled measure costs nothing (as in the budget and the financial plan).
    let sum = |list: &[BaselineMeasure], f: fn(&BaselineMeasure) -> Money| -> Money {
        list.iter().filter(|m| m.status != Status::Cancelled).map(f).sum()
    };
    let totals = DeviationTotals {
        planned_one_off_baseline: sum(&baseline.measures, |m| m.planned_one_off),
        planned_one_off: sum(&now.measures, |m| m.planned_one_off),
        planned_yearly_baseline: sum(&baseline.measures, |m| m.planned_yearly),
        planned_yearly: sum(&now.measures, |m| m.planned_yearly),
    };
    Deviations { title: baseline.title.clone(), date: baseline.date, measures, totals }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn roadmap() -> Roadmap {
        let mut a = Measure::new("M01", "Glasfaser", date(2026, 1, 1), date(2026, 12, 31));
        a.planned_one_off = Money::euros(10_000);
        let b = Measure::new("M02", "Backup", date(2026, 1, 1), date(2026, 6, 30));
        let c = Measure::new("M03", "Notfallhandbuch", date(2026, 1, 1), date(2026, 3, 31));
        Roadmap { measures: vec![a, b, c], ..Roadmap::default() }
    }

    #[test]
    fn an_unchanged_plan_has_no_deviations_and_progress_is_none() {
        let mut r = roadmap();
        let baseline = Baseline::of(&r, " Gemeinderat ", date(2026, 12, 10));
        assert_eq!(baseline.title, "Gemeinderat");
        r.measures[1] = r.measures[1].with_status(Status::Done, date(2026, 12, 1));
        r.measures[1].staff_days_spent = 4;
        let d = deviations(&baseline, &r);
        assert!(d.measures.is_empty(), "{d:?}");
        assert_eq!(d.totals.planned_one_off, d.totals.planned_one_off_baseline);
    }

    #[test]
    fn slipped_dates_moved_money_and_added_and_removed_measures_are_named() {
        let mut r = roadmap();
        let baseline = Baseline::of(&r, "Gemeinderat", date(2026, 12, 10));
        r.measures[0].due = date(2027, 6, 30);
        r.measures[0].planned_one_off = Money::euros(95_000);
        r.measures[2].archived = true;
        r.measures.push(Measure::new("M04", "Neu", date(2027, 1, 1), date(2027, 2, 1)));
        let d = deviations(&baseline, &r);
        let kinds: Vec<(&str, DeviationKind)> =
            d.measures.iter().map(|m| (m.code.as_str(), m.change)).collect();
        assert_eq!(
            kinds,
            [
                ("M01", DeviationKind::Changed),
                ("M03", DeviationKind::Removed),
                ("M04", DeviationKind::Added)
            ]
        );
        let m01 = &d.measures[0];
        assert_eq!(m01.fields, ["due", "planned_one_off"]);
        assert_eq!(m01.slip_days(), Some(181));
        assert_eq!(m01.one_off_delta(), Money::euros(85_000));
        assert_eq!(d.measures[1].slip_days(), None);
        assert_eq!(d.totals.planned_one_off_baseline, Money::euros(10_000));
        assert_eq!(d.totals.planned_one_off, Money::euros(95_000));
    }

    #[test]
    fn a_cancelled_measure_is_a_deviation_and_costs_nothing_now() {
        let mut r = roadmap();
        let baseline = Baseline::of(&r, "Gemeinderat", date(2026, 12, 10));
        r.measures[0] = r.measures[0].with_status(Status::Cancelled, date(2026, 12, 20));
        let d = deviations(&baseline, &r);
        assert_eq!(d.measures.len(), 1);
        assert_eq!(d.measures[0].fields, ["cancelled"]);
        assert_eq!(d.measures[0].one_off_delta(), Money::euros(-10_000));
        assert_eq!(d.totals.planned_one_off_baseline, Money::euros(10_000));
        assert_eq!(d.totals.planned_one_off, Money::ZERO);
        // A later date earlier: a negative slip.
        let mut r = roadmap();
        r.measures[1].due = date(2026, 5, 31);
        assert_eq!(deviations(&baseline, &r).measures[0].slip_days(), Some(-30));
    }
}
