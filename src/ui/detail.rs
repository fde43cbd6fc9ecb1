//! The detail panel: every field of the selected measure, and its status control.

use egui::{RichText, Ui};

use super::actions::actions_ui;
use super::editor::{Draft, EditorOutcome, editor_ui};
use super::widgets::{mark_label, muted, progress_bar};
use super::{ViewCtx, ViewState};
use crate::app::Command;
use crate::model::{Measure, Status, schedule_health};

/// The editor in the panel's scroll area.
fn scrolled_editor_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, draft: &mut Draft) -> EditorOutcome {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(ctx.tokens.space_m);
            editor_ui(ui, ctx, draft)
        })
        .inner
}

/// The detail panel: the editor of a new measure, the editor of the selected one, or its details.
pub fn detail_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, view: &mut ViewState) {
    if let Some(draft) = view.new_draft.as_mut() {
        if matches!(scrolled_editor_ui(ui, ctx, draft), EditorOutcome::Cancel) {
            view.new_draft = None;
        }
        return;
    }
    let Some(measure) = view.selected.as_ref().and_then(|code| ctx.roadmap.measure(code)) else {
        ui.add_space(ctx.tokens.space_l);
        muted(ui, ctx.tokens, ctx.tr.t("detail-none"));
        return;
    };
    if let Some(draft) = view.drafts.get_mut(&measure.code) {
        if matches!(scrolled_editor_ui(ui, ctx, draft), EditorOutcome::Cancel) {
            view.drafts.remove(&measure.code);
        }
        return;
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(ctx.tokens.space_m);
        header_ui(ui, ctx, measure);
        if !ctx.read_only {
            ui.add_space(ctx.tokens.space_s);
            ui.horizontal_wrapped(|ui| {
                let tr = ctx.tr;
                if ui.button(tr.t("action-edit")).clicked() {
                    view.drafts.insert(
                        measure.code.clone(),
                        Draft::new(measure, Some(measure.code.clone()), tr),
                    );
                }
                if ui.button(tr.t("action-show-history")).clicked() {
                    view.history.measure = measure.code.clone();
                    view.show_tab = Some(super::Tab::History);
                }
                if ui.button(tr.t("action-duplicate")).clicked() {
                    let copy = crate::model::Measure {
                        id: 0,
                        code: ctx.roadmap.next_free_code(),
                        title: format!("{} {}", measure.title, tr.t("copy-suffix")),
                        status: Status::Planned,
                        progress: 0,
                        completed: None,
                        version: 0,
                        archived: false,
                        archived_on: None,
                        ..measure.clone()
                    };
                    view.new_draft = Some(Draft::new(&copy, None, tr));
                }
                // A measure with a history beyond its creation is archived rather than deleted.
                let has_records = ctx.roadmap.expenses.iter().any(|e| e.code == measure.code)
                    || ctx.roadmap.reevaluations.iter().any(|r| r.code == measure.code)
                    || ctx.roadmap.evidence.iter().any(|e| e.code == measure.code);
                let (key, archived) = if measure.archived {
                    ("action-unarchive", false)
                } else {
                    ("action-archive", true)
                };
                if ui.button(tr.t(key)).clicked() {
                    ctx.commands.push(Command::SetArchived {
                        code: measure.code.clone(),
                        archived,
                        expected_version: measure.version,
                    });
                }
                if !has_records
                    && measure.version <= 1
                    && ui.button(tr.t("action-delete")).clicked()
                {
                    view.confirm_delete = Some(measure.code.clone());
                }
            });
            ui.add_space(ctx.tokens.space_m);
            status_control_ui(ui, ctx, view, measure);
            ui.add_space(ctx.tokens.space_s);
            actions_ui(ui, ctx, &mut view.forms, measure);
        }
        ui.add_space(ctx.tokens.space_m);
        ui.separator();
        fields_ui(ui, ctx, view, measure);
        texts_ui(ui, ctx, measure);
        super::assess::measure_requirements_ui(ui, ctx, view, measure);
        reevaluations_ui(ui, ctx, measure);
        if view.forms.code != measure.code {
            view.forms = super::actions::Forms::for_measure(measure, ctx);
        }
        super::evidence::evidence_ui(ui, ctx, &mut view.forms, measure);
        expenses_ui(ui, ctx, measure);
        ui.add_space(ctx.tokens.space_l);
    });
}

fn header_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, m: &Measure) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.label(RichText::new(&m.code).color(tokens.text_muted).strong());
    super::widgets::hyphenated_label(
        ui,
        tr.lang(),
        &m.title,
        (tokens.bold_font(tokens.text_title), crate::layout::fonts::Face::Bold),
        tokens.text_strong,
    );
    ui.add_space(tokens.space_s);
    ui.horizontal(|ui| {
        mark_label(
            ui,
            tokens,
            tokens.status_mark(m.status),
            &tr.t(&format!("status-{}", m.status)),
        );
        ui.add_space(tokens.space_m);
        let health = schedule_health(m, ctx.today);
        mark_label(
            ui,
            tokens,
            tokens.health_mark(health),
            &tr.t(&format!("health-{}", health.as_str())),
        );
    });
}

