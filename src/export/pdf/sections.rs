//! The report's PDF-only parts: the timeline on landscape pages, the cover with the contents,
//! and the footers (artifacts), once the number of pages is known.

use chrono::NaiveDate;

use super::ReportError;
use super::doc::{A4, Align, Style};
use super::fonts::Face;
use super::report::{
    ACCENT, BOTTOM, Flow, HEADER_FILL, MARGIN_X, MUTED, RULE, TEXT, color, timeline_parts,
};
use super::tags::Role;
use crate::export::content::Tone;
use crate::export::content::{self, Context};
use crate::export::{PictureOptions, timeline_svg_keyed};
use crate::model::{Measure, Roadmap};

/// Pixels of the timeline picture per point: its 13-pixel labels print at about 8 points. A
/// picture that needs less than the room keeps that size (shorter) instead of being enlarged.
const PX_PER_PT: f32 = 1.6;

/// The timeline on landscape pages: all on one when it fits legibly, else by horizon in parts of
/// at most [`super::report::TIMELINE_ROWS`] measures, in the order of their start.
pub(super) fn timeline_pages(flow: &mut Flow<'_>, cx: &Context<'_>) -> Result<(), ReportError> {
    let tr = flow.tr;
    let (roadmap, today) = (cx.roadmap, cx.today);
    let landscape = (A4.1, A4.0);
    let parts = timeline_parts(&cx.active);
    let width = landscape.0 - 2.0 * MARGIN_X;
    // Everything but the measures (not all measures again for every part).
    let mut rest = roadmap.clone();
    rest.measures = Vec::new();
    for (n, super::report::TimelinePart { horizon, part, of, measures }) in parts.iter().enumerate()
    {
        let part_roadmap =
            Roadmap { measures: measures.iter().map(|m| (*m).clone()).collect(), ..rest.clone() };
        // Parts share a page while they fit at their natural size.
        let px = (width * PX_PER_PT).round() as u32;
        let needed =
            crate::export::timeline_natural_height(&part_roadmap, today, tr, px) / PX_PER_PT;
        let heading = if *of > 1 { 24.0 } else { 0.0 };
        if n == 0 {
            flow.new_page(landscape);
            flow.put_section(&tr.t("slide-timeline"), 200.0);
        } else if flow.y + heading + needed > flow.limit() {
            flow.new_page(landscape);
        } else {
            flow.y += 12.0;
        }
        if *of > 1 {
            let title = tr.t(&format!("horizon-{}-long", horizon.as_str()));
            flow.put_subheading(&format!("{title} ({part}/{of})"), 200.0);
        }
        let height = flow.limit() - flow.y;
        timeline(flow, &part_roadmap, today, (width, height))?;
    }
    Ok(())
}

/// Draws the timeline picture into `size` points at the flow's position, and under it the key
/// that gives whole every title the picture had to shorten.
fn timeline(
    flow: &mut Flow<'_>,
    roadmap: &Roadmap,
    today: NaiveDate,
    (width, height): (f32, f32),
) -> Result<(), ReportError> {
    let px = (width * PX_PER_PT).round() as u32;
    let natural = crate::export::timeline_natural_height(roadmap, today, flow.tr, px);
    let picture = |height: f32| {
        let options = PictureOptions {
            width: px,
            height: (height * PX_PER_PT).min(natural).round().max(200.0) as u32,
            dependencies: false,
        };
        timeline_svg_keyed(roadmap, today, flow.tr, options)
            .map_err(|e| ReportError::Picture(e.to_string()))
    };
    let (mut svg, mut shortened) = picture(height)?;
    if !shortened.is_empty() {
        // Room for the key below: its heading and the titles in one paragraph across the page.
        (svg, shortened) = picture((height - key_height(roadmap, &shortened)).max(height * 0.6))?;
    }
    let tree =
        crate::export::picture::parse_svg(&svg).map_err(|e| ReportError::Picture(e.to_string()))?;
    let scale = width / tree.size().width();
    let measures: Vec<&Measure> = roadmap.measures.iter().collect();
    flow.doc.begin_figure(crate::export::timeline_description(&measures, today, flow.tr));
    super::svg::draw(&mut flow.doc, &tree, (MARGIN_X, flow.y), scale);
    let height = tree.size().height() * scale;
    flow.doc.end_figure((MARGIN_X, flow.y, width, height));
    flow.y += height;
    let key = crate::export::shortened_key(roadmap, &shortened);
    if !key.is_empty() {
        // The key stays on a landscape page: where the picture left too little room, on the
        // next one (a page break inside a paragraph would turn to portrait).
        let needed = key_height(roadmap, &shortened);
        if flow.y + needed > flow.limit() {
            flow.new_page((A4.1, A4.0));
        } else {
            flow.y += 4.0;
        }
        let tr = flow.tr;
        flow.put_paragraph(&tr.t("picture-key"), Face::Bold, color(Tone::Muted));
        let titles: Vec<String> =
            key.iter().map(|(code, title)| format!("{code}  {title}")).collect();
        flow.put_paragraph(&titles.join(" · "), Face::Regular, color(Tone::Text));
    }
    Ok(())
}

