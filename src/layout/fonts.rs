//! The fonts Fahrplan ships (SIL Open Font License and the DejaVu licence), shared by the window
//! and the exports so both look the same on every machine, and text measured with them: the
//! picture and the PDF report take their widths from the same advances (read once by skrifa).

use std::sync::LazyLock;

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// Noto Sans Regular, shipped in `assets/fonts` (SIL Open Font License), so pictures look the same
/// on every machine.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// DejaVu Sans symbols (arrows, marks) as fallback for characters Noto's Latin subset lacks.
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Symbols.ttf");

/// One of the shipped fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
    /// DejaVu Sans symbols (arrows, marks).
    Symbols,
}

impl Face {
    /// Every face, in the order of [`Face::index`].
    pub const ALL: [Self; 3] = [Self::Regular, Self::Bold, Self::Symbols];

    /// The face's place in [`Face::ALL`].
    pub const fn index(self) -> usize {
        match self {
            Self::Regular => 0,
            Self::Bold => 1,
            Self::Symbols => 2,
        }
    }

    /// The font file.
    pub const fn data(self) -> &'static [u8] {
        match self {
            Self::Regular => FONT_REGULAR,
            Self::Bold => FONT_BOLD,
            Self::Symbols => FONT_SYMBOLS,
        }
    }
}

/// The vertical metrics of a font in thousandths of an em (PDF glyph space).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VMetrics {
    /// Height above the baseline.
    pub ascent: f32,
    /// Depth below the baseline (negative).
    pub descent: f32,
    /// Height of capital letters.
    pub cap_height: f32,
    /// The bounding box of all glyphs: left, bottom, right, top.
    pub bbox: [f32; 4],
}

/// How a character is drawn: in which face, with which glyph, how wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    /// The face that has the glyph (the primary face, or the symbols as fallback).
    pub face: Face,
    /// The glyph in that face.
    pub id: u16,
    /// Advance width in thousandths of an em.
    pub advance: f32,
    /// The character drawn: the one asked for, a space for a control character, or a question
    /// mark where no shipped font has the character (copying the text gives what is seen).
    pub drawn: char,
}

/// Characters below this are looked up once, when the fonts are read (Latin, Latin-1 and
/// Latin Extended-A and -B: nearly all text of a German roadmap).
const TABLE: u32 = 0x250;

/// One shipped font, read once.
struct Loaded {
    charmap: Charmap<'static>,
    /// Units per em.
    upem: f32,
    /// Advance widths in thousandths of an em, by glyph.
    advances: Vec<f32>,
    metrics: VMetrics,
}

impl Loaded {
    fn new(face: Face) -> Result<Self, String> {
        let font = FontRef::new(face.data()).map_err(|e| format!("{face:?}: {e}"))?;
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(m.units_per_em.max(1));
        let k = 1000.0 / upem;
        let glyphs = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advances = (0..u32::from(m.glyph_count))
            .map(|g| glyphs.advance_width(GlyphId::new(g)).unwrap_or(0.0) * k)
            .collect();
        let bbox = m.bounds.map_or([0.0, m.descent * k, 1000.0, m.ascent * k], |b| {
            [b.x_min * k, b.y_min * k, b.x_max * k, b.y_max * k]
        });
        let metrics = VMetrics {
            ascent: m.ascent * k,
            descent: m.descent * k,
            cap_height: m.cap_height.unwrap_or(m.ascent * 0.7) * k,
            bbox,
        };
        Ok(Self { charmap: font.charmap(), upem, advances, metrics })
    }

    fn glyph(&self, c: char) -> Option<u16> {
        let g = self.charmap.map(c)?.to_u32();
        (g != 0).then(|| u16::try_from(g).ok()).flatten()
    }

    /// Advance of a glyph in thousandths of an em.
    fn advance(&self, glyph: u16) -> f32 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or(0.0)
    }
}

/// The shipped fonts' metrics: which glyph draws a character and how wide it is.
pub struct TextMetrics {
    loaded: [Loaded; 3],
    /// The glyphs of the characters below [`TABLE`], per primary face.
    table: [Vec<Glyph>; 3],
}

/// The metrics, read on first use; an error names the font that could not be read.
static METRICS: LazyLock<Result<TextMetrics, String>> = LazyLock::new(TextMetrics::read);

/// The shipped fonts' metrics (read once per process).
pub fn metrics() -> Result<&'static TextMetrics, String> {
    METRICS.as_ref().map_err(Clone::clone)
}

impl TextMetrics {
    fn read() -> Result<Self, String> {
        let loaded =
            [Loaded::new(Face::Regular)?, Loaded::new(Face::Bold)?, Loaded::new(Face::Symbols)?];
        let mut metrics = Self { loaded, table: [Vec::new(), Vec::new(), Vec::new()] };
        metrics.table = Face::ALL.map(|face| {
            (0..TABLE).filter_map(char::from_u32).map(|c| metrics.find(face, c)).collect()
        });
        Ok(metrics)
    }

    fn get(&self, face: Face) -> &Loaded {
        &self.loaded[face.index()]
    }

    /// The glyph that draws `c` in text of face `primary`: the primary face's if it has the
    /// character, else the symbols', else a question mark.
    fn find(&self, primary: Face, c: char) -> Glyph {
        let c = if c.is_control() { ' ' } else { c };
        let glyph = |face: Face, id: u16, drawn: char| Glyph {
            face,
            id,
            advance: self.get(face).advance(id),
            drawn,
        };
        if let Some(id) = self.get(primary).glyph(c) {
            return glyph(primary, id, c);
        }
        if let Some(id) = self.get(Face::Symbols).glyph(c) {
            return glyph(Face::Symbols, id, c);
        }
        glyph(primary, self.get(primary).glyph('?').unwrap_or(0), '?')
    }

    /// How `c` is drawn in text of face `primary`.
    pub fn glyph(&self, primary: Face, c: char) -> Glyph {
        self.table[primary.index()]
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| self.find(primary, c))
    }

    /// Width of `text` in face `primary` at `size` (points, or pixels: the unit of `size`).
    /// Advances only: no kerning, which changes Noto Sans text by well under one per cent.
    pub fn width(&self, text: &str, primary: Face, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(primary, c).advance).sum::<f32>() * size / 1000.0
    }

    /// Advance of a glyph of `face` in thousandths of an em.
    pub fn advance(&self, face: Face, glyph: u16) -> f32 {
        self.get(face).advance(glyph)
    }

    /// Vertical metrics of a face.
    pub fn vertical(&self, face: Face) -> VMetrics {
        self.get(face).metrics
    }

    /// Units per em of a face.
    pub fn upem(&self, face: Face) -> f32 {
        self.get(face).upem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_the_charmap_and_wide_letters_are_wider() {
        let m = metrics().unwrap();
        for c in ['a', 'W', 'ß', 'Ä', '€', '→', '\u{1F600}', '\t', 'ő'] {
            for face in Face::ALL {
                assert_eq!(m.glyph(face, c), m.find(face, c), "{c:?} in {face:?}");
            }
        }
        assert_eq!(m.glyph(Face::Regular, '\t').drawn, ' ');
        assert_eq!(m.glyph(Face::Regular, '→').face, Face::Symbols);
        assert!(m.width("W", Face::Regular, 13.0) > 13.0 * 0.8);
        assert!(m.width("i", Face::Regular, 13.0) < 13.0 * 0.3);
    }
}
