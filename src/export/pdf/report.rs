//! Composes the council report: a flow of headings, paragraphs and tables over A4 pages, with the
//! timeline on a landscape page, then the contents on the cover and the footers once the number
//! of pages is known.

use chrono::NaiveDate;

use super::doc::{A4, Align, Doc, Rgb};
use super::fonts::Face;
use super::{ReportError, ReportOptions};
use crate::export::{PictureOptions, timeline_svg};
use crate::i18n::I18n;
use crate::layout::palette;
use crate::model::{
    Change, Health, Horizon, Measure, Money, Roadmap, Status, changes_since, dashboard,
    schedule_health,
};

const MARGIN_X: f32 = 50.0;
const TOP: f32 = 56.0;
/// Content ends this far above the bottom edge; the footer sits below.
const BOTTOM: f32 = 64.0;
const BODY: f32 = 9.5;
const TABLE: f32 = 8.5;
const TABLE_LEADING: f32 = 11.0;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 4.0;
/// At most this many lines in a table cell (about 550 points: a row always fits on a page).
const MAX_CELL_LINES: usize = 50;

const TEXT: Rgb = Rgb(0.078, 0.078, 0.078);
const MUTED: Rgb = Rgb(0.36, 0.36, 0.36);
const RULE: Rgb = Rgb(0.8, 0.8, 0.8);
const HEADER_FILL: Rgb = Rgb(0.91, 0.93, 0.96);
const ZEBRA: Rgb = Rgb(0.965, 0.97, 0.975);
const ACCENT: Rgb = Rgb(0.122, 0.373, 0.62);

impl From<palette::Rgb> for Rgb {
    fn from(c: palette::Rgb) -> Self {
        Self(f32::from(c.0) / 255.0, f32::from(c.1) / 255.0, f32::from(c.2) / 255.0)
    }
}

fn danger() -> Rgb {
    palette::DANGER_TEXT.into()
}

/// A table column.
struct Col {
    title: String,
    /// Width in points; 0 takes the rest of the line.
    width: f32,
    align: Align,
}

fn col(title: String, width: f32, align: Align) -> Col {
    Col { title, width, align }
}

/// A table cell.
#[derive(Clone)]
struct Cell {
    text: String,
    face: Face,
    color: Rgb,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), face: Face::Regular, color: TEXT }
}

impl Cell {
    fn bold(mut self) -> Self {
        self.face = Face::Bold;
        self
    }

    fn color(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }
}

/// The report being laid out.
struct Flow<'a> {
    doc: Doc,
    tr: &'a I18n,
    /// Distance of the next content from the top of the current page.
    y: f32,
    /// Sections for the contents: title and page index.
    sections: Vec<(String, usize)>,
}