/// The room the key under a timeline picture takes: its heading and the titles of `codes` in
/// one paragraph across a landscape page (about 150 characters a line; rounded up generously).
fn key_height(roadmap: &Roadmap, codes: &[String]) -> f32 {
    let chars: usize = crate::export::shortened_key(roadmap, codes)
        .iter()
        .map(|(code, title)| code.chars().count() + title.chars().count() + 5)
        .sum();
    let lines = chars.div_ceil(120) + 1;
    lines as f32 * 13.5 + 16.0
}

/// The cover: town, roadmap, date, key figures and the contents.
pub(super) fn cover(flow: &mut Flow<'_>, front: &content::Front) {
    let tr = flow.tr;
    flow.doc.select(0);
    let (w, _) = A4;
    let width = w - 2.0 * MARGIN_X;
    flow.doc.fill_rect(0.0, 0.0, w, 10.0, ACCENT);
    let mut y = 150.0;
    flow.doc.open(Role::P);
    flow.doc.text(&front.kicker, (MARGIN_X, y), 13.0, Face::Regular, ACCENT, Align::Left);
    flow.doc.close();
    y += 40.0;
    // The town above, then the roadmap's name: the document's one first-level heading.
    for (text, face, size, leading, role) in [
        (&front.over, Face::Bold, 30.0, 36.0, Role::P),
        (&front.heading, Face::Regular, 19.0, 25.0, Role::H(1)),
    ] {
        let lines = flow.doc.wrap(text, face, size, width);
        let style = Style { size, face, color: TEXT, align: Align::Left };
        flow.doc.open(role);
        flow.doc.lines(&lines, (MARGIN_X, y), leading, style);
        flow.doc.close();
        y += leading * lines.len() as f32;
    }
    y += 8.0;
    let as_of = tr.f("report-as-of", &[("date", &tr.date(front.today))]);
    flow.doc.open(Role::P);
    flow.doc.text(&as_of, (MARGIN_X, y), 12.0, Face::Regular, MUTED, Align::Left);
    flow.doc.close();
    y += 50.0;

    // Key figures in four boxes.
    let figures = &front.figures;
    let gap = 10.0;
    let box_w = (width - 3.0 * gap) / 4.0;
    // Read as a list: "20 Maßnahmen", "3 erledigt" …
    flow.doc.open(Role::L);
    for (i, (value, label, tone)) in figures.iter().enumerate() {
        let x = MARGIN_X + i as f32 * (box_w + gap);
        flow.doc.fill_rect(x, y, box_w, 64.0, HEADER_FILL);
        let size =
            if flow.doc.fonts.width(value, Face::Bold, 22.0) > box_w - 16.0 { 15.0 } else { 22.0 };
        flow.doc.open(Role::LI);
        flow.doc.open(Role::LBody);
        flow.doc.text(value, (x + 10.0, y + 32.0), size, Face::Bold, color(*tone), Align::Left);
        flow.doc.text(label, (x + 10.0, y + 52.0), 9.0, Face::Regular, MUTED, Align::Left);
        flow.doc.close();
        flow.doc.close();
    }
    flow.doc.close();
    y += 100.0;

    // Contents.
    flow.doc.open(Role::H(2));
    flow.doc.text(&tr.t("report-contents"), (MARGIN_X, y), 12.0, Face::Bold, TEXT, Align::Left);
    flow.doc.close();
    y += 20.0;
    let sections = flow.sections.clone();
    // What fits above the note at the foot; the bookmarks list every section.
    let room = ((A4.1 - BOTTOM - 40.0 - y) / 19.0).floor().max(2.0) as usize;
    let shown = if sections.len() > room { room - 1 } else { sections.len() };
    flow.doc.open(Role::Toc);
    for mark in &sections[..shown] {
        flow.doc.open(Role::TocI);
        flow.doc.text(&mark.title, (MARGIN_X, y), 10.5, Face::Regular, TEXT, Align::Left);
        let number = (mark.page + 1).to_string();
        // The page numbers are for the printed page; a reader follows the bookmarks.
        flow.doc.tags.begin_artifact();
        flow.doc.text(&number, (MARGIN_X + width, y), 10.5, Face::Regular, TEXT, Align::Right);
        flow.doc.tags.end_artifact();
        flow.doc.close();
        flow.doc.line((MARGIN_X, y + 5.0), (MARGIN_X + width, y + 5.0), 0.4, RULE);
        y += 19.0;
    }
    flow.doc.close();
    if shown < sections.len() {
        let more = tr.f("report-contents-more", &[("n", &(sections.len() - shown))]);
        flow.doc.open(Role::P);
        flow.doc.text(&more, (MARGIN_X, y), 10.5, Face::Regular, MUTED, Align::Left);
        flow.doc.close();
    }
    let made = &front.made;
    let bottom = A4.1 - BOTTOM;
    let lines = flow.doc.wrap(made, Face::Regular, 8.5, width);
    let style = Style { size: 8.5, face: Face::Regular, color: MUTED, align: Align::Left };
    flow.doc.open(Role::P);
    flow.doc.lines(&lines, (MARGIN_X, bottom), 11.0, style);
    flow.doc.close();
}

