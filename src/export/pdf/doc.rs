//! A small page-drawing layer over pdf-writer: pages measured in points from the top-left corner,
//! text in the report's fonts, rectangles, lines, transparency and tiling patterns, every piece
//! marked as content of the open structure element or as an artifact ([`Tags`]); `finish` writes
//! the font subsets, the resources, the page tree, the structure tree, the outline and the
//! metadata of a PDF/UA-1 document.

use pdf_writer::types::{
    CidFontType, FontFlags, PaintType, SystemInfo, TabOrder, TilingType, UnicodeCmap,
};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use textwrap::WordSplitter;

use super::ReportError;
use super::fonts::{Face, Fonts};
use super::objstm::Packer;
use super::tags::{Mark, Role, Tags};
use super::wrap::{self, Line};
use crate::i18n::Lang;

/// An empty content stream, written compactly.
pub fn content() -> Content {
    Content::with_settings(pdf_writer::Settings { pretty: false })
}

/// A4 portrait, in points.
pub const A4: (f32, f32) = (595.28, 841.89);

/// An RGB colour with components 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// One page being drawn.
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// The content stream so far.
    pub ops: Vec<u8>,
}

impl Page {
    /// The PDF y of a distance from the top.
    pub fn y(&self, top: f32) -> f32 {
        self.height - top
    }
}

/// A heading listed in the outline (bookmarks): its title, page and distance from the top.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub title: String,
    pub page: usize,
    pub top: f32,
}

/// What the document says about itself: title (shown by viewers), language, outline.
pub struct Meta<'a> {
    pub title: &'a str,
    /// BCP 47, e.g. `de-DE`.
    pub lang: &'a str,
    pub outline: &'a [Bookmark],
}

/// A tiling pattern used by a page.
pub struct Pattern {
    pub content: Vec<u8>,
    pub bbox: [f32; 4],
    pub step: (f32, f32),
    pub matrix: [f32; 6],
}

pub use crate::export::content::Align;

/// How lines of text are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Font size in points.
    pub size: f32,
    /// The primary face (characters it lacks come from the symbols).
    pub face: Face,
    /// Fill colour of the glyphs.
    pub color: Rgb,
    /// Which end of the line the position is.
    pub align: Align,
}

/// The document being drawn.
pub struct Doc {
    pub fonts: Fonts,
    /// Where words may be broken, by the hyphenation patterns of the report's language.
    splitter: WordSplitter,
    pub pages: Vec<Page>,
    pub patterns: Vec<Pattern>,
    /// Fill and stroke opacities, referred to as `/G0`, `/G1` …
    pub alphas: Vec<(f32, f32)>,
    /// The page drawn on.
    current: usize,
    /// The logical structure: what each piece of content is.
    pub tags: Tags,
}

impl Doc {
    /// An empty document for a report in `lang` (which chooses the hyphenation patterns).
    pub fn new(lang: Lang) -> Result<Self, String> {
        Ok(Self {
            fonts: Fonts::new()?,
            splitter: wrap::splitter(lang),
            pages: Vec::new(),
            patterns: Vec::new(),
            alphas: Vec::new(),
            current: 0,
            tags: Tags::default(),
        })
    }

    /// Starts a new page of the given size; it becomes the current page.
    pub fn add_page(&mut self, (width, height): (f32, f32)) {
        self.pages.push(Page { width, height, ops: Vec::new() });
        self.current = self.pages.len() - 1;
    }

    /// Draws on an earlier page (for footers and the contents, known only at the end).
    pub fn select(&mut self, index: usize) {
        self.current = index.min(self.pages.len().saturating_sub(1));
    }

