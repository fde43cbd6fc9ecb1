//! Draws a parsed SVG (the timeline picture) onto a PDF page as vector graphics: paths with their
//! fills, strokes, dashes and opacity, clip paths, tiling patterns, and text as real text in the
//! embedded fonts (glyphs as usvg shaped them), so the timeline stays sharp and searchable.

use pdf_writer::types::{LineCapStyle, LineJoinStyle};
use pdf_writer::{Content, Name, Str};
use resvg::tiny_skia::{PathSegment, Transform};
use resvg::usvg;

use super::doc::{Doc, Pattern};
use super::fonts::Face;
use super::tags::Mark;

/// Draws `tree` with its top-left corner at `(x, top)` points, scaled by `scale`.
pub fn draw(doc: &mut Doc, tree: &usvg::Tree, (x, top): (f32, f32), scale: f32) {
    let height = doc.page().height;
    // SVG user space (y down) → PDF page space (y up).
    let base = Transform::from_row(scale, 0.0, 0.0, -scale, x, height - top);
    let mut content = super::doc::content();
    content.save_state();
    content.transform(matrix(base));
    let mut painter = Painter { doc, base, fontdb: tree.fontdb() };
    painter.group(&mut content, tree.root());
    content.restore_state();
    doc.emit(content, Mark::Content);
}

fn matrix(t: Transform) -> [f32; 6] {
    [t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]
}

struct Painter<'a> {
    doc: &'a mut Doc,
    base: Transform,
    fontdb: &'a usvg::fontdb::Database,
}

