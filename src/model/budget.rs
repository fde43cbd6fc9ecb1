//! Money planned against money spent per calendar year.

use chrono::{Datelike, NaiveDate};

use super::{Measure, Money, Roadmap, Status};

/// Planned and spent money in one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearBudget {
    /// The calendar year.
    pub year: i32,
    /// What the plan foresees for that year (see [`budget_by_year`]).
    pub planned: Money,
    /// What was booked with a date in that year.
    pub spent: Money,
}

/// The money the plan foresees for one measure in `year`.
///
/// The one-off cost falls in the year of the planned start (the budget must be there when the
/// work begins). Running costs begin in the month after the measure is delivered (its completion
/// date, else its due date) and count pro rata per month. Cancelled measures plan nothing.
///
/// `until` ends the plan (an archived measure): nothing after that day counts.
fn planned_in_year(measure: &Measure, year: i32, until: Option<NaiveDate>) -> Money {
    one_off_in_year(measure, year, until).saturating_add(running_in_year(measure, year, until))
}

/// The one-off cost `measure` plans in `year` (see [`planned_in_year`]).
pub(super) fn one_off_in_year(measure: &Measure, year: i32, until: Option<NaiveDate>) -> Money {
    let counts = measure.status != Status::Cancelled
        && measure.start.year() == year
        && until.is_none_or(|u| measure.start <= u);
    if counts { measure.planned_one_off } else { Money::ZERO }
}

/// The running cost `measure` plans in `year` (see [`planned_in_year`]).
pub(super) fn running_in_year(measure: &Measure, year: i32, until: Option<NaiveDate>) -> Money {
    if measure.status == Status::Cancelled {
        return Money::ZERO;
    }
    let delivered = measure.completed.unwrap_or(measure.due);
    measure.planned_yearly.scaled(running_months(delivered, year, until), 12)
}

/// The day up to which a measure's plan counts: for an archived measure the day it was archived
/// (today where that is not known, never later than today); `None` for a measure in the plan.
pub fn plan_ends(measure: &Measure, today: NaiveDate) -> Option<NaiveDate> {
    measure.archived.then(|| measure.archived_on.unwrap_or(today).min(today))
}

/// What the plan foresees for `measure` from its start up to `today`: the one-off cost once the
/// start has passed, and the running costs for every month after the month of delivery up to
/// and including the current one.
pub fn planned_until(measure: &Measure, today: NaiveDate) -> Money {
    if measure.status == Status::Cancelled || measure.start > today {
        return Money::ZERO;
    }
    let delivered = measure.completed.unwrap_or(measure.due);
    let months = (i64::from(today.year()) - i64::from(delivered.year())) * 12
        + i64::from(today.month())
        - i64::from(delivered.month());
    measure.planned_one_off.saturating_add(measure.planned_yearly.scaled(months.max(0), 12))
}

/// Months of `year` that lie after the month of `delivered`, up to the month of `until` if given.
fn running_months(delivered: NaiveDate, year: i32, until: Option<NaiveDate>) -> i64 {
    let after = match year.cmp(&delivered.year()) {
        std::cmp::Ordering::Less => return 0,
        std::cmp::Ordering::Equal => i64::from(delivered.month()),
        std::cmp::Ordering::Greater => 0,
    };
    let last = match until {
        Some(u) if u.year() < year => return 0,
        Some(u) if u.year() == year => i64::from(u.month()),
        _ => 12,
    };
    (last - after).max(0)
}

