//! The slides of the council presentation, generated from the data.

use serde::{Deserialize, Serialize};

use crate::model::{Horizon, Roadmap};

/// A kind of slide the presenter can switch on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SlideKind {
    /// Town, roadmap, date.
    Title,
    /// The whole timeline.
    Timeline,
    /// One slide (or more) per horizon.
    Horizons,
    /// Planned against spent.
    Money,
    /// Re-evaluations due, overdue, recent verdicts.
    Reevaluations,
    /// What changed since the last meeting.
    Changes,
    /// What moved since the plan was approved (only when a baseline exists).
    Baseline,
}

impl SlideKind {
    /// Every kind, in presentation order.
    pub const ALL: [Self; 7] = [
        Self::Title,
        Self::Timeline,
        Self::Horizons,
        Self::Money,
        Self::Reevaluations,
        Self::Changes,
        Self::Baseline,
    ];

    /// The message key of its name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Title => "slide-title",
            Self::Timeline => "slide-timeline",
            Self::Horizons => "slide-horizons",
            Self::Money => "slide-money",
            Self::Reevaluations => "slide-reevaluations",
            Self::Changes => "slide-changes",
            Self::Baseline => "slide-baseline",
        }
    }
}

/// One slide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// Town, roadmap, date.
    Title,
    /// The whole timeline.
    Timeline,
    /// Measures of one horizon; long lists are split over pages rather than shrunk.
    Horizon {
        /// Which horizon.
        horizon: Horizon,
        /// Indices into `roadmap.measures` on this page.
        measures: Vec<usize>,
        /// This page (1-based).
        page: usize,
        /// Pages of this horizon.
        pages: usize,
    },
    /// Planned against spent.
    Money,
    /// Re-evaluations.
    Reevaluations,
    /// Changes since the last meeting.
    Changes,
    /// Deviations from the latest baseline.
    Baseline,
}

/// The slides for the enabled kinds, with at most `rows_per_page` measures on a horizon slide.
pub fn slides(roadmap: &Roadmap, enabled: &[SlideKind], rows_per_page: usize) -> Vec<Slide> {
    let rows = rows_per_page.max(1);
    let mut slides = Vec::new();
    for kind in SlideKind::ALL.iter().filter(|k| enabled.contains(k)) {
        match kind {
            SlideKind::Title => slides.push(Slide::Title),
            SlideKind::Timeline => slides.push(Slide::Timeline),
            SlideKind::Horizons => {
                for horizon in Horizon::ALL {
                    let measures: Vec<usize> = (0..roadmap.measures.len())
                        .filter(|&i| {
                            roadmap.measures[i].horizon == *horizon && !roadmap.measures[i].archived
                        })
                        .collect();
                    let pages = measures.len().div_ceil(rows).max(1);
                    for (page, chunk) in measures.chunks(rows).enumerate() {
                        slides.push(Slide::Horizon {
                            horizon: *horizon,
                            measures: chunk.to_vec(),
                            page: page + 1,
                            pages,
                        });
                    }
                    if measures.is_empty() {
                        slides.push(Slide::Horizon {
                            horizon: *horizon,
                            measures: Vec::new(),
                            page: 1,
                            pages: 1,
                        });
                    }
                }
            }
            SlideKind::Money => slides.push(Slide::Money),
            SlideKind::Reevaluations => slides.push(Slide::Reevaluations),
            SlideKind::Changes => slides.push(Slide::Changes),
            // Without an approved plan there is nothing to compare with.
            SlideKind::Baseline if roadmap.latest_baseline().is_some() => {
                slides.push(Slide::Baseline);
            }
            SlideKind::Baseline => {}
        }
    }
    slides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;

    fn roadmap(short: usize) -> Roadmap {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut measures: Vec<Measure> =
            (0..short).map(|i| Measure::new(format!("S{i:02}"), "t", d, d)).collect();
        let mut long = Measure::new("L01", "t", d, d);
        long.horizon = Horizon::Long;
        measures.push(long);
        Roadmap { measures, ..Roadmap::default() }
    }

    #[test]
    fn long_horizons_are_split_over_pages() {
        let r = roadmap(12);
        let s = slides(&r, &SlideKind::ALL, 5);
        let horizon_pages: Vec<(Horizon, usize, usize, usize)> = s
            .iter()
            .filter_map(|s| match s {
                Slide::Horizon { horizon, measures, page, pages } => {
                    Some((*horizon, measures.len(), *page, *pages))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            horizon_pages,
            [
                (Horizon::Short, 5, 1, 3),
                (Horizon::Short, 5, 2, 3),
                (Horizon::Short, 2, 3, 3),
                (Horizon::Medium, 0, 1, 1),
                (Horizon::Long, 1, 1, 1),
            ]
        );
        assert_eq!(s.first(), Some(&Slide::Title));
        assert_eq!(s.last(), Some(&Slide::Changes));
        assert_eq!(s.len(), 2 + 5 + 3);
    }

    #[test]
    fn only_the_chosen_kinds_appear_in_order() {
        let s = slides(&roadmap(3), &[SlideKind::Changes, SlideKind::Money], 10);
        assert_eq!(s, [Slide::Money, Slide::Changes]);
    }

    #[test]
    fn the_baseline_slide_comes_only_with_a_baseline() {
        let mut r = roadmap(3);
        assert!(!slides(&r, &SlideKind::ALL, 5).contains(&Slide::Baseline));
        r.baselines.push(crate::model::Baseline::of(
            &r,
            "Gemeinderat",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
        ));
        let deck = slides(&r, &SlideKind::ALL, 5);
        assert_eq!(deck.last(), Some(&Slide::Baseline));
        assert!(!slides(&r, &[SlideKind::Title], 5).contains(&Slide::Baseline));
    }
}
