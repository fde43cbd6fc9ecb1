//! The council presentation, driven headless (egui_kittest).

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fahrplan::app::AppState;
use fahrplan::i18n::Lang;
use fahrplan::store::Store;
use fahrplan::ui::present::Presenter;
use fahrplan::ui::{FahrplanApp, Prefs};

fn harness(standalone: bool, size: egui::Vec2) -> Harness<'static, FahrplanApp> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date");
    let store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .expect("an in-memory roadmap");
    let state = AppState::new(store, Lang::De, today).expect("a loaded roadmap");
    let mut app = FahrplanApp::new(state, Prefs::default());
    app.presenter = Some(Presenter::new(standalone));
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    harness
}

fn index(harness: &Harness<'_, FahrplanApp>) -> usize {
    harness.state().presenter.as_ref().expect("presenting").index
}

#[test]
fn nothing_in_the_presentation_can_change_data() {
    let mut harness = harness(false, egui::vec2(1024.0, 768.0));
    let slides = slide_count(&mut harness);
    for _ in 0..slides {
        for role in [
            Role::TextInput,
            Role::MultilineTextInput,
            Role::ComboBox,
            Role::CheckBox,
            Role::Slider,
            Role::SpinButton,
            Role::MenuItem,
        ] {
            assert!(
                harness.query_by_role(role).is_none(),
                "a {role:?} on slide {}",
                index(&harness) + 1
            );
        }
        // The only buttons are the timeline's bars, which show a measure's details.
        for node in harness.query_all_by_role(Role::Button) {
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(label.starts_with('M') && label.contains("  "), "unexpected button {label:?}");
        }
        harness.key_press(egui::Key::PageDown);
        harness.run();
    }
}

fn slide_count(harness: &mut Harness<'_, FahrplanApp>) -> usize {
    harness.key_press(egui::Key::End);
    harness.run();
    let count = index(harness) + 1;
    harness.key_press(egui::Key::Home);
    harness.run();
    count
}

#[test]
fn paging_visits_the_slides_in_order_and_the_counter_follows() {
    let mut harness = harness(false, egui::vec2(1024.0, 768.0));
    let count = slide_count(&mut harness);
    assert!(count >= 8, "title, timeline, three horizons, money, re-evaluations, changes: {count}");
    assert!(harness.query_by_label(&format!("1 / {count}")).is_some());
    let mut seen = vec![index(&harness)];
    for key in [egui::Key::PageDown, egui::Key::ArrowRight, egui::Key::Space] {
        harness.key_press(key);
        harness.run();
        seen.push(index(&harness));
    }
    assert_eq!(seen, [0, 1, 2, 3]);
    assert!(harness.query_by_label(&format!("4 / {count}")).is_some());
    harness.key_press(egui::Key::PageUp);
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(index(&harness), 1);
    // Number + Enter jumps.
    harness.event(egui::Event::Text("5".into()));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(index(&harness), 4);
    // It stops at the ends.
    for _ in 0..count + 3 {
        harness.key_press(egui::Key::PageDown);
    }
    harness.run();
    assert_eq!(index(&harness), count - 1);
}

#[test]
fn esc_leaves_and_a_standalone_presentation_asks_first() {
    let mut harness = harness(false, egui::vec2(1024.0, 768.0));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().presenter.is_none(), "Esc leaves to the normal window");
    assert!(harness.query_by_label("Datei").is_some());

    let mut standalone = harness_standalone();
    standalone.key_press(egui::Key::Escape);
    standalone.run();
    let presenter = standalone.state().presenter.as_ref().expect("still presenting");
    assert!(presenter.confirm_quit, "a --present start asks before quitting");
    standalone.key_press(egui::Key::Escape);
    standalone.run();
    assert!(
        !standalone.state().presenter.as_ref().unwrap().confirm_quit,
        "Esc again keeps presenting"
    );
    // Confirmed with Enter, the program ends (the window is asked to close).
    let closes = |h: &Harness<'_, FahrplanApp>| {
        h.output()
            .viewport_output
            .values()
            .any(|v| v.commands.iter().any(|c| matches!(c, egui::ViewportCommand::Close)))
    };
    standalone.key_press(egui::Key::Escape);
    standalone.run();
    assert!(!closes(&standalone), "asking does not close");
    assert!(standalone.state().presenter.as_ref().unwrap().confirm_quit, "asks again");
    // The frame of the key's press (a whole key_press would end on the frame of its release).
    standalone.event(egui::Event::Key {
        key: egui::Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    standalone.step();
    assert!(closes(&standalone), "Enter on the question quits");
}

/// The presentation on a file on a network drive never takes the edit lock: an editor opening
/// the file meanwhile edits, and no lock file appears.
#[test]
fn the_presentation_never_takes_the_edit_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rat.sqlite");
    drop(Store::create(&path, Some(&fahrplan::app::default_seed(Lang::De).unwrap())).unwrap());
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    // As the presentation opens it (read-only), on a network drive.
    let presenting = {
        let opts =
            fahrplan::store::OpenOptions { read_only: true, network: Some(true), user: None };
        Store::open_with(&path, &opts).unwrap()
    };
    let state = fahrplan::app::AppState::new(presenting, Lang::De, today).unwrap();
    assert!(state.is_read_only());
    assert!(!fahrplan::store::lock_path(&path).exists(), "no lock file");
    let editor = fahrplan::store::OpenOptions {
        read_only: false,
        network: Some(true),
        user: Some("it".into()),
    };
    let store = Store::open_with(&path, &editor).unwrap();
    assert!(!store.is_read_only(), "the editor edits while the presentation runs");
    drop(store);
    drop(state);
}

fn harness_standalone() -> Harness<'static, FahrplanApp> {
    harness(true, egui::vec2(1920.0, 1080.0))
}

