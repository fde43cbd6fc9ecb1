//! The last gaps in daily use (issue 18 §4), driven headless (egui_kittest): a calendar beside
//! every typed date, in German and English, and typing still works.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn harness(lang: Lang, tab: Tab) -> Harness<'static, FahrplanApp> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date");
    let store = Store::in_memory(Some(&fahrplan::app::default_seed(lang).expect("the default")))
        .expect("a roadmap");
    let app = FahrplanApp::new(
        AppState::new(store, lang, today).expect("a roadmap"),
        Prefs { tab, ..Prefs::default() },
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1400.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness
}

/// Selects M16 and opens its form for booking an expense.
fn open_expense_form(harness: &mut Harness<'_, FahrplanApp>, lang: Lang) {
    harness.get_by_label_contains("M16").click();
    harness.run();
    let form = match lang {
        Lang::De => "Ausgabe buchen",
        Lang::En => "Book an expense",
    };
    harness.get_by_label_contains(form).click();
    harness.run();
}

/// The value of the text field labelled `label`.
fn field(harness: &Harness<'_, FahrplanApp>, label: &str) -> String {
    let node = harness.get_by_role_and_label(Role::TextInput, label);
    node.accesskit_node().value().unwrap_or_default().to_string()
}

#[test]
fn a_day_chosen_in_the_calendar_is_written_into_the_field_in_both_languages() {
    for (lang, calendar, month, weekday, day, label, written) in [
        (Lang::De, "Kalender", "November 2026", "Di", "15.11.2026", "Datum", "15.11.2026"),
        (Lang::En, "Calendar", "November 2026", "Tu", "15 Nov 2026", "Date", "2026-11-15"),
    ] {
        let mut harness = harness(lang, Tab::Table);
        open_expense_form(&mut harness, lang);
        // The expense form's date: typed as before …
        assert!(!field(&harness, label).is_empty());
        // … and chosen in the calendar beside it.
        let buttons: Vec<_> = harness.query_all_by_label(calendar).collect();
        assert_eq!(buttons.len(), 1, "a calendar beside the expense date");
        buttons[0].click();
        harness.run();
        assert!(harness.query_by_label(month).is_some(), "{lang:?}: the month is named");
        assert!(harness.query_by_label(weekday).is_some(), "{lang:?}: the weekdays are named");
        harness.get_by_label(day).click();
        harness.run();
        assert_eq!(field(&harness, label), written, "{lang:?}");
        // The calendar closed.
        assert!(harness.query_by_label(month).is_none());
    }
}

#[test]
fn the_calendar_turns_the_months() {
    let mut harness = harness(Lang::De, Tab::Table);
    open_expense_form(&mut harness, Lang::De);
    harness.query_all_by_label("Kalender").next().expect("a calendar").click();
    harness.run();
    harness.get_by_label("Nächster Monat").click();
    harness.run();
    assert!(harness.query_by_label("Dezember 2026").is_some());
    harness.get_by_label("Voriger Monat").click();
    harness.run();
    harness.get_by_label("Voriger Monat").click();
    harness.run();
    assert!(harness.query_by_label("Oktober 2026").is_some());
    harness.get_by_label("31.10.2026").click();
    harness.run();
    assert_eq!(field(&harness, "Datum"), "31.10.2026");
}

#[test]
fn the_filter_bar_filters_by_framework_reference_in_table_and_timeline() {
    let tr = fahrplan::i18n::I18n::new(Lang::De);
    for tab in [Tab::Table, Tab::Timeline] {
        let mut harness = harness(Lang::De, tab);
        let roadmap = harness.state().state.roadmap().clone();
        // The first reference of the list (sorted as the list is; the popup scrolls).
        let mut used: Vec<_> = roadmap.measures.iter().flat_map(|m| m.frameworks.clone()).collect();
        used.sort();
        let reference = used[0].clone();
        let with: Vec<String> = roadmap
            .measures
            .iter()
            .filter(|m| !m.archived && m.frameworks.contains(&reference))
            .map(|m| m.code.clone())
            .collect();
        assert!(!with.is_empty() && with.len() < roadmap.measures.len(), "{with:?}");
        let name = format!(
            "{} {}",
            tr.t(&format!("framework-{}", reference.framework)),
            reference.reference
        );
        harness.get_by_role_and_label(Role::ComboBox, "Bezug").click();
        harness.run();
        harness.get_by_role_and_label(Role::Button, &name).click();
        harness.run();
        assert_eq!(harness.state().view.filter.framework.as_ref(), Some(&reference), "{tab:?}");
        for m in roadmap.measures.iter().filter(|m| !m.archived) {
            let shown = harness.query_all_by_label_contains(&m.title).next().is_some();
            assert_eq!(shown, with.contains(&m.code), "{tab:?}: {} {}", m.code, m.title);
        }
    }
}
