//! The report's section "Bewertung": the fulfilment degree per catalogue and group, first
//! against latest round, the gaps no active measure works on, and what is to be assessed again.

use super::{Align, Cell, Context, Row, Sink, Tone, cell, col};
use crate::layout::fonts::Face;

fn percent(degree: Option<u8>) -> String {
    degree.map_or_else(|| "–".to_owned(), |d| format!("{d} %"))
}

/// The change between two degrees in percentage points ("+45"), or a dash.
fn points(a: Option<u8>, b: Option<u8>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{:+}", i16::from(b) - i16::from(a)),
        _ => "–".to_owned(),
    }
}

/// The section; nothing without an assessment round.
pub fn assessment_section(flow: &mut dyn Sink, cx: &Context<'_>) {
    let (tr, a) = (cx.tr, &cx.roadmap.assessment);
    if a.rounds.is_empty() {
        return;
    }
    flow.section(&tr.t("report-assessment"), 120.0);
    let rounds: Vec<String> = a
        .rounds_in_order()
        .iter()
        .map(|r| {
            let by = if r.by.is_empty() { String::new() } else { format!(", {}", r.by) };
            format!("{} ({}{by}; {})", r.title, tr.date(r.date), r.catalogs.join(", "))
        })
        .collect();
    flow.paragraph(
        &tr.f("report-assessment-rounds", &[("rounds", &rounds.join(" · "))]),
        Face::Regular,
        Tone::Text,
    );
    flow.paragraph(&tr.t("assess-rule"), Face::Regular, Tone::Muted);
    // Each catalogue in its own first and latest round.
    for catalog in &a.catalogs {
        let Some((first, latest)) = a.first_and_latest_of(&catalog.name) else { continue };
        let tally =
            |r: &crate::model::Round| a.tallies(r).into_iter().find(|t| t.name == catalog.name);
        let Some(after) = tally(latest) else { continue };
        let before = if first.title == latest.title { None } else { tally(first) };
        catalog_table(flow, cx, (&after, before.as_ref()), (first, latest));
    }
    gaps(flow, cx);
}

fn catalog_table(
    flow: &mut dyn Sink,
    cx: &Context<'_>,
    (after, before): (&crate::model::CatalogTally, Option<&crate::model::CatalogTally>),
    (first, latest): (&crate::model::Round, &crate::model::Round),
) {
    let tr = cx.tr;
    let headline = match before {
        Some(b) => format!(
            "{}: {} → {}",
            after.name,
            percent(b.tally.degree()),
            percent(after.tally.degree())
        ),
        None => format!("{}: {}", after.name, percent(after.tally.degree())),
    };
    flow.subheading(&headline, 60.0);
    let mut rows: Vec<Row> = after
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let earlier = before.and_then(|b| b.groups.get(i)).and_then(|b| b.tally.degree());
            let title = if g.id.is_empty() { tr.t("assess-ungrouped") } else { g.title.clone() };
            (
                vec![
                    cell(title),
                    cell(percent(earlier)),
                    cell(percent(g.tally.degree())).bold(),
                    cell(points(earlier, g.tally.degree())),
                ],
                false,
            )
        })
        .collect();
    let earlier = before.and_then(|b| b.tally.degree());
    rows.push((
        vec![
            cell(tr.t("summary-total")).bold(),
            cell(percent(earlier)).bold(),
            cell(percent(after.tally.degree())).bold(),
            cell(points(earlier, after.tally.degree())).bold(),
        ],
        true,
    ));
    let first_title = if before.is_some() { tr.date(first.date) } else { "–".to_owned() };
    flow.table(
        &[
            col(tr.t("col-group"), 0.0, Align::Left),
            col(first_title, 64.0, Align::Right),
            col(tr.date(latest.date), 64.0, Align::Right),
            col(tr.t("report-points"), 64.0, Align::Right),
        ],
        &rows,
    );
}

fn gaps(flow: &mut dyn Sink, cx: &Context<'_>) {
    let (tr, a) = (cx.tr, &cx.roadmap.assessment);
    let gaps = a.latest_gaps(cx.roadmap);
    flow.subheading(&tr.f("report-gaps", &[("n", &gaps.len())]), 40.0);
    if gaps.is_empty() {
        flow.paragraph(&tr.t("dashboard-none"), Face::Regular, Tone::Muted);
    } else {
        let rows: Vec<Row> = gaps
            .iter()
            .map(|g| {
                let measures: Cell = if g.measures.is_empty() {
                    cell(tr.t("gap-no-measure")).bold().tone(Tone::Danger)
                } else {
                    cell(tr.f("gap-done-measures", &[("codes", &g.measures.join(", "))]))
                };
                let title = if g.title == g.id { String::new() } else { g.title.clone() };
                (
                    vec![
                        cell(format!("{} {}", g.catalog, g.id)).bold(),
                        cell(title),
                        cell(tr.t(&format!("outcome-{}", g.result.as_str()))),
                        measures,
                    ],
                    false,
                )
            })
            .collect();
        flow.table(
            &[
                col(tr.t("col-requirement"), 150.0, Align::Left),
                col(tr.t("field-title"), 0.0, Align::Left),
                col(tr.t("col-result"), 80.0, Align::Left),
                col(tr.t("col-measures"), 120.0, Align::Left),
            ],
            &rows,
        );
    }
    let again = a.latest_to_reassess(cx.roadmap);
    if !again.is_empty() {
        flow.subheading(&tr.f("cli-to-reassess", &[("n", &again.len())]), 40.0);
        let rows: Vec<Row> = again
            .iter()
            .map(|t| {
                (
                    vec![
                        cell(format!("{} {}", t.catalog, t.id)).bold(),
                        cell(t.measures.join(", ")),
                    ],
                    false,
                )
            })
            .collect();
        flow.table(
            &[
                col(tr.t("col-requirement"), 0.0, Align::Left),
                col(tr.t("col-measures"), 160.0, Align::Left),
            ],
            &rows,
        );
    }
}