impl Flow<'_> {
    fn page_size(&mut self) -> (f32, f32) {
        let page = self.doc.page();
        (page.width, page.height)
    }

    fn content_width(&mut self) -> f32 {
        self.page_size().0 - 2.0 * MARGIN_X
    }

    fn limit(&mut self) -> f32 {
        self.page_size().1 - BOTTOM
    }

    fn new_page(&mut self, size: (f32, f32)) {
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
    fn section(&mut self, title: &str, keep: f32) {
        self.ensure(34.0 + keep);
        let page = self.doc.pages.len() - 1;
        self.sections.push((title.to_owned(), page));
        let width = self.content_width();
        for line in self.doc.fonts.wrap(title, Face::Bold, 16.0, width) {
            self.doc.text(&line, (MARGIN_X, self.y + 16.0), 16.0, Face::Bold, TEXT, Align::Left);
            self.y += 21.0;
        }
        self.doc.line((MARGIN_X, self.y + 1.0), (MARGIN_X + width, self.y + 1.0), 1.0, ACCENT);
        self.y += 13.0;
    }

    fn subheading(&mut self, title: &str, keep: f32) {
        self.ensure(24.0 + keep);
        self.y += 4.0;
        self.doc.text(title, (MARGIN_X, self.y + 11.5), 11.5, Face::Bold, TEXT, Align::Left);
        self.y += 19.0;
    }

    fn paragraph(&mut self, text: &str, face: Face, color: Rgb) {
        let width = self.content_width();
        for line in self.doc.fonts.wrap(text, face, BODY, width) {
            self.ensure(13.5);
            self.doc.text(&line, (MARGIN_X, self.y + BODY), BODY, face, color, Align::Left);
            self.y += 13.5;
        }
        self.y += 4.0;
    }

    /// A table whose rows are wrapped into their columns; rows never split, the header repeats
    /// on every page. Rows flagged `true` are totals (bold, ruled above).
    fn table(&mut self, cols: &[Col], rows: &[(Vec<Cell>, bool)]) {
        let total = self.content_width();
        let fixed: f32 = cols.iter().map(|c| c.width).sum();
        let flexible = cols.iter().filter(|c| c.width == 0.0).count().max(1) as f32;
        let widths: Vec<f32> = cols
            .iter()
            .map(|c| if c.width == 0.0 { ((total - fixed) / flexible).max(40.0) } else { c.width })
            .collect();
        let header: Vec<Cell> = cols.iter().map(|c| cell(c.title.clone()).bold()).collect();
        let header_height = self.row_height(&header, &widths);
        self.ensure(header_height + rows.first().map_or(0.0, |r| self.row_height(&r.0, &widths)));
        self.draw_row(&header, cols, &widths, Some(HEADER_FILL));
        for (i, (row, is_total)) in rows.iter().enumerate() {
            let height = self.row_height(row, &widths);
            if self.y + height > self.limit() {
                self.new_page(A4);
                self.draw_row(&header, cols, &widths, Some(HEADER_FILL));
            }
            if *is_total {
                let row: Vec<Cell> = row.iter().cloned().map(Cell::bold).collect();
                let right = MARGIN_X + widths.iter().sum::<f32>();
                self.doc.line((MARGIN_X, self.y), (right, self.y), 1.0, TEXT);
                self.draw_row(&row, cols, &widths, None);
            } else {
                self.draw_row(row, cols, &widths, (i % 2 == 1).then_some(ZEBRA));
            }
        }
        self.y += 10.0;
    }

    /// The lines of a cell. A cell longer than [`MAX_CELL_LINES`] (so that every row fits on a
    /// page) is shortened, and says so in its last lines: how many lines are left out and where
    /// the whole text is. An official document never cuts silently.
    fn cell_lines(&self, c: &Cell, width: f32) -> Vec<String> {
        let width = width - 2.0 * CELL_PAD_X;
        let mut lines = self.doc.fonts.wrap(&c.text, c.face, TABLE, width);
        if lines.len() > MAX_CELL_LINES {
            let note = |left: usize| {
                self.doc.fonts.wrap(
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

    fn row_height(&self, row: &[Cell], widths: &[f32]) -> f32 {
        let lines = row
            .iter()
            .zip(widths)
            .map(|(c, w)| self.cell_lines(c, *w).len().max(1))
            .max()
            .unwrap_or(1);
        lines as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y
    }

    fn draw_row(&mut self, row: &[Cell], cols: &[Col], widths: &[f32], fill: Option<Rgb>) {
        let height = self.row_height(row, widths);
        let full: f32 = widths.iter().sum();
        if let Some(fill) = fill {
            self.doc.fill_rect(MARGIN_X, self.y, full, height, fill);
        }
        let mut x = MARGIN_X;
        for ((c, w), column) in row.iter().zip(widths).zip(cols) {
            let lines = self.cell_lines(c, *w);
            for (n, line) in lines.iter().enumerate() {
                let baseline = self.y + CELL_PAD_Y + TABLE + 0.5 + n as f32 * TABLE_LEADING;
                let tx = match column.align {
                    Align::Left => x + CELL_PAD_X,
                    Align::Right => x + w - CELL_PAD_X,
                };
                self.doc.text(line, (tx, baseline), TABLE, c.face, c.color, column.align);
            }
            x += w;
        }
        self.y += height;
        self.doc.line((MARGIN_X, self.y), (MARGIN_X + full, self.y), 0.5, RULE);
    }
}

/// The council report of `roadmap` as of `today` as PDF bytes.
pub fn report_pdf(
    roadmap: &Roadmap,
    history: &[Change],
    today: NaiveDate,
    tr: &I18n,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let doc = Doc::new().map_err(ReportError::Font)?;
    let mut flow = Flow { doc, tr, y: TOP, sections: Vec::new() };
    let d = dashboard(roadmap, today);
    let active: Vec<&Measure> = roadmap.measures.iter().filter(|m| !m.archived).collect();

    flow.new_page(A4);
    // The cover is drawn at the end (it lists the sections with their pages).

    // Summary.
    flow.new_page(A4);
    flow.section(&tr.t("report-summary"), 80.0);
    let money = |m: Money| tr.money_whole(m);
    let mut rows: Vec<(Vec<Cell>, bool)> = d
        .horizons
        .iter()
        .map(|(h, f)| (figures_row(tr, &tr.t(&format!("horizon-{}", h.as_str())), f), false))
        .collect();
    if d.archived.total > 0 {
        // Out of the plan, their money still in the total: no progress to speak of.
        let mut row = figures_row(tr, &tr.t("label-archived"), &d.archived);
        row[2] = cell("–");
        row[3] = cell("–");
        rows.push((row, false));
    }
    rows.push((figures_row(tr, &tr.t("summary-total"), &d.total), true));
    flow.table(
        &[
            col(tr.t("col-horizon"), 0.0, Align::Left),
            col(tr.t("report-measures"), 64.0, Align::Right),
            col(tr.t("status-done"), 50.0, Align::Right),
            col(tr.t("report-average-progress"), 66.0, Align::Right),
            col(tr.t("field-one-off"), 74.0, Align::Right),
            col(tr.t("field-yearly"), 74.0, Align::Right),
            col(tr.t("field-spent"), 74.0, Align::Right),
        ],
        &rows,
    );
    let counts = |items: Vec<(String, usize)>| {
        items.into_iter().map(|(w, n)| format!("{w} {n}")).collect::<Vec<_>>().join(" · ")
    };
    flow.subheading(&tr.t("col-health"), 14.0);
    flow.paragraph(
        &counts(
            d.by_health
                .iter()
                .map(|(h, n)| (tr.t(&format!("health-{}", h.as_str())), *n))
                .collect(),
        ),
        Face::Regular,
        TEXT,
    );
    flow.subheading(&tr.t("col-status"), 14.0);
    flow.paragraph(
        &counts(
            d.by_status
                .iter()
                .map(|(s, n)| (tr.t(&format!("status-{}", s.as_str())), *n))
                .collect(),
        ),
        Face::Regular,
        TEXT,
    );
    let measure_rows = |codes: &[String], date: &dyn Fn(&Measure) -> Option<NaiveDate>| {
        codes
            .iter()
            .filter_map(|c| roadmap.measure(c))
            .map(|m| {
                (
                    vec![
                        cell(m.code.clone()).bold(),
                        cell(m.title.clone()),
                        cell(roadmap.owner_name(m)),
                        match date(m) {
                            Some(d) if d < today => cell(tr.date(d)).color(danger()).bold(),
                            other => cell(tr.opt_date(other)),
                        },
                    ],
                    false,
                )
            })
            .collect::<Vec<_>>()
    };
    let short_cols = |last: String| {
        [
            col(tr.t("col-code"), 34.0, Align::Left),
            col(tr.t("col-title"), 0.0, Align::Left),
            col(tr.t("col-owner"), 120.0, Align::Left),
            col(last, 70.0, Align::Left),
        ]
    };
    flow.subheading(&tr.f("dashboard-overdue", &[("n", &d.overdue.len())]), 30.0);
    if d.overdue.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        flow.table(&short_cols(tr.t("col-due")), &measure_rows(&d.overdue, &|m| Some(m.due)));
    }
    let reevaluations: Vec<String> =
        d.reevaluations_overdue.iter().chain(&d.reevaluations_due).cloned().collect();
    flow.subheading(&tr.f("report-reevaluations-due", &[("n", &reevaluations.len())]), 30.0);
    if reevaluations.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        flow.table(
            &short_cols(tr.t("col-next-reevaluation")),
            &measure_rows(&reevaluations, &|m| m.next_reevaluation),
        );
    }

    // The timeline on landscape pages: all on one when it fits legibly, else by horizon in
    // parts of at most TIMELINE_ROWS measures, in the order of their start.
    let landscape = (A4.1, A4.0);
    let parts = timeline_parts(&active);
    let width = landscape.0 - 2.0 * MARGIN_X;
    for (n, (horizon, part, of, measures)) in parts.iter().enumerate() {
        let part_roadmap = Roadmap {
            measures: measures.iter().map(|m| (*m).clone()).collect(),
            ..roadmap.clone()
        };
        // Parts share a page while they fit at their natural size.
        let needed = crate::export::timeline_natural_height(&part_roadmap, today) / PX_PER_PT;
        let heading = if *of > 1 { 24.0 } else { 0.0 };
        if n == 0 {
            flow.new_page(landscape);
            flow.section(&tr.t("slide-timeline"), 200.0);
        } else if flow.y + heading + needed > flow.limit() {
            flow.new_page(landscape);
        } else {
            flow.y += 12.0;
        }
        if *of > 1 {
            let title = tr.t(&format!("horizon-{}-long", horizon.as_str()));
            flow.subheading(&format!("{title} ({part}/{of})"), 200.0);
        }
        let height = flow.limit() - flow.y;
        timeline(&mut flow, &part_roadmap, today, (width, height))?;
    }

    // One table per horizon.
    flow.new_page(A4);
    for horizon in [Horizon::Short, Horizon::Medium, Horizon::Long] {
        let measures: Vec<&Measure> =
            active.iter().copied().filter(|m| m.horizon == horizon).collect();
        let title = tr.t(&format!("horizon-{}-long", horizon.as_str()));
        flow.section(&title, 60.0);
        if let Some((_, f)) = d.horizons.iter().find(|(h, _)| *h == horizon) {
            flow.paragraph(
                &tr.f(
                    "report-horizon-figures",
                    &[
                        ("n", &f.total),
                        ("done", &f.done),
                        ("progress", &tr.percent(f.progress)),
                        ("spent", &money(f.spent)),
                    ],
                ),
                Face::Regular,
                MUTED,
            );
        }
        if measures.is_empty() {
            flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
            continue;
        }
        let rows: Vec<(Vec<Cell>, bool)> =
            measures.iter().map(|m| (measure_row(roadmap, m, today, tr), false)).collect();
        flow.table(
            &[
                col(tr.t("col-code"), 30.0, Align::Left),
                col(tr.t("col-title"), 0.0, Align::Left),
                col(tr.t("col-owner"), 86.0, Align::Left),
                col(tr.t("col-status"), 60.0, Align::Left),
                col(tr.t("col-progress"), 58.0, Align::Right),
                col(tr.t("col-due"), 54.0, Align::Left),
                col(tr.t("col-next-reevaluation"), 58.0, Align::Left),
            ],
            &rows,
        );
        flow.y += 6.0;
    }

    // Money.
    flow.new_page(A4);
    flow.section(&tr.t("slide-money"), 80.0);
    flow.subheading(&tr.t("report-money-horizons"), 40.0);
    let mut rows: Vec<(Vec<Cell>, bool)> = d
        .horizons
        .iter()
        .map(|(h, f)| {
            let name = tr.t(&format!("horizon-{}-long", h.as_str()));
            (money_row(tr, name, f.planned_one_off, f.planned_yearly, f.spent), false)
        })
        .collect();
    // Money already spent never vanishes: archived measures keep a line of their own, and the
    // total includes it.
    let a = &d.archived;
    if a.total > 0 {
        let name = tr.t("label-archived");
        rows.push((money_row(tr, name, a.planned_one_off, a.planned_yearly, a.spent), false));
    }
    let t = &d.total;
    rows.push((
        money_row(tr, tr.t("summary-total"), t.planned_one_off, t.planned_yearly, t.spent),
        true,
    ));
    flow.table(
        &[
            col(tr.t("col-horizon"), 0.0, Align::Left),
            col(tr.t("field-one-off"), 95.0, Align::Right),
            col(tr.t("field-yearly"), 95.0, Align::Right),
            col(tr.t("field-spent"), 95.0, Align::Right),
        ],
        &rows,
    );
    flow.subheading(&tr.t("dashboard-money-by-year"), 40.0);
    flow.paragraph(&tr.t("report-money-year-note"), Face::Regular, MUTED);
    let mut rows: Vec<(Vec<Cell>, bool)> = d
        .years
        .iter()
        .map(|y| {
            let difference = y.spent.saturating_sub(y.planned);
            // Red is kept for what is overdue; more spent than planned is shown in bold.
            let shown = cell(signed(tr, difference));
            let shown = if difference.0 >= 50 { shown.bold() } else { shown };
            (
                vec![cell(y.year.to_string()), cell(money(y.planned)), cell(money(y.spent)), shown],
                false,
            )
        })
        .collect();
    let planned: Money = d.years.iter().map(|y| y.planned).sum();
    let spent: Money = d.years.iter().map(|y| y.spent).sum();
    rows.push((
        vec![
            cell(tr.t("summary-total")),
            cell(money(planned)),
            cell(money(spent)),
            cell(signed(tr, spent.saturating_sub(planned))),
        ],
        true,
    ));
    flow.table(
        &[
            col(tr.t("dashboard-year"), 0.0, Align::Left),
            col(tr.t("dashboard-planned"), 95.0, Align::Right),
            col(tr.t("field-spent"), 95.0, Align::Right),
            col(tr.t("report-difference"), 95.0, Align::Right),
        ],
        &rows,
    );
    flow.subheading(&tr.t("dashboard-overruns"), 40.0);
    if d.overruns.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        let rows: Vec<(Vec<Cell>, bool)> = d
            .overruns
            .iter()
            .map(|o| {
                let title = roadmap.measure(&o.code).map(|m| m.title.clone()).unwrap_or_default();
                (
                    vec![
                        cell(o.code.clone()).bold(),
                        cell(title),
                        cell(money(o.planned)),
                        cell(money(o.spent)),
                        cell(money(o.excess())).bold(),
                    ],
                    false,
                )
            })
            .collect();
        flow.table(
            &[
                col(tr.t("col-code"), 34.0, Align::Left),
                col(tr.t("col-title"), 0.0, Align::Left),
                col(tr.t("dashboard-planned-to-date"), 80.0, Align::Right),
                col(tr.t("field-spent"), 80.0, Align::Right),
                col(tr.t("dashboard-excess"), 70.0, Align::Right),
            ],
            &rows,
        );
    }

    // Re-evaluations.
    flow.section(&tr.t("section-reevaluations"), 80.0);
    flow.paragraph(
        &format!(
            "{}: {}",
            tr.t("dashboard-verdicts"),
            counts(
                d.verdicts
                    .iter()
                    .map(|(v, n)| (tr.t(&format!("verdict-{}", v.as_str())), *n))
                    .collect()
            )
        ),
        Face::Regular,
        TEXT,
    );
    let mut checked: Vec<&Measure> = active
        .iter()
        .copied()
        .filter(|m| {
            m.status != Status::Cancelled
                && (m.next_reevaluation.is_some()
                    || roadmap.reevaluations_of(&m.code).next().is_some())
        })
        .collect();
    checked.sort_by_key(|m| (m.next_reevaluation.is_none(), m.next_reevaluation, m.code.clone()));
    let soon = today + chrono::TimeDelta::days(30);
    let rows: Vec<(Vec<Cell>, bool)> = checked
        .iter()
        .map(|m| {
            let last = roadmap.reevaluations_of(&m.code).max_by_key(|r| r.date);
            let next = cell(tr.opt_date(m.next_reevaluation));
            let next = match m.next_reevaluation {
                Some(date) if date < today => next.color(danger()).bold(),
                Some(date) if date <= soon => next.bold(),
                _ => next,
            };
            (
                vec![
                    cell(m.code.clone()).bold(),
                    cell(m.title.clone()),
                    cell(
                        m.reevaluation_interval_months
                            .map(|n| tr.f("months", &[("n", &n)]))
                            .unwrap_or_default(),
                    ),
                    cell(last.map_or_else(|| "–".to_owned(), |r| tr.date(r.date))),
                    cell(
                        last.map(|r| tr.t(&format!("verdict-{}", r.verdict.as_str())))
                            .unwrap_or_default(),
                    ),
                    next,
                ],
                false,
            )
        })
        .collect();
    if rows.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        flow.table(
            &[
                col(tr.t("col-code"), 30.0, Align::Left),
                col(tr.t("col-title"), 0.0, Align::Left),
                col(tr.t("field-interval"), 62.0, Align::Left),
                col(tr.t("report-last-reevaluation"), 62.0, Align::Left),
                col(tr.t("report-verdict"), 72.0, Align::Left),
                col(tr.t("col-next-reevaluation"), 62.0, Align::Left),
            ],
            &rows,
        );
    }

    // Changes since a date.
    if let Some(since) = options.since {
        let report = changes_since(history, since, options.seed_batch);
        flow.section(&tr.f("dashboard-since", &[("date", &tr.date(since))]), 60.0);
        flow.paragraph(
            &tr.f(
                "since-heading",
                &[
                    ("date", &tr.date(since)),
                    ("n", &report.entries.len()),
                    ("completed", &report.completed.len()),
                    ("expenses", &tr.money(report.expenses)),
                ],
            ),
            Face::Bold,
            TEXT,
        );
        if !report.completed.is_empty() {
            flow.paragraph(
                &tr.f("dashboard-completed", &[("codes", &report.completed.join(", "))]),
                Face::Regular,
                TEXT,
            );
        }
        let rows: Vec<(Vec<Cell>, bool)> = report
            .entries
            .iter()
            .map(|(kind, c)| {
                let value = |v: Option<&str>| crate::i18n::value_label(tr, &c.field, v);
                (
                    vec![
                        cell(tr.date_time(c.at)),
                        cell(c.code.clone().unwrap_or_default()).bold(),
                        cell(tr.t(&format!("kind-{}", kind.as_str()))),
                        cell(format!("{} → {}", value(c.old.as_deref()), value(c.new.as_deref()))),
                        cell(c.who.clone()),
                        cell(c.comment.clone()),
                    ],
                    false,
                )
            })
            .collect();
        if !rows.is_empty() {
            flow.table(
                &[
                    col(tr.t("col-at"), 80.0, Align::Left),
                    col(tr.t("col-code"), 30.0, Align::Left),
                    col(tr.t("report-kind"), 58.0, Align::Left),
                    col(tr.t("report-change"), 0.0, Align::Left),
                    col(tr.t("col-who"), 70.0, Align::Left),
                    col(tr.t("col-comment"), 110.0, Align::Left),
                ],
                &rows,
            );
        }
    }

    cover(&mut flow, roadmap, today, &d, options);
    footers(&mut flow, today, options);
    let title = format!("{} – {} – {}", roadmap.info.name, tr.t("report-title"), tr.date(today));
    Ok(flow.doc.finish(&title, tr.lang().code()))
}

