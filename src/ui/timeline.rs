//! The timeline view: paints the layout from [`crate::layout::timeline`] and turns pointer and
//! keyboard input into zoom, pan and selection. Every visible bar is also an accessible button,
//! so a screen reader (and the UI tests) can reach it.

use chrono::NaiveDate;
use egui::{
    Align2, Color32, CornerRadius, FontId, Key, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, pos2,
    vec2,
};
use serde::{Deserialize, Serialize};

use super::theme::{Shape, Tokens, paint_shape};
use super::{ViewCtx, ViewState};
use crate::i18n::I18n;
use crate::layout::legend::{Drawn, LegendMark, legend_marks};
use crate::layout::timeline::{
    Arrangement, GroupBy, LABEL_GAP, LANE_HEADER, MARKER_RADIUS, MarkerKind, ROW_HEIGHT, RowLayout,
    TickLevel, TimelineLayout, Viewport, layout,
};
use crate::model::{Health, Status, schedule_health};

mod legend;

pub(super) use legend::paint_legend_sample;
use legend::{legend_ui, marker_tooltips};

/// Height of the time axis above the lanes.
const AXIS_HEIGHT: f32 = 40.0;

/// Zoom and scroll position of the timeline, remembered between starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelinePrefs {
    /// The date at the left edge; `None` until the first "show all".
    pub origin: Option<NaiveDate>,
    /// Points per day.
    pub px_per_day: f32,
    /// Vertical scroll.
    pub scroll_y: f32,
    /// Lanes by horizon, owner or status.
    pub group_by: GroupBy,
    /// Whether dependency arrows are drawn.
    pub show_dependencies: bool,
    /// Whether the latest baseline is drawn as thin ghost bars under today's bars.
    pub show_baseline: bool,
    /// Whether the whole roadmap is kept in view (until the user zooms or pans).
    pub fit: bool,
    /// Whether the legend under the chart is folded away.
    pub legend_hidden: bool,
    /// Height the legend took in the last frame (the chart leaves that much room for it).
    #[serde(skip)]
    pub legend_height: f32,
    /// The legend's entries with their names, for the marks and language they were made for
    /// (the words are not formatted anew every frame).
    #[serde(skip)]
    legend_words: Option<(Vec<LegendMark>, crate::i18n::Lang, Vec<String>)>,
}

impl Default for TimelinePrefs {
    fn default() -> Self {
        Self {
            origin: None,
            px_per_day: 0.5,
            scroll_y: 0.0,
            group_by: GroupBy::Horizon,
            show_dependencies: false,
            show_baseline: false,
            fit: true,
            legend_hidden: false,
            legend_height: 0.0,
            legend_words: None,
        }
    }
}

/// What the toolbar asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewAction {
    /// Zoom by a factor around the middle.
    Zoom(f32),
    /// Fit the whole roadmap.
    ShowAll,
    /// Scroll to today.
    Today,
}

