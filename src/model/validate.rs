//! Validation of measures, each rejection with its reason.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Measure, Money, OwnerId, Roadmap};

/// Why a measure cannot be saved as it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// The code is empty.
    #[error("the code is empty")]
    EmptyCode,
    /// The title is empty.
    #[error("the title is empty")]
    EmptyTitle,
    /// Another measure has this code.
    #[error("the code {0} is already used by another measure")]
    DuplicateCode(String),
    /// The due date lies before the start.
    #[error("the due date {due} lies before the start {start}")]
    DueBeforeStart {
        /// Planned start.
        start: NaiveDate,
        /// Planned due date.
        due: NaiveDate,
    },
    /// Progress must be 0–100.
    #[error("progress {0} is outside 0–100")]
    ProgressOutOfRange(u32),
    /// The owner does not exist.
    #[error("the owner {0} does not exist")]
    UnknownOwner(OwnerId),
    /// A dependency names a measure that does not exist.
    #[error("the dependency {0} does not exist")]
    UnknownDependency(String),
    /// The dependencies would form a cycle (the codes along it, first repeated at the end).
    #[error("the dependencies form a cycle: {}", .0.join(" → "))]
    DependencyCycle(Vec<String>),
    /// A planned amount is negative.
    #[error("a planned amount is negative")]
    NegativeMoney,
    /// An expense of zero euros.
    #[error("the amount is zero")]
    ZeroAmount,
    /// An amount beyond [`MAX_AMOUNT`] either way (a typo, or a number no town spends).
    #[error("the amount of {} cents is beyond 10,000,000,000 euros", .0.cents())]
    AmountTooLarge(Money),
    /// The re-evaluation interval must be 1–120 months.
    #[error("the re-evaluation interval {0} is outside 1–120 months")]
    IntervalOutOfRange(u32),
    /// The funding share must be 0–100 percent.
    #[error("the funding share {0} % is outside 0–100")]
    FundingShareOutOfRange(u32),
    /// A text longer than its field allows ([`MAX_CODE`], [`MAX_TITLE`], [`MAX_TEXT`]).
    #[error("the {field} has {len} characters; at most {max} are allowed")]
    TooLong {
        /// Which field: `code`, `title`, `description`, `notes`, `funding_source`, `comment`.
        field: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A date outside the years Fahrplan accepts ([`DATE_YEARS`]), typed or imported alike.
    #[error("the date {date} ({field}) is outside the years 1900–2200")]
    DateOutOfRange {
        /// Which date: `start`, `due`, `completed`, `next_reevaluation`, or where it was found.
        field: &'static str,
        /// The date.
        date: NaiveDate,
    },
}

/// The longest code, in characters.
pub const MAX_CODE: usize = 20;
/// The longest title (and name of a funding source), in characters.
pub const MAX_TITLE: usize = 200;
/// The longest description, note or comment, in characters.
pub const MAX_TEXT: usize = 10_000;

/// Refuses `text` of field `field` when it has more than `max` characters.
pub fn check_length(field: &'static str, text: &str, max: usize) -> Result<(), ValidationError> {
    // Counting stops after the limit: a hostile 10 MB text costs no more than a long one.
    let len = text.chars().take(max + 1).count();
    if len > max {
        return Err(ValidationError::TooLong { field, len: text.chars().count(), max });
    }
    Ok(())
}

/// The largest amount, either way, that a planned cost or an expense may have: 10 billion euros
/// (more is a typo; the engines' checks hold a wider bound).
pub const MAX_AMOUNT: Money = Money(1_000_000_000_000);

/// Refuses an amount beyond [`MAX_AMOUNT`] either way.
pub fn check_amount(amount: Money) -> Result<(), ValidationError> {
    if amount.cents().unsigned_abs() > MAX_AMOUNT.cents().unsigned_abs() {
        return Err(ValidationError::AmountTooLarge(amount));
    }
    Ok(())
}

/// The years a date may have, wherever it comes from (typed, on the command line, imported).
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether `date` lies in [`DATE_YEARS`].
pub fn date_in_range(date: NaiveDate) -> bool {
    DATE_YEARS.contains(&chrono::Datelike::year(&date))
}

