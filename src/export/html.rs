//! The council report as one accessible web page for the town's website (BITV 2.0 / WCAG 2.1):
//! self-contained (styles inline, the timeline as inline SVG with a title and a description,
//! nothing loaded from the network), the document's language set, headings in order, tables
//! with captions and header cells with scope, warnings in words and bold as well as in colour,
//! contrast of at least 4.5 : 1, text in relative units that reflows at 200 % zoom and on a
//! phone (wide tables and the timeline scroll inside their own focusable region).
//!
//! The content is the PDF's: the same sections write into [`HtmlSink`].

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::content::{self, Align, Col, Context, ReportError, ReportOptions, Row, Sink, Tone};
use super::{PictureOptions, timeline_description, timeline_svg_keyed};
use crate::i18n::I18n;
use crate::layout::fonts::Face;
use crate::model::{Change, Roadmap};

/// The report of `roadmap` as of `today` as one HTML document.
pub fn report_html(
    roadmap: &Roadmap,
    history: &[Change],
    today: NaiveDate,
    tr: &I18n,
    options: &ReportOptions,
) -> Result<String, ReportError> {
    let cx = Context::new(tr, roadmap, history, (today, options));
    // A page for the town's website names the roadmap, never the database file it came from.
    let front = content::front(&cx, tr, &roadmap.info.name);
    let mut sink = HtmlSink::default();
    content::body(&mut sink, &cx)?;
    Ok(page(&front, sink, tr))
}

/// The county overview of `county` as one HTML document.
pub fn county_html(county: &super::county::County<'_>, tr: &I18n) -> String {
    let front = super::county::front(county, tr);
    let mut sink = HtmlSink::default();
    super::county::body(&mut sink, county, tr);
    page(&front, sink, tr)
}

/// The whole page: head, cover (`front`), contents, the sections `sink` holds, footer.
fn page(front: &content::Front, mut sink: HtmlSink, tr: &I18n) -> String {
    sink.close_section();
    let lang = tr.lang().code();
    let mut out = String::with_capacity(sink.body.len() + 8_000);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Fahrplan\">\n<title>{}</title>\n<style>{}</style>\n\
         </head>\n<body>\n",
        esc(&front.title),
        style()
    );
    let _ = writeln!(out, "<a class=\"skip\" href=\"#main\">{}</a>", esc(&tr.t("html-skip")));
    cover(&mut out, front, tr);
    contents(&mut out, &sink.sections, tr);
    out.push_str("<main id=\"main\">\n");
    out.push_str(&sink.body);
    out.push_str("</main>\n<footer>\n<p>");
    let made =
        tr.f("report-made-web", &[("roadmap", &front.source), ("date", &tr.date(front.today))]);
    out.push_str(&esc(&made));
    out.push_str("</p>\n</footer>\n</body>\n</html>\n");
    out
}

/// The top of the page: what it is, town, roadmap (the one `h1`), date and the key figures.
fn cover(out: &mut String, front: &content::Front, tr: &I18n) {
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">{}</p>\n<p class=\"town\">{}</p>\n<h1>{}</h1>\n\
         <p class=\"muted\">{}</p>\n<ul class=\"figures\">\n",
        esc(&front.kicker),
        esc(&front.over),
        esc(&front.heading),
        esc(&tr.f("report-as-of", &[("date", &tr.date(front.today))])),
    );
    for (value, label, tone) in &front.figures {
        let class = if *tone == Tone::Danger { " class=\"danger\"" } else { "" };
        // A figure never breaks between the number and its currency on a narrow screen.
        let value = esc(value).replace(" €", "\u{a0}€");
        let _ = writeln!(out, "<li><strong{class}>{value}</strong> {}</li>", esc(label));
    }
    out.push_str("</ul>\n</header>\n");
}

/// The contents: a navigation list of the sections, linked to them.
fn contents(out: &mut String, sections: &[(String, String)], tr: &I18n) {
    let _ = write!(
        out,
        "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">{}</h2>\n<ol>\n",
        esc(&tr.t("report-contents"))
    );
    for (id, title) in sections {
        let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", esc(title));
    }
    out.push_str("</ol>\n</nav>\n");
}

