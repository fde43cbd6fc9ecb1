//! The default roadmap (`assets/default-roadmap.json`): the 20 measures of Blumberg's IT
//! assessment, in German and English, as the model's roadmap that a new file (or a new server
//! roadmap) starts with. The store writes it; which words it has is decided here.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::i18n::I18n;
use crate::model::{
    Expense, Framework, FrameworkRef, Horizon, Lang, Measure, Money, Owner, OwnerKind,
    Reevaluation, Roadmap, RoadmapInfo, Seed, Status, Verdict,
};

pub use super::seed_assessment::shipped_catalogs;

const DEFAULT_ROADMAP: &str = include_str!("../../assets/default-roadmap.json");

/// A text in both languages.
#[derive(Deserialize)]
struct Text {
    de: String,
    en: String,
}

impl Text {
    fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

#[derive(Deserialize)]
struct SeedFile {
    format: u32,
    town: String,
    name: Text,
    adopted: NaiveDate,
    owners: Vec<SeedOwner>,
    measures: Vec<SeedMeasure>,
}

#[derive(Deserialize)]
struct SeedOwner {
    key: String,
    name: Text,
    kind: OwnerKind,
}

#[derive(Deserialize)]
struct SeedMeasure {
    code: String,
    horizon: Horizon,
    title: Text,
    description: Text,
    owner: String,
    stakeholders: Vec<String>,
    status: Status,
    progress: u8,
    start: NaiveDate,
    due: NaiveDate,
    completed: Option<NaiveDate>,
    frameworks: Vec<FrameworkRef>,
    depends_on: Vec<String>,
    reevaluation_interval_months: u32,
    next_reevaluation: Option<NaiveDate>,
    planned_one_off_cents: i64,
    planned_yearly_cents: i64,
    notes: Text,
    reevaluations: Vec<SeedReevaluation>,
    expenses: Vec<SeedExpense>,
}

#[derive(Deserialize)]
struct SeedReevaluation {
    date: NaiveDate,
    verdict: Verdict,
    note: Text,
}

#[derive(Deserialize)]
struct SeedExpense {
    date: NaiveDate,
    amount_cents: i64,
    note: Text,
}

/// Why the shipped default roadmap could not be read (a build defect, never the user's file).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SeedError(String);

impl SeedError {
    pub(super) const fn new(detail: String) -> Self {
        Self(detail)
    }
}

fn parse() -> Result<SeedFile, SeedError> {
    let file: SeedFile =
        serde_json::from_str(DEFAULT_ROADMAP).map_err(|e| SeedError(e.to_string()))?;
    if file.format != 1 {
        return Err(SeedError(format!("unknown format {}", file.format)));
    }
    Ok(file)
}

/// Name, town and adoption date of the default roadmap in `lang`.
pub fn default_roadmap_info(lang: Lang) -> RoadmapInfo {
    parse().map_or_else(
        |_| RoadmapInfo::default(),
        |f| RoadmapInfo {
            town: f.town,
            name: f.name.get(lang).to_owned(),
            adopted: Some(f.adopted),
        },
    )
}

/// The default roadmap in `lang`, ready to be written into a new file: owners numbered 1…, the
/// measures (identities given by the store), their expenses and re-evaluations (by the measure's
/// owner), and the history comment of the seeding.
pub fn default_seed(lang: Lang) -> Result<Seed, SeedError> {
    let file = parse()?;
    let owners: Vec<Owner> = file
        .owners
        .iter()
        .zip(1..)
        .map(|(o, id)| Owner { id, name: o.name.get(lang).to_owned(), kind: o.kind, contact: None })
        .collect();
    let owner = |key: &str| {
        file.owners
            .iter()
            .position(|o| o.key == key)
            .map(|i| &owners[i])
            .ok_or_else(|| SeedError(format!("unknown owner {key}")))
    };
    let mut roadmap = Roadmap {
        info: RoadmapInfo {
            town: file.town.clone(),
            name: file.name.get(lang).to_owned(),
            adopted: Some(file.adopted),
        },
        ..Roadmap::default()
    };
    for s in &file.measures {
        let responsible = owner(&s.owner)?;
        roadmap.measures.push(Measure {
            id: 0,
            code: s.code.clone(),
            title: s.title.get(lang).to_owned(),
            description: s.description.get(lang).to_owned(),
            horizon: s.horizon,
            owner: Some(responsible.id),
            stakeholders: s
                .stakeholders
                .iter()
                .map(|k| owner(k).map(|o| o.name.clone()))
                .collect::<Result<_, _>>()?,
            status: s.status,
            progress: s.progress,
            start: s.start,
            due: s.due,
            completed: s.completed,
            frameworks: s
                .frameworks
                .iter()
                .filter(|r| r.framework != Framework::Other || !r.reference.is_empty())
                .cloned()
                .collect(),
            depends_on: s.depends_on.clone(),
            reevaluation_interval_months: Some(s.reevaluation_interval_months),
            next_reevaluation: s.next_reevaluation,
            planned_one_off: Money(s.planned_one_off_cents),
            planned_yearly: Money(s.planned_yearly_cents),
            notes: s.notes.get(lang).to_owned(),
            version: 1,
            archived: false,
            archived_on: None,
            funding_source: String::new(),
            funding_share: 0,
            staff_days_planned: 0,
            staff_days_spent: 0,
        });
        roadmap.expenses.extend(s.expenses.iter().map(|e| Expense {
            id: 0,
            code: s.code.clone(),
            date: e.date,
            amount: Money(e.amount_cents),
            note: e.note.get(lang).to_owned(),
        }));
        roadmap.reevaluations.extend(s.reevaluations.iter().map(|r| Reevaluation {
            id: 0,
            code: s.code.clone(),
            date: r.date,
            verdict: r.verdict,
            note: r.note.get(lang).to_owned(),
            by: responsible.name.clone(),
            confirmed_by: None,
            confirmed_at: None,
            imported: false,
        }));
    }
    roadmap.owners = owners;
    roadmap.assessment = super::seed_assessment::default_assessment(lang)?;
    Ok(Seed { roadmap, lang, comment: I18n::new(lang).t("history-seeded") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_roadmap_has_its_twenty_measures_in_both_languages() {
        for lang in Lang::ALL {
            let seed = default_seed(lang).unwrap();
            assert_eq!(seed.roadmap.measures.len(), 20);
            assert_eq!(seed.lang, lang);
            for m in &seed.roadmap.measures {
                let owner = m.owner.and_then(|id| seed.roadmap.owner(id));
                assert!(owner.is_some(), "{} has its owner", m.code);
            }
            assert!(!seed.comment.is_empty());
        }
        let de = default_seed(Lang::De).unwrap();
        let en = default_seed(Lang::En).unwrap();
        assert_ne!(de.roadmap.measures[0].title, en.roadmap.measures[0].title);
        assert_eq!(de.roadmap.measures[0].due, en.roadmap.measures[0].due);
    }
}
