//! The "since" report on a scripted history: pure, no store (the figures of the default roadmap
//! are tested in `tests/dashboard.rs`, where the store seeds it).

use chrono::NaiveDateTime;

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn change(
    id: i64,
    batch: i64,
    day: u32,
    code: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Change {
    Change {
        id,
        batch,
        at: NaiveDateTime::new(date(2026, 11, day), chrono::NaiveTime::MIN),
        who: "it".into(),
        code: Some(code.into()),
        measure_id: None,
        field: field.into(),
        old: old.map(str::to_owned),
        new: new.map(str::to_owned),
        comment: String::new(),
        imported: false,
    }
}

#[test]
fn reopening_a_measure_takes_it_out_of_completed_and_removed_expenses_count_back() {
    let history = vec![
        change(1, 2, 10, "M01", "status", Some("in-progress"), Some("done")),
        change(2, 3, 11, "M01", "status", Some("done"), Some("in-progress")),
        change(3, 4, 12, "M02", "expense", None, Some("10000")),
        change(4, 5, 13, "M02", "expense", Some("10000"), None),
        change(5, 6, 14, "M03", "created", None, Some("Neu")),
        change(6, 7, 15, "M03", "deleted", Some("Neu"), None),
    ];
    let report = changes_since(&history, date(2026, 11, 1), None);
    assert!(report.completed.is_empty());
    assert_eq!(report.expenses, Money::ZERO);
    let kinds: Vec<_> = report.entries.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Status,
            ChangeKind::Status,
            ChangeKind::Expense,
            ChangeKind::Expense,
            ChangeKind::Added,
            ChangeKind::Removed
        ]
    );
}

#[test]
fn hostile_expense_sums_in_the_history_saturate() {
    let history = vec![
        change(1, 2, 10, "M01", "expense", None, Some(&i64::MAX.to_string())),
        change(2, 3, 11, "M01", "expense", None, Some(&i64::MAX.to_string())),
        change(3, 4, 12, "M02", "expense", Some(&i64::MIN.to_string()), None),
    ];
    assert_eq!(changes_since(&history, date(2026, 11, 1), None).expenses, Money(i64::MAX));
}

/// Plan to date: one-off cost once started plus running cost per month after delivery, per
/// horizon; the total adds the archived measures; `since` is the first start or expense.
#[test]
fn plan_to_date_compares_like_with_like() {
    use crate::model::{Expense, Measure};
    let mut a = Measure::new("M01", "a", date(2024, 3, 1), date(2024, 9, 30));
    a.planned_one_off = Money::euros(10_000);
    a.planned_yearly = Money::euros(1_200);
    let mut b = Measure::new("M02", "b", date(2027, 1, 1), date(2027, 12, 31));
    b.planned_one_off = Money::euros(5_000);
    let mut c = Measure::new("M03", "c", date(2023, 5, 2), date(2023, 6, 30));
    c.planned_one_off = Money::euros(2_000);
    c.horizon = Horizon::Medium;
    c.archived = true;
    c.archived_on = Some(date(2024, 1, 31));
    c.planned_yearly = Money::euros(1_200);
    let expense = |code: &str, d, euros| Expense {
        id: 0,
        code: code.into(),
        date: d,
        amount: Money::euros(euros),
        note: String::new(),
    };
    let roadmap = Roadmap {
        measures: vec![a, b, c],
        expenses: vec![
            expense("M01", date(2024, 2, 20), 9_000),
            expense("M01", date(2025, 2, 1), 3_000),
            expense("M03", date(2023, 5, 10), 2_500),
        ],
        ..Roadmap::default()
    };
    let d = dashboard(&roadmap, date(2026, 12, 6));
    let short = d.horizons[0].1;
    // M01: 10,000 + 27 months (Oct 2024 – Dec 2026) × 100; M02 has not started.
    assert_eq!(short.planned_to_date, Money::euros(12_700));
    assert_eq!(short.spent, Money::euros(12_000));
    assert_eq!(short.deviation(), Money::euros(-700));
    // −5.51 % rounds to −6 %.
    assert_eq!(short.deviation_percent(), Some(-6));
    // The expense before the start opens the period.
    assert_eq!(short.since, Some(date(2024, 2, 20)));
    // Archived M03: one-off and running July 2023 – January 2024 (7 × 100) up to its archiving.
    assert_eq!(d.archived.planned_to_date, Money::euros(2_700));
    assert_eq!(d.total.planned_to_date, Money::euros(15_400));
    assert_eq!(d.total.spent, Money::euros(14_500));
    assert_eq!(d.total.since, Some(date(2023, 5, 2)));
    // A horizon where nothing has started covers no period and has no percentage.
    assert_eq!(d.horizons[2].1.since, None);
    assert_eq!(d.horizons[2].1.deviation_percent(), None);
}
