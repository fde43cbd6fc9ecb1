//! The timeline: measures as bars on a calendar axis, grouped into lanes.
//!
//! [`arrange`] groups and orders the measures (cached by the window until the data, the filter or
//! the grouping change); [`layout`] places what is visible in a [`Viewport`] (every frame, and
//! once for a whole-roadmap picture). Coordinates are in points: x from the left edge of the
//! chart, y from the top of the content (before vertical scrolling).

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Filter;
use crate::i18n::I18n;
use crate::model::{Health, Horizon, OwnerId, Roadmap, Status, Verdict, schedule_health};

/// Height of a lane's header band.
pub const LANE_HEADER: f32 = 34.0;
/// Height of one measure's row at normal size.
pub const ROW_HEIGHT: f32 = 30.0;
/// The smallest row height "show all" may use to fit every row.
pub const MIN_ROW_HEIGHT: f32 = 21.0;
/// Height of a bar relative to its row.
pub const BAR_SHARE: f32 = 0.6;
/// Space after each lane.
pub const LANE_GAP: f32 = 10.0;
/// Space between a bar and its label.
pub const LABEL_GAP: f32 = 8.0;
/// Half the width of a re-evaluation diamond.
pub const MARKER_RADIUS: f32 = 7.0;

/// How measures are grouped into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupBy {
    /// Short, medium, long term.
    #[default]
    Horizon,
    /// By owner.
    Owner,
    /// By status.
    Status,
}

impl GroupBy {
    /// Every grouping.
    pub const ALL: [Self; 3] = [Self::Horizon, Self::Owner, Self::Status];

    /// The message key of its name.
    pub const fn label_key(self) -> &'static str {
        match self {
            Self::Horizon => "group-horizon",
            Self::Owner => "group-owner",
            Self::Status => "group-status",
        }
    }
}

/// What a lane stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaneKey {
    /// A horizon.
    Horizon(Horizon),
    /// An owner (`None`: measures without owner).
    Owner(Option<OwnerId>),
    /// A status.
    Status(Status),
}

/// One lane of an [`Arrangement`].
#[derive(Clone, Debug, PartialEq)]
pub struct ArrangedLane {
    /// What it stands for.
    pub key: LaneKey,
    /// Indices into `roadmap.measures`, in display order (by start, then code).
    pub rows: Vec<usize>,
    /// Top of the lane's header, in content coordinates.
    pub top: f32,
    /// Height of each row.
    pub row_height: f32,
}

impl ArrangedLane {
    /// The y of row `i`'s top.
    pub fn row_top(&self, i: usize) -> f32 {
        self.top + LANE_HEADER + self.row_height * i as f32
    }

    /// The lane's height including the gap after it.
    pub fn height(&self) -> f32 {
        LANE_HEADER + self.row_height * self.rows.len() as f32 + LANE_GAP
    }
}

/// The measures grouped into lanes and ordered, independent of zoom and scrolling.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrangement {
    /// The lanes, top to bottom.
    pub lanes: Vec<ArrangedLane>,
    /// For each measure index: (lane, row) if it is shown.
    position: Vec<Option<(usize, usize)>>,
    /// For each measure index: indices into `roadmap.reevaluations`.
    reevaluations: Vec<Vec<usize>>,
    /// The height of all lanes.
    pub height: f32,
    /// Height of each row.
    pub row_height: f32,
    /// Earliest start and latest end, due or next re-evaluation date of the shown measures.
    pub span: Option<(NaiveDate, NaiveDate)>,
}

impl Arrangement {
    /// The same arrangement with rows of `row_height` (lanes moved accordingly).
    #[must_use]
    pub fn with_row_height(mut self, row_height: f32) -> Self {
        self.set_row_height(row_height);
        self
    }

    /// The same arrangement without lanes that have no rows (for pictures of a part of the
    /// roadmap, where an empty horizon would only take room).
    #[must_use]
    pub fn without_empty_lanes(mut self) -> Self {
        self.lanes.retain(|l| !l.rows.is_empty());
        for (lane_index, lane) in self.lanes.iter().enumerate() {
            for (row, &i) in lane.rows.iter().enumerate() {
                self.position[i] = Some((lane_index, row));
            }
        }
        self.set_row_height(self.row_height);
        self
    }

