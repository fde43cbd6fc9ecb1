//! Design tokens: every size, colour and spacing the views use comes from here, so that the
//! desk themes (light and dark, following the system) and later the projector theme are one
//! switch.
//!
//! Status and health colours come from the Okabe–Ito palette, which stays distinguishable with
//! deuteranopia and protanopia; each is always paired with a shape ([`Shape`]) and a word.
//! Red (vermillion) is reserved for "overdue" and errors.

use egui::{Color32, FontFamily, FontId, TextStyle, Theme};

use crate::model::{Health, Status};

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
}

// Okabe–Ito.
const OI_ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
const OI_SKY: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
const OI_GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
const OI_YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
const OI_BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
const OI_VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
const GREY: Color32 = Color32::from_rgb(0x8A, 0x8A, 0x8A);

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
            warning: OI_ORANGE,
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
        }
    }

    /// Colour and shape of a status.
    pub const fn status_mark(&self, status: Status) -> (Color32, Shape) {
        match status {
            Status::Planned => (OI_SKY, Shape::RingOpen),
            Status::InProgress => (OI_BLUE, Shape::Dot),
            Status::Done => (OI_GREEN, Shape::Square),
            Status::OnHold => (OI_ORANGE, Shape::Pause),
            Status::Cancelled => (GREY, Shape::Cross),
        }
    }

    /// Colour and shape of a schedule health.
    pub const fn health_mark(&self, health: Health) -> (Color32, Shape) {
        match health {
            Health::Overdue => (OI_VERMILLION, Shape::Triangle),
            Health::NotStarted => (OI_ORANGE, Shape::Triangle),
            Health::DueSoon => (OI_YELLOW, Shape::Diamond),
            Health::OnTrack => (OI_SKY, Shape::Dot),
            Health::Done => (OI_GREEN, Shape::Square),
        }
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
                (TextStyle::Heading, FontId::new(tokens.text_heading, FontFamily::Proportional)),
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
    }
}