#[test]
fn a_click_on_a_timeline_bar_shows_the_measure_and_esc_returns() {
    let mut harness = harness(false, egui::vec2(1920.0, 1080.0));
    harness.key_press(egui::Key::PageDown);
    harness.run();
    // The second slide is the short term's timeline.
    harness.get_by_role_and_label(Role::Button, "M04  IT-Leitung benennen").click();
    harness.run();
    assert_eq!(harness.state().presenter.as_ref().unwrap().detail.as_deref(), Some("M04"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    let presenter = harness.state().presenter.as_ref().expect("still presenting");
    assert_eq!((presenter.detail.as_deref(), presenter.index), (None, 1));
}

#[test]
fn f5_starts_the_presentation_from_the_window() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let state = AppState::new(
        Store::in_memory(Some(
            &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
        ))
        .unwrap(),
        Lang::De,
        today,
    )
    .unwrap();
    let mut harness =
        Harness::builder().with_size(egui::vec2(1280.0, 800.0)).with_max_steps(12).build_ui_state(
            |ui, app: &mut FahrplanApp| app.root_ui(ui),
            FahrplanApp::new(state, Prefs::default()),
        );
    harness.run();
    assert!(harness.state().presenter.is_none());
    harness.key_press(egui::Key::F5);
    harness.run();
    assert!(harness.state().presenter.is_some());
}

#[test]
fn a_present_start_opens_the_file_read_only_and_leaves_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("council.sqlite");
    drop(
        Store::create(
            &path,
            Some(&fahrplan::app::default_seed(Lang::De).expect("the default roadmap")),
        )
        .unwrap(),
    );
    let before = std::fs::read(&path).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let state = fahrplan::app::open_presentation_state(&path, Lang::De, today).unwrap();
    assert!(state.is_read_only());
    let mut app = FahrplanApp::new(state, Prefs::default());
    app.presenter = Some(Presenter::new(true));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    for _ in 0..12 {
        harness.key_press(egui::Key::PageDown);
        harness.run();
    }
    drop(harness);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A missing file is said and never created: the presentation never writes.
    let fresh = dir.path().join("fresh.sqlite");
    let state = fahrplan::app::open_presentation_state(&fresh, Lang::De, today).unwrap();
    assert!(state.roadmap().measures.is_empty());
    let said = &state.message().as_ref().expect("said").text;
    assert!(said.contains("Kein Fahrplan unter") && said.contains("fresh.sqlite"), "{said}");
    assert!(!fresh.exists());
}

/// The texts painted in the last frame as they were drawn (the rows of each galley, so a text
/// cut with "…" reads so) with their smallest font size and whether egui cut them (the slides
/// are painted, so their words are in the shapes, not in the AccessKit tree).
fn painted_texts(harness: &Harness<'_, FahrplanApp>) -> Vec<(String, f32, bool)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, f32, bool)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(text) => {
                let galley = &text.galley;
                let smallest = galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                let drawn: Vec<String> = galley.rows.iter().map(|r| r.row.text()).collect();
                out.push((drawn.join("\n"), smallest, galley.elided));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// Letters and digits only: a title broken over lines (with a hyphen the wrapping added, or
/// after one of its own) still matches itself.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The council reads every slide from the back of the room: no text smaller than 24 px at
/// 1024 × 768, nothing cut with "…" (painted or in the AccessKit tree), and every measure of
/// the plan with its whole title on some slide.
#[test]
fn every_slide_is_legible_whole_and_names_every_measure() {
    for (lang, size) in [
        (Lang::De, egui::vec2(1024.0, 768.0)),
        (Lang::De, egui::vec2(1920.0, 1080.0)),
        (Lang::En, egui::vec2(1024.0, 768.0)),
    ] {
        // Every status on some slide (the default roadmap has no measure on hold or cancelled).
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date");
        let mut store = Store::in_memory(Some(
            &fahrplan::app::default_seed(lang).expect("the default roadmap"),
        ))
        .expect("an in-memory roadmap");
        for (code, status) in [("M18", "on-hold"), ("M19", "cancelled"), ("M20", "planned")] {
            let status = fahrplan::model::Status::from_slug(status).expect("a status");
            store.set_status(code, status, "", today, None).expect("the status is set");
        }
        let state = AppState::new(store, lang, today).expect("a loaded roadmap");
        let mut app = FahrplanApp::new(state, Prefs::default());
        app.presenter = Some(Presenter::new(false));
        let mut harness = Harness::builder()
            .with_size(size)
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
        harness.run();
        let count = slide_count(&mut harness);
        let mut seen = String::new();
        for slide in 0..count {
            let texts = painted_texts(&harness);
            assert!(texts.len() > 2, "slide {} paints its words", slide + 1);
            for (text, px, elided) in texts {
                assert!(
                    !elided && !text.trim_end().ends_with('…'),
                    "slide {} at {size:?} ({lang:?}): cut text {text:?}",
                    slide + 1
                );
                if size.x <= 1024.0 {
                    assert!(px >= 24.0, "slide {}: {px} px for {text:?}", slide + 1);
                }
                seen.push_str(&letters(&text));
                seen.push('|');
            }
            for node in harness.query_all_by_role(Role::Button) {
                let label = node.accesskit_node().label().unwrap_or_default();
                assert!(!label.ends_with('…'), "slide {}: {label:?}", slide + 1);
            }
            harness.key_press(egui::Key::PageDown);
            harness.run();
        }
        let roadmap = harness.state().state.roadmap().clone();
        for m in roadmap.measures.iter().filter(|m| !m.archived) {
            assert!(
                seen.contains(&letters(&m.title)),
                "{} {:?} on no slide at {size:?}",
                m.code,
                m.title
            );
        }
    }
}
