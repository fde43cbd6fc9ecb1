//! The window's part of issue 16: a council meeting recorded with its baseline, the overview's
//! deviations from it, the financial plan view and the editor's new fields (egui_kittest).

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use egui_kittest::{Harness, kittest::Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::model::Measure;
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn harness(app: FahrplanApp) -> Harness<'static, FahrplanApp> {
    Harness::builder()
        // Tall enough for the whole overview without scrolling.
        .with_size(egui::vec2(1600.0, 2400.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app)
}

fn app_on(path: &std::path::Path, tab: Tab) -> FahrplanApp {
    let store = Store::create(path, Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap();
    FahrplanApp::new(
        AppState::new(store, Lang::De, today()).unwrap(),
        Prefs { tab, ..Prefs::default() },
    )
}

#[test]
fn a_meeting_recorded_with_its_baseline_shows_what_moved_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rat.sqlite");
    let mut harness = harness(app_on(&path, Tab::Dashboard));
    harness.run();
    assert!(harness.query_by_label_contains("Noch kein Beschlussstand").is_some());
    {
        let form = &mut harness.state_mut().view.dashboard;
        form.meeting_date = "10.12.2026".into();
        form.meeting_title = "Gemeinderat Dezember 2026".into();
    }
    harness.run();
    harness.get_by_label("Beschlussstand festhalten").click();
    harness.run();
    harness.get_by_label("Sitzung erfassen").click();
    harness.run();
    let roadmap = harness.state().state.roadmap().clone();
    assert_eq!(roadmap.meetings.len(), 1);
    assert_eq!(roadmap.baselines.len(), 1);
    assert_eq!(roadmap.baselines[0].title, "Gemeinderat Dezember 2026 (10.12.2026)");
    assert_eq!(roadmap.baselines[0].measures.len(), 20);
    assert!(harness.query_by_label_contains("Keine Abweichungen").is_some());

    // Someone moves M18 (another program on the same file); the window shows it by itself.
    let mut other = Store::open(&path).unwrap();
    other
        .update_measure("M18", None, "verschoben", |m| Measure {
            due: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
            ..m.clone()
        })
        .unwrap();
    drop(other);
    assert!(harness.state_mut().state.refresh_if_changed_elsewhere());
    harness.run();
    assert!(harness.query_by_label_contains("Abweichungen vom Beschluss vom 10.12.2026").is_some());
    // 28.02.2026 → 30.06.2027: 487 days later.
    assert!(harness.query_by_label_contains("fällig 487 Tage später").is_some());
}

#[test]
fn the_financial_plan_shows_five_budget_years_and_folds_the_measures_per_horizon() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite");
    let mut harness = harness(app_on(&path, Tab::Finance));
    harness.run();
    for year in ["2026", "2027", "2028", "2029", "2030"] {
        assert!(harness.query_by_label(year).is_some(), "{year}");
    }
    assert!(harness.query_by_label("2031").is_none());
    for row in ["Einmalkosten", "Laufende Kosten", "Fördermittel", "Eigenanteil", "Personentage"] {
        assert!(harness.query_by_label(row).is_some(), "{row}");
    }
    // The measures are folded under their horizon until opened.
    assert!(harness.query_by_label_contains("M18  Netzsegmentierung").is_none());
    // The heading counts the lines against the overview's count, in one pair of brackets.
    assert!(
        harness
            .query_by_label_contains(
                "Kurzfristig (sofort) · 7 von 8 Maßnahmen mit Kosten 2026–2030"
            )
            .is_some(),
        "the short term leaves out the measure without costs in these years, and says so"
    );
    harness.get_by_label_contains("Langfristig (2–3 Jahre) · 3 von 3 Maßnahmen").click();
    harness.run();
    assert!(harness.query_by_label_contains("M18  Netzsegmentierung").is_some());
    // Another first year.
    harness.state_mut().view.finance.from = Some(2024);
    harness.run();
    assert!(harness.query_all_by_label("2024").next().is_some());
    assert!(harness.query_all_by_label("2029").next().is_none());
    harness.get_by_label("Laufendes Jahr").click();
    harness.run();
    assert!(harness.query_all_by_label("2030").next().is_some());
}

#[test]
fn the_timeline_offers_the_baseline_only_once_there_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zeitplan.sqlite");
    let mut harness = harness(app_on(&path, Tab::Timeline));
    harness.run();
    assert!(harness.query_by_label("Beschlussstand").is_none());
    harness.state_mut().state.push(fahrplan::app::Command::AddBaseline {
        date: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
        title: "Gemeinderat".into(),
    });
    harness.state_mut().state.apply_queue();
    harness.run();
    assert!(!harness.state().prefs.timeline.show_baseline);
    harness.get_by_label("Beschlussstand").click();
    harness.run();
    assert!(harness.state().prefs.timeline.show_baseline);
}
