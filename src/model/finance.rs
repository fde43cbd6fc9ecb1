//! The multi-year financial plan (Finanzplanung): per budget year what the roadmap costs, what
//! grants pay and what remains for the town, and the staff days it binds.

use chrono::{Datelike, NaiveDate};

use super::budget::{one_off_in_year, plan_ends, running_in_year};
use super::{Horizon, Measure, Money, Roadmap, Status};

/// The figures of one budget year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FinanceYear {
    /// The budget year.
    pub year: i32,
    /// Planned one-off cost of the measures that start in that year.
    pub one_off: Money,
    /// Running cost of delivered measures, pro rata per month.
    pub running: Money,
    /// The funded part of the one-off cost.
    pub funding: Money,
    /// What the town pays itself: one-off + running − funding.
    pub own_share: Money,
    /// Planned staff days (Personentage) falling in that year.
    pub staff_days: u32,
}

impl FinanceYear {
    fn add(&mut self, other: &Self) {
        self.one_off = self.one_off.saturating_add(other.one_off);
        self.running = self.running.saturating_add(other.running);
        self.funding = self.funding.saturating_add(other.funding);
        self.own_share = self.own_share.saturating_add(other.own_share);
        self.staff_days = self.staff_days.saturating_add(other.staff_days);
    }
}

/// One measure's line of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinanceLine {
    /// The measure's code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Its horizon (the view folds the lines under it).
    pub horizon: Horizon,
    /// Who funds it, if anyone.
    pub funding_source: String,
    /// Its figures per year, in the order of [`FinancePlan::years`].
    pub years: Vec<FinanceYear>,
}

/// The plan over consecutive budget years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinancePlan {
    /// The totals per year, oldest first.
    pub years: Vec<FinanceYear>,
    /// The measures with any figure in these years, ordered by code.
    pub lines: Vec<FinanceLine>,
}

/// The plan for `count` budget years from `first` (at most 50).
///
/// The one-off cost falls in the year of the planned start and running costs count from the
/// month after delivery, as in the budget roll-up ([`super::budget_by_year`]); the funding is the
/// funded share of the one-off cost in the same year; staff days are spread over the measure's
/// run (start to due) by calendar days, in whole days that add up to the planned number.
/// Cancelled measures plan nothing; an archived one nothing after the day it was archived.
pub fn finance_plan(roadmap: &Roadmap, first: i32, count: u32, today: NaiveDate) -> FinancePlan {
    let years: Vec<i32> =
        (0..count.min(50)).filter_map(|i| first.checked_add_unsigned(i)).collect();
    let mut totals: Vec<FinanceYear> =
        years.iter().map(|&year| FinanceYear { year, ..FinanceYear::default() }).collect();
    let mut lines = Vec::new();
    for measure in &roadmap.measures {
        let until = plan_ends(measure, today);
        let staff = staff_days_by_year(measure, until);
        let figures: Vec<FinanceYear> = years
            .iter()
            .map(|&year| {
                let one_off = one_off_in_year(measure, year, until);
                let running = running_in_year(measure, year, until);
                let funding = one_off.scaled(i64::from(measure.funding_share.min(100)), 100);
                FinanceYear {
                    year,
                    one_off,
                    running,
                    funding,
                    own_share: one_off.saturating_add(running).saturating_sub(funding),
                    staff_days: staff.iter().find(|(y, _)| *y == year).map_or(0, |(_, d)| *d),
                }
            })
            .collect();
        let empty = FinanceYear::default();
        if figures.iter().all(|f| FinanceYear { year: 0, ..*f } == empty) {
            continue;
        }
        for (total, figure) in totals.iter_mut().zip(&figures) {
            total.add(figure);
        }
        lines.push(FinanceLine {
            code: measure.code.clone(),
            title: measure.title.clone(),
            horizon: measure.horizon,
            funding_source: measure.funding_source.clone(),
            years: figures,
        });
    }
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    FinancePlan { years: totals, lines }
}

