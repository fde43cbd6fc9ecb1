//! The filter shared by the table and the timeline.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    FrameworkRef, Health, Horizon, Measure, OwnerId, Roadmap, Status, schedule_health,
};

/// Which measures to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Text contained in the code, title or owner's name (case-insensitive).
    pub text: String,
    /// Only this owner.
    pub owner: Option<OwnerId>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this horizon.
    pub horizon: Option<Horizon>,
    /// Only overdue measures.
    pub overdue_only: bool,
    /// Also archived measures (hidden by default).
    pub show_archived: bool,
    /// Only measures with this framework reference (ITIL practice, VdS 3473 chapter, BSI
    /// module).
    pub framework: Option<FrameworkRef>,
}

impl Filter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.owner.is_none()
            && self.status.is_none()
            && self.horizon.is_none()
            && !self.overdue_only
            && !self.show_archived
            && self.framework.is_none()
    }

    /// Whether `measure` passes the filter on `today`.
    pub fn matches(&self, roadmap: &Roadmap, measure: &Measure, today: NaiveDate) -> bool {
        if measure.archived && !self.show_archived {
            return false;
        }
        if self.owner.is_some() && measure.owner != self.owner {
            return false;
        }
        if self.status.is_some_and(|s| s != measure.status) {
            return false;
        }
        if self.horizon.is_some_and(|h| h != measure.horizon) {
            return false;
        }
        if self.overdue_only && schedule_health(measure, today) != Health::Overdue {
            return false;
        }
        if self.framework.as_ref().is_some_and(|f| !measure.frameworks.contains(f)) {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        needle.is_empty()
            || measure.code.to_lowercase().contains(&needle)
            || measure.title.to_lowercase().contains(&needle)
            || roadmap.owner_name(measure).to_lowercase().contains(&needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Owner, OwnerKind};

    #[test]
    fn each_criterion_narrows_the_set() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut a = Measure::new("M01", "Datensicherung", d(2026, 1, 1), d(2026, 3, 1));
        a.owner = Some(1);
        a.status = Status::InProgress;
        let mut b = Measure::new("M02", "Schulung", d(2026, 1, 1), d(2027, 3, 1));
        b.horizon = Horizon::Long;
        let roadmap = Roadmap {
            measures: vec![a, b],
            owners: vec![Owner {
                id: 1,
                name: "Hauptamt".into(),
                kind: OwnerKind::Department,
                contact: None,
            }],
            ..Roadmap::default()
        };
        let today = d(2026, 11, 27);
        let codes = |f: &Filter| -> Vec<&str> {
            roadmap
                .measures
                .iter()
                .filter(|m| f.matches(&roadmap, m, today))
                .map(|m| m.code.as_str())
                .collect()
        };
        assert!(Filter::default().is_empty());
        assert_eq!(codes(&Filter::default()), ["M01", "M02"]);
        assert_eq!(codes(&Filter { text: "schul".into(), ..Filter::default() }), ["M02"]);
        assert_eq!(codes(&Filter { text: "haupt".into(), ..Filter::default() }), ["M01"]);
        assert_eq!(codes(&Filter { text: " m02 ".into(), ..Filter::default() }), ["M02"]);
        assert_eq!(codes(&Filter { owner: Some(1), ..Filter::default() }), ["M01"]);
        assert_eq!(codes(&Filter { status: Some(Status::Planned), ..Filter::default() }), ["M02"]);
        assert_eq!(codes(&Filter { horizon: Some(Horizon::Long), ..Filter::default() }), ["M02"]);
        assert_eq!(codes(&Filter { overdue_only: true, ..Filter::default() }), ["M01"]);
    }
}
