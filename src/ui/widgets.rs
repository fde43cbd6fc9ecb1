//! Small widgets shared by the views.

use egui::{Color32, Response, RichText, Sense, Ui, vec2};

use super::theme::{Shape, Tokens, paint_shape};

/// A coloured shape followed by a word: status and health are never shown by colour alone.
pub fn mark_label(ui: &mut Ui, tokens: &Tokens, mark: (Color32, Shape), text: &str) -> Response {
    mark_label_colored(ui, tokens, mark, RichText::new(text))
}

/// Like [`mark_label`], with the word styled by the caller (e.g. "overdue" in the danger colour).
pub fn mark_label_colored(
    ui: &mut Ui,
    tokens: &Tokens,
    (color, shape): (Color32, Shape),
    text: RichText,
) -> Response {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = tokens.space_s;
        let size = ui.text_style_height(&egui::TextStyle::Body);
        let (rect, _) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
        let outline = if tokens.dark { Color32::from_gray(0x10) } else { Color32::from_gray(0x50) };
        paint_shape(ui.painter(), rect, shape, color, outline);
        ui.label(text)
    })
    .inner
}

/// A label in the muted text colour.
pub fn muted(ui: &mut Ui, tokens: &Tokens, text: impl Into<String>) -> Response {
    ui.label(RichText::new(text.into()).color(tokens.text_muted))
}

/// A thin progress bar with the percentage written on it.
pub fn progress_bar(
    ui: &mut Ui,
    tokens: &Tokens,
    progress: u8,
    text: String,
    width: f32,
) -> Response {
    ui.add(
        egui::ProgressBar::new(f32::from(progress) / 100.0)
            .desired_width(width)
            .desired_height(tokens.text_body + 4.0)
            .fill(tokens.progress_fill)
            .text(RichText::new(text).color(tokens.progress_text)),
    )
}
