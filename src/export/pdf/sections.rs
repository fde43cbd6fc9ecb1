//! The sections of the council report, each drawn into the flow in turn: summary, timeline pages,
//! one table per horizon, money, re-evaluations and the changes since a date; then the cover with
//! the contents and the footers, once the number of pages is known.

use chrono::NaiveDate;

use super::doc::{A4, Align, Style};
use super::fonts::Face;
use super::report::{
    ACCENT, BOTTOM, Cell, Col, Flow, HEADER_FILL, MARGIN_X, MUTED, RULE, TEXT, cell, col, danger,
    timeline_parts,
};
use super::tags::Role;
use super::{ReportError, ReportOptions};
use crate::export::{PictureOptions, timeline_svg};
use crate::i18n::I18n;
use crate::model::{
    Change, Dashboard, Figures, Health, Horizon, Measure, Money, Roadmap, Status, changes_since,
    schedule_health,
};

/// Pixels of the timeline picture per point: its 13-pixel labels print at about 8 points. A
/// picture that needs less than the room keeps that size (shorter) instead of being enlarged.
const PX_PER_PT: f32 = 1.6;

/// What the sections draw from, besides the flow.
pub(super) struct Context<'a> {
    /// The roadmap reported on.
    pub(super) roadmap: &'a Roadmap,
    /// The history of changes, for the changes since a date.
    pub(super) history: &'a [Change],
    /// The date the report is made as of.
    pub(super) today: NaiveDate,
    /// What the report contains besides the fixed sections.
    pub(super) options: &'a ReportOptions,
    /// The overview's figures as of `today`.
    pub(super) d: Dashboard,
    /// The measures that are not archived.
    pub(super) active: Vec<&'a Measure>,
}

/// The items with their numbers: `done 3 · planned 5`.
fn counts(items: Vec<(String, usize)>) -> String {
    items.into_iter().map(|(w, n)| format!("{w} {n}")).collect::<Vec<_>>().join(" · ")
}

/// Summary: the figures per horizon, the measures by health and by status.
pub(super) fn summary(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let d = &cx.d;
    flow.new_page(A4);
    flow.section(&tr.t("report-summary"), 80.0);
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
}

/// The rows of a short list of measures: code, title, owner and `date`, in red when past.
fn short_rows(
    cx: &Context<'_>,
    tr: &I18n,
    codes: &[String],
    date: &dyn Fn(&Measure) -> Option<NaiveDate>,
) -> Vec<(Vec<Cell>, bool)> {
    codes
        .iter()
        .filter_map(|c| cx.roadmap.measure(c))
        .map(|m| {
            (
                vec![
                    cell(m.code.clone()).bold(),
                    cell(m.title.clone()),
                    cell(cx.roadmap.owner_name(m)),
                    match date(m) {
                        Some(d) if d < cx.today => cell(tr.date(d)).color(danger()).bold(),
                        other => cell(tr.opt_date(other)),
                    },
                ],
                false,
            )
        })
        .collect::<Vec<_>>()
}

/// The columns of a short list of measures, the date column titled `last`.
fn short_cols(tr: &I18n, last: String) -> [Col; 4] {
    [
        col(tr.t("col-code"), 34.0, Align::Left),
        col(tr.t("col-title"), 0.0, Align::Left),
        col(tr.t("col-owner"), 120.0, Align::Left),
        col(last, 70.0, Align::Left),
    ]
}

/// The end of the summary: the measures overdue and the re-evaluations due.
pub(super) fn summary_due(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let d = &cx.d;
    flow.subheading(&tr.f("dashboard-overdue", &[("n", &d.overdue.len())]), 30.0);
    if d.overdue.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        flow.table(
            &short_cols(tr, tr.t("col-due")),
            &short_rows(cx, tr, &d.overdue, &|m| Some(m.due)),
        );
    }
    let reevaluations: Vec<String> =
        d.reevaluations_overdue.iter().chain(&d.reevaluations_due).cloned().collect();
    flow.subheading(&tr.f("report-reevaluations-due", &[("n", &reevaluations.len())]), 30.0);
    if reevaluations.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        flow.table(
            &short_cols(tr, tr.t("col-next-reevaluation")),
            &short_rows(cx, tr, &reevaluations, &|m| m.next_reevaluation),
        );
    }
}

