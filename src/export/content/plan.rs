//! The report's sections on what the council approved and what it costs: the deviations from
//! the latest baseline and the multi-year financial plan.

use chrono::Datelike;

use super::{Align, Cell, Context, Sink, Tone, cell, col};
use crate::layout::fonts::Face;
use crate::model::{DeviationKind, FinanceYear, Money, deviations, finance_plan};

/// An amount with its sign; nothing for no change.
fn delta(tr: &crate::i18n::I18n, money: Money) -> String {
    if money == Money::ZERO { String::new() } else { crate::i18n::signed_money(tr, money) }
}

/// "Abweichungen vom Beschluss vom 10.12.2026": every measure whose plan moved since the latest
/// baseline (dates in days, one-off cost up or down, added and removed), with the totals. No
/// section without a baseline.
pub fn deviations_section(flow: &mut dyn Sink, cx: &Context<'_>) {
    let Some(baseline) = cx.roadmap.latest_baseline() else { return };
    let tr = cx.tr;
    let d = deviations(baseline, cx.roadmap);
    let title = tr.f("deviations-heading", &[("date", &tr.date(d.date)), ("title", &d.title)]);
    flow.section(&title, 80.0);
    if d.measures.is_empty() {
        flow.paragraph(&tr.t("cli-deviations-none"), Face::Regular, Tone::Muted);
    }
    let mut rows: Vec<(Vec<Cell>, bool)> = d
        .measures
        .iter()
        .map(|m| {
            let (then, now) = (m.then.as_ref(), m.now.as_ref());
            let what = match m.change {
                DeviationKind::Added => tr.t("deviation-added"),
                DeviationKind::Removed => tr.t("deviation-removed"),
                DeviationKind::Changed => m
                    .fields
                    .iter()
                    .filter(|f| !matches!(**f, "due" | "planned_one_off"))
                    .map(|f| tr.t(&format!("deviation-field-{f}")))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let slip =
                m.slip_days().filter(|d| *d != 0).map(|d| format!("{d:+}")).unwrap_or_default();
            (
                vec![
                    cell(m.code.clone()).bold(),
                    cell(m.title.clone()),
                    cell(then.map(|t| tr.date(t.due)).unwrap_or_default()),
                    cell(now.map(|n| tr.date(n.due)).unwrap_or_default()),
                    cell(slip),
                    cell(delta(tr, m.one_off_delta())),
                    cell(what),
                ],
                false,
            )
        })
        .collect();
    let t = &d.totals;
    rows.push((
        vec![
            cell(tr.t("summary-total")),
            cell(tr.f(
                "report-deviation-totals",
                &[
                    ("old", &tr.money_whole(t.planned_one_off_baseline)),
                    ("new", &tr.money_whole(t.planned_one_off)),
                ],
            )),
            cell(String::new()),
            cell(String::new()),
            cell(String::new()),
            cell(delta(tr, t.planned_one_off.saturating_sub(t.planned_one_off_baseline))),
            cell(String::new()),
        ],
        true,
    ));
    flow.table(
        &[
            col(tr.t("col-code"), 34.0, Align::Left),
            col(tr.t("col-title"), 0.0, Align::Left),
            col(tr.t("report-due-approved"), 62.0, Align::Right),
            col(tr.t("report-due-now"), 62.0, Align::Right),
            col(tr.t("report-slip-days"), 40.0, Align::Right),
            col(tr.t("finance-one-off"), 70.0, Align::Right),
            col(tr.t("report-also-changed"), 80.0, Align::Left),
        ],
        &rows,
    );
}

/// "Finanzplanung": five budget years from the current one, the figures as rows, then the own
/// share of each measure per year.
pub fn finance_section(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let plan = finance_plan(cx.roadmap, cx.today.year(), 5, cx.today);
    flow.section(&tr.t("tab-finance"), 80.0);
    flow.paragraph(&tr.t("finance-note"), Face::Regular, Tone::Muted);
    let years = |first: String| {
        let mut cols = vec![col(first, 0.0, Align::Left)];
        cols.extend(plan.years.iter().map(|y| col(y.year.to_string(), 68.0, Align::Right)));
        cols
    };
    let cols = years(tr.t("finance-figure"));
    type Figure = fn(&FinanceYear) -> Money;
    let figures: [(&str, Figure, bool); 4] = [
        ("finance-one-off", |y| y.one_off, false),
        ("finance-running", |y| y.running, false),
        ("finance-funding", |y| y.funding, false),
        ("finance-own-share", |y| y.own_share, true),
    ];
    let mut rows: Vec<(Vec<Cell>, bool)> = figures
        .iter()
        .map(|(key, figure, total)| {
            let mut row = vec![cell(tr.t(key))];
            row.extend(plan.years.iter().map(|y| cell(tr.money_whole(figure(y)))));
            (row, *total)
        })
        .collect();
    let mut staff = vec![cell(tr.t("finance-staff-days"))];
    staff.extend(plan.years.iter().map(|y| cell(y.staff_days.to_string())));
    rows.push((staff, false));
    flow.table(&cols, &rows);
    flow.subheading(&tr.t("report-finance-measures"), 40.0);
    let lines: Vec<(Vec<Cell>, bool)> = plan
        .lines
        .iter()
        .map(|l| {
            let mut row = vec![cell(format!("{} {}", l.code, l.title))];
            row.extend(l.years.iter().map(|y| cell(tr.money_whole(y.own_share))));
            (row, false)
        })
        .collect();
    flow.table(&years(tr.t("col-title")), &lines);
}

/// A checksum in four groups of 16 digits, so that a printed table can break it and a reader
/// can compare it group by group.
fn grouped(sha: &str) -> String {
    sha.as_bytes()
        .chunks(16)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Nachweise": per measure, each file by name, size and SHA-256 (so a copy handed to an
/// auditor can be checked against the report) and each link by its address. No section while
/// there is no evidence, and none in the published (website) report.
pub fn evidence_section(flow: &mut dyn Sink, cx: &Context<'_>) {
    let tr = cx.tr;
    let evidence = &cx.roadmap.evidence;
    if evidence.is_empty() || flow.is_public() {
        return;
    }
    flow.section(&tr.t("evidence-heading"), 80.0);
    flow.paragraph(&tr.t("report-evidence-note"), Face::Regular, Tone::Muted);
    let rows: Vec<(Vec<Cell>, bool)> = evidence
        .iter()
        .map(|e| {
            let mut name = e.name.clone();
            if !e.note.is_empty() {
                name = format!("{name} – {}", e.note);
            }
            let size = e.size.map_or_else(|| tr.t("evidence-link"), |s| tr.size(s));
            (
                vec![
                    cell(e.code.clone()).bold(),
                    cell(name),
                    cell(size),
                    cell(format!("{}, {}", tr.date(e.added_at.date()), e.added_by)),
                    cell(e.sha256.as_deref().map(grouped).unwrap_or_default()),
                ],
                false,
            )
        })
        .collect();
    flow.table(
        &[
            col(tr.t("col-code"), 34.0, Align::Left),
            col(tr.t("evidence-col-name"), 0.0, Align::Left),
            col(tr.t("evidence-col-size"), 52.0, Align::Right),
            col(tr.t("evidence-col-added"), 90.0, Align::Left),
            col("SHA-256".to_owned(), 150.0, Align::Left),
        ],
        &rows,
    );
}
