//! The money slide: per horizon spent against the plan to date, and per calendar year.

use egui::{Align2, Rect, pos2, vec2};

use super::slides::{SlideCtx, font, slide_title, text_fit};
use crate::i18n::money_deviation;
use crate::model::{Money, dashboard};

/// Money per horizon and per calendar year.
pub(super) fn money_slide(painter: &egui::Painter, ctx: &SlideCtx<'_>, area: Rect) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let d = dashboard(ctx.roadmap, ctx.today);
    let mut y = slide_title(painter, ctx, area, &tr.t("slide-money"));
    let w = area.width();
    // Like with like: spent against the plan up to today, and the difference.
    let cols = [w * 0.26, w * 0.22, w * 0.22, w * 0.30];
    let head = t.bold_font(t.text_small);
    let mut x = area.left();
    for (key, width) in ["col-horizon", "present-planned-to-date", "field-spent", "money-deviation"]
        .iter()
        .zip(cols)
    {
        let align = if x == area.left() { Align2::LEFT_TOP } else { Align2::RIGHT_TOP };
        let px = if x == area.left() { x } else { x + width - t.space_m };
        painter.text(pos2(px, y), align, tr.t(key), head.clone(), t.text_muted);
        x += width;
    }
    y += t.row_height * 0.9;
    let rows: Vec<(String, crate::model::Figures)> = d
        .horizons
        .iter()
        .map(|(h, f)| (tr.t(&format!("horizon-{h}")), *f))
        // Money already spent never vanishes: archived measures keep their own line.
        .chain((d.archived.total > 0).then(|| (tr.t("label-archived"), d.archived)))
        .chain([(tr.t("summary-total"), d.total)])
        .collect();
    for (i, (label, f)) in rows.iter().enumerate() {
        let strong = i == rows.len() - 1;
        let fnt = if strong { t.bold_font(t.text_body) } else { font(t.text_body) };
        let mut x = area.left();
        painter.text(pos2(x, y), Align2::LEFT_TOP, label, fnt.clone(), t.text_strong);
        x += cols[0];
        let figures =
            [tr.money_whole(f.planned_to_date), tr.money_whole(f.spent), money_deviation(tr, f)];
        for (text, width) in figures.into_iter().zip(&cols[1..]) {
            painter.text(
                pos2(x + width - t.space_m, y),
                Align2::RIGHT_TOP,
                text,
                fnt.clone(),
                t.text_strong,
            );
            x += width;
        }
        y += t.row_height * 0.9;
    }
    // The period covered and the plan's terms, visibly secondary.
    let note = crate::i18n::money_terms(tr, &d.total);
    painter.text(pos2(area.left(), y), Align2::LEFT_TOP, note, font(t.text_small), t.text_muted);
    y += t.row_height * 0.8;
    years(painter, ctx, &d, (area, y + t.space_m));
}

/// Per calendar year from `y` down: the plan as a light bar, what was spent as a dark bar
/// inside it, with their legend.
fn years(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    d: &crate::model::Dashboard,
    (area, mut y): (Rect, f32),
) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let w = area.width();
    let head = t.bold_font(t.text_small);
    painter.text(
        pos2(area.left(), y),
        Align2::LEFT_TOP,
        tr.t("dashboard-money-by-year"),
        head.clone(),
        t.text_muted,
    );
    y += t.row_height * 0.8;
    // Its legend: what the light and the dark bar are.
    let mut x = area.left();
    for (color, key) in [(t.progress_fill, "dashboard-planned"), (t.accent, "field-spent")] {
        let swatch = Rect::from_min_size(
            pos2(x, y + t.text_small * 0.2),
            vec2(t.text_small * 1.4, t.text_small * 0.7),
        );
        painter.rect_filled(swatch, 3.0, color);
        let r = painter.text(
            pos2(swatch.right() + t.space_s, y),
            Align2::LEFT_TOP,
            tr.t(key),
            font(t.text_small),
            t.text_strong,
        );
        x = r.right() + t.space_l;
    }
    y += t.row_height * 0.8;
    let max =
        d.years.iter().map(|r| r.planned.max(r.spent)).max().unwrap_or(Money(1)).cents().max(1)
            as f32;
    let label_w = t.text_small * 3.2;
    let bar_w = w * 0.45;
    let line =
        ((area.bottom() - y - t.text_small * 2.0) / d.years.len().max(1) as f32).min(t.row_height);
    for r in &d.years {
        let mid = y + line / 2.0;
        painter.text(
            pos2(area.left(), mid),
            Align2::LEFT_CENTER,
            r.year.to_string(),
            t.bold_font(t.text_small),
            t.text_strong,
        );
        let h = (line * 0.7).max(8.0);
        let left = area.left() + label_w;
        let planned = Rect::from_min_size(
            pos2(left, mid - h / 2.0),
            vec2((bar_w * r.planned.cents() as f32 / max).max(2.0), h),
        );
        painter.rect_filled(planned, 3.0, t.progress_fill);
        let spent = Rect::from_min_size(
            pos2(left, mid - h / 4.0),
            vec2((bar_w * r.spent.cents() as f32 / max).max(2.0), h / 2.0),
        );
        painter.rect_filled(spent, 2.0, t.accent);
        let text = tr.f(
            "present-spent-of",
            &[("spent", &tr.money_whole(r.spent)), ("planned", &tr.money_whole(r.planned))],
        );
        text_fit(
            painter,
            pos2(left + bar_w + t.space_m, mid - t.text_small * 0.6),
            &text,
            font(t.text_small),
            t.text_strong,
            w - label_w - bar_w - t.space_m,
        );
        y += line;
    }
}