/// Pixels of the timeline picture per point: its 13-pixel labels print at about 8 points. A
/// picture that needs less than the room keeps that size (shorter) instead of being enlarged.
const PX_PER_PT: f32 = 1.6;

/// At most this many measures share a timeline page (about 11 points a row).
pub(super) const TIMELINE_ROWS: usize = 32;

/// The timeline pages: (horizon, part, parts of that horizon, measures). One page with every
/// measure when they fit, else per horizon, split by start date into parts of [`TIMELINE_ROWS`].
pub(super) fn timeline_parts<'a>(
    active: &[&'a Measure],
) -> Vec<(Horizon, usize, usize, Vec<&'a Measure>)> {
    if active.len() <= TIMELINE_ROWS {
        return vec![(Horizon::Short, 1, 1, active.to_vec())];
    }
    let mut parts = Vec::new();
    for horizon in [Horizon::Short, Horizon::Medium, Horizon::Long] {
        let mut measures: Vec<&Measure> =
            active.iter().copied().filter(|m| m.horizon == horizon).collect();
        measures.sort_by(|a, b| (a.start, &a.code).cmp(&(b.start, &b.code)));
        let of = measures.len().div_ceil(TIMELINE_ROWS);
        for (i, chunk) in measures.chunks(TIMELINE_ROWS).enumerate() {
            parts.push((horizon, i + 1, of, chunk.to_vec()));
        }
    }
    parts
}

