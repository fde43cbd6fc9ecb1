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

/// The texts of the last frame whose words contain `needle`: what they read as drawn.
fn drawn_texts(harness: &Harness<'_, FahrplanApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(text) => out.push(text.galley.text().to_owned()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// Every kind of mark drawn has an entry in the legend under the chart, and only those; it
/// folds away and stays folded (a preference).
#[test]
fn the_legend_names_the_marks_drawn_and_folds_away() {
    let mut harness = harness(Lang::De);
    let texts = drawn_texts(&harness);
    // The default roadmap on 27.11.2026: done and in-progress bars, overdue ones, done ones that
    // ended after their due date, verdicts effective and partly effective, next and overdue
    // re-evaluations, today and the adoption.
    for entry in [
        "In Arbeit (gefüllt bis zum Fortschritt)",
        "Erledigt",
        "Überfällig (roter Rahmen, Warndreieck)",
        "Strich: ursprünglich geplantes Ende",
        "Prüfung: Wirksam",
        "Prüfung: Teilweise wirksam",
        "Nächste Prüfung",
        "Prüfung überfällig",
        "Heute",
        "Beschluss des Fahrplans",
    ] {
        assert!(texts.iter().any(|t| t == entry), "{entry} missing from the legend");
    }
    // Nothing planned, on hold or cancelled, no verdict "not effective", no arrows drawn.
    for absent in [
        "Geplant (leerer Balken)",
        "Zurückgestellt (schraffiert)",
        "Abgebrochen (durchgestrichen)",
        "Prüfung: Nicht wirksam",
        "Abhängigkeit",
        "Beschlussstand (grauer Strich unter dem Balken)",
    ] {
        assert!(!texts.iter().any(|t| t == absent), "{absent} has no mark drawn");
    }
    // With dependency arrows drawn, their kind gets an entry.
    harness.state_mut().prefs.timeline.show_dependencies = true;
    harness.run();
    let texts = drawn_texts(&harness);
    assert!(
        texts.iter().any(|t| t.starts_with("Abhängigkeit")),
        "the arrows need an entry: {texts:?}"
    );
    // Folded away: the entries go, the preference remembers it.
    harness.get_by_role_and_label(Role::Button, "Legende ausblenden").click();
    harness.run();
    assert!(harness.state().prefs.timeline.legend_hidden);
    assert!(!drawn_texts(&harness).iter().any(|t| t == "Nächste Prüfung"));
    assert!(harness.query_by_role_and_label(Role::Button, "Legende einblenden").is_some());
}

/// A click on a measure's label selects it like a click on its bar; after "Details
/// ausblenden" a click on a bar shows the details again.
#[test]
fn labels_select_and_a_click_brings_hidden_details_back() {
    let mut harness = harness(Lang::De);
    harness
        .get_by_role_and_label(Role::Button, "M16  IT-Notfallvorsorge und Notfallhandbuch")
        .click();
    harness.run();
    harness.state_mut().view.detail_hidden = true;
    harness.run();
    assert!(harness.query_by_label("Status übernehmen").is_none());
    harness
        .get_by_role_and_label(
            Role::Button,
            "M12  Service Level Agreements und Dienstleistersteuerung",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M12"));
    assert!(harness.query_by_label("Status übernehmen").is_some(), "the details are back");
    // The label: drawn beside the bar, clicked where its words are (a tap: pressed where the
    // pointer was not before).
    let rect = label_rect(&harness, "M09  Ticketsystem");
    harness.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M09"));
}

/// Where the text starting with `start` is drawn.
fn label_rect(harness: &Harness<'_, FahrplanApp>, start: &str) -> egui::Rect {
    fn walk(shape: &egui::Shape, start: &str, out: &mut Option<egui::Rect>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, start, out)),
            egui::Shape::Text(text) if text.galley.text().starts_with(start) => {
                *out = Some(text.galley.rect.translate(text.pos.to_vec2()));
            }
            _ => {}
        }
    }
    let mut out = None;
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, start, &mut out);
    }
    out.unwrap_or_else(|| panic!("{start} is drawn"))
}