    /// Changes the height of the rows (lanes move accordingly).
    pub fn set_row_height(&mut self, row_height: f32) {
        self.row_height = row_height;
        let mut top = 0.0;
        for lane in &mut self.lanes {
            lane.row_height = row_height;
            lane.top = top;
            top += lane.height();
        }
        self.height = top;
    }

    /// The row height at which every shown row fits into `height` (at least
    /// [`MIN_ROW_HEIGHT`], at most [`ROW_HEIGHT`]).
    pub fn fitting_row_height(&self, height: f32) -> f32 {
        let rows: usize = self.lanes.iter().map(|l| l.rows.len()).sum();
        let fixed = self.lanes.len() as f32 * (LANE_HEADER + LANE_GAP);
        if rows == 0 {
            return ROW_HEIGHT;
        }
        ((height - fixed) / rows as f32).clamp(MIN_ROW_HEIGHT, ROW_HEIGHT).floor()
    }

    /// The span to show for "show all": every shown measure, and today.
    pub fn span_with(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        self.span.map_or((today, today), |(a, b)| (a.min(today), b.max(today)))
    }

    /// The shown measures in display order, top to bottom.
    pub fn order(&self) -> impl Iterator<Item = usize> + '_ {
        self.lanes.iter().flat_map(|l| l.rows.iter().copied())
    }

    /// The top of the row of measure `index`, if it is shown.
    pub fn row_top(&self, index: usize) -> Option<f32> {
        let (lane, row) = self.position.get(index).copied().flatten()?;
        Some(self.lanes[lane].row_top(row))
    }

    /// The measure whose row is at content height `y`.
    pub fn measure_at(&self, y: f32) -> Option<usize> {
        let lane = self.lanes.iter().find(|l| y >= l.top && y < l.top + l.height())?;
        let offset = y - lane.top - LANE_HEADER;
        if offset < 0.0 {
            return None;
        }
        lane.rows.get((offset / lane.row_height) as usize).copied()
    }
}

/// Groups and orders the measures that pass `filter`.
pub fn arrange(
    roadmap: &Roadmap,
    filter: &Filter,
    group_by: GroupBy,
    today: NaiveDate,
) -> Arrangement {
    let mut groups: HashMap<LaneKey, Vec<usize>> = HashMap::new();
    for (i, m) in roadmap.measures.iter().enumerate() {
        if !filter.matches(roadmap, m, today) {
            continue;
        }
        let key = match group_by {
            GroupBy::Horizon => LaneKey::Horizon(m.horizon),
            GroupBy::Owner => LaneKey::Owner(m.owner),
            GroupBy::Status => LaneKey::Status(m.status),
        };
        groups.entry(key).or_default().push(i);
    }
    let keys: Vec<LaneKey> = match group_by {
        GroupBy::Horizon => Horizon::ALL.iter().map(|h| LaneKey::Horizon(*h)).collect(),
        GroupBy::Status => Status::ALL
            .iter()
            .map(|s| LaneKey::Status(*s))
            .filter(|k| groups.contains_key(k))
            .collect(),
        GroupBy::Owner => {
            let mut owners: Vec<LaneKey> = groups.keys().copied().collect();
            owners.sort_by_cached_key(|k| match k {
                LaneKey::Owner(Some(id)) => {
                    (0, roadmap.owner(*id).map(|o| o.name.to_lowercase()).unwrap_or_default())
                }
                _ => (1, String::new()),
            });
            owners
        }
    };
    let mut arrangement = Arrangement {
        position: vec![None; roadmap.measures.len()],
        row_height: ROW_HEIGHT,
        reevaluations: vec![Vec::new(); roadmap.measures.len()],
        ..Arrangement::default()
    };
    let mut top = 0.0;
    for key in keys {
        let mut rows = groups.remove(&key).unwrap_or_default();
        rows.sort_by(|&a, &b| {
            let (a, b) = (&roadmap.measures[a], &roadmap.measures[b]);
            a.start.cmp(&b.start).then_with(|| a.code.cmp(&b.code))
        });
        let lane_index = arrangement.lanes.len();
        for (row, &i) in rows.iter().enumerate() {
            arrangement.position[i] = Some((lane_index, row));
            let m = &roadmap.measures[i];
            let last = m.end().max(m.due).max(m.next_reevaluation.unwrap_or(m.due));
            arrangement.span = Some(match arrangement.span {
                None => (m.start, last),
                Some((a, b)) => (a.min(m.start), b.max(last)),
            });
        }
        let lane = ArrangedLane { key, rows, top, row_height: ROW_HEIGHT };
        top += lane.height();
        arrangement.lanes.push(lane);
    }
    arrangement.height = top;
    let index: HashMap<&str, usize> =
        roadmap.measures.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    for (r, reevaluation) in roadmap.reevaluations.iter().enumerate() {
        if let Some(&i) = index.get(reevaluation.code.as_str()) {
            arrangement.reevaluations[i].push(r);
        }
    }
    arrangement
}