/// Planned against spent per calendar year, for every year from `first` to `last` inclusive.
///
/// An archived measure plans nothing after the day it was archived ([`plan_ends`]): what it
/// planned up to then was incurred and stays, what it would have cost later does not.
pub fn budget_by_year(
    roadmap: &Roadmap,
    first: i32,
    last: i32,
    today: NaiveDate,
) -> Vec<YearBudget> {
    let codes: std::collections::HashSet<&str> =
        roadmap.measures.iter().map(|m| m.code.as_str()).collect();
    (first..=last)
        .map(|year| YearBudget {
            year,
            planned: roadmap
                .measures
                .iter()
                .map(|m| planned_in_year(m, year, plan_ends(m, today)))
                .sum(),
            // Expenses of the measures (an expense always belongs to one; a stray one in a
            // hand-made roadmap counts nowhere, so every line adds up).
            spent: roadmap
                .expenses
                .iter()
                .filter(|e| e.date.year() == year && codes.contains(e.code.as_str()))
                .map(|e| e.amount)
                .sum(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Expense, Horizon};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn roadmap() -> Roadmap {
        let mut a = Measure::new("M01", "a", date(2024, 3, 1), date(2024, 9, 30));
        a.planned_one_off = Money::euros(10_000);
        a.planned_yearly = Money::euros(1_200);
        let mut b = Measure::new("M02", "b", date(2025, 1, 1), date(2025, 12, 31));
        b.horizon = Horizon::Medium;
        b.planned_one_off = Money::euros(5_000);
        let expense = |code: &str, d, euros| Expense {
            id: 0,
            code: code.into(),
            date: d,
            amount: Money::euros(euros),
            note: String::new(),
        };
        Roadmap {
            measures: vec![a, b],
            expenses: vec![
                expense("M01", date(2024, 6, 1), 9_000),
                expense("M01", date(2025, 2, 1), 1_000),
                expense("M02", date(2025, 7, 1), 2_500),
            ],
            ..Roadmap::default()
        }
    }

    #[test]
    fn per_year_planned_and_spent() {
        let years = budget_by_year(&roadmap(), 2024, 2026, date(2026, 11, 30));
        // 2024: one-off 10,000 + running Oct–Dec (3/12 of 1,200 = 300).
        assert_eq!(
            years[0],
            YearBudget { year: 2024, planned: Money::euros(10_300), spent: Money::euros(9_000) }
        );
        // 2025: running 1,200 + M02's one-off 5,000.
        assert_eq!(
            years[1],
            YearBudget { year: 2025, planned: Money::euros(6_200), spent: Money::euros(3_500) }
        );
        assert_eq!(
            years[2],
            YearBudget { year: 2026, planned: Money::euros(1_200), spent: Money::ZERO }
        );
    }

    #[test]
    fn cancelled_measures_plan_nothing() {
        let mut r = roadmap();
        r.measures[0].status = Status::Cancelled;
        assert_eq!(budget_by_year(&r, 2024, 2024, date(2026, 11, 30))[0].planned, Money::ZERO);
    }

    #[test]
    fn archived_measures_keep_what_they_incurred_and_plan_nothing_later() {
        let mut r = roadmap();
        r.measures[0].archived = true;
        r.measures[0].archived_on = Some(date(2025, 6, 15));
        // Years later the figures of the past stay as they were on the day of archiving.
        let years = budget_by_year(&r, 2024, 2027, date(2028, 3, 1));
        // 2024 unchanged; 2025: running costs January–June (600) + M02's 5,000; nothing later.
        assert_eq!(years[0].planned, Money::euros(10_300));
        assert_eq!(years[1].planned, Money::euros(5_600));
        assert_eq!(years[2].planned, Money::ZERO);
        assert_eq!(years[1].spent, Money::euros(3_500));
        // Archived before it started: its one-off cost was never incurred.
        r.measures[0].archived_on = Some(date(2024, 1, 10));
        assert_eq!(budget_by_year(&r, 2024, 2024, date(2028, 3, 1))[0].planned, Money::ZERO);
        // Archived without a known day (an older file): up to today.
        r.measures[0].archived_on = None;
        let years = budget_by_year(&r, 2024, 2025, date(2025, 6, 1));
        assert_eq!(years[1].planned, Money::euros(5_600));
    }
}
