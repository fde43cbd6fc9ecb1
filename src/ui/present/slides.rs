//! The slide painters of the council presentation: each draws one slide into its area with
//! labels and painted shapes only.

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, pos2, vec2};

use crate::i18n::{I18n, Lang};
use crate::layout::fonts::Face;
use crate::layout::wrap::hyphenated;
use crate::model::{Health, Roadmap, dashboard, schedule_health};
use crate::ui::theme::{Tokens, paint_shape};

/// What every slide painter reads: sizes and colours, messages, the data and today.
pub(super) struct SlideCtx<'a> {
    /// Projector sizes and colours.
    pub(super) tokens: &'a Tokens,
    /// Messages and formats.
    pub(super) tr: &'a I18n,
    /// The snapshot shown.
    pub(super) roadmap: &'a Roadmap,
    /// Today.
    pub(super) today: chrono::NaiveDate,
}

/// The proportional font at `size`.
pub(super) fn font(size: f32) -> FontId {
    FontId::proportional(size)
}

/// Draws `text` at `pos`, cut with an ellipsis at `max_width`.
pub(super) fn text_fit(
    painter: &egui::Painter,
    pos: Pos2,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> Rect {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_width.max(10.0));
    let galley = painter.layout_job(job);
    let rect = Rect::from_min_size(pos, galley.size());
    painter.galley(pos, galley, color);
    rect
}

/// Draws a slide's title with the accent rule below it; returns where the content starts.
pub(super) fn slide_title(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    title: &str,
) -> f32 {
    let t = ctx.tokens;
    // A title too long for the line is set smaller (down to the body size), never cut; what
    // even then does not fit wraps, and the rule goes below it.
    let wide = painter.layout_no_wrap(title.to_owned(), t.bold_font(t.text_title), t.text_strong);
    let galley = if wide.size().x <= area.width() {
        wide
    } else {
        let size = (t.text_title * area.width() / wide.size().x * 0.98).floor().max(t.text_body);
        text_wrapped(painter, ctx.tr.lang(), title, &t.bold_font(size), t.text_strong, area.width())
    };
    let bottom = area.top() + galley.size().y;
    painter.galley(area.min, galley, t.text_strong);
    let y = (area.top() + t.text_title * 1.25).max(bottom + t.space_xs);
    painter.line_segment([pos2(area.left(), y), pos2(area.right(), y)], Stroke::new(3.0, t.accent));
    y + t.space_m
}

/// The opening slide: town, roadmap, date and a one-line summary.
pub(super) fn title_slide(painter: &egui::Painter, ctx: &SlideCtx<'_>, area: Rect) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let d = dashboard(ctx.roadmap, ctx.today);
    let c = area.center();
    painter.text(
        c - vec2(0.0, t.text_title * 2.2),
        Align2::CENTER_CENTER,
        &ctx.roadmap.info.town,
        t.bold_font(t.text_title * 1.5),
        t.accent,
    );
    painter.text(
        c - vec2(0.0, t.text_title * 0.6),
        Align2::CENTER_CENTER,
        &ctx.roadmap.info.name,
        t.bold_font(t.text_title),
        t.text_strong,
    );
    painter.text(
        c + vec2(0.0, t.text_title * 0.6),
        Align2::CENTER_CENTER,
        tr.f("present-as-of", &[("date", &tr.date(ctx.today))]),
        font(t.text_body),
        t.text_muted,
    );
    let summary = tr.f(
        "present-summary",
        &[("done", &d.total.done), ("total", &d.total.total), ("overdue", &d.overdue.len())],
    );
    painter.text(
        c + vec2(0.0, t.text_title * 1.8),
        Align2::CENTER_CENTER,
        summary,
        font(t.text_body),
        t.text_strong,
    );
}

/// Height of a row of two lines: a body line and a small line.
pub(super) fn two_line_row(t: &Tokens) -> f32 {
    t.text_body * 1.25 + t.text_small * 1.25 + t.space_s
}

