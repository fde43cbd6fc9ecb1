//! The table's cells, painted rather than laid out as widgets: a row of nine labels, marks and
//! a progress bar cost most of a frame (0.36 of 0.84 ms at 20 measures), painting them a
//! fraction. What a widget gave besides its picture stays: a cut text shows itself whole on
//! hover, and a screen reader hears the whole row on its code (see [`row_summary`]).

use egui::{Color32, Pos2, Rect, RichText, TextStyle, Ui, WidgetText, pos2, vec2};

use crate::ui::theme::{Shape, Tokens, paint_shape};

/// Paints `text` in the cell, centred vertically and cut with "…" at its right edge, after a
/// mark (colour and shape) if there is one. A cut text shows itself whole on hover.
pub(in crate::ui) fn text_cell(
    ui: &mut Ui,
    tokens: &Tokens,
    mark: Option<(Color32, Shape)>,
    text: RichText,
) {
    let rect = ui.max_rect();
    let mut left = rect.left();
    if let Some((color, shape)) = mark {
        let size = ui.text_style_height(&TextStyle::Body);
        let square =
            Rect::from_min_size(pos2(left, rect.center().y - size / 2.0), vec2(size, size));
        let outline = if tokens.dark { Color32::from_gray(0x10) } else { Color32::from_gray(0x50) };
        paint_shape(ui.painter(), square, shape, color, outline);
        left += size + tokens.space_s;
    }
    let width = (rect.right() - left).max(0.0);
    // In egui_extras' sizing pass (a double click on a column's edge) the whole text, so the
    // column can take its width; otherwise cut at the cell's edge.
    let (wrap, width) = if ui.is_sizing_pass() {
        (egui::TextWrapMode::Extend, f32::INFINITY)
    } else {
        (egui::TextWrapMode::Truncate, width)
    };
    let galley = WidgetText::from(text).into_galley(ui, Some(wrap), width, TextStyle::Body);
    let at = Pos2::new(left, rect.center().y - galley.size().y / 2.0);
    // The width used, for the column's automatic size (painting alone tells the table nothing).
    ui.advance_cursor_after_rect(Rect::from_min_size(at, galley.size()));
    let full = galley.elided.then(|| galley.job.text.clone());
    ui.painter().galley(at, galley, ui.visuals().text_color());
    if let Some(full) = full
        && ui.rect_contains_pointer(rect)
    {
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            ui.scope_id().with("cut"),
            egui::PopupAnchor::Pointer,
        )
        .gap(12.0)
        .show(|ui| ui.label(full));
    }
}

/// Paints a progress bar filling the cell's width, with `text` on it.
pub(super) fn progress_cell(ui: &mut Ui, tokens: &Tokens, progress: u8, text: String) {
    let cell = ui.max_rect();
    let height = tokens.text_body + 4.0;
    let rect = Rect::from_min_size(
        pos2(cell.left(), cell.center().y - height / 2.0),
        vec2(cell.width(), height),
    );
    let visuals = ui.visuals();
    let rounding = rect.height() / 2.0;
    let painter = ui.painter();
    painter.rect_filled(rect, rounding, visuals.extreme_bg_color);
    // As egui's progress bar: the filled part at least as wide as it is high.
    let filled = (rect.width() * f32::from(progress.min(100)) / 100.0).max(rect.height());
    let bar = Rect::from_min_size(rect.min, vec2(filled, rect.height()));
    painter.rect_filled(bar, rounding, tokens.progress_fill);
    let galley = WidgetText::from(RichText::new(text).color(tokens.progress_text)).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        TextStyle::Button,
    );
    let at =
        pos2(rect.left() + ui.spacing().item_spacing.x, rect.center().y - galley.size().y / 2.0);
    painter.with_clip_rect(rect).galley(at, galley, tokens.progress_text);
}
