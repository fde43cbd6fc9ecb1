//! Exports and imports in the window: the progress line of a background job and the preview
//! that asks before an import is applied.

use std::time::Duration;

use egui::RichText;

use super::theme::Tokens;
use crate::app::{ImportPreview, Job};
use crate::i18n::I18n;

/// Jobs shorter than this finish without any progress display (no flicker).
pub const BLINK: Duration = Duration::from_millis(150);

/// The progress line at the bottom of the window while a job runs longer than a blink.
pub fn job_ui(ui: &mut egui::Ui, tokens: &Tokens, job: &Job) {
    // The job's thread wakes the window when it ends; until then look again now and then, so the
    // progress line appears after the blink.
    ui.ctx().request_repaint_after(Duration::from_millis(50));
    if job.started.elapsed() < BLINK {
        return;
    }
    egui::Panel::bottom("job").show(ui, |ui| {
        egui::Frame::new().fill(tokens.info_bg).inner_margin(tokens.space_s).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(RichText::new(&job.label).color(tokens.text_strong));
            });
        });
    });
}

/// What the user decided about a checked import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportDecision {
    /// Still deciding.
    Open,
    /// Apply it.
    Apply,
    /// Drop it.
    Cancel,
}

/// The question when the window was started on a path without a roadmap: create one there
/// (with the default measures), or not (the empty stand-in stays, another file can be opened).
pub fn create_offer_ui(
    ctx: &egui::Context,
    tr: &I18n,
    tokens: &Tokens,
    path: &std::path::Path,
) -> ImportDecision {
    let mut decision = ImportDecision::Open;
    let modal = egui::Modal::new(egui::Id::unique("create_offer")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(tr.t("create-offer-title"));
        ui.add_space(tokens.space_s);
        ui.label(tr.f("create-offer-text", &[("path", &path.display().to_string())]));
        ui.add_space(tokens.space_m);
        ui.horizontal(|ui| {
            if ui.button(tr.t("create-offer-create")).clicked() {
                decision = ImportDecision::Apply;
            }
            if ui.button(tr.t("action-cancel")).clicked() {
                decision = ImportDecision::Cancel;
            }
        });
    });
    if modal.should_close() && decision == ImportDecision::Open {
        decision = ImportDecision::Cancel;
    }
    decision
}

/// The modal that says what an import brings and what it replaces, and asks.
pub fn import_preview_ui(
    ctx: &egui::Context,
    tr: &I18n,
    tokens: &Tokens,
    preview: &ImportPreview,
    replaces: usize,
) -> ImportDecision {
    let mut decision = ImportDecision::Open;
    let roadmap = &preview.imported.roadmap;
    let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(tr.t("import-preview-title"));
        ui.add_space(tokens.space_s);
        ui.label(tr.f("import-preview-file", &[("path", &preview.path.display().to_string())]));
        ui.label(tr.f("import-preview-target", &[("path", &preview.target.display().to_string())]));
        ui.label(tr.f(
            "import-preview-contents",
            &[
                ("measures", &roadmap.measures.len()),
                ("owners", &roadmap.owners.len()),
                ("expenses", &roadmap.expenses.len()),
                ("reevaluations", &roadmap.reevaluations.len()),
                ("meetings", &roadmap.meetings.len()),
                ("history", &preview.imported.history.len()),
            ],
        ));
        ui.add_space(tokens.space_s);
        for line in preview.comparison.describe(tr) {
            ui.label(line);
        }
        ui.add_space(tokens.space_s);
        let apply_key = if replaces > 0 {
            ui.label(
                RichText::new(tr.f("import-preview-replace", &[("n", &replaces)]))
                    .color(tokens.danger)
                    .strong(),
            );
            "import-preview-replace-apply"
        } else {
            ui.label(tr.t("import-preview-empty"));
            "import-preview-apply"
        };
        ui.add_space(tokens.space_m);
        ui.horizontal(|ui| {
            if ui.button(tr.t(apply_key)).clicked() {
                decision = ImportDecision::Apply;
            }
            if ui.button(tr.t("action-cancel")).clicked() {
                decision = ImportDecision::Cancel;
            }
        });
    });
    if decision == ImportDecision::Open && modal.should_close() {
        decision = ImportDecision::Cancel;
    }
    decision
}
