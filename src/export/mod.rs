//! Writers of other formats: pure functions from data to bytes (no files, no window): the
//! timeline picture (SVG, PNG), the council report (PDF), CSV for spreadsheets, iCalendar, and the
//! full JSON export.

mod content;
mod county;
mod csv;
mod describe;
mod html;
mod ics;
mod json;
mod pdf;
mod picture;
#[cfg(test)]
mod testgen;

pub use county::{County, CountyTown};
pub use csv::{
    assessment_csv, default_delimiter, expenses_csv, finance_csv, measures_csv, overview_csv,
};
pub use describe::timeline_description;
pub use html::{county_html, report_html};
pub use ics::{calendar, owner_calendar};
pub use json::export_json;
pub use pdf::{ReportError, ReportOptions, county_pdf, report_pdf};
pub use picture::{
    PictureError, PictureOptions, shortened_key, timeline_natural_height, timeline_png,
    timeline_svg, timeline_svg_keyed,
};

// The shipped fonts are shared with the window: they live in `layout`.
pub use crate::layout::fonts::{FONT_BOLD, FONT_REGULAR, FONT_SYMBOLS};
