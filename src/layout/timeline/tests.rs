//! The timeline's view-model, tested as data.

use chrono::NaiveDate;

use super::*;
use crate::i18n::Lang;
use crate::model::{Measure, Reevaluation};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    date(2026, 11, 27)
}

fn measure(code: &str, horizon: Horizon, start: NaiveDate, due: NaiveDate) -> Measure {
    let mut m = Measure::new(code, format!("Titel {code}"), start, due);
    m.horizon = horizon;
    m
}

fn roadmap() -> Roadmap {
    let mut a = measure("M01", Horizon::Short, date(2026, 1, 1), date(2026, 1, 31));
    a.status = Status::Done;
    a.progress = 100;
    a.completed = Some(date(2026, 2, 10));
    let mut b = measure("M02", Horizon::Short, date(2026, 1, 15), date(2026, 6, 30));
    b.progress = 50;
    b.status = Status::InProgress;
    b.depends_on = vec!["M01".into()];
    b.next_reevaluation = Some(date(2026, 10, 1));
    let mut c = measure("M03", Horizon::Long, date(2026, 3, 1), date(2027, 3, 1));
    c.depends_on = vec!["M02".into()];
    c.next_reevaluation = Some(date(2027, 1, 1));
    Roadmap {
        measures: vec![a, b, c],
        reevaluations: vec![Reevaluation {
            id: 1,
            code: "M02".into(),
            date: date(2026, 4, 1),
            verdict: Verdict::Partly,
            note: String::new(),
            by: String::new(),
            confirmed_by: None,
            confirmed_at: None,
            imported: false,
        }],
        ..Roadmap::default()
    }
}

fn viewport(origin: NaiveDate, px_per_day: f32) -> Viewport {
    Viewport { origin, px_per_day, width: 1000.0, scroll_y: 0.0, height: 800.0 }
}

#[test]
fn bars_span_start_to_end_with_progress_and_due_mark() {
    let r = roadmap();
    let tr = I18n::new(Lang::De);
    let a = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    let l = layout(&r, &a, &viewport(date(2026, 1, 1), 2.0), today(), false, &tr);
    let row = |code: &str| l.rows.iter().find(|row| r.measures[row.measure].code == code).unwrap();
    // Done: ends at completion (10 Feb, inclusive), the planned due date as a thin mark.
    let m01 = row("M01");
    assert_eq!((m01.bar.x0, m01.bar.x1), (0.0, 82.0));
    assert_eq!(m01.bar.due_mark_x, Some(62.0));
    assert_eq!(m01.bar.progress_x, 82.0);
    // In progress: 15 Jan to 30 Jun is 167 days; half of it filled.
    let m02 = row("M02");
    assert_eq!((m02.bar.x0, m02.bar.x1), (28.0, 28.0 + 334.0));
    assert_eq!(m02.bar.progress_x, 28.0 + 167.0);
    assert_eq!(m02.bar.due_mark_x, None);
    assert_eq!(m02.health, Health::Overdue);
    assert_eq!(l.today_x, 2.0 * 330.0);
}

#[test]
fn lanes_follow_the_grouping() {
    let r = roadmap();
    let horizon = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    let keys: Vec<_> = horizon.lanes.iter().map(|l| (l.key, l.rows.len())).collect();
    assert_eq!(
        keys,
        [
            (LaneKey::Horizon(Horizon::Short), 2),
            (LaneKey::Horizon(Horizon::Medium), 0),
            (LaneKey::Horizon(Horizon::Long), 1)
        ]
    );
    assert_eq!(horizon.lanes[1].top, LANE_HEADER + 2.0 * ROW_HEIGHT + LANE_GAP);
    let status = arrange(&r, &Filter::default(), GroupBy::Status, today());
    let keys: Vec<_> = status.lanes.iter().map(|l| l.key).collect();
    assert_eq!(
        keys,
        [
            LaneKey::Status(Status::Planned),
            LaneKey::Status(Status::InProgress),
            LaneKey::Status(Status::Done)
        ]
    );
    let owner = arrange(&r, &Filter::default(), GroupBy::Owner, today());
    assert_eq!(owner.lanes.len(), 1);
    assert_eq!(owner.lanes[0].key, LaneKey::Owner(None));
    assert_eq!(owner.order().collect::<Vec<_>>(), [0, 1, 2]);
    let filtered =
        arrange(&r, &Filter { text: "M03".into(), ..Filter::default() }, GroupBy::Horizon, today());
    assert_eq!(filtered.order().collect::<Vec<_>>(), [2]);
    assert_eq!(filtered.span, Some((date(2026, 3, 1), date(2027, 3, 1))));
    assert_eq!(filtered.span_with(date(2027, 6, 1)), (date(2026, 3, 1), date(2027, 6, 1)));
    let mut later = r.clone();
    later.measures[2].next_reevaluation = Some(date(2028, 1, 1));
    let a = arrange(&later, &Filter::default(), GroupBy::Horizon, today());
    assert_eq!(a.span, Some((date(2026, 1, 1), date(2028, 1, 1))));
}