/// Checks `candidate` against the rest of `roadmap` (a measure with the same id is replaced).
pub fn validate_measure(candidate: &Measure, roadmap: &Roadmap) -> Result<(), ValidationError> {
    if candidate.code.trim().is_empty() {
        return Err(ValidationError::EmptyCode);
    }
    if candidate.title.trim().is_empty() {
        return Err(ValidationError::EmptyTitle);
    }
    check_length("code", &candidate.code, MAX_CODE)?;
    check_length("title", &candidate.title, MAX_TITLE)?;
    check_length("description", &candidate.description, MAX_TEXT)?;
    check_length("notes", &candidate.notes, MAX_TEXT)?;
    check_length("funding_source", &candidate.funding_source, MAX_TITLE)?;
    let others = || roadmap.measures.iter().filter(|m| candidate.id == 0 || m.id != candidate.id);
    if others().any(|m| m.code == candidate.code) {
        return Err(ValidationError::DuplicateCode(candidate.code.clone()));
    }
    let dates = [
        ("start", Some(candidate.start)),
        ("due", Some(candidate.due)),
        ("completed", candidate.completed),
        ("next_reevaluation", candidate.next_reevaluation),
    ];
    for (field, date) in dates {
        if let Some(date) = date.filter(|d| !date_in_range(*d)) {
            return Err(ValidationError::DateOutOfRange { field, date });
        }
    }
    if candidate.due < candidate.start {
        return Err(ValidationError::DueBeforeStart { start: candidate.start, due: candidate.due });
    }
    if candidate.progress > 100 {
        return Err(ValidationError::ProgressOutOfRange(u32::from(candidate.progress)));
    }
    if let Some(owner) = candidate.owner
        && roadmap.owner(owner).is_none()
    {
        return Err(ValidationError::UnknownOwner(owner));
    }
    if candidate.planned_one_off < Money::ZERO || candidate.planned_yearly < Money::ZERO {
        return Err(ValidationError::NegativeMoney);
    }
    check_amount(candidate.planned_one_off)?;
    check_amount(candidate.planned_yearly)?;
    if candidate.funding_share > 100 {
        return Err(ValidationError::FundingShareOutOfRange(u32::from(candidate.funding_share)));
    }
    if let Some(months) = candidate.reevaluation_interval_months
        && !(1..=120).contains(&months)
    {
        return Err(ValidationError::IntervalOutOfRange(months));
    }
    for dep in &candidate.depends_on {
        if dep != &candidate.code && !others().any(|m| &m.code == dep) {
            return Err(ValidationError::UnknownDependency(dep.clone()));
        }
    }
    let mut graph: HashMap<&str, &[String]> =
        others().map(|m| (m.code.as_str(), m.depends_on.as_slice())).collect();
    graph.insert(candidate.code.as_str(), candidate.depends_on.as_slice());
    if let Some(cycle) = find_cycle(&graph, &candidate.code) {
        return Err(ValidationError::DependencyCycle(cycle));
    }
    Ok(())
}

