//! The overview of many roadmaps from a folder of files (`overview --dir`): each town's figures
//! are its own `summary`'s, the folder is only read (not a byte changes, nothing is created),
//! files that are no roadmaps are passed over, a damaged one is named; and the county report
//! ("Kreisübersicht") as tagged PDF and as web page passes the same checkers as the town report.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use common::{assert_overview_matches_summary, fahrplan, fahrplan_raw};

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every file of `dir` (with subfolders) and its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for (name, bytes) in contents(&path) {
                found.insert(format!("{}/{name}", path.display()), bytes);
            }
        } else {
            found.insert(path.display().to_string(), std::fs::read(&path).unwrap());
        }
    }
    found
}

/// A folder of three towns' roadmaps that differ, a text file, another application's SQLite
/// file, a damaged roadmap and a backups folder.
#[allow(clippy::unwrap_used)]
fn county_folder(dir: &Path) {
    let (a, b, c) =
        (dir.join("blumberg.sqlite"), dir.join("donau.sqlite"), dir.join("leer.sqlite"));
    assert!(fahrplan(&a, &["list"]).status.success());
    for args in [
        &["set-status", "M13", "done", "--comment", "erledigt"][..],
        &["add-expense", "M16", "1234,56", "--note", "Handbuch"],
    ] {
        let done = fahrplan(&b, args);
        assert!(done.status.success(), "{}", text(&done));
    }
    let made = fahrplan_raw("2026-11-27", Path::new("-"), &["new", c.to_str().unwrap(), "--empty"]);
    assert!(made.status.success(), "{}", text(&made));
    std::fs::write(dir.join("notizen.txt"), "keine Datenbank").unwrap();
    let foreign = rusqlite::Connection::open(dir.join("fremd.sqlite")).unwrap();
    foreign.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    drop(foreign);
    // Fahrplan's header, then nothing a database could be read from.
    let mut damaged = std::fs::read(&a).unwrap()[..100].to_vec();
    damaged.extend(std::iter::repeat_n(0xA5_u8, 8192));
    std::fs::write(dir.join("kaputt.sqlite"), damaged).unwrap();
    std::fs::create_dir(dir.join("backups")).unwrap();
    std::fs::copy(&a, dir.join("backups").join("blumberg-alt.sqlite")).unwrap();
}

