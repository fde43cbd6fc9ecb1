//! The filter bar shared by the table and the timeline.

use egui::Ui;

use super::ViewCtx;
use super::widgets::{keep_together, text_width};
use crate::layout::Filter;
use crate::model::{Horizon, Status};

/// What the filter bar offers to choose from, made once per data generation (at 10,000 measures
/// collecting and sorting the references took most of a frame).
#[derive(Debug, Default)]
pub struct Choices {
    /// The framework references the measures use, sorted, each once.
    frameworks: Vec<crate::model::FrameworkRef>,
    /// Whether any measure is archived (only then is there a switch to show them).
    any_archived: bool,
}

impl Choices {
    /// The choices `roadmap` offers.
    pub fn new(roadmap: &crate::model::Roadmap) -> Self {
        let mut frameworks: Vec<crate::model::FrameworkRef> =
            roadmap.measures.iter().flat_map(|m| &m.frameworks).cloned().collect();
        frameworks.sort_unstable();
        frameworks.dedup();
        Self { frameworks, any_archived: roadmap.measures.iter().any(|m| m.archived) }
    }
}

/// The filter of table and timeline: text, owner, status, horizon, framework reference, overdue.
pub fn filter_bar_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, filter: &mut Filter, choices: &Choices) {
    let tr = ctx.tr;
    let all = tr.t("filter-all");
    // Each label stays with its control: a pair wraps to the next line whole.
    ui.horizontal_wrapped(|ui| {
        let pair = |ui: &mut Ui, label: &str, control: f32| {
            let spacing = ui.spacing().item_spacing.x;
            keep_together(ui, text_width(ui, label) + spacing + control);
        };
        pair(ui, &tr.t("label-search"), 168.0);
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("label-search"));
            ui.add(
                egui::TextEdit::singleline(&mut filter.text)
                    .hint_text(tr.t("hint-search"))
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        });
        ui.add_space(ctx.tokens.space_s);

        let combo = ui.spacing().combo_width + ui.spacing().icon_width + 16.0;
        pair(ui, &tr.t("col-owner"), 170.0 + ui.spacing().icon_width + 16.0);
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("col-owner"));
            let owner_name = filter
                .owner
                .and_then(|id| ctx.roadmap.owner(id))
                .map_or_else(|| all.clone(), |o| o.name.clone());
            egui::ComboBox::from_id_salt("filter_owner")
                .selected_text(owner_name)
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.owner, None, &all);
                    for owner in &ctx.roadmap.owners {
                        ui.selectable_value(&mut filter.owner, Some(owner.id), &owner.name);
                    }
                })
                .response
                .labelled_by(label.id);
        });

        pair(ui, &tr.t("col-status"), combo);
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("col-status"));
            let status_name =
                filter.status.map_or_else(|| all.clone(), |s| tr.t(&format!("status-{s}")));
            egui::ComboBox::from_id_salt("filter_status")
                .selected_text(status_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.status, None, &all);
                    for s in Status::ALL {
                        ui.selectable_value(
                            &mut filter.status,
                            Some(*s),
                            tr.t(&format!("status-{s}")),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });

        pair(ui, &tr.t("col-horizon"), combo);
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("col-horizon"));
            let horizon_name =
                filter.horizon.map_or_else(|| all.clone(), |h| tr.t(&format!("horizon-{h}")));
            egui::ComboBox::from_id_salt("filter_horizon")
                .selected_text(horizon_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.horizon, None, &all);
                    for h in Horizon::ALL {
                        ui.selectable_value(
                            &mut filter.horizon,
                            Some(*h),
                            tr.t(&format!("horizon-{h}")),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });

        framework_filter_ui(ui, ctx, filter, &choices.frameworks, &all);

        ui.checkbox(&mut filter.overdue_only, tr.t("label-overdue-only"));
        if choices.any_archived {
            ui.checkbox(&mut filter.show_archived, tr.t("label-show-archived"));
        }
        if !filter.is_empty() && ui.button(tr.t("action-clear-filter")).clicked() {
            *filter = Filter::default();
        }
    });
}

/// The framework references the roadmap's measures use (ITIL practice, VdS 3473 chapter, BSI
/// module), to choose one.
fn framework_filter_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    filter: &mut Filter,
    used: &[crate::model::FrameworkRef],
    all: &str,
) {
    let tr = ctx.tr;
    if used.is_empty() {
        return;
    }
    let name = |r: &crate::model::FrameworkRef| {
        format!("{} {}", tr.t(&format!("framework-{}", r.framework)), r.reference)
    };
    // Label and list stay together, on a row of their own (the references are long).
    ui.end_row();
    ui.horizontal(|ui| {
        let label = ui.label(tr.t("filter-framework"));
        let selected = filter.framework.as_ref().map_or_else(|| all.to_owned(), name);
        egui::ComboBox::from_id_salt("filter_framework")
            .selected_text(selected)
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.framework, None, all);
                for r in used {
                    ui.selectable_value(&mut filter.framework, Some(r.clone()), name(r));
                }
            })
            .response
            .labelled_by(label.id);
    });
}
