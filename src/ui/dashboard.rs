//! The mayor's overview: progress per horizon, what is late and due, re-evaluations, where the
//! money went, and what changed since the last council meeting. All figures come from
//! [`crate::model::dashboard`] and [`crate::model::changes_since`]; this view only shows them.

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};

use super::theme::{Shape, Tokens, color};
use super::widgets::{mark_label, muted, progress_bar};
use super::{ViewCtx, ViewState};
use crate::app::Command;
use crate::i18n::{money_deviation, parse_date};
use crate::layout::palette;
use crate::model::{Change, Dashboard, Figures, SinceReport};

/// What the overview's "since" section is set to.
#[derive(Clone, Debug, Default)]
pub struct DashboardView {
    /// The "since" date as typed (empty: the last meeting).
    pub since: String,
    /// A new meeting: date as typed.
    pub meeting_date: String,
    /// A new meeting: title.
    pub meeting_title: String,
    /// A new meeting: also freeze the plan as its baseline (Beschlussstand).
    pub meeting_baseline: bool,
    /// The lists shown whole ("und 12 weitere" was clicked), by their key.
    pub expanded: std::collections::BTreeSet<&'static str>,
}

/// How many items a list of the overview shows before "und N weitere".
const LIST_PREVIEW: usize = 6;

/// A titled card on the surface colour, as wide as its column.
pub(super) fn card(ui: &mut Ui, tokens: &Tokens, title: &str, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new().fill(tokens.surface).corner_radius(6.0).inner_margin(tokens.space_m).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(title)
                    .font(tokens.bold_font(tokens.text_heading))
                    .color(tokens.text_strong),
            );
            ui.add_space(tokens.space_s);
            add(ui);
        },
    );
}

/// Progress and money of a horizon or of the total; the total names the archived measures'
/// spending it includes (money spent never vanishes from a figure).
fn figures_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, f: &Figures, archived: Option<&Figures>) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.label(
        RichText::new(tr.f("lane-done", &[("done", &f.done), ("total", &f.total)]))
            .size(tokens.text_title)
            .color(tokens.text_strong),
    );
    progress_bar(
        ui,
        tokens,
        f.progress,
        tr.f("dashboard-average", &[("p", &tr.percent(f.progress))]),
        ui.available_width(),
    );
    ui.add_space(tokens.space_s);
    // Like with like: what was spent against what the plan foresees up to today; the plan's
    // one-off and yearly terms follow, visibly secondary.
    egui::Grid::new(ui.next_auto_id()).num_columns(2).show(ui, |ui| {
        let deviation = money_deviation(tr, f);
        let over = f.deviation().cents() > 0;
        for (key, text, strong) in [
            ("dashboard-planned-to-date", tr.money_whole(f.planned_to_date), false),
            ("money-spent-to-date", tr.money_whole(f.spent), false),
            ("money-deviation", deviation, over),
        ] {
            muted(ui, tokens, tr.t(key));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let value = RichText::new(text).color(tokens.text_strong);
                ui.label(if strong { value.strong() } else { value });
            });
            ui.end_row();
        }
        if let Some(a) = archived.filter(|a| a.total > 0) {
            let detail = tr.f(
                "dashboard-archived-money",
                &[
                    ("n", &a.total),
                    ("spent", &tr.money_whole(a.spent)),
                    ("one_off", &tr.money_whole(a.planned_one_off)),
                ],
            );
            muted(ui, tokens, tr.t("dashboard-archived-spent")).on_hover_text(&detail);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(tr.money_whole(a.spent)).monospace().color(tokens.text_muted),
                )
                .on_hover_text(detail);
            });
            ui.end_row();
        }
    });
    let text = crate::i18n::money_terms(tr, f);
    ui.label(RichText::new(text).size(tokens.text_small).color(tokens.text_muted))
        .on_hover_text(tr.t("money-plan-terms-hint"));
}