fn overview(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["overview", "--dir", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    fahrplan_raw("2026-12-06", Path::new("-"), &all)
}

#[test]
fn a_folder_gives_each_towns_own_figures_and_is_only_read() {
    let dir = tempfile::tempdir().unwrap();
    county_folder(dir.path());
    let before = contents(dir.path());

    let json = overview(dir.path(), &["--format", "json"]);
    assert!(json.status.success(), "{}", text(&json));
    let found: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(found["generated_at"].as_str().unwrap().starts_with("2026-12-06T"));
    let roadmaps = found["roadmaps"].as_array().unwrap();
    let names: Vec<&str> = roadmaps.iter().map(|r| r["name"].as_str().unwrap()).collect();
    // By name; not the text file, the foreign database, the damaged file or the backups folder.
    assert_eq!(names, ["blumberg.sqlite", "donau.sqlite", "leer.sqlite"]);
    let unreadable = found["unreadable"].as_array().unwrap();
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert_eq!(unreadable[0]["name"], "kaputt.sqlite");
    let stderr = String::from_utf8_lossy(&json.stderr);
    assert!(stderr.contains("kaputt.sqlite ist nicht lesbar"), "{stderr}");

    for entry in roadmaps {
        let file = dir.path().join(entry["name"].as_str().unwrap());
        let summary = fahrplan_raw("2026-12-06", &file, &["summary", "--format", "json"]);
        let summary: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
        assert_overview_matches_summary(entry, &summary);
    }
    // The towns differ, so a figure taken from the wrong file would show.
    let (a, b) = (&roadmaps[0], &roadmaps[1]);
    assert_ne!(a["spent_cents"], b["spent_cents"]);
    assert_eq!(b["spent_cents"].as_i64().unwrap() - a["spent_cents"].as_i64().unwrap(), 123_456);
    assert_eq!(roadmaps[2]["measures"], 0);
    // The degrees of the default assessment: its first round and its latest.
    let degrees = a["degrees"].as_array().unwrap();
    assert_eq!(degrees.len(), 2, "{degrees:?}");
    assert!(degrees.iter().all(|d| d["first_percent"].as_u64() < d["latest_percent"].as_u64()));
    assert_eq!(a["role"], "editor");

    // Text and CSV say the same, in words.
    let shown = overview(dir.path(), &[]);
    assert!(shown.status.success(), "{}", text(&shown));
    let shown = String::from_utf8_lossy(&shown.stdout).into_owned();
    assert!(shown.contains("Blumberg") && shown.contains("leer.sqlite"), "{shown}");
    assert!(shown.contains("Erfüllungsgrad:"), "{shown}");
    let csv = overview(dir.path(), &["--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let donau = csv.lines().nth(2).unwrap();
    assert!(donau.starts_with("Blumberg (donau.sqlite);") && donau.ends_with(";donau.sqlite"));

    // Nothing written: not a byte, no new file (no journal, no lock, no backup).
    assert_eq!(contents(dir.path()), before, "the folder changed");
}

#[test]
fn the_overview_needs_a_server_or_a_folder_and_names_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.sqlite");
    let refused = fahrplan(&file, &["overview"]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("braucht einen Server"), "{}", text(&refused));
    let missing = overview(&dir.path().join("gibt-es-nicht"), &[]);
    assert_eq!(missing.status.code(), Some(2), "{}", text(&missing));
    let empty = tempfile::tempdir().unwrap();
    let none = overview(empty.path(), &[]);
    assert!(none.status.success());
    assert!(text(&none).contains("keine Fahrplan-Datei"), "{}", text(&none));
    let pdf = overview(empty.path(), &["--format", "pdf"]);
    assert_eq!(pdf.status.code(), Some(1), "a PDF is never written to a terminal");
}

/// Where `.ci/run` put the checkers (a Python venv with pdfua, the vnu jar).
fn checker(relative: &str) -> Option<std::path::PathBuf> {
    let base = std::env::var_os("FAHRPLAN_CHECKERS").map_or_else(
        || Path::new(env!("CARGO_TARGET_TMPDIR")).join("../checkers"),
        std::path::PathBuf::from,
    );
    let path = base.join(relative);
    if path.exists() {
        return Some(path);
    }
    common::unavailable(&path.display().to_string());
    None
}

#[test]
fn the_county_report_is_tagged_pdf_and_an_accessible_page() {
    let dir = tempfile::tempdir().unwrap();
    let towns = dir.path().join("kreis");
    std::fs::create_dir(&towns).unwrap();
    county_folder(&towns);
    let pdf = dir.path().join("kreis.pdf");
    let made = overview(&towns, &["--format", "pdf", "--output", pdf.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made));
    let html_path = dir.path().join("kreis.html");
    let made = overview(&towns, &["--format", "html", "--output", html_path.to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made));

    // The comparison first, then a page per town with what is overdue there.
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    assert_eq!(html.matches("<h1>").count(), 1);
    let compared = html.find("Vergleich der Kommunen").unwrap();
    let donau = html.find("<h2 id=\"s3\">Blumberg (donau.sqlite)</h2>").expect("donau's page");
    assert!(compared < donau);
    assert!(html.contains("kaputt.sqlite ist nicht lesbar"));
    assert_eq!(html.matches("<table>").count(), html.matches("<caption").count());

    if !common::have("pdftotext", &["-v"]) {
        return;
    }
    let words = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().unwrap();
    let words = String::from_utf8_lossy(&words.stdout);
    for needle in [
        "Kreisübersicht",
        "Vergleich der Kommunen",
        "Blumberg (donau.sqlite)",
        "leer.sqlite",
        "Überfällige Maßnahmen",
        "M19",
    ] {
        assert!(words.contains(needle), "{needle} missing:\n{words}");
    }
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes"));
    if let Some(pdfua) = checker("venv/bin/pdfua") {
        let checked = Command::new(pdfua).args(["check", pdf.to_str().unwrap()]).output().unwrap();
        let report = text(&checked);
        assert!(checked.status.success(), "pdfua found something:\n{report}");
        assert!(report.contains("errors=0 warnings=0 info=0"), "{report}");
    }
    if let Some(jar) = checker("node_modules/vnu-jar/build/dist/vnu.jar")
        && common::have("java", &["-version"])
    {
        let checked = Command::new("java")
            .args(["-jar", jar.to_str().unwrap(), "--errors-only", html_path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(checked.status.success(), "the Nu checker found errors:\n{}", text(&checked));
    }
}