    /// The page drawn on (an A4 page is added if there is none yet).
    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.add_page(A4);
        }
        let index = self.current.min(self.pages.len() - 1);
        &mut self.pages[index]
    }

    /// Appends drawing operations to the current page, marked as `mark` (see [`Tags::wrap`]).
    pub fn emit(&mut self, content: Content, mark: Mark) {
        self.page();
        let index = self.current.min(self.pages.len() - 1);
        let ops = self.tags.wrap(index, &content.finish(), mark);
        self.pages[index].ops.extend_from_slice(&ops);
    }

    /// Opens a structure element in the current one (see [`Tags::open`]); returns its number.
    pub fn open(&mut self, role: Role) -> usize {
        self.tags.open(role)
    }

    /// Closes the innermost structure element.
    pub fn close(&mut self) {
        self.tags.close();
    }

    /// Begins a figure with its alternative text on the current page.
    pub fn begin_figure(&mut self, alt: String) {
        self.page();
        let index = self.current.min(self.pages.len() - 1);
        let ops = self.tags.begin_figure(index, alt);
        self.pages[index].ops.extend_from_slice(&ops);
    }

    /// Ends the figure, which spans `(x, top, width, height)` from the page's top-left corner.
    pub fn end_figure(&mut self, (x, top, width, height): (f32, f32, f32, f32)) {
        let page = self.page();
        let bbox = [x, page.y(top + height), x + width, page.y(top)];
        let index = self.current.min(self.pages.len() - 1);
        let ops = self.tags.end_figure(index, bbox);
        self.pages[index].ops.extend_from_slice(&ops);
    }

    /// The name of the graphics state with these opacities.
    pub fn alpha(&mut self, fill: f32, stroke: f32) -> String {
        let key = ((fill * 100.0).round() / 100.0, (stroke * 100.0).round() / 100.0);
        let index = match self.alphas.iter().position(|&a| a == key) {
            Some(i) => i,
            None => {
                self.alphas.push(key);
                self.alphas.len() - 1
            }
        };
        format!("G{index}")
    }

    /// Fills a rectangle given from the top-left corner.
    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb) {
        let y = self.page().y(top + h);
        let mut c = content();
        c.set_fill_rgb(color.0, color.1, color.2).rect(x, y, w, h).fill_nonzero();
        self.emit(c, Mark::Decoration);
    }

    /// Draws a straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
        let page = self.page();
        let (y0, y1) = (page.y(from.1), page.y(to.1));
        let mut c = content();
        c.set_stroke_rgb(color.0, color.1, color.2)
            .set_line_width(width)
            .move_to(from.0, y0)
            .line_to(to.0, y1)
            .stroke();
        self.emit(c, Mark::Decoration);
    }

    /// Draws one line of text with its baseline at `baseline` from the top; returns its width.
    pub fn text(
        &mut self,
        text: &str,
        (x, baseline): (f32, f32),
        size: f32,
        face: Face,
        color: Rgb,
        align: Align,
    ) -> f32 {
        let width = self.fonts.width(text, face, size);
        let x = match align {
            Align::Left => x,
            Align::Right => x - width,
        };
        let y = self.page().y(baseline);
        let mut content = content();
        self.show(&mut content, text, (x, y), Style { size, face, color, align });
        self.emit(content, Mark::Content);
        width
    }

    /// Breaks `text` into lines no wider than `width` points (see [`wrap::wrap`]).
    pub fn wrap(&self, text: &str, face: Face, size: f32, width: f32) -> Vec<Line> {
        wrap::wrap(self.fonts.text_metrics(), &self.splitter, (text, face, size), width)
    }

    /// Draws wrapped lines, the first with its baseline at `baseline` from the top, each
    /// `leading` below the one before.
    ///
    /// A word broken over lines is one marked sequence whose `/ActualText` is the word as the
    /// text has it: a hyphen the wrapping added is drawn, but copying and searching give the
    /// word whole (poppler and Acrobat read it), and a hyphen of the word's own is not taken for
    /// an added one. The sequence spans only what is drawn here: a word continued in other lines
    /// (on another page) has its pieces marked each alone.
    pub fn lines(&mut self, lines: &[Line], (x, baseline): (f32, f32), leading: f32, style: Style) {
        let mut content = content();
        let mut open = false;
        for (i, line) in lines.iter().enumerate() {
            let width = self.fonts.width(&line.shown(), style.face, style.size);
            let mut x = match style.align {
                Align::Left => x,
                Align::Right => x - width,
            };
            let y = self.page().y(baseline + i as f32 * leading);
            let tail = line.tail.unwrap_or(line.text.len());
            let mut from = 0;
            if open && line.head > 0 {
                let head = line.head.min(tail);
                x += self.show(&mut content, &line.text[..head], (x, y), style);
                from = head;
                if head < tail || line.tail.is_none() {
                    content.end_marked_content();
                    open = false;
                }
            }
            x += self.show(&mut content, &line.text[from..tail], (x, y), style);
            if line.tail.is_none() {
                continue;
            }
            if !open {
                let word = broken_word(&lines[i..]);
                content
                    .begin_marked_content_with_properties(Name(b"Span"))
                    .properties()
                    .actual_text(TextStr(&word));
            }
            let piece = &line.text[tail..];
            let piece = if line.hyphen { format!("{piece}-") } else { piece.to_owned() };
            self.show(&mut content, &piece, (x, y), style);
            open = lines.get(i + 1).is_some_and(|next| next.head > 0);
            if !open {
                content.end_marked_content();
            }
        }
        if open {
            content.end_marked_content();
        }
        self.emit(content, Mark::Content);
    }

    /// Shows `text` with its baseline start at `(x, y)` in PDF coordinates as one text object;
    /// returns its width in points.
    fn show(&mut self, content: &mut Content, text: &str, (x, y): (f32, f32), style: Style) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let Style { size, color, .. } = style;
        let runs = self.fonts.encode(text, style.face);
        let mut x0 = x;
        content.begin_text().set_fill_rgb(color.0, color.1, color.2);
        for run in &runs {
            let bytes: Vec<u8> = run.glyphs.iter().flat_map(|g| g.to_be_bytes()).collect();
            content
                .set_font(Name(run.face.resource()), size)
                .set_text_matrix([1.0, 0.0, 0.0, 1.0, x0, y])
                .show(Str(&bytes));
            x0 += run.width * size / 1000.0;
        }
        content.end_text();
        x0 - x
    }

    /// Writes the PDF: font subsets (only the faces used), patterns, graphics states, the page
    /// tree, the structure tree, the outline and the metadata (PDF/UA-1).
    pub fn finish(self, meta: &Meta<'_>) -> Result<Vec<u8>, ReportError> {
        let mut refs = Refs::default();
        // Compact: no indentation (the structure tree is thousands of small objects).
        let mut pdf = Pdf::with_settings(pdf_writer::Settings { pretty: false });
        let catalog = refs.alloc();
        let tree = refs.alloc();
        let info = refs.alloc();

        // Fonts.
        let mut font_refs: Vec<(Face, Ref)> = Vec::new();
        for face in Face::ALL {
            if !self.fonts.is_used(face) {
                continue;
            }
            let font = write_font(&mut pdf, &mut refs, &self.fonts, face);
            font_refs.push((face, font.map_err(ReportError::Font)?));
        }

        // Graphics states and patterns, shared by every page.
        let alpha_refs = write_alphas(&mut pdf, &mut refs, &self.alphas);
        let pattern_refs = write_patterns(&mut pdf, &mut refs, &self.patterns, &alpha_refs);

        // Pages.
        let page_refs: Vec<Ref> = self.pages.iter().map(|_| refs.alloc()).collect();
        let shared =
            Shared { tree, fonts: &font_refs, alphas: &alpha_refs, patterns: &pattern_refs };
        for (index, (page, page_ref)) in self.pages.iter().zip(&page_refs).enumerate() {
            write_page(&mut pdf, &mut refs, (page, *page_ref, index), &shared);
        }
        pdf.pages(tree)
            .kids(page_refs.iter().copied())
            .count(i32::try_from(page_refs.len()).unwrap_or(i32::MAX));

        let mut packer = Packer::default();
        let (struct_root, next) = self.tags.write(&mut packer, refs.next, &page_refs);
        refs.next = next;
        let packed = packer.write(&mut pdf, || refs.alloc(), compress);
        let outline = write_outline(&mut pdf, &mut refs, meta.outline, (&self.pages, &page_refs));
        let metadata = refs.alloc();
        let xmp = xmp(meta);
        pdf.stream(metadata, xmp.as_bytes())
            .pair(Name(b"Type"), Name(b"Metadata"))
            .pair(Name(b"Subtype"), Name(b"XML"));

        let mut cat = pdf.catalog(catalog);
        cat.pages(tree).lang(TextStr(meta.lang)).metadata(metadata);
        cat.pair(Name(b"StructTreeRoot"), struct_root);
        if let Some(outline) = outline {
            cat.outlines(outline).page_mode(pdf_writer::types::PageMode::UseOutlines);
        }
        cat.mark_info().marked(true);
        cat.viewer_preferences().display_doc_title(true);
        cat.finish();
        pdf.document_info(info)
            .title(TextStr(meta.title))
            .creator(TextStr("Fahrplan"))
            .producer(TextStr("Fahrplan"));
        // A compressed cross-reference stream instead of a table of 20 bytes an object.
        let xref = refs.alloc();
        let rows = usize::try_from(xref.get()).unwrap_or(0) + 1;
        let mut patched = Ok(());
        let bytes = pdf.finish_with_xref_stream_and_filter(xref, |data| {
            let mut data = data.to_vec();
            patched = packed.patch_xref(&mut data, rows);
            (compress(&data), pdf_writer::XRefFilter::Single(Filter::FlateDecode))
        });
        patched.map(|()| bytes).map_err(ReportError::Write)
    }
}

