//! Figures the council can trust, tried from the command line as the town's scripts do: money of
//! an archived measure stays in every figure, a refund stays a number in spreadsheets (read back by
//! Python's `csv` module and by LibreOffice), calendar stamps are in UTC, and the default
//! roadmap's re-evaluations look like those of a town that keeps its roadmap.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use common::{fahrplan_on, have};

const TODAY: &str = "2026-11-30";

fn run(db: &Path, args: &[&str]) -> Output {
    let output = fahrplan_on(TODAY, db, args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_slice(&run(db, args).stdout).expect("JSON on stdout")
}

fn cents(v: &Value) -> i64 {
    v.as_i64().expect("cents as a number")
}

/// `summary --format json` adds up: the total's spending equals the years and the horizons plus
/// the archived line.
fn assert_money_adds_up(summary: &Value) {
    let total = cents(&summary["total"]["spent_cents"]);
    let years: i64 =
        summary["years"].as_array().expect("years").iter().map(|y| cents(&y["spent_cents"])).sum();
    let lines: i64 = ["short", "medium", "long"]
        .iter()
        .map(|h| cents(&summary["horizons"][h]["spent_cents"]))
        .sum::<i64>()
        + cents(&summary["archived"]["spent_cents"]);
    assert_eq!((total, total), (years, lines), "total = years = horizons + archived");
}

#[test]
fn archiving_through_an_import_keeps_the_money_and_list_hides_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let before = json(&db, &["summary", "--format", "json"]);
    let due = before["reevaluations_due"].as_array().unwrap().len();
    assert!((5..=9).contains(&due), "{due} re-evaluations overdue or due within 30 days");
    assert_money_adds_up(&before);
    assert_eq!(cents(&before["archived"]["spent_cents"]), 0);

    // Archive M18 (31.000 € spent) the way another office would: export, edit, import.
    let export = dir.path().join("export.json");
    run(&db, &["export", "--format", "json", "--output", export.to_str().unwrap()]);
    let mut data: Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    let m18 = data["measures"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["code"] == "M18")
        .expect("M18 is exported");
    m18["archived"] = Value::Bool(true);
    std::fs::write(&export, serde_json::to_vec_pretty(&data).unwrap()).unwrap();
    run(&db, &["import", export.to_str().unwrap(), "--replace"]);

    let after = json(&db, &["summary", "--format", "json"]);
    assert_eq!(after["total"]["spent_cents"], before["total"]["spent_cents"]);
    assert_money_adds_up(&after);
    assert_eq!(cents(&after["archived"]["spent_cents"]), 3_100_000);
    assert_eq!(after["archived"]["total"], 1);
    assert_eq!(
        cents(&after["horizons"]["long"]["spent_cents"]),
        cents(&before["horizons"]["long"]["spent_cents"]) - 3_100_000
    );

    let list = json(&db, &["list", "--format", "json"]);
    let codes: Vec<&str> =
        list.as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
    assert_eq!(codes.len(), 19);
    assert!(!codes.contains(&"M18"));
    assert!(list.as_array().unwrap().iter().all(|m| m["archived"] == false));
    let all = json(&db, &["list", "--format", "json", "--all"]);
    let m18 =
        all.as_array().unwrap().iter().find(|m| m["code"] == "M18").expect("listed with --all");
    assert_eq!(m18["archived"], true);

    // The text summary names the archived line.
    let text = String::from_utf8(run(&db, &["summary"]).stdout).unwrap();
    assert!(text.contains("Archiviert") && text.contains("31.000 €"), "{text}");
}

/// The expenses CSV with a refund, read by Python's `csv` module: the amount column holds plain
/// numbers (`-20,00`), text that only looks like a number is neutralised.
#[test]
fn a_refund_is_a_number_for_python_and_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    run(&db, &["add-expense", "M18", "-20,00", "--note", "Gutschrift"]);
    run(&db, &["add-expense", "M18", "15,50", "--note", "=SUMME(A1:A2)"]);
    let csv = dir.path().join("ausgaben.csv");
    run(&db, &["export", "--format", "expenses-csv", "--output", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains(";-20,00;Gutschrift"), "{text}");
    assert!(text.contains(";'=SUMME(A1:A2)"), "{text}");

    let python =
        if Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    if have(python, &["-c", "import csv"]) {
        // Every amount parses as a number once the German decimal comma is read; the sum is the
        // sum of the expenses in cents.
        let script = r#"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
cents = [round(float(r[3].replace(',', '.')) * 100) for r in rows[1:]]
print(sum(cents), len(cents), rows[-2][3], rows[-1][4])
"#;
        let out = Command::new(python).args(["-c", script]).arg(&csv).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let printed = String::from_utf8(out.stdout).unwrap();
        let fields: Vec<&str> = printed.split_whitespace().collect();
        let summary = json(&db, &["summary", "--format", "json"]);
        assert_eq!(fields[0].parse::<i64>().unwrap(), cents(&summary["total"]["spent_cents"]));
        assert_eq!(&fields[2..], ["-20,00", "'=SUMME(A1:A2)"]);
    }

    if have("soffice", &["--version"]) {
        libreoffice_reads_numbers(dir.path(), &csv, &db);
    }
}