/// The timeline on landscape pages: all on one when it fits legibly, else by horizon in parts of
/// at most [`super::report::TIMELINE_ROWS`] measures, in the order of their start.
pub(super) fn timeline_pages(flow: &mut Flow<'_>, cx: &Context<'_>) -> Result<(), ReportError> {
    let tr = flow.tr;
    let (roadmap, today) = (cx.roadmap, cx.today);
    let landscape = (A4.1, A4.0);
    let parts = timeline_parts(&cx.active);
    let width = landscape.0 - 2.0 * MARGIN_X;
    for (n, super::report::TimelinePart { horizon, part, of, measures }) in parts.iter().enumerate()
    {
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
        timeline(flow, &part_roadmap, today, (width, height))?;
    }
    Ok(())
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
    let measures: Vec<&Measure> = roadmap.measures.iter().collect();
    flow.doc.begin_figure(crate::export::timeline_description(&measures, today, flow.tr));
    super::svg::draw(&mut flow.doc, &tree, (MARGIN_X, flow.y), scale);
    let height = tree.size().height() * scale;
    flow.doc.end_figure((MARGIN_X, flow.y, width, height));
    flow.y += height;
    Ok(())
}

/// One table per horizon, from a new page.
pub(super) fn horizons(flow: &mut Flow<'_>, cx: &Context<'_>) {
    flow.new_page(A4);
    for horizon in [Horizon::Short, Horizon::Medium, Horizon::Long] {
        horizon_table(flow, cx, horizon);
    }
}

/// The section of one horizon: its figures and a table of its active measures.
fn horizon_table(flow: &mut Flow<'_>, cx: &Context<'_>, horizon: Horizon) {
    let tr = flow.tr;
    let measures: Vec<&Measure> =
        cx.active.iter().copied().filter(|m| m.horizon == horizon).collect();
    let title = tr.t(&format!("horizon-{}-long", horizon.as_str()));
    flow.section(&title, 60.0);
    if let Some((_, f)) = cx.d.horizons.iter().find(|(h, _)| *h == horizon) {
        flow.paragraph(
            &tr.f(
                "report-horizon-figures",
                &[
                    ("n", &f.total),
                    ("done", &f.done),
                    ("progress", &tr.percent(f.progress)),
                    ("spent", &tr.money_whole(f.spent)),
                ],
            ),
            Face::Regular,
            MUTED,
        );
    }
    if measures.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
        return;
    }
    let rows: Vec<(Vec<Cell>, bool)> =
        measures.iter().map(|m| (measure_row(cx.roadmap, m, cx.today, tr), false)).collect();
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

/// Money, from a new page: planned and spent per horizon.
pub(super) fn money(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let d = &cx.d;
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
}

/// Money by year: planned, spent and their difference.
pub(super) fn money_by_year(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let d = &cx.d;
    let money = |m: Money| tr.money_whole(m);
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
}