/// The XMP metadata: title, language, creator and the PDF/UA-1 identification.
fn xmp(meta: &Meta<'_>) -> String {
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.title([(None, meta.title)])
        .language([xmp_writer::LangId(meta.lang)])
        .format("application/pdf")
        .creator_tool("Fahrplan")
        .producer("Fahrplan")
        .pdfua_part(1);
    xmp.finish(None)
}

/// Writes the outline: one bookmark per section heading, to its place on its page; none when
/// there are no sections.
fn write_outline(
    pdf: &mut Pdf,
    refs: &mut Refs,
    bookmarks: &[Bookmark],
    (pages, page_refs): (&[Page], &[Ref]),
) -> Option<Ref> {
    if bookmarks.is_empty() {
        return None;
    }
    let root = refs.alloc();
    let items: Vec<Ref> = bookmarks.iter().map(|_| refs.alloc()).collect();
    let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
    pdf.outline(root).first(items[0]).last(items[items.len() - 1]).count(count);
    for (i, (mark, item)) in bookmarks.iter().zip(&items).enumerate() {
        let mut entry = pdf.outline_item(*item);
        entry.parent(root).title(TextStr(&mark.title));
        if i > 0 {
            entry.prev(items[i - 1]);
        }
        if let Some(next) = items.get(i + 1) {
            entry.next(*next);
        }
        let page = mark.page.min(page_refs.len().saturating_sub(1));
        let height = pages.get(page).map_or(A4.1, |p| p.height);
        if let Some(page_ref) = page_refs.get(page) {
            entry.dest().page(*page_ref).xyz(0.0, height - mark.top + 8.0, None);
        }
    }
    Some(root)
}