/// Writes the sections as HTML.
#[derive(Default)]
struct HtmlSink {
    body: String,
    /// The sections so far: anchor and title.
    sections: Vec<(String, String)>,
    /// Whether a `<section>` is open.
    open: bool,
    /// The latest heading: the caption of a table that follows it.
    heading: String,
    /// Tables so far (for their anchors).
    tables: usize,
}

impl HtmlSink {
    fn close_section(&mut self) {
        if self.open {
            self.body.push_str("</section>\n");
            self.open = false;
        }
    }
}

impl Sink for HtmlSink {
    fn is_public(&self) -> bool {
        true
    }

    fn section(&mut self, title: &str, _keep: f32) {
        self.close_section();
        let id = format!("s{}", self.sections.len() + 1);
        let _ = write!(
            self.body,
            "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n",
            esc(title)
        );
        self.sections.push((id, title.to_owned()));
        self.heading = title.to_owned();
        self.open = true;
    }

    fn subheading(&mut self, title: &str, _keep: f32) {
        let _ = writeln!(self.body, "<h3>{}</h3>", esc(title));
        self.heading = title.to_owned();
    }

    fn paragraph(&mut self, text: &str, face: Face, tone: Tone) {
        let class = match tone {
            Tone::Text => "",
            Tone::Muted => " class=\"muted\"",
            Tone::Danger => " class=\"danger\"",
        };
        let text = lines(text);
        if face == Face::Bold || tone == Tone::Danger {
            let _ = writeln!(self.body, "<p{class}><strong>{text}</strong></p>");
        } else {
            let _ = writeln!(self.body, "<p{class}>{text}</p>");
        }
    }

