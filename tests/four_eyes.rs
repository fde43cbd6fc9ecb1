//! Four eyes on verdicts: a re-evaluation records who recorded it; another person confirms it,
//! never the recorder; `show --format json` says who did what; history, undo and the JSON
//! export keep it.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// `fahrplan ARGS --db DB` as user `who`.
fn as_user(who: &str, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("FAHRPLAN_DB")
        .env_remove("FAHRPLAN_LANG")
        .env("FAHRPLAN_USER", who)
        .env("FAHRPLAN_TODAY", "2026-11-30")
        .output()
        .expect("the binary runs")
}

fn ok(output: &Output) -> String {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The latest re-evaluation of `code` as `show --format json` lists it.
fn latest(db: &Path, code: &str) -> serde_json::Value {
    let shown = ok(&as_user("anna", db, &["show", code, "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&shown).expect("JSON");
    let list = value["reevaluations"].as_array().expect("a list").clone();
    list.into_iter()
        .max_by_key(|r| r["date"].as_str().unwrap_or_default().to_owned())
        .expect("a re-evaluation")
}

#[test]
fn the_recorder_cannot_confirm_and_another_person_can() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vier-augen.sqlite");
    common::new_roadmap(&db, "de");
    ok(&as_user("anna", &db, &["reevaluate", "M07", "--verdict", "effective", "--note", "Test"]));
    let state = |db: &Path| {
        let shown = ok(&as_user("anna", db, &["show", "M07", "--format", "json"]));
        (shown, ok(&as_user("anna", db, &["history", "--format", "json"])))
    };
    let before = state(&db);

    // anna recorded it: refused, exit 1, nothing written.
    let refused = as_user("anna", &db, &["confirm", "M07"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("Vier-Augen-Prinzip: anna hat die Bewertung selbst erfasst"),
        "{message}"
    );
    assert!(state(&db) == before, "nothing changed, nothing recorded");
    // Not even in other letters.
    let upper = as_user(" Anna ", &db, &["confirm", "M07"]);
    assert_eq!(upper.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&upper.stderr).contains("Vier-Augen-Prinzip"));
    let r = latest(&db, "M07");
    assert_eq!(r["by"], "anna");
    assert_eq!(r["confirmed_by"], serde_json::Value::Null);

    // bernd confirms it.
    let said = ok(&as_user("bernd", &db, &["confirm", "M07", "--note", "Protokoll gesehen"]));
    assert!(said.contains("bestätigt von bernd am 30.11.2026"), "{said}");
    let r = latest(&db, "M07");
    assert_eq!(r["by"], "anna");
    assert_eq!(r["confirmed_by"], "bernd");
    assert_eq!(r["confirmed_at"], "2026-11-30");
    // Once is enough.
    let again = as_user("carla", &db, &["confirm", "M07"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("schon bestätigt (von bernd)"));

    // The history says who confirmed and why; undo takes it back, redo gives it again.
    let history = ok(&as_user("anna", &db, &["history", "M07", "--format", "json"]));
    assert!(history.contains("Bewertung bestätigt") || history.contains("reevaluation-confirmed"));
    assert!(history.contains("Protokoll gesehen"), "{history}");
    ok(&as_user("bernd", &db, &["undo"]));
    assert_eq!(latest(&db, "M07")["confirmed_by"], serde_json::Value::Null);
    ok(&as_user("bernd", &db, &["redo"]));
    assert_eq!(latest(&db, "M07")["confirmed_by"], "bernd");

    // A JSON export carries it into another file.
    let export = dir.path().join("alles.json");
    ok(&as_user(
        "anna",
        &db,
        &["export", "--format", "json", "--output", export.to_str().unwrap()],
    ));
    let other = dir.path().join("kopie.sqlite");
    ok(&as_user("anna", &other, &["import", export.to_str().unwrap(), "--replace"]));
    let r = latest(&other, "M07");
    assert_eq!((r["by"].as_str(), r["confirmed_by"].as_str()), (Some("anna"), Some("bernd")));
    // A file in which the recorder confirmed herself, or a confirmation without its date, is
    // refused whole.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    for (field, value) in
        [("confirmed_by", serde_json::json!("anna")), ("confirmed_at", serde_json::Value::Null)]
    {
        let mut changed = json.clone();
        let list = changed["reevaluations"].as_array_mut().unwrap();
        let r = list.iter_mut().find(|r| r["confirmed_by"] == "bernd").expect("the confirmation");
        r[field] = value;
        let bad = dir.path().join("falsch.json");
        std::fs::write(&bad, changed.to_string()).unwrap();
        let refused = as_user("anna", &other, &["import", bad.to_str().unwrap(), "--replace"]);
        assert_eq!(refused.status.code(), Some(1), "{field}");
        let said = String::from_utf8_lossy(&refused.stderr).into_owned();
        assert!(said.contains("Bestätigung"), "{said}");
    }

    // A measure without a re-evaluation has nothing to confirm.
    let fresh = dir.path().join("leer.sqlite");
    common::new_roadmap(&fresh, "de");
    let list = ok(&as_user("anna", &fresh, &["list", "--format", "json"]));
    let list: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    let unchecked = list
        .iter()
        .map(|m| m["code"].as_str().unwrap().to_owned())
        .find(|code| {
            let shown = ok(&as_user("anna", &fresh, &["show", code, "--format", "json"]));
            let value: serde_json::Value = serde_json::from_str(&shown).unwrap();
            value["reevaluations"].as_array().is_some_and(Vec::is_empty)
        })
        .expect("a measure of the default roadmap without re-evaluations");
    let none = as_user("bernd", &fresh, &["confirm", &unchecked]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("keine Wirksamkeitsprüfung"));
}

mod window {
    //! The window: unconfirmed verdicts are shown as such, and "Bestätigen" is offered to anyone
    //! but the recorder (egui_kittest).

    use chrono::NaiveDate;
    use egui_kittest::{Harness, kittest::Queryable};
    use fahrplan::app::AppState;
    use fahrplan::i18n::Lang;
    use fahrplan::model::Verdict;
    use fahrplan::store::Store;
    use fahrplan::ui::{FahrplanApp, Prefs, Tab};

    fn harness(store: Store, tab: Tab) -> Harness<'static, FahrplanApp> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
        let app = FahrplanApp::new(
            AppState::new(store, Lang::De, today).expect("a roadmap"),
            Prefs { tab, ..Prefs::default() },
        );
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1600.0, 2400.0))
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut FahrplanApp| app.root_ui(ui), app);
        harness.run();
        harness
    }

    /// A new roadmap whose latest verdict on M07 `by` recorded, opened by the window's `user`
    /// (fixed names: the tests never depend on who runs them).
    fn store(path: &std::path::Path, by: &str, user: &str) -> Store {
        let seed = fahrplan::app::default_seed(Lang::De).expect("the default roadmap");
        let mut store = Store::create(path, Some(&seed)).expect("a new file");
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).expect("a date");
        // Recorded by `by` (the history's author), then the window's user takes over.
        store.set_who(by.to_owned());
        store
            .add_reevaluation("M07", date, Verdict::Effective, "Test", by, None)
            .expect("recorded");
        store.set_who(user.to_owned());
        store
    }

    #[test]
    fn another_person_confirms_in_the_details_and_the_overview_counts_the_rest() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("a.sqlite");
        let mut harness = harness(store(&path, "anna", "bernd"), Tab::Table);
        let who = harness.state().state.who().to_owned();
        assert_eq!(who, "bernd");
        harness.get_by_label_contains("M07").click();
        harness.run();
        assert!(harness.query_all_by_label("unbestätigt").next().is_some());
        harness.get_by_label("Bestätigen").click();
        harness.run();
        let roadmap = harness.state().state.roadmap().clone();
        let latest = roadmap.reevaluations_of("M07").max_by_key(|r| (r.date, r.id)).expect("one");
        assert_eq!(
            (latest.by.as_str(), latest.confirmed_by.as_deref()),
            ("anna", Some(who.as_str()))
        );
        let said = format!("bestätigt von {who} am 30.11.2026");
        // In the details and in the message line.
        assert_eq!(harness.query_all_by_label_contains(&said).count(), 2);
        assert!(harness.query_by_label("Bestätigen").is_none());

        // The overview lists the verdicts still unconfirmed (the default roadmap's), not M07.
        let unconfirmed = fahrplan::model::dashboard(
            &roadmap,
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date"),
        )
        .unconfirmed;
        assert!(!unconfirmed.contains(&"M07".to_owned()) && !unconfirmed.is_empty());
        drop(harness);
        let mut overview = harness_of(&path, Tab::Dashboard);
        overview.run();
        let label = format!("Unbestätigte Bewertungen ({})", unconfirmed.len());
        assert!(overview.query_by_label_contains(&label).is_some(), "{label}");
    }

    fn harness_of(path: &std::path::Path, tab: Tab) -> Harness<'static, FahrplanApp> {
        harness(Store::open(path).expect("the file"), tab)
    }

    #[test]
    fn the_recorder_is_not_offered_the_confirmation() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("b.sqlite");
        // Recorded by whoever runs the window.
        let mut harness = harness(store(&path, "carla", "carla"), Tab::Table);
        harness.get_by_label_contains("M07").click();
        harness.run();
        assert!(harness.query_all_by_label("unbestätigt").next().is_some());
        assert!(harness.query_by_label("Bestätigen").is_none());
        assert!(harness.query_by_label_contains("bestätigen muss eine andere Person").is_some());
    }
}