/// A dependency cycle through `start` in `graph` (code → codes it depends on), if there is one.
///
/// The path starts and ends with `start`, e.g. `["M01", "M02", "M01"]`.
pub fn find_cycle(graph: &HashMap<&str, &[String]>, start: &str) -> Option<Vec<String>> {
    // Iterative depth-first search with an explicit path, so deep graphs cannot overflow the stack.
    let mut visited: HashSet<&str> = HashSet::new();
    let mut path: Vec<(&str, usize)> = vec![(start, 0)];
    while let Some((node, next)) = path.last_mut() {
        let deps = graph.get(*node).copied().unwrap_or(&[]);
        let Some(dep) = deps.get(*next) else {
            path.pop();
            continue;
        };
        *next += 1;
        if dep == start {
            let mut cycle: Vec<String> = path.iter().map(|(n, _)| (*n).to_owned()).collect();
            cycle.push(start.to_owned());
            return Some(cycle);
        }
        if visited.insert(dep.as_str()) {
            path.push((dep.as_str(), 0));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Owner, OwnerKind};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn m(id: i64, code: &str, deps: &[&str]) -> Measure {
        let mut m = Measure::new(code, "Titel", date(2026, 1, 1), date(2026, 12, 31));
        m.id = id;
        m.depends_on = deps.iter().map(|d| (*d).to_owned()).collect();
        m
    }

    fn roadmap() -> Roadmap {
        Roadmap {
            measures: vec![m(1, "M01", &[]), m(2, "M02", &["M01"]), m(3, "M03", &["M02"])],
            owners: vec![Owner { id: 7, name: "IT".into(), kind: OwnerKind::Role, contact: None }],
            ..Roadmap::default()
        }
    }

    #[test]
    fn accepts_a_sound_measure_and_its_own_unchanged_version() {
        let r = roadmap();
        assert_eq!(validate_measure(&r.measures[2], &r), Ok(()));
        let mut new = m(0, "M04", &["M03", "M01"]);
        new.owner = Some(7);
        assert_eq!(validate_measure(&new, &r), Ok(()));
    }

    #[test]
    fn rejects_each_rule_with_its_reason() {
        let r = roadmap();
        let check = |f: &dyn Fn(&mut Measure)| {
            let mut c = m(0, "M09", &[]);
            f(&mut c);
            validate_measure(&c, &r).unwrap_err()
        };
        assert_eq!(check(&|c| c.code = " ".into()), ValidationError::EmptyCode);
        assert_eq!(check(&|c| c.title.clear()), ValidationError::EmptyTitle);
        assert_eq!(check(&|c| c.code = "M02".into()), ValidationError::DuplicateCode("M02".into()));
        assert_eq!(
            check(&|c| c.due = date(2025, 12, 31)),
            ValidationError::DueBeforeStart { start: date(2026, 1, 1), due: date(2025, 12, 31) }
        );
        assert_eq!(check(&|c| c.progress = 101), ValidationError::ProgressOutOfRange(101));
        assert_eq!(check(&|c| c.owner = Some(8)), ValidationError::UnknownOwner(8));
        assert_eq!(
            check(&|c| c.depends_on = vec!["M77".into()]),
            ValidationError::UnknownDependency("M77".into())
        );
        assert_eq!(check(&|c| c.planned_yearly = Money(-1)), ValidationError::NegativeMoney);
        let beyond = Money(MAX_AMOUNT.cents() + 1);
        assert_eq!(check(&|c| c.planned_one_off = beyond), ValidationError::AmountTooLarge(beyond));
        assert_eq!(check_amount(MAX_AMOUNT), Ok(()));
        assert_eq!(check_amount(Money(-MAX_AMOUNT.cents())), Ok(()));
        assert_eq!(
            check_amount(Money(i64::MIN)),
            Err(ValidationError::AmountTooLarge(Money(i64::MIN)))
        );
        assert_eq!(
            check(&|c| c.reevaluation_interval_months = Some(0)),
            ValidationError::IntervalOutOfRange(0)
        );
        assert_eq!(
            check(&|c| c.depends_on = vec!["M09".into()]),
            ValidationError::DependencyCycle(vec!["M09".into(), "M09".into()])
        );
    }

    #[test]
    fn names_the_cycle_an_edit_would_close() {
        let r = roadmap();
        let mut first = r.measures[0].clone();
        first.depends_on = vec!["M03".into()];
        assert_eq!(
            validate_measure(&first, &r),
            Err(ValidationError::DependencyCycle(vec![
                "M01".into(),
                "M03".into(),
                "M02".into(),
                "M01".into()
            ]))
        );
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let codes: Vec<String> = (0..100_000).map(|i| format!("X{i}")).collect();
        let deps: Vec<Vec<String>> = (0..100_000)
            .map(|i| if i == 0 { vec![] } else { vec![codes[i - 1].clone()] })
            .collect();
        let graph: HashMap<&str, &[String]> =
            codes.iter().zip(&deps).map(|(c, d)| (c.as_str(), d.as_slice())).collect();
        assert_eq!(find_cycle(&graph, "X99999"), None);
    }
}
