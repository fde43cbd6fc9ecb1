//! Design tokens: every size, colour and spacing the views use comes from here, so that the
//! desk themes (light and dark, following the system) and the projector theme are one switch.
//!
//! Status and health colours come from the Okabe–Ito palette, which stays distinguishable with
//! deuteranopia and protanopia; each is always paired with a shape ([`Shape`]) and a word.
//! Red (vermillion) is reserved for "overdue" and errors.

use egui::{Color32, FontFamily, FontId, TextStyle, Theme};

use crate::layout::palette;
use crate::model::{Health, Status, Verdict};

/// A mark drawn beside a status or health word, so that colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An outlined circle.
    RingOpen,
    /// A filled circle.
    Dot,
    /// A filled square.
    Square,
    /// Two vertical bars (pause).
    Pause,
    /// A diagonal cross.
    Cross,
    /// A triangle pointing up (warning).
    Triangle,
    /// A diamond.
    Diamond,
    /// A triangle pointing down.
    TriangleDown,
    /// A letter on a rounded square (an assessment result: E, T, N, –, ?).
    Letter(char),
}

/// The design tokens of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Tokens {
    /// Whether the background is dark.
    pub dark: bool,
    /// Smallest gap.
    pub space_xs: f32,
    /// Small gap (between related items).
    pub space_s: f32,
    /// Medium gap (between groups).
    pub space_m: f32,
    /// Large gap (between sections).
    pub space_l: f32,
    /// Body text size.
    pub text_body: f32,
    /// Small text (captions, hints).
    pub text_small: f32,
    /// Section headings.
    pub text_heading: f32,
    /// Page titles.
    pub text_title: f32,
    /// Height of a table row.
    pub row_height: f32,
    /// The one accent colour (selection, links, primary buttons).
    pub accent: Color32,
    /// Fill of progress bars (light enough for dark text on it, or dark for light text).
    pub progress_fill: Color32,
    /// Text on progress bars.
    pub progress_text: Color32,
    /// Strong text (titles, figures).
    pub text_strong: Color32,
    /// Muted text (labels, captions).
    pub text_muted: Color32,
    /// Background of side panels and cards.
    pub surface: Color32,
    /// Thin lines between groups.
    pub separator: Color32,
    /// Errors and overdue: vermillion.
    pub danger: Color32,
    /// Warnings (start passed, violated dependencies): orange.
    pub warning: Color32,
    /// Background of an error message.
    pub danger_bg: Color32,
    /// Background of an informational message.
    pub info_bg: Color32,
    /// Width of the detail panel.
    pub detail_width: f32,
    /// The font family for headings (bold once the fonts are installed).
    pub bold: FontFamily,
    /// Background of timeline lanes (alternating with `lane_fill_alt`).
    pub lane_fill: Color32,
    /// Background of every other lane.
    pub lane_fill_alt: Color32,
    /// Background of a lane's header band.
    pub lane_header_fill: Color32,
    /// Month and quarter grid lines.
    pub grid: Color32,
    /// Year grid lines.
    pub grid_strong: Color32,
    /// Background of the selected row.
    pub selection_fill: Color32,
    /// The empty part of a bar.
    pub bar_track: Color32,
    /// Outline of re-evaluation diamonds.
    pub marker_outline: Color32,
    /// Dependency arrows that are fine.
    pub arrow: Color32,
}

