//! Breaking the report's text into lines of a given width in points. textwrap's optimal-fit
//! algorithm (Knuth and Plass's idea, as `fmt` and TeX use it) arranges pieces whose widths come
//! from the shipped fonts; words are split after the hyphens they have and, by the TeX patterns of
//! the hyphenation crate (German 1996 reform, or US English for an English report), between
//! syllables. A piece still wider than the line is broken between characters, so nothing
//! overflows and no character is lost.
//!
//! A hyphen the wrapping adds is not part of the text: [`Line`] says where it goes and which word
//! it breaks, and the drawing marks the word's pieces (`/ActualText`), so copying and searching
//! give the word whole. So it does for a word broken after a hyphen of its own ("E-Mail"), which
//! text extraction would otherwise take for an added one and drop.

use std::sync::LazyLock;

use hyphenation::{Hyphenator as _, Language, Load as _, Standard};
use textwrap::core::{Fragment, Word};
use textwrap::word_splitters::{WordSplitter, split_words};
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

use crate::i18n::Lang;
use crate::layout::fonts::{Face, TextMetrics};

/// `text` in `face` at `size` broken into lines no wider than `width` (see [`wrap`]), each as
/// it is drawn (with a hyphen the wrapping adds) and joined by line breaks: for the window and
/// the slides, whose painter then breaks only where this says. One service for window, slides
/// and reports: German compounds break between syllables with a hyphen, never mid-syllable.
///
/// Remembered per text, language, face, size and width (the window asks every frame).
pub fn hyphenated(text: &str, lang: Lang, (face, size): (Face, f32), width: f32) -> String {
    use std::hash::{Hash as _, Hasher as _};
    /// Texts longer than this are left to the painter's own breaking (a hostile title of
    /// 400,000 characters must not be measured and hyphenated on every frame).
    const LONGEST: usize = 4_000;
    /// What the cache may hold before it starts anew.
    const CACHE_BYTES: usize = 2 << 20;
    /// What one entry costs besides its texts (the map's own bookkeeping), counted too.
    const ENTRY: usize = 96;
    #[derive(Default)]
    struct Cache {
        /// By hash: the text asked about (compared, so a collision is a miss) and its lines.
        shown: std::collections::HashMap<u64, (Box<str>, std::sync::Arc<str>)>,
        bytes: usize,
    }
    static CACHE: LazyLock<std::sync::Mutex<Cache>> = LazyLock::new(Default::default);
    if text.len() > LONGEST {
        return text.to_owned();
    }
    let Ok(metrics) = crate::layout::fonts::metrics() else { return text.to_owned() };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (text, lang, face, size.to_bits(), width.to_bits()).hash(&mut hasher);
    let key = hasher.finish();
    let hit = CACHE.lock().ok().and_then(|c| {
        c.shown.get(&key).filter(|(asked, _)| &**asked == text).map(|(_, done)| done.clone())
    });
    if let Some(done) = hit {
        return done.to_string();
    }
    let lines = wrap(metrics, &splitter(lang), (text, face, size), width);
    let shown = lines.iter().map(Line::shown).collect::<Vec<_>>().join("\n");
    if let Ok(mut cache) = CACHE.lock() {
        // Bounded in bytes: the texts of a few screens and a presentation.
        let cost = text.len() + shown.len() + ENTRY;
        if cache.bytes + cost > CACHE_BYTES {
            *cache = Cache::default();
        }
        cache.bytes += cost;
        cache.shown.insert(key, (text.into(), shown.as_str().into()));
    }
    shown
}

/// One line of wrapped text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    /// The line's text as it stands in the source, without a hyphen the wrapping added.
    pub text: String,
    /// How many bytes at the start continue a word the line above broke (0 when the line starts
    /// with a word of its own).
    pub head: usize,
    /// Where the piece of a word that continues on the next line starts (in bytes).
    pub tail: Option<usize>,
    /// The line shows a hyphen after its text that the text does not have (the word is broken
    /// between syllables or characters, not after a hyphen of its own).
    pub hyphen: bool,
}

impl Line {
    /// A line of `text` that neither continues nor breaks a word.
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// The line as it is drawn: with the added hyphen, if any.
    pub fn shown(&self) -> String {
        if self.hyphen { format!("{}-", self.text) } else { self.text.clone() }
    }
}