/// The columns of a horizon slide `w` wide: code, title (most of the width: it wraps, it is not
/// cut), status, progress.
fn horizon_widths(w: f32) -> [f32; 4] {
    [w * 0.08, w * 0.54, w * 0.22, w * 0.16]
}

/// The height of measure `m`'s row on a horizon slide `area_width` wide: its title on one line
/// or two, as [`status_row`] sets it (the council reads the title, not the code), the owner
/// below. Slides are filled by these heights, so short titles leave room for more rows.
pub(super) fn status_row_height(
    painter: &egui::Painter,
    (t, lang): (&Tokens, Lang),
    (m, owner, status): (&crate::model::Measure, &str, &str),
    area_width: f32,
) -> f32 {
    let widths = horizon_widths(area_width);
    let code = painter.layout_no_wrap(m.code.clone(), t.bold_font(t.text_body), Color32::BLACK);
    let title_width =
        widths[0] + widths[1] - (code.size().x.min(widths[0]) + t.space_s) - t.space_m;
    let title =
        text_wrapped(painter, lang, &m.title, &font(t.text_body), Color32::BLACK, title_width);
    let owner =
        text_wrapped(painter, lang, owner, &font(t.text_small), Color32::BLACK, title_width);
    // The status column: its word (wrapped where narrow) and room for "overdue" below.
    let status_width = widths[2] - t.text_body - t.space_s;
    let status =
        text_wrapped(painter, lang, status, &font(t.text_body), Color32::BLACK, status_width);
    let status = status.size().y + t.text_small * 1.3;
    (title.size().y + t.text_body * 0.1 + owner.size().y).max(status) + t.space_m
}

/// The format of wrapped slide text: lines 1.2 times the type size apart (tighter than egui's
/// default, so long titles take less room).
pub(super) fn slide_format(font: FontId, color: Color32) -> egui::TextFormat {
    let line_height = Some(font.size * 1.2);
    egui::TextFormat { font_id: font, color, line_height, ..Default::default() }
}

/// `text` wrapped at `max_width` in `font`, as many lines as it needs (never cut, never set
/// smaller: one type size per slide).
pub(super) fn text_wrapped(
    painter: &egui::Painter,
    lang: Lang,
    text: &str,
    font: &FontId,
    color: Color32,
    max_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let face =
        if font.family == egui::FontFamily::Proportional { Face::Regular } else { Face::Bold };
    // Broken by the one wrapping service (hyphens between syllables); egui keeps those lines
    // (a little slack for its rounding) and breaks only what still overflows.
    let lines = hyphenated(text, lang, (face, font.size), max_width.max(10.0));
    let mut job = egui::text::LayoutJob::single_section(lines, slide_format(font.clone(), color));
    job.wrap.max_width = max_width.max(10.0) + 4.0;
    job.wrap.break_anywhere = false;
    painter.layout_job(job)
}

/// Draws `text` at `pos` wrapped at `max_width` ([`text_wrapped`]); returns the rectangle it
/// took.
pub(super) fn text_lines(
    painter: &egui::Painter,
    lang: Lang,
    pos: Pos2,
    text: &str,
    font: &FontId,
    color: Color32,
    max_width: f32,
) -> Rect {
    let galley = text_wrapped(painter, lang, text, font, color, max_width);
    let rect = Rect::from_min_size(pos, galley.size());
    painter.galley(pos, galley, color);
    rect
}

