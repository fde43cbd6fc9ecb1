//! Composes the council report: a flow of headings, paragraphs and tables over A4 pages, with the
//! timeline on a landscape page, then the contents on the cover and the footers once the number
//! of pages is known. The sections themselves are drawn in `sections`.

use chrono::NaiveDate;

use super::doc::{A4, Align, Bookmark, Doc, Meta, Rgb, Style};
use super::fonts::Face;
use super::sections;
use super::tags::Role;
use super::wrap::Line;
use super::{ReportError, ReportOptions};
use crate::export::content::{self, Cell, Col, Context, Row, Sink, Tone, cell};
use crate::export::county::County;
use crate::i18n::I18n;
use crate::layout::palette;
use crate::model::{Change, Horizon, Measure, Roadmap};

/// Left and right page margin.
pub(super) const MARGIN_X: f32 = 50.0;
const TOP: f32 = 56.0;
/// Content ends this far above the bottom edge; the footer sits below.
pub(super) const BOTTOM: f32 = 64.0;
const BODY: f32 = 9.5;
const BODY_LEADING: f32 = 13.5;
const TABLE: f32 = 8.5;
const TABLE_LEADING: f32 = 11.0;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 4.0;
/// At most this many lines in a table cell (about 550 points: a row always fits on a page).
const MAX_CELL_LINES: usize = 50;

/// Body text.
pub(super) const TEXT: Rgb = Rgb(0.078, 0.078, 0.078);
/// Secondary text.
pub(super) const MUTED: Rgb = Rgb(0.36, 0.36, 0.36);
/// Thin lines between rows.
pub(super) const RULE: Rgb = Rgb(0.8, 0.8, 0.8);
/// Behind table headers and the cover's key figures.
pub(super) const HEADER_FILL: Rgb = Rgb(0.91, 0.93, 0.96);
const ZEBRA: Rgb = Rgb(0.965, 0.97, 0.975);
/// Section rules and the cover's band.
pub(super) const ACCENT: Rgb = Rgb(0.122, 0.373, 0.62);

impl From<palette::Rgb> for Rgb {
    fn from(c: palette::Rgb) -> Self {
        Self(f32::from(c.0) / 255.0, f32::from(c.1) / 255.0, f32::from(c.2) / 255.0)
    }
}

/// What is overdue.
pub(super) fn danger() -> Rgb {
    palette::DANGER_TEXT.into()
}

/// The report being laid out.
pub(super) struct Flow<'a> {
    /// The pages drawn so far.
    pub(super) doc: Doc,
    /// The report's language.
    pub(super) tr: &'a I18n,
    /// Distance of the next content from the top of the current page.
    pub(super) y: f32,
    /// Sections for the contents and the outline.
    pub(super) sections: Vec<Bookmark>,
}

