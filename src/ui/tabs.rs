//! The tab bar and the chosen tab's view, with the data each view needs cached per data
//! generation.

use super::{
    AppState, Overview, Prefs, Tab, ViewCtx, ViewState, arrange, assess, dashboard, filter_bar,
    history, plan, table, timeline,
};
use crate::app::Command;

/// The tabs, the timeline's toolbar and the details switch; returns the toolbar's action.
pub(super) fn tab_bar_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    view: &mut ViewState,
    prefs: &mut Prefs,
    generation: u64,
) -> Option<timeline::ViewAction> {
    let mut action = None;
    // Wraps onto a second line when the window (or the room beside the details) is narrow.
    ui.horizontal_wrapped(|ui| {
        // Back to the overview of all roadmaps this one was opened from.
        if view.all_roadmaps.has_source() && ui.button(ctx.tr.t("overview-back")).clicked() {
            view.all_roadmaps.shown = true;
        }
        let digits = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
            egui::Key::Num6,
        ];
        for ((tab, key), digit) in [
            (Tab::Dashboard, "tab-dashboard"),
            (Tab::Timeline, "tab-timeline"),
            (Tab::Table, "tab-table"),
            (Tab::History, "tab-history"),
            (Tab::Finance, "tab-finance"),
            (Tab::Assessment, "tab-assessment"),
        ]
        .into_iter()
        .zip(digits)
        {
            // Ctrl+1 … Ctrl+6 choose the tabs from the keyboard.
            let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, digit);
            let hint = ui.ctx().format_shortcut(&shortcut);
            let pressed = ui.input_mut(|i| i.consume_shortcut(&shortcut));
            if ui.selectable_label(prefs.tab == tab, ctx.tr.t(key)).on_hover_text(hint).clicked()
                || pressed
            {
                prefs.tab = tab;
            }
        }
        ui.add_space(ctx.tokens.space_l);
        if prefs.tab == Tab::Timeline {
            action = timeline::toolbar_ui(ui, ctx, &mut prefs.timeline);
        }
        if view.selected.is_some() {
            ui.add_space(ctx.tokens.space_m);
            let key =
                if view.detail_hidden { "action-show-details" } else { "action-hide-details" };
            if ui.button(ctx.tr.t(key)).clicked() {
                view.detail_hidden = !view.detail_hidden;
            }
        }
    });
    if !matches!(prefs.tab, Tab::History | Tab::Dashboard | Tab::Finance | Tab::Assessment) {
        if view.filter_choices.as_ref().is_none_or(|(g, _)| *g != generation) {
            view.filter_choices = Some((generation, filter_bar::Choices::new(ctx.roadmap)));
        }
        if let Some((_, choices)) = &view.filter_choices {
            filter_bar::filter_bar_ui(ui, ctx, &mut view.filter, choices);
        }
    }
    ui.separator();
    action
}

/// The chosen tab's view, with the data it needs cached per data generation.
pub(super) fn tab_content_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    state: &AppState,
    view: &mut ViewState,
    prefs: &mut Prefs,
    action: Option<timeline::ViewAction>,
) {
    let generation = state.generation();
    match prefs.tab {
        Tab::Dashboard => {
            // While a job has the store, the overview stays as it was (nothing is read).
            if view.overview.as_ref().is_none_or(|(g, _)| *g != generation)
                && !state.busy_with_store()
            {
                let figures = crate::model::dashboard(ctx.roadmap, ctx.today);
                // What cannot be read is said once (the cache keeps the gap until the next
                // reload).
                let read = state.history().and_then(|h| Ok((h, state.seed_batch()?)));
                let (history, seed_batch) = read.unwrap_or_else(|text| {
                    ctx.commands.push(Command::ReportError(text));
                    (Vec::new(), None)
                });
                let deviations =
                    ctx.roadmap.latest_baseline().map(|b| crate::model::deviations(b, ctx.roadmap));
                let overview = Overview { figures, history, seed_batch, deviations };
                view.overview = Some((generation, std::sync::Arc::new(overview)));
            }
            // The assessment's figures, once per data generation (a jump to the tab forgets
            // them; they are made again here).
            if view.assessment.overview.as_ref().is_none_or(|(g, _)| *g != generation) {
                let lines = assess::overview_figures(ctx.roadmap);
                view.assessment.overview = Some((generation, std::sync::Arc::new(lines)));
            }
            if let Some((_, data)) = view.overview.clone() {
                dashboard::dashboard_ui(
                    ui,
                    ctx,
                    view,
                    &data.figures,
                    &data.history,
                    data.seed_batch,
                    data.deviations.as_ref(),
                );
            }
        }
        Tab::History => {
            if view.history.cache.as_ref().is_none_or(|(g, _)| *g != generation)
                && !state.busy_with_store()
            {
                let history = state.history().unwrap_or_else(|text| {
                    ctx.commands.push(Command::ReportError(text));
                    Vec::new()
                });
                view.history.cache = Some((generation, history));
            }
            let changes = view.history.cache.take().unwrap_or_default();
            history::history_ui(ui, ctx, &mut view.history, &changes.1);
            view.history.cache = Some(changes);
        }
        Tab::Table => table::table_ui(ui, ctx, view, prefs, generation),
        Tab::Finance => plan::finance_ui(ui, ctx, &mut view.finance, generation),
        Tab::Assessment => assess::assess_ui(ui, ctx, view, generation),
        Tab::Timeline => {
            let key = (generation, view.filter.clone(), prefs.timeline.group_by);
            let mut arrangement = match view.arrangement.take() {
                Some((k, a)) if k == key => a,
                _ => arrange(ctx.roadmap, &view.filter, key.2, ctx.today),
            };
            timeline::timeline_ui(ui, ctx, view, &mut prefs.timeline, &mut arrangement, action);
            view.arrangement = Some((key, arrangement));
        }
    }
}
