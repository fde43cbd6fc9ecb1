//! The window, driven headless through its accessibility tree (egui_kittest).

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::{Harness, kittest::Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::model::Status;
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs, Tab};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date")
}

fn harness(app: FahrplanApp) -> Harness<'static, FahrplanApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // Grids with wrapping labels take a few frames to settle their column widths.
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app)
}

/// The window on the default roadmap in memory, showing the table.
fn default_table() -> FahrplanApp {
    let store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .expect("an in-memory roadmap");
    FahrplanApp::new(
        AppState::new(store, Lang::De, today()).expect("a loaded roadmap"),
        Prefs { tab: Tab::Table, ..Prefs::default() },
    )
}

#[test]
fn changing_a_status_in_the_window_is_persisted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.sqlite");
    let store = Store::create(
        &path,
        Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
    )
    .unwrap();
    let app = FahrplanApp::new(
        AppState::new(store, Lang::De, today()).unwrap(),
        Prefs { tab: Tab::Table, ..Prefs::default() },
    );
    let mut harness = harness(app);
    harness.run();

    // Select M16 in the table: its detail panel appears.
    assert!(harness.query_by_label("Status übernehmen").is_none());
    // The code is the row's handle; a screen reader hears the whole row on it.
    harness.get_by_label_contains("M16, IT-Notfallvorsorge und Notfallhandbuch, ").click();
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M16"));
    assert!(
        harness.query_by_label("Status übernehmen").is_some(),
        "the detail panel shows the status control"
    );
    assert!(harness.query_by_label_contains("Hängt ab von").is_some());

    // Choose "Erledigt", give a reason, apply.
    harness.get_by_role_and_label(Role::ComboBox, "Neuer Status").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Erledigt").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Kommentar").focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Kommentar")
        .type_text("Beschluss des Gemeinderats");
    harness.run();
    harness.get_by_label("Status übernehmen").click();
    harness.run();

    assert!(harness.state().state.message().is_none(), "{:?}", harness.state().state.message());
    drop(harness);
    let reopened = Store::open(&path).unwrap();
    let m16 = reopened.measure("M16").unwrap().unwrap();
    assert_eq!(m16.status, Status::Done);
    let last =
        reopened.history(Some("M16")).unwrap().into_iter().find(|c| c.field == "status").unwrap();
    assert_eq!(last.new.as_deref(), Some("done"));
    assert_eq!(last.comment, "Beschluss des Gemeinderats");
}

#[test]
fn a_change_from_elsewhere_is_shown_and_a_stale_edit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.sqlite");
    let store = Store::create(
        &path,
        Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
    )
    .unwrap();
    let app = FahrplanApp::new(
        AppState::new(store, Lang::De, today()).unwrap(),
        Prefs { tab: Tab::Table, ..Prefs::default() },
    );
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label_contains("M19, ").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Neuer Status").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Zurückgestellt").click();
    harness.run();

    // Meanwhile the command line (another connection) finishes the measure; the edit above is
    // based on the older version.
    let seen_version = harness.state().state.roadmap().measure("M19").unwrap().version;
    let mut other = Store::open(&path).unwrap();
    other.set_status("M19", Status::Done, "CLI", today(), None).unwrap();
    harness.state_mut().state.push(fahrplan::app::Command::SetStatus {
        code: "M19".into(),
        status: Status::OnHold,
        comment: String::new(),
        expected_version: seen_version,
    });
    harness.state_mut().state.apply_queue();
    harness.run();

    let message = harness.state().state.message().cloned().expect("a conflict message");
    assert!(message.text.contains("M19 wurde inzwischen"), "{}", message.text);
    assert_eq!(harness.state().state.roadmap().measure("M19").unwrap().status, Status::Done);
    assert_eq!(other.measure("M19").unwrap().unwrap().status, Status::Done);
}

#[test]
fn the_language_switch_changes_the_labels() {
    let app = default_table();
    let mut harness = harness(app);
    harness.run();
    assert!(harness.query_by_label("Termintreue").is_some());
    harness.get_by_role_and_label(Role::ComboBox, "Sprache").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "English").click();
    harness.run();
    assert!(harness.query_by_label("Schedule").is_some());
    assert!(harness.query_by_label("Termintreue").is_none());
    assert_eq!(harness.state().prefs.lang, Some(Lang::En));
}

#[test]
fn arrow_keys_move_the_selection_in_table_order() {
    let app = default_table();
    let mut harness = harness(app);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M01"));
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M03"));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M02"));
    // Presses within one frame all count; the selection stops at the last row.
    for _ in 0..30 {
        harness.key_press(egui::Key::ArrowDown);
    }
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("M20"));
}

/// A history that cannot be read is said, in the UI language, instead of looking like an empty
/// history.
#[test]
fn an_unreadable_history_is_said_not_shown_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.sqlite");
    let store = Store::create(
        &path,
        Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
    )
    .unwrap();
    let state = AppState::new(store, Lang::De, today()).unwrap();
    assert_eq!(state.history().unwrap().len(), 20);
    // Another program breaks the file behind the window's back.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("DROP TABLE history;").unwrap();
    drop(other);
    let problem = state.history().unwrap_err();
    assert!(problem.starts_with("Datenbankfehler"), "{problem}");

    let mut harness =
        harness(FahrplanApp::new(state, Prefs { tab: Tab::History, ..Prefs::default() }));
    harness.run();
    let message = harness.state().state.message().cloned().expect("the problem is shown");
    assert_eq!(message.kind, fahrplan::app::MessageKind::Error);
    assert!(message.text.starts_with("Datenbankfehler"), "{}", message.text);
    // The chain that could not be verified is said in a banner (drawn: its words only).
    harness.get_by_label_contains("Die Kette der Prüfsummen des Verlaufs konnte nicht geprüft");
}

/// The table paints its cells; a title cut with "…" still shows itself whole on hover, and the
/// whole row is there for a screen reader on its code.
#[test]
fn a_cut_title_shows_itself_whole_on_hover() {
    let app = default_table();
    // Narrow: the long titles are cut.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    let title = "Intern besetzten Service Desk auf Basis des PoC-Ticketsystems etablieren";
    let label = format!("M02, {title}, ");
    let row = harness.get_by_label_contains(&label).rect();
    assert!(harness.query_by_label(title).is_none(), "no label of the whole title yet");
    // The title column follows the code column.
    let over_title = egui::pos2(row.max.x + 60.0, row.center().y);
    harness.event(egui::Event::PointerMoved(over_title));
    harness.run();
    assert!(harness.query_by_label(title).is_some(), "the whole title on hover");
    harness.event(egui::Event::PointerMoved(egui::pos2(5.0, 5.0)));
    harness.run();
    assert!(harness.query_by_label(title).is_none(), "gone when the pointer leaves");
}