fn status_control_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, view: &mut ViewState, m: &Measure) {
    let tr = ctx.tr;
    if view.status_draft.as_ref().is_none_or(|(code, _)| code != &m.code) {
        view.status_draft = Some((m.code.clone(), m.status));
        view.comment.clear();
    }
    let Some((_, draft)) = view.status_draft.as_mut() else {
        return;
    };
    egui::Frame::new()
        .fill(ctx.tokens.surface)
        .inner_margin(ctx.tokens.space_m)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let label = ui.label(tr.t("label-status"));
                egui::ComboBox::from_id_salt("status_choice")
                    .selected_text(tr.t(&format!("status-{draft}")))
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for status in Status::ALL {
                            ui.selectable_value(draft, *status, tr.t(&format!("status-{status}")));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.add_space(ctx.tokens.space_xs);
            let label = ui.label(tr.t("label-comment"));
            ui.add(
                egui::TextEdit::singleline(&mut view.comment)
                    .hint_text(tr.t("hint-comment"))
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label.id);
            let changed = *draft != m.status;
            ui.add_space(ctx.tokens.space_s);
            let button = ui.add_enabled(changed, egui::Button::new(tr.t("action-apply-status")));
            if button.clicked() {
                ctx.commands.push(Command::SetStatus {
                    code: m.code.clone(),
                    status: *draft,
                    comment: view.comment.trim().to_owned(),
                    expected_version: m.version,
                });
            }
        });
}

fn fields_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, view: &mut ViewState, m: &Measure) {
    let (tr, tokens, roadmap) = (ctx.tr, ctx.tokens, ctx.roadmap);
    egui::Grid::new("detail_fields").num_columns(2).spacing([tokens.space_m, tokens.space_s]).show(
        ui,
        |ui| {
            let row = |ui: &mut Ui, key: &str, value: String| {
                muted(ui, tokens, tr.t(key));
                // Long names ("Informationssicherheitsbeauftragter") break between syllables.
                let color = ui.visuals().text_color();
                let font = egui::FontId::proportional(tokens.text_body);
                super::widgets::hyphenated_label(
                    ui,
                    tr.lang(),
                    &value,
                    (font, crate::layout::fonts::Face::Regular),
                    color,
                );
                ui.end_row();
            };
            row(ui, "col-horizon", tr.t(&format!("horizon-{}-long", m.horizon)));
            row(ui, "col-owner", roadmap.owner_name(m).to_owned());
            if !m.stakeholders.is_empty() {
                row(ui, "field-stakeholders", m.stakeholders.join(", "));
            }
            muted(ui, tokens, tr.t("col-progress"));
            progress_bar(ui, tokens, m.progress, tr.percent(m.progress), 180.0);
            ui.end_row();
            row(ui, "field-start", tr.date(m.start));
            row(ui, "col-due", tr.date(m.due));
            if let Some(completed) = m.completed {
                row(ui, "field-completed", tr.date(completed));
            }
            let next = match (m.next_reevaluation, m.reevaluation_interval_months) {
                (Some(d), Some(n)) => {
                    tr.f("next-with-interval", &[("date", &tr.date(d)), ("n", &n)])
                }
                (Some(d), None) => tr.date(d),
                (None, _) => "–".to_owned(),
            };
            row(ui, "col-next-reevaluation", next);
            row(ui, "field-one-off", tr.money(m.planned_one_off));
            row(ui, "field-yearly", tr.money(m.planned_yearly));
            row(ui, "field-spent", tr.money(roadmap.spent(&m.code)));
            if m.funding_share > 0 || !m.funding_source.is_empty() {
                let funding = tr.f(
                    "detail-funding",
                    &[
                        ("share", &m.funding_share),
                        ("amount", &tr.money(m.funding())),
                        ("source", &m.funding_source),
                    ],
                );
                row(ui, "field-funding-source", funding);
            }
            if m.staff_days_planned > 0 || m.staff_days_spent > 0 {
                let days = tr.f(
                    "detail-staff-days",
                    &[("spent", &m.staff_days_spent), ("planned", &m.staff_days_planned)],
                );
                row(ui, "finance-staff-days", days);
            }
            if !m.depends_on.is_empty() {
                muted(ui, tokens, tr.t("field-depends-on"));
                ui.horizontal_wrapped(|ui| {
                    for code in &m.depends_on {
                        let title = roadmap.measure(code).map_or("", |d| d.title.as_str());
                        if ui.link(code).on_hover_text(title).clicked() {
                            view.selected = Some(code.clone());
                        }
                    }
                });
                ui.end_row();
            }
        },
    );
}

