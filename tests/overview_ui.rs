//! "Alle Fahrpläne" in the window (egui_kittest, headless): a folder's towns as rows, sorted by
//! a click on a column, a town opened with a click, and the row read again by itself when
//! another program changes that town's file.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fahrplan::app::AppState;
use fahrplan::app::overview::Source;
use fahrplan::i18n::Lang;
use fahrplan::store::Store;
use fahrplan::ui::{FahrplanApp, Prefs};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

/// Three towns: Blumberg as seeded, Donau with one overdue measure fewer and an expense, and an
/// empty roadmap.
fn folder(dir: &Path) {
    let (a, b) = (dir.join("blumberg.sqlite"), dir.join("donau.sqlite"));
    for db in [&a, &b] {
        common::new_roadmap(db, "de");
    }
    for args in [&["set-status", "M13", "done"][..], &["add-expense", "M16", "1234,56"]] {
        assert!(common::fahrplan_on("2026-12-06", &b, args).status.success());
    }
    let c = dir.join("leer.sqlite");
    let made = common::fahrplan_raw(
        "2026-12-06",
        Path::new("-"),
        &["new", c.to_str().unwrap(), "--empty"],
    );
    assert!(made.status.success());
}

/// Steps the window until `done` says so (a read runs on a thread of its own), at most 30 s.
fn until(harness: &mut Harness<'_, FahrplanApp>, done: impl Fn(&FahrplanApp) -> bool) {
    let start = std::time::Instant::now();
    while !done(harness.state()) {
        assert!(start.elapsed() < std::time::Duration::from_secs(30), "waited 30 s");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

/// The row of `town`: what a screen reader hears on its name (the town, then every cell).
fn row(harness: &Harness<'_, FahrplanApp>, town: &str) -> String {
    harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(&format!("{town}, ")))
        .unwrap_or_else(|| panic!("no row of {town}"))
}

/// Where the row of `town` is.
fn top(harness: &Harness<'_, FahrplanApp>, town: &str) -> f32 {
    harness
        .query_all_by_role(Role::Button)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(&format!("{town}, "))))
        .map(|n| n.rect().top())
        .unwrap()
}

#[test]
fn all_roadmaps_are_sorted_opened_and_read_again_after_a_change() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let store = Store::open(&dir.path().join("leer.sqlite")).unwrap();
    let app = FahrplanApp::new(AppState::new(store, Lang::De, today()).unwrap(), Prefs::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
    harness.run();
    let ctx = harness.ctx.clone();
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    harness.state_mut().view.all_roadmaps.open(Source::Folder(dir.path().to_owned()), &ctx, now);
    until(&mut harness, |app| app.view.all_roadmaps.overview().is_some());

    // One row per town, the figures in words on its name; a legend for the marks.
    let blumberg = row(&harness, "Blumberg (blumberg.sqlite)");
    assert!(blumberg.contains("Überfällig: 6"), "{blumberg}");
    let donau = row(&harness, "Blumberg (donau.sqlite)");
    assert!(donau.contains("Überfällig: 5") && donau.contains("Ausgegeben: 806.735 €"), "{donau}");
    assert!(row(&harness, "leer.sqlite").contains("Erledigt: 0 / 0"));
    assert!(harness.query_by_label_contains("Rot: überfällig oder unbestätigt").is_some());

    // By name first; a click on "Überfällig" puts the most overdue first, a second the least.
    assert!(top(&harness, "Blumberg (blumberg.sqlite)") < top(&harness, "leer.sqlite"));
    harness.get_by_role_and_label(Role::Button, "Überfällig").click();
    harness.run();
    let order = |h: &Harness<'_, FahrplanApp>| {
        let mut tops = [
            ("Blumberg (blumberg.sqlite)", 0.0),
            ("Blumberg (donau.sqlite)", 0.0),
            ("leer.sqlite", 0.0),
        ]
        .map(|(t, _)| (t, top(h, t)));
        tops.sort_by(|a, b| a.1.total_cmp(&b.1));
        tops.map(|(t, _)| t)
    };
    assert_eq!(
        order(&harness),
        ["Blumberg (blumberg.sqlite)", "Blumberg (donau.sqlite)", "leer.sqlite"]
    );
    harness.get_by_role_and_label(Role::Button, "Überfällig").click();
    harness.run();
    assert_eq!(
        order(&harness),
        ["leer.sqlite", "Blumberg (donau.sqlite)", "Blumberg (blumberg.sqlite)"]
    );

    // Another program finishes a measure in Donau: the row follows by itself.
    let donau_file = dir.path().join("donau.sqlite");
    let done = common::fahrplan_on("2026-12-06", &donau_file, &["set-status", "M19", "done"]);
    assert!(done.status.success());
    until(&mut harness, |app| {
        app.view.all_roadmaps.overview().is_some_and(|o| {
            o.towns.iter().any(|t| {
                t.name == "donau.sqlite" && t.figures.as_ref().is_ok_and(|f| f.overdue.len() == 4)
            })
        })
    });
    assert!(row(&harness, "Blumberg (donau.sqlite)").contains("Überfällig: 4"));

    // A click on a town opens its roadmap; the way back stays in the tab bar.
    harness
        .query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node().label().is_some_and(|l| l.starts_with("Blumberg (donau.sqlite), "))
        })
        .unwrap()
        .click();
    harness.run();
    until(&mut harness, |app| app.state.file_path() == donau_file.as_path());
    assert!(!harness.state().view.all_roadmaps.shown);
    // Back to the overview: it was not watched while hidden, so it is read anew.
    harness.step();
    assert!(!harness.state().view.all_roadmaps.is_watching(), "watched while hidden");
    std::fs::copy(dir.path().join("blumberg.sqlite"), dir.path().join("zell.sqlite")).unwrap();
    harness.get_by_role_and_label(Role::Button, "Alle Fahrpläne").click();
    harness.step();
    assert!(harness.state().view.all_roadmaps.shown);
    until(&mut harness, |app| {
        !app.view.all_roadmaps.is_reading()
            && app.view.all_roadmaps.overview().is_some_and(|o| o.towns.len() == 4)
    });
    assert!(harness.state().view.all_roadmaps.is_watching());
}
