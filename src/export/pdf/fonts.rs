//! The fonts of the report: Noto Sans regular and bold, with the DejaVu symbols as fallback for
//! characters Noto's Latin subset lacks. Metrics are the shipped fonts' ([`TextMetrics`], shared
//! with the picture); only the glyphs the report uses are embedded (subsets by typst's
//! `subsetter`, glyphs numbered anew in the order of first use) as CID fonts with `Identity-H`,
//! and a `ToUnicode` map makes the text searchable and copyable.

use std::collections::BTreeMap;

use subsetter::GlyphRemapper;

pub use crate::layout::fonts::{Face, VMetrics};
use crate::layout::fonts::{TextMetrics, metrics};

impl Face {
    /// The resource name used in content streams.
    pub const fn resource(self) -> &'static [u8] {
        match self {
            Self::Regular => b"F1",
            Self::Bold => b"F2",
            Self::Symbols => b"F3",
        }
    }

    /// The PostScript name written into the PDF.
    pub const fn postscript(self) -> &'static [u8] {
        match self {
            Self::Regular => b"NotoSans-Regular",
            Self::Bold => b"NotoSans-Bold",
            Self::Symbols => b"DejaVuSans",
        }
    }
}

/// A run of glyphs in one face.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub face: Face,
    pub glyphs: Vec<u16>,
    /// Width in thousandths of an em.
    pub width: f32,
}

/// The document's fonts: measuring, encoding and, at the end, embedding.
pub struct Fonts {
    metrics: &'static TextMetrics,
    /// Glyphs used in the document per face, by their number in the subset: the glyph's number
    /// in the shipped font and the text it stands for.
    used: [BTreeMap<u16, (u16, String)>; 3],
    /// The shipped fonts' glyph numbers → the subsets' numbers, per face.
    remap: [GlyphRemapper; 3],
}

impl Fonts {
    /// The three fonts shipped with Fahrplan, no glyph used yet.
    pub fn new() -> Result<Self, String> {
        Ok(Self { metrics: metrics()?, used: Default::default(), remap: Default::default() })
    }

    /// The shipped fonts' metrics.
    pub const fn text_metrics(&self) -> &'static TextMetrics {
        self.metrics
    }

    /// Vertical metrics of a face.
    pub fn metrics(&self, face: Face) -> VMetrics {
        self.metrics.vertical(face)
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, primary: Face, size: f32) -> f32 {
        self.metrics.width(text, primary, size)
    }

    /// Splits `text` into runs per face and records the glyphs as used.
    pub fn encode(&mut self, text: &str, primary: Face) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let glyph = self.metrics.glyph(primary, c);
            let id = self.use_glyph(glyph.face, glyph.id, &glyph.drawn.to_string());
            match runs.last_mut() {
                Some(run) if run.face == glyph.face => {
                    run.glyphs.push(id);
                    run.width += glyph.advance;
                }
                _ => runs.push(Run { face: glyph.face, glyphs: vec![id], width: glyph.advance }),
            }
        }
        runs
    }

    /// Records a glyph of the shipped font (e.g. placed by the SVG text layout, already shaped)
    /// as used; returns its number in the subset, which the content streams show.
    pub fn use_glyph(&mut self, face: Face, glyph: u16, text: &str) -> u16 {
        let id = self.remap[face.index()].remap(glyph);
        self.used[face.index()].entry(id).or_insert_with(|| (glyph, text.to_owned()));
        id
    }

    /// The subset of `face` with the used glyphs (TrueType, numbered as the content shows them).
    pub fn subset(&self, face: Face) -> Result<Vec<u8>, String> {
        subsetter::subset(face.data(), 0, &self.remap[face.index()]).map_err(|e| e.to_string())
    }

    /// The tag that names a subset (six capitals, the same for the same glyphs).
    pub fn subset_tag(&self, face: Face) -> String {
        // FNV-1a over the used glyphs: deterministic, no randomness in the file.
        let mut hash: u32 = 0x811c_9dc5;
        for (&new, (old, _)) in &self.used[face.index()] {
            for byte in new.to_be_bytes().into_iter().chain(old.to_be_bytes()) {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        (0..6)
            .map(|i| char::from(b'A' + u8::try_from((hash >> (i * 5)) % 26).unwrap_or(0)))
            .collect()
    }

    /// Units per em of a face.
    pub fn upem(&self, face: Face) -> f32 {
        self.metrics.upem(face)
    }

    /// Whether any glyph of `face` was used.
    pub fn is_used(&self, face: Face) -> bool {
        !self.used[face.index()].is_empty()
    }

    /// The used glyphs of a face (numbered as in the subset) with their widths (thousandths of
    /// an em) and texts.
    pub fn used(&self, face: Face) -> impl Iterator<Item = (u16, f32, &str)> {
        self.used[face.index()]
            .iter()
            .map(move |(&g, (old, t))| (g, self.metrics.advance(face, *old), t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_the_euro_sign_are_in_noto_and_arrows_fall_back_to_the_symbols() {
        let mut fonts = Fonts::new().unwrap();
        let runs = fonts.encode("Größe 1.234,56 € → ok", Face::Regular);
        assert_eq!(runs.len(), 3, "{runs:?}");
        assert_eq!(runs[0].face, Face::Regular);
        assert_eq!(runs[1].face, Face::Symbols);
        assert!(runs.iter().flat_map(|r| &r.glyphs).all(|&g| g != 0));
        let texts: Vec<&str> = fonts.used(Face::Regular).map(|(_, _, t)| t).collect();
        for c in ["ö", "ß", "€"] {
            assert!(texts.contains(&c), "{c} missing in {texts:?}");
        }
        // A character no font has is drawn, and copied, as a question mark.
        let runs = fonts.encode("😀", Face::Regular);
        let question = fonts.encode("?", Face::Regular);
        assert_eq!(runs[0].glyphs, question[0].glyphs);
        let copied: Vec<&str> = fonts
            .used(Face::Regular)
            .filter(|(g, _, _)| *g == runs[0].glyphs[0])
            .map(|(_, _, t)| t)
            .collect();
        assert_eq!(copied, ["?"]);
    }

    #[test]
    fn bold_text_is_wider_and_widths_scale_with_the_size() {
        let fonts = Fonts::new().unwrap();
        let regular = fonts.width("Notfallhandbuch", Face::Regular, 10.0);
        assert!(regular > 50.0 && regular < 100.0, "{regular}");
        assert!(fonts.width("Notfallhandbuch", Face::Bold, 10.0) > regular);
        let double = fonts.width("Notfallhandbuch", Face::Regular, 20.0);
        assert!((double - 2.0 * regular).abs() < 0.01);
    }
}
