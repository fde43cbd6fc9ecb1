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

/// A wrapped label whose long words break between syllables with a hyphen
/// ("Informationssicherheits-managementsystem"), by the one wrapping service of window, slides
/// and reports, never mid-syllable; a screen reader gets the text as it is, without the hyphens.
pub fn hyphenated_label(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    text: &str,
    (font, face): (egui::FontId, crate::layout::fonts::Face),
    color: Color32,
) -> Response {
    let width = (ui.available_width() - 2.0).max(20.0);
    let lines = crate::layout::wrap::hyphenated(text, lang, (face, font.size), width);
    let response = ui.add(egui::Label::new(RichText::new(lines).font(font).color(color)).wrap());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    response
}

/// In a wrapping row: starts a new row unless `width` still fits in this one, so that what
/// belongs together (a label and its control, a legend's sample and its name) is never split.
pub fn keep_together(ui: &mut Ui, width: f32) {
    if ui.available_size_before_wrap().x < width && ui.cursor().min.x > ui.max_rect().left() + 1.0 {
        ui.end_row();
    }
}

/// The width of `text` in the body style, for [`keep_together`].
pub fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, Color32::WHITE).size().x)
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
