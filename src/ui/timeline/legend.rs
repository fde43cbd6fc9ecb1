//! The timeline's explanations: tooltips of its diamonds and ticks, and the legend under the
//! chart with a sample of each kind of mark drawn.

#[allow(clippy::wildcard_imports, reason = "the parent's painting helpers and types")]
use super::*;

/// What each diamond and each due tick marks, on hover.
pub(super) fn marker_tooltips(ui: &Ui, c: &Canvas<'_>, ctx: &ViewCtx<'_>, laid: &TimelineLayout) {
    let tr = ctx.tr;
    for (i, marker) in laid.markers.iter().enumerate() {
        let center = c.to_screen(marker.x, marker.y);
        let rect = Rect::from_center_size(center, vec2(2.0, 2.0) * (MARKER_RADIUS + 3.0));
        // Only the diamond under the pointer needs a widget for its tooltip.
        if !c.chart.contains(center) || !c.pointer.is_some_and(|p| rect.contains(p)) {
            continue;
        }
        // The words are made only while the pointer is on the diamond (not every frame).
        ui.interact(rect, ui.scope_id().with(("marker", i)), Sense::hover()).on_hover_ui(|ui| {
            let date = tr.date(marker.date);
            let text = match marker.kind {
                MarkerKind::Past(v) => tr.f(
                    "marker-past",
                    &[("date", &date), ("verdict", &tr.t(&format!("verdict-{}", v.as_str())))],
                ),
                MarkerKind::Next => tr.f("marker-next", &[("date", &date)]),
                MarkerKind::Overdue => tr.f("marker-overdue", &[("date", &date)]),
            };
            let code = &ctx.roadmap.measures[marker.measure].code;
            ui.label(format!("{code}: {text}"));
        });
    }
    for row in &laid.rows {
        let Some(x) = row.bar.due_mark_x else { continue };
        let m = &ctx.roadmap.measures[row.measure];
        let top = c.to_screen(0.0, row.y).y;
        let bar = bar_rect(row, c.chart, top);
        let x = bar.left() - row.bar.x0 + x;
        let rect = Rect::from_center_size(pos2(x, bar.center().y), vec2(8.0, bar.height() + 6.0));
        if !c.chart.intersects(rect) || !c.pointer.is_some_and(|p| rect.contains(p)) {
            continue;
        }
        ui.interact(rect, ui.scope_id().with(("tick", &m.code)), Sense::hover()).on_hover_ui(
            |ui| {
                let done = m.completed.map_or_else(String::new, |d| tr.date(d));
                let text = tr.f("marker-due-tick", &[("date", &tr.date(m.due)), ("done", &done)]);
                ui.label(format!("{}: {text}", m.code));
            },
        );
    }
}

/// The legend under the chart: a button to fold it away (remembered), then a sample and the
/// name of each kind of mark drawn.
pub(super) fn legend_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    prefs: &mut TimelinePrefs,
    marks: &[LegendMark],
) {
    let (tr, tokens) = (ctx.tr, ctx.tokens);
    ui.add_space(tokens.space_xs);
    ui.horizontal_wrapped(|ui| {
        let (arrow, key) =
            if prefs.legend_hidden { ("▸", "legend-show") } else { ("▾", "legend-hide") };
        let fold = ui.button(format!("{arrow} {}", tr.t("legend-title")));
        if fold.on_hover_text(tr.t(key)).widget_info_label(tr.t(key)).clicked() {
            prefs.legend_hidden = !prefs.legend_hidden;
        }
        if prefs.legend_hidden {
            return;
        }
        let size = vec2(tokens.text_body * 2.2, tokens.text_body);
        let fresh = prefs
            .legend_words
            .as_ref()
            .is_none_or(|(m, lang, _)| m.as_slice() != marks || *lang != tr.lang());
        if fresh {
            let words = marks.iter().map(|m| m.label(tr)).collect();
            prefs.legend_words = Some((marks.to_vec(), tr.lang(), words));
        }
        let words = prefs.legend_words.as_ref().map(|(_, _, w)| w.as_slice()).unwrap_or_default();
        for (mark, label) in marks.iter().zip(words) {
            // A sample and its name move to the next line together.
            // Laid out once: its width keeps it with its sample, the label shows it.
            let name = ui.fonts_mut(|f| {
                let font = egui::FontId::proportional(tokens.text_small);
                f.layout_no_wrap(label.clone(), font, tokens.text_strong)
            });
            crate::ui::widgets::keep_together(
                ui,
                tokens.space_s + size.x + ui.spacing().item_spacing.x * 2.0 + name.size().x,
            );
            ui.add_space(tokens.space_s);
            // The sample is a picture of the mark; its name follows as text (read once).
            let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
            paint_legend_sample(ui.painter(), tokens, rect, *mark);
            // An entry's name is not broken: it moves to the next line whole.
            ui.add(egui::Label::new(name).extend());
        }
    });
    ui.add_space(tokens.space_xs);
}

