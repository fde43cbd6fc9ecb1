//! The details' "Nachweise" section: the measure's evidence (files kept in the roadmap, links),
//! each to open or remove; files are added by the file dialog or by dropping them on the window.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::actions::Forms;
use super::widgets::muted;
use crate::app::Command;
use crate::model::{Evidence, Measure};

/// The section, below the re-evaluations.
pub fn evidence_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.add_space(tokens.space_m);
    ui.label(RichText::new(tr.t("evidence-heading")).strong().color(tokens.text_strong));
    ui.add_space(tokens.space_xs);
    let items: Vec<&Evidence> = ctx.roadmap.evidence.iter().filter(|e| e.code == m.code).collect();
    // What was typed goes once the evidence is there (a refusal keeps it for correcting).
    if forms.evidence_pending.is_some_and(|before| items.len() > before) {
        forms.evidence_pending = None;
        forms.evidence_link.clear();
        forms.evidence_note.clear();
    }
    if items.is_empty() {
        muted(ui, tokens, tr.t(if ctx.read_only { "none-yet" } else { "evidence-empty" }));
    }
    for e in items {
        item_ui(ui, ctx, forms, e);
    }
    if ctx.read_only {
        return;
    }
    purge_ui(ui.ctx(), ctx, forms);
    ui.add_space(tokens.space_s);
    add_ui(ui, ctx, forms, m);
    drop_ui(ui, ctx, forms, m);
}

/// One piece of evidence: name (opens it), what it is, for which re-evaluation, its note and
/// checksum, and the buttons.
fn item_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, e: &Evidence) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.horizontal_wrapped(|ui| {
        let open = ui.link(&e.name).on_hover_text(tr.f("evidence-open-tip", &[("name", &e.name)]));
        if open.clicked() {
            ctx.commands.push(Command::OpenEvidence { code: e.code.clone(), id: e.id });
        }
        if e.sha256.is_some() {
            let save = ui.small_button(tr.t("evidence-save"));
            if save.clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .set_file_name(crate::model::safe_file_name(&e.name))
                    .save_file()
            {
                ctx.commands.push(Command::SaveEvidence { code: e.code.clone(), id: e.id, path });
            }
        }
        if !ctx.read_only {
            let remove = ui
                .small_button(tr.t("evidence-remove"))
                .on_hover_text(tr.f("evidence-remove-tip", &[("name", &e.name)]));
            if remove.clicked() {
                ctx.commands.push(Command::RemoveEvidence { code: e.code.clone(), id: e.id });
            }
            let purge = ui
                .small_button(tr.t("evidence-purge"))
                .on_hover_text(tr.f("evidence-purge-tip", &[("name", &e.name)]));
            if purge.clicked() {
                forms.purge = Some(super::actions::PurgeDraft {
                    code: e.code.clone(),
                    id: e.id,
                    name: e.name.clone(),
                    reason: String::new(),
                });
            }
        }
    });
    let date = tr.date(e.added_at.date());
    let meta = match e.size {
        Some(size) => tr
            .f("evidence-meta", &[("size", &tr.size(size)), ("who", &e.added_by), ("date", &date)]),
        None => tr.f("evidence-link-meta", &[("who", &e.added_by), ("date", &date)]),
    };
    let reevaluation =
        e.reevaluation.and_then(|id| ctx.roadmap.reevaluations.iter().find(|r| r.id == id)).map(
            |r| format!(" · {}", tr.f("evidence-for-reevaluation", &[("date", &tr.date(r.date))])),
        );
    muted(ui, tokens, format!("{meta}{}", reevaluation.unwrap_or_default()));
    if !e.note.is_empty() {
        ui.add(egui::Label::new(&e.note).wrap());
    }
    if let Some(sha) = &e.sha256 {
        ui.label(
            RichText::new(tr.f("evidence-checksum", &[("sha", sha)]))
                .monospace()
                .size(tokens.text_small)
                .color(tokens.text_muted),
        );
    }
    ui.add_space(tokens.space_xs);
}

