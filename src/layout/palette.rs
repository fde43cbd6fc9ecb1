//! The colours that mean something (status, health, verdicts), shared by the window's design
//! tokens and the exported pictures.
//!
//! Okabe–Ito: distinguishable with deuteranopia and protanopia. Vermillion is reserved for
//! "overdue" and errors. Every colour is always paired with a shape or pattern.

use crate::model::{Health, Outcome, Status, Verdict};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Okabe–Ito orange.
pub const ORANGE: Rgb = Rgb(0xE6, 0x9F, 0x00);
/// Okabe–Ito sky blue.
pub const SKY: Rgb = Rgb(0x56, 0xB4, 0xE9);
/// Okabe–Ito bluish green.
pub const GREEN: Rgb = Rgb(0x00, 0x9E, 0x73);
/// Okabe–Ito yellow.
pub const YELLOW: Rgb = Rgb(0xF0, 0xE4, 0x42);
/// Okabe–Ito blue.
pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xB2);
/// Okabe–Ito reddish purple: a verdict "not effective" (red stays for what is overdue).
pub const PURPLE: Rgb = Rgb(0xCC, 0x79, 0xA7);
/// Okabe–Ito vermillion: overdue and errors only.
pub const VERMILLION: Rgb = Rgb(0xD5, 0x5E, 0x00);
/// Dark neutral grey for cancelled measures (a lighter grey looks like the green of "done" to
/// viewers with deuteranopia).
pub const GREY: Rgb = Rgb(0x5A, 0x5A, 0x5A);
/// Vermillion darkened for text on light backgrounds (contrast ≥ 4.5 : 1 on white).
pub const DANGER_TEXT: Rgb = Rgb(0xB8, 0x48, 0x00);

/// The colour of a status.
pub const fn status(status: Status) -> Rgb {
    match status {
        Status::Planned => SKY,
        Status::InProgress => BLUE,
        Status::Done => GREEN,
        Status::OnHold => ORANGE,
        Status::Cancelled => GREY,
    }
}

/// The colour of a schedule health.
pub const fn health(health: Health) -> Rgb {
    match health {
        Health::Overdue => VERMILLION,
        Health::NotStarted => ORANGE,
        Health::DueSoon => YELLOW,
        Health::OnTrack => SKY,
        Health::Done => GREEN,
    }
}

/// The colour of a re-evaluation verdict.
pub const fn verdict(verdict: Verdict) -> Rgb {
    match verdict {
        Verdict::Effective => GREEN,
        Verdict::Partly => YELLOW,
        Verdict::NotEffective => PURPLE,
    }
}

/// The colour of an assessment result (always drawn with its letter).
pub const fn outcome(outcome: Outcome) -> Rgb {
    match outcome {
        Outcome::Met => GREEN,
        Outcome::Partial => YELLOW,
        Outcome::NotMet => PURPLE,
        Outcome::NotApplicable => GREY,
        Outcome::Open => SKY,
    }
}

/// Simulates how a colour looks with deuteranopia (`deutan = true`) or protanopia, after
/// Viénot, Brettel and Mollon (1999), in linear RGB.
pub fn simulate_dichromacy(c: Rgb, deutan: bool) -> Rgb {
    fn to_linear(v: u8) -> f32 {
        let v = f32::from(v) / 255.0;
        if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    }
    fn to_srgb(v: f32) -> u8 {
        let v = v.clamp(0.0, 1.0);
        let s = if v <= 0.003_130_8 { v * 12.92 } else { 1.055 * v.powf(1.0 / 2.4) - 0.055 };
        (s * 255.0).round() as u8
    }
    let (r, g, b) = (to_linear(c.0), to_linear(c.1), to_linear(c.2));
    let (r2, g2) = if deutan {
        (0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g)
    } else {
        (0.11238 * r + 0.88762 * g, 0.11238 * r + 0.88762 * g)
    };
    let b2 = -0.02118 * r + 0.02118 * g + b;
    Rgb(to_srgb(r2), to_srgb(g2), to_srgb(b2.clamp(0.0, 1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: Rgb, b: Rgb) -> f32 {
        let d = |x: u8, y: u8| (f32::from(x) - f32::from(y)).powi(2);
        (d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)).sqrt()
    }

    #[test]
    fn status_colours_stay_apart_for_colour_blind_viewers() {
        for deutan in [true, false] {
            for (i, a) in Status::ALL.iter().enumerate() {
                for b in &Status::ALL[i + 1..] {
                    let (ca, cb) = (
                        simulate_dichromacy(status(*a), deutan),
                        simulate_dichromacy(status(*b), deutan),
                    );
                    assert!(
                        distance(ca, cb) > 40.0,
                        "{a} and {b} look alike (deutan: {deutan}): {ca:?} {cb:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn overdue_stands_out_from_every_status_colour() {
        for deutan in [true, false] {
            let overdue = simulate_dichromacy(health(Health::Overdue), deutan);
            for s in Status::ALL {
                assert!(distance(overdue, simulate_dichromacy(status(*s), deutan)) > 40.0, "{s}");
            }
        }
    }

    #[test]
    fn hex_is_css() {
        assert_eq!(VERMILLION.hex(), "#d55e00");
    }
}