/// File name, date and "page n of m" on every page after the cover: artifacts (drawn outside
/// any structure element), not read out.
pub(super) fn footers(flow: &mut Flow<'_>, front: &content::Front) {
    let tr = flow.tr;
    let count = flow.doc.pages.len();
    flow.doc.tags.begin_pagination();
    for index in 1..count {
        flow.doc.select(index);
        let (w, h) = flow.page_size();
        let baseline = h - 32.0;
        flow.doc.line((MARGIN_X, baseline - 12.0), (w - MARGIN_X, baseline - 12.0), 0.5, RULE);
        let page = tr
            .f("report-page", &[("page", &(index + 1).to_string()), ("pages", &count.to_string())]);
        let page_width = flow.doc.fonts.width(&page, Face::Regular, 8.0);
        let left =
            tr.f("report-footer", &[("file", &front.source), ("date", &tr.date(front.today))]);
        // The file name may be long: shorten it to the room left of the page number.
        let room = w - 2.0 * MARGIN_X - page_width - 20.0;
        let chars: Vec<char> = left.chars().collect();
        let mut left_text = left.clone();
        let mut skip = 0;
        while flow.doc.fonts.width(&left_text, Face::Regular, 8.0) > room && skip + 4 < chars.len()
        {
            skip += 1;
            left_text = std::iter::once('…').chain(chars[skip..].iter().copied()).collect();
        }
        flow.doc.text(&left_text, (MARGIN_X, baseline), 8.0, Face::Regular, MUTED, Align::Left);
        flow.doc.text(&page, (w - MARGIN_X, baseline), 8.0, Face::Regular, MUTED, Align::Right);
    }
    flow.doc.tags.end_pagination();
}
