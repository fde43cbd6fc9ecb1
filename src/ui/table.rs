//! The sortable table of measures. Only the visible rows are laid out.

use egui::{Align, Key, RichText, Sense};
use egui_extras::{Column, TableBuilder, TableRow};
use serde::{Deserialize, Serialize};

use super::theme::{Shape, Tokens, paint_shape};
use super::widgets::muted;
use super::{Prefs, ViewCtx, ViewState};
use crate::i18n::I18n;
use crate::model::{Health, Measure, Roadmap, schedule_health};

pub(super) mod cells;

/// A column of the table, by which it can also be sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortKey {
    /// The measure's code.
    #[default]
    Code,
    /// Title.
    Title,
    /// Horizon.
    Horizon,
    /// Owner's name.
    Owner,
    /// Status.
    Status,
    /// Progress.
    Progress,
    /// Due date.
    Due,
    /// Next re-evaluation.
    NextReevaluation,
    /// Schedule health.
    Health,
}

struct ColumnSpec {
    key: SortKey,
    label: &'static str,
    width: f32,
    /// Lower numbers stay longest when the window is narrow.
    priority: u8,
}

const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { key: SortKey::Code, label: "col-code", width: 56.0, priority: 0 },
    ColumnSpec { key: SortKey::Title, label: "col-title", width: 180.0, priority: 0 },
    ColumnSpec { key: SortKey::Horizon, label: "col-horizon", width: 112.0, priority: 5 },
    ColumnSpec { key: SortKey::Owner, label: "col-owner", width: 150.0, priority: 4 },
    ColumnSpec { key: SortKey::Status, label: "col-status", width: 130.0, priority: 1 },
    ColumnSpec { key: SortKey::Progress, label: "col-progress", width: 92.0, priority: 3 },
    ColumnSpec { key: SortKey::Due, label: "col-due", width: 96.0, priority: 2 },
    ColumnSpec {
        key: SortKey::NextReevaluation,
        label: "col-next-reevaluation",
        width: 122.0,
        priority: 5,
    },
    ColumnSpec { key: SortKey::Health, label: "col-health", width: 136.0, priority: 1 },
];

/// The columns that fit into `width`, in display order.
fn visible_columns(width: f32, spacing: f32) -> Vec<&'static ColumnSpec> {
    let mut max_priority = 6;
    loop {
        let columns: Vec<_> = COLUMNS.iter().filter(|c| c.priority <= max_priority).collect();
        let needed: f32 = columns.iter().map(|c| c.width + spacing).sum();
        if needed <= width || max_priority == 0 {
            return columns;
        }
        max_priority -= 1;
    }
}

/// Row indices of `roadmap.measures` in the order of `key`.
pub fn sorted_order(
    roadmap: &Roadmap,
    key: SortKey,
    descending: bool,
    today: chrono::NaiveDate,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..roadmap.measures.len()).collect();
    let m = |i: usize| &roadmap.measures[i];
    match key {
        SortKey::Code => order.sort_by(|&a, &b| m(a).code.cmp(&m(b).code)),
        SortKey::Title => order.sort_by_cached_key(|&i| m(i).title.to_lowercase()),
        SortKey::Horizon => order.sort_by_key(|&i| m(i).horizon),
        SortKey::Owner => order.sort_by_cached_key(|&i| roadmap.owner_name(m(i)).to_lowercase()),
        SortKey::Status => order.sort_by_key(|&i| m(i).status),
        SortKey::Progress => order.sort_by_key(|&i| m(i).progress),
        SortKey::Due => order.sort_by_key(|&i| m(i).due),
        SortKey::NextReevaluation => {
            order.sort_by_key(|&i| (m(i).next_reevaluation.is_none(), m(i).next_reevaluation));
        }
        SortKey::Health => order.sort_by_key(|&i| schedule_health(m(i), today)),
    }
    if descending {
        order.reverse();
    }
    order
}

