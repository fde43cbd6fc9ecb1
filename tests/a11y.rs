//! The window as a screen reader meets it (AccessKit through egui_kittest): every interactive
//! node of every view has a name, and the presentation's bars say which measure they are.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::store::Store;
use fahrplan::ui::present::Presenter;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

const INTERACTIVE: &[Role] = &[
    Role::Button,
    Role::CheckBox,
    Role::ComboBox,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::SearchInput,
    Role::DateInput,
    Role::Slider,
    Role::SpinButton,
    Role::MenuItem,
    Role::Link,
    Role::RadioButton,
    Role::Tab,
    Role::Switch,
    Role::DisclosureTriangle,
];

fn app(lang: Lang, prefs: Prefs) -> FahrplanApp {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date");
    let store = Store::in_memory(Some(&fahrplan::app::default_seed(lang).expect("the default")))
        .expect("an in-memory roadmap");
    FahrplanApp::new(AppState::new(store, lang, today).expect("a loaded roadmap"), prefs)
}

fn harness(app: FahrplanApp, size: egui::Vec2) -> Harness<'static, FahrplanApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness
}

/// The interactive nodes without a name, with their role and value, for the message.
fn unnamed(harness: &Harness<'_, FahrplanApp>) -> Vec<String> {
    let by = By::new().predicate(|node| {
        INTERACTIVE.contains(&node.role()) && node.label().unwrap_or_default().trim().is_empty()
    });
    harness
        .query_all(by)
        .map(|n| {
            let node = n.accesskit_node();
            format!("{:?} (value {:?})", node.role(), node.value())
        })
        .collect()
}

/// How many interactive nodes the view has (to be sure the check looked at something).
fn interactive(harness: &Harness<'_, FahrplanApp>) -> usize {
    harness.query_all(By::new().predicate(|node| INTERACTIVE.contains(&node.role()))).count()
}

#[test]
fn every_interactive_node_of_every_view_has_a_name() {
    for lang in [Lang::De, Lang::En] {
        for tab in
            [Tab::Dashboard, Tab::Timeline, Tab::Table, Tab::History, Tab::Finance, Tab::Assessment]
        {
            let mut harness =
                harness(app(lang, Prefs { tab, ..Prefs::default() }), egui::vec2(1400.0, 900.0));
            assert!(interactive(&harness) > 5, "{tab:?}: hardly anything to check");
            assert_eq!(unnamed(&harness), Vec::<String>::new(), "{lang:?} {tab:?}");

            // With a measure selected: the details and their buttons.
            if tab == Tab::Table {
                harness.get_by_label_contains("M16").click();
                harness.run();
                assert_eq!(unnamed(&harness), Vec::<String>::new(), "{lang:?} details");
                // The editor, every field of it.
                let edit = if lang == Lang::De { "Bearbeiten" } else { "Edit" };
                let save = if lang == Lang::De { "Speichern" } else { "Save" };
                assert!(harness.query_by_role_and_label(Role::Button, save).is_none());
                let before = harness.query_all_by_role(Role::TextInput).count();
                harness.get_by_role_and_label(Role::Button, edit).click();
                harness.run();
                assert!(
                    harness.query_by_role_and_label(Role::Button, save).is_some(),
                    "the editor opened"
                );
                let after = harness.query_all_by_role(Role::TextInput).count();
                assert!(after >= before + 5, "the editor's fields are checked too: {after}");
                assert!(harness.query_all_by_role(Role::MultilineTextInput).next().is_some());
                assert_eq!(unnamed(&harness), Vec::<String>::new(), "{lang:?} editor");
            }
        }
    }
}

#[test]
fn the_presentations_bars_name_code_and_title() {
    let mut app = app(Lang::De, Prefs::default());
    app.presenter = Some(Presenter::new(false));
    let mut harness = harness(app, egui::vec2(1024.0, 768.0));
    let roadmap = harness.state().state.roadmap().clone();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..20 {
        assert_eq!(unnamed(&harness), Vec::<String>::new(), "a slide");
        for node in harness.query_all_by_role(Role::Button) {
            let label = node.accesskit_node().label().unwrap_or_default();
            let code = label.split_whitespace().next().unwrap_or_default();
            let measure = roadmap.measure(code);
            let measure = measure.unwrap_or_else(|| panic!("a bar without a code: {label:?}"));
            assert!(label.contains(&measure.title), "{label:?} lacks the title");
            seen.insert(measure.code.clone());
        }
        harness.key_press(egui::Key::PageDown);
        harness.run();
    }
    let active: std::collections::BTreeSet<String> =
        roadmap.measures.iter().filter(|m| !m.archived).map(|m| m.code.clone()).collect();
    assert_eq!(seen, active, "every measure's bar, named");
}