/// A list of measures, each one click from its details: the first few, then "und N weitere"
/// to show the rest in place (no nested scroll area hides an item).
fn measure_links(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    view: &mut ViewState,
    (key, codes): (&'static str, &[String]),
    (detail, tone): (impl Fn(&str) -> Option<String>, Color32),
) {
    if codes.is_empty() {
        muted(ui, ctx.tokens, ctx.tr.t("dashboard-none"));
    }
    let expanded = view.dashboard.expanded.contains(key);
    let shown = if expanded { codes.len() } else { codes.len().min(LIST_PREVIEW) };
    for code in &codes[..shown] {
        let title = ctx.roadmap.measure(code).map_or("", |m| m.title.as_str());
        ui.horizontal_wrapped(|ui| {
            if ui.link(format!("{code}  {title}")).clicked() {
                view.selected = Some(code.clone());
                view.detail_hidden = false;
            }
            if let Some(text) = detail(code) {
                ui.label(RichText::new(text).color(tone));
            }
        });
    }
    if codes.len() > LIST_PREVIEW {
        let (text, expand) = if expanded {
            (ctx.tr.t("dashboard-show-fewer"), false)
        } else {
            (ctx.tr.f("dashboard-more", &[("n", &(codes.len() - shown))]), true)
        };
        if ui.link(text).clicked() {
            if expand {
                view.dashboard.expanded.insert(key);
            } else {
                view.dashboard.expanded.remove(key);
            }
        }
    }
}

/// The overview.
pub fn dashboard_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    view: &mut ViewState,
    d: &Dashboard,
    history: &[Change],
    seed_batch: Option<i64>,
    deviations: Option<&crate::model::Deviations>,
) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(tokens.space_s);
        ui.columns(4, |cols| figures_cards(cols, ctx, d));
        ui.add_space(tokens.space_m);
        // What the measures are for: the assessment's degrees, first against latest round.
        super::assess::overview_card(ui, ctx, view);
        ui.add_space(tokens.space_m);
        // What the council asks first: what moved since it approved the plan.
        super::plan::deviations_ui(ui, ctx, deviations);
        ui.add_space(tokens.space_m);
        ui.columns(3, |cols| {
            health_card(&mut cols[0], ctx, d);
            deadlines_card(&mut cols[1], ctx, view, d);
            reevaluations_card(&mut cols[2], ctx, view, d);
        });
        ui.add_space(tokens.space_m);
        ui.columns(2, |cols| {
            card(&mut cols[0], tokens, &tr.t("dashboard-money-by-year"), |ui| {
                money_chart_ui(ui, ctx, d);
            });
            overruns_card(&mut cols[1], ctx, view, d);
        });
        ui.add_space(tokens.space_m);
        ui.columns(2, |cols| {
            since_ui(&mut cols[0], ctx, view, history, seed_batch);
            latest_card(&mut cols[1], ctx, history, seed_batch);
        });
    });
}

/// One card per horizon (in the first columns) and the total (in the fourth).
fn figures_cards(cols: &mut [Ui], ctx: &ViewCtx<'_>, d: &Dashboard) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    for (i, (h, f)) in d.horizons.iter().enumerate() {
        card(&mut cols[i], tokens, &tr.t(&format!("horizon-{h}-long")), |ui| {
            figures_ui(ui, ctx, f, None);
        });
    }
    card(&mut cols[3], tokens, &tr.t("summary-total"), |ui| {
        figures_ui(ui, ctx, &d.total, Some(&d.archived));
    });
}

/// A mark with its word on the left and a count on the right.
fn count_row(ui: &mut Ui, tokens: &Tokens, mark: (Color32, Shape), text: &str, n: usize) {
    ui.horizontal(|ui| {
        mark_label(ui, tokens, mark, text);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(n.to_string()).strong());
        });
    });
}

