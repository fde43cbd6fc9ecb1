//! The owners window: add, rename, merge, and delete owners no measure refers to.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::Command;
use crate::model::{OwnerId, OwnerKind};

/// What the owners window is editing.
#[derive(Clone, Debug, Default)]
pub struct OwnersView {
    /// Whether the window is open.
    pub open: bool,
    /// The owner being renamed and the name typed.
    pub renaming: Option<(OwnerId, String)>,
    /// A new owner: name, kind, contact.
    pub new_name: String,
    /// The new owner's kind.
    pub new_kind: Option<OwnerKind>,
    /// The new owner's contact.
    pub new_contact: String,
}

/// The label of an owner kind.
pub fn kind_label(ctx: &ViewCtx<'_>, kind: OwnerKind) -> String {
    ctx.tr.t(&format!("owners-kind-{kind}"))
}

/// The owners window.
pub fn owners_ui(egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, view: &mut OwnersView) {
    if !view.open {
        return;
    }
    let tr = ctx.tr;
    let mut open = true;
    egui::Window::new(tr.t("owners-title")).open(&mut open).default_width(640.0).show(
        egui_ctx,
        |ui| {
            egui::Grid::new("owners")
                .num_columns(4)
                .striped(true)
                .spacing([ctx.tokens.space_m, ctx.tokens.space_s])
                .show(ui, |ui| {
                    for owner in &ctx.roadmap.owners {
                        let used = ctx
                            .roadmap
                            .measures
                            .iter()
                            .filter(|m| m.owner == Some(owner.id))
                            .count();
                        match view.renaming.as_mut().filter(|(id, _)| *id == owner.id) {
                            Some((_, name)) => {
                                let edit =
                                    ui.add(egui::TextEdit::singleline(name).desired_width(200.0));
                                edit.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::accesskit::Role::TextInput,
                                        true,
                                        tr.t("owners-name"),
                                    )
                                });
                            }
                            None => {
                                ui.label(RichText::new(&owner.name).strong());
                            }
                        }
                        ui.label(format!(
                            "{} · {}",
                            kind_label(ctx, owner.kind),
                            tr.f("owners-measures", &[("n", &used)])
                        ));
                        ui.horizontal(|ui| {
                            if let Some((id, name)) =
                                view.renaming.clone().filter(|(id, _)| *id == owner.id)
                            {
                                if ui.button(tr.t("action-save")).clicked() {
                                    ctx.commands.push(Command::RenameOwner { id, name });
                                    view.renaming = None;
                                }
                                if ui.button(tr.t("action-cancel")).clicked() {
                                    view.renaming = None;
                                }
                            } else if ui.button(tr.t("owners-rename")).clicked() {
                                view.renaming = Some((owner.id, owner.name.clone()));
                            }
                            ui.menu_button(tr.t("owners-merge-into"), |ui| {
                                for other in ctx.roadmap.owners.iter().filter(|o| o.id != owner.id)
                                {
                                    if ui.button(&other.name).clicked() {
                                        ctx.commands.push(Command::MergeOwners {
                                            from: owner.id,
                                            into: other.id,
                                        });
                                    }
                                }
                            });
                            if ui
                                .add_enabled(used == 0, egui::Button::new(tr.t("action-remove")))
                                .clicked()
                            {
                                ctx.commands.push(Command::DeleteOwner(owner.id));
                            }
                        });
                        ui.end_row();
                    }
                });
            ui.separator();
            new_owner_ui(ui, ctx, view);
        },
    );
    view.open = open;
}

fn new_owner_ui(ui: &mut Ui, ctx: &mut ViewCtx<'_>, view: &mut OwnersView) {
    let tr = ctx.tr;
    ui.label(RichText::new(tr.t("owners-new")).strong());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t("owners-name"));
        ui.add(egui::TextEdit::singleline(&mut view.new_name).desired_width(180.0))
            .labelled_by(label.id);
        let label = ui.label(tr.t("owners-kind"));
        let kind = view.new_kind.unwrap_or(OwnerKind::Role);
        egui::ComboBox::from_id_salt("new_owner_kind")
            .selected_text(kind_label(ctx, kind))
            .show_ui(ui, |ui| {
                for k in OwnerKind::ALL {
                    ui.selectable_value(&mut view.new_kind, Some(*k), kind_label(ctx, *k));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(tr.t("owners-contact"));
        ui.add(egui::TextEdit::singleline(&mut view.new_contact).desired_width(140.0))
            .labelled_by(label.id);
        if ui
            .add_enabled(!view.new_name.trim().is_empty(), egui::Button::new(tr.t("action-create")))
            .clicked()
        {
            let contact = view.new_contact.trim();
            ctx.commands.push(Command::AddOwner {
                name: view.new_name.trim().to_owned(),
                kind: view.new_kind.unwrap_or(OwnerKind::Role),
                contact: (!contact.is_empty()).then(|| contact.to_owned()),
            });
            view.new_name.clear();
            view.new_contact.clear();
        }
    });
}
