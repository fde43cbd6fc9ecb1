//! The picture's legend: a sample of each mark drawn, with its name, in lines under the chart.

use super::{BarLook, LEGEND_SIZE, MUTED, TEXT, arrow_line, bar_marks, diamond, escape, w};
use crate::i18n::I18n;
use crate::layout::fonts::{Face, TextMetrics};
use crate::layout::legend::LegendMark;
use crate::layout::timeline::MarkerKind;
use crate::model::{Health, Status};

/// Height of one line of the legend.
pub(super) const LEGEND_LINE: f32 = 24.0;
/// Width of a legend entry's sample.
const LEGEND_SAMPLE: f32 = 26.0;

/// The legend's entries in lines no wider than `width`: each mark with its name and the x of
/// its sample (from the left edge of the legend).
pub(super) fn legend_lines(
    metrics: &TextMetrics,
    tr: &I18n,
    marks: &[LegendMark],
    width: f32,
) -> Vec<Vec<(LegendMark, String, f32)>> {
    let mut lines: Vec<Vec<(LegendMark, String, f32)>> = Vec::new();
    let mut x = 0.0;
    for mark in marks {
        let label = mark.label(tr);
        let entry = LEGEND_SAMPLE + 6.0 + metrics.width(&label, Face::Regular, LEGEND_SIZE);
        if lines.is_empty() || (x > 0.0 && x + entry > width) {
            lines.push(Vec::new());
            x = 0.0;
        }
        if let Some(line) = lines.last_mut() {
            line.push((*mark, label, x));
        }
        x += entry + 18.0;
    }
    lines
}

/// The legend under the chart, from `(left, top)`: a sample of each mark drawn and its name.
pub(super) fn legend(
    s: &mut String,
    lines: &[Vec<(LegendMark, String, f32)>],
    (left, top): (f32, f32),
) {
    for (i, line) in lines.iter().enumerate() {
        let mid = top + LEGEND_LINE * (i as f32 + 0.5);
        for (mark, label, x) in line {
            let x = left + x;
            legend_sample(s, *mark, (x, mid));
            w(
                s,
                format_args!(
                    r##"<text x="{:.1}" y="{:.1}" font-size="{LEGEND_SIZE}" fill="{TEXT}">{}</text>"##,
                    x + LEGEND_SAMPLE + 6.0,
                    mid + LEGEND_SIZE * 0.35,
                    escape(label)
                ),
            );
        }
    }
}

/// The sample of `mark` left of `(x, mid)`, drawn as the chart draws it.
fn legend_sample(s: &mut String, mark: LegendMark, (x, mid): (f32, f32)) {
    let (bar_w, bar_h) = (LEGEND_SAMPLE, 12.0);
    let top = mid - bar_h / 2.0;
    let look = |status, health, due_x| BarLook { status, health, progress_w: bar_w * 0.6, due_x };
    let centre = (x + LEGEND_SAMPLE / 2.0, mid);
    let vertical = |s: &mut String, extra: &str| {
        w(
            s,
            format_args!(
                r##"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" {extra}/>"##,
                centre.0,
                mid - 9.0,
                mid + 9.0
            ),
        );
    };
    match mark {
        LegendMark::Status(status) => {
            bar_marks(s, (x, top), (bar_w, bar_h), look(status, Health::OnTrack, None));
        }
        LegendMark::Overdue => {
            bar_marks(s, (x, top), (bar_w, bar_h), look(Status::InProgress, Health::Overdue, None));
        }
        LegendMark::DueTick => {
            let due = Some(x + bar_w * 0.6);
            bar_marks(s, (x, top), (bar_w, bar_h), look(Status::Done, Health::Done, due));
        }
        LegendMark::Verdict(v) => diamond(s, centre, MarkerKind::Past(v)),
        LegendMark::NextReevaluation => diamond(s, centre, MarkerKind::Next),
        LegendMark::ReevaluationOverdue => diamond(s, centre, MarkerKind::Overdue),
        LegendMark::Baseline => w(
            s,
            format_args!(
                r##"<rect x="{x:.1}" y="{:.1}" width="{bar_w}" height="3" fill="{MUTED}" fill-opacity="0.35" stroke="{MUTED}" stroke-width="1"/>"##,
                mid + 3.0
            ),
        ),
        LegendMark::Dependency | LegendMark::DependencyViolated => arrow_line(
            s,
            &format!("{x:.1},{mid:.1} {:.1},{mid:.1}", x + bar_w),
            mark == LegendMark::DependencyViolated,
        ),
        LegendMark::Today => vertical(s, r##"stroke="#1f5f9e" stroke-width="2""##),
        LegendMark::Adopted => {
            vertical(
                s,
                &format!(r##"stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="4 3""##),
            );
        }
    }
}