/// LibreOffice headless converts the CSV (German: `;`, UTF-8, German locale for the decimal
/// comma) into a flat OpenDocument spreadsheet; every amount cell is a float and they add up.
fn libreoffice_reads_numbers(dir: &Path, csv: &Path, db: &Path) {
    let profile = dir.join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--infilter=CSV:59,34,76,1,,1031", "--convert-to", "fods", "--outdir"])
        .arg(dir)
        .arg(csv)
        .output()
        .expect("soffice runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fods =
        std::fs::read_to_string(dir.join("ausgaben.fods")).expect("LibreOffice wrote the file");
    // The fourth cell of every row after the header.
    let mut sum = 0.0_f64;
    let mut amounts = 0;
    for row in fods.split("<table:table-row").skip(2) {
        let cells: Vec<&str> = row.split("<table:table-cell").skip(1).collect();
        let amount = cells.get(3).expect("an amount cell");
        assert!(amount.contains("office:value-type=\"float\""), "not a number: {amount}");
        let value = amount
            .split("office:value=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .expect("a value");
        sum += value.parse::<f64>().expect("a number");
        amounts += 1;
    }
    let summary = json(db, &["summary", "--format", "json"]);
    #[allow(clippy::cast_precision_loss, reason = "cents of a town's spending are far below 2^52")]
    let expected = cents(&summary["total"]["spent_cents"]) as f64 / 100.0;
    assert!((sum - expected).abs() < 0.005, "LibreOffice's sum {sum} against {expected}");
    assert!(amounts > 20);
}

#[test]
fn every_calendar_stamp_is_utc() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let ics = dir.path().join("termine.ics");
    run(&db, &["export", "--format", "ics", "--output", ics.to_str().unwrap()]);
    let text = std::fs::read_to_string(&ics).unwrap();
    let stamps: Vec<&str> = text.lines().filter(|l| l.starts_with("DTSTAMP:")).collect();
    assert!(!stamps.is_empty());
    for stamp in stamps {
        assert!(stamp.ends_with('Z') && stamp.len() == "DTSTAMP:20261130T101500Z".len(), "{stamp}");
    }
}

/// Money compared like with like: `summary --format json` gives each horizon and the total its
/// plan to date, spending and deviation, and the plan to date at the end of a year is the
/// financial plan's one-off and running cost of every year up to it (the same rule).
#[test]
fn plan_to_date_is_the_financial_plans_arithmetic() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite");
    let s: Value = serde_json::from_slice(
        &fahrplan_on("2026-12-06", &db, &["summary", "--format", "json"]).stdout,
    )
    .expect("JSON");
    let short = &s["horizons"]["short"];
    let (planned, spent) = (cents(&short["planned_to_date_cents"]), cents(&short["spent_cents"]));
    assert_eq!(cents(&short["deviation_cents"]), spent - planned);
    assert!(
        planned > 0 && (spent - planned).abs() * 5 <= planned,
        "short term: {planned} planned, {spent} spent"
    );
    for line in
        ["short", "medium", "long"].map(|h| &s["horizons"][h]).into_iter().chain([&s["total"]])
    {
        let since = line["since"].as_str().expect("since as an ISO date");
        assert!(chrono::NaiveDate::parse_from_str(since, "%Y-%m-%d").is_ok(), "{since}");
    }
    // On the last day of a year the plan to date is every year's plan up to it.
    for (today, year) in [("2025-12-31", 2025), ("2026-12-31", 2026), ("2028-12-31", 2028)] {
        let summary: Value = serde_json::from_slice(
            &fahrplan_on(today, &db, &["summary", "--format", "json"]).stdout,
        )
        .unwrap();
        let finance: Value = serde_json::from_slice(
            &fahrplan_on(
                today,
                &db,
                &["finance", "--from", "2015", "--years", "50", "--format", "json"],
            )
            .stdout,
        )
        .unwrap();
        let expected: i64 = finance["years"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|y| y["year"].as_i64().unwrap() <= year)
            .map(|y| cents(&y["one_off_cents"]) + cents(&y["running_cents"]))
            .sum();
        assert_eq!(cents(&summary["total"]["planned_to_date_cents"]), expected, "{today}");
        let horizons: i64 = ["short", "medium", "long"]
            .iter()
            .map(|h| cents(&summary["horizons"][h]["planned_to_date_cents"]))
            .sum::<i64>()
            + cents(&summary["archived"]["planned_to_date_cents"]);
        assert_eq!(horizons, expected, "{today}: horizons + archived = total");
    }
}
