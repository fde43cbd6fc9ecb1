//! What the council approved and what it costs, from the command line: `edit`, `baseline`,
//! `deviations` and `finance` on a new default file (issue 16's "done means").

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Output;

use common::fahrplan;
use serde_json::Value;

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(&fahrplan(db, args))).unwrap()
}

fn history_len(db: &Path) -> usize {
    json(db, &["history", "--format", "json"]).as_array().unwrap().len()
}

fn sum(plan: &Value, field: &str) -> i64 {
    plan["years"].as_array().unwrap().iter().map(|y| y[field].as_i64().unwrap()).sum()
}

#[test]
fn a_baseline_names_exactly_what_moved_and_the_financial_plan_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fahrplan.sqlite");
    let before = json(&db, &["show", "M18", "--format", "json"]);
    ok(&fahrplan(&db, &["baseline", "add", "Gemeinderat Dezember 2026", "--date", "2026-12-10"]));
    let baselines = json(&db, &["baseline", "list", "--format", "json"]);
    assert_eq!(baselines[0]["title"], "Gemeinderat Dezember 2026");
    assert_eq!(baselines[0]["date"], "2026-12-10");
    assert_eq!(baselines[0]["measures"], 20);
    ok(&fahrplan(&db, &["meeting", "add", "10.12.2026", "Gemeinderat"]));
    ok(&fahrplan(&db, &["meeting", "add", "11.12.2026", "Ausschuss"]));
    let meetings = ok(&fahrplan(&db, &["meeting", "list"]));
    assert!(
        meetings.contains("10.12.2026  Gemeinderat  (Beschlussstand „Gemeinderat Dezember 2026“)"),
        "{meetings}"
    );
    assert!(meetings.lines().any(|l| l == "11.12.2026  Ausschuss"), "{meetings}");

    // A due date before the start: exit 1, nothing written.
    let bytes = std::fs::read(&db).unwrap();
    let entries = history_len(&db);
    let refused = fahrplan(&db, &["edit", "M18", "--due", "2020-01-01"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("vor dem Beginn"));
    for bad in [
        &["edit", "M18", "--planned-one-off", "viel"][..],
        &["edit", "M18", "--owner", "Niemand"],
        &["edit", "M18", "--funding-share", "120"],
        &["edit", "M99", "--title", "x"],
    ] {
        assert_eq!(fahrplan(&db, bad).status.code(), Some(1), "{bad:?}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the file is unchanged");

    // Two fields in one change: one batch, one undo.
    ok(&fahrplan(&db, &["edit", "M18", "--due", "30.06.2027", "--planned-one-off", "95.000,00"]));
    let history = json(&db, &["history", "M18", "--format", "json"]);
    let rows = history.as_array().unwrap();
    let last: Vec<&Value> = rows.iter().rev().take(2).collect();
    assert_eq!(last[0]["at"], last[1]["at"]);
    let fields: Vec<&str> = last.iter().map(|r| r["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"due") && fields.contains(&"planned_one_off_cents"), "{fields:?}");
    assert_eq!(history_len(&db), entries + 2);

    let d = json(&db, &["deviations", "--format", "json"]);
    assert_eq!(d["baseline"]["title"], "Gemeinderat Dezember 2026");
    let measures = d["measures"].as_array().unwrap();
    assert_eq!(measures.len(), 1, "{d}");
    let m18 = &measures[0];
    assert_eq!((m18["code"].as_str(), m18["change"].as_str()), (Some("M18"), Some("changed")));
    let old_due = chrono::NaiveDate::parse_from_str(before["due"].as_str().unwrap(), "%Y-%m-%d");
    let slip =
        (chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap() - old_due.unwrap()).num_days();
    assert_eq!(m18["slip_days"], slip);
    assert_eq!(m18["due_baseline"], before["due"]);
    assert_eq!(m18["planned_one_off_baseline_cents"], before["planned_one_off_cents"]);
    assert_eq!(m18["planned_one_off_cents"], 9_500_000);
    let delta = 9_500_000 - before["planned_one_off_cents"].as_i64().unwrap();
    assert_eq!(
        d["totals"]["planned_one_off_cents"].as_i64().unwrap()
            - d["totals"]["planned_one_off_baseline_cents"].as_i64().unwrap(),
        delta
    );

    // The financial plan: five years, own share = one-off + running − funding in every year.
    let plan = json(&db, &["finance", "--from", "2024", "--years", "5", "--format", "json"]);
    let years: Vec<i64> =
        plan["years"].as_array().unwrap().iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(years, [2024, 2025, 2026, 2027, 2028]);
    for y in plan["years"].as_array().unwrap() {
        let f = |k: &str| y[k].as_i64().unwrap();
        assert_eq!(
            f("own_share_cents"),
            f("one_off_cents") + f("running_cents") - f("funding_cents")
        );
    }
    // Funding half of M18's one-off cost raises the funding by exactly that.
    ok(&fahrplan(
        &db,
        &[
            "edit",
            "M18",
            "--funding-source",
            "Breitbandförderung Baden-Württemberg",
            "--funding-share",
            "50",
        ],
    ));
    let funded = json(&db, &["finance", "--from", "2024", "--years", "5", "--format", "json"]);
    assert_eq!(sum(&funded, "funding_cents") - sum(&plan, "funding_cents"), 4_750_000);
    let shown = json(&db, &["show", "M18", "--format", "json"]);
    assert_eq!(shown["funding_share"], 50);
    assert_eq!(shown["funding_cents"], 4_750_000);

    // Each edit is one undo: first the funding (both its fields), then due and cost together.
    ok(&fahrplan(&db, &["undo"]));
    let undone = json(&db, &["show", "M18", "--format", "json"]);
    assert_eq!(
        (undone["funding_share"].as_i64(), undone["funding_source"].as_str()),
        (Some(0), Some(""))
    );
    ok(&fahrplan(&db, &["undo"]));
    let undone = json(&db, &["show", "M18", "--format", "json"]);
    assert_eq!(undone["due"], before["due"]);
    assert_eq!(undone["planned_one_off_cents"], before["planned_one_off_cents"]);
    assert_eq!(json(&db, &["deviations", "--format", "json"])["measures"], Value::Array(vec![]));
}

#[test]
fn the_csv_for_the_kaemmerei_has_numbers_as_numbers_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fahrplan.sqlite");
    ok(&fahrplan(&db, &["edit", "M18", "--staff-days-planned", "40", "--funding-share", "25"]));
    let csv = ok(&fahrplan(&db, &["finance", "--from", "2024", "--format", "csv"]));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next().unwrap(),
        "Nr.;Titel;Haushaltsjahr;Einmalkosten;Laufende Kosten;Fördermittel;Eigenanteil;Personentage;Förderung durch"
    );
    let m18: Vec<&str> = lines.clone().filter(|l| l.starts_with("M18;")).collect();
    assert_eq!(m18.len(), 5);
    // 2024: M18 starts, 60,000 € one-off, a quarter funded.
    assert!(m18[0].contains(";2024;60000,00;") && m18[0].contains(";15000,00;"), "{}", m18[0]);
    let staff: u32 = m18.iter().map(|l| l.split(';').nth(7).unwrap().parse::<u32>().unwrap()).sum();
    assert_eq!(staff, 40, "the staff days of M18's run add up");
    assert_eq!(lines.filter(|l| l.starts_with("Summe;")).count(), 5);
    // The baseline of an empty plan is refused kindly, and there is none to compare yet.
    let none = fahrplan(&db, &["deviations"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("baseline add"));
    let untitled = fahrplan(&db, &["baseline", "add", "  "]);
    assert_eq!(untitled.status.code(), Some(1));
    ok(&fahrplan(&db, &["baseline", "add", "Haushalt 2027"]));
    let twice = fahrplan(&db, &["baseline", "add", "Haushalt 2027"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("gibt es schon"));
}
