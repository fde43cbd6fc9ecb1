use super::*;
use crate::i18n::Lang;
use crate::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

#[test]
fn the_report_is_a_pdf_with_pages() {
    let store = Store::in_memory(Some(Lang::De)).unwrap();
    let roadmap = store.load_roadmap().unwrap();
    let tr = I18n::new(Lang::De);
    let options = ReportOptions { file_name: "fahrplan.sqlite".into(), ..Default::default() };
    let pdf = report_pdf(&roadmap, &[], today(), &tr, &options).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    std::fs::write("/tmp/report.pdf", &pdf).unwrap();
}