/// One measure: code and title on the first line, the owner below; status and progress beside.
fn status_row(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    x: f32,
    y: f32,
    index: usize,
    widths: &[f32],
) {
    let t = ctx.tokens;
    let m = &ctx.roadmap.measures[index];
    let body = font(t.text_body);
    let health = schedule_health(m, ctx.today);
    let color = if health == Health::Overdue { t.danger } else { t.text_strong };
    let code = text_fit(painter, pos2(x, y), &m.code, t.bold_font(t.text_body), color, widths[0]);
    let title_x = code.right() + t.space_s;
    let title = text_lines(
        painter,
        ctx.tr.lang(),
        pos2(title_x, y),
        &m.title,
        &body,
        color,
        widths[0] + widths[1] - (title_x - x) - t.space_m,
    );
    text_lines(
        painter,
        ctx.tr.lang(),
        pos2(title_x, title.bottom() + t.text_body * 0.1),
        ctx.roadmap.owner_name(m),
        &font(t.text_small),
        t.text_muted,
        widths[0] + widths[1] - (title_x - x) - t.space_m,
    );
    let mut cx = x + widths[0] + widths[1];
    let mark = Rect::from_min_size(
        pos2(cx, y + t.text_body * 0.15),
        vec2(t.text_body * 0.8, t.text_body * 0.8),
    );
    let (c, shape) = t.status_mark(m.status);
    paint_shape(painter, mark, shape, c, Color32::BLACK);
    // The status word whole (wrapped, "Zurück-gestellt" in a narrow column), then "overdue".
    let status = text_lines(
        painter,
        ctx.tr.lang(),
        pos2(cx + t.text_body, y),
        &ctx.tr.t(&format!("status-{}", m.status)),
        &body,
        t.text_strong,
        widths[2] - t.text_body - t.space_s,
    );
    if health == Health::Overdue {
        text_lines(
            painter,
            ctx.tr.lang(),
            pos2(cx + t.text_body, status.bottom() + t.text_body * 0.05),
            &ctx.tr.t("health-overdue"),
            &t.bold_font(t.text_small),
            t.danger,
            widths[2] - t.text_body - t.space_s,
        );
    }
    cx += widths[2];
    let bar = Rect::from_min_size(
        pos2(cx, y + t.text_body * 0.1),
        vec2(widths[3] - t.space_s, t.text_body * 1.05),
    );
    painter.rect_filled(bar, 4.0, t.bar_track);
    let fill = Rect::from_min_size(
        bar.min,
        vec2(bar.width() * f32::from(m.progress) / 100.0, bar.height()),
    );
    painter.rect_filled(fill, 4.0, t.progress_fill);
    painter.rect_stroke(bar, 4.0, Stroke::new(2.0, t.grid_strong), egui::StrokeKind::Inside);
    painter.text(
        bar.center(),
        Align2::CENTER_CENTER,
        ctx.tr.percent(m.progress),
        font(t.text_small),
        t.progress_text,
    );
}

/// One page of a horizon's measures with status and progress.
pub(super) fn horizon_slide(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    title: &str,
    measures: &[usize],
) {
    let t = ctx.tokens;
    let mut y = slide_title(painter, ctx, area, title);
    let widths = horizon_widths(area.width());
    let small = t.bold_font(t.text_small);
    let mut x = area.left();
    for (key, width) in
        ["col-code", "present-measure-owner", "col-status", "col-progress"].iter().zip(widths)
    {
        text_fit(painter, pos2(x, y), &ctx.tr.t(key), small.clone(), t.text_muted, width);
        x += width;
    }
    y += t.row_height;
    if measures.is_empty() {
        painter.text(
            pos2(area.left(), y),
            Align2::LEFT_TOP,
            ctx.tr.t("dashboard-none"),
            font(t.text_body),
            t.text_muted,
        );
    }
    for &i in measures {
        status_row(painter, ctx, area.left(), y, i, &widths);
        let m = &ctx.roadmap.measures[i];
        let owner = ctx.roadmap.owner_name(m);
        let status = ctx.tr.t(&format!("status-{}", m.status));
        y += status_row_height(painter, (t, ctx.tr.lang()), (m, owner, &status), area.width());
    }
}

/// The width of the code column and of the completion date on a summary slide of done
/// measures `area_width` wide.
fn done_columns(t: &Tokens, area_width: f32) -> (f32, f32) {
    (t.text_body * 3.4, (t.text_body * 5.8).min(area_width * 0.3))
}