/// The word whose piece ends the first of `lines`, as far as `lines` hold it: that piece and the
/// pieces that continue it at the starts of the lines below.
fn broken_word(lines: &[Line]) -> String {
    let Some((first, rest)) = lines.split_first() else { return String::new() };
    let mut word = first.text[first.tail.unwrap_or(first.text.len())..].to_owned();
    for line in rest {
        if line.head == 0 {
            break;
        }
        word.push_str(&line.text[..line.head]);
        // The line is one piece of the word and breaks it again.
        if line.tail != Some(0) || line.head < line.text.len() {
            break;
        }
    }
    word
}

/// Hands out the PDF's object numbers, counting up from 1.
struct Refs {
    /// The number the next object gets.
    next: i32,
}

impl Default for Refs {
    fn default() -> Self {
        Self { next: 1 }
    }
}

impl Refs {
    /// The next free object number.
    fn alloc(&mut self) -> Ref {
        let r = Ref::new(self.next);
        self.next += 1;
        r
    }
}

/// What every page refers to: the page tree and the shared resources.
struct Shared<'a> {
    /// The page tree, parent of every page.
    tree: Ref,
    /// The fonts used, by face.
    fonts: &'a [(Face, Ref)],
    /// The graphics states `/G0`, `/G1` …
    alphas: &'a [Ref],
    /// The tiling patterns `/P0`, `/P1` …
    patterns: &'a [Ref],
}