/// How many measures are in each schedule health and in each status.
fn health_card(ui: &mut Ui, ctx: &ViewCtx<'_>, d: &Dashboard) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    card(ui, tokens, &tr.t("col-health"), |ui| {
        for (health, n) in &d.by_health {
            let text = tr.t(&format!("health-{}", health.as_str()));
            count_row(ui, tokens, tokens.health_mark(*health), &text, *n);
        }
        // Two groupings, each under its own heading: the dates, then the work's status.
        ui.separator();
        ui.label(RichText::new(tr.t("col-status")).strong().color(tokens.text_strong));
        for (status, n) in d.by_status.iter().filter(|(_, n)| *n > 0) {
            let text = tr.t(&format!("status-{status}"));
            count_row(ui, tokens, tokens.status_mark(*status), &text, *n);
        }
    });
}

/// The overdue measures with their due dates, and those due soon.
fn deadlines_card(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut ViewState, d: &Dashboard) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    card(ui, tokens, &tr.f("dashboard-overdue", &[("n", &d.overdue.len())]), |ui| {
        let due = |code: &str| {
            ctx.roadmap.measure(code).map(|m| tr.f("due-soon", &[("date", &tr.date(m.due))]))
        };
        measure_links(ui, ctx, view, ("overdue", &d.overdue), (due, tokens.danger));
        ui.add_space(tokens.space_s);
        ui.label(RichText::new(tr.f("dashboard-due-soon", &[("n", &d.due_soon.len())])).strong());
        measure_links(
            ui,
            ctx,
            view,
            ("due-soon", &d.due_soon),
            (|_: &str| None, tokens.text_muted),
        );
    });
}

/// Overdue and due re-evaluations, and how many measures got each verdict.
fn reevaluations_card(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut ViewState, d: &Dashboard) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    card(ui, tokens, &tr.t("section-reevaluations"), |ui| {
        let next = |code: &str| {
            ctx.roadmap.measure(code).and_then(|m| m.next_reevaluation).map(|date| tr.date(date))
        };
        ui.label(
            RichText::new(
                tr.f("dashboard-reeval-overdue", &[("n", &d.reevaluations_overdue.len())]),
            )
            .strong(),
        );
        measure_links(
            ui,
            ctx,
            view,
            ("reeval-overdue", &d.reevaluations_overdue),
            (next, tokens.danger),
        );
        ui.label(
            RichText::new(tr.f("dashboard-reeval-due", &[("n", &d.reevaluations_due.len())]))
                .strong(),
        );
        measure_links(
            ui,
            ctx,
            view,
            ("reeval-due", &d.reevaluations_due),
            (|_: &str| None, tokens.text_muted),
        );
        ui.separator();
        ui.label(RichText::new(tr.t("dashboard-verdicts")).strong());
        for (verdict, n) in &d.verdicts {
            let text = tr.t(&format!("verdict-{verdict}"));
            count_row(ui, tokens, tokens.verdict_mark(*verdict), &text, *n);
        }
        // Four eyes: verdicts nobody has confirmed yet, with who recorded them.
        ui.label(
            RichText::new(tr.f("dashboard-unconfirmed", &[("n", &d.unconfirmed.len())])).strong(),
        );
        let recorder = |code: &str| {
            ctx.roadmap
                .reevaluations_of(code)
                .max_by_key(|r| (r.date, r.id))
                .map(|r| tr.f("dashboard-recorded-by", &[("by", &r.by)]))
        };
        // Who recorded it is information, not a warning: muted, not red.
        measure_links(
            ui,
            ctx,
            view,
            ("unconfirmed", &d.unconfirmed),
            (recorder, tokens.text_muted),
        );
    });
}

/// Measures that spent more than planned so far, each one click from its details.
fn overruns_card(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut ViewState, d: &Dashboard) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    card(ui, tokens, &tr.t("dashboard-overruns"), |ui| {
        if d.overruns.is_empty() {
            muted(ui, tokens, tr.t("dashboard-none"));
        }
        egui::Grid::new("overruns").num_columns(4).striped(true).show(ui, |ui| {
            for key in ["col-code", "dashboard-planned-to-date", "field-spent", "dashboard-excess"]
            {
                ui.label(RichText::new(tr.t(key)).strong());
            }
            ui.end_row();
            for o in &d.overruns {
                if ui.link(&o.code).clicked() {
                    view.selected = Some(o.code.clone());
                    view.detail_hidden = false;
                }
                ui.label(tr.money_whole(o.planned));
                ui.label(tr.money_whole(o.spent));
                ui.label(
                    RichText::new(format!("+{}", tr.money_whole(o.excess()))).color(tokens.danger),
                );
                ui.end_row();
            }
        });
    });
}