/// The visible window onto the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    /// The date at x = 0.
    pub origin: NaiveDate,
    /// Zoom: points per day.
    pub px_per_day: f32,
    /// Width of the chart.
    pub width: f32,
    /// Content y at the top edge (vertical scroll).
    pub scroll_y: f32,
    /// Height of the visible chart.
    pub height: f32,
}

/// The smallest and largest zoom, in points per day.
pub const ZOOM_RANGE: (f32, f32) = (0.05, 40.0);

impl Viewport {
    /// The x of the start of `date`.
    pub fn x(&self, date: NaiveDate) -> f32 {
        (date - self.origin).num_days() as f32 * self.px_per_day
    }

    /// The date at `x` (rounded down).
    pub fn date_at(&self, x: f32) -> NaiveDate {
        let days = (x / self.px_per_day).floor() as i64;
        self.origin.checked_add_signed(chrono::TimeDelta::days(days)).unwrap_or(self.origin)
    }

    /// A viewport of `width` that shows `span` whole, with a margin on both sides.
    pub fn fit(span: (NaiveDate, NaiveDate), width: f32, height: f32) -> Self {
        let days = ((span.1 - span.0).num_days() + 1).max(30) as f32;
        let margin = days * 0.04 + 10.0;
        let px_per_day = (width / (days + 2.0 * margin)).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let origin = span.0 - chrono::TimeDelta::days(margin as i64);
        Self { origin, px_per_day, width, scroll_y: 0.0, height }
    }

    /// Zooms by `factor` keeping the date under `x` in place.
    #[must_use]
    pub fn zoomed(self, factor: f32, x: f32) -> Self {
        let new_ppd = (self.px_per_day * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let days_at_x = x / self.px_per_day;
        let new_days_at_x = x / new_ppd;
        let shift = (days_at_x - new_days_at_x).round() as i64;
        let origin =
            self.origin.checked_add_signed(chrono::TimeDelta::days(shift)).unwrap_or(self.origin);
        Self { origin, px_per_day: new_ppd, ..self }
    }

    /// Moves by `dx` points to the right (content moves left) and `dy` points down.
    #[must_use]
    pub fn panned(self, dx: f32, dy: f32, content_height: f32) -> Self {
        let days = (dx / self.px_per_day).round() as i64;
        let origin =
            self.origin.checked_add_signed(chrono::TimeDelta::days(days)).unwrap_or(self.origin);
        let max_scroll = (content_height - self.height).max(0.0);
        Self { origin, scroll_y: (self.scroll_y + dy).clamp(0.0, max_scroll), ..self }
    }
}

/// The level of an axis tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TickLevel {
    /// First of a month.
    Month,
    /// First of a quarter.
    Quarter,
    /// First of a year.
    Year,
}

/// A tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where.
    pub x: f32,
    /// How important (line weight).
    pub level: TickLevel,
    /// Its label, if there is room for one.
    pub label: Option<String>,
}

