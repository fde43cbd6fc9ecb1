//! Where "today" comes from. The app reads the clock whenever it needs the date (a window left
//! open past midnight moves on with the calendar); tests and `FAHRPLAN_TODAY` inject a fixed or
//! scripted one. The model never reads a clock: it is given the date.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;

/// A source of today's date.
#[derive(Clone)]
pub struct Clock {
    today: Arc<dyn Fn() -> NaiveDate + Send + Sync>,
    fixed: bool,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clock").field("today", &self.today()).field("fixed", &self.fixed).finish()
    }
}

impl Clock {
    /// The local calendar date of the system.
    pub fn system() -> Self {
        Self { today: Arc::new(|| chrono::Local::now().date_naive()), fixed: false }
    }

    /// Always the same date (tests, pictures, `FAHRPLAN_TODAY`).
    pub fn fixed(date: NaiveDate) -> Self {
        Self { today: Arc::new(move || date), fixed: true }
    }

    /// The date `f` tells each time it is asked (tests that move across midnight).
    pub fn from_fn(f: impl Fn() -> NaiveDate + Send + Sync + 'static) -> Self {
        Self { today: Arc::new(f), fixed: false }
    }

    /// Today.
    pub fn today(&self) -> NaiveDate {
        (self.today)()
    }

    /// How long until the date may change: until the next local midnight for the system's
    /// clock (a second after it, so the new day has begun); `None` for a fixed date.
    pub fn until_next_day(&self) -> Option<Duration> {
        if self.fixed {
            return None;
        }
        let now = chrono::Local::now().naive_local();
        let midnight = now.date().succ_opt()?.and_hms_opt(0, 0, 1)?;
        (midnight - now).to_std().ok()
    }
}

impl From<NaiveDate> for Clock {
    fn from(date: NaiveDate) -> Self {
        Self::fixed(date)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicI64, Ordering};

    use super::*;

    #[test]
    fn a_scripted_clock_moves_and_a_fixed_one_does_not() {
        let start = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let days = Arc::new(AtomicI64::new(0));
        let seen = Arc::clone(&days);
        let clock =
            Clock::from_fn(move || start + chrono::TimeDelta::days(seen.load(Ordering::SeqCst)));
        assert_eq!(clock.today(), start);
        days.store(1, Ordering::SeqCst);
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(Clock::fixed(start).until_next_day(), None);
        let wait = Clock::system().until_next_day().unwrap();
        assert!(wait <= Duration::from_secs(24 * 3600 + 1), "{wait:?}");
    }
}
