//! The published report is accessible (BITV 2.0): the PDF is tagged PDF/UA-1, read back by
//! poppler (`pdfinfo -struct`), by the `pdfua` checker from PyPI and by pikepdf; the HTML report
//! passes the W3C Nu HTML Checker. `.ci/run` installs the checkers into `target/checkers` (or
//! `FAHRPLAN_CHECKERS`); without them the tests say so and pass, under `CI=true` they fail.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{fahrplan, have};

fn ok(output: &Output) {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
}

/// Where `.ci/run` put the checkers (a Python venv with pdfua, the vnu jar).
fn checkers() -> PathBuf {
    std::env::var_os("FAHRPLAN_CHECKERS")
        .map_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("../checkers"), PathBuf::from)
}

/// A checker's file, if it is there; in CI its absence is a failure.
fn checker(relative: &str) -> Option<PathBuf> {
    let path = checkers().join(relative);
    if path.exists() {
        return Some(path);
    }
    common::unavailable(&path.display().to_string());
    None
}

fn run(program: &Path, args: &[&str]) -> Output {
    Command::new(program).args(args).output().expect("the checker runs")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A default roadmap exported as `format` (with the changes since a date for the PDF).
fn export(dir: &Path, format: &str, lang: &str) -> PathBuf {
    let db = dir.join("bericht.sqlite");
    if !db.exists() {
        common::new_roadmap(&db, lang);
    }
    let out = dir.join(format!("bericht-{lang}.{format}"));
    let output = Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(["--db", db.to_str().expect("UTF-8"), "--lang", lang, "export", "--format", format])
        .args(["--output", out.to_str().expect("UTF-8"), "--since", "01.11.2026"])
        .env("HOME", dir)
        .env("FAHRPLAN_USER", "it-leitung")
        .env("FAHRPLAN_TODAY", "2026-11-30")
        .output()
        .expect("the binary runs");
    ok(&output);
    out
}

/// What pikepdf finds in the PDF's catalogue, structure tree and outline.
const PIKEPDF: &str = r#"
import json, sys, pikepdf
# No recovery: a broken cross-reference table or object stream is an error here.
pdf = pikepdf.open(sys.argv[1], attempt_recovery=False)
root = pdf.Root
figures, roles, misplaced = [], {}, []
ALLOWED = {"/Table": {"/THead", "/TBody"}, "/THead": {"/TR"}, "/TBody": {"/TR"},
           "/TR": {"/TH", "/TD"}, "/L": {"/LI"}, "/TOC": {"/TOCI"}}
def walk(node):
    if isinstance(node, pikepdf.Array):
        for k in node:
            walk(k)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return
    s = str(node.get("/S", ""))
    roles[s] = roles.get(s, 0) + 1
    if s == "/Figure":
        figures.append(str(node.get("/Alt", "")))
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and s in ALLOWED:
            if str(kid.S) not in ALLOWED[s]:
                misplaced.append(s + " > " + str(kid.S))
    walk(kids)
walk(root.StructTreeRoot.K)
titles = []
item = root.Outlines.First if "/Outlines" in root else None
while item is not None:
    titles.append(str(item.Title))
    item = item.get("/Next")
xmp = root.Metadata.read_bytes().decode("utf-8")
print(json.dumps({
    "lang": str(root.Lang), "marked": bool(root.MarkInfo.Marked),
    "display_title": bool(root.ViewerPreferences.DisplayDocTitle),
    "pdfua": "<pdfuaid:part>1</pdfuaid:part>" in xmp, "figures": figures,
    "roles": roles, "outline": titles, "misplaced": misplaced,
    "title": str(pdf.docinfo.Title), "xmp_lang": "<rdf:li>" + str(root.Lang) + "</rdf:li>" in xmp,
    "fonts": [str(f.BaseFont) for p in pdf.pages for f in p.Resources.Font.values()],
}))
"#;

#[test]
fn the_pdf_report_is_tagged_pdf_ua_and_passes_the_checkers() {
    if !have("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    ok(&fahrplan(&dir.path().join("bericht.sqlite"), &["list"]));
    let pdf = export(dir.path(), "pdf", "de");
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 126_000, "the report has {size} bytes, no smaller than before the subsets");

    let read = run(Path::new("pdfinfo"), &[pdf.to_str().unwrap()]);
    assert!(read.stderr.is_empty(), "poppler complains: {}", text(&read));
    let info = text(&read);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let structure = text(&run(Path::new("pdfinfo"), &["-struct", pdf.to_str().unwrap()]));
    let roles: Vec<&str> = structure
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(|t| t.trim_end_matches(':'))
        .collect();
    for role in
        ["Document", "H1", "H2", "P", "Table", "THead", "TBody", "TH", "TD", "Figure", "TOC"]
    {
        assert!(roles.contains(&role), "{role} missing");
    }
    assert!(structure.contains("/Scope /Column"), "header cells have a scope");
    let tagged = text(&run(Path::new("pdfinfo"), &["-struct-text", pdf.to_str().unwrap()]));
    for n in 1..=20 {
        assert!(tagged.contains(&format!("\"M{n:02}")), "M{n:02} missing in the tagged text");
    }
    // Footers (file, date, page numbers) are artifacts, not read out; the content is.
    assert!(!tagged.contains("Seite "), "a page number is in the tagged text");
    // Nor are the contents' page numbers: each entry holds its title only.
    let lines: Vec<&str> = tagged.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut entries = 0;
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.trim() == "TOCI") {
        let inside: Vec<&str> =
            lines[i + 1..].iter().copied().take_while(|l| indent(l) > indent(line)).collect();
        assert_eq!(inside.len(), 1, "{inside:?}");
        assert!(inside[0].trim().trim_matches('"').parse::<u32>().is_err(), "{inside:?}");
        entries += 1;
    }
    assert!(entries >= 8, "{entries} entries in the contents");
    assert!(!tagged.contains("bericht.sqlite · Stand"), "a footer is in the tagged text");
    assert!(tagged.contains("\"Übersicht\""));

    let Some(pdfua) = checker("venv/bin/pdfua") else { return };
    let checked = run(&pdfua, &["check", pdf.to_str().unwrap()]);
    let report = text(&checked);
    assert!(checked.status.success(), "pdfua found something:\n{report}");
    assert!(report.contains("errors=0 warnings=0 info=0"), "{report}");
    assert!(!report.contains("[skip"), "a rule could not be evaluated:\n{report}");

    let Some(python) = checker("venv/bin/python") else { return };
    let read = run(&python, &["-c", PIKEPDF, pdf.to_str().unwrap()]);
    ok(&read);
    let facts: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(facts["lang"], "de-DE");
    assert_eq!(facts["marked"], true);
    assert_eq!(facts["display_title"], true);
    assert_eq!(facts["pdfua"], true, "XMP names PDF/UA-1");
    let figures = facts["figures"].as_array().unwrap();
    assert!(!figures.is_empty());
    for alt in figures {
        let alt = alt.as_str().unwrap();
        // Says what the timeline shows: horizons, how many done, what is overdue.
        assert!(alt.split_whitespace().count() > 40, "too short: {alt}");
        for part in ["Kurzfristig (sofort): 8 Maßnahmen, davon 8 erledigt", "Überfällig", "M13"]
        {
            assert!(alt.contains(part), "{part} missing in: {alt}");
        }
    }
    assert_eq!(facts["roles"]["/H1"], 1, "one first-level heading");
    assert_eq!(facts["misplaced"], serde_json::json!([]), "tables, lists and contents well formed");
    assert_eq!(facts["xmp_lang"], true);
    assert!(facts["title"].as_str().unwrap().contains("Bericht für den Gemeinderat"));
    let outline: Vec<&str> =
        facts["outline"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(outline.starts_with(&["Übersicht", "Zeitplan aller Maßnahmen"]), "{outline:?}");
    assert!(outline.len() >= 8, "{outline:?}");
    // Fonts are subsets (a tag of six capitals before the name).
    for font in facts["fonts"].as_array().unwrap() {
        let name = font.as_str().unwrap().trim_start_matches('/');
        let tag = name.split('+').next().unwrap();
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{name}");
    }
}

#[test]
fn an_english_report_says_so() {
    if checker("venv/bin/python").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = export(dir.path(), "pdf", "en");
    let python = checker("venv/bin/python").unwrap();
    let read = run(&python, &["-c", PIKEPDF, pdf.to_str().unwrap()]);
    ok(&read);
    let facts: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(facts["lang"], "en");
    let alt = facts["figures"][0].as_str().unwrap();
    assert!(alt.contains("measures") && alt.contains("Overdue"), "{alt}");
    assert!(facts["title"].as_str().unwrap().contains("Report to the town council"), "{facts}");
    assert_eq!(facts["outline"][0], "Overview");
    assert_eq!(facts["xmp_lang"], true);
    if !have("pdfinfo", &["-v"]) {
        return;
    }
    let tagged = text(&run(Path::new("pdfinfo"), &["-struct-text", pdf.to_str().unwrap()]));
    assert!(!tagged.contains("Page "), "a page number is in the tagged text");
    assert!(tagged.contains("Overview"), "the tagged text is there: {tagged}");
    let html = std::fs::read_to_string(export(dir.path(), "html", "en")).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
}

#[test]
fn the_html_report_is_self_contained_and_passes_the_nu_checker() {
    let dir = tempfile::tempdir().unwrap();
    let path = export(dir.path(), "html", "de");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    for n in 1..=20 {
        assert!(html.contains(&format!("M{n:02}")), "M{n:02} missing");
    }
    // Nothing from the network: no sources, no links out, no style imports; `url(` only for
    // the picture's own patterns (`url(#hatch)`).
    for needle in ["src=", "href=\"http", "@import", "<script", "<link", "<iframe", "<object"] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    assert_eq!(html.matches("url(").count(), html.matches("url(#").count());
    // Headings in order: one h1, then h2 and h3, never a level skipped.
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(at, _)| html.as_bytes().get(at + 2).copied())
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "{levels:?}");
    assert_eq!(levels[0], 1);
    assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "{levels:?}");
    // Every table has a caption and every header cell a scope.
    assert_eq!(html.matches("<table>").count(), html.matches("<caption").count());
    let header_cells = html.matches("<th ").count() + html.matches("<th>").count();
    assert_eq!(header_cells, html.matches("<th scope=").count());
    assert!(html.contains("<th scope=\"col\"") && html.contains("<th scope=\"row\""));
    // The timeline is an image with a title and the description of the PDF's figure.
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("<desc id=\"timeline-desc\">Zeitplan vom"));
    // Overdue is said in words in the tables, not only in colour.
    assert!(html.contains("<br>Überfällig</strong>"));
    // The timeline's description is given once to screen readers (the copy for the eye is
    // hidden from them).
    assert!(html.contains("aria-describedby=\"timeline-desc\""));
    assert_eq!(html.matches("aria-hidden=\"true\">Zeitplan vom").count(), 1);

    let Some(jar) = checker("node_modules/vnu-jar/build/dist/vnu.jar") else { return };
    if !have("java", &["-version"]) {
        return;
    }
    let checked = Command::new("java")
        .args(["-jar", jar.to_str().unwrap(), "--errors-only", path.to_str().unwrap()])
        .output()
        .expect("java runs");
    assert!(checked.status.success(), "the Nu checker found errors:\n{}", text(&checked));
}

