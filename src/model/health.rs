//! Schedule health and re-evaluation dates.

use chrono::{Months, NaiveDate};

use super::{DUE_SOON_DAYS, Measure, Status, Verdict};

/// How a measure stands against its schedule on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Health {
    /// The due date has passed and the measure is not finished.
    Overdue,
    /// The planned start has passed but work has not begun.
    NotStarted,
    /// Due within [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// Nothing to worry about.
    OnTrack,
    /// Done or cancelled: no longer scheduled.
    Done,
}

impl Health {
    /// Every value, most urgent first.
    pub const ALL: &'static [Self] =
        &[Self::Overdue, Self::NotStarted, Self::DueSoon, Self::OnTrack, Self::Done];

    /// A stable slug for JSON and message keys.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::NotStarted => "not-started",
            Self::DueSoon => "due-soon",
            Self::OnTrack => "on-track",
            Self::Done => "done",
        }
    }
}

/// The schedule health of `measure` on `today`.
pub fn schedule_health(measure: &Measure, today: NaiveDate) -> Health {
    if matches!(measure.status, Status::Done | Status::Cancelled) {
        return Health::Done;
    }
    if measure.due < today {
        return Health::Overdue;
    }
    if measure.status == Status::Planned && measure.start < today {
        return Health::NotStarted;
    }
    if (measure.due - today).num_days() <= DUE_SOON_DAYS {
        return Health::DueSoon;
    }
    Health::OnTrack
}

/// The next re-evaluation after one held on `date` with `verdict`, for a measure re-evaluated every
/// `interval_months` months.
///
/// An effective measure keeps its interval. A measure found only partly effective or not
/// effective is looked at again sooner: after half the interval (at least one month), because
/// the corrections it needs must be checked.
pub fn next_reevaluation(date: NaiveDate, verdict: Verdict, interval_months: u32) -> NaiveDate {
    let months = match verdict {
        Verdict::Effective => interval_months,
        Verdict::Partly | Verdict::NotEffective => (interval_months / 2).max(1),
    };
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn measure(status: Status, start: NaiveDate, due: NaiveDate) -> Measure {
        let mut m = Measure::new("M01", "t", start, due);
        m.status = status;
        m
    }

    #[test]
    fn health_follows_dates_and_status() {
        let today = date(2026, 11, 27);
        let (past, soon, later) = (date(2026, 11, 26), date(2026, 12, 27), date(2026, 12, 28));
        assert_eq!(schedule_health(&measure(Status::Done, past, past), today), Health::Done);
        assert_eq!(schedule_health(&measure(Status::Cancelled, past, past), today), Health::Done);
        assert_eq!(
            schedule_health(&measure(Status::InProgress, past, past), today),
            Health::Overdue
        );
        assert_eq!(schedule_health(&measure(Status::Planned, past, past), today), Health::Overdue);
        assert_eq!(
            schedule_health(&measure(Status::Planned, past, later), today),
            Health::NotStarted
        );
        assert_eq!(
            schedule_health(&measure(Status::InProgress, past, soon), today),
            Health::DueSoon
        );
        assert_eq!(
            schedule_health(&measure(Status::InProgress, past, later), today),
            Health::OnTrack
        );
        // Due today is not yet overdue; a start of today has not yet passed.
        assert_eq!(
            schedule_health(&measure(Status::Planned, today, later), today),
            Health::OnTrack
        );
        assert_eq!(schedule_health(&measure(Status::OnHold, past, today), today), Health::DueSoon);
    }

    #[test]
    fn next_reevaluation_keeps_interval_when_effective_and_halves_it_otherwise() {
        let d = date(2026, 11, 20);
        assert_eq!(next_reevaluation(d, Verdict::Effective, 12), date(2027, 11, 20));
        assert_eq!(next_reevaluation(d, Verdict::Partly, 12), date(2027, 5, 20));
        assert_eq!(next_reevaluation(d, Verdict::NotEffective, 6), date(2027, 2, 20));
        assert_eq!(next_reevaluation(d, Verdict::NotEffective, 1), date(2026, 12, 20));
        // The end of a month is clamped to the end of the shorter month.
        assert_eq!(next_reevaluation(date(2026, 8, 31), Verdict::Effective, 6), date(2027, 2, 28));
    }
}