impl Painter<'_> {
    fn group(&mut self, out: &mut Content, group: &usvg::Group) {
        out.save_state();
        if !group.transform().is_identity() {
            out.transform(matrix(group.transform()));
        }
        if let Some(clip) = group.clip_path() {
            Self::clip(out, clip);
        }
        let opacity = group.opacity().get();
        if opacity < 1.0 {
            let name = self.doc.alpha(opacity, opacity);
            out.set_parameters(Name(name.as_bytes()));
        }
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => self.group(out, g),
                usvg::Node::Path(p) => self.path(out, p),
                usvg::Node::Text(t) => self.text(out, t),
                usvg::Node::Image(_) => {}
            }
        }
        out.restore_state();
    }

    /// Intersects the clip with the union of the clip path's shapes (in the group's space).
    fn clip(out: &mut Content, clip: &usvg::ClipPath) {
        let mut any = false;
        for node in clip.root().children() {
            if let usvg::Node::Path(p) = node
                && let Some(data) = p.data().clone().transform(clip.transform())
            {
                segments(out, &data);
                any = true;
            }
        }
        if any {
            out.clip_nonzero().end_path();
        }
    }

    fn path(&mut self, out: &mut Content, path: &usvg::Path) {
        if !path.is_visible() {
            return;
        }
        if let Some(fill) = path.fill() {
            out.save_state();
            let opacity = fill.opacity().get();
            if opacity < 1.0 {
                let name = self.doc.alpha(opacity, 1.0);
                out.set_parameters(Name(name.as_bytes()));
            }
            self.set_paint(out, fill.paint(), path.abs_transform(), true);
            segments(out, path.data());
            match fill.rule() {
                usvg::FillRule::NonZero => out.fill_nonzero(),
                usvg::FillRule::EvenOdd => out.fill_even_odd(),
            };
            out.restore_state();
        }
        if let Some(stroke) = path.stroke() {
            out.save_state();
            let opacity = stroke.opacity().get();
            if opacity < 1.0 {
                let name = self.doc.alpha(1.0, opacity);
                out.set_parameters(Name(name.as_bytes()));
            }
            self.set_paint(out, stroke.paint(), path.abs_transform(), false);
            out.set_line_width(stroke.width().get());
            out.set_line_cap(match stroke.linecap() {
                usvg::LineCap::Butt => LineCapStyle::ButtCap,
                usvg::LineCap::Round => LineCapStyle::RoundCap,
                usvg::LineCap::Square => LineCapStyle::ProjectingSquareCap,
            });
            out.set_line_join(match stroke.linejoin() {
                usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoinStyle::MiterJoin,
                usvg::LineJoin::Round => LineJoinStyle::RoundJoin,
                usvg::LineJoin::Bevel => LineJoinStyle::BevelJoin,
            });
            out.set_miter_limit(stroke.miterlimit().get());
            if let Some(dashes) = stroke.dasharray() {
                out.set_dash_pattern(dashes.iter().copied(), stroke.dashoffset());
            }
            segments(out, path.data());
            out.stroke();
            out.restore_state();
        }
    }

    /// Sets a solid colour, or registers a tiling pattern; gradients (not used by Fahrplan's
    /// pictures) fall back to their first stop.
    fn set_paint(&mut self, out: &mut Content, paint: &usvg::Paint, at: Transform, fill: bool) {
        let color = match paint {
            usvg::Paint::Color(c) => *c,
            usvg::Paint::LinearGradient(g) => {
                g.stops().first().map_or(usvg::Color::black(), usvg::Stop::color)
            }
            usvg::Paint::RadialGradient(g) => {
                g.stops().first().map_or(usvg::Color::black(), usvg::Stop::color)
            }
            usvg::Paint::Pattern(p) if fill => {
                let name = self.pattern(p, at);
                out.set_fill_color_space(pdf_writer::types::ColorSpaceOperand::Pattern);
                out.set_fill_pattern(None, Name(name.as_bytes()));
                return;
            }
            usvg::Paint::Pattern(_) => usvg::Color::black(),
        };
        let c = |v: u8| f32::from(v) / 255.0;
        if fill {
            out.set_fill_rgb(c(color.red), c(color.green), c(color.blue));
        } else {
            out.set_stroke_rgb(c(color.red), c(color.green), c(color.blue));
        }
    }

    fn pattern(&mut self, pattern: &usvg::Pattern, at: Transform) -> String {
        let rect = pattern.rect();
        let mut content = super::doc::content();
        let mut inner = Painter { doc: self.doc, base: self.base, fontdb: self.fontdb };
        inner.group(&mut content, pattern.root());
        let placement = self
            .base
            .pre_concat(at)
            .pre_concat(pattern.transform())
            .pre_translate(rect.x(), rect.y());
        self.doc.patterns.push(Pattern {
            content: content.finish().into_vec(),
            bbox: [0.0, 0.0, rect.width(), rect.height()],
            step: (rect.width(), rect.height()),
            matrix: matrix(placement),
        });
        format!("P{}", self.doc.patterns.len() - 1)
    }

    fn text(&mut self, out: &mut Content, text: &usvg::Text) {
        for span in text.layouted() {
            if !span.visible {
                continue;
            }
            let c = |v: u8| f32::from(v) / 255.0;
            let color = span.fill.as_ref().map_or(usvg::Color::black(), |f| match f.paint() {
                usvg::Paint::Color(c) => *c,
                _ => usvg::Color::black(),
            });
            out.begin_text();
            out.set_fill_rgb(c(color.red), c(color.green), c(color.blue));
            for glyph in &span.positioned_glyphs {
                let face = self.face(glyph.font);
                let Ok(id) = u16::try_from(glyph.id.0) else { continue };
                let id = self.doc.fonts.use_glyph(face, id, &glyph.text);
                let upem = self.doc.fonts.upem(face);
                // Glyph space in font units (y up) → the SVG space of this group.
                // With font size 1 one em is one unit of text space.
                let t = glyph.transform().pre_scale(upem, -upem);
                out.set_font(Name(face.resource()), 1.0);
                out.set_text_matrix(matrix(t));
                out.show(Str(&id.to_be_bytes()));
            }
            out.end_text();
        }
    }

    fn face(&self, id: usvg::fontdb::ID) -> Face {
        match self.fontdb.face(id) {
            Some(info) if info.families.iter().any(|(f, _)| f.contains("DejaVu")) => Face::Symbols,
            Some(info) if info.weight.0 >= 600 => Face::Bold,
            _ => Face::Regular,
        }
    }
}

fn segments(out: &mut Content, path: &resvg::tiny_skia::Path) {
    let mut last = (0.0, 0.0);
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                out.move_to(p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::LineTo(p) => {
                out.line_to(p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::QuadTo(c, p) => {
                // A quadratic curve as the cubic with the same shape.
                let (c1x, c1y) =
                    (last.0 + 2.0 / 3.0 * (c.x - last.0), last.1 + 2.0 / 3.0 * (c.y - last.1));
                let (c2x, c2y) = (p.x + 2.0 / 3.0 * (c.x - p.x), p.y + 2.0 / 3.0 * (c.y - p.y));
                out.cubic_to(c1x, c1y, c2x, c2y, p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::CubicTo(c1, c2, p) => {
                out.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y);
                last = (p.x, p.y);
            }
            PathSegment::Close => {
                out.close_path();
            }
        }
    }
}
