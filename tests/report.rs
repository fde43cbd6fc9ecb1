//! Exports read back by real readers: the PDF report through poppler (`pdftotext`, `pdftoppm`)
//! and the iCalendar file through Python's `icalendar` package. `.ci/run` installs these tools;
//! on a developer machine without them the tests say so and pass, under `CI=true` they fail.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use fahrplan::export::{ReportOptions, report_pdf};
use fahrplan::i18n::{I18n, Lang};
use fahrplan::model::{Measure, Status};
use fahrplan::store::Store;

use common::{fahrplan, have};

fn ok(output: &Output) {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date")
}

/// The text of pages `first..=last` as poppler extracts it.
fn pdftotext(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let mut command = Command::new("pdftotext");
    if let Some((first, last)) = pages {
        command.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let output = command.arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("pdftotext writes UTF-8")
}

fn page_count(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo names the page count")
}

#[test]
fn the_cli_report_has_every_code_umlauts_page_numbers_and_renders_cleanly() {
    if !have("pdftotext", &["-v"]) || !have("pdftoppm", &["-v"]) || !have("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Fahrplan Blumberg.sqlite");
    ok(&fahrplan(&db, &["set-status", "M18", "done", "--comment", "Abnahme „Glasfaser“"]));
    let pdf = dir.path().join("bericht.pdf");
    let out = pdf.to_str().unwrap();
    ok(&fahrplan(&db, &["export", "--format", "pdf", "--output", out, "--since", "01.11.2026"]));

    let text = pdftotext(&pdf, None);
    for n in 1..=20 {
        let code = format!("M{n:02}");
        assert!(text.contains(&code), "{code} missing in the report");
    }
    for word in ["Übersicht", "Maßnahmen", "Wirksamkeitsprüfungen", "805.500 €", "Bürgermeisteramt"]
    {
        assert!(text.contains(word), "{word} missing");
    }
    assert!(text.contains("Seit 01.11.2026"), "the changes section is there");
    // The timeline's picture shortens the long M10 label; the key under it gives it whole.
    let key = text.split("Im Bild gekürzte Titel:").nth(1).expect("a key under the picture");
    assert!(
        key.contains("M10  Informationssicherheitsmanagementsystem (ISMS) einführen")
            || key.contains("M10 Informationssicherheitsmanagementsystem (ISMS) einführen"),
        "{key}"
    );
    assert!(text.contains("Abnahme „Glasfaser“"), "the comment of the change is there");

    let pages = page_count(&pdf);
    assert!(pages >= 5, "cover, overview, timeline, horizons, money: {pages} pages");
    for page in 2..=pages {
        let footer = format!("Seite {page} von {pages}");
        let text = pdftotext(&pdf, Some((page, page)));
        assert!(text.contains(&footer), "page {page} lacks “{footer}”");
        assert!(text.contains("Fahrplan Blumberg.sqlite"), "page {page} lacks the file name");
    }

    // Every page renders without a complaint from poppler.
    let render = Command::new("pdftoppm")
        .args(["-r", "30", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(render.status.success());
    assert!(render.stderr.is_empty(), "poppler: {}", String::from_utf8_lossy(&render.stderr));
    let pngs = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "png"))
        .count();
    assert_eq!(pngs, pages);
}

#[test]
fn long_titles_are_wrapped_not_cut_and_english_reports_are_english() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let mut store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::En).expect("the default roadmap"),
    ))
    .unwrap();
    let title = "Cost and performance transparency for the town council, with quarterly figures \
                 per department, Überleitung to the Haushaltsplan and a yearly review by the \
                 Rechnungsprüfungsamt";
    store
        .update_measure("M05", None, "", |m| Measure { title: title.to_owned(), ..m.clone() })
        .unwrap();
    let roadmap = store.load_roadmap().unwrap();
    let tr = I18n::new(Lang::En);
    let options = ReportOptions { file_name: "roadmap.sqlite".into(), ..Default::default() };
    let bytes = report_pdf(&roadmap, &[], today(), &tr, &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let text = pdftotext(&pdf, None);
    // Joined again, the text holds the whole title (the table wraps it over several lines).
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(title), "the long title is in the report whole");
    for word in ["Overview", "Re-evaluations", "Page 2 of", "Short term"] {
        assert!(text.contains(word), "{word} missing in the English report");
    }
    assert!(!text.contains("Seite"), "no German footer in the English report");
}

