//! The small windows and bars around the views: the actions bar, the presentation menu, the
//! backups window, the due re-evaluations, the message line.

use super::theme::Tokens;
use super::{ViewCtx, ViewState, due_reevaluations, editor};
use crate::app::{AppState, Command, Message, MessageKind};
use crate::i18n::I18n;
use crate::layout::slides::SlideKind;

/// New measure, undo, redo, and the count of due re-evaluations.
pub(super) fn actions_bar_ui(
    ui: &mut egui::Ui,
    tokens: &Tokens,
    state: &AppState,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let tr = state.tr();
    ui.horizontal(|ui| {
        if ui.button(tr.t("action-new-measure")).clicked() {
            let roadmap = state.roadmap();
            let today = state.today();
            let mut m = crate::model::Measure::new(
                roadmap.next_free_code(),
                "",
                today,
                today.checked_add_months(chrono::Months::new(6)).unwrap_or(today),
            );
            m.horizon = view
                .filter
                .horizon
                .or_else(|| {
                    view.selected.as_ref().and_then(|c| roadmap.measure(c)).map(|s| s.horizon)
                })
                .unwrap_or(crate::model::Horizon::Short);
            m.reevaluation_interval_months = Some(12);
            view.new_draft = Some(editor::Draft::new(&m, None, tr));
            view.detail_hidden = false;
        }
        ui.add_space(tokens.space_m);
        let derived = view.derived.map(|(_, d)| d).unwrap_or_default();
        let (can_undo, can_redo) = derived.undo_redo;
        if ui
            .add_enabled(can_undo, egui::Button::new(tr.t("action-undo")))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            commands.push(Command::Undo);
        }
        if ui
            .add_enabled(can_redo, egui::Button::new(tr.t("action-redo")))
            .on_hover_text("Ctrl+Y")
            .clicked()
        {
            commands.push(Command::Redo);
        }
        ui.add_space(tokens.space_m);
        if ui.add(egui::Button::new(tr.t("owners-button")).selected(view.owners.open)).clicked() {
            view.owners.open = !view.owners.open;
        }
        let due = derived.due;
        ui.add_space(tokens.space_m);
        let text = egui::RichText::new(tr.f("due-button", &[("n", &due)]));
        let text = if due > 0 { text.color(tokens.danger).strong() } else { text };
        if ui.add(egui::Button::new(text).selected(view.due_open)).clicked() {
            view.due_open = !view.due_open;
        }
    });
}

/// The presentation menu: start, and which slides to show (remembered per file).
pub(super) fn presentation_menu_ui(
    ui: &mut egui::Ui,
    tr: &I18n,
    slides: &mut Vec<SlideKind>,
    start: &mut bool,
) {
    ui.menu_button(tr.t("menu-present"), |ui| {
        if ui.button(tr.t("menu-present-start")).clicked() {
            *start = true;
            ui.close();
        }
        ui.separator();
        ui.label(egui::RichText::new(tr.t("menu-present-slides")).strong());
        for kind in SlideKind::ALL {
            let mut on = slides.contains(&kind);
            if ui.checkbox(&mut on, tr.t(kind.label_key())).changed() {
                if on {
                    slides.push(kind);
                    slides.sort();
                } else {
                    slides.retain(|k| *k != kind);
                }
            }
        }
    });
}

/// The backups window: every backup with its date and measure count; back up now; restore.
pub(super) fn backups_ui(
    ctx: &egui::Context,
    tr: &I18n,
    list: Option<&[crate::app::storage::BackupInfo]>,
    read_only: bool,
    open: &mut bool,
    commands: &mut Vec<Command>,
) {
    egui::Window::new(tr.t("backups-title")).open(open).default_width(560.0).show(ctx, |ui| {
        if !read_only && ui.button(tr.t("backups-now")).clicked() {
            commands.push(Command::BackupNow);
        }
        ui.separator();
        let Some(list) = list else {
            // Listed (and new backups checked) beside the window.
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t("backups-checking"));
            });
            return;
        };
        if list.is_empty() {
            ui.label(tr.t("backups-none"));
        }
        egui::Grid::new("backups").num_columns(3).striped(true).show(ui, |ui| {
            for b in list {
                ui.label(tr.date_time(b.taken));
                match b.measures {
                    Some(n) => ui.label(tr.f("measures-count", &[("n", &n)])),
                    None => ui.label(tr.t("backup-damaged")),
                };
                if ui
                    .add_enabled(
                        b.measures.is_some() && !read_only,
                        egui::Button::new(tr.t("backups-restore")),
                    )
                    .clicked()
                {
                    commands.push(Command::Restore(b.path.clone()));
                }
                ui.end_row();
            }
        });
    });
}

/// The window listing due and overdue re-evaluations; a click selects the measure.
pub(super) fn due_ui(ctx: &egui::Context, vctx: &ViewCtx<'_>, view: &mut ViewState) {
    if !view.due_open {
        return;
    }
    let (tr, tokens) = (vctx.tr, vctx.tokens);
    let mut open = true;
    let mut chosen = None;
    egui::Window::new(tr.t("due-title"))
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            let due = due_reevaluations(vctx.roadmap, vctx.today);
            if due.is_empty() {
                ui.label(tr.t("due-none"));
            }
            for m in due {
                let Some(date) = m.next_reevaluation else { continue };
                ui.horizontal(|ui| {
                    if ui.link(format!("{}  {}", m.code, m.title)).clicked() {
                        chosen = Some(m.code.clone());
                    }
                    let (text, color) = if date < vctx.today {
                        (tr.f("due-overdue", &[("date", &tr.date(date))]), tokens.danger)
                    } else {
                        (tr.f("due-soon", &[("date", &tr.date(date))]), tokens.text_muted)
                    };
                    ui.label(egui::RichText::new(text).color(color));
                });
            }
        });
    if let Some(code) = chosen {
        view.selected = Some(code);
        view.detail_hidden = false;
    }
    view.due_open = open;
}

/// Shows a message with a close button; returns whether it was closed.
pub(super) fn message_ui(ui: &mut egui::Ui, tokens: &Tokens, tr: &I18n, message: &Message) -> bool {
    let (fill, color) = match message.kind {
        MessageKind::Error => (tokens.danger_bg, tokens.danger),
        MessageKind::Info => (tokens.info_bg, tokens.text_strong),
    };
    let mut closed = false;
    egui::Frame::new().fill(fill).inner_margin(tokens.space_s).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&message.text).color(color).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                closed = ui.button(tr.t("action-close-message")).clicked();
            });
        });
    });
    closed
}