/// A difference with its sign: `+1.200 €`, `-300 €`; one that rounds to zero is `0 €`.
fn signed(tr: &I18n, m: Money) -> String {
    let shown = tr.money_whole(m);
    if m.0 >= 50 { format!("+{shown}") } else { shown }
}

fn figures_row(tr: &I18n, name: &str, f: &crate::model::Figures) -> Vec<Cell> {
    vec![
        cell(name),
        cell(f.total.to_string()),
        cell(f.done.to_string()),
        cell(tr.percent(f.progress)),
        cell(tr.money_whole(f.planned_one_off)),
        cell(tr.money_whole(f.planned_yearly)),
        cell(tr.money_whole(f.spent)),
    ]
}

fn money_row(tr: &I18n, name: String, one_off: Money, yearly: Money, spent: Money) -> Vec<Cell> {
    vec![
        cell(name),
        cell(tr.money_whole(one_off)),
        cell(tr.money_whole(yearly)),
        cell(tr.money_whole(spent)),
    ]
}

fn measure_row(roadmap: &Roadmap, m: &Measure, today: NaiveDate, tr: &I18n) -> Vec<Cell> {
    let health = schedule_health(m, today);
    let due = cell(tr.date(m.due));
    let due = if health == Health::Overdue {
        cell(format!("{}\n{}", tr.date(m.due), tr.t("health-overdue"))).color(danger()).bold()
    } else {
        due
    };
    let next = cell(tr.opt_date(m.next_reevaluation));
    let next = match m.next_reevaluation {
        Some(date) if date < today && m.status != Status::Cancelled => next.color(danger()).bold(),
        _ => next,
    };
    vec![
        cell(m.code.clone()).bold(),
        cell(m.title.clone()),
        cell(roadmap.owner_name(m)),
        cell(tr.t(&format!("status-{}", m.status.as_str()))),
        cell(tr.percent(m.progress)),
        due,
        next,
    ]
}

