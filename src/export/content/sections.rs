//! The report's sections, the same in every medium (PDF, HTML): summary, the measures overdue
//! and the re-evaluations due, one table per horizon, money, re-evaluations and the changes since
//! a date, each written into a [`Sink`] as headings, paragraphs and tables.

use chrono::NaiveDate;

use super::{Align, Cell, Col, Context, Sink, Tone, cell, col};
use crate::i18n::I18n;
use crate::layout::fonts::Face;
use crate::model::{
    Figures, Health, Horizon, Measure, Money, Roadmap, Status, changes_since, schedule_health,
};

/// The items with their numbers: `done 3 · planned 5`.
fn counts(items: Vec<(String, usize)>) -> String {
    items.into_iter().map(|(w, n)| format!("{w} {n}")).collect::<Vec<_>>().join(" · ")
}

/// Summary: the figures per horizon, the measures by health and by status.
pub fn summary(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let d = &cx.d;
    flow.page_break();
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
            col(tr.t("dashboard-planned-to-date"), 74.0, Align::Right),
            col(tr.t("field-spent"), 74.0, Align::Right),
            col(tr.t("money-deviation"), 92.0, Align::Right),
        ],
        &rows,
    );
    flow.paragraph(&money_note(tr, &d.total), Face::Regular, Tone::Muted);
    flow.subheading(&tr.t("col-health"), 14.0);
    flow.paragraph(
        &counts(
            d.by_health
                .iter()
                .map(|(h, n)| (tr.t(&format!("health-{}", h.as_str())), *n))
                .collect(),
        ),
        Face::Regular,
        Tone::Text,
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
        Tone::Text,
    );
}

/// A date that has passed: in the warning tone and bold, with the word beneath (colour is never
/// the only sign).
fn overdue(tr: &I18n, date: NaiveDate) -> Cell {
    cell(format!("{}\n{}", tr.date(date), tr.t("health-overdue"))).tone(Tone::Danger).bold()
}

/// The rows of a short list of measures: code, title, owner and `date`, marked when past.
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
                        Some(d) if d < cx.today => overdue(tr, d),
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
pub fn summary_due(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let d = &cx.d;
    flow.subheading(&tr.f("dashboard-overdue", &[("n", &d.overdue.len())]), 30.0);
    if d.overdue.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, Tone::Muted);
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
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, Tone::Muted);
    } else {
        flow.table(
            &short_cols(tr, tr.t("col-next-reevaluation")),
            &short_rows(cx, tr, &reevaluations, &|m| m.next_reevaluation),
        );
    }
}

/// One table per horizon, from a new page.
pub fn horizons(flow: &mut dyn Sink, cx: &Context<'_>) {
    flow.page_break();
    for horizon in [Horizon::Short, Horizon::Medium, Horizon::Long] {
        horizon_table(flow, cx, horizon);
    }
}

/// The section of one horizon: its figures and a table of its active measures.
fn horizon_table(flow: &mut dyn Sink, cx: &Context<'_>, horizon: Horizon) {
    let tr = cx.tr;
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
            Tone::Muted,
        );
    }
    if measures.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, Tone::Muted);
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
    flow.gap(6.0);
}

/// The period the money figures cover and the rule of the plan to date, one sentence.
fn money_note(tr: &I18n, total: &Figures) -> String {
    let since = crate::i18n::money_since(tr, total.since);
    let rule = tr.t("report-money-rule");
    if since.is_empty() {
        rule
    } else {
        format!("{} ({since}). {rule}", tr.t("report-money-period"))
    }
}