/// A small sample of `mark` in `rect`, drawn as the chart draws it.
pub(in crate::ui) fn paint_legend_sample(
    painter: &egui::Painter,
    tokens: &Tokens,
    rect: Rect,
    mark: LegendMark,
) {
    let sample_row = |status: Status, health: Health, due_mark: Option<f32>| RowLayout {
        measure: 0,
        y: 0.0,
        height: rect.height(),
        bar: crate::layout::timeline::Bar {
            x0: 0.0,
            x1: rect.width(),
            progress_x: rect.width() * 0.6,
            due_mark_x: due_mark,
        },
        label: String::new(),
        status,
        health,
        label_room: 0.0,
        label_room_left: 0.0,
    };
    let bar = rect.shrink2(vec2(0.0, rect.height() * 0.2));
    let diamond = Rect::from_center_size(rect.center(), vec2(2.0, 2.0) * MARKER_RADIUS);
    let (mid_y, left, right) = (rect.center().y, rect.left(), rect.right());
    match mark {
        LegendMark::Status(status) => {
            paint_bar(painter, tokens, &sample_row(status, Health::OnTrack, None), bar);
        }
        LegendMark::Overdue => {
            paint_bar(painter, tokens, &sample_row(Status::InProgress, Health::Overdue, None), bar);
        }
        LegendMark::DueTick => {
            let row = sample_row(Status::Done, Health::Done, Some(rect.width() * 0.6));
            paint_bar(painter, tokens, &row, bar);
        }
        LegendMark::Verdict(verdict) => {
            let color = tokens.verdict_mark(verdict).0;
            paint_shape(painter, diamond, Shape::Diamond, color, tokens.marker_outline);
        }
        LegendMark::NextReevaluation => {
            paint_hollow_diamond(painter, diamond, Stroke::new(2.0, tokens.text_strong));
        }
        LegendMark::ReevaluationOverdue => {
            paint_hollow_diamond(painter, diamond.expand(2.0), Stroke::new(3.0, tokens.danger));
        }
        LegendMark::Baseline => {
            let ghost =
                Rect::from_min_max(pos2(left, bar.bottom() - 3.0), pos2(right, bar.bottom()));
            paint_ghost(painter, tokens, ghost, Stroke::new(1.0, tokens.text_muted));
        }
        LegendMark::Dependency | LegendMark::DependencyViolated => {
            let violated = mark == LegendMark::DependencyViolated;
            let color = if violated { tokens.warning } else { tokens.arrow };
            let stroke = Stroke::new(if violated { 2.0 } else { 1.2 }, color);
            let to = pos2(right, mid_y);
            paint_arrow(painter, vec![pos2(left, mid_y), to], to, stroke);
        }
        LegendMark::Today => {
            let x = rect.center().x;
            painter.line_segment(
                [pos2(x, rect.top()), pos2(x, rect.bottom())],
                Stroke::new(2.0, tokens.accent),
            );
        }
        LegendMark::Adopted => {
            let x = rect.center().x;
            for shape in egui::Shape::dashed_line(
                &[pos2(x, rect.top()), pos2(x, rect.bottom())],
                Stroke::new(1.5, tokens.text_muted),
                4.0,
                3.0,
            ) {
                painter.add(shape);
            }
        }
    }
}
