//! The slide "Seit dem Beschluss": what moved since the plan the council approved (the latest
//! baseline): dates slipped in days, one-off cost up or down, measures added and removed.

use egui::{Rect, pos2};

use super::slides::{SlideCtx, font, slide_title, text_fit, two_line_row};

/// The deviations from the latest baseline: the totals on top, then per measure what moved (in
/// large type) with its title below; what does not fit is counted.
pub(super) fn baseline_slide(painter: &egui::Painter, ctx: &SlideCtx<'_>, area: Rect) {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let Some(baseline) = ctx.roadmap.latest_baseline() else { return };
    let d = crate::model::deviations(baseline, ctx.roadmap);
    let title = tr.f("present-since-baseline", &[("date", &tr.date(d.date))]);
    let mut y = slide_title(painter, ctx, area, &title);
    let totals = &d.totals;
    let lines = [
        tr.f("present-baseline-count", &[("n", &d.measures.len()), ("title", &d.title)]),
        tr.f(
            "present-baseline-money",
            &[
                ("old", &tr.money_whole(totals.planned_one_off_baseline)),
                ("new", &tr.money_whole(totals.planned_one_off)),
            ],
        ),
    ];
    for line in &lines {
        text_fit(
            painter,
            pos2(area.left(), y),
            line,
            font(t.text_body),
            t.text_strong,
            area.width(),
        );
        y += t.text_body * 1.3;
    }
    y += t.space_m;
    let bottom = area.bottom() - t.text_small * 1.8;
    let row = two_line_row(t);
    for (i, m) in d.measures.iter().enumerate() {
        if y + row > bottom {
            let more = tr.f("present-more", &[("n", &(d.measures.len() - i))]);
            painter.text(
                pos2(area.left(), y),
                egui::Align2::LEFT_TOP,
                more,
                font(t.text_small),
                t.text_muted,
            );
            break;
        }
        let code = text_fit(
            painter,
            pos2(area.left(), y),
            &m.code,
            t.bold_font(t.text_body),
            t.text_strong,
            area.width() * 0.2,
        );
        let x = code.right() + t.space_s;
        let width = area.right() - x;
        text_fit(
            painter,
            pos2(x, y),
            &crate::i18n::deviation_text(tr, m),
            t.bold_font(t.text_body),
            t.text_strong,
            width,
        );
        text_fit(
            painter,
            pos2(x, y + t.text_body * 1.25),
            &m.title,
            font(t.text_small),
            t.text_muted,
            width,
        );
        y += row;
    }
}