/// The height of done measure `m`'s row on a summary slide `area_width` wide: its title wrapped.
pub(super) fn done_row_height(
    painter: &egui::Painter,
    (t, lang): (&Tokens, Lang),
    m: &crate::model::Measure,
    area_width: f32,
) -> f32 {
    let (code, date) = done_columns(t, area_width);
    let width = area_width - code - date - t.space_m;
    text_wrapped(painter, lang, &m.title, &font(t.text_body), Color32::BLACK, width).size().y
        + t.space_s
}

/// A horizon's done measures in one list: how many of all are done, then each with its mark,
/// code, whole title and the day it was completed.
pub(super) fn done_slide(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    title: &str,
    (horizon, measures): (crate::model::Horizon, &[usize]),
) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let mut y = slide_title(painter, ctx, area, title);
    let all = ctx.roadmap.measures.iter().filter(|m| m.horizon == horizon && !m.archived).count();
    let done = ctx
        .roadmap
        .measures
        .iter()
        .filter(|m| m.horizon == horizon && !m.archived && m.status == crate::model::Status::Done)
        .count();
    let summary = tr.f("lane-done", &[("done", &done), ("total", &all)]);
    let summary = text_lines(
        painter,
        ctx.tr.lang(),
        pos2(area.left(), y),
        &summary,
        &t.bold_font(t.text_body),
        t.text_strong,
        area.width(),
    );
    y = summary.bottom() + t.space_s;
    let (code_w, date_w) = done_columns(t, area.width());
    let title_w = area.width() - code_w - date_w - t.space_m;
    let (mark_color, shape) = t.status_mark(crate::model::Status::Done);
    for &i in measures {
        let m = &ctx.roadmap.measures[i];
        let mark = Rect::from_min_size(
            pos2(area.left(), y + t.text_body * 0.25),
            vec2(t.text_body * 0.7, t.text_body * 0.7),
        );
        paint_shape(painter, mark, shape, mark_color, Color32::BLACK);
        painter.text(
            pos2(area.left() + t.text_body, y),
            Align2::LEFT_TOP,
            &m.code,
            t.bold_font(t.text_body),
            t.text_strong,
        );
        let title = text_lines(
            painter,
            ctx.tr.lang(),
            pos2(area.left() + code_w, y),
            &m.title,
            &font(t.text_body),
            t.text_strong,
            title_w,
        );
        if let Some(day) = m.completed {
            painter.text(
                pos2(area.right(), y),
                Align2::RIGHT_TOP,
                tr.date(day),
                font(t.text_body),
                t.text_muted,
            );
        }
        y = title.bottom() + t.space_s;
    }
}

/// A list of codes with a text each, down to the bottom of `area`; the rest as "… and N more".
pub(super) fn code_list(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    items: &[(String, String)],
    color: Color32,
) {
    let t = ctx.tokens;
    let (x, mut y, width, bottom) = (area.left(), area.top(), area.width(), area.bottom());
    let code_width = t.text_body * 3.2;
    let text_width = width - code_width;
    let more_height = t.text_small * 1.4;
    for (i, (code, text)) in items.iter().enumerate() {
        // Each text whole, wrapped; where the next would not fit, how many are left.
        let galley =
            text_wrapped(painter, ctx.tr.lang(), text, &font(t.text_body), color, text_width);
        let last = i + 1 == items.len();
        if y + galley.size().y > bottom - if last { 0.0 } else { more_height } {
            let more = ctx.tr.f("present-more", &[("n", &(items.len() - i))]);
            painter.text(pos2(x, y), Align2::LEFT_TOP, more, font(t.text_small), t.text_muted);
            break;
        }
        painter.text(pos2(x, y), Align2::LEFT_TOP, code, t.bold_font(t.text_body), color);
        let height = galley.size().y;
        painter.galley(pos2(x + code_width, y), galley, color);
        y += height + t.space_xs;
    }
}