/// The German patterns (1996 spelling reform), read on first use; `None` if the embedded
/// dictionary could not be read (then words break only at hyphens and, when too wide, between
/// characters). Only the two languages of the interface are embedded (the crate's `embed_all`
/// would add 3 MB of every other language to the binary); `assets/hyphenation/` holds them as
/// the crate builds them from the TeX patterns (see its README for how to make them anew).
static GERMAN: LazyLock<Option<Standard>> = LazyLock::new(|| {
    let bytes: &[u8] = include_bytes!("../../assets/hyphenation/de-1996.standard.bincode");
    Standard::from_reader(Language::German1996, &mut &*bytes).ok()
});
/// The US English patterns.
static ENGLISH: LazyLock<Option<Standard>> = LazyLock::new(|| {
    let bytes: &[u8] = include_bytes!("../../assets/hyphenation/en-us.standard.bincode");
    Standard::from_reader(Language::EnglishUS, &mut &*bytes).ok()
});

fn german(word: &str) -> Vec<usize> {
    remembered(Lang::De, word, || split_points(word, GERMAN.as_ref()))
}

fn english(word: &str) -> Vec<usize> {
    remembered(Lang::En, word, || split_points(word, ENGLISH.as_ref()))
}

/// Words already split, per thread: a report says the same words again and again (a tenth of
/// the PDF of 1,000 measures went to asking the dictionary). Forgotten whole at 20,000 words, so
/// hostile text cannot make it grow without bound.
fn remembered(lang: Lang, word: &str, split: impl FnOnce() -> Vec<usize>) -> Vec<usize> {
    type Memo = std::collections::HashMap<(Lang, String), Vec<usize>>;
    thread_local! {
        static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::new());
    }
    // Long words are rare and costly to keep.
    if word.len() > 64 {
        return split();
    }
    let key = (lang, word.to_owned());
    if let Some(points) = MEMO.with_borrow(|memo| memo.get(&key).cloned()) {
        return points;
    }
    let points = split();
    MEMO.with_borrow_mut(|memo| {
        if memo.len() >= 20_000 {
            memo.clear();
        }
        memo.insert(key, points.clone());
    });
    points
}

/// The word splitter for text in `lang`.
///
/// Not textwrap's `WordSplitter::Hyphenation`: that hands a compound such as "E-Mail-Postfach"
/// to the dictionary whole, which the hyphenation crate says it is not made for. This one splits
/// after the word's own hyphens first and asks the dictionary about each run of letters.
pub fn splitter(lang: Lang) -> WordSplitter {
    WordSplitter::Custom(match lang {
        Lang::De => german,
        Lang::En => english,
    })
}

/// Where `word` may be broken (byte offsets of the piece after each break): after a hyphen
/// between letters or digits, and between the syllables `dictionary` finds in each run of
/// letters (punctuation around it left aside; runs in capitals, acronyms such as "ISMS", are
/// not hyphenated).
fn split_points(word: &str, dictionary: Option<&Standard>) -> Vec<usize> {
    let mut points = Vec::new();
    let mut offset = 0;
    for part in word.split_inclusive('-') {
        let core_start = part.len() - part.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let core = part[core_start..].trim_end_matches(|c: char| !c.is_alphabetic());
        let hyphenate = core.chars().all(char::is_alphabetic)
            && core.chars().any(char::is_lowercase)
            && core.chars().count() >= 4;
        if let (true, Some(dictionary)) = (hyphenate, dictionary) {
            let start = offset + core_start;
            points.extend(dictionary.hyphenate(core).breaks.into_iter().map(|b| start + b));
        }
        offset += part.len();
        let between = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if part.ends_with('-')
            && between(part[..part.len() - 1].chars().next_back())
            && between(word[offset..].chars().next())
        {
            points.push(offset);
        }
    }
    points
}

/// A piece of a word as textwrap arranges it; widths in ens (half the font size), the unit
/// [`PENALTIES`] are made for.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    width: f64,
    /// The space after the piece when it ends a word and not the line.
    space: f64,
    /// The hyphen added when the line ends after this piece (0: none is needed).
    hyphen: f64,
    /// The piece ends a word.
    word_end: bool,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width
    }

    fn whitespace_width(&self) -> f64 {
        self.space
    }

    fn penalty_width(&self) -> f64 {
        self.hyphen
    }
}

