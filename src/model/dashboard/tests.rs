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
