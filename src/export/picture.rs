//! The timeline as a picture: SVG drawn from the same view-model as the window, and PNG rendered
//! from that SVG with resvg (no GPU, no window).

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::i18n::I18n;
use crate::layout::Filter;
use crate::layout::fonts::{Face, TextMetrics, metrics};
use crate::layout::legend::{Drawn, LegendMark, legend_marks};
use crate::layout::palette;
use crate::layout::timeline::{
    GroupBy, LABEL_GAP, LANE_HEADER, MARKER_RADIUS, MarkerKind, RowLayout, TickLevel,
    TimelineLayout, Viewport, arrange, layout,
};
use crate::model::{Health, Roadmap, Status};
use legend::{LEGEND_LINE, legend, legend_lines};

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// Width or height outside 200–10,000 pixels.
    #[error("the size {0} × {1} is outside 200–10000 pixels")]
    BadSize(u32, u32),
    /// The renderer failed.
    #[error("the picture could not be rendered: {0}")]
    Render(String),
    /// A shipped font could not be read (to measure the labels).
    #[error("a font could not be read: {0}")]
    Font(String),
}

const TITLE_HEIGHT: f32 = 64.0;
const AXIS_HEIGHT: f32 = 36.0;
const MARGIN: f32 = 20.0;
const FONT: &str = "Noto Sans";
const TEXT: &str = "#141414";
const MUTED: &str = "#5c5c5c";
/// Size of the bars' labels.
const LABEL_SIZE: f32 = 13.0;
/// Size of the legend's text.
const LEGEND_SIZE: f32 = 12.0;

/// Escapes text for XML (and HTML) content and attribute values; control characters become
/// spaces.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Size and content of a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PictureOptions {
    /// Width in pixels (200–10,000).
    pub width: u32,
    /// Height in pixels (200–10,000).
    pub height: u32,
    /// Whether dependency arrows are drawn.
    pub dependencies: bool,
}

impl Default for PictureOptions {
    fn default() -> Self {
        Self { width: 1920, height: 1080, dependencies: false }
    }
}

/// `text` as SVG shows it: runs of white space as one space, none at the end.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Width in pixels of a bar's label: the code in bold, then `rest` in regular text, measured
/// with the shipped fonts as the picture draws them.
fn label_width(metrics: &TextMetrics, code: &str, rest: &str) -> f32 {
    metrics.width(code, Face::Bold, LABEL_SIZE)
        + metrics.width(&collapse(rest), Face::Regular, LABEL_SIZE)
}

/// What of `rest` (the label after its code) fits beside the code in `room` pixels: all of it,
/// or its start with an ellipsis, or nothing (the code is never shortened: it names the
/// measure).
fn fit_label(metrics: &TextMetrics, code: &str, rest: &str, room: f32) -> String {
    let rest = collapse(rest);
    if label_width(metrics, code, &rest) <= room {
        return rest;
    }
    let ellipsis = metrics.width("…", Face::Regular, LABEL_SIZE);
    let budget = room - metrics.width(code, Face::Bold, LABEL_SIZE) - ellipsis;
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        used += metrics.glyph(Face::Regular, c).advance * LABEL_SIZE / 1000.0;
        if used > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    let short = rest[..end].trim_end();
    if short.is_empty() { String::new() } else { format!("{short}…") }
}

/// The height in pixels at which the picture of `roadmap`, `width` pixels wide, shows its text
/// at its natural size (13-pixel labels): title, axis, lanes and the legend under them; larger
/// pictures enlarge it, smaller ones shrink it.
pub fn timeline_natural_height(roadmap: &Roadmap, today: NaiveDate, tr: &I18n, width: u32) -> f32 {
    let arrangement =
        arrange(roadmap, &Filter::default(), GroupBy::Horizon, today).without_empty_lanes();
    let Ok(metrics) = metrics() else {
        return TITLE_HEIGHT + AXIS_HEIGHT + arrangement.height + MARGIN;
    };
    let marks = picture_marks(roadmap, &arrangement, today, tr, (width as f32, false));
    let lines = legend_lines(metrics, tr, &marks, width as f32 - 2.0 * MARGIN).len();
    natural_height(arrangement.height, lines)
}