#[test]
fn hit_testing_finds_the_row_under_the_pointer() {
    let r = roadmap();
    let a = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    assert_eq!(a.measure_at(5.0), None, "a lane header");
    assert_eq!(a.measure_at(LANE_HEADER + 1.0), Some(0));
    assert_eq!(a.measure_at(LANE_HEADER + ROW_HEIGHT + 1.0), Some(1));
    assert_eq!(a.measure_at(a.height + 5.0), None);
}

#[test]
fn arrows_run_from_end_to_start_and_flag_violations() {
    let r = roadmap();
    let tr = I18n::new(Lang::De);
    let a = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    let l = layout(&r, &a, &viewport(date(2026, 1, 1), 1.0), today(), true, &tr);
    assert_eq!(l.arrows.len(), 2);
    // M02 starts (15 Jan) before M01 ended (10 Feb): violated.
    let first = l.arrows[0];
    assert_eq!(first.from, (41.0, LANE_HEADER + ROW_HEIGHT / 2.0));
    assert_eq!(first.to, (14.0, LANE_HEADER + ROW_HEIGHT * 1.5));
    assert!(first.violated);
    // M03 starts 1 Mar, before M02's due 30 Jun: violated too.
    assert!(l.arrows[1].violated);
    // A violated arrow runs back along the row boundary above the successor, not across bars.
    let boundary = LANE_HEADER + ROW_HEIGHT;
    assert_eq!(
        first.path(),
        [(41.0, 49.0), (49.0, 49.0), (49.0, boundary), (6.0, boundary), (6.0, 79.0), (14.0, 79.0)]
    );
    // A successor that starts after its predecessor ends is fine.
    let mut fine = r.clone();
    fine.measures[2].start = date(2026, 8, 1);
    let a = arrange(&fine, &Filter::default(), GroupBy::Horizon, today());
    let l = layout(&fine, &a, &viewport(date(2026, 1, 1), 1.0), today(), true, &tr);
    assert!(!l.arrows[1].violated);
    let fine_arrow = l.arrows[1];
    let (to_x, to_y) = fine_arrow.to;
    assert_eq!(fine_arrow.path().len(), 4);
    assert_eq!(fine_arrow.path()[1], (to_x - 8.0, fine_arrow.from.1));
    assert_eq!(fine_arrow.path()[3], (to_x, to_y));
    assert!(
        layout(&fine, &a, &viewport(date(2026, 1, 1), 1.0), today(), false, &tr).arrows.is_empty()
    );
}

#[test]
fn diamonds_for_past_next_and_overdue_reevaluations() {
    let r = roadmap();
    let tr = I18n::new(Lang::De);
    let a = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    let l = layout(&r, &a, &viewport(date(2026, 1, 1), 1.0), today(), false, &tr);
    let kinds: Vec<_> =
        l.markers.iter().map(|m| (r.measures[m.measure].code.as_str(), m.kind, m.x)).collect();
    assert_eq!(
        kinds,
        [
            ("M02", MarkerKind::Past(Verdict::Partly), 90.0),
            ("M02", MarkerKind::Overdue, 273.0),
            ("M03", MarkerKind::Next, 365.0),
        ]
    );
    // A label right of M02's bar (ends 30 June, x = 181) has room up to the diamond on 1 October.
    let m02 = l.rows.iter().find(|row| row.measure == 1).unwrap();
    assert_eq!(m02.label_room, 273.0 - MARKER_RADIUS - LABEL_GAP - (181.0 + LABEL_GAP));
    let m01 = l.rows.iter().find(|row| row.measure == 0).unwrap();
    assert_eq!(m01.label_room, f32::INFINITY);
    // M02's past re-evaluation (1 April) lies on its bar: no limit to the left.
    assert_eq!(m02.label_room_left, f32::INFINITY);
    // A diamond before the bar limits a label placed on the left.
    let mut early = r.clone();
    early.reevaluations[0].date = date(2025, 12, 1);
    let a = arrange(&early, &Filter::default(), GroupBy::Horizon, today());
    let l = layout(&early, &a, &viewport(date(2025, 11, 1), 1.0), today(), false, &tr);
    let m02 = l.rows.iter().find(|row| row.measure == 1).unwrap();
    // Bar starts 15 Jan 2026 (x = 75); the diamond on 1 Dec 2025 is at x = 30.
    assert_eq!(m02.label_room_left, 75.0 - LABEL_GAP - (30.0 + MARKER_RADIUS + LABEL_GAP));
}

#[test]
fn only_visible_rows_are_laid_out() {
    let mut r = Roadmap::default();
    for i in 0..10_000 {
        r.measures.push(measure(
            &format!("X{i:05}"),
            Horizon::Medium,
            date(2026, 1, 1),
            date(2026, 12, 31),
        ));
    }
    let tr = I18n::new(Lang::En);
    let a = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    let mut v = viewport(date(2026, 1, 1), 1.0);
    v.height = 30.0 * ROW_HEIGHT;
    v.scroll_y = 5_000.0 * ROW_HEIGHT;
    let l = layout(&r, &a, &v, today(), true, &tr);
    assert!((30..=32).contains(&l.rows.len()), "{} rows", l.rows.len());
    assert_eq!(l.lanes.len(), 1);
    assert!(
        l.rows.iter().all(|row| row.y + ROW_HEIGHT >= v.scroll_y && row.y <= v.scroll_y + v.height)
    );
}