/// The table of all measures; a click selects, arrow keys move the selection.
pub fn table_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    view: &mut ViewState,
    prefs: &mut Prefs,
    generation: u64,
) {
    let roadmap = ctx.roadmap;
    let tr = ctx.tr;
    let tokens = ctx.tokens;
    refresh_order(ctx, view, prefs, generation);
    let order: &[usize] = view.order_cache.as_ref().map_or(&[], |(_, o)| o.as_slice());

    let count = if order.len() == roadmap.measures.len() {
        tr.f("measures-count", &[("n", &order.len())])
    } else {
        tr.f("measures-shown", &[("n", &order.len()), ("total", &roadmap.measures.len())])
    };
    muted(ui, tokens, count);

    if order.is_empty() {
        ui.add_space(tokens.space_l);
        let key = if roadmap.measures.is_empty() { "empty-roadmap" } else { "filter-nothing" };
        muted(ui, tokens, tr.t(key));
        return;
    }

    // Arrow keys move the selection when no text field has the keyboard.
    let selected_pos = position_of(roadmap, order, view.selected.as_deref());
    if !ui.ctx().egui_wants_keyboard_input()
        && let Some(next) = keyboard_step(ui, selected_pos, order.len())
    {
        view.selected = Some(roadmap.measures[order[next]].code.clone());
        view.scroll_to_selected = true;
    }
    let selected_pos = position_of(roadmap, order, view.selected.as_deref());

    let available = ui.available_width();
    let columns = visible_columns(available, ui.spacing().item_spacing.x);
    let mut builder = TableBuilder::new(ui)
        .id_salt("measures")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .auto_shrink([false, false]);
    for spec in &columns {
        builder = builder.column(if spec.key == SortKey::Title {
            Column::remainder().at_least(spec.width).clip(true)
        } else {
            // A wide window gives owners room for a whole name ("Informationssicherheits-
            // beauftragter"); the title still takes the rest.
            let width =
                if spec.key == SortKey::Owner && available > 1500.0 { 250.0 } else { spec.width };
            Column::initial(width).at_least(40.0).resizable(true).clip(true)
        });
    }
    if view.scroll_to_selected {
        if let Some(pos) = selected_pos {
            builder = builder.scroll_to_row(pos, None);
        }
        view.scroll_to_selected = false;
    }
    let mut clicked: Option<usize> = None;
    builder
        .header(tokens.row_height + 4.0, |mut header| {
            for spec in &columns {
                header.col(|ui| header_cell_ui(ui, tr, tokens, prefs, spec));
            }
        })
        .body(|body| {
            body.rows(tokens.row_height, order.len(), |mut row| {
                if let Some(index) = row_ui(&mut row, ctx, order, &columns, selected_pos) {
                    clicked = Some(index);
                }
            });
        });
    if let Some(index) = clicked {
        view.selected = Some(roadmap.measures[index].code.clone());
    }
}

/// Sorts and filters anew when the data, the sort or the filter changed since last time.
fn refresh_order(ctx: &ViewCtx<'_>, view: &mut ViewState, prefs: &Prefs, generation: u64) {
    let roadmap = ctx.roadmap;
    let cache_key = (generation, prefs.sort, prefs.sort_descending, view.filter.clone());
    if view.order_cache.as_ref().is_none_or(|(k, _)| *k != cache_key) {
        let mut order = sorted_order(roadmap, prefs.sort, prefs.sort_descending, ctx.today);
        order.retain(|&i| view.filter.matches(roadmap, &roadmap.measures[i], ctx.today));
        view.order_cache = Some((cache_key, order));
    }
}

/// Where the measure with `code` is in `order`.
fn position_of(roadmap: &Roadmap, order: &[usize], code: Option<&str>) -> Option<usize> {
    code.and_then(|code| order.iter().position(|&i| roadmap.measures[i].code == code))
}

/// The row the arrow keys pressed this frame move the selection to, if any were pressed.
fn keyboard_step(ui: &egui::Ui, selected_pos: Option<usize>, len: usize) -> Option<usize> {
    // Several presses can arrive within one frame (key repeat, a fast typist).
    let (down, up) = ui.input(|i| (i.num_presses(Key::ArrowDown), i.num_presses(Key::ArrowUp)));
    let steps = isize::try_from(down)
        .unwrap_or(isize::MAX)
        .saturating_sub(isize::try_from(up).unwrap_or(0));
    match selected_pos {
        _ if down == 0 && up == 0 => None,
        None => Some(0),
        Some(p) => Some(p.saturating_add_signed(steps).min(len - 1)),
    }
}

/// One column header: a click sorts by it, a second click reverses the direction.
fn header_cell_ui(
    ui: &mut egui::Ui,
    tr: &I18n,
    tokens: &Tokens,
    prefs: &mut Prefs,
    spec: &ColumnSpec,
) {
    let active = prefs.sort == spec.key;
    let text = RichText::new(tr.t(spec.label)).strong();
    let response = ui.add(egui::Button::new(text).frame(false)).on_hover_text(tr.t("hint-sort"));
    if active {
        // The direction as a painted triangle (the default fonts have no arrows).
        let size = ui.text_style_height(&egui::TextStyle::Small);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
        let shape = if prefs.sort_descending { Shape::TriangleDown } else { Shape::Triangle };
        paint_shape(ui.painter(), rect, shape, tokens.text_muted, tokens.text_muted);
    }
    if response.clicked() {
        if active {
            prefs.sort_descending = !prefs.sort_descending;
        } else {
            prefs.sort = spec.key;
            prefs.sort_descending = false;
        }
    }
}