/// A bar from start to end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Left edge (start of the planned start day).
    pub x0: f32,
    /// Right edge (end of the end day).
    pub x1: f32,
    /// Where the progress fill ends.
    pub progress_x: f32,
    /// The planned due date, for done measures that ended on another day.
    pub due_mark_x: Option<f32>,
}

/// One visible measure.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    /// Index into `roadmap.measures`.
    pub measure: usize,
    /// Top of the row (content coordinates).
    pub y: f32,
    /// Height of the row.
    pub height: f32,
    /// The bar.
    pub bar: Bar,
    /// Code and title, for the label on or beside the bar.
    pub label: String,
    /// Status (colour and pattern).
    pub status: Status,
    /// Schedule health (overdue bars are marked).
    pub health: Health,
    /// Room for a label right of the bar before the next re-evaluation diamond
    /// (`f32::INFINITY` if none follows).
    pub label_room: f32,
    /// Room for a label left of the bar after the previous diamond (`f32::INFINITY` if none).
    pub label_room_left: f32,
}

/// A lane's header.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneLayout {
    /// What it stands for.
    pub key: LaneKey,
    /// Its title in the UI language.
    pub title: String,
    /// A summary, e.g. "5 of 8 done".
    pub subtitle: String,
    /// Top of the header (content coordinates).
    pub y: f32,
    /// Height including rows.
    pub height: f32,
}

/// A dependency arrow from the end of a measure to the start of one that depends on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrow {
    /// Start point (end of the predecessor's bar, its row's middle).
    pub from: (f32, f32),
    /// End point (start of the successor's bar, its row's middle).
    pub to: (f32, f32),
    /// The successor starts before the predecessor ends.
    pub violated: bool,
    /// Height of the rows (the path runs along their boundaries).
    pub row_height: f32,
}

/// How far an arrow leaves a bar before it turns.
const ARROW_STUB: f32 = 8.0;

impl Arrow {
    /// The arrow's path as points: out of the predecessor to the right, then to the successor's
    /// row and into its start from the left. When the successor starts too early for that, the
    /// path runs back along the boundary between the rows, never across a bar.
    pub fn path(&self) -> Vec<(f32, f32)> {
        let ((fx, fy), (tx, ty)) = (self.from, self.to);
        if tx - ARROW_STUB >= fx + ARROW_STUB {
            let mx = tx - ARROW_STUB;
            vec![(fx, fy), (mx, fy), (mx, ty), (tx, ty)]
        } else {
            let half = self.row_height / 2.0;
            let gap_y = if ty >= fy { ty - half } else { ty + half };
            let (out_x, in_x) = (fx + ARROW_STUB, tx - ARROW_STUB);
            vec![(fx, fy), (out_x, fy), (out_x, gap_y), (in_x, gap_y), (in_x, ty), (tx, ty)]
        }
    }
}

/// What a re-evaluation diamond means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// A re-evaluation held, with its verdict.
    Past(Verdict),
    /// The next re-evaluation, still ahead.
    Next,
    /// The next re-evaluation, whose date has passed.
    Overdue,
}

/// A re-evaluation diamond.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    /// Centre x.
    pub x: f32,
    /// Centre y (content coordinates).
    pub y: f32,
    /// Its meaning.
    pub kind: MarkerKind,
    /// Index into `roadmap.measures`.
    pub measure: usize,
    /// The day it marks (for its tooltip).
    pub date: NaiveDate,
}

impl RowLayout {
    /// Height of the bar in this row.
    pub fn bar_height(&self) -> f32 {
        (self.height * BAR_SHARE).round()
    }
}

/// Everything to draw for one viewport.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    /// Lanes that are at least partly visible.
    pub lanes: Vec<LaneLayout>,
    /// Rows that are at least partly visible.
    pub rows: Vec<RowLayout>,
    /// Axis ticks within the width.
    pub ticks: Vec<Tick>,
    /// The "today" line.
    pub today_x: f32,
    /// The roadmap's adoption date.
    pub adopted_x: Option<f32>,
    /// Dependency arrows crossing the visible area (if wanted).
    pub arrows: Vec<Arrow>,
    /// Re-evaluation diamonds of the visible rows.
    pub markers: Vec<Marker>,
    /// Height of all content.
    pub content_height: f32,
}