/// The toolbar above the chart: grouping, zoom, "show all", "today", dependencies.
pub fn toolbar_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, prefs: &mut TimelinePrefs) -> Option<ViewAction> {
    let tr = ctx.tr;
    let mut action = None;
    {
        // The label stays with its list when the row wraps (a narrow window beside the editor).
        let combo = ui.spacing().combo_width + ui.spacing().icon_width + 16.0;
        let label_width = super::widgets::text_width(ui, &tr.t("label-group-by"));
        super::widgets::keep_together(ui, label_width + ui.spacing().item_spacing.x + combo);
        let label = ui.label(tr.t("label-group-by"));
        egui::ComboBox::from_id_salt("group_by")
            .selected_text(tr.t(prefs.group_by.label_key()))
            .show_ui(ui, |ui| {
                for g in GroupBy::ALL {
                    ui.selectable_value(&mut prefs.group_by, g, tr.t(g.label_key()));
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(ctx.tokens.space_m);
        if ui
            .button("−")
            .on_hover_text(tr.t("action-zoom-out"))
            .widget_info_label(tr.t("action-zoom-out"))
            .clicked()
        {
            action = Some(ViewAction::Zoom(1.0 / 1.5));
        }
        if ui
            .button("+")
            .on_hover_text(tr.t("action-zoom-in"))
            .widget_info_label(tr.t("action-zoom-in"))
            .clicked()
        {
            action = Some(ViewAction::Zoom(1.5));
        }
        if ui.button(tr.t("action-show-all")).clicked() {
            action = Some(ViewAction::ShowAll);
        }
        if ui.button(tr.t("action-today")).clicked() {
            action = Some(ViewAction::Today);
        }
        ui.add_space(ctx.tokens.space_m);
        ui.checkbox(&mut prefs.show_dependencies, tr.t("label-dependencies"));
        if let Some(baseline) = ctx.roadmap.latest_baseline() {
            ui.checkbox(&mut prefs.show_baseline, tr.t("label-baseline"))
                .on_hover_text(tr.f("label-baseline-hint", &[("date", &tr.date(baseline.date))]));
        }
    }
    action
}

/// Gives a button whose text is a symbol a spoken name.
trait WidgetInfoLabel {
    fn widget_info_label(self, label: String) -> Self;
}

impl WidgetInfoLabel for egui::Response {
    fn widget_info_label(self, label: String) -> Self {
        self.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label));
        self
    }
}

/// The timeline of the measures in `arrangement`.
pub fn timeline_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    view: &mut ViewState,
    prefs: &mut TimelinePrefs,
    arrangement: &mut Arrangement,
    action: Option<ViewAction>,
) {
    ui.add_space(ctx.tokens.space_xs);

    // The legend takes the bottom (its height from the last frame), the chart the rest.
    let full = ui.available_rect_before_wrap();
    let legend_height = prefs.legend_height.clamp(0.0, full.height() / 2.0);
    let outer = Rect::from_min_max(full.min, pos2(full.right(), full.bottom() - legend_height));
    let chart = Rect::from_min_max(pos2(outer.left(), outer.top() + AXIS_HEIGHT), outer.max);
    let mut viewport = Viewport {
        origin: prefs.origin.unwrap_or(ctx.today),
        px_per_day: prefs.px_per_day,
        width: chart.width(),
        scroll_y: prefs.scroll_y,
        height: chart.height(),
    };
    if matches!(action, Some(ViewAction::ShowAll)) {
        prefs.fit = true;
    }
    if matches!(action, Some(ViewAction::Zoom(_) | ViewAction::Today)) {
        prefs.fit = false;
    }
    // "Show all" fits the rows into the height too (down to a legible minimum).
    let row_height =
        if prefs.fit { arrangement.fitting_row_height(chart.height()) } else { ROW_HEIGHT };
    if (arrangement.row_height - row_height).abs() > f32::EPSILON {
        arrangement.set_row_height(row_height);
    }
    if prefs.fit || prefs.origin.is_none() {
        // Kept whole while the window is resized, until the user zooms or pans.
        let fitted = Viewport::fit(arrangement.span_with(ctx.today), chart.width(), chart.height());
        viewport = Viewport { scroll_y: viewport.scroll_y, ..fitted };
    }
    let before = (viewport.origin, viewport.px_per_day);
    match action {
        Some(ViewAction::Zoom(f)) => viewport = viewport.zoomed(f, viewport.width / 2.0),
        Some(ViewAction::Today) => {
            let days = (viewport.width / 3.0 / viewport.px_per_day) as i64;
            viewport.origin = ctx.today - chrono::TimeDelta::days(days);
        }
        _ => {}
    }

    // Pointer: drag pans, wheel scrolls (Shift + wheel sideways), Ctrl + wheel and pinch zoom.
    let background = ui.allocate_rect(outer, Sense::click_and_drag());
    if background.dragged() {
        let d = background.drag_delta();
        viewport = viewport.panned(-d.x, -d.y, arrangement.height);
    }
    if ui.rect_contains_pointer(outer) {
        let (zoom, scroll, pointer) =
            ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta(), i.pointer.hover_pos()));
        if (zoom - 1.0).abs() > f32::EPSILON {
            let x = pointer.map_or(viewport.width / 2.0, |p| p.x - chart.left());
            viewport = viewport.zoomed(zoom, x);
        } else if scroll != egui::Vec2::ZERO {
            viewport = viewport.panned(-scroll.x, -scroll.y, arrangement.height);
        }
    }
    viewport = viewport.panned(0.0, 0.0, arrangement.height);
    if (viewport.origin, viewport.px_per_day) != before {
        prefs.fit = false;
    }

    keyboard(ui, view, arrangement, ctx, &mut viewport);

    let laid =
        layout(ctx.roadmap, arrangement, &viewport, ctx.today, prefs.show_dependencies, ctx.tr);
    let mut labels = Vec::new();
    paint(ui, ctx, view, (&laid, &mut labels), outer, chart, &viewport);
    // A click on a measure's label selects it as a click on its bar does.
    if background.clicked()
        && let Some(pos) = background.interact_pointer_pos()
        && let Some((_, code)) = labels.iter().find(|(rect, _)| rect.contains(pos))
    {
        view.selected = Some(code.clone());
        view.detail_hidden = false;
    }
    let baseline = prefs.show_baseline && paint_baseline(ui, ctx, &laid, chart, &viewport);

    // The legend: an entry for each kind of mark drawn now.
    let drawn = Drawn { markers: true, baseline, adopted: true };
    let marks = legend_marks(&laid, chart.width(), drawn);
    let legend_rect = Rect::from_min_max(pos2(full.left(), outer.bottom()), full.max);
    let mut legend = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(legend_rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    legend_ui(&mut legend, ctx, prefs, &marks);
    let used = legend.min_rect().height();
    if (used - prefs.legend_height).abs() > 0.5 {
        prefs.legend_height = used;
        ui.ctx().request_repaint();
    }

    prefs.origin = Some(viewport.origin);
    prefs.px_per_day = viewport.px_per_day;
    prefs.scroll_y = viewport.scroll_y;
}