/// Overdue and due re-evaluations, and the verdicts so far.
pub(super) fn reevaluations_slide(painter: &egui::Painter, ctx: &SlideCtx<'_>, area: Rect) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let d = dashboard(ctx.roadmap, ctx.today);
    let top = slide_title(painter, ctx, area, &tr.t("slide-reevaluations"));
    let col = area.width() / 3.0;
    let head = t.bold_font(t.text_body);
    let bottom = area.bottom() - t.text_small * 1.8;
    let dated = |codes: &[String]| -> Vec<(String, String)> {
        codes
            .iter()
            .map(|c| {
                (
                    c.clone(),
                    ctx.roadmap
                        .measure(c)
                        .and_then(|m| m.next_reevaluation)
                        .map(|d| tr.date(d))
                        .unwrap_or_default(),
                )
            })
            .collect()
    };
    painter.text(
        pos2(area.left(), top),
        Align2::LEFT_TOP,
        tr.f("dashboard-reeval-overdue", &[("n", &d.reevaluations_overdue.len())]),
        head.clone(),
        t.danger,
    );
    code_list(
        painter,
        ctx,
        Rect::from_min_max(
            pos2(area.left(), top + t.row_height),
            pos2(area.left() + col - t.space_m, bottom),
        ),
        &dated(&d.reevaluations_overdue),
        t.danger,
    );
    painter.text(
        pos2(area.left() + col, top),
        Align2::LEFT_TOP,
        tr.f("dashboard-reeval-due", &[("n", &d.reevaluations_due.len())]),
        head.clone(),
        t.text_strong,
    );
    code_list(
        painter,
        ctx,
        Rect::from_min_max(
            pos2(area.left() + col, top + t.row_height),
            pos2(area.left() + col + col - t.space_m, bottom),
        ),
        &dated(&d.reevaluations_due),
        t.text_strong,
    );
    let x = area.left() + 2.0 * col;
    painter.text(pos2(x, top), Align2::LEFT_TOP, tr.t("present-verdicts"), head, t.text_strong);
    let mut y = top + t.row_height;
    for (verdict, n) in &d.verdicts {
        let (c, shape) = t.verdict_mark(*verdict);
        paint_shape(
            painter,
            Rect::from_min_size(
                pos2(x, y + t.text_body * 0.15),
                vec2(t.text_body * 0.8, t.text_body * 0.8),
            ),
            shape,
            c,
            Color32::BLACK,
        );
        painter.text(
            pos2(x + t.text_body * 1.2, y),
            Align2::LEFT_TOP,
            format!("{}: {n}", tr.t(&format!("verdict-{verdict}"))),
            font(t.text_body),
            t.text_strong,
        );
        y += t.row_height;
    }
    // Four eyes: how many verdicts still wait for a second person, and whose.
    y += t.row_height * 0.5;
    let unconfirmed = &d.unconfirmed;
    // Waiting for a second person is not overdue: no red.
    let color = t.text_strong;
    painter.text(
        pos2(x, y),
        Align2::LEFT_TOP,
        tr.f("present-unconfirmed", &[("n", &unconfirmed.len())]),
        font(t.text_body),
        color,
    );
    if !unconfirmed.is_empty() {
        // The first few codes (the room is a third of the slide), then how many more.
        let codes = unconfirmed.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        painter.text(pos2(x, y + t.row_height), Align2::LEFT_TOP, codes, font(t.text_body), color);
        if unconfirmed.len() > 3 {
            painter.text(
                pos2(x, y + t.row_height * 2.0),
                Align2::LEFT_TOP,
                tr.f("present-more", &[("n", &(unconfirmed.len() - 3))]),
                font(t.text_small),
                t.text_muted,
            );
        }
    }
}