/// The palette colour as egui's colour.
pub const fn color(c: palette::Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

impl Tokens {
    /// The desk theme for a light or dark system setting.
    pub fn desk(theme: Theme) -> Self {
        let dark = theme == Theme::Dark;
        Self {
            dark,
            space_xs: 2.0,
            space_s: 6.0,
            space_m: 12.0,
            space_l: 20.0,
            text_body: 14.0,
            text_small: 12.0,
            text_heading: 17.0,
            text_title: 22.0,
            row_height: 26.0,
            accent: if dark {
                Color32::from_rgb(0x6C, 0xB4, 0xF0)
            } else {
                Color32::from_rgb(0x1F, 0x5F, 0x9E)
            },
            progress_fill: if dark {
                Color32::from_rgb(0x2A, 0x64, 0x9A)
            } else {
                Color32::from_rgb(0x9C, 0xC9, 0xEE)
            },
            progress_text: if dark { Color32::WHITE } else { Color32::BLACK },
            text_strong: if dark { Color32::from_gray(0xF0) } else { Color32::from_gray(0x14) },
            text_muted: if dark { Color32::from_gray(0xA8) } else { Color32::from_gray(0x5C) },
            surface: if dark { Color32::from_gray(0x22) } else { Color32::from_gray(0xF6) },
            separator: if dark { Color32::from_gray(0x3A) } else { Color32::from_gray(0xDD) },
            danger: if dark {
                Color32::from_rgb(0xFF, 0x80, 0x4A)
            } else {
                Color32::from_rgb(0xB8, 0x48, 0x00)
            },
            warning: color(palette::ORANGE),
            danger_bg: if dark {
                Color32::from_rgb(0x4A, 0x22, 0x12)
            } else {
                Color32::from_rgb(0xFC, 0xE8, 0xDC)
            },
            info_bg: if dark {
                Color32::from_rgb(0x17, 0x33, 0x4A)
            } else {
                Color32::from_rgb(0xE3, 0xEF, 0xFA)
            },
            detail_width: 400.0,
            bold: FontFamily::Proportional,
            lane_fill: if dark { Color32::from_gray(0x1E) } else { Color32::WHITE },
            lane_fill_alt: if dark { Color32::from_gray(0x24) } else { Color32::from_gray(0xFA) },
            lane_header_fill: if dark {
                Color32::from_gray(0x2C)
            } else {
                Color32::from_rgb(0xEE, 0xF2, 0xF6)
            },
            grid: if dark { Color32::from_gray(0x34) } else { Color32::from_gray(0xE6) },
            grid_strong: if dark { Color32::from_gray(0x55) } else { Color32::from_gray(0xC4) },
            selection_fill: if dark {
                Color32::from_rgb(0x1E, 0x3A, 0x55)
            } else {
                Color32::from_rgb(0xDD, 0xEB, 0xF8)
            },
            bar_track: if dark { Color32::from_gray(0x30) } else { Color32::from_gray(0xF0) },
            marker_outline: if dark { Color32::from_gray(0xE0) } else { Color32::from_gray(0x30) },
            arrow: if dark { Color32::from_gray(0x90) } else { Color32::from_gray(0x80) },
        }
    }

    /// Colour and shape of a status.
    pub const fn status_mark(&self, status: Status) -> (Color32, Shape) {
        let shape = match status {
            Status::Planned => Shape::RingOpen,
            Status::InProgress => Shape::Dot,
            Status::Done => Shape::Square,
            Status::OnHold => Shape::Pause,
            Status::Cancelled => Shape::Cross,
        };
        (color(palette::status(status)), shape)
    }

    /// Colour and shape of a schedule health.
    pub const fn health_mark(&self, health: Health) -> (Color32, Shape) {
        // Warnings about dates are triangles; a diamond is always a re-evaluation; done is the
        // status's own mark (one meaning per mark across the application).
        let shape = match health {
            Health::Overdue | Health::DueSoon => Shape::Triangle,
            Health::NotStarted => Shape::TriangleDown,
            Health::OnTrack => Shape::Dot,
            Health::Done => Shape::Square,
        };
        (color(palette::health(health)), shape)
    }

    /// Colour and shape of a re-evaluation verdict.
    pub const fn verdict_mark(&self, verdict: Verdict) -> (Color32, Shape) {
        // The re-evaluation diamond of the timeline, in the verdict's colour.
        (color(palette::verdict(verdict)), Shape::Diamond)
    }

    /// Colour and letter of an assessment result (the letter in the UI's language).
    pub fn outcome_mark(
        &self,
        tr: &crate::i18n::I18n,
        outcome: crate::model::Outcome,
    ) -> (Color32, Shape) {
        let letter =
            tr.t(&format!("outcome-letter-{}", outcome.as_str())).chars().next().unwrap_or('?');
        (color(palette::outcome(outcome)), Shape::Letter(letter))
    }

    /// The projector theme for a screen of `size` points: light, high contrast (every text colour
    /// at least 7 : 1 against its background, WCAG AAA), body text ≥ 28 and titles ≥ 40 at
    /// 1024 × 768, growing with the screen; no hairlines.
    pub fn projector(size: egui::Vec2) -> Self {
        let scale = (size.x / 1024.0).min(size.y / 768.0).max(1.0);
        let base = Self::desk(Theme::Light);
        Self {
            dark: false,
            space_xs: 4.0 * scale,
            space_s: 10.0 * scale,
            space_m: 18.0 * scale,
            space_l: 32.0 * scale,
            text_body: 30.0 * scale,
            text_small: 28.0 * scale,
            text_heading: 36.0 * scale,
            text_title: 48.0 * scale,
            row_height: 46.0 * scale,
            accent: Color32::from_rgb(0x0B, 0x3D, 0x91),
            progress_fill: Color32::from_rgb(0x9C, 0xC9, 0xEE),
            progress_text: Color32::BLACK,
            text_strong: Color32::BLACK,
            text_muted: Color32::from_gray(0x30),
            surface: Color32::from_gray(0xF2),
            separator: Color32::from_gray(0x60),
            danger: Color32::from_rgb(0x8A, 0x2E, 0x00),
            warning: Color32::from_rgb(0x7A, 0x4B, 0x00),
            danger_bg: Color32::from_rgb(0xFC, 0xE8, 0xDC),
            info_bg: Color32::from_rgb(0xE3, 0xEF, 0xFA),
            detail_width: 0.0,
            lane_fill: Color32::WHITE,
            lane_fill_alt: Color32::from_gray(0xF7),
            lane_header_fill: Color32::from_rgb(0xE4, 0xEA, 0xF2),
            grid: Color32::from_gray(0xC8),
            grid_strong: Color32::from_gray(0x80),
            selection_fill: Color32::from_rgb(0xDD, 0xEB, 0xF8),
            bar_track: Color32::from_gray(0xE8),
            marker_outline: Color32::BLACK,
            arrow: Color32::from_gray(0x50),
            ..base
        }
    }

    /// The background of the projector theme.
    pub const PROJECTOR_BACKGROUND: Color32 = Color32::WHITE;

    /// A bold font of `size`.
    pub fn bold_font(&self, size: f32) -> FontId {
        FontId::new(size, self.bold.clone())
    }

    /// Applies sizes and spacing to egui's style (colours stay egui's light or dark visuals,
    /// with the accent as selection colour).
    pub fn apply(&self, ctx: &egui::Context) {
        let tokens = self.clone();
        ctx.global_style_mut(|style| {
            style.text_styles = [
                (TextStyle::Small, FontId::new(tokens.text_small, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(tokens.text_body, FontFamily::Proportional)),
                (TextStyle::Button, FontId::new(tokens.text_body, FontFamily::Proportional)),
                (TextStyle::Heading, FontId::new(tokens.text_heading, tokens.bold.clone())),
                (TextStyle::Monospace, FontId::new(tokens.text_body - 1.0, FontFamily::Monospace)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(tokens.space_s + 2.0, tokens.space_s);
            style.spacing.button_padding = egui::vec2(tokens.space_s + 2.0, tokens.space_xs + 2.0);
            style.spacing.interact_size.y = tokens.row_height - 4.0;
        });
    }
}

/// Paints `shape` in `color` centred in `rect` (a square about the size of a capital letter).
pub fn paint_shape(
    painter: &egui::Painter,
    rect: egui::Rect,
    shape: Shape,
    color: Color32,
    outline: Color32,
) {
    use egui::{Pos2, Stroke, pos2};
    let c = rect.center();
    let r = rect.width().min(rect.height()) * 0.42;
    let stroke = Stroke::new(1.0, outline);
    match shape {
        Shape::RingOpen => {
            painter.circle_stroke(c, r * 0.85, Stroke::new(2.0, color));
        }
        Shape::Dot => {
            painter.circle(c, r * 0.9, color, stroke);
        }
        Shape::Square => {
            let half = r * 0.8;
            painter.rect(
                egui::Rect::from_center_size(c, egui::vec2(half * 2.0, half * 2.0)),
                1.0,
                color,
                stroke,
                egui::StrokeKind::Inside,
            );
        }
        Shape::Pause => {
            let (w, h) = (r * 0.55, r * 1.7);
            for dx in [-r * 0.45, r * 0.45] {
                painter.rect_filled(
                    egui::Rect::from_center_size(pos2(c.x + dx, c.y), egui::vec2(w, h)),
                    1.0,
                    color,
                );
            }
        }
        Shape::Cross => {
            let s = Stroke::new(2.5, color);
            let d = r * 0.75;
            painter.line_segment([pos2(c.x - d, c.y - d), pos2(c.x + d, c.y + d)], s);
            painter.line_segment([pos2(c.x - d, c.y + d), pos2(c.x + d, c.y - d)], s);
        }
        Shape::Triangle => {
            let points: Vec<Pos2> = vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r, c.y + r * 0.8),
                pos2(c.x - r, c.y + r * 0.8),
            ];
            painter.add(egui::Shape::convex_polygon(points, color, stroke));
        }
        Shape::TriangleDown => {
            let points: Vec<Pos2> = vec![
                pos2(c.x - r, c.y - r * 0.8),
                pos2(c.x + r, c.y - r * 0.8),
                pos2(c.x, c.y + r),
            ];
            painter.add(egui::Shape::convex_polygon(points, color, stroke));
        }
        Shape::Diamond => {
            let points: Vec<Pos2> = vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r, c.y),
                pos2(c.x, c.y + r),
                pos2(c.x - r, c.y),
            ];
            painter.add(egui::Shape::convex_polygon(points, color, stroke));
        }
        Shape::Letter(letter) => {
            let side = r * 2.3;
            let square = egui::Rect::from_center_size(c, egui::vec2(side, side));
            painter.rect(square, side * 0.2, color, stroke, egui::StrokeKind::Inside);
            // Dark letters on the light colours, white on the dark grey (contrast ≥ 4.5 : 1).
            let ink = if palette_is_dark(color) { Color32::WHITE } else { Color32::BLACK };
            let font = egui::FontId::proportional(side * 0.78);
            painter.text(c, egui::Align2::CENTER_CENTER, letter, font, ink);
        }
    }
}