    fn table(&mut self, cols: &[Col], rows: &[Row]) {
        self.tables += 1;
        let caption = esc(&self.heading);
        let _ = write!(
            self.body,
            "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"t{n}\">\n\
             <table>\n<caption id=\"t{n}\">{caption}</caption>\n<thead>\n<tr>",
            n = self.tables
        );
        for c in cols {
            let _ = write!(self.body, "<th scope=\"col\"{}>{}</th>", align(c.align), esc(&c.title));
        }
        self.body.push_str("</tr>\n</thead>\n<tbody>\n");
        for (cells, total) in rows {
            self.body.push_str(if *total { "<tr class=\"total\">" } else { "<tr>" });
            for (i, (c, column)) in cells.iter().zip(cols).enumerate() {
                let mut text = lines(&c.text);
                if c.face == Face::Bold || *total {
                    text = format!("<strong>{text}</strong>");
                }
                let tone = match c.tone {
                    Tone::Danger => " danger",
                    Tone::Muted => " muted",
                    Tone::Text => "",
                };
                let class = match (column.align, tone) {
                    (Align::Right, t) => format!(" class=\"num{t}\""),
                    (Align::Left, "") => String::new(),
                    (Align::Left, t) => format!(" class=\"{}\"", t.trim_start()),
                };
                // The first cell names the row (code, horizon, year).
                if i == 0 {
                    let _ = write!(self.body, "<th scope=\"row\"{class}>{text}</th>");
                } else {
                    let _ = write!(self.body, "<td{class}>{text}</td>");
                }
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</tbody>\n</table>\n</div>\n");
    }

    fn page_break(&mut self) {}

    fn gap(&mut self, _points: f32) {}

    fn timeline(&mut self, cx: &Context<'_>) -> Result<(), ReportError> {
        let tr = cx.tr;
        let title = tr.t("slide-timeline");
        self.section(&title, 0.0);
        let roadmap = Roadmap {
            measures: cx.active.iter().map(|m| (*m).clone()).collect(),
            ..cx.roadmap.clone()
        };
        let width = 1400;
        let height = crate::export::timeline_natural_height(&roadmap, cx.today, tr, width);
        let options = PictureOptions {
            width,
            height: (height.round() as u32).clamp(200, 10_000),
            dependencies: false,
        };
        let (svg, shortened) = timeline_svg_keyed(&roadmap, cx.today, tr, options)
            .map_err(|e| ReportError::Picture(e.to_string()))?;
        let description = timeline_description(&cx.active, cx.today, tr);
        let _ = write!(
            self.body,
            "<div class=\"scroll timeline\" role=\"region\" tabindex=\"0\" \
             aria-labelledby=\"timeline-title\">\n{}\n</div>\n\
             <p class=\"muted\" aria-hidden=\"true\">{}</p>\n",
            inline_svg(&svg, &title, &description),
            esc(&description)
        );
        // Titles the picture had to shorten, whole beside it.
        let key = crate::export::shortened_key(&roadmap, &shortened);
        if !key.is_empty() {
            let _ = writeln!(
                self.body,
                "<p class=\"muted\">{}</p>\n<ul class=\"key\">",
                esc(&tr.t("picture-key"))
            );
            for (code, title) in key {
                let _ =
                    writeln!(self.body, "<li><strong>{}</strong> {}</li>", esc(&code), esc(&title));
            }
            self.body.push_str("</ul>\n");
        }
        Ok(())
    }
}

/// The timeline picture as inline SVG: an image (`role="img"`) named by its `<title>` and
/// described by its `<desc>`, scaled to the width of the page. The same description stands
/// below it for the eye (hidden from screen readers, which have it once, from the picture).
fn inline_svg(svg: &str, title: &str, description: &str) -> String {
    let svg = svg.find("<svg").map_or(svg, |at| &svg[at..]);
    let Some(end) = svg.find('>') else { return String::new() };
    let (open, rest) = svg.split_at(end);
    // The picture's fixed pixel size gives way to its view box (CSS sets the width).
    let open = strip_attr(&strip_attr(open, "width"), "height");
    format!(
        "{open} role=\"img\" aria-labelledby=\"timeline-title\" aria-describedby=\"timeline-desc\" \
         preserveAspectRatio=\"xMinYMin meet\"><title id=\"timeline-title\">{}</title>\
         <desc id=\"timeline-desc\">{}</desc>{}",
        esc(title),
        esc(description),
        &rest[1..]
    )
}

/// `tag` without the attribute `name="…"`.
fn strip_attr(tag: &str, name: &str) -> String {
    let needle = format!(" {name}=\"");
    let Some(at) = tag.find(&needle) else { return tag.to_owned() };
    let value = at + needle.len();
    let Some(close) = tag[value..].find('"') else { return tag.to_owned() };
    format!("{}{}", &tag[..at], &tag[value + close + 1..])
}

fn align(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
    }
}

/// Text for HTML: escaped, line breaks kept.
fn lines(text: &str) -> String {
    text.split('\n').map(esc).collect::<Vec<_>>().join("<br>")
}

/// Escapes text for HTML content and attribute values (as for the SVG picture).
fn esc(text: &str) -> String {
    super::picture::escape(text)
}

/// Text colours and the backgrounds they stand on (white, header cells, striped rows): every
/// pair has a contrast of at least 4.5 : 1 (tested).
const TEXT: &str = "#141414";
const MUTED: &str = "#545454";
const ACCENT: &str = "#1f5f9e";
/// The window's warning colour, a little darker: it also stands on the header fill.
const DANGER: &str = "#a13d00";
const HEAD: &str = "#e8edf5";
const ZEBRA: &str = "#f6f7f9";

/// The page's style: system fonts in relative sizes, a readable measure, colours with a contrast
/// of at least 4.5 : 1.
fn style() -> String {
    format!(
        "\n:root{{color-scheme:light;--text:{TEXT};--muted:{MUTED};--accent:{ACCENT};\
         --danger:{DANGER};--rule:#c8c8c8;--head:{HEAD};--zebra:{ZEBRA}}}\n\
         *{{box-sizing:border-box}}\n\
         body{{margin:0 auto;max-width:64rem;padding:1rem 1.25rem 3rem;\
         font-family:\"Noto Sans\",\"Segoe UI\",Arial,sans-serif;font-size:1rem;line-height:1.5;\
         color:var(--text);background:#fff}}\n\
         .skip{{position:absolute;left:-999rem}}.skip:focus{{left:1rem;top:1rem;background:#fff;\
         padding:.5rem;outline:3px solid var(--accent)}}\n\
         header{{border-top:.6rem solid var(--accent);padding-top:1.5rem}}\n\
         .kicker{{color:var(--accent);margin:0;font-size:1.1rem}}\n\
         .town{{font-size:2.2rem;font-weight:700;margin:.5rem 0 0;line-height:1.2}}\n\
         h1{{font-size:1.5rem;font-weight:400;margin:.25rem 0 .5rem}}\n\
         h2{{font-size:1.4rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;\
         margin:2.5rem 0 1rem}}\n\
         h3{{font-size:1.1rem;margin:1.5rem 0 .5rem}}\n\
         .muted{{color:var(--muted)}}.danger{{color:var(--danger)}}\n\
         .figures{{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:1.5rem 0}}\n\
         .figures li{{flex:1 1 10rem;background:var(--head);padding:.75rem 1rem}}\n\
         .figures strong{{display:block;font-size:1.8rem;line-height:1.2}}\n\
         nav ol{{padding-left:1.5rem}}\n\
         a{{color:var(--accent)}}a:focus,.scroll:focus{{outline:3px solid var(--accent);\
         outline-offset:2px}}\n\
         .scroll{{overflow-x:auto;max-width:100%}}\n\
         table{{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0 1rem}}\n\
         caption{{text-align:left;font-weight:700;padding:.25rem 0;position:absolute;\
         clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}}\n\
         th,td{{text-align:left;vertical-align:top;padding:.35rem .5rem;\
         border-bottom:1px solid var(--rule)}}\n\
         thead th{{background:var(--head)}}\n\
         tbody tr:nth-child(even){{background:var(--zebra)}}\n\
         tbody th{{font-weight:400}}\n\
         tr.total th,tr.total td{{border-top:2px solid var(--text)}}\n\
         .num{{text-align:right;white-space:nowrap}}\n\
         .timeline svg{{display:block;width:100%;min-width:56rem;height:auto}}\n\
         footer{{margin-top:3rem;border-top:1px solid var(--rule);color:var(--muted);\
         font-size:.9rem}}\n\
         @media print{{.skip{{display:none}}.scroll{{overflow:visible}}}}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.1 contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let c = |i: usize| {
                let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_text_colour_has_a_contrast_of_at_least_four_and_a_half() {
        for fg in [TEXT, MUTED, ACCENT, DANGER] {
            for bg in ["#ffffff", HEAD, ZEBRA] {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{fg} on {bg}: {ratio:.2}");
            }
        }
        // The check itself: black on white is 21 : 1, the window's warning orange on the
        // header fill falls short (which is why the page darkens it).
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!(contrast("#b84800", HEAD) < 4.6);
    }

    #[test]
    fn text_is_escaped_and_lines_are_kept() {
        assert_eq!(
            esc("<b>\"A&B\"</b> 'x'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &apos;x&apos;"
        );
        assert_eq!(lines("31.12.2024\nÜberfällig"), "31.12.2024<br>Überfällig");
        assert_eq!(esc("a\u{7}b"), "a b");
    }

    #[test]
    fn the_svg_becomes_an_image_with_title_and_description() {
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" \
                   height=\"400\" viewBox=\"0 0 800 400\"><rect/></svg>";
        let inline = inline_svg(svg, "Zeitplan", "20 <Maßnahmen>");
        assert!(inline.starts_with("<svg xmlns"), "{inline}");
        assert!(
            !inline.contains("width=\"800\"") && !inline.contains("height=\"400\""),
            "{inline}"
        );
        assert!(inline.contains("viewBox=\"0 0 800 400\""));
        assert!(inline.contains("role=\"img\""));
        assert!(inline.contains("<title id=\"timeline-title\">Zeitplan</title>"));
        assert!(inline.contains("<desc id=\"timeline-desc\">20 &lt;Maßnahmen&gt;</desc><rect/>"));
    }
}