/// What changed since the last council meeting.
pub(super) fn changes_slide(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    report: Option<&Result<crate::model::SinceReport, String>>,
) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let meeting = ctx.roadmap.last_meeting(ctx.today);
    let title = meeting.map_or_else(
        || tr.t("slide-changes"),
        |m| tr.f("present-since-meeting", &[("date", &tr.date(m.date))]),
    );
    let mut y = slide_title(painter, ctx, area, &title);
    if meeting.is_none() {
        // Said, not left blank: the council sees why there is nothing to compare with.
        text_lines(
            painter,
            ctx.tr.lang(),
            pos2(area.left(), y),
            &tr.t("present-no-meeting"),
            &font(t.text_body),
            t.text_muted,
            area.width(),
        );
        return;
    }
    let (Some(meeting), Some(report)) = (meeting, report) else { return };
    let report = match report {
        Ok(report) => report,
        Err(text) => {
            // Nothing can go wrong live without being said: the slide shows why it is empty.
            text_fit(
                painter,
                pos2(area.left(), y),
                text,
                egui::FontId::proportional(t.text_body),
                t.danger,
                area.width(),
            );
            return;
        }
    };
    let summary = tr.f(
        "present-changes-summary",
        &[
            ("changes", &report.entries.len()),
            ("completed", &report.completed.len()),
            ("expenses", &tr.money_whole(report.expenses)),
            ("meeting", &meeting.title),
        ],
    );
    let summary = text_lines(
        painter,
        tr.lang(),
        pos2(area.left(), y),
        &summary,
        &t.bold_font(t.text_body),
        t.text_strong,
        area.width(),
    );
    y = summary.bottom() + t.space_m;
    let items: Vec<(String, String)> = report
        .entries
        .iter()
        .rev()
        .map(|(kind, c)| {
            (
                c.code.clone().unwrap_or_default(),
                format!(
                    "{}: {}",
                    tr.t(&format!("kind-{}", kind.as_str())),
                    crate::i18n::change_text(tr, &c.field, c.old.as_deref(), c.new.as_deref()),
                ),
            )
        })
        .collect();
    code_list(
        painter,
        ctx,
        Rect::from_min_max(
            pos2(area.left(), y),
            pos2(area.left() + area.width(), area.bottom() - t.text_small * 1.8),
        ),
        &items,
        t.text_strong,
    );
}

/// One measure full screen (opened from the timeline slide).
pub(super) fn detail_slide(painter: &egui::Painter, ctx: &SlideCtx<'_>, area: Rect, code: &str) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let Some(m) = ctx.roadmap.measure(code) else { return };
    let mut y = slide_title(painter, ctx, area, &format!("{}  {}", m.code, m.title));
    let body = font(t.text_body);
    let label_w = area.width() * 0.32;
    let health = schedule_health(m, ctx.today);
    let rows = [
        (tr.t("col-owner"), ctx.roadmap.owner_name(m).to_owned()),
        (
            tr.t("col-status"),
            format!("{} · {}", tr.t(&format!("status-{}", m.status)), tr.percent(m.progress)),
        ),
        (tr.t("col-health"), tr.t(&format!("health-{}", health.as_str()))),
        (tr.t("label-period"), format!("{} – {}", tr.date(m.start), tr.date(m.due))),
        (tr.t("col-next-reevaluation"), tr.opt_date(m.next_reevaluation)),
        (tr.t("field-one-off"), tr.money_whole(m.planned_one_off)),
        (tr.t("field-yearly"), tr.money_whole(m.planned_yearly)),
        (tr.t("field-spent"), tr.money_whole(ctx.roadmap.spent(&m.code))),
    ];
    for (label, value) in rows {
        text_fit(painter, pos2(area.left(), y), &label, body.clone(), t.text_muted, label_w);
        let color = if health == Health::Overdue && label == tr.t("col-health") {
            t.danger
        } else {
            t.text_strong
        };
        text_fit(
            painter,
            pos2(area.left() + label_w, y),
            &value,
            body.clone(),
            color,
            area.width() - label_w,
        );
        y += t.row_height * 0.95;
    }
    painter.text(
        pos2(area.right(), area.bottom() - t.text_small * 2.6),
        Align2::RIGHT_BOTTOM,
        tr.t("present-back"),
        font(t.text_small),
        t.text_muted,
    );
}
