//! The default roadmap's assessment (`assets/source/blumberg-assessment.json`): Blumberg's two
//! catalogues (ITIL 4 practices, VdS 3473 chapters, titles only), the consultants' round of
//! 17.02.2023 and the re-assessment of 16.11.2026 started from it, and the links of the 20
//! measures. A requirement the later round does not list carries its earlier result over.

use chrono::NaiveDate;
use serde::Deserialize;

use super::seed::SeedError;
use crate::model::{
    AssessResult, Assessment, Catalog, Lang, Node, Outcome, RequirementLink, Round,
};

const SOURCE: &str = include_str!("../../assets/source/blumberg-assessment.json");

#[derive(Deserialize)]
struct File {
    catalogues: Vec<SourceCatalog>,
    rounds: Vec<SourceRound>,
    links: Vec<SourceLink>,
}

#[derive(Deserialize)]
struct SourceCatalog {
    name: String,
    version: String,
    source: String,
    groups: Vec<SourceGroup>,
}

#[derive(Deserialize)]
struct SourceGroup {
    id: String,
    title: String,
    requirements: Vec<SourceRequirement>,
}

#[derive(Deserialize)]
struct SourceRequirement {
    id: String,
    title: String,
}

#[derive(Deserialize)]
struct SourceRound {
    title: String,
    date: NaiveDate,
    assessor: String,
    #[serde(default)]
    from: Option<String>,
    results: Vec<SourceResult>,
}

#[derive(Deserialize)]
struct SourceResult {
    catalogue: String,
    requirement: String,
    result: Outcome,
    maturity: Option<u8>,
}

#[derive(Deserialize)]
struct SourceLink {
    measure: String,
    catalogue: String,
    requirement: String,
}

/// ITIL's group titles in English (the source has them in German).
const ENGLISH_GROUPS: [(&str, &str); 3] = [
    ("general_management", "General management practices"),
    ("service_management", "Service management practices"),
    ("technical_management", "Technical management practices"),
];

/// The maturity the ITIL practices are measured against (3 or more: met).
const TARGET_MATURITY: u8 = 3;

/// The default roadmap's assessment in `lang`.
pub fn default_assessment(lang: Lang) -> Result<Assessment, SeedError> {
    let file: File = serde_json::from_str(SOURCE).map_err(|e| SeedError::new(e.to_string()))?;
    let catalogs: Vec<Catalog> = file
        .catalogues
        .into_iter()
        .map(|c| Catalog {
            name: c.name,
            version: c.version,
            source: c.source,
            nodes: c
                .groups
                .into_iter()
                .map(|g| {
                    let english = ENGLISH_GROUPS.iter().find(|(id, _)| *id == g.id);
                    let title = match (lang, english) {
                        (Lang::En, Some((_, t))) => (*t).to_owned(),
                        _ => g.title,
                    };
                    Node {
                        id: g.id,
                        title,
                        group: true,
                        children: g
                            .requirements
                            .into_iter()
                            .map(|r| Node { id: r.id, title: r.title, ..Node::default() })
                            .collect(),
                        ..Node::default()
                    }
                })
                .collect(),
        })
        .collect();
    let mut rounds = Vec::new();
    let mut results: Vec<AssessResult> = Vec::new();
    for r in file.rounds {
        let round = Round {
            title: r.title,
            date: r.date,
            by: r.assessor,
            catalogs: catalogs.iter().map(|c| c.name.clone()).collect(),
            from: r.from,
            target_maturity: Some(TARGET_MATURITY),
        };
        let mut own: Vec<AssessResult> = r
            .results
            .into_iter()
            .map(|x| AssessResult {
                round: round.title.clone(),
                catalog: x.catalogue,
                requirement: x.requirement,
                result: x.result,
                maturity: x.maturity,
                note: String::new(),
                carried_over: false,
                assessed_on: round.date,
            })
            .collect();
        if let Some(from) = &round.from {
            let carried: Vec<AssessResult> = results
                .iter()
                .filter(|x| &x.round == from)
                .filter(|x| {
                    !own.iter().any(|o| o.catalog == x.catalog && o.requirement == x.requirement)
                })
                .map(|x| AssessResult {
                    round: round.title.clone(),
                    carried_over: true,
                    ..x.clone()
                })
                .collect();
            own.extend(carried);
        }
        results.extend(own);
        rounds.push(round);
    }
    let links = file
        .links
        .into_iter()
        .map(|l| RequirementLink {
            code: l.measure,
            catalog: l.catalogue,
            requirement: l.requirement,
        })
        .collect();
    Ok(Assessment { catalogs, rounds, results, links })
}

/// The catalogues Fahrplan ships (ITIL 4, VdS 3473: titles only), for roadmaps that do not
/// have them yet (`catalog import --shipped`).
pub fn shipped_catalogs(lang: Lang) -> Vec<Catalog> {
    default_assessment(lang).map(|a| a.catalogs).unwrap_or_default()
}