/// The latest changes, newest first, without the seed batch: the time in a column of its own,
/// then what changed, wrapped in its column (nothing drawn over anything else).
fn latest_card(ui: &mut Ui, ctx: &ViewCtx<'_>, history: &[Change], seed_batch: Option<i64>) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    card(ui, tokens, &tr.t("dashboard-latest"), |ui| {
        let mut latest =
            history.iter().rev().filter(|c| Some(c.batch) != seed_batch).take(12).peekable();
        if latest.peek().is_none() {
            ui.add(egui::Label::new(
                RichText::new(tr.t("dashboard-latest-empty")).color(tokens.text_muted),
            ));
            return;
        }
        egui::Grid::new("latest_changes")
            .num_columns(2)
            .spacing([tokens.space_m, tokens.space_s])
            .show(ui, |ui| {
                for c in latest {
                    muted(ui, tokens, tr.date_time(c.at));
                    let what = format!(
                        "{}{}: {} ({})",
                        c.code.as_deref().map(|code| format!("{code} ")).unwrap_or_default(),
                        super::history::field_label(tr, &c.field),
                        crate::i18n::change_text(tr, &c.field, c.old.as_deref(), c.new.as_deref()),
                        c.who
                    );
                    ui.add(egui::Label::new(what).wrap());
                    ui.end_row();
                }
            });
    });
}

/// The money chart by calendar year, with its table below.
fn money_chart_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, d: &Dashboard) {
    use egui_plot::{Bar, BarChart, Plot};
    let tr = ctx.tr;
    let euros = |m: crate::model::Money| m.cents() as f64 / 100.0;
    let planned: Vec<Bar> = d
        .years
        .iter()
        .map(|y| Bar::new(f64::from(y.year) - 0.18, euros(y.planned)).width(0.34))
        .collect();
    let spent: Vec<Bar> = d
        .years
        .iter()
        .map(|y| Bar::new(f64::from(y.year) + 0.18, euros(y.spent)).width(0.34))
        .collect();
    let planned_color = color(palette::SKY);
    let spent_color = color(palette::BLUE);
    // The chart's legend above it, never over its bars.
    ui.horizontal_wrapped(|ui| {
        for (fill, key) in [(planned_color, "dashboard-planned"), (spent_color, "field-spent")] {
            let size = egui::vec2(ctx.tokens.text_body * 1.4, ctx.tokens.text_body * 0.8);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, fill);
            ui.label(tr.t(key));
            ui.add_space(ctx.tokens.space_m);
        }
    });
    let lang = tr.lang();
    Plot::new("money_by_year")
        .height(220.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 { format!("{}", mark.value) } else { String::new() }
        })
        .y_axis_formatter(move |mark, _| {
            let thousands = (mark.value / 1000.0).round() as i64;
            match lang {
                crate::i18n::Lang::De => format!("{thousands} T€"),
                crate::i18n::Lang::En => format!("€{thousands}k"),
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(tr.t("dashboard-planned"), planned).color(planned_color));
            plot.bar_chart(BarChart::new(tr.t("field-spent"), spent).color(spent_color));
        });
    egui::Grid::new("money_table").num_columns(3).striped(true).show(ui, |ui| {
        for key in ["dashboard-year", "dashboard-planned", "field-spent"] {
            ui.label(RichText::new(tr.t(key)).strong());
        }
        ui.end_row();
        for y in &d.years {
            ui.label(y.year.to_string());
            ui.label(tr.money_whole(y.planned));
            ui.label(tr.money_whole(y.spent));
            ui.end_row();
        }
    });
}