/// Up/down move the selection in timeline order (scrolling it into view); Enter opens details.
fn keyboard(
    ui: &Ui,
    view: &mut ViewState,
    arrangement: &Arrangement,
    ctx: &ViewCtx<'_>,
    viewport: &mut Viewport,
) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (down, up, enter) = ui.input(|i| {
        (i.num_presses(Key::ArrowDown), i.num_presses(Key::ArrowUp), i.key_pressed(Key::Enter))
    });
    if enter && view.selected.is_some() {
        view.detail_hidden = false;
    }
    if down == 0 && up == 0 {
        return;
    }
    let order: Vec<usize> = arrangement.order().collect();
    if order.is_empty() {
        return;
    }
    let current = view
        .selected
        .as_ref()
        .and_then(|code| order.iter().position(|&i| &ctx.roadmap.measures[i].code == code));
    let steps = isize::try_from(down)
        .unwrap_or(isize::MAX)
        .saturating_sub(isize::try_from(up).unwrap_or(0));
    let next = current.map_or(0, |p| p.saturating_add_signed(steps).min(order.len() - 1));
    let index = order[next];
    view.selected = Some(ctx.roadmap.measures[index].code.clone());
    if let Some(top) = arrangement.row_top(index) {
        if top < viewport.scroll_y {
            viewport.scroll_y = top - LANE_HEADER;
        } else if top + arrangement.row_height > viewport.scroll_y + viewport.height {
            viewport.scroll_y = top + arrangement.row_height - viewport.height;
        }
        *viewport = viewport.panned(0.0, 0.0, arrangement.height);
    }
}

fn status_fill(tokens: &Tokens, status: Status) -> Color32 {
    tokens.status_mark(status).0
}