/// Whether a fill is dark enough to need white writing on it.
fn palette_is_dark(c: Color32) -> bool {
    contrast_ratio(Color32::WHITE, c) > contrast_ratio(Color32::BLACK, c)
}

/// The WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One symbol language: a mark (colour and shape) means one thing across status, schedule
    /// health and verdicts; the only mark shared is "done", with the same word in both.
    #[test]
    fn every_mark_means_one_thing() {
        let tr = crate::i18n::I18n::new(crate::i18n::Lang::De);
        let t = Tokens::desk(Theme::Light);
        let mut marks: Vec<((Color32, Shape), String)> = Vec::new();
        marks.extend(
            Status::ALL
                .iter()
                .map(|s| (t.status_mark(*s), tr.t(&format!("status-{}", s.as_str())))),
        );
        marks.extend(
            Health::ALL
                .iter()
                .map(|h| (t.health_mark(*h), tr.t(&format!("health-{}", h.as_str())))),
        );
        marks.extend(
            [Verdict::Effective, Verdict::Partly, Verdict::NotEffective]
                .iter()
                .map(|v| (t.verdict_mark(*v), tr.t(&format!("verdict-{}", v.as_str())))),
        );
        marks.extend(
            crate::model::Outcome::ALL
                .iter()
                .map(|o| (t.outcome_mark(&tr, *o), tr.t(&format!("outcome-{}", o.as_str())))),
        );
        for (i, (a, word_a)) in marks.iter().enumerate() {
            for (b, word_b) in &marks[i + 1..] {
                assert_eq!(a == b, word_a == word_b, "{word_a} and {word_b}: {a:?} / {b:?}");
            }
        }
        // Red is for what is overdue: no verdict wears it.
        for v in [Verdict::Effective, Verdict::Partly, Verdict::NotEffective] {
            assert_ne!(t.verdict_mark(v).0, t.health_mark(Health::Overdue).0, "{v:?}");
        }
    }

    #[test]
    fn contrast_ratio_matches_wcag_examples() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // #777777 on white is the classic 4.48 : 1.
        assert!((contrast_ratio(Color32::from_gray(0x77), Color32::WHITE) - 4.48).abs() < 0.02);
    }

    #[test]
    fn projector_text_has_aaa_contrast_and_large_type_at_1024_by_768() {
        let t = Tokens::projector(egui::vec2(1024.0, 768.0));
        let bg = Tokens::PROJECTOR_BACKGROUND;
        for (name, fg, back) in [
            ("text", t.text_strong, bg),
            ("muted", t.text_muted, bg),
            ("muted on cards", t.text_muted, t.surface),
            ("text on lane headers", t.text_strong, t.lane_header_fill),
            ("overdue", t.danger, bg),
            ("overdue on cards", t.danger, t.surface),
            ("warning", t.warning, bg),
            ("accent", t.accent, bg),
            ("progress label", t.progress_text, t.progress_fill),
            ("today label", Color32::WHITE, t.accent),
        ] {
            let ratio = contrast_ratio(fg, back);
            assert!(ratio >= 7.0, "{name}: {ratio:.2} : 1");
        }
        assert!(t.text_small >= 28.0 && t.text_body >= 28.0);
        assert!(t.text_title >= 40.0 && t.text_heading >= 28.0);
        // It grows with the screen.
        let big = Tokens::projector(egui::vec2(1920.0, 1080.0));
        assert!(big.text_body > t.text_body && big.text_title > t.text_title);
    }
}