/// The measures that spent more than planned to date.
pub(super) fn overruns(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let d = &cx.d;
    let money = |m: Money| tr.money_whole(m);
    flow.subheading(&tr.t("dashboard-overruns"), 40.0);
    if d.overruns.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, MUTED);
    } else {
        let rows: Vec<(Vec<Cell>, bool)> = d
            .overruns
            .iter()
            .map(|o| {
                let title =
                    cx.roadmap.measure(&o.code).map(|m| m.title.clone()).unwrap_or_default();
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
}

/// Re-evaluations: the verdicts, and per measure checked its interval, last and next check.
pub(super) fn reevaluations(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let (roadmap, today) = (cx.roadmap, cx.today);
    flow.section(&tr.t("section-reevaluations"), 80.0);
    flow.paragraph(
        &format!(
            "{}: {}",
            tr.t("dashboard-verdicts"),
            counts(
                cx.d.verdicts
                    .iter()
                    .map(|(v, n)| (tr.t(&format!("verdict-{}", v.as_str())), *n))
                    .collect()
            )
        ),
        Face::Regular,
        TEXT,
    );
    let mut checked: Vec<&Measure> = cx
        .active
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
}

/// The changes recorded since the date in the options, if one is given.
pub(super) fn changes(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let tr = flow.tr;
    let Some(since) = cx.options.since else {
        return;
    };
    let report = changes_since(cx.history, since, cx.options.seed_batch);
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

/// A difference with its sign: `+1.200 €`, `-300 €`; one that rounds to zero is `0 €`.
fn signed(tr: &I18n, m: Money) -> String {
    let shown = tr.money_whole(m);
    if m.0 >= 50 { format!("+{shown}") } else { shown }
}

/// A row of the summary table: `name` and its figures.
fn figures_row(tr: &I18n, name: &str, f: &Figures) -> Vec<Cell> {
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

/// A row of the money table: `name` with its planned and spent money.
fn money_row(tr: &I18n, name: String, one_off: Money, yearly: Money, spent: Money) -> Vec<Cell> {
    vec![
        cell(name),
        cell(tr.money_whole(one_off)),
        cell(tr.money_whole(yearly)),
        cell(tr.money_whole(spent)),
    ]
}

/// A row of a horizon's table; what is overdue in red.
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

/// The cover: town, roadmap, date, key figures and the contents.
pub(super) fn cover(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let (roadmap, today, d, options) = (cx.roadmap, cx.today, &cx.d, cx.options);
    let tr = flow.tr;
    flow.doc.select(0);
    let (w, _) = A4;
    let width = w - 2.0 * MARGIN_X;
    flow.doc.fill_rect(0.0, 0.0, w, 10.0, ACCENT);
    let mut y = 150.0;
    flow.doc.open(Role::P);
    flow.doc.text(&tr.t("report-title"), (MARGIN_X, y), 13.0, Face::Regular, ACCENT, Align::Left);
    flow.doc.close();
    y += 40.0;
    // The town above, then the roadmap's name: the document's one first-level heading.
    for (text, face, size, leading, role) in [
        (&roadmap.info.town, Face::Bold, 30.0, 36.0, Role::P),
        (&roadmap.info.name, Face::Regular, 19.0, 25.0, Role::H(1)),
    ] {
        let lines = flow.doc.wrap(text, face, size, width);
        let style = Style { size, face, color: TEXT, align: Align::Left };
        flow.doc.open(role);
        flow.doc.lines(&lines, (MARGIN_X, y), leading, style);
        flow.doc.close();
        y += leading * lines.len() as f32;
    }
    y += 8.0;
    let as_of = tr.f("report-as-of", &[("date", &tr.date(today))]);
    flow.doc.open(Role::P);
    flow.doc.text(&as_of, (MARGIN_X, y), 12.0, Face::Regular, MUTED, Align::Left);
    flow.doc.close();
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
    // Read as a list: "20 Maßnahmen", "3 erledigt" …
    flow.doc.open(Role::L);
    for (i, (value, label, color)) in figures.iter().enumerate() {
        let x = MARGIN_X + i as f32 * (box_w + gap);
        flow.doc.fill_rect(x, y, box_w, 64.0, HEADER_FILL);
        let size =
            if flow.doc.fonts.width(value, Face::Bold, 22.0) > box_w - 16.0 { 15.0 } else { 22.0 };
        flow.doc.open(Role::LI);
        flow.doc.open(Role::LBody);
        flow.doc.text(value, (x + 10.0, y + 32.0), size, Face::Bold, *color, Align::Left);
        flow.doc.text(label, (x + 10.0, y + 52.0), 9.0, Face::Regular, MUTED, Align::Left);
        flow.doc.close();
        flow.doc.close();
    }
    flow.doc.close();
    y += 100.0;

    // Contents.
    flow.doc.open(Role::H(2));
    flow.doc.text(&tr.t("report-contents"), (MARGIN_X, y), 12.0, Face::Bold, TEXT, Align::Left);
    flow.doc.close();
    y += 20.0;
    let sections = flow.sections.clone();
    flow.doc.open(Role::Toc);
    for mark in &sections {
        flow.doc.open(Role::TocI);
        flow.doc.text(&mark.title, (MARGIN_X, y), 10.5, Face::Regular, TEXT, Align::Left);
        let number = (mark.page + 1).to_string();
        flow.doc.text(&number, (MARGIN_X + width, y), 10.5, Face::Regular, TEXT, Align::Right);
        flow.doc.close();
        flow.doc.line((MARGIN_X, y + 5.0), (MARGIN_X + width, y + 5.0), 0.4, RULE);
        y += 19.0;
    }
    flow.doc.close();
    let made = tr.f("report-made", &[("file", &options.file_name), ("date", &tr.date(today))]);
    let bottom = A4.1 - BOTTOM;
    let lines = flow.doc.wrap(&made, Face::Regular, 8.5, width);
    let style = Style { size: 8.5, face: Face::Regular, color: MUTED, align: Align::Left };
    flow.doc.open(Role::P);
    flow.doc.lines(&lines, (MARGIN_X, bottom), 11.0, style);
    flow.doc.close();
}

/// File name, date and "page n of m" on every page after the cover: artifacts (drawn outside
/// any structure element), not read out.
pub(super) fn footers(flow: &mut Flow<'_>, cx: &Context<'_>) {
    let (today, options) = (cx.today, cx.options);
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