/// What the painting steps share: the painters, the chart's geometry, the scroll and the fonts.
struct Canvas<'a> {
    /// Paints anywhere in the view, the axis included.
    painter: egui::Painter,
    /// Paints clipped to the chart below the axis.
    body: egui::Painter,
    /// The whole view.
    outer: Rect,
    /// The lanes, below the axis.
    chart: Rect,
    /// The time axis above the chart.
    axis: Rect,
    /// Vertical scroll of the chart.
    scroll_y: f32,
    /// Sizes and colours.
    tokens: &'a Tokens,
    /// Axis labels, subtitles, the today mark.
    small: FontId,
    /// Bar labels.
    body_font: FontId,
    /// Where the pointer is (only what it is over needs a widget of its own).
    pointer: Option<Pos2>,
    /// The rows' labels as drawn, with their measures (a click on one selects it).
    labels: std::cell::RefCell<Vec<(Rect, String)>>,
}

impl Canvas<'_> {
    /// Screen position of a point given in chart coordinates.
    fn to_screen(&self, x: f32, y: f32) -> Pos2 {
        pos2(self.chart.left() + x, self.chart.top() + y - self.scroll_y)
    }
}

/// Paints the laid-out timeline and makes every visible bar an accessible button.
fn paint(
    ui: &mut Ui,
    ctx: &mut ViewCtx<'_>,
    view: &mut ViewState,
    (laid, labels): (&TimelineLayout, &mut Vec<(Rect, String)>),
    outer: Rect,
    chart: Rect,
    viewport: &Viewport,
) {
    let (tokens, tr) = (ctx.tokens, ctx.tr);
    let c = Canvas {
        painter: ui.painter_at(outer),
        body: ui.painter_at(chart),
        outer,
        chart,
        axis: Rect::from_min_max(outer.min, pos2(outer.right(), chart.top())),
        scroll_y: viewport.scroll_y,
        tokens,
        small: FontId::proportional(tokens.text_small),
        body_font: FontId::proportional(tokens.text_body),
        pointer: ui.input(|i| i.pointer.hover_pos()),
        labels: std::cell::RefCell::default(),
    };

    paint_lane_bands(&c, laid);
    paint_axis(&c, laid);
    paint_adopted(&c, laid, tr);
    paint_lane_headers(&c, laid);
    paint_today(&c, laid, tr);

    // Rows: selection, bars, labels.
    let mut clicked = None;
    for row in &laid.rows {
        if let Some(code) = paint_row(ui, &c, ctx, view, row) {
            clicked = Some(code);
        }
    }
    if let Some(code) = clicked {
        view.selected = Some(code);
        // A click asks for the measure: after "Details ausblenden" its details come back.
        view.detail_hidden = false;
    }

    paint_markers(&c, laid);
    paint_arrows(&c, laid);
    marker_tooltips(ui, &c, ctx, laid);
    *labels = c.labels.take();

    if laid.rows.is_empty() {
        c.painter.text(
            chart.center(),
            Align2::CENTER_CENTER,
            tr.t("timeline-empty"),
            c.body_font,
            tokens.text_muted,
        );
    }
}

/// The latest baseline's dates as thin ghost bars along the bottom of each row (a measure that
/// did not exist then has none): how far the plan moved since it was approved.
fn paint_baseline(
    ui: &Ui,
    ctx: &ViewCtx<'_>,
    laid: &TimelineLayout,
    chart: Rect,
    viewport: &Viewport,
) -> bool {
    let Some(baseline) = ctx.roadmap.latest_baseline() else { return false };
    let painter = ui.painter_at(chart);
    let stroke = Stroke::new(1.0, ctx.tokens.text_muted);
    let mut drawn = false;
    for row in &laid.rows {
        let code = &ctx.roadmap.measures[row.measure].code;
        let Some(then) = baseline.measures.iter().find(|m| &m.code == code) else { continue };
        let top = chart.top() + row.y - viewport.scroll_y;
        let bottom = top + row.height - 1.0;
        let x0 = chart.left() + viewport.x(then.start);
        let end = then.due.checked_add_days(chrono::Days::new(1)).unwrap_or(then.due);
        let x1 = (chart.left() + viewport.x(end)).max(x0 + 2.0);
        let ghost = Rect::from_min_max(pos2(x0, bottom - 3.0), pos2(x1, bottom));
        paint_ghost(&painter, ctx.tokens, ghost, stroke);
        drawn = true;
    }
    drawn
}

