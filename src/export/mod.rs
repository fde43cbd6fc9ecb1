//! Writers of other formats: pure functions from data to bytes (no files, no window): the
//! timeline picture (SVG, PNG), the council report (PDF), CSV for spreadsheets, iCalendar, and the
//! full JSON export.

mod csv;
mod ics;
mod json;
mod pdf;
mod picture;
#[cfg(test)]
mod testgen;

pub use csv::{default_delimiter, expenses_csv, measures_csv};
pub use ics::calendar;
pub use json::export_json;
// Reading lives in `crate::import`; these names stay here for callers not yet moved.
pub use crate::import::{
    ImportChange, ImportComparison, ImportData, ImportError, ImportExpense, ImportMeasure,
    ImportMeeting, ImportOwner, ImportReevaluation, Imported, compare_import, parse_import,
};
pub use pdf::{ReportError, ReportOptions, report_pdf};
pub use picture::{
    PictureError, PictureOptions, timeline_natural_height, timeline_png, timeline_svg,
};

/// Noto Sans Regular, shipped in `assets/fonts` (SIL Open Font License), so pictures look the same
/// on every machine.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// DejaVu Sans symbols (arrows, marks) as fallback for characters Noto's Latin subset lacks.
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Symbols.ttf");