fn section(ui: &mut Ui, ctx: &ViewCtx<'_>, key: &str) {
    ui.add_space(ctx.tokens.space_m);
    ui.label(RichText::new(ctx.tr.t(key)).strong().color(ctx.tokens.text_strong));
    ui.add_space(ctx.tokens.space_xs);
}

fn texts_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, m: &Measure) {
    if !m.description.is_empty() {
        section(ui, ctx, "field-description");
        ui.add(egui::Label::new(&m.description).wrap());
    }
    if !m.frameworks.is_empty() {
        section(ui, ctx, "field-frameworks");
        for r in &m.frameworks {
            ui.horizontal_wrapped(|ui| {
                muted(ui, ctx.tokens, ctx.tr.t(&format!("framework-{}", r.framework)));
                ui.add(egui::Label::new(&r.reference).wrap());
            });
        }
    }
    if !m.notes.is_empty() {
        section(ui, ctx, "field-notes");
        ui.add(egui::Label::new(&m.notes).wrap());
    }
}

/// The re-evaluations, each with who recorded it and who confirmed it (four eyes); the latest,
/// while unconfirmed, can be confirmed here by anyone but the person who recorded it.
fn reevaluations_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, m: &Measure) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    section(ui, ctx, "section-reevaluations");
    let all: Vec<_> = ctx.roadmap.reevaluations_of(&m.code).collect();
    let latest = all.iter().max_by_key(|r| (r.date, r.id)).map(|r| r.id);
    for r in &all {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.date(r.date));
            let mark = tokens.verdict_mark(r.verdict);
            mark_label(ui, tokens, mark, &tr.t(&format!("verdict-{}", r.verdict)));
            if !r.by.is_empty() {
                muted(ui, tokens, format!("({})", r.by));
            }
        });
        // A confirmation that came from a file is shown as such and counts only once given here.
        if let (Some(by), true) = (&r.confirmed_by, r.imported) {
            let at = r.confirmed_at.map(|d| tr.date(d)).unwrap_or_default();
            muted(ui, tokens, tr.f("reeval-confirmed-imported", &[("by", by), ("date", &at)]));
        }
        let confirmed_by = r.confirmed_by.as_ref().filter(|_| !r.imported);
        match (confirmed_by, r.confirmed_at) {
            (Some(by), Some(at)) => {
                muted(ui, tokens, tr.f("reeval-confirmed", &[("by", by), ("date", &tr.date(at))]));
            }
            (Some(by), None) => {
                muted(ui, tokens, tr.f("reeval-confirmed-by", &[("by", by)]));
            }
            // An older verdict, never confirmed: said, not alarmed (only the latest counts).
            (None, _) if Some(r.id) != latest => {
                muted(ui, tokens, tr.t("reeval-not-confirmed"));
            }
            _ => {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(tokens.danger, tr.t("reeval-unconfirmed"));
                    let others = !crate::model::same_person(&r.by, ctx.who);
                    if Some(r.id) == latest && others && !ctx.read_only {
                        let button = ui.button(tr.t("action-confirm"));
                        if button.clicked() {
                            let (code, date, id) = (m.code.clone(), ctx.today, r.id);
                            ctx.commands.push(Command::ConfirmReevaluation { code, date, id });
                        }
                    } else if Some(r.id) == latest && !others {
                        muted(ui, tokens, tr.t("reeval-needs-other"));
                    }
                });
            }
        }
    }
    if all.is_empty() {
        muted(ui, tokens, tr.t("none-yet"));
    }
}

fn expenses_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, m: &Measure) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    section(ui, ctx, "section-expenses");
    let expenses: Vec<_> = ctx.roadmap.expenses.iter().filter(|e| e.code == m.code).collect();
    if expenses.is_empty() {
        muted(ui, tokens, tr.t("none-yet"));
        return;
    }
    egui::Grid::new("expenses").num_columns(3).spacing([tokens.space_m, tokens.space_xs]).show(
        ui,
        |ui| {
            for e in expenses.iter().rev() {
                ui.label(tr.date(e.date));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(tr.money(e.amount))
                });
                muted(ui, tokens, &e.note);
                ui.end_row();
            }
        },
    );
}

/// Asks before deleting; the store refuses while other measures depend on it.
pub fn confirm_delete_ui(ctx: &egui::Context, vctx: &mut ViewCtx<'_>, view: &mut ViewState) {
    let Some(code) = view.confirm_delete.clone() else { return };
    let title = vctx.roadmap.measure(&code).map_or("", |m| m.title.as_str());
    let tr = vctx.tr;
    let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(tr.f("confirm-delete", &[("code", &code), ("title", &title)]));
        ui.add_space(vctx.tokens.space_m);
        ui.horizontal(|ui| {
            if ui.button(tr.t("action-delete")).clicked() {
                vctx.commands.push(Command::DeleteMeasure(code.clone()));
                view.confirm_delete = None;
            }
            if ui.button(tr.t("action-cancel")).clicked() {
                view.confirm_delete = None;
            }
        });
    });
    if modal.should_close() {
        view.confirm_delete = None;
    }
}