/// The planned staff days of `measure` per calendar year of its run, in whole days (the largest
/// remainders get the days left by rounding down, so the years add up to the plan). An archived
/// measure keeps the years up to the one it was archived in (that year's whole share: staff
/// days are planned per year, not per day).
fn staff_days_by_year(measure: &Measure, until: Option<NaiveDate>) -> Vec<(i32, u32)> {
    if measure.status == Status::Cancelled || measure.staff_days_planned == 0 {
        return Vec::new();
    }
    let (start, due) = (measure.start, measure.due.max(measure.start));
    let total_days = (due - start).num_days() + 1;
    let planned = i64::from(measure.staff_days_planned);
    // (year, whole days, remainder)
    let mut shares: Vec<(i32, i64, i64)> = (start.year()..=due.year())
        .map(|year| {
            let from = start.max(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(start));
            let to = due.min(NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(due));
            let days = (to - from).num_days() + 1;
            let exact = planned * days;
            (year, exact / total_days, exact % total_days)
        })
        .collect();
    let mut left = planned - shares.iter().map(|s| s.1).sum::<i64>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        shares[i].1 += 1;
        left -= 1;
    }
    shares
        .into_iter()
        .filter(|(year, _, _)| until.is_none_or(|u| *year <= u.year()))
        .map(|(year, days, _)| (year, u32::try_from(days).unwrap_or(u32::MAX)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn roadmap() -> Roadmap {
        let mut a = Measure::new("M01", "Glasfaser", date(2025, 3, 1), date(2025, 9, 30));
        a.planned_one_off = Money::euros(10_000);
        a.planned_yearly = Money::euros(1_200);
        a.funding_share = 50;
        a.funding_source = "Breitbandförderung".into();
        a.staff_days_planned = 10;
        let mut b = Measure::new("M02", "Backup", date(2026, 7, 1), date(2027, 6, 30));
        b.horizon = Horizon::Medium;
        b.planned_one_off = Money::euros(5_000);
        b.staff_days_planned = 7;
        let mut c = Measure::new("M03", "Abgesagt", date(2025, 1, 1), date(2025, 2, 1));
        c.planned_one_off = Money::euros(99_000);
        c.status = Status::Cancelled;
        Roadmap { measures: vec![b, a, c], ..Roadmap::default() }
    }

    #[test]
    fn own_share_is_one_off_plus_running_minus_funding_in_every_year() {
        let plan = finance_plan(&roadmap(), 2025, 3, date(2026, 11, 30));
        assert_eq!(plan.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2025, 2026, 2027]);
        let y2025 = plan.years[0];
        assert_eq!(y2025.one_off, Money::euros(10_000));
        // Running from October: 3/12 of 1,200.
        assert_eq!(y2025.running, Money::euros(300));
        assert_eq!(y2025.funding, Money::euros(5_000));
        assert_eq!(y2025.own_share, Money::euros(5_300));
        assert_eq!(plan.years[1].one_off, Money::euros(5_000));
        assert_eq!(plan.years[1].running, Money::euros(1_200));
        for y in &plan.years {
            assert_eq!(
                y.own_share.cents(),
                y.one_off.cents() + y.running.cents() - y.funding.cents(),
                "{}",
                y.year
            );
        }
        // The cancelled measure has no line; the lines are ordered by code.
        let codes: Vec<&str> = plan.lines.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["M01", "M02"]);
        // The lines add up to the totals.
        for (i, total) in plan.years.iter().enumerate() {
            let sum: Money = plan.lines.iter().map(|l| l.years[i].own_share).sum();
            assert_eq!(sum, total.own_share);
        }
    }

    #[test]
    fn staff_days_are_spread_over_the_run_and_add_up() {
        let plan = finance_plan(&roadmap(), 2025, 3, date(2026, 11, 30));
        // M01 runs within 2025; M02 half in 2026 (184 days) and half in 2027 (181 days) of 7.
        assert_eq!(plan.years[0].staff_days, 10);
        assert_eq!(plan.years[1].staff_days + plan.years[2].staff_days, 7);
        assert_eq!(plan.years[1].staff_days, 4);
        // Archived in 2026: 2027's share no longer counts.
        let mut r = roadmap();
        r.measures[0].archived = true;
        r.measures[0].archived_on = Some(date(2026, 9, 1));
        let plan = finance_plan(&r, 2025, 3, date(2026, 11, 30));
        assert_eq!((plan.years[1].staff_days, plan.years[2].staff_days), (4, 0));
    }

    #[test]
    fn raising_the_funding_share_lowers_the_own_share_by_as_much() {
        let before = finance_plan(&roadmap(), 2024, 5, date(2026, 11, 30));
        let mut r = roadmap();
        let m01 = r.measures.iter_mut().find(|m| m.code == "M01").unwrap();
        // From 50 % to 80 % of 10,000 €.
        m01.funding_share = 80;
        let after = finance_plan(&r, 2024, 5, date(2026, 11, 30));
        let funding = |p: &FinancePlan| p.years.iter().map(|y| y.funding).sum::<Money>();
        let own = |p: &FinancePlan| p.years.iter().map(|y| y.own_share).sum::<Money>();
        assert_eq!(funding(&after).saturating_sub(funding(&before)), Money::euros(3_000));
        assert_eq!(own(&before).saturating_sub(own(&after)), Money::euros(3_000));
    }
}
