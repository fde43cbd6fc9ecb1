//! The legend of a timeline picture: which kinds of mark it draws, in one fixed order, and their
//! names. The window, the council's slide, the PDF and the HTML picture all explain their marks
//! from here, so a mark means the same everywhere and only marks that are drawn get an entry.

use super::timeline::{MarkerKind, TimelineLayout};
use crate::i18n::I18n;
use crate::model::{Health, Status, Verdict};

/// A kind of mark a timeline draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LegendMark {
    /// A bar in the colour and pattern of its status (in progress: filled up to the progress).
    Status(Status),
    /// A bar outlined in red with a warning triangle: overdue.
    Overdue,
    /// The tick on a done bar: the planned due date, where the work ended on another day.
    DueTick,
    /// A filled diamond: a re-evaluation held, in its verdict's colour.
    Verdict(Verdict),
    /// A hollow diamond: the next re-evaluation.
    NextReevaluation,
    /// A large red hollow diamond: a re-evaluation whose date has passed.
    ReevaluationOverdue,
    /// A thin grey bar under a row: the dates of the baseline (Beschlussstand).
    Baseline,
    /// A grey arrow: a dependency (from the end of one measure to the start of another).
    Dependency,
    /// A thick orange arrow: a dependency violated (the successor starts before its
    /// predecessor ends).
    DependencyViolated,
    /// The vertical line in the accent colour: today.
    Today,
    /// The dashed line: the day the council adopted the roadmap.
    Adopted,
}

impl LegendMark {
    /// The entry's name in the language of `tr`.
    pub fn label(self, tr: &I18n) -> String {
        match self {
            Self::Status(s) => tr.t(&format!("legend-status-{}", s.as_str())),
            Self::Overdue => tr.t("legend-overdue"),
            Self::DueTick => tr.t("legend-due-tick"),
            Self::Verdict(v) => {
                tr.f("legend-verdict", &[("verdict", &tr.t(&format!("verdict-{}", v.as_str())))])
            }
            Self::NextReevaluation => tr.t("legend-next-reevaluation"),
            Self::ReevaluationOverdue => tr.t("legend-reevaluation-overdue"),
            Self::Baseline => tr.t("legend-baseline"),
            Self::Dependency => tr.t("legend-dependency"),
            Self::DependencyViolated => tr.t("legend-dependency-violated"),
            Self::Today => tr.t("label-today"),
            Self::Adopted => tr.t("legend-adopted"),
        }
    }

    /// The short name used where room is scarce (the council's slide): the status word alone.
    pub fn short_label(self, tr: &I18n) -> String {
        match self {
            Self::Status(s) => tr.t(&format!("status-{}", s.as_str())),
            Self::Overdue => tr.t("health-overdue"),
            Self::Verdict(v) => tr.t(&format!("verdict-{}", v.as_str())),
            Self::DueTick => tr.t("legend-due-tick-short"),
            other => other.label(tr),
        }
    }
}

/// What the picture draws besides the layout's bars and markers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    /// Re-evaluation diamonds are drawn.
    pub markers: bool,
    /// The baseline's ghost bars are drawn (and at least one row has one).
    pub baseline: bool,
    /// The adoption date's dashed line is drawn.
    pub adopted: bool,
}

