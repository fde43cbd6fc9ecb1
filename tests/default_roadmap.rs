//! The default roadmap (`assets/default-roadmap.json`) is derived from the assessment's data
//! (`assets/source/blumberg-roadmap.json`, a copy of `shared/data/blumberg-roadmap.json`), so that
//! the two cannot drift apart. This test is the derivation: it fails when the asset differs from
//! what the source gives, and `FAHRPLAN_BLESS=1 cargo test --release --test default_roadmap`
//! writes the asset anew.
//!
//! The rules:
//! - owners are the roles and departments the source names (a fixed table with both languages);
//! - the last re-evaluation of the source becomes one recorded re-evaluation, and the next date
//!   follows from it by the app's own rule ([`next_reevaluation`]); a measure never re-evaluated is
//!   due one interval after its delivery (completion, else due date);
//! - the budget note is the source's basis, in German from `assets/source/blumberg-budget-basis-de.json`
//!   (the German note never sends the reader to the English one);
//! - the money spent so far becomes the one-off cost (up to the planned one-off, booked on the day
//!   of delivery) and running costs for the rest, spread pro rata over the months since delivery,
//!   booked once a year (15 December, and on the "as of" day in the current year).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};
use fahrplan::model::{Verdict, next_reevaluation};
use serde::{Deserialize, Serialize};

const SOURCE: &str = "assets/source/blumberg-roadmap.json";
const ASSET: &str = "assets/default-roadmap.json";
const SHARED: &str = "../shared/data/blumberg-roadmap.json";
/// The German wording of each measure's budget basis (the source has it in English only).
const BASIS_DE: &str = "assets/source/blumberg-budget-basis-de.json";

/// The day the illustrative status of the source describes ("as of November 2026").
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 16).expect("a valid date")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceMeasure {
    #[allow(dead_code, reason = "read so that no field of the source goes unnoticed")]
    origin: String,
    id: String,
    horizon: String,
    title_de: String,
    title_en: String,
    description_de: String,
    description_en: String,
    owner_role: String,
    stakeholders: Vec<String>,
    framework_refs: SourceRefs,
    depends_on: Vec<String>,
    planned_start: NaiveDate,
    planned_due: NaiveDate,
    reevaluation_interval_months: u32,
    budget_eur: SourceBudget,
    illustrative_status_2026_11: SourceStatus,
}

