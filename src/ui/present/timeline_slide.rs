//! The timeline slides: one horizon's measures on the time axis all slides share, each title
//! whole beside its bar, with a legend of the marks drawn.

use chrono::Datelike;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::Presenter;
use super::slides::{SlideCtx, font, slide_format, slide_title};
use crate::i18n::Lang;
use crate::layout::Filter;
use crate::layout::fonts::Face;
use crate::layout::legend::{Drawn, LegendMark, legend_marks};
use crate::layout::timeline::{GroupBy, Viewport, arrange};
use crate::layout::wrap::hyphenated;
use crate::model::{Health, schedule_health};
use crate::ui::theme::Tokens;

/// What a timeline slide shows: its title and the measures on it.
pub(super) struct TimelinePage<'a> {
    /// "Zeitplan: Kurzfristig (sofort)  (1/2)".
    pub(super) title: &'a str,
    /// Indices into `roadmap.measures`, top to bottom.
    pub(super) measures: &'a [usize],
}

/// The share of a timeline slide's width its titles take (left of the bars).
const TIMELINE_LABELS: f32 = 0.5;

/// A measure's code and title as one wrapped text `width` wide in the slide's small type (never
/// cut: it takes the lines it needs).
fn timeline_label(
    painter: &egui::Painter,
    (t, lang): (&Tokens, Lang),
    m: &crate::model::Measure,
    color: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    // The code leads the first line; the title follows, broken by the wrapping service.
    let lines = hyphenated(
        &format!("{}  {}", m.code, m.title),
        lang,
        (Face::Regular, t.text_small),
        width.max(10.0),
    );
    let rest = lines.strip_prefix(m.code.as_str()).unwrap_or(&lines);
    let mut job = egui::text::LayoutJob::default();
    let format = |font: FontId| slide_format(font, color);
    if rest.len() < lines.len() {
        job.append(&m.code, 0.0, format(t.bold_font(t.text_small)));
    }
    job.append(rest, 0.0, format(font(t.text_small)));
    job.wrap.max_width = width.max(10.0) + 4.0;
    job.wrap.break_anywhere = false;
    painter.layout_job(job)
}

/// The height of measure `m`'s row on a timeline slide `area_width` wide: its wrapped title.
pub(super) fn timeline_row_height(
    painter: &egui::Painter,
    (t, lang): (&Tokens, Lang),
    m: &crate::model::Measure,
    area_width: f32,
) -> f32 {
    let label = timeline_label(painter, (t, lang), m, Color32::BLACK, area_width * TIMELINE_LABELS);
    label.size().y.max(t.text_small * 1.2) + t.space_xs * 2.0
}

/// The room a timeline slide keeps for its axis and legend: the legend of every mark the
/// roadmap's timeline slides can draw (a slide's own is never longer).
pub(super) fn timeline_reserve(painter: &egui::Painter, ctx: &SlideCtx<'_>, width: f32) -> f32 {
    let all: Vec<usize> =
        (0..ctx.roadmap.measures.len()).filter(|&i| !ctx.roadmap.measures[i].archived).collect();
    let laid = timeline_rows(ctx, &all, &Viewport::fit(span(ctx), width, 100.0), (0.0, 10.0));
    let marks = legend_marks(&laid, width, Drawn::default());
    let (_, legend) = slide_legend(painter, ctx, &marks, width);
    let t = ctx.tokens;
    // Axis above; the today label and a gap below the rows.
    t.text_small * 1.4 + legend + t.text_small * 1.6 + t.space_s
}

/// The time span every timeline slide shows, so that slides of different horizons compare.
fn span(ctx: &SlideCtx<'_>) -> (chrono::NaiveDate, chrono::NaiveDate) {
    arrange(ctx.roadmap, &Filter::default(), GroupBy::Horizon, ctx.today).span_with(ctx.today)
}

/// The bars of `measures` in `viewport`, one row each from the tops in `tops` (or rows of
/// `(first, height)` when laid out only to learn the marks), as the window's timeline lays
/// them out.
fn timeline_rows(
    ctx: &SlideCtx<'_>,
    measures: &[usize],
    viewport: &Viewport,
    (first, height): (f32, f32),
) -> crate::layout::timeline::TimelineLayout {
    let rows = measures
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let m = &ctx.roadmap.measures[i];
            let (x0, x1) = (viewport.x(m.start), viewport.x(m.end()) + viewport.px_per_day);
            crate::layout::timeline::RowLayout {
                measure: i,
                y: first + n as f32 * height,
                height,
                bar: crate::layout::timeline::Bar {
                    x0,
                    x1,
                    progress_x: x0 + (x1 - x0) * f32::from(m.progress.min(100)) / 100.0,
                    due_mark_x: (m.status == crate::model::Status::Done && m.end() != m.due)
                        .then(|| viewport.x(m.due) + viewport.px_per_day),
                },
                label: format!("{}  {}", m.code, m.title),
                status: m.status,
                health: schedule_health(m, ctx.today),
                label_room: 0.0,
                label_room_left: 0.0,
            }
        })
        .collect();
    crate::layout::timeline::TimelineLayout {
        rows,
        today_x: viewport.x(ctx.today),
        ..Default::default()
    }
}

