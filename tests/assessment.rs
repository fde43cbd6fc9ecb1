//! The assessment behind the roadmap from the command line (issue 27's "done means"): the
//! default roadmap's two rounds, gaps, re-assessment, comparison, setting and undoing a result,
//! catalogues from OSCAL and CSV, newer versions, links, and the JSON export's version 3.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::fahrplan;
use serde_json::{Value, json};

const FIRST: &str = "POWERWEEK – Ist-Aufnahme";
const LATEST: &str = "Wirksamkeitsprüfung 2026";

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json_of(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(&fahrplan(db, args))).unwrap()
}

fn fresh(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(format!("{name}.sqlite"));
    (dir, db)
}

/// The degree of a set of results, computed here from the rule as the README states it:
/// (met + ½ partial) / (all − not applicable), whole per cent half up, open as not met.
fn degree(results: &[&str]) -> Option<u64> {
    let count = |r: &str| results.iter().filter(|x| **x == r).count() as f64;
    let applicable = results.len() as f64 - count("not-applicable");
    if applicable == 0.0 {
        return None;
    }
    Some(((count("met") + count("partial") / 2.0) / applicable * 100.0 + 0.5).floor() as u64)
}

/// The results of one catalogue (and group) in `show`'s JSON.
fn results_of<'a>(show: &'a Value, catalog: &str, group: Option<&str>) -> Vec<&'a str> {
    show["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["catalog"] == catalog && group.is_none_or(|g| r["group"] == g))
        .map(|r| r["result"].as_str().unwrap())
        .collect()
}

fn catalog_degree(show: &Value, catalog: &str) -> Value {
    show["catalogs"].as_array().unwrap().iter().find(|c| c["name"] == catalog).unwrap()
        ["degree_percent"]
        .clone()
}

#[test]
fn the_default_roadmap_has_both_rounds_with_their_degrees_and_ten_gaps() {
    let (_dir, db) = fresh("default");
    let list = json_of(&db, &["assessment", "list", "--format", "json"]);
    let rounds = list.as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0]["title"], FIRST);
    assert_eq!(rounds[0]["date"], "2023-02-17");
    assert_eq!(
        (rounds[0]["assessed"].clone(), rounds[0]["carried_over"].clone()),
        (json!(67), json!(0))
    );
    assert_eq!(rounds[1]["title"], LATEST);
    assert_eq!(
        (rounds[1]["assessed"].clone(), rounds[1]["carried_over"].clone()),
        (json!(58), json!(9))
    );
    assert_eq!(rounds[1]["total"], 67);
    for (round, itil, vds) in [(FIRST, 24, 3), (LATEST, 69, 59)] {
        let show = json_of(&db, &["assessment", "show", round, "--format", "json"]);
        assert_eq!(catalog_degree(&show, "ITIL 4"), json!(itil), "{round}");
        assert_eq!(catalog_degree(&show, "VdS 3473"), json!(vds), "{round}");
        // The same figures from the results by the rule.
        assert_eq!(degree(&results_of(&show, "ITIL 4", None)), Some(itil));
        assert_eq!(degree(&results_of(&show, "VdS 3473", None)), Some(vds));
        for c in show["catalogs"].as_array().unwrap() {
            for g in c["groups"].as_array().unwrap() {
                let results = results_of(&show, c["name"].as_str().unwrap(), g["id"].as_str());
                assert_eq!(g["degree_percent"], json!(degree(&results)), "{round} {g}");
            }
        }
    }
    let gaps = json_of(&db, &["assessment", "gaps", "--format", "json"]);
    let mut ids: Vec<String> = gaps["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| format!("{} {}", g["catalog"].as_str().unwrap(), g["id"].as_str().unwrap()))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "ITIL 4 Availability management",
            "ITIL 4 Monitoring and event management",
            "ITIL 4 Problem management",
            "ITIL 4 Service financial management",
            "ITIL 4 Service level management",
            "ITIL 4 Supplier management",
            "VdS 3473 12",
            "VdS 3473 14",
            "VdS 3473 4.10",
            "VdS 3473 4.6",
        ]
    );
    let unaddressed: Vec<&Value> = gaps["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["measures"].as_array().unwrap().is_empty())
        .map(|g| &g["id"])
        .collect();
    assert_eq!(
        unaddressed,
        [
            &json!("Availability management"),
            &json!("Monitoring and event management"),
            &json!("4.6"),
            &json!("12")
        ]
    );
    assert_eq!(gaps["to_reassess"], json!([]));
    assert_eq!(gaps["measures_without_requirement"], json!([]));
    // The English roadmap has the same figures, ITIL's groups in English.
    let (_dir, en) = fresh("en");
    common::new_roadmap(&en, "en");
    let show = json_of(&en, &["assessment", "show", LATEST, "--format", "json"]);
    assert_eq!(catalog_degree(&show, "VdS 3473"), json!(59));
    assert_eq!(show["catalogs"][0]["groups"][0]["title"], "General management practices");
}

