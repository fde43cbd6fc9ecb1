//! The timeline in the window, driven headless (egui_kittest).

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn harness(lang: Lang) -> Harness<'static, FahrplanApp> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date");
    let store =
        Store::in_memory(Some(&fahrplan::app::default_seed(lang).expect("the default roadmap")))
            .expect("an in-memory roadmap");
    let state = AppState::new(store, lang, today).expect("a loaded roadmap");
    let app = FahrplanApp::new(state, Prefs { tab: Tab::Timeline, ..Prefs::default() });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness
}

#[test]
fn clicking_a_bar_selects_its_measure() {
    let mut harness = harness(Lang::De);
    assert_eq!(harness.state().view.selected, None);
    harness
        .get_by_role_and_label(Role::Button, "M16  IT-Notfallvorsorge und Notfallhandbuch")
        .click();
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M16"));
    // The detail panel shows it.
    assert!(harness.query_by_label("Status übernehmen").is_some());
}

#[test]
fn the_keyboard_moves_the_selection_in_timeline_order() {
    let mut harness = harness(Lang::De);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    // The short-term lane comes first, ordered by start: M01 starts on 1 March 2023.
    assert_eq!(harness.state().view.selected.as_deref(), Some("M01"));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().view.selected.as_deref(),
        Some("M04"),
        "M04 also starts on 1 March 2023"
    );
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M01"));
    harness.state_mut().view.detail_hidden = true;
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(!harness.state().view.detail_hidden, "Enter opens the details");
}

#[test]
fn the_group_by_switch_changes_the_lanes() {
    let mut harness = harness(Lang::De);
    assert_eq!(
        lane_titles(&harness),
        ["Kurzfristig (sofort)", "Mittelfristig (1–2 Jahre)", "Langfristig (2–3 Jahre)"]
    );
    harness.get_by_role_and_label(Role::ComboBox, "Gruppieren nach").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Status").click();
    harness.run();
    let titles = lane_titles(&harness);
    assert_eq!(titles, ["In Arbeit", "Erledigt"]);
    harness.get_by_role_and_label(Role::ComboBox, "Gruppieren nach").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Verantwortliche").click();
    harness.run();
    let titles = lane_titles(&harness);
    assert!(
        titles.contains(&"IT-Leitung".to_owned()) && titles.contains(&"Hauptamt".to_owned()),
        "{titles:?}"
    );
}

/// The lane titles of the current arrangement, as the timeline draws them.
fn lane_titles(harness: &Harness<'_, FahrplanApp>) -> Vec<String> {
    harness.state().timeline_lane_titles()
}

/// The codes of the bars that are accessible buttons now.
fn bar_codes(harness: &Harness<'_, FahrplanApp>) -> Vec<String> {
    harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|label| label.split_once("  ").map(|(code, _)| code.to_owned()))
        .collect()
}

#[test]
fn the_filter_narrows_the_timeline() {
    let mut harness = harness(Lang::En);
    assert_eq!(bar_codes(&harness).len(), 20);
    harness.get_by_role_and_label(Role::TextInput, "Search").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search").type_text("M16");
    harness.run();
    assert_eq!(bar_codes(&harness), ["M16"]);
}
