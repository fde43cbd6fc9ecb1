//! The slides of the council presentation, generated from the data.

use serde::{Deserialize, Serialize};

use crate::model::{Horizon, Roadmap, Status};

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
    /// The assessment's fulfilment degree, first against latest round (only with rounds).
    Effect,
}

impl SlideKind {
    /// Every kind, in presentation order.
    pub const ALL: [Self; 8] = [
        Self::Title,
        Self::Timeline,
        Self::Horizons,
        Self::Money,
        Self::Reevaluations,
        Self::Effect,
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
            Self::Effect => "slide-effect",
        }
    }
}

/// One slide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// Town, roadmap, date.
    Title,
    /// The timeline of one horizon's measures, their titles beside the bars (all on one shared
    /// time axis); long lists are split over pages rather than shrunk.
    Timeline {
        /// Which horizon.
        horizon: Horizon,
        /// Indices into `roadmap.measures` on this page.
        measures: Vec<usize>,
        /// This page (1-based).
        page: usize,
        /// Pages of this horizon.
        pages: usize,
    },
    /// The measures of one horizon still to be done (or cancelled); long lists are split over
    /// pages rather than shrunk.
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
    /// The done measures of one horizon, in one short list (a slide that would only list done
    /// measures with their 100 % is not worth the council's time).
    Done {
        /// Which horizon.
        horizon: Horizon,
        /// Indices into `roadmap.measures` on this page.
        measures: Vec<usize>,
        /// This page (1-based).
        page: usize,
        /// Pages of this horizon's done measures.
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
    /// The fulfilment degree of one catalogue per group, first against latest round.
    Effect {
        /// The catalogue's name.
        catalog: String,
        /// Indices of its groups on this page.
        groups: Vec<usize>,
        /// This page (1-based).
        page: usize,
        /// Pages of this catalogue.
        pages: usize,
    },
}

/// How much room a slide has and how high each measure's row is there, in any one unit.
pub struct Fit<'a> {
    /// Room for rows on a horizon slide.
    pub budget: f32,
    /// Height of a measure's row on a horizon slide (title and owner; status and progress).
    pub row: &'a dyn Fn(usize) -> f32,
    /// Room for rows on a timeline slide.
    pub timeline_budget: f32,
    /// Height of a measure's row on a timeline slide (its title beside the bar).
    pub timeline_row: &'a dyn Fn(usize) -> f32,
    /// Room for rows on a summary slide of done measures.
    pub done_budget: f32,
    /// Height of a done measure's row there.
    pub done_row: &'a dyn Fn(usize) -> f32,
    /// Groups that fit on a "Wirkung" slide.
    pub effect_groups: usize,
}

/// The slides for the enabled kinds, with at most `rows_per_page` measures on a slide.
pub fn slides(roadmap: &Roadmap, enabled: &[SlideKind], rows_per_page: usize) -> Vec<Slide> {
    #[allow(clippy::cast_precision_loss)]
    let budget = rows_per_page.max(1) as f32;
    let one = |_| 1.0;
    let fit = Fit {
        budget,
        row: &one,
        timeline_budget: budget,
        timeline_row: &one,
        done_budget: budget,
        done_row: &one,
        effect_groups: rows_per_page.max(1),
    };
    slides_fitted(roadmap, enabled, &fit)
}

/// A horizon's measures shown in the presentation (archived ones are out of the plan).
fn of_horizon(roadmap: &Roadmap, horizon: Horizon) -> Vec<usize> {
    (0..roadmap.measures.len())
        .filter(|&i| roadmap.measures[i].horizon == horizon && !roadmap.measures[i].archived)
        .collect()
}

/// Splits a horizon's measures into as few pages as their heights allow, and spreads them
/// evenly over those pages (8 rows on 3 pages: 3, 3, 2, not 4, 3, 1).
fn pages(measures: &[usize], budget: f32, height: &dyn Fn(usize) -> f32) -> Vec<Vec<usize>> {
    let fewest = fill(measures, budget, height).len();
    // The smallest budget that still needs no more pages: found by halving the interval.
    let (mut low, mut high) = (measures.iter().map(|&i| height(i)).fold(0.0, f32::max), budget);
    if low >= high {
        return fill(measures, budget, height);
    }
    for _ in 0..24 {
        let mid = (low + high) / 2.0;
        if fill(measures, mid, height).len() <= fewest {
            high = mid;
        } else {
            low = mid;
        }
    }
    fill(measures, high, height)
}