/// One horizon's measures on the shared time axis: each title whole on the left, its bar on
/// the right, a legend of the marks drawn; a click on a bar shows that measure full screen.
pub(super) fn timeline_slide(
    ui: &mut Ui,
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    page: &TimelinePage<'_>,
    p: &mut Presenter,
) {
    let t = ctx.tokens;
    let top = slide_title(painter, ctx, area, page.title);
    let axis = t.text_small * 1.4;
    let label_width = area.width() * TIMELINE_LABELS;
    let chart_left = area.left() + label_width + t.space_m;
    // Rows first: their heights are their titles'.
    let heights: Vec<f32> = page
        .measures
        .iter()
        .map(|&i| {
            timeline_row_height(painter, (t, ctx.tr.lang()), &ctx.roadmap.measures[i], area.width())
        })
        .collect();
    let rows_height: f32 = heights.iter().sum();
    let chart = Rect::from_min_max(
        pos2(chart_left, top + axis),
        pos2(area.right(), top + axis + rows_height),
    );
    let viewport = Viewport::fit(span(ctx), chart.width(), chart.height());
    let laid = timeline_rows(ctx, page.measures, &viewport, (0.0, 0.0));

    // Year lines and labels over the rows.
    let (first, last) = span(ctx);
    for year in first.year()..=last.year() + 1 {
        let Some(jan) = chrono::NaiveDate::from_ymd_opt(year, 1, 1) else { continue };
        let x = chart.left() + viewport.x(jan);
        if !(chart.left()..=chart.right()).contains(&x) {
            continue;
        }
        painter.line_segment(
            [pos2(x, chart.top() - 4.0), pos2(x, chart.bottom())],
            Stroke::new(2.0, t.grid),
        );
        if x + t.text_small * 3.0 < chart.right() {
            painter.text(
                pos2(x + 6.0, chart.top() - axis),
                Align2::LEFT_TOP,
                year.to_string(),
                t.bold_font(t.text_small),
                t.text_strong,
            );
        }
    }
    let mut clicked = None;
    let mut y = chart.top();
    for ((row, &i), h) in laid.rows.iter().zip(page.measures).zip(&heights) {
        let m = &ctx.roadmap.measures[i];
        let color = if row.health == Health::Overdue { t.danger } else { t.text_strong };
        let label = timeline_label(painter, (t, ctx.tr.lang()), m, color, label_width);
        painter.galley(pos2(area.left(), y + t.space_xs), label, color);
        let bar_height = (t.text_small * 0.9).min(*h - t.space_xs * 2.0);
        let bar = Rect::from_min_max(
            pos2(chart.left() + row.bar.x0, y + t.space_xs + t.text_small * 0.6 - bar_height / 2.0),
            pos2(
                (chart.left() + row.bar.x1).max(chart.left() + row.bar.x0 + 3.0),
                y + t.space_xs + t.text_small * 0.6 + bar_height / 2.0,
            ),
        );
        crate::ui::timeline::paint_bar(painter, t, row, bar);
        let hit = bar.expand(4.0);
        let response = ui.interact(hit, ui.scope_id().with(("slide-bar", &m.code)), Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &row.label)
        });
        if response.clicked() {
            clicked = Some(m.code.clone());
        }
        y += h;
    }
    let today_x = chart.left() + laid.today_x;
    if chart.x_range().contains(today_x) {
        painter.line_segment(
            [pos2(today_x, chart.top() - axis), pos2(today_x, chart.bottom())],
            Stroke::new(3.0, t.accent),
        );
        // The label under the rows (the axis keeps its years), left of the line, on the
        // accent colour.
        let galley = painter.layout_no_wrap(
            ctx.tr.t("label-today"),
            t.bold_font(t.text_small),
            Color32::WHITE,
        );
        let rect = Rect::from_min_size(
            pos2(today_x - galley.size().x - 12.0, chart.bottom() + 2.0),
            galley.size() + vec2(12.0, 4.0),
        );
        painter.rect_filled(rect, 4.0, t.accent);
        painter.galley(rect.min + vec2(6.0, 2.0), galley, Color32::WHITE);
    }
    // The legend of what this slide draws, above the footer.
    let marks = legend_marks(&laid, chart.width(), Drawn::default());
    let (legend, legend_height) = slide_legend(painter, ctx, &marks, area.width());
    let legend_top = (area.bottom() - t.text_small * 1.6 - legend_height)
        .max(chart.bottom() + t.text_small * 1.6);
    let origin = pos2(area.left(), legend_top).to_vec2();
    for (mark, label, sample, text_pos) in &legend {
        crate::ui::timeline::paint_legend_sample(painter, t, sample.translate(origin), *mark);
        painter.text(
            *text_pos + origin,
            Align2::LEFT_CENTER,
            label,
            font(t.text_small),
            t.text_strong,
        );
    }
    if clicked.is_some() {
        p.detail = clicked;
    }
}

/// One entry of a slide's legend: the mark, its name, where its sample goes and where its
/// name starts (left centre), relative to the legend's top left.
type LegendEntry = (LegendMark, String, Rect, Pos2);

/// The legend of the timeline slide: a sample and the short name of each mark drawn, in
/// lines as wide as the slide (one line where it fits), in the slide's small type; and its
/// height.
fn slide_legend(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    marks: &[LegendMark],
    width: f32,
) -> (Vec<LegendEntry>, f32) {
    let t = ctx.tokens;
    let line = t.text_small * 1.5;
    let sample = vec2(t.text_small * 1.2, t.text_small * 0.8);
    let (mut x, mut y) = (0.0_f32, 0.0_f32);
    let mut out = Vec::new();
    for mark in marks {
        let label = mark.short_label(ctx.tr);
        let text = painter.layout_no_wrap(label.clone(), font(t.text_small), t.text_strong);
        let entry = sample.x + t.space_s + text.size().x;
        if x > 0.0 && x + entry > width {
            (x, y) = (0.0, y + line);
        }
        let mid = y + line / 2.0;
        let rect = Rect::from_min_size(pos2(x, mid - sample.y / 2.0), sample);
        out.push((*mark, label, rect, pos2(x + sample.x + t.space_s, mid)));
        x += entry + t.space_m * 1.5;
    }
    let height = if out.is_empty() { 0.0 } else { y + line };
    (out, height)
}