/// In this order the references are listed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRefs {
    #[serde(default)]
    itil_4: Vec<String>,
    #[serde(default)]
    itil_v3_2011: Vec<String>,
    #[serde(default)]
    vds_3473: Vec<String>,
    #[serde(default)]
    bsi_it_grundschutz: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceBudget {
    one_off: i64,
    yearly: i64,
    illustrative_estimate: bool,
    basis_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceStatus {
    #[allow(dead_code, reason = "read so that no field of the source goes unnoticed")]
    note: String,
    status: String,
    progress_pct: u8,
    completed_on: Option<NaiveDate>,
    last_reevaluation: Option<SourceReevaluation>,
    spent_eur_to_date: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceReevaluation {
    date: NaiveDate,
    result: String,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Text {
    de: String,
    en: String,
}

fn text(de: &str, en: &str) -> Text {
    Text { de: de.into(), en: en.into() }
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Asset {
    format: u32,
    town: String,
    name: Text,
    adopted: NaiveDate,
    source: String,
    owners: Vec<AssetOwner>,
    measures: Vec<AssetMeasure>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct AssetOwner {
    key: String,
    name: Text,
    kind: String,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct AssetMeasure {
    code: String,
    horizon: String,
    title: Text,
    description: Text,
    owner: String,
    stakeholders: Vec<String>,
    status: String,
    progress: u8,
    start: NaiveDate,
    due: NaiveDate,
    completed: Option<NaiveDate>,
    frameworks: Vec<AssetRef>,
    depends_on: Vec<String>,
    reevaluation_interval_months: u32,
    next_reevaluation: Option<NaiveDate>,
    planned_one_off_cents: i64,
    planned_yearly_cents: i64,
    notes: Text,
    reevaluations: Vec<AssetReevaluation>,
    expenses: Vec<AssetExpense>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct AssetRef {
    framework: String,
    reference: String,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct AssetReevaluation {
    date: NaiveDate,
    verdict: String,
    note: Text,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct AssetExpense {
    date: NaiveDate,
    amount_cents: i64,
    note: Text,
}

/// The owners: key, German and English name, kind, and the words the source uses for them.
const OWNERS: [(&str, &str, &str, &str, &[&str]); 9] = [
    ("it", "IT-Leitung", "IT manager", "role", &["IT-Leitung / IT manager"]),
    (
        "mayor",
        "Bürgermeisteramt",
        "Mayor's office",
        "department",
        &["Bürgermeisteramt / mayor's office"],
    ),
    ("servicedesk", "Service Desk", "Service desk", "role", &["Service Desk"]),
    ("main", "Hauptamt", "Central administration", "department", &["Hauptamt"]),
    (
        "iso",
        "Informationssicherheitsbeauftragter",
        "Information security officer",
        "role",
        &["Informationssicherheitsbeauftragter / ISO"],
    ),
    (
        "provider",
        "Externer IT-Dienstleister",
        "External IT provider",
        "external",
        &["Externer Dienstleister / external provider"],
    ),
    ("building", "Bauamt", "Building department", "department", &["Bauamt"]),
    ("public_order", "Ordnungsamt", "Public order office", "department", &["Ordnungsamt"]),
    ("finance", "Kämmerei", "Finance department", "department", &["Kämmerei / finance department"]),
];

fn owner_key(words: &str) -> String {
    let Some(owner) = OWNERS.iter().find(|o| o.4.contains(&words)) else {
        panic!("the source names an owner the table does not know: {words}")
    };
    owner.0.to_owned()
}

fn verdict(result: &str) -> Verdict {
    match result {
        "effective" => Verdict::Effective,
        "partly_effective" => Verdict::Partly,
        "not_effective" => Verdict::NotEffective,
        other => panic!("unknown re-evaluation result {other}"),
    }
}

/// The money spent so far as the expenses the default roadmap books.
fn expenses(delivered: NaiveDate, one_off_planned: i64, spent: i64) -> Vec<AssetExpense> {
    let mut out = Vec::new();
    let one_off = spent.min(one_off_planned);
    if one_off > 0 {
        out.push(AssetExpense {
            date: delivered.min(as_of()),
            amount_cents: one_off * 100,
            note: text("Einmalkosten (Umsetzung)", "One-off cost (implementation)"),
        });
    }
    let running = spent - one_off;
    if running <= 0 {
        return out;
    }
    // Months of running cost in each year, from the month of delivery to the month of "as of".
    let first = delivered.min(as_of());
    let weights: Vec<(i32, i64)> = (first.year()..=as_of().year())
        .map(|year| {
            let from = if year == first.year() { first.month() } else { 1 };
            let to = if year == as_of().year() { as_of().month() } else { 12 };
            (year, i64::from(to) - i64::from(from) + 1)
        })
        .collect();
    let total: i64 = weights.iter().map(|(_, w)| w).sum();
    let mut left = running;
    for (i, (year, weight)) in weights.iter().enumerate() {
        let euros = if i + 1 == weights.len() { left } else { running * weight / total };
        left -= euros;
        let date = if *year == as_of().year() {
            as_of()
        } else {
            NaiveDate::from_ymd_opt(*year, 12, 15).expect("a valid date")
        };
        out.push(AssetExpense {
            date,
            amount_cents: euros * 100,
            note: text(&format!("Laufende Kosten {year}"), &format!("Running costs {year}")),
        });
    }
    out
}

fn derive_measure(s: &SourceMeasure) -> AssetMeasure {
    let st = &s.illustrative_status_2026_11;
    let delivered = st.completed_on.unwrap_or(s.planned_due);
    let interval = s.reevaluation_interval_months;
    let reevaluations: Vec<AssetReevaluation> = st
        .last_reevaluation
        .iter()
        .map(|r| AssetReevaluation {
            date: r.date,
            verdict: verdict(&r.result).as_str().to_owned(),
            note: text("Wirksamkeitsprüfung laut Fahrplan", "Effectiveness review per roadmap"),
        })
        .collect();
    let next = match &st.last_reevaluation {
        Some(r) => next_reevaluation(r.date, verdict(&r.result), interval),
        None => delivered.checked_add_months(Months::new(interval)).expect("a valid date"),
    };
    let refs = &s.framework_refs;
    let frameworks = [
        ("itil4", &refs.itil_4),
        ("itil3", &refs.itil_v3_2011),
        ("vds3473", &refs.vds_3473),
        ("bsi", &refs.bsi_it_grundschutz),
    ]
    .into_iter()
    .flat_map(|(framework, list)| {
        list.iter().map(move |r| AssetRef { framework: framework.into(), reference: r.clone() })
    })
    .collect();
    let basis_de: BTreeMap<String, String> = serde_json::from_str(
        &std::fs::read_to_string(manifest(BASIS_DE))
            .expect("the German basis is in the repository"),
    )
    .expect("the German basis parses");
    let de = basis_de.get(&s.id).unwrap_or_else(|| panic!("{}: no German budget basis", s.id));
    let estimate = if s.budget_eur.illustrative_estimate {
        text(
            &format!("Budget: illustrative Schätzung. {de}"),
            &format!("Budget: illustrative estimate. {}", s.budget_eur.basis_en),
        )
    } else {
        text("", &s.budget_eur.basis_en)
    };
    AssetMeasure {
        code: s.id.clone(),
        horizon: s.horizon.clone(),
        title: text(&s.title_de, &s.title_en),
        description: text(&s.description_de, &s.description_en),
        owner: owner_key(&s.owner_role),
        stakeholders: s.stakeholders.iter().map(|w| owner_key(w)).collect(),
        status: st.status.replace('_', "-"),
        progress: st.progress_pct,
        start: s.planned_start,
        due: s.planned_due,
        completed: st.completed_on,
        frameworks,
        depends_on: s.depends_on.clone(),
        reevaluation_interval_months: interval,
        next_reevaluation: Some(next),
        planned_one_off_cents: s.budget_eur.one_off * 100,
        planned_yearly_cents: s.budget_eur.yearly * 100,
        notes: estimate,
        reevaluations,
        expenses: expenses(delivered, s.budget_eur.one_off, st.spent_eur_to_date),
    }
}

fn derive(source: &str) -> Asset {
    let measures: Vec<SourceMeasure> = serde_json::from_str(source).expect("the source parses");
    Asset {
        format: 1,
        town: "Blumberg".into(),
        name: text("IT-Fahrplan der Stadt Blumberg", "IT roadmap of the town of Blumberg"),
        adopted: NaiveDate::from_ymd_opt(2023, 2, 27).expect("a valid date"),
        source: "Derived from the external IT assessment (ITIL, VdS 3473) of a town of about \
                 10,000 inhabitants. Status, progress, spending and re-evaluations are \
                 illustrative as of November 2026, not real data of any town."
            .into(),
        owners: OWNERS
            .iter()
            .map(|(key, de, en, kind, _)| AssetOwner {
                key: (*key).into(),
                name: text(de, en),
                kind: (*kind).into(),
            })
            .collect(),
        measures: measures.iter().map(derive_measure).collect(),
    }
}

fn manifest(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_asset_is_derived_from_the_source() {
    let source =
        std::fs::read_to_string(manifest(SOURCE)).expect("the source is in the repository");
    let derived = derive(&source);
    if std::env::var_os("FAHRPLAN_BLESS").is_some() {
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
        derived.serialize(&mut ser).expect("serialisable");
        out.push(b'\n');
        std::fs::write(manifest(ASSET), out).expect("the asset is writable");
        return;
    }
    let asset: Asset = serde_json::from_str(
        &std::fs::read_to_string(manifest(ASSET)).expect("the asset is in the repository"),
    )
    .expect("the asset parses");
    assert_eq!(
        asset, derived,
        "assets/default-roadmap.json is out of date: run FAHRPLAN_BLESS=1 cargo test --release \
         --test default_roadmap"
    );
}

/// The repository's copy of the source is the project's shared data, where that is at hand (as in
/// CI, which lays `shared/` beside the checkout).
#[test]
fn the_source_is_the_shared_data() {
    same_as_shared(SOURCE, SHARED);
    // The assessment of the default roadmap likewise.
    same_as_shared(
        "assets/source/blumberg-assessment.json",
        "../shared/data/blumberg-assessment.json",
    );
}

/// The repository's copy `source` has the same JSON as the shared file `shared`.
fn same_as_shared(source: &str, shared_path: &str) {
    let shared = manifest(shared_path);
    let Ok(shared) = std::fs::read_to_string(&shared) else {
        // CI lays shared/ beside the checkout: there the comparison is required.
        common::unavailable(&format!(
            "{shared_path} beside the checkout (the copy is compared with it)"
        ));
        return;
    };
    let copy = std::fs::read_to_string(manifest(source)).expect("the source is in the repository");
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).expect("JSON");
    assert_eq!(parse(&copy), parse(&shared), "{source} differs from {shared_path}: copy it anew");
}

/// Every measure of the source is in the asset once, and the derived re-evaluation dates give the
/// picture the assessment's data describes on 30.11.2026: a few overdue, a few due soon.
#[test]
fn the_derived_reevaluations_are_plausible() {
    let source =
        std::fs::read_to_string(manifest(SOURCE)).expect("the source is in the repository");
    let derived = derive(&source);
    let codes: BTreeMap<&str, &AssetMeasure> =
        derived.measures.iter().map(|m| (m.code.as_str(), m)).collect();
    assert_eq!(codes.len(), 20);
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a valid date");
    let limit = today + chrono::TimeDelta::days(30);
    let next: Vec<NaiveDate> =
        derived.measures.iter().filter_map(|m| m.next_reevaluation).collect();
    let overdue = next.iter().filter(|d| **d < today).count();
    let soon = next.iter().filter(|d| **d >= today && **d <= limit).count();
    assert_eq!((overdue, soon), (3, 5), "overdue and due within 30 days");
    // Spending adds up to the source's figures, measure by measure.
    let source: Vec<SourceMeasure> = serde_json::from_str(&source).expect("the source parses");
    for s in &source {
        let booked: i64 = codes[s.id.as_str()].expenses.iter().map(|e| e.amount_cents).sum();
        assert_eq!(booked, s.illustrative_status_2026_11.spent_eur_to_date * 100, "{}", s.id);
    }
}
