//! The picture tested as data: its SVG, the labels measured and placed, and the PNG.

use super::*;
use crate::i18n::Lang;
use crate::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

#[test]
fn the_svg_shows_every_measure_and_escapes_text() {
    let mut roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
        .unwrap()
        .load_roadmap()
        .unwrap();
    roadmap.measures[0].title = "A & B <script>".into();
    let options = PictureOptions { dependencies: true, ..PictureOptions::default() };
    let svg = timeline_svg(&roadmap, today(), &I18n::new(Lang::De), options).unwrap();
    for m in &roadmap.measures {
        assert!(
            svg.contains(&format!(r##"<tspan font-weight="bold">{}</tspan>"##, m.code)),
            "{}",
            m.code
        );
    }
    assert!(svg.contains("A &amp; B &lt;script&gt;"));
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("Kurzfristig (sofort)"));
    assert!(svg.contains(">Heute<"));
    assert!(svg.contains("<polyline"), "arrows drawn when asked for");
    let calm =
        timeline_svg(&roadmap, today(), &I18n::new(Lang::De), PictureOptions::default()).unwrap();
    assert!(!calm.contains("<polyline"));
}

#[test]
fn long_labels_are_shortened_with_an_ellipsis_keeping_the_code() {
    let m = metrics().unwrap();
    assert_eq!(fit_label(m, "M01", "  Kurz", 500.0), " Kurz");
    let short = fit_label(m, "M01", "  Ein sehr langer Titel einer Maßnahme", 120.0);
    assert!(short.ends_with('…') && short.starts_with(" Ein") && short.len() < 20, "{short}");
    assert!(label_width(m, "M01", &short) <= 120.0, "{short}");
    // No room beside the code: the code alone (it is never shortened).
    assert_eq!(fit_label(m, "M01", "  Ein sehr langer Titel", 0.0), "");
    assert_eq!(collapse("  a \t\n b  "), " a b");
}

/// What the picture measured labels with before the shipped fonts did: 0.55 em per character.
fn old_estimate(label: &str) -> f32 {
    label.chars().count() as f32 * 13.0 * 0.55
}

#[test]
fn labels_are_measured_with_the_font_not_estimated_by_characters() {
    let m = metrics().unwrap();
    // Capitals are wider than the old estimate, narrow letters narrower.
    let wide = label_width(m, "M01", "  WASSERWERK MÜHLHEIM");
    assert!(wide > old_estimate("M01  WASSERWERK MÜHLHEIM") * 1.08, "{wide}");
    let narrow = label_width(m, "M01", "  illi fiili jilli tiil");
    assert!(narrow < old_estimate("M01  illi fiili jilli tiil") * 0.8, "{narrow}");
}

#[test]
fn a_label_the_old_estimate_thought_fitting_is_shortened_to_its_room() {
    let m = metrics().unwrap();
    let (code, rest) = ("M07", "  WASSERWERK MÜHLHEIM UND KLÄRWERK");
    let full = format!("{code}{rest}");
    // Room for the label by the old estimate, on the right; little on the left.
    let room = old_estimate(&full) + 1.0;
    assert!(label_width(m, code, rest) > room, "the whole label would have overflowed");
    let (right, shown) = place_label(m, code, rest, (room, 40.0));
    assert!(right);
    assert!(shown.ends_with('…') && label_width(m, code, &shown) <= room, "{shown}");
    // And a label of narrow letters the old estimate would have shortened fits whole.
    let narrow = "  illi fiili jilli tiil";
    let room = old_estimate(&format!("{code}{narrow}")) - 10.0;
    assert_eq!(place_label(m, code, narrow, (room, 40.0)), (true, collapse(narrow)));
}

/// The bounding boxes (left, top, right, bottom) of the labels of `svg` as resvg lays them
/// out with the shipped fonts, by the label's text.
fn label_boxes(svg: &str, codes: &[String]) -> Vec<(String, [f32; 4])> {
    fn walk(group: &resvg::usvg::Group, codes: &[String], out: &mut Vec<(String, [f32; 4])>) {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Group(g) => walk(g, codes, out),
                resvg::usvg::Node::Text(t) => {
                    let text: String =
                        t.chunks().iter().map(resvg::usvg::TextChunk::text).collect();
                    if codes.iter().any(|c| text.starts_with(&format!("{c} "))) {
                        let b = t.bounding_box();
                        out.push((text, [b.left(), b.top(), b.right(), b.bottom()]));
                    }
                }
                _ => {}
            }
        }
    }
    let tree = parse_svg(svg).unwrap();
    let mut out = Vec::new();
    walk(tree.root(), codes, &mut out);
    out
}

/// The diamonds' boxes, from the SVG's polygons.
fn diamond_boxes(svg: &str) -> Vec<[f32; 4]> {
    svg.split("<polygon points=\"")
        .skip(1)
        .map(|rest| {
            let points = rest.split('"').next().unwrap();
            let xy: Vec<(f32, f32)> = points
                .split(' ')
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            let fold = |f: fn(f32, f32) -> f32, start: f32, pick: fn(&(f32, f32)) -> f32| {
                xy.iter().map(pick).fold(start, f)
            };
            [
                fold(f32::min, f32::MAX, |p| p.0),
                fold(f32::min, f32::MAX, |p| p.1),
                fold(f32::max, f32::MIN, |p| p.0),
                fold(f32::max, f32::MIN, |p| p.1),
            ]
        })
        .collect()
}

#[test]
fn wide_labels_neither_leave_the_chart_nor_run_into_diamonds() {
    let mut roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
        .unwrap()
        .load_roadmap()
        .unwrap();
    for measure in &mut roadmap.measures {
        measure.title = "WASSERWERK MÜHLHEIM UND KLÄRWERK".into();
    }
    let codes: Vec<String> = roadmap.measures.iter().map(|m| m.code.clone()).collect();
    let options = PictureOptions { width: 1400, height: 800, dependencies: false };
    let svg = timeline_svg(&roadmap, today(), &I18n::new(Lang::De), options).unwrap();
    // The drawing's width, from the view box: the chart ends a margin before it.
    let view_box = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let logical_width: f32 = view_box.split(' ').next().unwrap().parse().unwrap();
    let chart = (MARGIN, logical_width - MARGIN);
    let boxes = label_boxes(&svg, &codes);
    assert_eq!(boxes.len(), codes.len(), "{boxes:?}");
    let diamonds = diamond_boxes(&svg);
    assert!(!diamonds.is_empty());
    for (text, [left, top, right, bottom]) in &boxes {
        assert!(*left >= chart.0 - 0.5 && *right <= chart.1 + 0.5, "{text}: {left}–{right}");
        for [dl, dt, dr, db] in &diamonds {
            let apart = right <= dl || left >= dr || bottom <= dt || top >= db;
            assert!(apart, "{text} ({left}–{right}) runs into a diamond at {dl}–{dr}");
        }
    }
    let shortened = boxes.iter().filter(|(t, _)| t.ends_with('…')).count();
    assert!(shortened > 0, "some labels must be shortened: {boxes:?}");
}

#[test]
fn the_png_has_the_requested_size() {
    let roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::En).unwrap()))
        .unwrap()
        .load_roadmap()
        .unwrap();
    let size = |width, height| PictureOptions { width, height, dependencies: false };
    let png = timeline_png(&roadmap, today(), &I18n::new(Lang::En), size(800, 500)).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (800, 500));
    assert!(matches!(
        timeline_png(&roadmap, today(), &I18n::new(Lang::En), size(10, 500)),
        Err(PictureError::BadSize(10, 500))
    ));
}
