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
mod report;
mod sections;
mod svg;
mod tags;
use crate::layout::wrap;

pub use report::{county_pdf, report_pdf};

pub use crate::export::content::{ReportError, ReportOptions};

#[cfg(test)]
mod tests;