#[test]
fn ticks_adapt_to_the_zoom_in_both_languages() {
    let de = I18n::new(Lang::De);
    let en = I18n::new(Lang::En);
    // About 3 points a day: every month labelled.
    let close = viewport(date(2026, 1, 1), 3.0);
    let ticks = ticks(&close, &de);
    let labels: Vec<_> =
        ticks.iter().take(4).map(|t| (t.level, t.label.clone().unwrap_or_default())).collect();
    assert_eq!(
        labels,
        [
            (TickLevel::Year, "2026".to_owned()),
            (TickLevel::Month, "Feb".to_owned()),
            (TickLevel::Month, "Mär".to_owned()),
            (TickLevel::Quarter, "Apr".to_owned())
        ]
    );
    assert_eq!(ticks[1].x, 93.0);
    assert_eq!(super::ticks(&close, &en)[2].label.as_deref(), Some("Mar"));
    assert!(super::ticks(&close, &de).iter().any(|t| t.label.as_deref() == Some("Okt")));
    // About half a point a day: quarters labelled, months not shown.
    let far = viewport(date(2026, 1, 1), 0.5);
    let ticks = super::ticks(&far, &de);
    assert!(ticks.iter().all(|t| t.level != TickLevel::Month));
    let labels: Vec<_> = ticks.iter().take(3).filter_map(|t| t.label.clone()).collect();
    assert_eq!(labels, ["2026", "Q2", "Q3"]);
    // Very far out: years only, and not every year labelled.
    let very_far = Viewport { width: 2000.0, ..viewport(date(2000, 1, 1), 0.05) };
    let ticks = super::ticks(&very_far, &en);
    assert!(ticks.iter().all(|t| t.level == TickLevel::Year));
    let labelled = ticks.iter().filter(|t| t.label.is_some()).count();
    assert!(labelled < ticks.len() && labelled > 0);
}

#[test]
fn fit_shows_the_whole_span_and_zoom_keeps_the_point_under_the_pointer() {
    let v = Viewport::fit((date(2023, 3, 1), date(2026, 2, 28)), 1000.0, 600.0);
    assert!(v.x(date(2023, 3, 1)) > 0.0);
    assert!(v.x(date(2026, 3, 1)) < 1000.0);
    let zoomed = v.zoomed(2.0, 500.0);
    let before = v.date_at(500.0);
    let after = zoomed.date_at(500.0);
    assert!((after - before).num_days().abs() <= 1, "{before} vs {after}");
    assert_eq!(zoomed.px_per_day, v.px_per_day * 2.0);
    let panned = v.panned(100.0, 50.0, 80.0);
    assert_eq!(panned.scroll_y, 0.0, "cannot scroll past short content");
    assert!(panned.origin > v.origin);
}

#[test]
fn show_all_shrinks_rows_to_fit_the_height_down_to_a_minimum() {
    let r = roadmap();
    let a = arrange(&r, &Filter::default(), GroupBy::Horizon, today());
    // Three lanes, three rows: roomy windows keep the normal height.
    assert_eq!(a.fitting_row_height(2000.0), ROW_HEIGHT);
    let fixed = 3.0 * (LANE_HEADER + LANE_GAP);
    assert_eq!(a.fitting_row_height(fixed + 3.0 * 25.0), 25.0);
    assert_eq!(a.fitting_row_height(fixed), MIN_ROW_HEIGHT);
    let small = a.clone().with_row_height(25.0);
    assert_eq!(small.height, fixed + 3.0 * 25.0);
    assert_eq!(small.lanes[2].top, 2.0 * (LANE_HEADER + LANE_GAP) + 2.0 * 25.0);
    assert_eq!(small.measure_at(LANE_HEADER + 26.0), Some(1));
}

#[test]
fn pictures_of_a_part_leave_out_empty_lanes_and_keep_rows_addressable() {
    let roadmap = roadmap();
    let full = arrange(&roadmap, &Filter::default(), GroupBy::Horizon, today());
    assert_eq!(full.lanes.len(), 3, "the window shows every horizon, even the empty one");
    let part = full.clone().without_empty_lanes();
    assert_eq!(part.lanes.len(), 2, "short and long; medium is empty");
    assert!(part.height < full.height);
    // M03 (long) moved up by the medium lane's height and is still found at its new place.
    let m03 = 2;
    let (before, after) = (full.row_top(m03).unwrap(), part.row_top(m03).unwrap());
    assert!((before - after - (LANE_HEADER + LANE_GAP)).abs() < 0.01, "{before} → {after}");
    assert_eq!(part.measure_at(after + 1.0), Some(m03));
    assert_eq!(part.order().collect::<Vec<_>>(), full.order().collect::<Vec<_>>());
}