#[test]
fn python_icalendar_reads_every_event_with_its_text_unchanged() {
    // The system's Python, where apt installs python3-icalendar (not a pyenv shim).
    let python =
        if Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let probe = ["-c", "import icalendar"];
    if !have(python, &probe) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    // Titles with every character RFC 5545 escapes, and long enough to be folded.
    let mut store = Store::open_or_create(
        &db,
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    )
    .unwrap();
    let title = "Sicherung; Wiederherstellung, Test \\ Prüfung – „Rückspiel“ der Datensicherung \
                 im Rechenzentrum Süd";
    store
        .update_measure("M07", None, "", |m| Measure { title: title.to_owned(), ..m.clone() })
        .unwrap();
    let roadmap = store.load_roadmap().unwrap();
    drop(store);
    let ics = dir.path().join("termine.ics");
    ok(&fahrplan(&db, &["export", "--format", "ics", "--output", ics.to_str().unwrap()]));

    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [{"uid": str(e.get("uid")), "summary": str(e.get("summary")),
           "start": e.decoded("dtstart").isoformat(),
           "stamp_utc": e.decoded("dtstamp").utcoffset() is not None
               and e.decoded("dtstamp").utcoffset().total_seconds() == 0}
          for e in cal.walk("VEVENT")]
print(json.dumps(events))
"#;
    let output = Command::new(python).args(["-c", script]).arg(&ics).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let events: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();

    let active: Vec<_> =
        roadmap.measures.iter().filter(|m| !m.archived && m.status != Status::Cancelled).collect();
    let expected = active.iter().filter(|m| m.status != Status::Done).count()
        + active.iter().filter(|m| m.next_reevaluation.is_some()).count();
    assert_eq!(events.len(), expected, "one event per due date and re-evaluation");
    let mut uids: Vec<&str> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    assert!(events.iter().all(|e| e["stamp_utc"] == true), "every DTSTAMP is in UTC: {events:?}");
    let summaries: Vec<&str> = events.iter().map(|e| e["summary"].as_str().unwrap()).collect();
    assert!(
        summaries.iter().any(|s| s.contains(title)),
        "the title with ; , \\ and umlauts reads back unchanged: {summaries:?}"
    );
    for measure in &active {
        assert!(
            summaries.iter().any(|s| s.contains(&measure.code) && s.contains(&measure.title)),
            "{} has an event with its title",
            measure.code
        );
    }
    let raw = std::fs::read(&ics).unwrap();
    for line in raw.split(|&b| b == b'\n') {
        assert!(line.len() <= 76, "line longer than 75 octets plus CR");
    }
}

/// A cell too long for one page is shortened, and the report says so in the cell (how much is
/// left out and where the whole text is); the money table names the archived measures' line.
#[test]
fn a_shortened_cell_says_so_and_archived_money_has_its_line() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let essay = "Begründung mit vielen Wörtern, die keinen Platz haben. ".repeat(180);
    ok(&fahrplan(&db, &["set-status", "M18", "on-hold", "--comment", &essay]));
    let mut store = Store::open(&db).unwrap();
    store.update_measure("M19", None, "", |m| Measure { archived: true, ..m.clone() }).unwrap();
    drop(store);
    let pdf = dir.path().join("bericht.pdf");
    let out = pdf.to_str().unwrap();
    ok(&fahrplan(&db, &["export", "--format", "pdf", "--output", out, "--since", "01.11.2026"]));
    let text = pdftotext(&pdf, None).split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(at) = text.find("[Gekürzt: ") else { panic!("the shortened cell says so: {text}") };
    let note = &text[at..text[at..].find(']').map_or(text.len(), |end| at + end + 1)];
    assert!(note.contains("weitere Zeilen") && note.contains("JSON-Export"), "{note}");
    let left: usize = note["[Gekürzt: ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("the number of lines left out");
    assert!(left > 10, "{note}");
    assert!(text.contains("Archiviert"), "the archived line of the money table");
}