#[test]
fn completing_a_measure_puts_its_requirements_up_for_reassessment() {
    let (_dir, db) = fresh("m16");
    let m16: Vec<String> = json_of(&db, &["show", "M16", "--format", "json"])["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["catalog"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    assert!(m16.contains(&"VdS 3473 18.3".to_owned()), "{m16:?}");
    ok(&fahrplan(&db, &["set-status", "M16", "done"]));
    let gaps = json_of(&db, &["assessment", "gaps", "--format", "json"]);
    let mut again: Vec<String> = gaps["to_reassess"]
        .as_array()
        .unwrap()
        .iter()
        .inspect(|t| assert_eq!(t["measures"], json!(["M16"])))
        .map(|t| format!("{} {}", t["catalog"].as_str().unwrap(), t["id"].as_str().unwrap()))
        .collect();
    again.sort();
    let mut expected = m16.clone();
    expected.sort();
    assert_eq!(again, expected);
    // Assessing one again takes it off the list.
    ok(&fahrplan(&db, &["assessment", "set", LATEST, "18.3", "--result", "met"]));
    let gaps = json_of(&db, &["assessment", "gaps", "--format", "json"]);
    assert_eq!(gaps["to_reassess"].as_array().unwrap().len(), expected.len() - 1);
}

#[test]
fn compare_gives_the_degrees_per_group_of_both_rounds() {
    let (_dir, db) = fresh("compare");
    let cmp = json_of(&db, &["assessment", "compare", FIRST, LATEST, "--format", "json"]);
    let first = json_of(&db, &["assessment", "show", FIRST, "--format", "json"]);
    let latest = json_of(&db, &["assessment", "show", LATEST, "--format", "json"]);
    let vds = cmp["catalogs"].as_array().unwrap().iter().find(|c| c["name"] == "VdS 3473").unwrap();
    assert_eq!((vds["degree_a"].clone(), vds["degree_b"].clone()), (json!(3), json!(59)));
    let groups = vds["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 15);
    for g in groups {
        let id = g["id"].as_str();
        assert_eq!(g["degree_a"], json!(degree(&results_of(&first, "VdS 3473", id))), "{g}");
        assert_eq!(g["degree_b"], json!(degree(&results_of(&latest, "VdS 3473", id))), "{g}");
    }
    // Changed: every requirement whose result differs, and only those.
    let mut differing: Vec<(String, String)> = Vec::new();
    for (a, b) in first["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .zip(latest["requirements"].as_array().unwrap())
    {
        assert_eq!((&a["catalog"], &a["id"]), (&b["catalog"], &b["id"]));
        if a["result"] != b["result"] {
            differing
                .push((a["catalog"].as_str().unwrap().into(), a["id"].as_str().unwrap().into()));
        }
    }
    let changed: Vec<(String, String)> = cmp["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["catalog"].as_str().unwrap().into(), c["id"].as_str().unwrap().into()))
        .collect();
    assert_eq!(changed, differing);
    assert!(changed.len() > 40, "{}", changed.len());
}

#[test]
fn setting_a_result_changes_the_degree_by_the_rule_and_undo_restores_it() {
    let (_dir, db) = fresh("set");
    let before = json_of(&db, &["assessment", "show", LATEST, "--format", "json"]);
    ok(&fahrplan(
        &db,
        &[
            "assessment",
            "set",
            LATEST,
            "12",
            "--result",
            "met",
            "--maturity",
            "4",
            "--note",
            "USB gesperrt",
        ],
    ));
    let after = json_of(&db, &["assessment", "show", LATEST, "--format", "json"]);
    let vds = results_of(&after, "VdS 3473", None);
    assert_ne!(results_of(&before, "VdS 3473", None), vds);
    assert_eq!(catalog_degree(&after, "VdS 3473"), json!(degree(&vds)));
    assert_eq!(catalog_degree(&after, "VdS 3473"), json!(61));
    let twelve =
        after["requirements"].as_array().unwrap().iter().find(|r| r["id"] == "12").unwrap();
    assert_eq!(twelve["carried_over"], false, "assessed again, no longer carried over");
    assert_eq!(
        (twelve["maturity"].clone(), twelve["note"].clone()),
        (json!(4), json!("USB gesperrt"))
    );
    let history = json_of(&db, &["history", "--format", "json"]);
    let last = history.as_array().unwrap().last().unwrap();
    assert_eq!(last["field"], "assessment-result");
    // A result alone keeps maturity and note.
    ok(&fahrplan(&db, &["assessment", "set", LATEST, "12", "--result", "met"]));
    let kept = json_of(&db, &["assessment", "show", LATEST, "--format", "json"]);
    let twelve = kept["requirements"].as_array().unwrap().iter().find(|r| r["id"] == "12").unwrap();
    assert_eq!(
        (twelve["maturity"].clone(), twelve["note"].clone()),
        (json!(4), json!("USB gesperrt"))
    );
    ok(&fahrplan(&db, &["undo"]));
    assert_eq!(json_of(&db, &["assessment", "show", LATEST, "--format", "json"]), before);
    ok(&fahrplan(&db, &["redo"]));
    assert_eq!(json_of(&db, &["assessment", "show", LATEST, "--format", "json"]), after);
    // Refusals: an unknown round, requirement, result; a maturity beyond 5. Nothing written.
    let n = history.as_array().unwrap().len() + 2;
    for args in [
        &["assessment", "set", "Keine", "12", "--result", "met"][..],
        &["assessment", "set", LATEST, "99.9", "--result", "met"],
        &["assessment", "set", LATEST, "12", "--result", "gut"],
        &["assessment", "set", LATEST, "12", "--result", "met", "--maturity", "6"],
    ] {
        let out = fahrplan(&db, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
    let err = String::from_utf8_lossy(
        &fahrplan(&db, &["assessment", "set", LATEST, "99.9", "--result", "met"]).stderr,
    )
    .into_owned();
    assert!(err.contains("keine Anforderung „99.9“"), "{err}");
    assert_eq!(json_of(&db, &["history", "--format", "json"]).as_array().unwrap().len(), n);
}

const OSCAL: &str = r#"{"catalog": {
  "uuid": "2b9f3c1e-8a53-4c43-9d0e-1b1f0a6c4d10",
  "metadata": {"title": "Prüfkatalog Kommune", "version": "1.0", "oscal-version": "1.1.2",
               "last-modified": "2026-11-01T00:00:00Z"},
  "groups": [
    {"id": "ORG", "title": "Organisation", "groups": [
      {"id": "ORG.1", "title": "Verantwortung", "controls": [
        {"id": "ORG.1.1", "title": "Leitung benennt Verantwortliche",
         "props": [{"name": "level", "value": "MUSS"}],
         "parts": [{"id": "ORG.1.1_smt", "name": "statement", "prose": "Die Leitung MUSS …"}],
         "controls": [{"id": "ORG.1.1.1", "title": "Vertretung geregelt"}]},
        {"id": "ORG.1.2", "title": "Aufgaben schriftlich"}]}]},
    {"id": "BET", "title": "Betrieb", "controls": [
      {"id": "BET.1", "title": "Datensicherung geprüft"},
      {"id": "BET.2", "title": "Wiederherstellung geübt"}]}
  ]}}"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn catalogues_import_from_oscal_and_csv_and_a_newer_version_keeps_unchanged_results() {
    let (dir, db) = fresh("catalogues");
    let oscal = write(dir.path(), "pruef.json", OSCAL);
    let out =
        ok(&fahrplan(&db, &["catalog", "import", oscal.to_str().unwrap(), "--format", "oscal"]));
    assert!(out.contains("5 Anforderungen"), "{out}");
    let list = json_of(&db, &["catalog", "list", "--format", "json"]);
    let ours =
        list.as_array().unwrap().iter().find(|c| c["name"] == "Prüfkatalog Kommune").unwrap();
    assert_eq!((ours["version"].clone(), ours["requirements"].clone()), (json!("1.0"), json!(5)));
    let tree = json_of(&db, &["catalog", "show", "Prüfkatalog Kommune", "--format", "json"]);
    assert_eq!(tree["nodes"][0]["children"][0]["id"], "ORG.1");
    let control = &tree["nodes"][0]["children"][0]["children"][0];
    assert_eq!(control["id"], "ORG.1.1");
    assert_eq!(control["level"], "MUSS");
    assert_eq!(control["text"], "Die Leitung MUSS …");
    assert_eq!(control["children"][0]["id"], "ORG.1.1.1");

    // CSV with BOM and semicolons.
    let csv = write(
        dir.path(),
        "checkliste.csv",
        "\u{feff}group;id;title;text;level\r\nA Organisation;A.1;Zuständigkeit;\"Wer; wann\";MUSS\r\nA Organisation;A.2;Vertretung;;SOLLTE\r\nB Technik;B.1;Virenschutz;;MUSS\r\n",
    );
    let out = ok(&fahrplan(&db, &["catalog", "import", csv.to_str().unwrap()]));
    assert!(out.contains("„checkliste“"), "{out}");
    let tree = json_of(&db, &["catalog", "show", "checkliste", "--format", "json"]);
    assert_eq!(tree["requirements"], 3);
    assert_eq!(tree["nodes"][0]["children"][0]["text"], "Wer; wann");

    // A broken file is refused with its place; nothing is written.
    let history = json_of(&db, &["history", "--format", "json"]).as_array().unwrap().len();
    let broken =
        write(dir.path(), "broken.json", &OSCAL.replacen("\"Betrieb\",", "\"Betrieb\"", 1));
    let out = fahrplan(&db, &["catalog", "import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Zeile 13, Spalte 38"), "{err}");
    let short = write(dir.path(), "short.csv", "A;A.1;Eins\nA;A.2\n");
    let err = String::from_utf8_lossy(
        &fahrplan(&db, &["catalog", "import", short.to_str().unwrap()]).stderr,
    )
    .into_owned();
    assert!(err.contains("Zeile 2") && err.contains("2 Spalten"), "{err}");
    assert_eq!(json_of(&db, &["history", "--format", "json"]).as_array().unwrap().len(), history);

    // A round on it, two results; version 2 changes ORG.1.2's title and drops BET.2.
    ok(&fahrplan(
        &db,
        &[
            "assessment",
            "add",
            "Prüfung 2026",
            "--catalog",
            "Prüfkatalog Kommune",
            "--date",
            "2026-11-20",
        ],
    ));
    ok(&fahrplan(&db, &["assessment", "set", "Prüfung 2026", "ORG.1.1", "--result", "met"]));
    ok(&fahrplan(&db, &["assessment", "set", "Prüfung 2026", "ORG.1.2", "--result", "partial"]));
    ok(&fahrplan(&db, &["assessment", "set", "Prüfung 2026", "BET.2", "--result", "not-met"]));
    let v2 = OSCAL
        .replace("\"version\": \"1.0\"", "\"version\": \"2.0\"")
        .replace("Aufgaben schriftlich", "Aufgaben schriftlich festgelegt")
        .replace(",\n      {\"id\": \"BET.2\", \"title\": \"Wiederherstellung geübt\"}", "")
        .replace("{\"id\": \"BET.1\", \"title\": \"Datensicherung geprüft\"}", "{\"id\": \"BET.1\", \"title\": \"Datensicherung geprüft\"}, {\"id\": \"BET.3\", \"title\": \"Notfallhandbuch\"}");
    let v2 = write(dir.path(), "pruef-v2.json", &v2);
    let preview = ok(&fahrplan(&db, &["catalog", "import", v2.to_str().unwrap(), "--dry-run"]));
    assert!(
        preview.contains("Neu (1): BET.3")
            && preview.contains(
                "Entfallen (1, ihre Ergebnisse und Verknüpfungen werden entfernt): BET.2"
            )
            && preview.contains("Geändert (1, Ergebnisse bleiben; bitte neu bewerten): ORG.1.2"),
        "{preview}"
    );
    let show = json_of(&db, &["assessment", "show", "Prüfung 2026", "--format", "json"]);
    assert_eq!(
        results_of(&show, "Prüfkatalog Kommune", None).len(),
        5,
        "the preview wrote nothing"
    );
    ok(&fahrplan(&db, &["catalog", "import", v2.to_str().unwrap()]));
    let show = json_of(&db, &["assessment", "show", "Prüfung 2026", "--format", "json"]);
    let result = |id: &str| {
        show["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["result"].clone())
    };
    assert_eq!(result("ORG.1.1"), Some(json!("met")), "unchanged: kept");
    assert_eq!(result("ORG.1.2"), Some(json!("partial")), "changed: kept, to be assessed again");
    assert_eq!(result("BET.2"), None, "gone");
    assert_eq!(result("BET.3"), Some(json!("open")));
    // Undo brings version 1 with its results back.
    ok(&fahrplan(&db, &["undo"]));
    let show = json_of(&db, &["assessment", "show", "Prüfung 2026", "--format", "json"]);
    assert_eq!(
        results_of(&show, "Prüfkatalog Kommune", None),
        ["met", "open", "partial", "open", "not-met"]
    );
    // A catalogue a round uses cannot be removed; an unused one can.
    let out = fahrplan(&db, &["catalog", "remove", "Prüfkatalog Kommune"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Prüfung 2026"));
    ok(&fahrplan(&db, &["catalog", "remove", "checkliste"]));
    assert_eq!(json_of(&db, &["catalog", "list", "--format", "json"]).as_array().unwrap().len(), 3);
}

#[test]
fn hostile_catalogues_are_refused_or_shown_harmless() {
    let (dir, db) = fresh("hostile");
    let long = write(dir.path(), "long.csv", &format!("A;A.1;{}\n", "x".repeat(400_000)));
    let out = fahrplan(&db, &["catalog", "import", long.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("400000 Zeichen"));
    let escapes = write(dir.path(), "esc.csv", "A;A.1;Titel\u{1b}[2J mit Escape\n");
    ok(&fahrplan(&db, &["catalog", "import", escapes.to_str().unwrap(), "--name", "Esc"]));
    let tree = ok(&fahrplan(&db, &["catalog", "show", "Esc"]));
    assert!(!tree.contains('\u{1b}'), "{tree:?}");
    assert!(tree.contains("Titel[2J mit Escape"));
    let twice = write(dir.path(), "twice.csv", "A;A.1;Eins\nB;A.1;Zwei\n");
    let out = fahrplan(&db, &["catalog", "import", twice.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("„A.1“ zweimal"));
}

#[test]
fn links_are_recorded_shown_and_undone_and_rounds_start_from_earlier_ones() {
    let (_dir, db) = fresh("links");
    let requirements =
        |db: &Path| json_of(db, &["show", "M01", "--format", "json"])["requirements"].clone();
    let before = requirements(&db);
    let out = fahrplan(&db, &["link", "M01", "5"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("VdS 3473 5"), "{out:?}");
    let linked = requirements(&db);
    assert!(linked.as_array().unwrap().contains(
        &json!({"catalog": "VdS 3473", "id": "5", "title": "Leitlinie zur Informationssicherheit"})
    ));
    ok(&fahrplan(&db, &["undo"]));
    assert_eq!(requirements(&db), before);
    ok(&fahrplan(&db, &["unlink", "M01", "4.1.1"]));
    assert_eq!(requirements(&db).as_array().unwrap().len(), before.as_array().unwrap().len() - 1);
    assert_eq!(fahrplan(&db, &["link", "M01", "Nichts"]).status.code(), Some(1));
    // A third round from the latest: everything carried over, the same degree.
    ok(&fahrplan(
        &db,
        &[
            "assessment",
            "add",
            "Runde 2027",
            "--catalog",
            "VdS 3473",
            "--from",
            LATEST,
            "--date",
            "2027-03-01",
        ],
    ));
    let list = json_of(&db, &["assessment", "list", "--format", "json"]);
    let third = &list.as_array().unwrap()[2];
    assert_eq!(
        (third["assessed"].clone(), third["carried_over"].clone(), third["total"].clone()),
        (json!(0), json!(33), json!(33))
    );
    assert_eq!(third["degree_percent"], 59);
    // Each catalogue counts in its own latest round: ITIL 4's gaps stay with the 2026 round.
    let gaps = json_of(&db, &["assessment", "gaps", "--format", "json"]);
    assert_eq!(gaps["gaps"].as_array().unwrap().len(), 10, "{gaps}");
    let out = fahrplan(&db, &["assessment", "add", "Runde 2027", "--catalog", "VdS 3473"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gibt es schon"));
}

#[test]
fn the_json_export_carries_the_assessment_and_version_two_still_reads() {
    let (dir, db) = fresh("export");
    ok(&fahrplan(&db, &["assessment", "set", LATEST, "12", "--result", "met"]));
    let export = dir.path().join("export.json");
    ok(&fahrplan(&db, &["export", "--format", "json", "--output", export.to_str().unwrap()]));
    let value: Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    assert_eq!(value["version"], 3);
    let copy = dir.path().join("copy.sqlite");
    ok(&fahrplan(&copy, &["import", export.to_str().unwrap()]));
    for args in [
        &["assessment", "list", "--format", "json"][..],
        &["assessment", "show", LATEST, "--format", "json"],
        &["catalog", "show", "ITIL 4", "--format", "json"],
        &["assessment", "gaps", "--format", "json"],
    ] {
        assert_eq!(json_of(&copy, args), json_of(&db, args), "{args:?}");
    }
    // Version 2 (no assessment) is still read.
    let mut old = value.clone();
    old["version"] = 2.into();
    old.as_object_mut().unwrap().remove("assessment");
    let old_file = write(dir.path(), "v2.json", &old.to_string());
    let older = dir.path().join("older.sqlite");
    ok(&fahrplan(&older, &["import", old_file.to_str().unwrap()]));
    assert_eq!(json_of(&older, &["assessment", "list", "--format", "json"]), json!([]));
    // The shipped catalogues, imported into it, link the measures whose framework references
    // name their requirements: the very links of the default roadmap.
    for which in ["itil4", "vds3473"] {
        ok(&fahrplan(&older, &["catalog", "import", "--shipped", which]));
    }
    for n in 1..=20 {
        let code = format!("M{n:02}");
        let links =
            |db: &Path| json_of(db, &["show", &code, "--format", "json"])["requirements"].clone();
        assert_eq!(links(&older), links(&db), "{code}");
    }
    // Two catalogues of one name, a result of a requirement the catalogue lacks: refused.
    let mut twice = value.clone();
    let first = twice["assessment"]["catalogs"][0].clone();
    twice["assessment"]["catalogs"].as_array_mut().unwrap().push(first);
    let twice_file = write(dir.path(), "twice.json", &twice.to_string());
    let out = fahrplan(&dir.path().join("twice.sqlite"), &["import", twice_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let mut unknown = value.clone();
    unknown["assessment"]["results"][0]["requirement"] = "Nichts".into();
    let unknown_file = write(dir.path(), "unknown.json", &unknown.to_string());
    let out =
        fahrplan(&dir.path().join("unknown.sqlite"), &["import", unknown_file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("keine Anforderung „Nichts“"), "{out:?}");
    let mut escape = value.clone();
    escape["assessment"]["catalogs"][0]["nodes"][0]["title"] = "Gruppe\u{1b}[2J".into();
    let escape_file = write(dir.path(), "escape.json", &escape.to_string());
    let out =
        fahrplan(&dir.path().join("escape.sqlite"), &["import", escape_file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Steuerzeichen"), "{out:?}");
    // A result naming a round the file does not have is refused with its place.
    let mut bad = value;
    bad["assessment"]["results"][0]["round"] = "Nirgends".into();
    let bad_file = write(dir.path(), "bad.json", &bad.to_string());
    let out = fahrplan(&dir.path().join("bad.sqlite"), &["import", bad_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nirgends"));
}

#[test]
fn a_rounds_results_export_as_csv() {
    let (dir, db) = fresh("csv");
    let output = dir.path().join("runde.csv");
    ok(&fahrplan(
        &db,
        &["export", "--format", "csv", "--round", LATEST, "--output", output.to_str().unwrap()],
    ));
    let text = std::fs::read_to_string(&output).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 67);
    assert!(lines[0].starts_with("\u{feff}Katalog;Gruppe;Anforderung"));
    assert!(
        text.contains(
            "VdS 3473;Mobile Datenträger;12;Mobile Datenträger;teilweise erfüllt;;Ja;2023-02-17;;"
        ),
        "{text}"
    );
    let out = fahrplan(
        &db,
        &["export", "--format", "pdf", "--round", LATEST, "--output", output.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_reports_have_the_assessment_section() {
    let (dir, db) = fresh("report");
    let html = dir.path().join("bericht.html");
    ok(&fahrplan(&db, &["export", "--format", "html", "--output", html.to_str().unwrap()]));
    let html = std::fs::read_to_string(&html).unwrap();
    for text in [
        "Bewertung: Erfüllungsgrad",
        "ITIL 4: 24 % → 69 %",
        "VdS 3473: 3 % → 59 %",
        "Lücken ohne laufende Maßnahme (10)",
    ] {
        assert!(html.contains(text), "{text}");
    }
    if !common::have("pdftotext", &["-v"]) {
        return;
    }
    let pdf = dir.path().join("bericht.pdf");
    ok(&fahrplan(&db, &["export", "--format", "pdf", "--output", pdf.to_str().unwrap()]));
    let out = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace(['\u{a0}', '\u{202f}'], " ");
    let section = &text[text.rfind("Bewertung: Erfüllungsgrad").expect("the section")..];
    for expected in [
        "ITIL 4: 24 % → 69 %",
        "Lücken ohne laufende Maßnahme (10)",
        "Availability management",
        "keine Maßnahme",
    ] {
        assert!(section.contains(expected), "{expected} in {section}");
    }
    // A group's row: both rounds' degrees and the points between them.
    assert!(section.contains("Organisation der Informationssicherheit"), "{section}");
}