/// A baseline's ghost bar.
fn paint_ghost(painter: &egui::Painter, tokens: &Tokens, ghost: Rect, stroke: Stroke) {
    painter.rect_filled(ghost, CornerRadius::ZERO, tokens.text_muted.gamma_multiply(0.35));
    painter.rect_stroke(ghost, CornerRadius::ZERO, stroke, egui::StrokeKind::Inside);
}

/// The lane bands, alternating in shade.
fn paint_lane_bands(c: &Canvas<'_>, laid: &TimelineLayout) {
    let (chart, tokens) = (c.chart, c.tokens);
    for (i, lane) in laid.lanes.iter().enumerate() {
        let top = c.to_screen(0.0, lane.y).y;
        let band = Rect::from_min_max(
            pos2(chart.left(), top),
            pos2(chart.right(), top + lane.height - 4.0),
        );
        c.body.rect_filled(
            band,
            CornerRadius::ZERO,
            if i % 2 == 0 { tokens.lane_fill } else { tokens.lane_fill_alt },
        );
    }
}

/// Grid lines and the axis with its ticks and labels.
fn paint_axis(c: &Canvas<'_>, laid: &TimelineLayout) {
    let (painter, chart, axis, tokens) = (&c.painter, c.chart, c.axis, c.tokens);
    painter.rect_filled(axis, CornerRadius::ZERO, tokens.surface);
    for tick in &laid.ticks {
        let x = chart.left() + tick.x;
        let (stroke, tick_len) = match tick.level {
            TickLevel::Year => (Stroke::new(1.5, tokens.grid_strong), 14.0),
            TickLevel::Quarter => (Stroke::new(1.0, tokens.grid), 9.0),
            TickLevel::Month => (Stroke::new(0.5, tokens.grid), 5.0),
        };
        c.body.line_segment([pos2(x, chart.top()), pos2(x, chart.bottom())], stroke);
        painter.line_segment(
            [pos2(x, axis.bottom() - tick_len), pos2(x, axis.bottom())],
            Stroke::new(1.0, tokens.text_muted),
        );
        if let Some(label) = &tick.label {
            let (font, color) = if tick.level == TickLevel::Year {
                (tokens.bold_font(tokens.text_body + 1.0), tokens.text_strong)
            } else {
                (c.small.clone(), tokens.text_muted)
            };
            painter.text(pos2(x + 4.0, axis.top() + 4.0), Align2::LEFT_TOP, label, font, color);
        }
    }
    painter.line_segment(
        [pos2(axis.left(), axis.bottom()), pos2(axis.right(), axis.bottom())],
        Stroke::new(1.0, tokens.separator),
    );
}

/// The adoption date as a dashed line with its label.
fn paint_adopted(c: &Canvas<'_>, laid: &TimelineLayout, tr: &I18n) {
    let (painter, chart, axis, tokens) = (&c.painter, c.chart, c.axis, c.tokens);
    if let Some(x) =
        laid.adopted_x.map(|x| chart.left() + x).filter(|x| c.outer.x_range().contains(*x))
    {
        for shape in egui::Shape::dashed_line(
            &[pos2(x, axis.top() + 22.0), pos2(x, chart.bottom())],
            Stroke::new(1.5, tokens.text_muted),
            6.0,
            4.0,
        ) {
            painter.add(shape);
        }
        painter.text(
            pos2(x + 4.0, axis.top() + 22.0),
            Align2::LEFT_TOP,
            tr.t("label-adopted"),
            c.small.clone(),
            tokens.text_muted,
        );
    }
}