/// textwrap's penalties for monospace text fit widths in ens of proportional text well; two
/// changes: a line never overflows when it need not (the default lets one overflow by a fraction
/// of a character), and a hyphen costs as much as a gap of about 17 ens (eight letters) at a
/// line's end: ragged-right text is broken inside a word where that saves a line, or where it
/// would leave a gap of about half a narrow column, not merely to even the lines out.
const PENALTIES: Penalties =
    Penalties { overflow_penalty: 1_000_000_000, hyphen_penalty: 300, ..Penalties::new() };

/// What the pieces are measured with.
struct Measure<'a> {
    metrics: &'a TextMetrics,
    face: Face,
}

impl Measure<'_> {
    fn ens(&self, text: &str) -> f64 {
        f64::from(self.metrics.width(text, self.face, 1.0) * 2.0)
    }

    fn char_ens(&self, c: char) -> f64 {
        f64::from(self.metrics.glyph(self.face, c).advance / 500.0)
    }
}

/// Breaks `text` in `face` at `size` into lines no wider than `width` points: at spaces, after
/// hyphens and between syllables (by `splitter`), between characters only when a syllable alone
/// is too wide; line breaks in the text are kept, runs of spaces become one.
pub fn wrap(
    metrics: &TextMetrics,
    splitter: &WordSplitter,
    (text, face, size): (&str, Face, f32),
    width: f32,
) -> Vec<Line> {
    let measure = Measure { metrics, face };
    // A little room for rounding: the sums textwrap forms differ from a width measured whole.
    let line = f64::from((width - 0.01).max(0.0) / (size / 2.0).max(0.01));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        let joined = words.join(" ");
        if measure.ens(&joined) <= line {
            lines.push(Line::plain(joined));
            continue;
        }
        let pieces = pieces(&words, splitter, &measure, line);
        let arranged = wrap_optimal_fit(&pieces, &[line], &PENALTIES)
            .unwrap_or_else(|_| wrap_first_fit(&pieces, &[line]));
        let mut continued = false;
        for slice in arranged {
            let line = assemble(slice, continued);
            continued = line.tail.is_some();
            lines.push(line);
        }
    }
    lines
}

/// The words split into pieces (by `splitter`, then between characters where a piece is wider
/// than `line` ens), measured.
fn pieces<'a>(
    words: &[&'a str],
    splitter: &'a WordSplitter,
    measure: &Measure<'_>,
    line: f64,
) -> Vec<Piece<'a>> {
    let (space, hyphen) = (measure.ens(" "), measure.ens("-"));
    let words = words.iter().map(|&word| Word { word, whitespace: " ", penalty: "", width: 0 });
    let mut pieces = Vec::new();
    for word in split_words(words, splitter) {
        let word_end = !word.whitespace.is_empty();
        let own_hyphen = if word.penalty.is_empty() { 0.0 } else { hyphen };
        let mut rest = word.word;
        // Too wide even alone: break between characters, each part with a hyphen (the width
        // of what is left is kept, not measured anew: a long word costs linear time).
        let mut rest_width = measure.ens(rest);
        loop {
            if rest_width + own_hyphen <= line {
                // Measured whole once more: the running sum may have drifted.
                rest_width = measure.ens(rest);
                if rest_width + own_hyphen <= line {
                    break;
                }
            }
            let mut end = 0;
            let mut part = 0.0;
            for (i, c) in rest.char_indices() {
                let w = measure.char_ens(c);
                if i > 0 && part + w + hyphen > line {
                    break;
                }
                part += w;
                end = i + c.len_utf8();
            }
            if end >= rest.len() {
                break;
            }
            let (head, tail) = rest.split_at(end);
            pieces.push(Piece { text: head, width: part, space: 0.0, hyphen, word_end: false });
            rest = tail;
            rest_width -= part;
        }
        pieces.push(Piece {
            text: rest,
            width: measure.ens(rest),
            space: if word_end { space } else { 0.0 },
            hyphen: own_hyphen,
            word_end,
        });
    }
    pieces
}