/// Places what is visible of `arrangement` in `viewport`.
pub fn layout(
    roadmap: &Roadmap,
    arrangement: &Arrangement,
    viewport: &Viewport,
    today: NaiveDate,
    with_arrows: bool,
    tr: &I18n,
) -> TimelineLayout {
    let (top, bottom) = (viewport.scroll_y, viewport.scroll_y + viewport.height);
    let mut out = TimelineLayout {
        ticks: ticks(viewport, tr),
        today_x: viewport.x(today),
        adopted_x: roadmap.info.adopted.map(|d| viewport.x(d)),
        content_height: arrangement.height,
        ..TimelineLayout::default()
    };
    for lane in &arrangement.lanes {
        let height = lane.height();
        if lane.top + height < top || lane.top > bottom {
            continue;
        }
        out.lanes.push(lane_layout(roadmap, lane, today, tr));
        // Only the rows inside the viewport are laid out.
        let row_height = lane.row_height;
        let first = ((top - lane.top - LANE_HEADER) / row_height).floor().max(0.0) as usize;
        let last = (((bottom - lane.top - LANE_HEADER) / row_height).ceil().max(0.0) as usize)
            .min(lane.rows.len());
        for row in first..last {
            let index = lane.rows[row];
            let m = &roadmap.measures[index];
            let y = lane.row_top(row);
            let (x0, x1) = (viewport.x(m.start), viewport.x(m.end()) + viewport.px_per_day);
            let due_mark_x = (m.status == Status::Done && m.end() != m.due)
                .then(|| viewport.x(m.due) + viewport.px_per_day);
            out.rows.push(RowLayout {
                measure: index,
                y,
                height: row_height,
                bar: Bar {
                    x0,
                    x1,
                    progress_x: x0 + (x1 - x0) * f32::from(m.progress.min(100)) / 100.0,
                    due_mark_x,
                },
                label: format!("{}  {}", m.code, m.title),
                status: m.status,
                health: schedule_health(m, today),
                label_room: f32::INFINITY,
                label_room_left: f32::INFINITY,
            });
            let first_marker = out.markers.len();
            let mid = y + row_height / 2.0;
            for &r in &arrangement.reevaluations[index] {
                let reevaluation = &roadmap.reevaluations[r];
                out.markers.push(Marker {
                    x: viewport.x(reevaluation.date),
                    y: mid,
                    kind: MarkerKind::Past(reevaluation.verdict),
                    measure: index,
                    date: reevaluation.date,
                });
            }
            if let Some(next) = m.next_reevaluation.filter(|_| m.status != Status::Cancelled) {
                let kind = if next < today { MarkerKind::Overdue } else { MarkerKind::Next };
                out.markers.push(Marker {
                    x: viewport.x(next),
                    y: mid,
                    kind,
                    measure: index,
                    date: next,
                });
            }
            if let Some(row) = out.rows.last_mut() {
                let label_x = row.bar.x1 + LABEL_GAP;
                row.label_room = out.markers[first_marker..]
                    .iter()
                    .map(|marker| marker.x - MARKER_RADIUS - LABEL_GAP - label_x)
                    .filter(|room| *room > -MARKER_RADIUS - LABEL_GAP)
                    .fold(f32::INFINITY, f32::min)
                    .max(0.0);
                let label_end = row.bar.x0 - LABEL_GAP;
                row.label_room_left = out.markers[first_marker..]
                    .iter()
                    .map(|marker| label_end - (marker.x + MARKER_RADIUS + LABEL_GAP))
                    .filter(|room| *room > -MARKER_RADIUS - LABEL_GAP)
                    .fold(f32::INFINITY, f32::min)
                    .max(0.0);
            }
        }
    }
    if with_arrows {
        out.arrows = arrows(roadmap, arrangement, viewport, top, bottom);
    }
    out
}

