//! A catalogue imported in the window: the file is read and checked, and what it would change
//! (a newer version: added, removed and changed ids, the results kept) is shown before anything
//! is written.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::assess::AssessView;
use crate::app::Command;
use crate::i18n::I18n;
use crate::model::{AssessChange, Catalog, CatalogDiff, Roadmap, catalog_diff};

/// A catalogue read from a file and waiting for the user's yes, or why it could not be read.
#[derive(Debug)]
pub enum Pending {
    /// Read and checked: what it would change.
    Ready(Box<Catalog>, CatalogDiff),
    /// Refused, in the UI's words.
    Refused(String),
}

impl AssessView {
    /// Reads the catalogue at `path` (OSCAL JSON or CSV, by its first byte) and offers it.
    pub fn offer_file(&mut self, path: &std::path::Path, tr: &I18n, roadmap: &Roadmap) {
        self.pending = Some(match crate::app::files::read_catalog(path, tr) {
            Ok(catalog) => {
                let diff = catalog_diff(roadmap.assessment.catalog(&catalog.name), &catalog);
                Pending::Ready(Box::new(catalog), diff)
            }
            Err(text) => Pending::Refused(text),
        });
    }
}

/// The button that picks a file (never in tests: they call [`AssessView::offer_file`]).
pub(super) fn import_button(ui: &mut Ui, ctx: &ViewCtx<'_>, state: &mut AssessView) {
    if ctx.read_only {
        return;
    }
    let tr = ctx.tr;
    if ui.button(tr.t("assess-import-catalog")).clicked()
        && let Some(path) = rfd::FileDialog::new()
            .add_filter(tr.t("assess-catalog-files"), &["json", "csv", "txt"])
            .pick_file()
    {
        state.offer_file(&path, tr, ctx.roadmap);
    }
}

/// The preview: what the catalogue brings, and "Importieren" or "Abbrechen".
pub(super) fn preview_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, state: &mut AssessView) {
    let Some(pending) = &state.pending else { return };
    let tr = ctx.tr;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("catalog_preview")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        match pending {
            Pending::Refused(text) => {
                ui.label(RichText::new(text).color(ctx.tokens.danger));
                ui.add_space(ctx.tokens.space_m);
                close = ui.button(tr.t("action-close-message")).clicked();
            }
            Pending::Ready(catalog, diff) => {
                let key =
                    if diff.replaces { "assess-preview-update" } else { "assess-preview-new" };
                let n = catalog.requirement_count();
                ui.strong(
                    tr.f(key, &[("name", &catalog.name), ("version", &catalog.version), ("n", &n)]),
                );
                ui.add_space(ctx.tokens.space_s);
                for line in crate::app::catalog_diff_lines(tr, diff) {
                    ui.label(line);
                }
                ui.add_space(ctx.tokens.space_m);
                ui.horizontal(|ui| {
                    if ui.button(tr.t("assess-import")).clicked() {
                        ctx.commands.push(Command::Assess(AssessChange::ImportCatalog(
                            (**catalog).clone(),
                        )));
                        close = true;
                    }
                    if ui.button(tr.t("action-cancel")).clicked() {
                        close = true;
                    }
                });
            }
        }
    });
    if close || modal.should_close() {
        state.pending = None;
    }
}
