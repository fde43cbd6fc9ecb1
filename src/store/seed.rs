//! The default roadmap (`assets/default-roadmap.json`): the 20 measures of Blumberg's IT
//! assessment, in German and English, written into a new file.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;
use serde::Deserialize;

use super::write::{insert_measure, write_dependencies};
use super::{Result, Store, StoreError};
use crate::i18n::{I18n, Lang};
use crate::model::{
    Framework, FrameworkRef, Horizon, Measure, Money, OwnerKind, RoadmapInfo, Status, Verdict,
};

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

fn parse() -> Result<SeedFile> {
    let file: SeedFile =
        serde_json::from_str(DEFAULT_ROADMAP).map_err(|e| StoreError::Seed(e.to_string()))?;
    if file.format != 1 {
        return Err(StoreError::Seed(format!("unknown format {}", file.format)));
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

impl Store {
    /// Writes the default roadmap into this (empty) file in one transaction; each measure gets
    /// one history entry.
    pub(super) fn seed_default(&mut self, lang: Lang) -> Result<()> {
        let file = parse()?;
        let comment = I18n::new(lang).t("history-seeded");
        self.write_batch(super::write::BatchKind::Seed, |tx, batch| {
            for (key, value) in [
                ("town", file.town.clone()),
                ("name", file.name.get(lang).to_owned()),
                ("adopted", file.adopted.to_string()),
                ("lang", lang.code().to_owned()),
            ] {
                tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", params![key, value])?;
            }
            let mut owners: HashMap<&str, (i64, &str)> = HashMap::new();
            for owner in &file.owners {
                let name = owner.name.get(lang);
                tx.execute("INSERT INTO owner (name, kind) VALUES (?1, ?2)", params![name, owner.kind.as_str()])?;
                owners.insert(owner.key.as_str(), (tx.last_insert_rowid(), name));
            }
            let owner = |key: &str| {
                owners.get(key).copied().ok_or_else(|| StoreError::Seed(format!("unknown owner {key}")))
            };
            let mut stored = Vec::with_capacity(file.measures.len());
            for s in &file.measures {
                let (owner_id, owner_name) = owner(&s.owner)?;
                let measure = Measure {
                    id: 0,
                    code: s.code.clone(),
                    title: s.title.get(lang).to_owned(),
                    description: s.description.get(lang).to_owned(),
                    horizon: s.horizon,
                    owner: Some(owner_id),
                    stakeholders: s.stakeholders.iter().map(|k| owner(k).map(|o| o.1.to_owned())).collect::<Result<_>>()?,
                    status: s.status,
                    progress: s.progress,
                    start: s.start,
                    due: s.due,
                    completed: s.completed,
                    frameworks: s.frameworks.iter().filter(|r| r.framework != Framework::Other || !r.reference.is_empty()).cloned().collect(),
                    depends_on: s.depends_on.clone(),
                    reevaluation_interval_months: Some(s.reevaluation_interval_months),
                    next_reevaluation: s.next_reevaluation,
                    planned_one_off: Money(s.planned_one_off_cents),
                    planned_yearly: Money(s.planned_yearly_cents),
                    notes: s.notes.get(lang).to_owned(),
                                        version: 1,
                    archived: false,
                    archived_on: None,
                };
                let id = insert_measure(tx, &measure)?;
                for e in &s.expenses {
                    tx.execute(
                        "INSERT INTO expense (measure_id, date, amount_cents, note) VALUES (?1, ?2, ?3, ?4)",
                        params![id, e.date.to_string(), e.amount_cents, e.note.get(lang)],
                    )?;
                }
                for r in &s.reevaluations {
                    tx.execute(
                        "INSERT INTO reevaluation (measure_id, date, verdict, note, by_whom) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, r.date.to_string(), r.verdict.as_str(), r.note.get(lang), owner_name],
                    )?;
                }
                batch.record(tx, Some(&measure.code), "created", None, Some(&measure.title), &comment)?;
                stored.push(Measure { id, ..measure });
            }
            for measure in &stored {
                write_dependencies(tx, measure)?;
            }
            Ok(())
        })
    }
}
