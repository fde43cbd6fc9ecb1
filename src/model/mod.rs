//! The domain: measures, owners, money, re-evaluations and the history of changes.
//!
//! Everything here is pure: no I/O, no egui, no clock. "Today" is always a parameter.

mod assessment;
mod baseline;
mod budget;
mod dashboard;
mod evidence;
mod finance;
mod health;
mod lang;
mod measure;
mod money;
mod overview;
mod validate;

pub use assessment::{
    AssessChange, AssessError, AssessResult, Assessment, Catalog, CatalogDiff, CatalogTally,
    ChangedResult, Gap, GroupTally, MAX_DEPTH, MAX_REQUIREMENT_ID, MAX_REQUIREMENT_TEXT,
    MAX_REQUIREMENT_TITLE, MAX_REQUIREMENTS, Node, Outcome, Requirement, RequirementLink, Round,
    Tally, ToReassess, catalog_diff, check_catalog, derived_links,
};
pub use baseline::{Baseline, BaselineMeasure, Deviation, DeviationKind, Deviations, deviations};
pub use budget::{YearBudget, budget_by_year, plan_ends, planned_until};
pub use dashboard::{
    ChangeKind, Dashboard, Figures, Overrun, SinceReport, changes_since, dashboard,
};
pub use evidence::{
    Evidence, EvidenceKind, EvidenceSource, LinkError, MAX_EVIDENCE_BYTES, MAX_LINK, NewEvidence,
    VIEWABLE, check_link, evidence_name, hex, is_viewable, is_web_link, safe_file_name,
    viewer_file_name,
};
pub use finance::{FinanceLine, FinancePlan, FinanceYear, finance_plan};
pub use health::{Health, next_reevaluation, schedule_health};
pub use lang::Lang;
pub use measure::{
    Change, Expense, FieldChange, FieldError, Framework, FrameworkRef, Horizon, Measure, Meeting,
    Owner, OwnerId, OwnerKind, Reevaluation, Roadmap, RoadmapInfo, Seed, Status, UnreadableRow,
    Verdict, diff_measures, field_text, field_texts, same_person,
};
pub use money::Money;
pub use overview::{Degree, Item, TownFigures, TownSnapshot};
pub use validate::{
    DATE_YEARS, MAX_AMOUNT, MAX_CODE, MAX_TEXT, MAX_TITLE, ValidationError, check_amount,
    check_length, date_in_range, find_cycle, validate_measure,
};

/// The number of days before a due date from which a measure counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 30;