/// Writes one used font (Type 0 font, CID font, descriptor, embedded subset and `ToUnicode`
/// map); returns the reference of the Type 0 font.
fn write_font(pdf: &mut Pdf, refs: &mut Refs, fonts: &Fonts, face: Face) -> Result<Ref, String> {
    let (type0, cid, descriptor, file, cmap) =
        (refs.alloc(), refs.alloc(), refs.alloc(), refs.alloc(), refs.alloc());
    let subset = fonts.subset(face)?;
    let postscript = String::from_utf8_lossy(face.postscript());
    let base_name = format!("{}+{postscript}", fonts.subset_tag(face));
    let name = Name(base_name.as_bytes());
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let system = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = cid_font.widths();
        for (glyph, width, _) in fonts.used(face) {
            widths.consecutive(glyph, [width]);
        }
    }
    cid_font.finish();
    let m = fonts.metrics(face);
    let flags = FontFlags::NON_SYMBOLIC;
    pdf.font_descriptor(descriptor)
        .name(name)
        .flags(flags)
        .bbox(Rect::new(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]))
        .italic_angle(0.0)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(if face == Face::Bold { 140.0 } else { 80.0 })
        .font_file2(file);
    let compressed = compress(&subset);
    pdf.stream(file, &compressed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), i32::try_from(subset.len()).unwrap_or(i32::MAX));
    let mut unicode = UnicodeCmap::new(Name(b"Custom"), system);
    for (glyph, _, text) in fonts.used(face) {
        unicode.pair_with_multiple(glyph, text.chars());
    }
    let unicode = compress(&unicode.finish());
    let mut stream = pdf.cmap(cmap, &unicode);
    stream.name(Name(b"Custom")).system_info(system);
    stream.filter(Filter::FlateDecode);
    Ok(type0)
}

/// Writes one graphics state per pair of fill and stroke opacities.
fn write_alphas(pdf: &mut Pdf, refs: &mut Refs, alphas: &[(f32, f32)]) -> Vec<Ref> {
    alphas
        .iter()
        .map(|&(fill, stroke)| {
            let r = refs.alloc();
            pdf.ext_graphics(r).non_stroking_alpha(fill).stroking_alpha(stroke);
            r
        })
        .collect()
}

/// Writes the tiling patterns; each may use the graphics states in `alpha_refs`.
fn write_patterns(
    pdf: &mut Pdf,
    refs: &mut Refs,
    patterns: &[Pattern],
    alpha_refs: &[Ref],
) -> Vec<Ref> {
    patterns
        .iter()
        .map(|p| {
            let r = refs.alloc();
            let compressed = compress(&p.content);
            let mut pattern = pdf.tiling_pattern(r, &compressed);
            pattern.filter(Filter::FlateDecode);
            pattern
                .paint_type(PaintType::Colored)
                .tiling_type(TilingType::ConstantSpacing)
                .bbox(Rect::new(p.bbox[0], p.bbox[1], p.bbox[2], p.bbox[3]))
                .x_step(p.step.0)
                .y_step(p.step.1)
                .matrix(p.matrix);
            let names: Vec<String> = (0..alpha_refs.len()).map(|i| format!("G{i}")).collect();
            pattern
                .resources()
                .ext_g_states()
                .pairs(names.iter().zip(alpha_refs).map(|(n, r)| (Name(n.as_bytes()), *r)));
            r
        })
        .collect()
}

/// Writes page number `index` (object `page_ref`) and its content stream.
fn write_page(
    pdf: &mut Pdf,
    refs: &mut Refs,
    (page, page_ref, index): (&Page, Ref, usize),
    shared: &Shared<'_>,
) {
    let content_ref = refs.alloc();
    let compressed = compress(&page.ops);
    pdf.stream(content_ref, &compressed).filter(Filter::FlateDecode);
    let mut p = pdf.page(page_ref);
    p.media_box(Rect::new(0.0, 0.0, page.width, page.height))
        .parent(shared.tree)
        .contents(content_ref)
        .struct_parents(i32::try_from(index).unwrap_or(0))
        .tab_order(TabOrder::StructureOrder);
    let mut resources = p.resources();
    resources.fonts().pairs(shared.fonts.iter().map(|(f, r)| (Name(f.resource()), *r)));
    let names: Vec<String> = (0..shared.alphas.len()).map(|i| format!("G{i}")).collect();
    resources
        .ext_g_states()
        .pairs(names.iter().zip(shared.alphas).map(|(n, r)| (Name(n.as_bytes()), *r)));
    let names: Vec<String> = (0..shared.patterns.len()).map(|i| format!("P{i}")).collect();
    resources
        .patterns()
        .pairs(names.iter().zip(shared.patterns).map(|(n, r)| (Name(n.as_bytes()), *r)));
}

/// Deflate, as PDF's `FlateDecode` expects (zlib framing). Level 3 of zlib-rs: the default
/// report 10 % larger than at level 6 (104 against 94 KB) in two thirds of the time; level 1
/// would make it half as large again.
fn compress(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2),
        flate2::Compression::new(3),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}