/// Pages' content streams, inflated (the report compresses them with `FlateDecode`).
fn content_streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    use std::io::Read as _;
    let mut streams = Vec::new();
    let mut rest = pdf;
    while let Some(at) = rest.windows(7).position(|w| w == b"stream\n") {
        let body = &rest[at + 7..];
        let end = body.windows(9).position(|w| w == b"endstream").unwrap_or(body.len());
        let mut inflated = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end]).read_to_end(&mut inflated).is_ok() {
            streams.push(inflated);
        }
        rest = body.get(end + b"endstream".len()..).unwrap_or_default();
    }
    streams
}

/// A German word too long for its column is hyphenated between syllables; the page shows the
/// hyphen, but copying and searching (here poppler's `pdftotext -raw`) give the word whole.
#[test]
fn a_hyphenated_word_is_drawn_with_a_hyphen_and_extracted_whole() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let word = "Informationssicherheitsmanagementsystem";
    let title = format!("{word} einführen");
    let mut store = Store::in_memory(Some(
        &fahrplan::app::default_seed(Lang::De).expect("the default roadmap"),
    ))
    .unwrap();
    store
        .update_measure("M05", None, "", |m| Measure { title: title.clone(), ..m.clone() })
        .unwrap();
    let roadmap = store.load_roadmap().unwrap();
    let tr = I18n::new(Lang::De);
    let options = ReportOptions { file_name: "fahrplan.sqlite".into(), ..Default::default() };
    let bytes = report_pdf(&roadmap, &[], today(), &tr, &options).unwrap();

    // The word is broken: its pieces carry the whole word as their actual text.
    let marked = format!("/ActualText({word})");
    let streams = content_streams(&bytes);
    assert!(!streams.is_empty(), "the pages' content streams are there");
    let marks = streams
        .iter()
        .map(|s| s.windows(marked.len()).filter(|w| *w == marked.as_bytes()).count())
        .sum::<usize>();
    assert!(marks >= 1, "the word is hyphenated in the narrow title column");

    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("bericht.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let output = Command::new("pdftotext").arg("-raw").arg(&pdf).arg("-").output().unwrap();
    ok(&output);
    let raw = String::from_utf8(output.stdout).unwrap();
    // Every start of the word goes on with its end, with no hyphen between.
    let starts = raw.matches("Informationssicherheitsmanage").count();
    assert!(starts >= 3, "{raw}");
    assert_eq!(raw.matches(word).count(), starts, "the word is whole wherever it is: {raw}");
    // Joined again, the title reads as typed.
    let flat = pdftotext(&pdf, None).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&title), "{flat}");
}