/// Money, from a new page: per horizon spent against the plan to date, then the plan's terms.
pub fn money(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let d = &cx.d;
    flow.page_break();
    flow.section(&tr.t("slide-money"), 80.0);
    flow.subheading(&tr.t("report-money-horizons"), 40.0);
    // Money already spent never vanishes: archived measures keep a line of their own, and the
    // total includes it.
    let lines: Vec<(String, &Figures, bool)> = d
        .horizons
        .iter()
        .map(|(h, f)| (tr.t(&format!("horizon-{}-long", h.as_str())), f, false))
        .chain((d.archived.total > 0).then(|| (tr.t("label-archived"), &d.archived, false)))
        .chain([(tr.t("summary-total"), &d.total, true)])
        .collect();
    let rows: Vec<(Vec<Cell>, bool)> =
        lines.iter().map(|(name, f, total)| (money_row(tr, name.clone(), f), *total)).collect();
    flow.table(
        &[
            col(tr.t("col-horizon"), 0.0, Align::Left),
            col(tr.t("dashboard-planned-to-date"), 80.0, Align::Right),
            col(tr.t("field-spent"), 80.0, Align::Right),
            col(tr.t("money-deviation"), 96.0, Align::Right),
            col(tr.t("report-period"), 70.0, Align::Left),
        ],
        &rows,
    );
    flow.paragraph(&money_note(tr, &d.total), Face::Regular, Tone::Muted);
    // The terms of the plan: secondary, after the comparison.
    flow.subheading(&tr.t("report-plan-terms"), 40.0);
    let terms: Vec<(Vec<Cell>, bool)> = lines
        .iter()
        .map(|(name, f, total)| {
            (
                vec![
                    cell(name.clone()),
                    cell(tr.money_whole(f.planned_one_off)).tone(Tone::Muted),
                    cell(tr.money_whole(f.planned_yearly)).tone(Tone::Muted),
                ],
                *total,
            )
        })
        .collect();
    flow.table(
        &[
            col(tr.t("col-horizon"), 0.0, Align::Left),
            col(tr.t("field-one-off"), 95.0, Align::Right),
            col(tr.t("field-yearly"), 95.0, Align::Right),
        ],
        &terms,
    );
}

/// Money by year: planned, spent and their difference.
pub fn money_by_year(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let d = &cx.d;
    let money = |m: Money| tr.money_whole(m);
    flow.subheading(&tr.t("dashboard-money-by-year"), 40.0);
    flow.paragraph(&tr.t("report-money-year-note"), Face::Regular, Tone::Muted);
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
pub fn overruns(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let d = &cx.d;
    let money = |m: Money| tr.money_whole(m);
    flow.subheading(&tr.t("dashboard-overruns"), 40.0);
    if d.overruns.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, Tone::Muted);
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
pub fn reevaluations(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
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
        Tone::Text,
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
                Some(date) if date < today => overdue(tr, date),
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
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, Tone::Muted);
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
pub fn changes(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
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
        Tone::Text,
    );
    if !report.completed.is_empty() {
        flow.paragraph(
            &tr.f("dashboard-completed", &[("codes", &report.completed.join(", "))]),
            Face::Regular,
            Tone::Text,
        );
    }
    let rows: Vec<(Vec<Cell>, bool)> = report
        .entries
        .iter()
        .map(|(kind, c)| {
            let change = crate::i18n::change_text(tr, &c.field, c.old.as_deref(), c.new.as_deref());
            (
                vec![
                    cell(tr.date_time(c.at)),
                    cell(c.code.clone().unwrap_or_default()).bold(),
                    cell(tr.t(&format!("kind-{}", kind.as_str()))),
                    cell(change),
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
        cell(tr.money_whole(f.planned_to_date)),
        cell(tr.money_whole(f.spent)),
        deviation_cell(tr, f),
    ]
}

/// Spent minus planned to date with its percentage; more spent than planned in bold (red is
/// kept for what is overdue).
fn deviation_cell(tr: &I18n, f: &Figures) -> Cell {
    let shown = cell(crate::i18n::money_deviation(tr, f));
    if f.deviation().0 >= 50 { shown.bold() } else { shown }
}

/// A row of the money table: `name`, planned to date, spent, the deviation and the period.
fn money_row(tr: &I18n, name: String, f: &Figures) -> Vec<Cell> {
    vec![
        cell(name),
        cell(tr.money_whole(f.planned_to_date)),
        cell(tr.money_whole(f.spent)),
        deviation_cell(tr, f),
        cell(crate::i18n::money_since(tr, f.since)),
    ]
}

/// A row of a horizon's table; what is overdue in red.
fn measure_row(roadmap: &Roadmap, m: &Measure, today: NaiveDate, tr: &I18n) -> Vec<Cell> {
    let health = schedule_health(m, today);
    let due = cell(tr.date(m.due));
    let due = if health == Health::Overdue { overdue(tr, m.due) } else { due };
    let next = cell(tr.opt_date(m.next_reevaluation));
    let next = match m.next_reevaluation {
        Some(date) if date < today && m.status != Status::Cancelled => overdue(tr, date),
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