/// Title, axis, `lanes`, a legend of `lines` lines and the margin.
fn natural_height(lanes: f32, lines: usize) -> f32 {
    let legend = if lines == 0 { 0.0 } else { lines as f32 * LEGEND_LINE + 8.0 };
    TITLE_HEIGHT + AXIS_HEIGHT + lanes + legend + MARGIN
}

/// The marks the picture of the whole `arrangement` draws, `width` wide, with or without
/// dependency arrows (the same at any width: every row and today are in view).
fn picture_marks(
    roadmap: &Roadmap,
    arrangement: &crate::layout::timeline::Arrangement,
    today: NaiveDate,
    tr: &I18n,
    (width, dependencies): (f32, bool),
) -> Vec<LegendMark> {
    let chart_width = (width - 2.0 * MARGIN).max(100.0);
    let viewport = Viewport {
        height: arrangement.height,
        ..Viewport::fit(arrangement.span_with(today), chart_width, arrangement.height)
    };
    let laid = layout(roadmap, arrangement, &viewport, today, dependencies, tr);
    legend_marks(&laid, chart_width, Drawn { markers: true, baseline: false, adopted: true })
}

/// What the layers of a picture share: the roadmap, its laid-out timeline and where the chart
/// sits in the drawing (in logical units, before the drawing is scaled to the picture's size).
struct Canvas<'a> {
    roadmap: &'a Roadmap,
    /// The shipped fonts' metrics, to measure labels.
    metrics: &'static TextMetrics,
    today: NaiveDate,
    tr: &'a I18n,
    /// The timeline as the window would draw it.
    laid: TimelineLayout,
    /// Width of the drawing.
    logical_width: f32,
    /// Height of the drawing: title, axis, lanes and margin.
    natural_height: f32,
    /// Left edge of the chart.
    chart_left: f32,
    /// Width of the chart.
    chart_width: f32,
    /// Top of the lanes, below title and axis.
    chart_top: f32,
    /// Bottom of the lanes: lines stop here, above the legend.
    chart_bottom: f32,
    /// The codes of the measures whose label the picture had to shorten (for the key beside
    /// it that gives their titles whole).
    shortened: std::cell::RefCell<Vec<String>>,
}

/// Writes one line of SVG.
fn w(s: &mut String, text: std::fmt::Arguments<'_>) {
    let _ = s.write_fmt(text);
    s.push('\n');
}

/// The whole roadmap's timeline (lanes by horizon, empty ones left out) as SVG of the given
/// size.
pub fn timeline_svg(
    roadmap: &Roadmap,
    today: NaiveDate,
    tr: &I18n,
    options: PictureOptions,
) -> Result<String, PictureError> {
    timeline_svg_keyed(roadmap, today, tr, options).map(|(svg, _)| svg)
}