/// One row of the table; returns the measure's index if the row was clicked or chosen.
fn row_ui(
    row: &mut TableRow<'_, '_>,
    ctx: &mut ViewCtx<'_>,
    order: &[usize],
    columns: &[&ColumnSpec],
    selected_pos: Option<usize>,
) -> Option<usize> {
    let roadmap = ctx.roadmap;
    let index = order[row.index()];
    let measure = &roadmap.measures[index];
    let is_selected = selected_pos == Some(row.index());
    row.set_selected(is_selected);
    let mut chosen = false;
    for spec in columns {
        row.col(|ui| chosen |= cell_ui(ui, ctx, measure, spec.key, is_selected));
    }
    if !ctx.read_only {
        row.response().context_menu(|ui| status_menu_ui(ui, ctx, measure));
    }
    (chosen || row.response().clicked()).then_some(index)
}

/// A context menu that sets the status of `m` (one command, one history entry).
pub fn status_menu_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, m: &Measure) {
    ui.label(RichText::new(ctx.tr.t("context-status")).strong());
    for status in crate::model::Status::ALL {
        let text = ctx.tr.t(&format!("status-{status}"));
        if ui.add_enabled(*status != m.status, egui::Button::new(text)).clicked() {
            ctx.commands.push(crate::app::Command::SetStatus {
                code: m.code.clone(),
                status: *status,
                comment: String::new(),
                expected_version: m.version,
            });
            ui.close();
        }
    }
}

/// Draws one cell; returns whether it asked to select the row.
fn cell_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    m: &Measure,
    key: SortKey,
    selected: bool,
) -> bool {
    let tokens = ctx.tokens;
    match key {
        SortKey::Code => {
            // A selectable label, so the row can be chosen by keyboard; a screen reader hears
            // the whole row on it (the other cells are painted).
            let response = ui.selectable_label(selected, RichText::new(&m.code).strong());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, row_summary(ctx, m))
            });
            return response.clicked();
        }
        SortKey::Progress => cells::progress_cell(ui, tokens, m.progress, cell_text(ctx, m, key)),
        _ => {
            let warn = |text: RichText| text.color(tokens.danger);
            let health = schedule_health(m, ctx.today);
            let text = RichText::new(cell_text(ctx, m, key));
            let (mark, text) = match key {
                SortKey::Status => (Some(tokens.status_mark(m.status)), text),
                SortKey::Due if health == Health::Overdue => (None, warn(text).strong()),
                SortKey::NextReevaluation if m.next_reevaluation.is_some_and(|d| d < ctx.today) => {
                    (None, warn(text))
                }
                SortKey::Health if health == Health::Overdue => {
                    (Some(tokens.health_mark(health)), warn(text).strong())
                }
                SortKey::Health => (Some(tokens.health_mark(health)), text),
                _ => (None, text),
            };
            cells::text_cell(ui, tokens, mark, text);
        }
    }
    false
}

/// The words of one column of `m`: what its cell shows and a screen reader hears.
fn cell_text(ctx: &ViewCtx<'_>, m: &Measure, key: SortKey) -> String {
    let tr = ctx.tr;
    match key {
        SortKey::Code => m.code.clone(),
        SortKey::Title => m.title.clone(),
        SortKey::Horizon => tr.t(&format!("horizon-{}", m.horizon)),
        SortKey::Owner => ctx.roadmap.owner_name(m).to_owned(),
        SortKey::Status => tr.t(&format!("status-{}", m.status)),
        SortKey::Progress => tr.percent(m.progress),
        SortKey::Due => tr.date(m.due),
        SortKey::NextReevaluation => tr.opt_date(m.next_reevaluation),
        SortKey::Health => tr.t(&format!("health-{}", schedule_health(m, ctx.today).as_str())),
    }
}

/// The row as a screen reader reads it: every column's words, in the table's order (also those
/// a narrow window leaves out).
fn row_summary(ctx: &ViewCtx<'_>, m: &Measure) -> String {
    COLUMNS.iter().map(|c| cell_text(ctx, m, c.key)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_windows_drop_low_priority_columns_first() {
        let all = visible_columns(2000.0, 8.0);
        assert_eq!(all.len(), COLUMNS.len());
        // The table beside the detail panel on a 1024 × 768 projector.
        let narrow: Vec<SortKey> = visible_columns(650.0, 8.0).iter().map(|c| c.key).collect();
        assert_eq!(
            narrow,
            [SortKey::Code, SortKey::Title, SortKey::Status, SortKey::Due, SortKey::Health]
        );
        assert!(visible_columns(10.0, 8.0).iter().all(|c| c.priority == 0));
    }
}