/// Lane headers above the grid, so no line runs through their titles.
fn paint_lane_headers(c: &Canvas<'_>, laid: &TimelineLayout) {
    let (body, chart, tokens) = (&c.body, c.chart, c.tokens);
    for lane in &laid.lanes {
        let top = c.to_screen(0.0, lane.y).y;
        let band =
            Rect::from_min_max(pos2(chart.left(), top), pos2(chart.right(), top + LANE_HEADER));
        body.rect_filled(band, CornerRadius::ZERO, tokens.lane_header_fill);
        let title = body.text(
            pos2(band.left() + tokens.space_m, band.center().y),
            Align2::LEFT_CENTER,
            &lane.title,
            tokens.bold_font(tokens.text_heading),
            tokens.text_strong,
        );
        body.text(
            pos2(title.right() + tokens.space_m, band.center().y),
            Align2::LEFT_CENTER,
            &lane.subtitle,
            c.small.clone(),
            tokens.text_muted,
        );
    }
}

/// The today line with its label on the axis.
fn paint_today(c: &Canvas<'_>, laid: &TimelineLayout, tr: &I18n) {
    let (painter, chart, axis, tokens) = (&c.painter, c.chart, c.axis, c.tokens);
    let today_x = chart.left() + laid.today_x;
    if c.outer.x_range().contains(today_x) {
        painter.line_segment(
            [pos2(today_x, axis.top() + 20.0), pos2(today_x, chart.bottom())],
            Stroke::new(2.0, tokens.accent),
        );
        let label = painter.layout_no_wrap(tr.t("label-today"), c.small.clone(), Color32::WHITE);
        let rect = Rect::from_min_size(
            pos2(today_x - label.size().x / 2.0 - 4.0, axis.top() + 20.0),
            label.size() + vec2(8.0, 2.0),
        );
        painter.rect_filled(rect, 3.0, tokens.accent);
        painter.galley(rect.min + vec2(4.0, 1.0), label, Color32::WHITE);
    }
}

/// One row: its selection, bar and label, and the bar as an accessible, clickable element.
/// Returns the measure's code if its bar was clicked.
fn paint_row(
    ui: &mut Ui,
    c: &Canvas<'_>,
    ctx: &mut ViewCtx<'_>,
    view: &ViewState,
    row: &RowLayout,
) -> Option<String> {
    let (chart, tokens, roadmap) = (c.chart, c.tokens, ctx.roadmap);
    let m = &roadmap.measures[row.measure];
    let top = c.to_screen(0.0, row.y).y;
    let row_rect =
        Rect::from_min_max(pos2(chart.left(), top), pos2(chart.right(), top + row.height));
    let selected = view.selected.as_deref() == Some(m.code.as_str());
    if selected {
        c.body.rect_filled(row_rect, CornerRadius::ZERO, tokens.selection_fill);
    }
    let bar = bar_rect(row, chart, top);
    paint_bar(&c.body, tokens, row, bar);
    let label = paint_row_label(c, row, bar, row_rect.center().y).intersect(chart);

    // Each bar is an accessible, clickable element with its key facts as tooltip.
    let mut clicked = None;
    let hit = bar.expand2(vec2(2.0, (row.height - row.bar_height()) / 2.0)).intersect(chart);
    if hit.is_positive() {
        let response = ui.interact(hit, ui.scope_id().with(("bar", &m.code)), Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &row.label)
        });
        if response.clicked() {
            clicked = Some(m.code.clone());
        }
        let response = response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, ctx, row.measure));
        if !ctx.read_only {
            response.context_menu(|ui| super::table::status_menu_ui(ui, ctx, m));
        }
    }
    // The label beside the bar selects the measure as the bar does (the bar is the accessible
    // element; the label is its visible name).
    // The label is no widget of its own (no extra keyboard stop, nothing per row and frame):
    // a click on it reaches the chart's background, which looks it up here.
    if label.is_positive() {
        c.labels.borrow_mut().push((label, m.code.clone()));
    }
    clicked
}

