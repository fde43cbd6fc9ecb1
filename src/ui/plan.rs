//! What the council approved and what it costs: the overview's card of deviations from the
//! latest baseline, and the "Finanzplanung" view (budget years as columns).

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::i18n::{deviation_text, signed_money};
use crate::model::{Deviations, FinancePlan, FinanceYear, Horizon, Money};

/// The overview's card: what differs from the latest baseline, or how to record one.
pub(super) fn deviations_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, deviations: Option<&Deviations>) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let Some(d) = deviations else {
        super::dashboard::card(ui, tokens, &tr.t("deviations-heading-none"), |ui| {
            super::widgets::muted(ui, tokens, tr.t("deviations-none-yet"));
        });
        return;
    };
    let title = tr.f("deviations-heading", &[("date", &tr.date(d.date)), ("title", &d.title)]);
    super::dashboard::card(ui, tokens, &title, |ui| {
        if d.measures.is_empty() {
            ui.label(tr.t("cli-deviations-none"));
        }
        // Wrapped lines rather than a grid: the card never makes the overview wider than the
        // window (1024 px included).
        for m in &d.measures {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&m.code).strong());
                ui.label(RichText::new(deviation_text(tr, m)).color(tokens.text_strong));
                super::widgets::muted(ui, tokens, format!("· {}", m.title));
            });
        }
        ui.add_space(tokens.space_s);
        let t = &d.totals;
        ui.label(tr.f(
            "deviations-totals",
            &[
                ("old", &tr.money_whole(t.planned_one_off_baseline)),
                ("new", &tr.money_whole(t.planned_one_off)),
                (
                    "delta",
                    &signed_money(tr, t.planned_one_off.saturating_sub(t.planned_one_off_baseline)),
                ),
            ],
        ));
    });
}

/// What the finance view is set to.
#[derive(Clone, Debug, Default)]
pub struct FinanceView {
    /// The first budget year shown (`None`: the current one).
    pub from: Option<i32>,
    /// The plan for the data generation, first year and count it was made for.
    cache: Option<((u64, i32), FinancePlan)>,
}

/// The years shown: five, as § 85 GemO asks.
const YEARS: u32 = 5;

/// The "Finanzplanung" view: the totals per budget year, and per horizon the measures' own share
/// per year (folded).
pub(super) fn finance_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut FinanceView, generation: u64) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let this_year = chrono::Datelike::year(&ctx.today);
    let mut from = view.from.unwrap_or(this_year);
    ui.horizontal(|ui| {
        let label = ui.label(tr.t("finance-from"));
        ui.add(egui::DragValue::new(&mut from).range(1900..=2196)).labelled_by(label.id);
        if ui.button(tr.t("finance-this-year")).clicked() {
            from = this_year;
        }
    });
    view.from = (from != this_year).then_some(from);
    let key = (generation, from);
    if view.cache.as_ref().is_none_or(|(k, _)| *k != key) {
        view.cache = Some((key, crate::model::finance_plan(ctx.roadmap, from, YEARS, ctx.today)));
    }
    let Some((_, plan)) = &view.cache else { return };
    ui.add_space(tokens.space_s);
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        totals_grid(ui, ctx, plan);
        ui.add_space(tokens.space_m);
        for &horizon in Horizon::ALL {
            let lines: Vec<_> = plan.lines.iter().filter(|l| l.horizon == horizon).collect();
            if lines.is_empty() {
                continue;
            }
            // The overview counts the horizon's measures in the plan; here only those with a
            // figure in these years have a line: the heading says both, in one pair of brackets.
            let all =
                ctx.roadmap.measures.iter().filter(|m| m.horizon == horizon && !m.archived).count();
            let years = format!(
                "{}–{}",
                plan.years.first().map_or(from, |y| y.year),
                plan.years.last().map_or(from, |y| y.year)
            );
            let heading = tr.f(
                "finance-horizon",
                &[
                    ("horizon", &tr.t(&format!("horizon-{horizon}-long"))),
                    ("n", &lines.len()),
                    ("all", &all),
                    ("years", &years),
                ],
            );
            egui::CollapsingHeader::new(RichText::new(heading).strong())
                .id_salt(("finance", horizon.as_str()))
                .show(ui, |ui| {
                    egui::Grid::new(("finance-lines", horizon.as_str()))
                        .num_columns(plan.years.len() + 1)
                        .spacing([24.0, 6.0])
                        .striped(true)
                        .show(ui, |ui| {
                            year_header(ui, ctx, plan);
                            for line in lines {
                                ui.label(format!("{}  {}", line.code, line.title));
                                for y in &line.years {
                                    amount_cell(ui, ctx, y.own_share, false)
                                        .on_hover_text(breakdown(ctx, y));
                                }
                                ui.end_row();
                            }
                        });
                });
        }
        ui.add_space(tokens.space_s);
        super::widgets::muted(ui, tokens, tr.t("finance-note"));
    });
}

/// The width of a year's column.
const YEAR_WIDTH: f32 = 120.0;

/// A right-aligned cell of a year's column.
fn number_cell(ui: &mut Ui, text: RichText) -> egui::Response {
    let size = egui::vec2(YEAR_WIDTH, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text)
    })
    .inner
}

fn year_header(ui: &mut Ui, ctx: &ViewCtx<'_>, plan: &FinancePlan) {
    ui.label("");
    for y in &plan.years {
        number_cell(ui, RichText::new(y.year.to_string()).strong().color(ctx.tokens.text_strong));
    }
    ui.end_row();
}

fn amount_cell(ui: &mut Ui, ctx: &ViewCtx<'_>, money: Money, strong: bool) -> egui::Response {
    let text = RichText::new(ctx.tr.money_whole(money));
    number_cell(ui, if strong { text.strong() } else { text })
}

fn breakdown(ctx: &ViewCtx<'_>, y: &FinanceYear) -> String {
    let tr = ctx.tr;
    format!(
        "{}: {}\n{}: {}\n{}: {}\n{}: {}",
        tr.t("finance-one-off"),
        tr.money(y.one_off),
        tr.t("finance-running"),
        tr.money(y.running),
        tr.t("finance-funding"),
        tr.money(y.funding),
        tr.t("finance-staff-days"),
        y.staff_days
    )
}

/// The totals: one row per figure, one column per year.
fn totals_grid(ui: &mut Ui, ctx: &ViewCtx<'_>, plan: &FinancePlan) {
    let tr = ctx.tr;
    egui::Grid::new("finance-totals")
        .num_columns(plan.years.len() + 1)
        .spacing([24.0, 8.0])
        .striped(true)
        .show(ui, |ui| {
            year_header(ui, ctx, plan);
            type Figure = fn(&FinanceYear) -> Money;
            let rows: [(&str, Figure, bool); 4] = [
                ("finance-one-off", |y| y.one_off, false),
                ("finance-running", |y| y.running, false),
                ("finance-funding", |y| y.funding, false),
                ("finance-own-share", |y| y.own_share, true),
            ];
            for (key, figure, strong) in rows {
                let label = RichText::new(tr.t(key));
                ui.label(if strong { label.strong() } else { label });
                for y in &plan.years {
                    amount_cell(ui, ctx, figure(y), strong);
                }
                ui.end_row();
            }
            ui.label(tr.t("finance-staff-days"));
            for y in &plan.years {
                number_cell(ui, RichText::new(y.staff_days.to_string()));
            }
            ui.end_row();
        });
}