/// Draws the timeline picture into `size` points at the flow's position.
fn timeline(
    flow: &mut Flow<'_>,
    roadmap: &Roadmap,
    today: NaiveDate,
    (width, height): (f32, f32),
) -> Result<(), ReportError> {
    let natural = crate::export::timeline_natural_height(roadmap, today);
    let options = PictureOptions {
        width: (width * PX_PER_PT).round() as u32,
        height: (height * PX_PER_PT).min(natural).round().max(200.0) as u32,
        dependencies: false,
    };
    let tree = timeline_svg(roadmap, today, flow.tr, options)
        .and_then(|svg| crate::export::picture::parse_svg(&svg))
        .map_err(|e| ReportError::Picture(e.to_string()))?;
    let scale = width / tree.size().width();
    super::svg::draw(&mut flow.doc, &tree, (MARGIN_X, flow.y), scale);
    flow.y += tree.size().height() * scale;
    Ok(())
}

/// The cover: town, roadmap, date, key figures and the contents.
fn cover(
    flow: &mut Flow<'_>,
    roadmap: &Roadmap,
    today: NaiveDate,
    d: &crate::model::Dashboard,
    options: &ReportOptions,
) {
    let tr = flow.tr;
    flow.doc.select(0);
    let (w, _) = A4;
    let width = w - 2.0 * MARGIN_X;
    flow.doc.fill_rect(0.0, 0.0, w, 10.0, ACCENT);
    let mut y = 150.0;
    flow.doc.text(&tr.t("report-title"), (MARGIN_X, y), 13.0, Face::Regular, ACCENT, Align::Left);
    y += 40.0;
    for line in flow.doc.fonts.wrap(&roadmap.info.town, Face::Bold, 30.0, width) {
        flow.doc.text(&line, (MARGIN_X, y), 30.0, Face::Bold, TEXT, Align::Left);
        y += 36.0;
    }
    for line in flow.doc.fonts.wrap(&roadmap.info.name, Face::Regular, 19.0, width) {
        flow.doc.text(&line, (MARGIN_X, y), 19.0, Face::Regular, TEXT, Align::Left);
        y += 25.0;
    }
    y += 8.0;
    let as_of = tr.f("report-as-of", &[("date", &tr.date(today))]);
    flow.doc.text(&as_of, (MARGIN_X, y), 12.0, Face::Regular, MUTED, Align::Left);
    y += 50.0;

    // Key figures in four boxes.
    let overdue = d.overdue.len();
    let figures = [
        (d.total.total.to_string(), tr.t("report-measures"), TEXT),
        (d.total.done.to_string(), tr.t("status-done"), TEXT),
        (overdue.to_string(), tr.t("health-overdue"), if overdue > 0 { danger() } else { TEXT }),
        (tr.money_whole(d.total.spent), tr.t("field-spent"), TEXT),
    ];
    let gap = 10.0;
    let box_w = (width - 3.0 * gap) / 4.0;
    for (i, (value, label, color)) in figures.iter().enumerate() {
        let x = MARGIN_X + i as f32 * (box_w + gap);
        flow.doc.fill_rect(x, y, box_w, 64.0, HEADER_FILL);
        let size =
            if flow.doc.fonts.width(value, Face::Bold, 22.0) > box_w - 16.0 { 15.0 } else { 22.0 };
        flow.doc.text(value, (x + 10.0, y + 32.0), size, Face::Bold, *color, Align::Left);
        flow.doc.text(label, (x + 10.0, y + 52.0), 9.0, Face::Regular, MUTED, Align::Left);
    }
    y += 100.0;

    // Contents.
    flow.doc.text(&tr.t("report-contents"), (MARGIN_X, y), 12.0, Face::Bold, TEXT, Align::Left);
    y += 20.0;
    let sections = flow.sections.clone();
    for (title, page) in &sections {
        flow.doc.text(title, (MARGIN_X, y), 10.5, Face::Regular, TEXT, Align::Left);
        let number = (page + 1).to_string();
        flow.doc.text(&number, (MARGIN_X + width, y), 10.5, Face::Regular, TEXT, Align::Right);
        flow.doc.line((MARGIN_X, y + 5.0), (MARGIN_X + width, y + 5.0), 0.4, RULE);
        y += 19.0;
    }
    let made = tr.f("report-made", &[("file", &options.file_name), ("date", &tr.date(today))]);
    let bottom = A4.1 - BOTTOM;
    for (n, line) in flow.doc.fonts.wrap(&made, Face::Regular, 8.5, width).iter().enumerate() {
        flow.doc.text(
            line,
            (MARGIN_X, bottom + n as f32 * 11.0),
            8.5,
            Face::Regular,
            MUTED,
            Align::Left,
        );
    }
}