/// Adding: a file by the dialog, or a link (with a note for either).
fn add_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    let tr = ctx.tr;
    egui::Grid::new("evidence-form").num_columns(2).show(ui, |ui| {
        let label = ui.label(tr.t("evidence-note-label"));
        ui.add(
            egui::TextEdit::singleline(&mut forms.evidence_note)
                .hint_text(tr.t("evidence-note-hint"))
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        ui.end_row();
        let label = ui.label(tr.t("evidence-link-label"));
        ui.add(
            egui::TextEdit::singleline(&mut forms.evidence_link)
                .hint_text(tr.t("evidence-link-hint"))
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        ui.end_row();
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr.t("evidence-add-file")).clicked()
            && let Some(path) = rfd::FileDialog::new()
                .set_title(tr.f("evidence-pick-title", &[("code", &m.code)]))
                .pick_file()
        {
            push_file(ctx, forms, m, path);
        }
        let link = forms.evidence_link.trim().to_owned();
        if ui.add_enabled(!link.is_empty(), egui::Button::new(tr.t("evidence-add-link"))).clicked()
        {
            forms.evidence_pending = Some(count(ctx, m));
            ctx.commands.push(Command::AddEvidence {
                code: m.code.clone(),
                file: None,
                link: Some(link),
                note: forms.evidence_note.clone(),
            });
        }
    });
}

fn count(ctx: &ViewCtx<'_>, m: &Measure) -> usize {
    ctx.roadmap.evidence.iter().filter(|e| e.code == m.code).count()
}

fn push_file(ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure, path: std::path::PathBuf) {
    forms.evidence_pending = Some(count(ctx, m));
    ctx.commands.push(Command::AddEvidence {
        code: m.code.clone(),
        file: Some(path),
        link: None,
        note: forms.evidence_note.clone(),
    });
}

/// Files dragged over the window are announced; dropped, they become the shown measure's
/// evidence.
fn drop_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, forms: &mut Forms, m: &Measure) {
    let (hovering, dropped) = ui.ctx().input(|i| {
        let dropped: Vec<_> = i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect();
        (!i.raw.hovered_files.is_empty(), dropped)
    });
    if hovering {
        let tokens = ctx.tokens;
        let screen = ui.ctx().content_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("evidence-drop"),
        ));
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            ctx.tr.f("evidence-drop", &[("code", &m.code)]),
            egui::FontId::proportional(tokens.text_title),
            egui::Color32::WHITE,
        );
    }
    for path in dropped {
        push_file(ctx, forms, m, path);
    }
}

/// Asks before erasing evidence for good, with the reason the history keeps; erasing waits for
/// a reason.
fn purge_ui(ctx: &egui::Context, vctx: &mut ViewCtx<'_>, forms: &mut Forms) {
    let Some(draft) = forms.purge.as_mut() else { return };
    let tr = vctx.tr;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("purge_evidence")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.label(RichText::new(tr.f("evidence-purge-title", &[("name", &draft.name)])).strong());
        ui.add_space(vctx.tokens.space_s);
        ui.add(egui::Label::new(tr.t("evidence-purge-explain")).wrap());
        ui.add_space(vctx.tokens.space_s);
        let label = ui.label(tr.t("evidence-purge-reason"));
        ui.add(egui::TextEdit::multiline(&mut draft.reason).desired_rows(2).desired_width(420.0))
            .labelled_by(label.id);
        ui.add_space(vctx.tokens.space_m);
        ui.horizontal(|ui| {
            let ready = !draft.reason.trim().is_empty();
            let erase = ui.add_enabled(ready, egui::Button::new(tr.t("evidence-purge-confirm")));
            if erase.clicked() {
                vctx.commands.push(Command::PurgeEvidence {
                    code: draft.code.clone(),
                    id: draft.id,
                    reason: draft.reason.trim().to_owned(),
                });
                close = true;
            }
            if ui.button(tr.t("action-cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        forms.purge = None;
    }
}