/// The title of a lane in the UI language.
pub fn lane_title(roadmap: &Roadmap, key: LaneKey, tr: &I18n) -> String {
    match key {
        LaneKey::Horizon(h) => tr.t(&format!("horizon-{h}-long")),
        LaneKey::Owner(Some(id)) => {
            roadmap.owner(id).map_or_else(|| tr.t("no-owner"), |o| o.name.clone())
        }
        LaneKey::Owner(None) => tr.t("no-owner"),
        LaneKey::Status(s) => tr.t(&format!("status-{s}")),
    }
}

fn lane_layout(roadmap: &Roadmap, lane: &ArrangedLane, today: NaiveDate, tr: &I18n) -> LaneLayout {
    let title = lane_title(roadmap, lane.key, tr);
    let done = lane.rows.iter().filter(|&&i| roadmap.measures[i].status == Status::Done).count();
    let overdue = lane
        .rows
        .iter()
        .filter(|&&i| schedule_health(&roadmap.measures[i], today) == Health::Overdue)
        .count();
    let mut subtitle = tr.f("lane-done", &[("done", &done), ("total", &lane.rows.len())]);
    if overdue > 0 {
        subtitle.push_str(" · ");
        subtitle.push_str(&tr.f("lane-overdue", &[("n", &overdue)]));
    }
    LaneLayout { key: lane.key, title, subtitle, y: lane.top, height: lane.height() }
}

fn arrows(
    roadmap: &Roadmap,
    arrangement: &Arrangement,
    viewport: &Viewport,
    top: f32,
    bottom: f32,
) -> Vec<Arrow> {
    let index: HashMap<&str, usize> =
        arrangement.order().map(|i| (roadmap.measures[i].code.as_str(), i)).collect();
    let mut arrows = Vec::new();
    for successor in arrangement.order() {
        let m = &roadmap.measures[successor];
        let Some(to_y) = arrangement.row_top(successor) else { continue };
        for dep in &m.depends_on {
            let Some(&predecessor) = index.get(dep.as_str()) else { continue };
            let Some(from_y) = arrangement.row_top(predecessor) else { continue };
            let row_height = arrangement.row_height;
            if from_y.max(to_y) + row_height < top || from_y.min(to_y) > bottom {
                continue;
            }
            let p = &roadmap.measures[predecessor];
            arrows.push(Arrow {
                from: (viewport.x(p.end()) + viewport.px_per_day, from_y + row_height / 2.0),
                to: (viewport.x(m.start), to_y + row_height / 2.0),
                row_height,
                violated: m.start <= p.end(),
            });
        }
    }
    arrows
}

/// Axis ticks for the visible dates; finer levels and labels only where there is room.
pub fn ticks(viewport: &Viewport, tr: &I18n) -> Vec<Tick> {
    let px_per_month = viewport.px_per_day * 30.44;
    let months_shown = px_per_month >= 20.0;
    let month_labels = px_per_month >= 44.0;
    let quarters_shown = px_per_month * 3.0 >= 14.0;
    let quarter_labels = !month_labels && px_per_month * 3.0 >= 40.0;
    let year_step = if px_per_month * 12.0 >= 48.0 {
        1
    } else {
        ((48.0 / (px_per_month * 12.0)).ceil() as i32).max(1)
    };
    let first = viewport.date_at(0.0);
    let last = viewport.date_at(viewport.width);
    let mut month = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    let mut ticks = Vec::new();
    while month <= last {
        let x = viewport.x(month);
        let m = month.month();
        let level = match m {
            1 => Some(TickLevel::Year),
            4 | 7 | 10 if quarters_shown => Some(TickLevel::Quarter),
            _ if months_shown => Some(TickLevel::Month),
            _ => None,
        };
        if let Some(level) = level.filter(|_| x >= 0.0) {
            let label = match level {
                TickLevel::Year => {
                    (month.year() % year_step == 0).then(|| month.year().to_string())
                }
                TickLevel::Quarter if quarter_labels => Some(format!("Q{}", (m - 1) / 3 + 1)),
                TickLevel::Quarter | TickLevel::Month if month_labels => {
                    Some(tr.month_short(m).to_owned())
                }
                _ => None,
            };
            ticks.push(Tick { x, level, label });
        }
        month = month.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
    }
    ticks
}

#[cfg(test)]
mod tests;
