//! The assessment in the window (issue 27), driven headless with egui_kittest: the tab's filters,
//! a result set in two clicks, the comparison of two rounds, the overview's figures, the
//! details' requirements and the presentation's slide "Wirkung".

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::model::Outcome;
use fahrplan::store::Store;
use fahrplan::ui::present::Presenter;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

const FIRST: &str = "POWERWEEK – Ist-Aufnahme";
const LATEST: &str = "Wirksamkeitsprüfung 2026";

fn app(tab: Tab) -> FahrplanApp {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let store = Store::in_memory(Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap();
    FahrplanApp::new(
        AppState::new(store, Lang::De, today).unwrap(),
        Prefs { tab, ..Prefs::default() },
    )
}

fn harness(app: FahrplanApp, size: egui::Vec2) -> Harness<'static, FahrplanApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness
}

fn vds_result(harness: &Harness<'_, FahrplanApp>, id: &str) -> Outcome {
    let a = &harness.state().state.roadmap().assessment;
    a.result(LATEST, "VdS 3473", id).unwrap().result
}

#[test]
fn the_tab_filters_sets_a_result_in_two_clicks_and_compares_rounds() {
    let mut harness = harness(app(Tab::Assessment), egui::vec2(1600.0, 1000.0));
    // The latest round's first catalogue, every requirement.
    assert!(harness.query_by_label("34 von 34 Anforderungen").is_some());
    assert!(harness.query_by_label("ITIL 4: 69 %").is_some());
    // VdS 3473's gaps: four requirements not met that no active measure works on.
    {
        let view = &mut harness.state_mut().view.assessment;
        view.catalog = Some("VdS 3473".into());
        view.gaps = true;
    }
    harness.run();
    assert!(harness.query_by_label("4 von 33 Anforderungen").is_some());
    {
        let view = &mut harness.state_mut().view.assessment;
        view.gaps = false;
        view.result = Some(Outcome::Met);
    }
    harness.run();
    let met = harness
        .state()
        .state
        .roadmap()
        .assessment
        .results
        .iter()
        .filter(|x| x.round == LATEST && x.catalog == "VdS 3473" && x.result == Outcome::Met);
    let label = format!("{} von 33 Anforderungen", met.count());
    assert!(harness.query_by_label(&label).is_some(), "{label}");
    // Requirement 12 found by search; its result set in two clicks.
    {
        let view = &mut harness.state_mut().view.assessment;
        view.result = None;
        view.search = "Mobile".into();
    }
    harness.run();
    assert!(harness.query_by_label("1 von 33 Anforderungen").is_some());
    assert_eq!(vds_result(&harness, "12"), Outcome::Partial);
    harness.get_by_role_and_label(Role::Button, "teilweise erfüllt").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "erfüllt").click();
    harness.run();
    assert_eq!(vds_result(&harness, "12"), Outcome::Met);
    assert!(harness.query_by_label("VdS 3473: 61 %").is_some());
    // Compared with the first round: both degrees, and the column of the earlier results.
    {
        let view = &mut harness.state_mut().view.assessment;
        view.search.clear();
        view.compare = Some(FIRST.into());
    }
    harness.run();
    assert!(harness.query_by_label("VdS 3473: 3 % → 61 %").is_some());
    assert!(harness.query_by_label("Vorher").is_some());
    assert!(harness.query_by_label("Organisation der Informationssicherheit").is_some());
}

#[test]
fn a_viewer_sees_the_results_but_cannot_set_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nur-lesen.sqlite");
    drop(Store::create(&path, Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap());
    let viewer = Store::open_read_only(&path).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let state = AppState::new(viewer, Lang::De, today).unwrap();
    assert!(state.is_read_only());
    let app = FahrplanApp::new(state, Prefs { tab: Tab::Assessment, ..Prefs::default() });
    let mut harness = harness(app, egui::vec2(1600.0, 1000.0));
    harness.state_mut().view.assessment.search = "Knowledge".into();
    harness.run();
    assert!(harness.query_by_role_and_label(Role::Button, "erfüllt").is_none(), "no button");
    assert!(harness.query_all_by_label("erfüllt").count() >= 2, "the result and the legend");
}