/// One line of `slice`; `continued` when the line above ended inside a word.
fn assemble(slice: &[Piece<'_>], continued: bool) -> Line {
    let mut line = Line::default();
    let mut in_head = continued;
    let mut word_start = 0;
    for (i, piece) in slice.iter().enumerate() {
        line.text.push_str(piece.text);
        if in_head && piece.word_end {
            line.head = line.text.len();
            in_head = false;
        }
        if piece.word_end && i + 1 < slice.len() {
            line.text.push(' ');
            word_start = line.text.len();
        }
    }
    if in_head {
        line.head = line.text.len();
    }
    if let Some(last) = slice.last()
        && !last.word_end
    {
        line.tail = Some(word_start);
        line.hyphen = last.hyphen > 0.0;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::fonts::metrics;

    /// The window's and the slides' wrapping: German compounds break between syllables with a
    /// hyphen; nothing is lost; a hostile text is handed back unbroken.
    #[test]
    fn hyphenated_breaks_compounds_between_syllables_and_leaves_hostile_texts_alone() {
        let word = "Informationssicherheitsmanagementsystem";
        let shown = hyphenated(word, Lang::De, (Face::Bold, 22.0), 200.0);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines.len() >= 2, "{shown}");
        for line in &lines[..lines.len() - 1] {
            assert!(line.ends_with('-'), "{shown}");
        }
        assert_eq!(shown.replace("-\n", ""), word);
        // "Informationssicherheits-managementsystem": a break at the compound's joint is one of
        // the syllable breaks the patterns allow, never "…managementsyste-m".
        assert!(!lines.iter().any(|l| l.chars().count() == 1), "{shown}");
        // The same question twice gives the same answer (from the cache).
        assert_eq!(hyphenated(word, Lang::De, (Face::Bold, 22.0), 200.0), shown);
        let hostile = "A".repeat(400_000);
        assert_eq!(hyphenated(&hostile, Lang::De, (Face::Regular, 14.0), 300.0), hostile);
    }

    /// A word without any break point, far wider than a line, is cut between characters into
    /// lines that fit, every character kept (in linear time: the width left is not measured
    /// anew for every line).
    #[test]
    fn a_very_long_word_is_cut_into_lines_that_fit() {
        let word = "Ä".repeat(100_000);
        let m = metrics().unwrap();
        let lines = wrap(m, &splitter(Lang::De), (&word, Face::Regular, 10.0), 200.0);
        assert!(lines.len() > 100);
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined, word);
        for line in &lines {
            assert!(m.width(&line.shown(), Face::Regular, 10.0) <= 200.0 + 0.01);
        }
    }

    fn wrap_de(text: &str, width: f32) -> Vec<Line> {
        wrap(metrics().unwrap(), &splitter(Lang::De), (text, Face::Regular, 10.0), width)
    }

    fn shown_width(line: &Line) -> f32 {
        metrics().unwrap().width(&line.shown(), Face::Regular, 10.0)
    }

    /// The text the lines stand for: added hyphens left out, lines joined by a space unless a
    /// word continues.
    fn rejoin(lines: &[Line]) -> String {
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            let continues = i > 0 && lines[i - 1].tail.is_some();
            if i > 0 && !continues {
                text.push(' ');
            }
            text.push_str(&line.text);
        }
        text
    }

    #[test]
    fn remembered_splits_are_the_dictionarys() {
        let words = ["Informationssicherheitsleitlinie", "Notfallhandbuch", "E-Mail-Postfach"];
        for _ in 0..2 {
            for word in words {
                assert_eq!(german(word), split_points(word, GERMAN.as_ref()), "{word}");
                assert_eq!(english(word), split_points(word, ENGLISH.as_ref()), "{word}");
            }
        }
        // More words than are kept: still right after the memory was forgotten.
        for n in 0..20_050_u32 {
            // Distinct words of letters only (so the dictionary is asked for each).
            let letters: String = (0..4)
                .map(|i| char::from(b'a' + u8::try_from((n / 26_u32.pow(i)) % 26).unwrap()))
                .collect();
            let word = format!("Verwaltung{letters}sachbearbeitung");
            assert_eq!(german(&word), split_points(&word, GERMAN.as_ref()));
        }
        assert_eq!(german(words[0]), split_points(words[0], GERMAN.as_ref()));
    }

    #[test]
    fn both_embedded_dictionaries_load_and_split() {
        assert!(GERMAN.is_some() && ENGLISH.is_some());
        assert!(english("responsibilities").len() >= 3, "{:?}", english("responsibilities"));
        assert!(german("Verantwortlichkeiten").len() >= 3, "{:?}", german("Verantwortlichkeiten"));
    }

    #[test]
    fn german_words_are_broken_between_syllables() {
        let word = "Informationssicherheitsleitlinie";
        let syllables = split_points(word, GERMAN.as_ref());
        for width in [60.0, 80.0, 100.0] {
            let lines = wrap_de(word, width);
            assert!(lines.len() >= 2, "{lines:?}");
            // Each break at a syllable boundary of the patterns, not wherever the width ran out.
            let mut at = 0;
            for line in &lines[..lines.len() - 1] {
                at += line.text.len();
                assert!(syllables.contains(&at), "{width}: {lines:?}");
                assert!(line.hyphen && line.shown().ends_with('-'));
            }
            assert_eq!(lines[0].tail, Some(0));
            assert!(lines[1].head > 0, "the second line continues the word: {lines:?}");
            assert_eq!(rejoin(&lines), word);
            for line in &lines {
                assert!(shown_width(line) <= width, "{line:?}");
            }
        }
        // Where "Informations-" is the only start that fits, that is where it breaks.
        let narrow = metrics().unwrap().width("Informations-", Face::Regular, 10.0) + 1.0;
        assert_eq!(wrap_de(word, narrow)[0].shown(), "Informations-");
    }

    #[test]
    fn the_patterns_find_the_syllables_of_compounds() {
        let word = "Informationssicherheitsleitlinie";
        let points = split_points(word, GERMAN.as_ref());
        for at in ["Informations", "Informationssicherheits", "Informationssicherheitsleit"] {
            assert!(points.contains(&at.len()), "{at}: {points:?}");
        }
        for inside in ["Informationssicherheitsl", "Inf", "Informationssicherh"] {
            assert!(!points.contains(&inside.len()), "{inside}: {points:?}");
        }
        // After a word's own hyphen, and no hyphenation of acronyms or of punctuation.
        let points = split_points("IT-Sicherheitsbeauftragte,", GERMAN.as_ref());
        assert!(points.contains(&3), "{points:?}");
        assert!(points.iter().all(|&p| p >= 3 && p < "IT-Sicherheitsbeauftragte".len()));
        assert!(split_points("ISMS", GERMAN.as_ref()).is_empty());
        assert!(split_points("12345678", GERMAN.as_ref()).is_empty());
        // An English report is hyphenated by the English patterns.
        assert_eq!(splitter(Lang::En).split_points("hyphenation"), [2, 6, 7]);
        assert_eq!(splitter(Lang::De).split_points("E-Mail-Postfach"), [2, 7, 11]);
    }

    #[test]
    fn lines_never_exceed_the_width_and_no_character_is_lost() {
        let text = "Informationssicherheitsmanagementsystem einführen und \
                    Informationssicherheitsleitlinie beschließen, E-Mail-Archivierung \
                    revisionssicher aufsetzen (ISMS) – 1.234,56 € je Jahr";
        for width in [40.0, 55.0, 70.0, 90.0, 120.0, 200.0] {
            let lines = wrap_de(text, width);
            for line in &lines {
                assert!(shown_width(line) <= width, "{width}: {line:?}");
                assert!(!line.text.is_empty(), "{width}: {lines:?}");
            }
            assert_eq!(rejoin(&lines), text, "{width}: {lines:?}");
        }
        let long = wrap_de(&"x".repeat(200), 50.0);
        assert!(
            long.len() > 3 && long.iter().all(|l| !l.text.is_empty() && shown_width(l) <= 50.0)
        );
        assert_eq!(rejoin(&long), "x".repeat(200));
    }

    #[test]
    fn existing_hyphens_are_kept_and_no_hyphen_is_added_after_them() {
        let lines = wrap_de("Zugang zum E-Mail-Postfach der Verwaltung", 60.0);
        let all: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(all.matches('-').count(), 2, "{lines:?}");
        for line in &lines {
            if line.text.ends_with('-') {
                assert!(!line.hyphen, "no second hyphen after E- or Mail-: {lines:?}");
                assert!(line.tail.is_some(), "still one word: {lines:?}");
            }
        }
        assert_eq!(rejoin(&lines), "Zugang zum E-Mail-Postfach der Verwaltung");
    }

    #[test]
    fn short_text_stays_on_one_line_and_line_breaks_are_kept() {
        assert_eq!(wrap_de("  kurz   und  gut ", 200.0), vec![Line::plain("kurz und gut")]);
        let lines = wrap_de("erste Zeile\n\nzweite Zeile", 200.0);
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            ["erste Zeile", "", "zweite Zeile"]
        );
    }
}