/// The marks `laid` draws within `width` (the chart's width), in the legend's order: statuses,
/// overdue, the due tick, verdicts, next and overdue re-evaluations, baseline, dependencies,
/// today, adoption.
pub fn legend_marks(laid: &TimelineLayout, width: f32, drawn: Drawn) -> Vec<LegendMark> {
    let mut out = Vec::new();
    for status in Status::ALL {
        if laid.rows.iter().any(|r| r.status == *status) {
            out.push(LegendMark::Status(*status));
        }
    }
    if laid.rows.iter().any(|r| r.health == Health::Overdue) {
        out.push(LegendMark::Overdue);
    }
    if laid.rows.iter().any(|r| r.bar.due_mark_x.is_some()) {
        out.push(LegendMark::DueTick);
    }
    if drawn.markers {
        for verdict in [Verdict::Effective, Verdict::Partly, Verdict::NotEffective] {
            if laid.markers.iter().any(|m| m.kind == MarkerKind::Past(verdict)) {
                out.push(LegendMark::Verdict(verdict));
            }
        }
        if laid.markers.iter().any(|m| m.kind == MarkerKind::Next) {
            out.push(LegendMark::NextReevaluation);
        }
        if laid.markers.iter().any(|m| m.kind == MarkerKind::Overdue) {
            out.push(LegendMark::ReevaluationOverdue);
        }
    }
    if drawn.baseline {
        out.push(LegendMark::Baseline);
    }
    if laid.arrows.iter().any(|a| !a.violated) {
        out.push(LegendMark::Dependency);
    }
    if laid.arrows.iter().any(|a| a.violated) {
        out.push(LegendMark::DependencyViolated);
    }
    let within = |x: f32| (0.0..=width).contains(&x);
    if within(laid.today_x) {
        out.push(LegendMark::Today);
    }
    if drawn.adopted && laid.adopted_x.is_some_and(within) {
        out.push(LegendMark::Adopted);
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::i18n::Lang;
    use crate::layout::Filter;
    use crate::layout::timeline::{GroupBy, Viewport, arrange, layout};
    use crate::model::{Measure, Reevaluation, Roadmap};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn laid(roadmap: &Roadmap, today: NaiveDate, arrows: bool) -> TimelineLayout {
        let tr = I18n::new(Lang::De);
        let arrangement = arrange(roadmap, &Filter::default(), GroupBy::Horizon, today);
        let viewport = Viewport::fit(arrangement.span_with(today), 1000.0, 600.0);
        layout(roadmap, &arrangement, &viewport, today, arrows, &tr)
    }

    #[test]
    fn only_the_marks_drawn_get_an_entry() {
        let today = date(2026, 12, 6);
        let mut a = Measure::new("M01", "a", date(2026, 1, 1), date(2026, 6, 30));
        a.status = Status::Done;
        a.completed = Some(date(2026, 8, 31));
        let mut b = Measure::new("M02", "b", date(2026, 3, 1), date(2026, 11, 30));
        b.status = Status::InProgress;
        b.depends_on = vec!["M01".into()];
        b.next_reevaluation = Some(date(2027, 3, 1));
        let roadmap = Roadmap {
            measures: vec![a, b],
            reevaluations: vec![Reevaluation {
                id: 1,
                code: "M01".into(),
                date: date(2026, 9, 15),
                verdict: Verdict::Partly,
                note: String::new(),
                by: "it".into(),
                confirmed_by: None,
                confirmed_at: None,
                imported: false,
            }],
            ..Roadmap::default()
        };
        let drawn = Drawn { markers: true, ..Drawn::default() };
        let marks = legend_marks(&laid(&roadmap, today, true), 1000.0, drawn);
        assert_eq!(
            marks,
            [
                LegendMark::Status(Status::InProgress),
                LegendMark::Status(Status::Done),
                LegendMark::Overdue,
                LegendMark::DueTick,
                LegendMark::Verdict(Verdict::Partly),
                LegendMark::NextReevaluation,
                LegendMark::DependencyViolated,
                LegendMark::Today,
            ]
        );
        // Without arrows, markers and with today outside the picture: none of these.
        let marks = legend_marks(&laid(&roadmap, today, false), 1000.0, Drawn::default());
        assert!(!marks.iter().any(|m| matches!(
            m,
            LegendMark::DependencyViolated | LegendMark::Verdict(_) | LegendMark::NextReevaluation
        )));
        let mut shifted = laid(&roadmap, today, false);
        shifted.today_x = 1200.0;
        assert!(!legend_marks(&shifted, 1000.0, Drawn::default()).contains(&LegendMark::Today));
        // Every entry has a name in both languages.
        for lang in [Lang::De, Lang::En] {
            let tr = I18n::new(lang);
            for mark in legend_marks(&laid(&roadmap, today, true), 1000.0, drawn) {
                let label = mark.label(&tr);
                assert!(!label.is_empty() && !label.starts_with("legend-"), "{mark:?}: {label}");
            }
        }
    }
}