/// File name, date and "page n of m" on every page after the cover.
fn footers(flow: &mut Flow<'_>, today: NaiveDate, options: &ReportOptions) {
    let tr = flow.tr;
    let count = flow.doc.pages.len();
    for index in 1..count {
        flow.doc.select(index);
        let (w, h) = flow.page_size();
        let baseline = h - 32.0;
        flow.doc.line((MARGIN_X, baseline - 12.0), (w - MARGIN_X, baseline - 12.0), 0.5, RULE);
        let page = tr
            .f("report-page", &[("page", &(index + 1).to_string()), ("pages", &count.to_string())]);
        let page_width = flow.doc.fonts.width(&page, Face::Regular, 8.0);
        let left =
            tr.f("report-footer", &[("file", &options.file_name), ("date", &tr.date(today))]);
        // The file name may be long: shorten it to the room left of the page number.
        let room = w - 2.0 * MARGIN_X - page_width - 20.0;
        let chars: Vec<char> = left.chars().collect();
        let mut left_text = left.clone();
        let mut skip = 0;
        while flow.doc.fonts.width(&left_text, Face::Regular, 8.0) > room && skip + 4 < chars.len()
        {
            skip += 1;
            left_text = std::iter::once('…').chain(chars[skip..].iter().copied()).collect();
        }
        flow.doc.text(&left_text, (MARGIN_X, baseline), 8.0, Face::Regular, MUTED, Align::Left);
        flow.doc.text(&page, (w - MARGIN_X, baseline), 8.0, Face::Regular, MUTED, Align::Right);
    }
}