/// [`timeline_svg`], and the codes of the measures whose labels it shortened, in the order
/// drawn: a report gives their titles whole beside the picture ([`shortened_key`]).
pub fn timeline_svg_keyed(
    roadmap: &Roadmap,
    today: NaiveDate,
    tr: &I18n,
    options: PictureOptions,
) -> Result<(String, Vec<String>), PictureError> {
    let PictureOptions { width, height, dependencies } = options;
    if !(200..=10_000).contains(&width) || !(200..=10_000).contains(&height) {
        return Err(PictureError::BadSize(width, height));
    }
    let arrangement =
        arrange(roadmap, &Filter::default(), GroupBy::Horizon, today).without_empty_lanes();
    let metrics = metrics().map_err(PictureError::Font)?;
    // Lay out at the natural row height, then scale the drawing uniformly to fill the height.
    // The legend's lines depend on the drawing's width, which depends on its height: laid out at
    // the picture's width first, then at the drawing's (more lines only if narrower).
    let marks = picture_marks(roadmap, &arrangement, today, tr, (width as f32, dependencies));
    let mut lines = legend_lines(metrics, tr, &marks, width as f32 - 2.0 * MARGIN);
    let mut natural_height = natural_height(arrangement.height, lines.len());
    let logical = |natural: f32| width as f32 * natural / height as f32;
    let relaid = legend_lines(metrics, tr, &marks, logical(natural_height) - 2.0 * MARGIN);
    if relaid.len() > lines.len() {
        natural_height = self::natural_height(arrangement.height, relaid.len());
    }
    if relaid.len() >= lines.len() || logical(natural_height) > width as f32 {
        lines = relaid;
    }
    let logical_width = logical(natural_height);
    let chart_left = MARGIN;
    let chart_width = logical_width - 2.0 * MARGIN;
    let chart_top = TITLE_HEIGHT + AXIS_HEIGHT;
    let span = arrangement.span_with(today);
    let viewport = Viewport {
        height: arrangement.height,
        ..Viewport::fit(span, chart_width, arrangement.height)
    };
    let laid = layout(roadmap, &arrangement, &viewport, today, dependencies, tr);
    let legend_top = chart_top + arrangement.height + 8.0;
    let cx = Canvas {
        roadmap,
        metrics,
        today,
        tr,
        laid,
        logical_width,
        natural_height,
        chart_left,
        chart_width,
        chart_top,
        chart_bottom: chart_top + arrangement.height,
        shortened: std::cell::RefCell::default(),
    };

    let mut s = String::new();
    header(&mut s, &cx, (width, height));
    lane_backgrounds(&mut s, &cx);
    grid(&mut s, &cx);
    lane_headers(&mut s, &cx);
    bars(&mut s, &cx);
    diamonds(&mut s, &cx);
    arrows(&mut s, &cx);
    today_line(&mut s, &cx);
    w(&mut s, format_args!("</g>"));
    legend(&mut s, &lines, (MARGIN, legend_top));
    w(&mut s, format_args!("</svg>"));
    Ok((s, cx.shortened.take()))
}

/// The key beside a picture for the measures `codes` whose labels it shortened: each code with
/// its whole title.
pub fn shortened_key(roadmap: &Roadmap, codes: &[String]) -> Vec<(String, String)> {
    codes
        .iter()
        .filter_map(|c| roadmap.measure(c))
        .map(|m| (m.code.clone(), m.title.clone()))
        .collect()
}

