//! The slide "Wirkung": what the measures achieved against the assessment. One catalogue's
//! fulfilment degree per group, the first round's bar above the latest's, in large type; the
//! legend names both rounds with their dates.

use egui::{Align2, Color32, Rect, Stroke, pos2, vec2};

use super::slides::{SlideCtx, font, slide_title, text_fit};

fn percent(degree: Option<u8>) -> String {
    degree.map_or_else(|| "–".to_owned(), |d| format!("{d} %"))
}

/// A bar filled to `degree`.
fn bar(painter: &egui::Painter, ctx: &SlideCtx<'_>, at: Rect, degree: Option<u8>, fill: Color32) {
    let t = ctx.tokens;
    painter.rect_stroke(at, 3.0, Stroke::new(2.0, t.text_muted), egui::StrokeKind::Inside);
    let share = f32::from(degree.unwrap_or(0)) / 100.0;
    painter.rect_filled(
        Rect::from_min_size(at.min, vec2(at.width() * share, at.height())),
        3.0,
        fill,
    );
}

/// The height of the headline and the legend (two lines) above the groups.
fn header_height(t: &crate::ui::theme::Tokens) -> f32 {
    t.text_heading * 1.4 + t.text_small * 1.3 * 2.0 + t.space_s
}

/// The height of a group's bars.
fn bar_height(t: &crate::ui::theme::Tokens) -> f32 {
    t.text_body * 0.55
}

/// The height of one group: its name and figures, two bars.
fn row_height(t: &crate::ui::theme::Tokens) -> f32 {
    t.text_body * 1.3 + 2.0 * bar_height(t) + t.space_xs + t.space_m
}

/// How many groups fit below a slide's title in `height`.
pub(super) fn groups_per_slide(t: &crate::ui::theme::Tokens, height: f32) -> usize {
    let room = (height - header_height(t)).max(0.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = (room / row_height(t)).floor() as usize;
    n.max(1)
}

/// The slide for `catalog`'s groups at `groups` (indices into its groups).
pub(super) fn effect_slide(
    painter: &egui::Painter,
    ctx: &SlideCtx<'_>,
    area: Rect,
    title: &str,
    (catalog, groups): (&str, &[usize]),
) -> String {
    let (t, tr) = (ctx.tokens, ctx.tr);
    let a = &ctx.roadmap.assessment;
    let Some((first, latest)) = a.first_and_latest_of(catalog) else { return String::new() };
    let compare = first.title != latest.title;
    let mut y = slide_title(painter, ctx, area, title);
    let headline = if compare {
        tr.f(
            "present-effect-degree",
            &[
                ("first", &percent(a.degree(first, catalog))),
                ("latest", &percent(a.degree(latest, catalog))),
            ],
        )
    } else {
        tr.f("present-effect-one", &[("latest", &percent(a.degree(latest, catalog)))])
    };
    text_fit(
        painter,
        pos2(area.left(), y),
        &headline,
        t.bold_font(t.text_heading),
        t.text_strong,
        area.width(),
    );
    y += t.text_heading * 1.4;
    // The legend, one round a line: which bar is which.
    let rounds: Vec<(&crate::model::Round, Color32)> = if compare {
        vec![(first, t.text_muted), (latest, t.accent)]
    } else {
        vec![(latest, t.accent)]
    };
    for (round, color) in &rounds {
        let swatch = Rect::from_min_size(
            pos2(area.left(), y + t.text_small * 0.25),
            vec2(t.text_small * 1.6, t.text_small * 0.7),
        );
        painter.rect_filled(swatch, 2.0, *color);
        let label = format!("{} ({})", round.title, tr.date(round.date));
        let x = swatch.right() + t.space_s;
        text_fit(painter, pos2(x, y), &label, font(t.text_small), t.text_strong, area.right() - x);
        y += t.text_small * 1.3;
    }
    y += t.space_s;
    let tallies = |r: &crate::model::Round| a.tallies(r).into_iter().find(|c| c.name == catalog);
    let (Some(after), before) = (tallies(latest), if compare { tallies(first) } else { None })
    else {
        return title.to_owned();
    };
    // What a screen reader says: the slide's title, headline and every group's figures.
    let mut said = vec![title.to_owned(), headline.clone()];
    let height = bar_height(t);
    for &i in groups {
        let Some(g) = after.groups.get(i) else { continue };
        let earlier = before.as_ref().and_then(|b| b.groups.get(i)).map(|b| b.tally.degree());
        let figures = match earlier {
            Some(e) => format!("{} → {}", percent(e), percent(g.tally.degree())),
            None => percent(g.tally.degree()),
        };
        let drawn = painter.text(
            pos2(area.right(), y),
            Align2::RIGHT_TOP,
            &figures,
            t.bold_font(t.text_body),
            t.text_strong,
        );
        let name = if g.id.is_empty() { tr.t("assess-ungrouped") } else { g.title.clone() };
        said.push(format!("{name}: {figures}"));
        let room = drawn.left() - area.left() - t.space_m;
        text_fit(painter, pos2(area.left(), y), &name, font(t.text_body), t.text_strong, room);
        y += t.text_body * 1.3;
        if let Some(e) = earlier {
            bar(
                painter,
                ctx,
                Rect::from_min_size(pos2(area.left(), y), vec2(area.width(), height)),
                e,
                t.text_muted,
            );
            y += height + t.space_xs;
        }
        bar(
            painter,
            ctx,
            Rect::from_min_size(pos2(area.left(), y), vec2(area.width(), height)),
            g.tally.degree(),
            t.accent,
        );
        y += height + t.space_m;
    }
    said.join("; ")
}

/// Gives the slide's words to screen readers (and the tests), as one label over its area.
pub(super) fn describe(ui: &mut egui::Ui, area: Rect, said: &str) {
    ui.interact(area, ui.scope_id().with("effect"), egui::Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, said));
}