#[test]
fn the_overview_shows_the_degrees_and_the_gaps_and_leads_to_the_tab() {
    let mut harness = harness(app(Tab::Dashboard), egui::vec2(1600.0, 2400.0));
    assert!(harness.query_by_label("Erfüllungsgrad ITIL 4: 24 % → 69 %").is_some());
    assert!(harness.query_by_label("Erfüllungsgrad VdS 3473: 3 % → 59 %").is_some());
    harness.get_by_label("VdS 3473: 2").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Assessment);
    assert!(harness.query_by_label("2 von 33 Anforderungen").is_some());
    harness.state_mut().prefs.tab = Tab::Dashboard;
    harness.run();
    harness.get_by_label("Lücken ohne Maßnahme: 4").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Assessment);
    assert!(harness.query_by_label("2 von 34 Anforderungen").is_some(), "ITIL 4 first");
}

#[test]
fn the_details_list_a_measures_requirements_and_link_more() {
    let mut app = app(Tab::Table);
    app.view.selected = Some("M16".into());
    let mut harness = harness(app, egui::vec2(1600.0, 2400.0));
    let count = |h: &Harness<'_, FahrplanApp>| {
        h.state().state.roadmap().assessment.links.iter().filter(|l| l.code == "M16").count()
    };
    let before = count(&harness);
    assert_eq!(before, 12);
    assert!(harness.query_by_label("Anforderungen (12)").is_some());
    harness.state_mut().view.assessment.link_search = "Administratoren".into();
    harness.run();
    harness.get_by_label("+ VdS 3473 4.6 Administratoren").click();
    harness.run();
    assert!(harness.query_by_label("Anforderungen (13)").is_some());
    assert_eq!(count(&harness), before + 1);
    let links = &harness.state().state.roadmap().assessment.links;
    assert!(links.iter().any(|l| l.code == "M16" && l.requirement == "4.6"));
}

#[test]
fn the_slide_wirkung_shows_first_against_latest_round_per_group() {
    let mut app = app(Tab::Timeline);
    app.presenter = Some(Presenter::new(false));
    let mut harness = harness(app, egui::vec2(1920.0, 1080.0));
    let mut found = None;
    for _ in 0..40 {
        if let Some(node) = harness.query_by_label_contains("Wirkung: VdS 3473") {
            let node = node.accesskit_node();
            found = node.label().or_else(|| node.value());
            break;
        }
        harness.key_press(egui::Key::PageDown);
        harness.run();
    }
    let said = found.expect("a slide Wirkung for VdS 3473");
    assert!(said.contains("Erfüllungsgrad 3 % → 59 %"), "{said}");
    assert!(said.contains("Organisation der Informationssicherheit: 6 % → 69 %"), "{said}");
}

#[test]
fn a_catalogue_file_is_previewed_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("checkliste.csv");
    std::fs::write(&csv, "group;id;title\nA;A.1;Eins\nA;A.2;Zwei\n").unwrap();
    let mut harness = harness(app(Tab::Assessment), egui::vec2(1600.0, 1000.0));
    let history = |h: &Harness<'_, FahrplanApp>| h.state().state.history().unwrap().len();
    let before = history(&harness);
    {
        let app = harness.state_mut();
        let roadmap = app.state.roadmap().clone();
        let tr = fahrplan::i18n::I18n::new(Lang::De);
        app.view.assessment.offer_file(&csv, &tr, &roadmap);
    }
    harness.run();
    assert!(harness.query_by_label_contains("Neuer Katalog „checkliste“").is_some());
    assert_eq!(history(&harness), before, "the preview writes nothing");
    harness.get_by_role_and_label(Role::Button, "Importieren").click();
    harness.run();
    assert!(harness.state().state.roadmap().assessment.catalog("checkliste").is_some());
    // A newer version lists what changes; cancelled, nothing is written.
    std::fs::write(&csv, "group;id;title\nA;A.1;Eins\nA;A.3;Drei\n").unwrap();
    let written = history(&harness);
    {
        let app = harness.state_mut();
        let roadmap = app.state.roadmap().clone();
        let tr = fahrplan::i18n::I18n::new(Lang::De);
        app.view.assessment.offer_file(&csv, &tr, &roadmap);
    }
    harness.run();
    assert!(harness.query_by_label("Neu (1): A.3").is_some());
    assert!(harness.query_by_label_contains("Entfallen (1").is_some());
    harness.get_by_role_and_label(Role::Button, "Abbrechen").click();
    harness.run();
    assert_eq!(history(&harness), written);
    // A broken file is refused in words, nothing written.
    std::fs::write(&csv, "A;A.1\n").unwrap();
    {
        let app = harness.state_mut();
        let roadmap = app.state.roadmap().clone();
        let tr = fahrplan::i18n::I18n::new(Lang::De);
        app.view.assessment.offer_file(&csv, &tr, &roadmap);
    }
    harness.run();
    assert!(harness.query_by_label_contains("Zeile 1").is_some());
}