/// The `<svg>` element of `width` × `height` pixels, the shared definitions (hatch, arrow heads,
/// the chart's clip), the white background, title, date and legend.
fn header(s: &mut String, cx: &Canvas<'_>, (width, height): (u32, u32)) {
    let Canvas {
        roadmap,
        today,
        tr,
        logical_width,
        natural_height,
        chart_left,
        chart_width,
        chart_bottom,
        ..
    } = *cx;
    // The chart's clip ends with its lanes: no line runs through the legend below.
    let clip_height = chart_bottom - TITLE_HEIGHT + 4.0;
    w(
        s,
        format_args!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {logical_width:.1} {natural_height:.1}" font-family="{FONT}">"##
        ),
    );
    w(
        s,
        format_args!(
            r##"<defs><pattern id="hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#fdf3dc"/><line x1="0" y1="0" x2="0" y2="7" stroke="{}" stroke-width="2.5"/></pattern><marker id="head" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#808080"/></marker><marker id="head-warn" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="{}"/></marker><clipPath id="chart"><rect x="{chart_left}" y="{}" width="{chart_width:.1}" height="{clip_height:.1}"/></clipPath></defs>"##,
            palette::ORANGE.hex(),
            palette::ORANGE.hex(),
            TITLE_HEIGHT
        ),
    );
    w(s, format_args!(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##));

    // Title, date and legend.
    w(
        s,
        format_args!(
            r##"<text x="{MARGIN}" y="30" font-size="22" font-weight="bold" fill="{TEXT}">{}</text>"##,
            escape(&roadmap.info.name)
        ),
    );
    w(
        s,
        format_args!(
            r##"<text x="{MARGIN}" y="52" font-size="13" fill="{MUTED}">{}</text>"##,
            escape(
                &tr.f(
                    "picture-subtitle",
                    &[("town", &roadmap.info.town), ("date", &tr.date(today))]
                )
            )
        ),
    );
}

/// The lanes' backgrounds, alternating white and light grey.
fn lane_backgrounds(s: &mut String, cx: &Canvas<'_>) {
    let Canvas { chart_left, chart_width, chart_top, .. } = *cx;
    for (i, lane) in cx.laid.lanes.iter().enumerate() {
        let y = chart_top + lane.y;
        let fill = if i % 2 == 0 { "#ffffff" } else { "#fafafa" };
        w(
            s,
            format_args!(
                r##"<rect x="{chart_left}" y="{y:.1}" width="{chart_width:.1}" height="{:.1}" fill="{fill}"/>"##,
                lane.height - 4.0
            ),
        );
    }
}

/// The axis with its labels, the grid lines and the adoption date; opens the group clipped to
/// the chart, which the picture's end closes.
fn grid(s: &mut String, cx: &Canvas<'_>) {
    let Canvas { tr, logical_width, natural_height, chart_left, chart_width, chart_top, .. } = *cx;
    w(
        s,
        format_args!(
            r##"<rect x="0" y="{TITLE_HEIGHT}" width="{logical_width:.1}" height="{AXIS_HEIGHT}" fill="#f6f6f6"/>"##
        ),
    );
    w(s, format_args!(r##"<g clip-path="url(#chart)">"##));
    for tick in &cx.laid.ticks {
        let x = chart_left + tick.x;
        if x > chart_left + chart_width {
            continue;
        }
        let (color, stroke) = match tick.level {
            TickLevel::Year => ("#c4c4c4", 1.5),
            TickLevel::Quarter => ("#e6e6e6", 1.0),
            TickLevel::Month => ("#eeeeee", 0.5),
        };
        w(
            s,
            format_args!(
                r##"<line x1="{x:.1}" y1="{chart_top}" x2="{x:.1}" y2="{natural_height:.1}" stroke="{color}" stroke-width="{stroke}"/>"##
            ),
        );
        if let Some(label) = &tick.label {
            let (size, weight, fill) = if tick.level == TickLevel::Year {
                (15, "bold", TEXT)
            } else {
                (12, "normal", MUTED)
            };
            w(
                s,
                format_args!(
                    r##"<text x="{:.1}" y="{:.1}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"##,
                    x + 4.0,
                    TITLE_HEIGHT + 22.0,
                    escape(label)
                ),
            );
        }
    }
    if let Some(x) = cx.laid.adopted_x.map(|x| chart_left + x) {
        w(
            s,
            format_args!(
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{natural_height:.1}" stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="6 4"/>"##,
                TITLE_HEIGHT + 26.0
            ),
        );
        w(
            s,
            format_args!(
                r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="{MUTED}">{}</text>"##,
                x + 4.0,
                TITLE_HEIGHT + 34.0,
                escape(&tr.t("label-adopted"))
            ),
        );
    }
}

/// Lane headers above the grid lines, so no line runs through their titles.
fn lane_headers(s: &mut String, cx: &Canvas<'_>) {
    let Canvas { chart_left, chart_width, chart_top, .. } = *cx;
    for lane in &cx.laid.lanes {
        let y = chart_top + lane.y;
        w(
            s,
            format_args!(
                r##"<rect x="{chart_left}" y="{y:.1}" width="{chart_width:.1}" height="{LANE_HEADER}" fill="#eef2f6"/>"##
            ),
        );
        w(
            s,
            format_args!(
                r##"<text x="{:.1}" y="{:.1}" font-size="16" font-weight="bold" fill="{TEXT}">{}<tspan font-size="12" font-weight="normal" fill="{MUTED}" dx="12">{}</tspan></text>"##,
                chart_left + 10.0,
                y + LANE_HEADER / 2.0 + 5.5,
                escape(&lane.title),
                escape(&lane.subtitle)
            ),
        );
    }
}

/// Bars and labels.
fn bars(s: &mut String, cx: &Canvas<'_>) {
    for row in &cx.laid.rows {
        bar(s, cx, row);
    }
}

/// The bar of one row, filled by its status, outlined (thick when overdue), with its due mark
/// and label.
fn bar(s: &mut String, cx: &Canvas<'_>, row: &RowLayout) {
    let Canvas { chart_left, chart_top, .. } = *cx;
    let bar_height = row.bar_height();
    let y = chart_top + row.y + (row.height - bar_height) / 2.0;
    let x0 = chart_left + row.bar.x0;
    let bar_w = (row.bar.x1 - row.bar.x0).max(3.0);
    let look = BarLook {
        status: row.status,
        health: row.health,
        progress_w: (row.bar.progress_x - row.bar.x0).max(0.0),
        due_x: row.bar.due_mark_x.map(|due| chart_left + due),
    };
    bar_marks(s, (x0, y), (bar_w, bar_height), look);
    bar_label(s, cx, row, (x0, y), (bar_w, bar_height));
}

/// How a bar looks: its status, health, how far it is filled and where its due tick is.
#[derive(Clone, Copy)]
struct BarLook {
    status: Status,
    health: Health,
    /// Width of the progress fill (in progress).
    progress_w: f32,
    /// The planned due date of a done measure that ended on another day.
    due_x: Option<f32>,
}

/// A bar at `(x0, y)` of `(bar_w, bar_height)`, filled by its status, outlined (thick when
/// overdue), with its due tick: the chart's bars and the legend's samples alike.
fn bar_marks(s: &mut String, (x0, y): (f32, f32), (bar_w, bar_height): (f32, f32), look: BarLook) {
    let color = palette::status(look.status).hex();
    w(
        s,
        format_args!(
            r##"<rect x="{x0:.1}" y="{y:.1}" width="{bar_w:.1}" height="{bar_height}" rx="4" fill="#f0f0f0"/>"##
        ),
    );
    match look.status {
        Status::Planned => {}
        Status::Done => w(
            s,
            format_args!(
                r##"<rect x="{x0:.1}" y="{y:.1}" width="{bar_w:.1}" height="{bar_height}" rx="4" fill="{color}" fill-opacity="0.55"/>"##
            ),
        ),
        Status::InProgress => w(
            s,
            format_args!(
                r##"<rect x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{bar_height}" rx="4" fill="{color}"/>"##,
                look.progress_w
            ),
        ),
        Status::OnHold => w(
            s,
            format_args!(
                r##"<rect x="{x0:.1}" y="{y:.1}" width="{bar_w:.1}" height="{bar_height}" rx="4" fill="url(#hatch)"/>"##
            ),
        ),
        Status::Cancelled => w(
            s,
            format_args!(
                r##"<line x1="{x0:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{color}" stroke-width="2"/>"##,
                y + bar_height / 2.0,
                x0 + bar_w,
                y + bar_height / 2.0
            ),
        ),
    }
    let (outline, stroke_w) = if look.health == Health::Overdue {
        (palette::VERMILLION.hex(), 2.5)
    } else {
        (color.clone(), 1.0)
    };
    w(
        s,
        format_args!(
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4" fill="none" stroke="{outline}" stroke-width="{stroke_w}"/>"##,
            x0 + stroke_w / 2.0,
            y + stroke_w / 2.0,
            bar_w - stroke_w,
            bar_height - stroke_w
        ),
    );
    if let Some(x) = look.due_x {
        w(
            s,
            format_args!(
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{MUTED}" stroke-width="2"/>"##,
                y - 3.0,
                y + bar_height + 3.0
            ),
        );
    }
    // Overdue: the warning triangle at the bar's end, as the window draws it.
    if look.health == Health::Overdue && bar_w > 24.0 {
        let (cx, cy) = (x0 + bar_w - 9.0, y + bar_height / 2.0);
        let r = (bar_height * 0.42).min(6.0);
        w(
            s,
            format_args!(
                r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{}" stroke="#ffffff" stroke-width="0.8"/>"##,
                cx,
                cy - r,
                cx + r,
                cy + r * 0.8,
                cx - r,
                cy + r * 0.8,
                palette::VERMILLION.hex()
            ),
        );
    }
}

/// The label of the bar at `(x0, y)` of `(bar_w, bar_height)`: beside the bar up to the next
/// diamond; on its left when it fits only there.
fn bar_label(
    s: &mut String,
    cx: &Canvas<'_>,
    row: &RowLayout,
    (x0, y): (f32, f32),
    (bar_w, bar_height): (f32, f32),
) {
    let Canvas { chart_left, chart_width, .. } = *cx;
    let m = &cx.roadmap.measures[row.measure];
    let text_color =
        if row.health == Health::Overdue { palette::DANGER_TEXT.hex() } else { TEXT.to_owned() };
    let rest = row.label.strip_prefix(m.code.as_str()).unwrap_or(&row.label);
    let right_room = (chart_left + chart_width - (x0 + bar_w) - LABEL_GAP).min(row.label_room);
    let left_room = (x0 - chart_left - LABEL_GAP).min(row.label_room_left);
    let (right_side, shown) = place_label(cx.metrics, &m.code, rest, (right_room, left_room));
    if shown != collapse(rest) {
        cx.shortened.borrow_mut().push(m.code.clone());
    }
    let rest = shown;
    let (tx, anchor) =
        if right_side { (x0 + bar_w + LABEL_GAP, "start") } else { (x0 - LABEL_GAP, "end") };
    w(
        s,
        format_args!(
            r##"<text x="{tx:.1}" y="{:.1}" font-size="{LABEL_SIZE}" text-anchor="{anchor}" fill="{text_color}"><tspan font-weight="bold">{}</tspan>{}</text>"##,
            y + bar_height / 2.0 + 4.5,
            escape(&m.code),
            escape(&rest)
        ),
    );
}

/// Where a label goes and what of `rest` (the label after the code) it shows, given the room
/// right and left of its bar: right when it fits there whole, else on the side with more room,
/// shortened to fit.
fn place_label(
    metrics: &TextMetrics,
    code: &str,
    rest: &str,
    (right_room, left_room): (f32, f32),
) -> (bool, String) {
    let width = label_width(metrics, code, rest);
    let right_side = width <= right_room || (width > left_room && right_room >= left_room);
    let room = if right_side { right_room } else { left_room };
    (right_side, fit_label(metrics, code, rest, room))
}

/// Re-evaluation diamonds: past ones in their verdict's colour, the next one hollow, an overdue
/// one large and red.
fn diamonds(s: &mut String, cx: &Canvas<'_>) {
    for marker in &cx.laid.markers {
        diamond(s, (cx.chart_left + marker.x, cx.chart_top + marker.y), marker.kind);
    }
}

/// One re-evaluation diamond centred at `(x, y)`.
fn diamond(s: &mut String, (x, y): (f32, f32), kind: MarkerKind) {
    let points = |r: f32| {
        format!(
            "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            x,
            y - r,
            x + r,
            y,
            x,
            y + r,
            x - r,
            y
        )
    };
    match kind {
        MarkerKind::Past(v) => w(
            s,
            format_args!(
                r##"<polygon points="{}" fill="{}" stroke="#303030" stroke-width="1"/>"##,
                points(MARKER_RADIUS - 1.0),
                palette::verdict(v).hex()
            ),
        ),
        MarkerKind::Next => w(
            s,
            format_args!(
                r##"<polygon points="{}" fill="#ffffff" stroke="{TEXT}" stroke-width="2"/>"##,
                points(MARKER_RADIUS - 1.0)
            ),
        ),
        MarkerKind::Overdue => w(
            s,
            format_args!(
                r##"<polygon points="{}" fill="#ffffff" stroke="{}" stroke-width="3"/>"##,
                points(7.5),
                palette::VERMILLION.hex()
            ),
        ),
    }
}

/// Dependency arrows (laid out only when asked for), violated ones thick and orange.
fn arrows(s: &mut String, cx: &Canvas<'_>) {
    for arrow in &cx.laid.arrows {
        let points: Vec<String> = arrow
            .path()
            .iter()
            .map(|(x, y)| format!("{:.1},{:.1}", cx.chart_left + x, cx.chart_top + y))
            .collect();
        arrow_line(s, &points.join(" "), arrow.violated);
    }
}

/// A dependency arrow through `points` (SVG list), thick and orange when violated.
fn arrow_line(s: &mut String, points: &str, violated: bool) {
    let (color, head, width) = if violated {
        (palette::ORANGE.hex(), "head-warn", 2.0)
    } else {
        ("#808080".to_owned(), "head", 1.2)
    };
    w(
        s,
        format_args!(
            r##"<polyline points="{points}" fill="none" stroke="{color}" stroke-width="{width}" marker-end="url(#{head})"/>"##
        ),
    );
}

/// The "today" line with its tag on the axis, when today is within the chart.
fn today_line(s: &mut String, cx: &Canvas<'_>) {
    let Canvas { tr, natural_height, chart_left, chart_width, .. } = *cx;
    let today_x = chart_left + cx.laid.today_x;
    if today_x >= chart_left && today_x <= chart_left + chart_width {
        let accent = "#1f5f9e";
        w(
            s,
            format_args!(
                r##"<line x1="{today_x:.1}" y1="{:.1}" x2="{today_x:.1}" y2="{natural_height:.1}" stroke="{accent}" stroke-width="2"/>"##,
                TITLE_HEIGHT + 24.0
            ),
        );
        w(
            s,
            format_args!(
                r##"<rect x="{:.1}" y="{:.1}" width="44" height="15" rx="3" fill="{accent}"/><text x="{today_x:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#ffffff">{}</text>"##,
                today_x - 22.0,
                TITLE_HEIGHT + 21.0,
                TITLE_HEIGHT + 32.5,
                escape(&tr.t("label-today"))
            ),
        );
    }
}

/// Parses a picture's SVG with the shipped fonts (as the PNG and the PDF report draw it).
pub(super) fn parse_svg(svg: &str) -> Result<resvg::usvg::Tree, PictureError> {
    let options = resvg::usvg::Options {
        font_family: FONT.to_owned(),
        fontdb: std::sync::Arc::clone(&FONTS),
        ..Default::default()
    };
    resvg::usvg::Tree::from_str(svg, &options).map_err(|e| PictureError::Render(e.to_string()))
}

/// The shipped fonts as the SVG reader wants them, made once (a report of 1,000 measures parses
/// dozens of pictures; loading the fonts for each took a tenth of its time).
static FONTS: std::sync::LazyLock<std::sync::Arc<resvg::usvg::fontdb::Database>> =
    std::sync::LazyLock::new(|| {
        let mut fontdb = resvg::usvg::fontdb::Database::new();
        for font in [super::FONT_REGULAR, super::FONT_BOLD] {
            fontdb.load_font_source(resvg::usvg::fontdb::Source::Binary(std::sync::Arc::new(font)));
        }
        std::sync::Arc::new(fontdb)
    });

/// The timeline as a PNG of the given size, rendered without GPU or window.
pub fn timeline_png(
    roadmap: &Roadmap,
    today: NaiveDate,
    tr: &I18n,
    options: PictureOptions,
) -> Result<Vec<u8>, PictureError> {
    let PictureOptions { width, height, .. } = options;
    let tree = parse_svg(&timeline_svg(roadmap, today, tr, options)?)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(width, height).ok_or(PictureError::BadSize(width, height))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PictureError::Render(e.to_string()))
}

mod legend;

#[cfg(test)]
mod tests;
