//! The overview's figures, tested against the default roadmap (as the store seeds it) computed by
//! hand. The model's own unit tests need no SQLite; these use the store for the roadmap.

use chrono::NaiveDate;
use fahrplan::i18n::Lang;
use fahrplan::model::{Dashboard, Money, Roadmap, Status, Verdict, changes_since, dashboard};
use fahrplan::store::Store;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn default_roadmap() -> Roadmap {
    Store::in_memory(Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")))
        .and_then(|s| s.load_roadmap())
        .expect("the default roadmap")
}

#[test]
fn the_default_roadmap_by_hand() {
    let d = dashboard(&default_roadmap(), date(2026, 11, 27));
    assert_eq!(d.total.planned_one_off, Money::euros(213_000));
    assert_eq!(d.total.planned_yearly, Money::euros(236_000));
    let totals: Vec<_> = d.horizons.iter().map(|(_, f)| (f.total, f.done)).collect();
    assert_eq!(totals, [(8, 8), (9, 6), (3, 0)]);
    // Long term: 40, 30, 50 % → 40 %. Medium: six done (600) + 75 + 60 + 45 = 780 / 9 → 87 %.
    assert_eq!(d.horizons[2].1.progress, 40);
    assert_eq!(d.horizons[1].1.progress, 87);
    // Spent in total: the sum of spent_eur_to_date of the source data.
    assert_eq!(d.total.spent, Money::euros(805_500));
    assert_eq!(d.horizons[2].1.spent, Money::euros(42_600));
    // Overdue on 27.11.2026: all six unfinished measures, most overdue first.
    assert_eq!(d.overdue, ["M13", "M10", "M16", "M19", "M18", "M20"]);
    assert!(d.due_soon.is_empty());
    // Re-evaluations: the next date follows from the last one (partly effective: half the
    // interval). Due by 27.12.2026: M13 (4.12.), M12 (5.12.), M05 and M11 (10.12.), M08 (15.12.);
    // overdue: M16 and M19 (never re-evaluated since their due date) and M10 (partly, 18.11.2025).
    assert_eq!(d.reevaluations_due, ["M13", "M12", "M05", "M11", "M08"]);
    assert_eq!(d.reevaluations_overdue, ["M16", "M10", "M19"]);
    // Verdicts since 27.11.2025 (M10's of 18.11.2025 is older): eleven effective; M03, M05,
    // M12, M13 and M20 partly.
    assert_eq!(
        d.verdicts,
        [(Verdict::Effective, 11), (Verdict::Partly, 5), (Verdict::NotEffective, 0)]
    );
    let statuses: usize = d.by_status.iter().map(|(_, n)| n).sum();
    assert_eq!(statuses, 20);
    assert_eq!(d.years.first().map(|y| y.year), Some(2023));
    assert_eq!(d.years.last().map(|y| y.year), Some(2026));
    let spent_by_year: Money = d.years.iter().map(|y| y.spent).sum();
    assert_eq!(spent_by_year, d.total.spent);
    assert!(!d.overruns.is_empty() && d.overruns.len() <= 5);
    assert!(d.overruns.windows(2).all(|w| w[0].excess() >= w[1].excess()));
}

#[test]
fn since_lists_exactly_the_scripted_changes() {
    let mut store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .unwrap();
    let seed_batch = store.history(None).unwrap()[0].batch;
    store.set_status("M16", Status::Done, "Beschluss", date(2026, 11, 27), None).unwrap();
    store.set_progress("M18", 55, "", None).unwrap();
    store.add_expense("M18", date(2026, 11, 2), Money::euros(1_500), "Glasfaser").unwrap();
    store.add_expense("M19", date(2026, 11, 3), Money::euros(250), "").unwrap();
    store.add_reevaluation("M07", date(2026, 11, 20), Verdict::Effective, "", "IT", None).unwrap();
    store
        .update_measure("M20", None, "verschoben", |m| fahrplan::model::Measure {
            due: date(2027, 2, 28),
            ..m.clone()
        })
        .unwrap();
    store
        .update_measure("M19", None, "", |m| fahrplan::model::Measure {
            notes: "nur Notiz".into(),
            ..m.clone()
        })
        .unwrap();
    let history = store.history(None).unwrap();
    let today = history.last().unwrap().at.date();
    let report = changes_since(&history, today, Some(seed_batch));
    let kinds: Vec<_> = report
        .entries
        .iter()
        .map(|(k, c)| (k.as_str(), c.code.clone().unwrap_or_default()))
        .collect();
    fn expect(k: &'static str, c: &str) -> (&'static str, String) {
        (k, c.to_owned())
    }
    assert_eq!(
        kinds,
        [
            expect("status", "M16"),
            expect("progress", "M16"),
            expect("progress", "M18"),
            expect("expense", "M18"),
            expect("expense", "M19"),
            expect("re-evaluation", "M07"),
            expect("dates", "M20"),
        ],
        "the completion date, the next re-evaluation and the note are not in the report"
    );
    assert_eq!(report.completed, ["M16"]);
    assert_eq!(report.expenses, Money::euros(1_750));
    let moved = &report.entries[6].1;
    assert_eq!(
        (moved.old.as_deref(), moved.new.as_deref()),
        (Some("2026-02-28"), Some("2027-02-28"))
    );
    // Nothing before the date, and not the seed.
    assert!(
        changes_since(&history, today.succ_opt().unwrap(), Some(seed_batch)).entries.is_empty()
    );
}

#[test]
fn archiving_a_measure_keeps_its_money_in_every_figure() {
    let today = date(2026, 11, 30);
    let mut roadmap = default_roadmap();
    let before = dashboard(&roadmap, today);
    let m18 = roadmap.measures.iter_mut().find(|m| m.code == "M18").unwrap();
    m18.archived = true;
    let after = dashboard(&roadmap, today);
    // Money already spent never vanishes: the total, the years and the horizons plus the
    // archived line agree, before and after.
    assert_eq!(after.total.spent, before.total.spent);
    assert_eq!(after.total.spent, Money::euros(805_500));
    let by_year: Money = after.years.iter().map(|y| y.spent).sum();
    assert_eq!(by_year, after.total.spent);
    let by_line: Money = after
        .horizons
        .iter()
        .map(|(_, f)| f.spent)
        .sum::<Money>()
        .saturating_add(after.archived.spent);
    assert_eq!(by_line, after.total.spent);
    // M18 (long term) moved from its horizon to the archived line: 31,000 € spent, its one-off
    // cost incurred (started 2024), no further running costs.
    assert_eq!(
        after.horizons[2].1.spent,
        before.horizons[2].1.spent.saturating_sub(Money::euros(31_000))
    );
    assert_eq!(
        (after.archived.total, after.archived.spent, after.archived.planned_one_off),
        (1, Money::euros(31_000), Money::euros(60_000))
    );
    assert_eq!(after.archived.planned_yearly, Money::ZERO);
    assert_eq!(after.total.planned_one_off, before.total.planned_one_off);
    assert_eq!(after.horizons[2].1.total + after.archived.total, before.horizons[2].1.total);
    // Counts and progress are of the measures in the plan.
    assert_eq!(after.total.total, 19);
    // The years keep the archived measure's plan up to the day of archiving (not known here:
    // today, 30.11.), so 2026 loses only December's running cost of M18 (6,000 € / 12).
    let year = |d: &Dashboard, y: i32| d.years.iter().find(|b| b.year == y).copied().unwrap();
    assert_eq!(year(&after, 2026).spent, year(&before, 2026).spent);
    assert_eq!(
        year(&after, 2026).planned,
        year(&before, 2026).planned.saturating_sub(Money::euros(500))
    );
    assert_eq!(year(&after, 2025), year(&before, 2025));
}

#[test]
fn hostile_amounts_saturate_instead_of_overflowing() {
    let mut roadmap = default_roadmap();
    for e in &mut roadmap.expenses {
        e.amount = Money(i64::MAX / 2);
    }
    for m in &mut roadmap.measures {
        m.planned_one_off = Money(i64::MAX);
        m.planned_yearly = Money(i64::MAX);
    }
    let d = dashboard(&roadmap, date(2026, 11, 30));
    assert_eq!(d.total.spent, Money(i64::MAX));
    assert_eq!(d.total.planned_one_off, Money(i64::MAX));
    assert!(d.years.iter().all(|y| y.planned.0 >= 0 && y.spent.0 >= 0));
    assert!(d.overruns.iter().all(|o| o.excess().0 >= 0));
}

#[test]
fn an_expense_after_the_plan_still_falls_in_a_year_shown() {
    let mut roadmap = default_roadmap();
    let mut late = roadmap.expenses[0].clone();
    late.date = date(2028, 1, 15);
    late.amount = Money::euros(100);
    roadmap.expenses.push(late);
    let d = dashboard(&roadmap, date(2026, 11, 30));
    assert_eq!(d.years.last().map(|y| y.year), Some(2028));
    let by_year: Money = d.years.iter().map(|y| y.spent).sum();
    assert_eq!(by_year, d.total.spent);
    let by_line: Money =
        d.horizons.iter().map(|(_, f)| f.spent).sum::<Money>().saturating_add(d.archived.spent);
    assert_eq!(by_line, d.total.spent);
}