#[test]
fn the_report_says_what_moved_since_the_decision_and_the_five_year_plan() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fahrplan.sqlite");
    let pdf = dir.path().join("bericht.pdf");
    let out = pdf.to_str().unwrap();
    // Without a baseline there is nothing to compare: no such section, but the plan is there.
    ok(&fahrplan(&db, &["export", "--format", "pdf", "--output", out]));
    let text = pdftotext(&pdf, None);
    assert!(!text.contains("Abweichungen vom Beschluss"));
    assert!(text.contains("Finanzplanung") && text.contains("Eigenanteil je Maßnahme"));
    for year in 2026..=2030 {
        assert!(text.contains(&year.to_string()), "{year}");
    }
    ok(&fahrplan(&db, &["baseline", "add", "Gemeinderat", "--date", "2026-12-10"]));
    ok(&fahrplan(&db, &["edit", "M18", "--due", "2027-06-30", "--planned-one-off", "95000"]));
    ok(&fahrplan(&db, &["export", "--format", "pdf", "--output", out]));
    let text = pdftotext(&pdf, None);
    assert!(text.contains("Abweichungen vom Beschluss vom 10.12.2026"), "{text}");
    // The section itself (the contents on the cover name it first).
    let section = &text[text.rfind("Abweichungen vom Beschluss vom").unwrap()..];
    let section = &section[..section.find("Finanzplanung").unwrap()];
    // M18 and only M18, with its slip and the added cost.
    assert!(section.contains("M18") && section.contains("+487") && section.contains("+35.000 €"));
    assert!(!section.contains("M17") && !section.contains("M19"), "{section}");
}

/// The events of an iCalendar file: UID and SUMMARY of each (unfolded lines).
fn events(ics: &str) -> Vec<(String, String)> {
    let unfolded = ics.replace("\r\n ", "");
    let mut events = Vec::new();
    let (mut uid, mut summary) = (String::new(), String::new());
    for line in unfolded.split("\r\n") {
        if let Some(v) = line.strip_prefix("UID:") {
            uid = v.to_owned();
        } else if let Some(v) = line.strip_prefix("SUMMARY:") {
            summary = v.to_owned();
        } else if line == "END:VEVENT" {
            events.push((std::mem::take(&mut uid), std::mem::take(&mut summary)));
        }
    }
    events
}

#[test]
fn a_calendar_per_owner_holds_only_that_owners_dates_with_the_same_uids() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    let all = dir.path().join("alle.ics");
    ok(&fahrplan(&db, &["export", "--format", "ics", "--output", all.to_str().unwrap()]));
    let mine = dir.path().join("it-leitung.ics");
    let out = mine.to_str().unwrap();
    ok(&fahrplan(&db, &["export", "--format", "ics", "--owner", "IT-Leitung", "--output", out]));
    let list = fahrplan(&db, &["list", "--format", "json"]);
    ok(&list);
    let measures: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    let owned: Vec<&str> = measures
        .iter()
        .filter(|m| m["owner"] == "IT-Leitung")
        .map(|m| m["code"].as_str().unwrap())
        .collect();
    assert!(owned.len() >= 5 && owned.len() < measures.len(), "{owned:?}");

    let all = events(&std::fs::read_to_string(&all).unwrap());
    let text = std::fs::read_to_string(&mine).unwrap();
    assert!(text.contains("X-WR-CALNAME:IT-Fahrplan der Stadt Blumberg – IT-Leitung"));
    let mine = events(&text);
    assert!(mine.len() >= 5 && mine.len() < all.len(), "{} of {}", mine.len(), all.len());
    for (uid, summary) in &mine {
        let code = summary.split_whitespace().find(|w| w.starts_with('M')).unwrap_or_default();
        let code = code.trim_end_matches(':');
        assert!(owned.contains(&code), "{summary} is not IT-Leitung's");
        assert!(all.iter().any(|(u, s)| u == uid && s == summary), "{uid} differs from the whole");
    }
    // Every date of those measures is there.
    let expected = all.iter().filter(|(_, s)| owned.iter().any(|c| s.contains(c))).count();
    assert_eq!(mine.len(), expected);

    // An unknown owner and --owner with another format: exit 1, nothing written.
    let none = dir.path().join("niemand.ics");
    let out = none.to_str().unwrap();
    let refused =
        fahrplan(&db, &["export", "--format", "ics", "--owner", "Niemand", "--output", out]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("„Niemand“"));
    let pdf = dir.path().join("x.pdf");
    let out = pdf.to_str().unwrap();
    let refused =
        fahrplan(&db, &["export", "--format", "pdf", "--owner", "IT-Leitung", "--output", out]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!none.exists() && !pdf.exists());
}
