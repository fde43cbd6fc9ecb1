use chrono::NaiveDate;

use super::*;
use crate::i18n::I18n;
use crate::i18n::Lang;
use crate::model::{Horizon, Measure, Roadmap};
use crate::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn default_roadmap() -> Roadmap {
    Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
        .unwrap()
        .load_roadmap()
        .unwrap()
}

fn options() -> ReportOptions {
    ReportOptions { file_name: "fahrplan.sqlite".into(), ..Default::default() }
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle).count()
}

#[test]
fn the_report_is_a_complete_pdf_with_a_landscape_timeline_page_and_font_subsets() {
    let tr = I18n::new(Lang::De);
    let pdf = report_pdf(&default_roadmap(), &[], today(), &tr, &options()).unwrap();
    assert!(pdf.starts_with(b"%PDF-1."));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
    let pages = count(&pdf, b"/Type/Page/");
    assert!(pages >= 6, "{pages} pages");
    assert_eq!(count(&pdf, b"/MediaBox[0 0 841.89 595.28]"), 1, "one landscape page");
    assert_eq!(count(&pdf, b"/MediaBox[0 0 595.28 841.89]"), pages - 1);
    assert_eq!(count(&pdf, b"/FontFile2"), count(&pdf, b"/Type/FontDescriptor"));
    assert!(count(&pdf, b"/ToUnicode") >= 2, "regular and bold text is extractable");
    // The legend shows only the marks drawn: no measure is on hold, so no hatch.
    assert_eq!(count(&pdf, b"/Type/Pattern"), 0, "no on-hold measure, no hatch");
    let mut on_hold = default_roadmap();
    on_hold.measures[10].status = crate::model::Status::OnHold;
    let held = report_pdf(&on_hold, &[], today(), &tr, &options()).unwrap();
    assert!(count(&held, b"/Type/Pattern") >= 1, "the on-hold hatch is a tiling pattern");
    // Font subsets and the structure tree in an object stream: smaller than the 126 KB of the
    // untagged report with whole fonts.
    assert!(pdf.len() < 126_000, "{} bytes", pdf.len());
    assert_eq!(count(&pdf, b"/Type/ObjStm"), 1);
    assert_eq!(count(&pdf, b"/Type/XRef"), 1);
}

#[test]
fn the_same_roadmap_gives_the_same_bytes() {
    let tr = I18n::new(Lang::De);
    let roadmap = default_roadmap();
    let a = report_pdf(&roadmap, &[], today(), &tr, &options()).unwrap();
    let b = report_pdf(&roadmap, &[], today(), &tr, &options()).unwrap();
    assert_eq!(a, b);
    let english = report_pdf(&roadmap, &[], today(), &I18n::new(Lang::En), &options()).unwrap();
    assert_ne!(a, english);
}

#[test]
fn long_horizons_continue_on_further_pages_and_changes_add_a_section() {
    let tr = I18n::new(Lang::De);
    let mut roadmap = default_roadmap();
    let pages = |roadmap: &Roadmap, options: &ReportOptions| {
        count(&report_pdf(roadmap, &[], today(), &tr, options).unwrap(), b"/Type/Page/")
    };
    let before = pages(&roadmap, &options());
    let template: Measure = roadmap.measures[0].clone();
    for n in 0..120 {
        roadmap.measures.push(Measure {
            code: format!("X{n:03}"),
            title: "Eine weitere Maßnahme mit einem Titel, der in der Tabelle umbrechen muss"
                .into(),
            horizon: Horizon::Long,
            ..template.clone()
        });
    }
    let after = pages(&roadmap, &options());
    assert!(after >= before + 4, "{before} → {after} pages");

    let mut store = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    store.set_status("M18", crate::model::Status::Done, "Abnahme", today(), None).unwrap();
    let history = store.history(None).unwrap();
    let roadmap = store.load_roadmap().unwrap();
    let seed_batch = store.seed_batch().unwrap();
    let since = |date: NaiveDate| ReportOptions { since: Some(date), seed_batch, ..options() };
    // The same section, once with the change and once (a later date) without it.
    let with = report_pdf(&roadmap, &history, today(), &tr, &since(today())).unwrap();
    let future = today() + chrono::TimeDelta::days(400);
    let without = report_pdf(&roadmap, &history, today(), &tr, &since(future)).unwrap();
    assert!(with.len() > without.len() + 200, "{} vs {} bytes", with.len(), without.len());
}

#[test]
fn a_long_roadmap_gets_its_timeline_over_several_legible_pages() {
    let mut roadmap = default_roadmap();
    let one: Vec<&Measure> = roadmap.measures.iter().collect();
    assert_eq!(report::timeline_parts(&one).len(), 1, "20 measures fit one page");

    let template: Measure = roadmap.measures[0].clone();
    for n in 0..123 {
        roadmap.measures.push(Measure {
            code: format!("X{n:03}"),
            horizon: Horizon::Long,
            start: template.start + chrono::TimeDelta::days(i64::from(n) * 7 % 400),
            due: template.start + chrono::TimeDelta::days(500),
            ..template.clone()
        });
    }
    let all: Vec<&Measure> = roadmap.measures.iter().collect();
    let parts = report::timeline_parts(&all);
    // Short and medium on one page each, the 126 long-term measures on four.
    let shape: Vec<(Horizon, usize, usize, usize)> =
        parts.iter().map(|p| (p.horizon, p.part, p.of, p.measures.len())).collect();
    assert_eq!(
        shape,
        vec![
            (Horizon::Short, 1, 1, 8),
            (Horizon::Medium, 1, 1, 9),
            (Horizon::Long, 1, 4, 32),
            (Horizon::Long, 2, 4, 32),
            (Horizon::Long, 3, 4, 32),
            (Horizon::Long, 4, 4, 30),
        ]
    );
    let mut seen: Vec<&str> =
        parts.iter().flat_map(|p| p.measures.iter().map(|m| m.code.as_str())).collect();
    assert_eq!(seen.len(), all.len());
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), all.len(), "every measure on exactly one page");
    for ms in parts.iter().map(|p| &p.measures) {
        assert!(ms.windows(2).all(|w| w[0].start <= w[1].start), "in the order of their start");
    }
    let tr = I18n::new(Lang::De);
    let pdf = report_pdf(&roadmap, &[], today(), &tr, &options()).unwrap();
    assert_eq!(count(&pdf, b"/MediaBox[0 0 841.89 595.28]"), 6);
}

#[test]
fn long_file_names_and_huge_cells_fit_their_pages() {
    let mut store = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
    let essay = "Begründung mit vielen Wörtern, die keinen Platz haben. ".repeat(180);
    store.set_status("M18", crate::model::Status::OnHold, &essay, today(), None).unwrap();
    let history = store.history(None).unwrap();
    let roadmap = store.load_roadmap().unwrap();
    let tr = I18n::new(Lang::De);
    let options = ReportOptions {
        since: Some(today()),
        file_name: format!("{}.sqlite", "Überlanger-Dateiname-für-den-Fahrplan-".repeat(8)),
        seed_batch: store.seed_batch().unwrap(),
    };
    let pdf = report_pdf(&roadmap, &history, today(), &tr, &options).unwrap();
    let pages = count(&pdf, b"/Type/Page/");
    assert!(
        pages < 20,
        "the 9,900-character comment (nearly the most allowed) is cut, not spread: {pages} pages"
    );
}