/// The label beside the bar, up to the next diamond; on the left of the bar when it does not fit
/// on the right but does there; else shortened with an ellipsis.
fn paint_row_label(c: &Canvas<'_>, row: &RowLayout, bar: Rect, center_y: f32) -> Rect {
    let (body, chart, tokens) = (&c.body, c.chart, c.tokens);
    let color = if row.health == Health::Overdue { tokens.danger } else { tokens.text_strong };
    let full = body.layout_no_wrap(row.label.clone(), c.body_font.clone(), color);
    let room_right = (chart.right() - bar.right() - LABEL_GAP).min(row.label_room);
    let room_left = (bar.left() - chart.left() - LABEL_GAP).min(row.label_room_left);
    let right_side =
        full.size().x <= room_right || (full.size().x > room_left && room_right >= room_left);
    let room = if right_side { room_right } else { room_left };
    let galley = if full.size().x <= room {
        full
    } else {
        let mut job =
            egui::text::LayoutJob::simple_singleline(row.label.clone(), c.body_font.clone(), color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(room.max(48.0));
        body.layout_job(job)
    };
    let x =
        if right_side { bar.right() + LABEL_GAP } else { bar.left() - LABEL_GAP - galley.size().x };
    let rect = Rect::from_min_size(pos2(x, center_y - galley.size().y / 2.0), galley.size());
    body.galley(rect.min, galley, color);
    rect
}

/// Re-evaluation diamonds: past ones filled by verdict, the next hollow, overdue ones in red.
fn paint_markers(c: &Canvas<'_>, laid: &TimelineLayout) {
    let (body, tokens) = (&c.body, c.tokens);
    for marker in &laid.markers {
        let center = c.to_screen(marker.x, marker.y);
        if !c.chart.expand(8.0).contains(center) {
            continue;
        }
        let rect = Rect::from_center_size(center, vec2(2.0 * MARKER_RADIUS, 2.0 * MARKER_RADIUS));
        let outline = tokens.marker_outline;
        match marker.kind {
            MarkerKind::Past(verdict) => {
                let color = tokens.verdict_mark(verdict).0;
                paint_shape(body, rect, Shape::Diamond, color, outline);
            }
            MarkerKind::Next => {
                paint_hollow_diamond(body, rect, Stroke::new(2.0, tokens.text_strong));
            }
            MarkerKind::Overdue => {
                paint_hollow_diamond(body, rect.expand(2.0), Stroke::new(3.0, tokens.danger));
            }
        }
    }
}

/// Dependency arrows: from the end of the predecessor to the start of the successor.
fn paint_arrows(c: &Canvas<'_>, laid: &TimelineLayout) {
    let (body, tokens) = (&c.body, c.tokens);
    for arrow in &laid.arrows {
        let to = c.to_screen(arrow.to.0, arrow.to.1);
        let color = if arrow.violated { tokens.warning } else { tokens.arrow };
        let stroke = Stroke::new(if arrow.violated { 2.0 } else { 1.2 }, color);
        let points: Vec<Pos2> = arrow.path().into_iter().map(|(x, y)| c.to_screen(x, y)).collect();
        paint_arrow(body, points, to, stroke);
    }
}

/// A line through `points` ending in a head at `to`.
fn paint_arrow(painter: &egui::Painter, points: Vec<Pos2>, to: Pos2, stroke: Stroke) {
    painter.add(egui::Shape::line(points, stroke));
    let head = [pos2(to.x, to.y), pos2(to.x - 7.0, to.y - 4.0), pos2(to.x - 7.0, to.y + 4.0)];
    painter.add(egui::Shape::convex_polygon(head.to_vec(), stroke.color, Stroke::NONE));
}

pub(super) fn bar_rect(row: &RowLayout, chart: Rect, top: f32) -> Rect {
    let y = top + (row.height - row.bar_height()) / 2.0;
    let x0 = chart.left() + row.bar.x0;
    let x1 = (chart.left() + row.bar.x1).max(x0 + 3.0);
    Rect::from_min_max(pos2(x0, y), pos2(x1, y + row.bar_height()))
}

/// A bar whose colour and pattern tell the status: planned hollow, in progress filled to its
/// progress, done calm and full, on hold hatched, cancelled struck through; overdue outlined in red.
pub(super) fn paint_bar(painter: &egui::Painter, tokens: &Tokens, row: &RowLayout, bar: Rect) {
    let color = status_fill(tokens, row.status);
    let radius = CornerRadius::same(4);
    painter.rect_filled(bar, radius, tokens.bar_track);
    match row.status {
        Status::Planned => {}
        Status::Done => {
            painter.rect_filled(bar, radius, color.gamma_multiply(0.55));
        }
        Status::InProgress => {
            let fill = Rect::from_min_max(
                bar.min,
                pos2(row.bar.progress_x.max(0.0) + bar.left() - row.bar.x0, bar.bottom()),
            );
            painter.rect_filled(fill.intersect(bar), radius, color);
        }
        Status::OnHold => {
            let fill = Rect::from_min_max(
                bar.min,
                pos2(row.bar.progress_x + bar.left() - row.bar.x0, bar.bottom()),
            );
            painter.rect_filled(fill.intersect(bar), radius, color.gamma_multiply(0.6));
            hatch(painter, bar, color);
        }
        Status::Cancelled => {
            painter.line_segment(
                [pos2(bar.left(), bar.center().y), pos2(bar.right(), bar.center().y)],
                Stroke::new(2.0, color),
            );
        }
    }
    let outline = if row.health == Health::Overdue {
        Stroke::new(2.5, tokens.danger)
    } else {
        Stroke::new(1.0, color)
    };
    painter.rect_stroke(bar, radius, outline, StrokeKind::Inside);
    if let Some(x) = row.bar.due_mark_x {
        let x = bar.left() - row.bar.x0 + x;
        painter.line_segment(
            [pos2(x, bar.top() - 3.0), pos2(x, bar.bottom() + 3.0)],
            Stroke::new(2.0, tokens.text_muted),
        );
    }
    if row.health == Health::Overdue {
        let mark =
            Rect::from_center_size(pos2(bar.right() - 9.0, bar.center().y), vec2(12.0, 12.0));
        if bar.width() > 24.0 {
            paint_shape(painter, mark, Shape::Triangle, tokens.danger, Color32::WHITE);
        }
    }
}

fn hatch(painter: &egui::Painter, bar: Rect, color: Color32) {
    let clip = painter.with_clip_rect(bar.intersect(painter.clip_rect()));
    let step = 7.0;
    let mut x = bar.left() - bar.height();
    while x < bar.right() {
        clip.line_segment(
            [pos2(x, bar.bottom()), pos2(x + bar.height(), bar.top())],
            Stroke::new(1.5, color),
        );
        x += step;
    }
}

fn paint_hollow_diamond(painter: &egui::Painter, rect: Rect, stroke: Stroke) {
    let c = rect.center();
    let r = rect.width() * 0.42;
    let points: Vec<Pos2> =
        vec![pos2(c.x, c.y - r), pos2(c.x + r, c.y), pos2(c.x, c.y + r), pos2(c.x - r, c.y)];
    painter.add(egui::Shape::closed_line(points, stroke));
}

fn tooltip_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, index: usize) {
    let (tr, roadmap) = (ctx.tr, ctx.roadmap);
    let m = &roadmap.measures[index];
    ui.label(egui::RichText::new(format!("{}  {}", m.code, m.title)).strong());
    egui::Grid::new("tooltip").num_columns(2).show(ui, |ui| {
        let mut row = |key: &str, value: String| {
            ui.label(egui::RichText::new(tr.t(key)).color(ctx.tokens.text_muted));
            ui.label(value);
            ui.end_row();
        };
        row("col-owner", roadmap.owner_name(m).to_owned());
        row(
            "col-status",
            format!("{} · {}", tr.t(&format!("status-{}", m.status)), tr.percent(m.progress)),
        );
        row("label-period", format!("{} – {}", tr.date(m.start), tr.date(m.due)));
        if let Some(done) = m.completed {
            row("field-completed", tr.date(done));
        }
        row("col-health", tr.t(&format!("health-{}", schedule_health(m, ctx.today).as_str())));
        row("col-next-reevaluation", tr.opt_date(m.next_reevaluation));
        row(
            "field-spent",
            format!("{} / {}", tr.money(roadmap.spent(&m.code)), tr.money(m.planned_one_off)),
        );
    });
}