impl Flow<'_> {
    /// Width and height of the current page.
    pub(super) fn page_size(&mut self) -> (f32, f32) {
        let page = self.doc.page();
        (page.width, page.height)
    }

    fn content_width(&mut self) -> f32 {
        self.page_size().0 - 2.0 * MARGIN_X
    }

    /// Where content ends on the current page.
    pub(super) fn limit(&mut self) -> f32 {
        self.page_size().1 - BOTTOM
    }

    /// Starts a page of `size` points.
    pub(super) fn new_page(&mut self, size: (f32, f32)) {
        self.doc.add_page(size);
        self.y = TOP;
    }

    /// Starts a new page unless `height` points still fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.limit() {
            self.new_page(A4);
        }
    }

    /// A section heading, listed in the contents; keeps at least `keep` points below it on the
    /// same page.
    pub(super) fn put_section(&mut self, title: &str, keep: f32) {
        self.ensure(34.0 + keep);
        let page = self.doc.pages.len() - 1;
        self.sections.push(Bookmark { title: title.to_owned(), page, top: self.y });
        let width = self.content_width();
        let lines = self.doc.wrap(title, Face::Bold, 16.0, width);
        let style = Style { size: 16.0, face: Face::Bold, color: TEXT, align: Align::Left };
        self.doc.open(Role::H(2));
        self.doc.lines(&lines, (MARGIN_X, self.y + 16.0), 21.0, style);
        self.doc.close();
        self.y += 21.0 * lines.len() as f32;
        self.doc.line((MARGIN_X, self.y + 1.0), (MARGIN_X + width, self.y + 1.0), 1.0, ACCENT);
        self.y += 13.0;
    }

    /// A subheading; keeps at least `keep` points below it on the same page.
    pub(super) fn put_subheading(&mut self, title: &str, keep: f32) {
        self.ensure(24.0 + keep);
        self.y += 4.0;
        self.doc.open(Role::H(3));
        self.doc.text(title, (MARGIN_X, self.y + 11.5), 11.5, Face::Bold, TEXT, Align::Left);
        self.doc.close();
        self.y += 19.0;
    }

    /// Wrapped text over the content width. A word broken at the foot of a page would leave its
    /// hyphen there: the line goes to the next page instead (unless it is the page's only one).
    pub(super) fn put_paragraph(&mut self, text: &str, face: Face, color: Rgb) {
        let width = self.content_width();
        let lines = self.doc.wrap(text, face, BODY, width);
        let style = Style { size: BODY, face, color, align: Align::Left };
        self.doc.open(Role::P);
        let mut rest = lines.as_slice();
        while !rest.is_empty() {
            self.ensure(BODY_LEADING);
            let room = ((self.limit() - self.y) / BODY_LEADING).floor().max(1.0) as usize;
            let mut n = room.min(rest.len());
            while n > 1 && n < rest.len() && rest[n - 1].tail.is_some() {
                n -= 1;
            }
            self.doc.lines(&rest[..n], (MARGIN_X, self.y + BODY), BODY_LEADING, style);
            self.y += BODY_LEADING * n as f32;
            rest = &rest[n..];
            if !rest.is_empty() {
                self.new_page(A4);
            }
        }
        self.doc.close();
        self.y += 4.0;
    }

    /// A table whose rows are wrapped into their columns; rows never split, the header repeats
    /// on every page. Rows flagged `true` are totals (bold, ruled above).
    pub(super) fn put_table(&mut self, cols: &[Col], rows: &[Row]) {
        let total = self.content_width();
        let fixed: f32 = cols.iter().map(|c| c.width).sum();
        let flexible = cols.iter().filter(|c| c.width == 0.0).count().max(1) as f32;
        let widths: Vec<f32> = cols
            .iter()
            .map(|c| if c.width == 0.0 { ((total - fixed) / flexible).max(40.0) } else { c.width })
            .collect();
        let header: Vec<Cell> = cols.iter().map(|c| cell(c.title.clone()).bold()).collect();
        let header_lines = self.row_lines(&header, &widths);
        let header = (header.as_slice(), header_lines.as_slice());
        let mut first = true;
        self.doc.open(Role::Table);
        for (i, (row, is_total)) in rows.iter().enumerate() {
            let bold: Vec<Cell>;
            let row = if *is_total {
                bold = row.iter().cloned().map(Cell::bold).collect();
                bold.as_slice()
            } else {
                row.as_slice()
            };
            let lines = self.row_lines(row, &widths);
            let height = row_height(&lines);
            if first {
                self.ensure(row_height(header.1) + height);
                self.header_row(header, cols, &widths);
                self.doc.open(Role::TBody);
                first = false;
            } else if self.y + height > self.limit() {
                // The header repeated on the next page is not read again.
                self.new_page(A4);
                self.doc.tags.begin_artifact();
                self.draw_row(header, cols, &widths, (Some(HEADER_FILL), true));
                self.doc.tags.end_artifact();
            }
            self.doc.open(Role::TR);
            if *is_total {
                let right = MARGIN_X + widths.iter().sum::<f32>();
                self.doc.line((MARGIN_X, self.y), (right, self.y), 1.0, TEXT);
                self.draw_row((row, &lines), cols, &widths, (None, false));
            } else {
                self.draw_row((row, &lines), cols, &widths, ((i % 2 == 1).then_some(ZEBRA), false));
            }
            self.doc.close();
        }
        if first {
            self.ensure(row_height(header.1));
            self.header_row(header, cols, &widths);
        } else {
            self.doc.close();
        }
        self.doc.close();
        self.y += 10.0;
    }

    /// The table's header row, its cells headers of their columns.
    fn header_row(&mut self, header: (&[Cell], &[Vec<Line>]), cols: &[Col], widths: &[f32]) {
        self.doc.open(Role::THead);
        self.doc.open(Role::TR);
        self.draw_row(header, cols, widths, (Some(HEADER_FILL), true));
        self.doc.close();
        self.doc.close();
    }

    /// The lines of a cell. A cell longer than [`MAX_CELL_LINES`] (so that every row fits on a
    /// page) is shortened, and says so in its last lines: how many lines are left out and where
    /// the whole text is. An official document never cuts silently.
    fn cell_lines(&self, c: &Cell, width: f32) -> Vec<Line> {
        let width = width - 2.0 * CELL_PAD_X;
        let mut lines = self.doc.wrap(&c.text, c.face, TABLE, width);
        if lines.len() > MAX_CELL_LINES {
            let note = |left: usize| {
                self.doc.wrap(
                    &self.tr.f("report-cell-shortened", &[("n", &left)]),
                    Face::Bold,
                    TABLE,
                    width,
                )
            };
            // The note takes a few lines itself; what it counts is what it replaces.
            let keep = MAX_CELL_LINES.saturating_sub(note(lines.len()).len()).max(1);
            let left = lines.len() - keep;
            lines.truncate(keep);
            lines.extend(note(left));
        }
        lines
    }

    /// The lines of every cell of a row.
    fn row_lines(&self, row: &[Cell], widths: &[f32]) -> Vec<Vec<Line>> {
        row.iter().zip(widths).map(|(c, w)| self.cell_lines(c, *w)).collect()
    }

    /// Draws a row of cells, wrapped into `lines` (from [`Self::row_lines`]); each cell is a
    /// header cell (`TH`, in the table's header) or a data cell (`TD`) of the open row.
    fn draw_row(
        &mut self,
        (row, lines): (&[Cell], &[Vec<Line>]),
        cols: &[Col],
        widths: &[f32],
        (fill, header): (Option<Rgb>, bool),
    ) {
        let height = row_height(lines);
        let full: f32 = widths.iter().sum();
        if let Some(fill) = fill {
            self.doc.fill_rect(MARGIN_X, self.y, full, height, fill);
        }
        let mut x = MARGIN_X;
        for (((c, lines), w), column) in row.iter().zip(lines).zip(widths).zip(cols) {
            let tx = match column.align {
                Align::Left => x + CELL_PAD_X,
                Align::Right => x + w - CELL_PAD_X,
            };
            let baseline = self.y + CELL_PAD_Y + TABLE + 0.5;
            let style =
                Style { size: TABLE, face: c.face, color: color(c.tone), align: column.align };
            self.doc.open(if header { Role::TH { row: false } } else { Role::TD });
            self.doc.lines(lines, (tx, baseline), TABLE_LEADING, style);
            self.doc.close();
            x += w;
        }
        self.y += height;
        self.doc.line((MARGIN_X, self.y), (MARGIN_X + full, self.y), 0.5, RULE);
    }
}

