//! The fonts of the report: Noto Sans regular and bold, with the DejaVu symbols as fallback for
//! characters Noto's Latin subset lacks. Metrics come from skrifa; the fonts are embedded whole
//! (about 75 KB each, compressed) as CID fonts with `Identity-H`, and a `ToUnicode` map makes the
//! text searchable and copyable.

use std::collections::BTreeMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// One of the report's fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Face {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
    /// DejaVu Sans symbols (arrows, marks).
    Symbols,
}

impl Face {
    pub const ALL: [Self; 3] = [Self::Regular, Self::Bold, Self::Symbols];

    const fn index(self) -> usize {
        match self {
            Self::Regular => 0,
            Self::Bold => 1,
            Self::Symbols => 2,
        }
    }

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

    /// The font file.
    pub const fn data(self) -> &'static [u8] {
        match self {
            Self::Regular => crate::export::FONT_REGULAR,
            Self::Bold => crate::export::FONT_BOLD,
            Self::Symbols => crate::export::FONT_SYMBOLS,
        }
    }
}

/// The vertical metrics of a font in thousandths of an em (PDF glyph space).
#[derive(Clone, Copy, Debug)]
pub struct VMetrics {
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
}

struct Loaded {
    font: FontRef<'static>,
    /// Units per em.
    upem: f32,
    /// Advance widths in font units, cached by glyph.
    advances: Vec<f32>,
    metrics: VMetrics,
    /// Glyphs used in the document, with the text each one stands for.
    used: BTreeMap<u16, String>,
}

impl Loaded {
    fn new(face: Face) -> Result<Self, String> {
        let font = FontRef::new(face.data()).map_err(|e| e.to_string())?;
        let m = font.metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(m.units_per_em.max(1));
        let glyphs = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advances = (0..u32::from(m.glyph_count))
            .map(|g| glyphs.advance_width(GlyphId::new(g)).unwrap_or(0.0))
            .collect();
        let k = 1000.0 / upem;
        let bbox = m.bounds.map_or([0.0, m.descent * k, 1000.0, m.ascent * k], |b| {
            [b.x_min * k, b.y_min * k, b.x_max * k, b.y_max * k]
        });
        let metrics = VMetrics {
            ascent: m.ascent * k,
            descent: m.descent * k,
            cap_height: m.cap_height.unwrap_or(m.ascent * 0.7) * k,
            bbox,
        };
        Ok(Self { font, upem, advances, metrics, used: BTreeMap::new() })
    }

    fn glyph(&self, c: char) -> Option<u16> {
        let g = self.font.charmap().map(c)?.to_u32();
        (g != 0).then(|| u16::try_from(g).ok()).flatten()
    }

    /// Advance of a glyph in thousandths of an em.
    fn advance(&self, glyph: u16) -> f32 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or(0.0) * 1000.0 / self.upem
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
    loaded: Vec<Loaded>,
}

impl Fonts {
    /// Loads the three fonts shipped with Fahrplan.
    pub fn new() -> Result<Self, String> {
        let loaded = Face::ALL.iter().map(|&f| Loaded::new(f)).collect::<Result<_, _>>()?;
        Ok(Self { loaded })
    }

    fn get(&self, face: Face) -> &Loaded {
        &self.loaded[face.index()]
    }

    /// Vertical metrics of a face.
    pub fn metrics(&self, face: Face) -> VMetrics {
        self.get(face).metrics
    }

    /// The face and glyph that draw `c` in text of face `primary` (the primary face if it has
    /// the character, else the symbols, else a question mark), and the character drawn: copying
    /// the text gives what is seen.
    fn lookup(&self, primary: Face, c: char) -> (Face, u16, char) {
        let c = if c.is_control() { ' ' } else { c };
        if let Some(g) = self.get(primary).glyph(c) {
            return (primary, g, c);
        }
        if let Some(g) = self.get(Face::Symbols).glyph(c) {
            return (Face::Symbols, g, c);
        }
        (primary, self.get(primary).glyph('?').unwrap_or(0), '?')
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, primary: Face, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let (face, g, _) = self.lookup(primary, c);
                self.get(face).advance(g)
            })
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// Splits `text` into runs per face and records the glyphs as used.
    pub fn encode(&mut self, text: &str, primary: Face) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let (face, g, drawn) = self.lookup(primary, c);
            let loaded = &mut self.loaded[face.index()];
            let advance = loaded.advance(g);
            loaded.used.entry(g).or_insert_with(|| drawn.to_string());
            match runs.last_mut() {
                Some(run) if run.face == face => {
                    run.glyphs.push(g);
                    run.width += advance;
                }
                _ => runs.push(Run { face, glyphs: vec![g], width: advance }),
            }
        }
        runs
    }

    /// Records a glyph placed by the SVG text layout (already shaped) as used.
    pub fn use_glyph(&mut self, face: Face, glyph: u16, text: &str) {
        self.loaded[face.index()].used.entry(glyph).or_insert_with(|| text.to_owned());
    }

    /// Units per em of a face.
    pub fn upem(&self, face: Face) -> f32 {
        self.get(face).upem
    }

    /// Whether any glyph of `face` was used.
    pub fn is_used(&self, face: Face) -> bool {
        !self.get(face).used.is_empty()
    }

    /// The used glyphs of a face with their widths (thousandths of an em) and texts.
    pub fn used(&self, face: Face) -> impl Iterator<Item = (u16, f32, &str)> {
        let loaded = self.get(face);
        loaded.used.iter().map(|(&g, t)| (g, loaded.advance(g), t.as_str()))
    }

    /// Breaks `text` into lines no wider than `width` points: at spaces where possible, inside a
    /// word (with a hyphen) only when the word alone is too wide; line breaks in the text are kept.
    pub fn wrap(&self, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate =
                    if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&candidate, face, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is broken between characters, with a hyphen.
                for c in word.chars() {
                    line.push(c);
                    line.push('-');
                    if self.width(&line, face, size) > width && line.chars().count() > 2 {
                        line.pop();
                        line.pop();
                        line.push('-');
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line.pop();
                    }
                }
            }
            lines.push(line);
        }
        lines
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

    #[test]
    fn wrapping_breaks_at_spaces_keeps_newlines_and_splits_overlong_words() {
        let fonts = Fonts::new().unwrap();
        let text = "Informationssicherheitsleitlinie beschließen und veröffentlichen\nzweite Zeile";
        let lines = fonts.wrap(text, Face::Regular, 10.0, 120.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.last().map(String::as_str), Some("zweite Zeile"));
        for line in &lines {
            assert!(fonts.width(line, Face::Regular, 10.0) <= 120.0, "{line}");
        }
        let joined: String = lines.iter().map(|l| l.strip_suffix('-').unwrap_or(l)).collect();
        assert!(lines[0].ends_with('-'), "the overlong word is hyphenated: {lines:?}");
        assert_eq!(joined.replace(' ', ""), text.replace([' ', '\n'], ""), "no character is lost");
        let long = fonts.wrap(&"x".repeat(200), Face::Regular, 10.0, 50.0);
        assert!(long.len() > 3 && long.iter().all(|l| !l.is_empty()));
    }
}