/// What changed since the last meeting (or a typed date), and the form to add a meeting.
fn since_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    view: &mut ViewState,
    history: &[Change],
    seed_batch: Option<i64>,
) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    let last_meeting = ctx.roadmap.last_meeting(ctx.today);
    let typed = parse_date(&view.dashboard.since);
    let since: Option<NaiveDate> = typed.or(last_meeting.map(|m| m.date));
    let title = match (typed, last_meeting) {
        (None, Some(m)) => {
            tr.f("dashboard-since-meeting", &[("date", &tr.date(m.date)), ("title", &m.title)])
        }
        (Some(d), _) => tr.f("dashboard-since", &[("date", &tr.date(d))]),
        (None, None) => tr.t("dashboard-since-none"),
    };
    card(ui, tokens, &title, |ui| {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t("dashboard-since-date"));
            ui.add(
                egui::TextEdit::singleline(&mut view.dashboard.since)
                    // The hint is the day actually used: the last meeting's, else today's.
                    .hint_text(tr.input_date(since.unwrap_or(ctx.today)))
                    .desired_width(100.0),
            )
            .labelled_by(label.id);
            let since = &mut view.dashboard.since;
            super::date_picker::date_picker_button(ui, tr, since, ctx.today, "since");
        });
        if let Some(since) = since {
            let report: SinceReport = crate::model::changes_since(history, since, seed_batch);
            ui.label(
                RichText::new(tr.f(
                    "since-heading",
                    &[
                        ("date", &tr.date(since)),
                        ("n", &report.entries.len()),
                        ("completed", &report.completed.len()),
                        ("expenses", &tr.money(report.expenses)),
                    ],
                ))
                .strong(),
            );
            if !report.completed.is_empty() {
                ui.label(tr.f("dashboard-completed", &[("codes", &report.completed.join(", "))]));
            }
            for (kind, c) in report.entries.iter().rev().take(15) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(c.code.as_deref().unwrap_or("")).strong());
                    muted(ui, tokens, tr.t(&format!("kind-{}", kind.as_str())));
                    ui.label(crate::i18n::change_text(
                        tr,
                        &c.field,
                        c.old.as_deref(),
                        c.new.as_deref(),
                    ));
                });
            }
        }
        if !ctx.read_only {
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.t("dashboard-meeting-date"));
                ui.add(
                    egui::TextEdit::singleline(&mut view.dashboard.meeting_date)
                        .hint_text(tr.input_date(ctx.today))
                        .desired_width(100.0),
                )
                .labelled_by(label.id);
                let date = &mut view.dashboard.meeting_date;
                super::date_picker::date_picker_button(ui, tr, date, ctx.today, "meeting");
                let label = ui.label(tr.t("dashboard-meeting-title"));
                ui.add(
                    egui::TextEdit::singleline(&mut view.dashboard.meeting_title)
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
                let date = if view.dashboard.meeting_date.trim().is_empty() {
                    Some(ctx.today)
                } else {
                    parse_date(&view.dashboard.meeting_date)
                };
                ui.checkbox(
                    &mut view.dashboard.meeting_baseline,
                    tr.t("dashboard-meeting-baseline"),
                )
                .on_hover_text(tr.t("dashboard-meeting-baseline-hint"));
                let ok = date.is_some() && !view.dashboard.meeting_title.trim().is_empty();
                if ui.add_enabled(ok, egui::Button::new(tr.t("dashboard-meeting-add"))).clicked()
                    && let Some(date) = date
                {
                    let title = view.dashboard.meeting_title.trim().to_owned();
                    if view.dashboard.meeting_baseline {
                        // Meetings of one name recur; the day makes the baseline's title unique.
                        let title = format!("{title} ({})", tr.date(date));
                        ctx.commands.push(Command::AddBaseline { date, title });
                    }
                    ctx.commands.push(Command::AddMeeting { date, title });
                    view.dashboard.meeting_title.clear();
                    view.dashboard.meeting_date.clear();
                }
            });
        }
    });
}