/// The height of a row whose cells have `lines`.
fn row_height(lines: &[Vec<Line>]) -> f32 {
    let most = lines.iter().map(|l| l.len().max(1)).max().unwrap_or(1);
    most as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y
}

/// The council report of `roadmap` as of `today` as PDF bytes.
pub fn report_pdf(
    roadmap: &Roadmap,
    history: &[Change],
    today: NaiveDate,
    tr: &I18n,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let cx = Context::new(tr, roadmap, history, (today, options));
    let front = content::front(&cx, tr, &options.file_name);
    paged(tr, &front, |flow| content::body(flow, &cx))
}

/// The county overview of `county` as PDF bytes.
pub fn county_pdf(county: &County<'_>, tr: &I18n) -> Result<Vec<u8>, ReportError> {
    let front = crate::export::county::front(county, tr);
    paged(tr, &front, |flow| {
        crate::export::county::body(flow, county, tr);
        Ok(())
    })
}

/// A report on A4 pages: the cover (`front`, with the contents), what `body` writes, footers.
fn paged(
    tr: &I18n,
    front: &content::Front,
    body: impl FnOnce(&mut Flow<'_>) -> Result<(), ReportError>,
) -> Result<Vec<u8>, ReportError> {
    let doc = Doc::new(tr.lang()).map_err(ReportError::Font)?;
    let mut flow = Flow { doc, tr, y: TOP, sections: Vec::new() };
    flow.new_page(A4);
    // The cover is drawn at the end (it lists the sections with their pages), but is read first.
    let cover = flow.doc.open(Role::Sect);
    flow.doc.close();

    body(&mut flow)?;

    flow.doc.tags.enter(cover);
    sections::cover(&mut flow, front);
    flow.doc.close();
    sections::footers(&mut flow, front);
    let lang = match tr.lang() {
        crate::i18n::Lang::De => "de-DE",
        crate::i18n::Lang::En => "en",
    };
    let meta = Meta { title: &front.title, lang, outline: &flow.sections };
    flow.doc.finish(&meta)
}

/// The colour of a tone.
pub(super) fn color(tone: Tone) -> Rgb {
    match tone {
        Tone::Text => TEXT,
        Tone::Muted => MUTED,
        Tone::Danger => danger(),
    }
}

impl Sink for Flow<'_> {
    fn section(&mut self, title: &str, keep: f32) {
        self.put_section(title, keep);
    }

    fn subheading(&mut self, title: &str, keep: f32) {
        self.put_subheading(title, keep);
    }

    fn paragraph(&mut self, text: &str, face: Face, tone: Tone) {
        self.put_paragraph(text, face, color(tone));
    }

    fn table(&mut self, cols: &[Col], rows: &[Row]) {
        self.put_table(cols, rows);
    }

    fn page_break(&mut self) {
        self.new_page(A4);
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn timeline(&mut self, cx: &Context<'_>) -> Result<(), ReportError> {
        sections::timeline_pages(self, cx)
    }
}

/// At most this many measures share a timeline page (about 11 points a row).
pub(super) const TIMELINE_ROWS: usize = 32;

/// One landscape part of the report's timeline: the measures of a horizon (all measures when
/// they fit one page), part `part` of `of`.
#[derive(Debug)]
pub(super) struct TimelinePart<'a> {
    /// The horizon (short term when the whole roadmap fits one page).
    pub(super) horizon: Horizon,
    /// Which part of the horizon, from 1.
    pub(super) part: usize,
    /// How many parts the horizon has.
    pub(super) of: usize,
    /// The measures, in the order of their start.
    pub(super) measures: Vec<&'a Measure>,
}

/// The timeline pages: one with every measure when they fit, else per horizon, split by start
/// date into parts of [`TIMELINE_ROWS`].
pub(super) fn timeline_parts<'a>(active: &[&'a Measure]) -> Vec<TimelinePart<'a>> {
    if active.len() <= TIMELINE_ROWS {
        return vec![TimelinePart {
            horizon: Horizon::Short,
            part: 1,
            of: 1,
            measures: active.to_vec(),
        }];
    }
    let mut parts = Vec::new();
    for horizon in [Horizon::Short, Horizon::Medium, Horizon::Long] {
        let mut measures: Vec<&Measure> =
            active.iter().copied().filter(|m| m.horizon == horizon).collect();
        measures.sort_by(|a, b| (a.start, &a.code).cmp(&(b.start, &b.code)));
        let of = measures.len().div_ceil(TIMELINE_ROWS);
        for (i, chunk) in measures.chunks(TIMELINE_ROWS).enumerate() {
            parts.push(TimelinePart { horizon, part: i + 1, of, measures: chunk.to_vec() });
        }
    }
    parts
}