/// A roadmap whose tables run over several pages: the repeated headers are artifacts, so every
/// table, list and contents stays well formed, and the checkers still find nothing.
#[test]
fn tables_over_several_pages_stay_well_formed() {
    use fahrplan::export::{ReportOptions, report_pdf};
    use fahrplan::i18n::{I18n, Lang};
    use fahrplan::model::{Horizon, Measure};
    let Some(python) = checker("venv/bin/python") else { return };
    let Some(pdfua) = checker("venv/bin/pdfua") else { return };
    let store = fahrplan::store::Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .unwrap();
    let mut roadmap = store.load_roadmap().unwrap();
    let template: Measure = roadmap.measures[0].clone();
    for n in 0..90 {
        roadmap.measures.push(Measure {
            code: format!("X{n:03}"),
            title: "Eine weitere Maßnahme mit einem Titel, der umbrechen muss".into(),
            horizon: Horizon::Long,
            ..template.clone()
        });
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let options = ReportOptions { file_name: "lang.sqlite".into(), ..Default::default() };
    let bytes = report_pdf(&roadmap, &[], today, &I18n::new(Lang::De), &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("lang.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let read = run(&python, &["-c", PIKEPDF, pdf.to_str().unwrap()]);
    ok(&read);
    let facts: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(facts["misplaced"], serde_json::json!([]));
    // One header row per table, however many pages it runs over.
    assert_eq!(facts["roles"]["/THead"], facts["roles"]["/Table"], "{facts}");
    let checked = run(&pdfua, &["check", pdf.to_str().unwrap()]);
    assert!(checked.status.success(), "{}", text(&checked));
}