/// One slide per page of `chunks`, made by `slide` from the page's measures, its number (from
/// 1) and the number of pages.
fn paged(
    chunks: Vec<Vec<usize>>,
    slide: impl Fn(Vec<usize>, usize, usize) -> Slide,
) -> impl Iterator<Item = Slide> {
    let pages = chunks.len();
    chunks.into_iter().enumerate().map(move |(i, measures)| slide(measures, i + 1, pages))
}

/// Fills pages in order: each takes measures while their heights (`height` of a measure's
/// index) add up to no more than `budget`, and at least one.
fn fill(measures: &[usize], budget: f32, height: &dyn Fn(usize) -> f32) -> Vec<Vec<usize>> {
    let mut pages: Vec<Vec<usize>> = Vec::new();
    let mut used = f32::INFINITY;
    for &i in measures {
        let h = height(i);
        if used + h > budget + 1e-3 {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += h;
        if let Some(page) = pages.last_mut() {
            page.push(i);
        }
    }
    pages
}

/// The slides for the enabled kinds; a horizon's measures are spread over as many slides as
/// their rows need, each row as high as `fit` says (a title on two lines takes more room than
/// one on a single line). Per horizon: its timeline, then the measures still to be done, then
/// one summary of the done ones.
pub fn slides_fitted(roadmap: &Roadmap, enabled: &[SlideKind], fit: &Fit<'_>) -> Vec<Slide> {
    let mut slides = Vec::new();
    for kind in SlideKind::ALL.iter().filter(|k| enabled.contains(k)) {
        match kind {
            SlideKind::Title => slides.push(Slide::Title),
            SlideKind::Timeline => {
                for horizon in Horizon::ALL {
                    let measures = of_horizon(roadmap, *horizon);
                    let chunks = pages(&measures, fit.timeline_budget, fit.timeline_row);
                    slides.extend(paged(chunks, |measures, page, pages| Slide::Timeline {
                        horizon: *horizon,
                        measures,
                        page,
                        pages,
                    }));
                }
            }
            SlideKind::Horizons => {
                for horizon in Horizon::ALL {
                    let all = of_horizon(roadmap, *horizon);
                    let (done, open): (Vec<usize>, Vec<usize>) =
                        all.iter().partition(|&&i| roadmap.measures[i].status == Status::Done);
                    let chunks = pages(&open, fit.budget, fit.row);
                    slides.extend(paged(chunks, |measures, page, pages| Slide::Horizon {
                        horizon: *horizon,
                        measures,
                        page,
                        pages,
                    }));
                    let chunks = pages(&done, fit.done_budget, fit.done_row);
                    slides.extend(paged(chunks, |measures, page, pages| Slide::Done {
                        horizon: *horizon,
                        measures,
                        page,
                        pages,
                    }));
                    if all.is_empty() {
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
            SlideKind::Effect => {
                let a = &roadmap.assessment;
                // Every catalogue some round covers, in its own first and latest round.
                for c in a.catalogs.iter().filter(|c| !a.rounds_of(&c.name).is_empty()) {
                    let name = &c.name;
                    let groups: Vec<usize> = (0..c.groups().len()).collect();
                    #[allow(clippy::cast_precision_loss)]
                    let chunks = pages(&groups, fit.effect_groups.max(1) as f32, &|_| 1.0);
                    slides.extend(paged(chunks, |groups, page, pages| Slide::Effect {
                        catalog: name.clone(),
                        groups,
                        page,
                        pages,
                    }));
                }
            }
        }
    }
    slides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;

    #[test]
    fn pages_follow_the_height_of_each_row() {
        let r = roadmap(6);
        // Rows of 1 or 2 (titles on one or two lines) in a budget of 4: three pages are needed
        // (1+2+1 | 2+1 | 2), and the rows are spread over them evenly.
        let tall = |i: usize| if i % 2 == 1 { 2.0 } else { 1.0 };
        let s = slides_fitted(&r, &[SlideKind::Horizons], &fit(4.0, &tall));
        let short: Vec<&Vec<usize>> = s
            .iter()
            .filter_map(|s| match s {
                Slide::Horizon { horizon: Horizon::Short, measures, .. } => Some(measures),
                _ => None,
            })
            .collect();
        assert_eq!(short, [&vec![0, 1], &vec![2, 3], &vec![4, 5]]);
        // Nine rows of one on pages of four: 3, 3, 3 (not 4, 4, 1).
        let r8 = roadmap(9);
        let s = slides_fitted(&r8, &[SlideKind::Horizons], &fit(4.0, &|_| 1.0));
        let sizes: Vec<usize> = s
            .iter()
            .filter_map(|s| match s {
                Slide::Horizon { horizon: Horizon::Short, measures, .. } => Some(measures.len()),
                _ => None,
            })
            .collect();
        assert_eq!(sizes, [3, 3, 3]);
        // Single-line rows all fit on fewer slides than if every row took two lines.
        let one = slides_fitted(&r, &[SlideKind::Horizons], &fit(4.0, &|_| 1.0));
        let two = slides_fitted(&r, &[SlideKind::Horizons], &fit(4.0, &|_| 2.0));
        assert!(one.len() < two.len(), "{} < {}", one.len(), two.len());
        // A row taller than a whole slide still gets a slide of its own.
        let huge = slides_fitted(&r, &[SlideKind::Horizons], &fit(4.0, &|_| 9.0));
        assert!(
            huge.iter()
                .all(|s| !matches!(s, Slide::Horizon { measures, .. } if measures.len() > 1))
        );
        assert!(matches!(huge[0], Slide::Horizon { page: 1, pages: 6, .. }));
    }

    fn fit<'a>(budget: f32, row: &'a dyn Fn(usize) -> f32) -> Fit<'a> {
        Fit {
            budget,
            row,
            timeline_budget: budget,
            timeline_row: row,
            done_budget: budget,
            done_row: row,
            effect_groups: 4,
        }
    }

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
    fn long_horizons_are_split_over_pages_evenly() {
        // Twelve measures at most five a page: three pages of four, not 5, 5, 2.
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
                (Horizon::Short, 4, 1, 3),
                (Horizon::Short, 4, 2, 3),
                (Horizon::Short, 4, 3, 3),
                (Horizon::Medium, 0, 1, 1),
                (Horizon::Long, 1, 1, 1),
            ]
        );
        assert_eq!(s.first(), Some(&Slide::Title));
        assert_eq!(s.last(), Some(&Slide::Changes));
        // Timelines per horizon (three pages of the short term, one of the long term; none for
        // an empty horizon), five horizon slides, money, re-evaluations, changes.
        let timelines: Vec<(Horizon, usize, usize)> = s
            .iter()
            .filter_map(|s| match s {
                Slide::Timeline { horizon, measures, pages, .. } => {
                    Some((*horizon, measures.len(), *pages))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            timelines,
            [
                (Horizon::Short, 4, 3),
                (Horizon::Short, 4, 3),
                (Horizon::Short, 4, 3),
                (Horizon::Long, 1, 1)
            ]
        );
        assert_eq!(s.len(), 1 + 4 + 5 + 3);
    }

    #[test]
    fn done_measures_get_one_summary_slide_not_pages_of_100_percent() {
        let mut r = roadmap(6);
        for m in &mut r.measures[..4] {
            m.status = Status::Done;
        }
        let s = slides(&r, &[SlideKind::Horizons], 5);
        assert_eq!(
            s,
            [
                Slide::Horizon { horizon: Horizon::Short, measures: vec![4, 5], page: 1, pages: 1 },
                Slide::Done {
                    horizon: Horizon::Short,
                    measures: vec![0, 1, 2, 3],
                    page: 1,
                    pages: 1
                },
                Slide::Horizon { horizon: Horizon::Medium, measures: vec![], page: 1, pages: 1 },
                Slide::Horizon { horizon: Horizon::Long, measures: vec![6], page: 1, pages: 1 },
            ]
        );
        // A horizon that is all done has only its summary.
        for m in &mut r.measures[..6] {
            m.status = Status::Done;
        }
        let s = slides(&r, &[SlideKind::Horizons], 10);
        assert_eq!(
            s[0],
            Slide::Done { horizon: Horizon::Short, measures: (0..6).collect(), page: 1, pages: 1 }
        );
        assert!(!s.iter().any(|s| matches!(s, Slide::Horizon { horizon: Horizon::Short, .. })));
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
