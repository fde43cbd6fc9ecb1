//! The council report's content, independent of the medium: the sections write headings,
//! paragraphs and tables into a [`Sink`]; the PDF lays them out on pages (`pdf`), the HTML report
//! writes them as a web page (`html`). Both get the same words and the same figures.

mod assessment;
mod plan;
mod sections;

use chrono::NaiveDate;

use crate::i18n::I18n;
use crate::layout::fonts::Face;
use crate::model::{Change, Dashboard, Measure, Roadmap, dashboard};

/// Why the report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A shipped font could not be read.
    #[error("a font could not be read: {0}")]
    Font(String),
    /// The timeline picture could not be made.
    #[error("the timeline could not be drawn: {0}")]
    Picture(String),
    /// The PDF's structure could not be written.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

impl ReportError {
    /// The message in the UI language.
    pub fn localize(&self, tr: &I18n) -> String {
        match self {
            Self::Font(detail) => tr.f("err-report-font", &[("detail", detail)]),
            Self::Picture(detail) => tr.f("err-report-picture", &[("detail", detail)]),
            Self::Write(detail) => tr.f("err-report-write", &[("detail", detail)]),
        }
    }
}

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

/// What the sections draw from.
pub struct Context<'a> {
    /// The report's language.
    pub tr: &'a I18n,
    /// The roadmap reported on.
    pub roadmap: &'a Roadmap,
    /// The history of changes, for the changes since a date.
    pub history: &'a [Change],
    /// The date the report is made as of.
    pub today: NaiveDate,
    /// What the report contains besides the fixed sections.
    pub options: &'a ReportOptions,
    /// The overview's figures as of `today`.
    pub d: Dashboard,
    /// The measures that are not archived.
    pub active: Vec<&'a Measure>,
}

impl<'a> Context<'a> {
    /// The context of a report on `roadmap` as of `today`.
    pub fn new(
        tr: &'a I18n,
        roadmap: &'a Roadmap,
        history: &'a [Change],
        (today, options): (NaiveDate, &'a ReportOptions),
    ) -> Self {
        Self {
            tr,
            roadmap,
            history,
            today,
            options,
            d: dashboard(roadmap, today),
            active: roadmap.measures.iter().filter(|m| !m.archived).collect(),
        }
    }
}

/// Horizontal alignment of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// What a piece of text means beyond its words: ordinary, secondary, or a warning (overdue).
/// The PDF gives each a colour; the HTML a class, and a warning is also bold in both: colour is
/// never the only carrier of meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Text,
    Muted,
    Danger,
}

/// A table column.
pub struct Col {
    pub title: String,
    /// Width in points in the PDF; 0 takes the rest of the line.
    pub width: f32,
    pub align: Align,
}

/// A column titled `title`, `width` points wide in the PDF (0: the rest of the line).
pub fn col(title: String, width: f32, align: Align) -> Col {
    Col { title, width, align }
}

/// A table cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub face: Face,
    pub tone: Tone,
}

/// A cell in regular body text.
pub fn cell(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), face: Face::Regular, tone: Tone::Text }
}

impl Cell {
    /// The cell in bold.
    pub fn bold(mut self) -> Self {
        self.face = Face::Bold;
        self
    }

    /// The cell in `tone`.
    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }
}

/// A table row and whether it is a total (bold, ruled above).
pub type Row = (Vec<Cell>, bool);

/// Where the sections write: a medium that sets headings, paragraphs and tables.
pub trait Sink {
    /// A section heading (listed in the contents); `keep` points should follow on its page.
    fn section(&mut self, title: &str, keep: f32);
    /// A subheading; `keep` points should follow on its page.
    fn subheading(&mut self, title: &str, keep: f32);
    /// A paragraph of wrapped text.
    fn paragraph(&mut self, text: &str, face: Face, tone: Tone);
    /// A table with a header row; rows flagged `true` are totals.
    fn table(&mut self, cols: &[Col], rows: &[Row]);
    /// A new page, where pages exist.
    fn page_break(&mut self);
    /// A little room (points) before what follows, where it matters.
    fn gap(&mut self, points: f32);
    /// The timeline of the active measures, with its description for those who cannot see it.
    fn timeline(&mut self, cx: &Context<'_>) -> Result<(), ReportError>;
    /// Whether the report is published (the website's): internal details such as intranet
    /// addresses, network paths and login names of the evidence are left out.
    fn is_public(&self) -> bool {
        false
    }
}

/// Writes the report's sections in their order into `sink`.
pub fn body(sink: &mut dyn Sink, cx: &Context<'_>) -> Result<(), ReportError> {
    sections::summary(sink, cx);
    sections::summary_due(sink, cx);
    sink.timeline(cx)?;
    sections::horizons(sink, cx);
    sections::money(sink, cx);
    sections::money_by_year(sink, cx);
    sections::overruns(sink, cx);
    plan::deviations_section(sink, cx);
    plan::finance_section(sink, cx);
    sections::reevaluations(sink, cx);
    assessment::assessment_section(sink, cx);
    plan::evidence_section(sink, cx);
    sections::changes(sink, cx);
    Ok(())
}

/// The key figures of the cover: value, label and whether it warns.
pub fn key_figures(cx: &Context<'_>, tr: &I18n) -> [(String, String, Tone); 4] {
    let d = &cx.d;
    let overdue = d.overdue.len();
    [
        (d.total.total.to_string(), tr.t("report-measures"), Tone::Text),
        (d.total.done.to_string(), tr.t("status-done"), Tone::Text),
        (
            overdue.to_string(),
            tr.t("health-overdue"),
            if overdue > 0 { Tone::Danger } else { Tone::Text },
        ),
        (tr.money_whole(d.total.spent), tr.t("field-spent"), Tone::Text),
    ]
}

/// The report's title, as viewers show it: roadmap, kind and date.
pub fn title(cx: &Context<'_>, tr: &I18n) -> String {
    format!("{} – {} – {}", cx.roadmap.info.name, tr.t("report-title"), tr.date(cx.today))
}

/// What a report's cover and every page's footer say, in either medium.
pub struct Front {
    /// What the report is ("Bericht an den Gemeinderat").
    pub kicker: String,
    /// The large line above the title (the town).
    pub over: String,
    /// The document's one first-level heading.
    pub heading: String,
    /// The day it is as of.
    pub today: NaiveDate,
    /// Four key figures: value, label, tone.
    pub figures: [(String, String, Tone); 4],
    /// Where it came from (the file; on the web: the roadmap), for the footer.
    pub source: String,
    /// The cover's last line: made by Fahrplan, from where, when.
    pub made: String,
    /// The title viewers show.
    pub title: String,
}

/// The front of the council report of `cx`; `source` names where it came from.
pub fn front(cx: &Context<'_>, tr: &I18n, source: &str) -> Front {
    Front {
        kicker: tr.t("report-title"),
        over: cx.roadmap.info.town.clone(),
        heading: cx.roadmap.info.name.clone(),
        today: cx.today,
        figures: key_figures(cx, tr),
        source: source.to_owned(),
        made: tr.f("report-made", &[("file", &source), ("date", &tr.date(cx.today))]),
        title: title(cx, tr),
    }
}
