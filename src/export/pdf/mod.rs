//! The council report as PDF (A4, in the UI language): cover, summary figures, the timeline as
//! vector graphics (drawn from the same SVG as the picture export, which comes from the window's
//! view-model), one table per horizon, money, re-evaluations and optionally the changes since a
//! date. Page numbers and a footer with the file name and the date on every page after the cover.
//!
//! Built on pdf-writer (small, no layout engine of its own): `doc` draws pages, `fonts` measures
//! and embeds Noto Sans, `wrap` breaks text into lines (textwrap, hyphenation), `svg` converts
//! the timeline picture, `report` composes the pages.

mod doc;
mod fonts;
mod objstm;
mod plan;
mod report;
mod sections;
mod svg;
mod tags;
mod wrap;

pub use report::report_pdf;

use chrono::NaiveDate;

use crate::i18n::I18n;

/// What the report contains besides the fixed sections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Adds a section with the changes recorded on or after this date.
    pub since: Option<NaiveDate>,
    /// The file name shown in the footer.
    pub file_name: String,
    /// The history batch of the default roadmap's seed, which is not a change.
    pub seed_batch: Option<i64>,
}

/// Why the report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A shipped font could not be read.
    #[error("a font could not be read: {0}")]
    Font(String),
    /// The timeline picture could not be made.
    #[error("the timeline could not be drawn: {0}")]
    Picture(String),
}

impl ReportError {
    /// The message in the UI language.
    pub fn localize(&self, tr: &I18n) -> String {
        match self {
            Self::Font(detail) => tr.f("err-report-font", &[("detail", detail)]),
            Self::Picture(detail) => tr.f("err-report-picture", &[("detail", detail)]),
        }
    }
}

#[cfg(test)]
mod tests;
