//! The full JSON export: every record of a roadmap with a format version, for backups that
//! people can read and for other programs.

use serde_json::{Value, json};

use crate::model::{Change, Roadmap};

/// The format name and version written into every export.
pub const FORMAT: &str = "fahrplan-export";
/// The version of the export format.
pub const VERSION: u32 = 1;

/// The whole roadmap with its history as pretty JSON. An error (never expected for these plain
/// values) is passed on rather than turned into an empty file that looks like a result.
pub fn export_json(roadmap: &Roadmap, history: &[Change]) -> Result<Vec<u8>, serde_json::Error> {
    let owner_name = |id: Option<i64>| id.and_then(|id| roadmap.owner(id)).map(|o| o.name.clone());
    let measures: Vec<Value> = roadmap
        .measures
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "code": m.code,
                "title": m.title,
                "description": m.description,
                "horizon": m.horizon,
                "owner": owner_name(m.owner),
                "stakeholders": m.stakeholders,
                "status": m.status,
                "progress": m.progress,
                "start": m.start,
                "due": m.due,
                "completed": m.completed,
                "frameworks": m.frameworks,
                "depends_on": m.depends_on,
                "reevaluation_interval_months": m.reevaluation_interval_months,
                "next_reevaluation": m.next_reevaluation,
                "planned_one_off_cents": m.planned_one_off,
                "planned_yearly_cents": m.planned_yearly,
                "notes": m.notes,
                "archived": m.archived,
                "archived_on": m.archived_on,
            })
        })
        .collect();
    let value = json!({
        "format": FORMAT,
        "version": VERSION,
        "info": roadmap.info,
        "owners": roadmap.owners.iter().map(|o| json!({"name": o.name, "kind": o.kind, "contact": o.contact})).collect::<Vec<_>>(),
        "measures": measures,
        "expenses": roadmap.expenses.iter().map(|e| json!({"code": e.code, "date": e.date, "amount_cents": e.amount, "note": e.note})).collect::<Vec<_>>(),
        "reevaluations": roadmap.reevaluations.iter().map(|r| json!({"code": r.code, "date": r.date, "verdict": r.verdict, "note": r.note, "by": r.by})).collect::<Vec<_>>(),
        "meetings": roadmap.meetings.iter().map(|m| json!({"date": m.date, "title": m.title})).collect::<Vec<_>>(),
        "history": history.iter().map(|c| json!({"at": c.at, "who": c.who, "code": c.code, "field": c.field, "old": c.old, "new": c.new, "comment": c.comment})).collect::<Vec<_>>(),
    });
    serde_json::to_vec_pretty(&value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Money;
    use crate::store::Store;

    #[test]
    fn the_export_has_every_record_and_its_version() {
        let store = Store::in_memory(Some(Lang::De)).unwrap();
        let roadmap = store.load_roadmap().unwrap();
        let history = store.history(None).unwrap();
        let value: Value =
            serde_json::from_slice(&export_json(&roadmap, &history).unwrap()).unwrap();
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["version"], VERSION);
        assert_eq!(value["measures"].as_array().unwrap().len(), 20);
        assert_eq!(value["expenses"].as_array().unwrap().len(), roadmap.expenses.len());
        assert_eq!(value["history"].as_array().unwrap().len(), 20);
        assert_eq!(value["measures"][15]["code"], "M16");
        assert_eq!(value["measures"][15]["owner"], "IT-Leitung");
        assert_eq!(value["measures"][15]["status"], "in-progress");
        assert_eq!(value["measures"][15]["planned_one_off_cents"], 1_200_000);
    }

    const TRICKY: [&str; 8] = [
        "Ümläute ß €",
        "\"Zitat\"",
        "Zeile 1\nZeile 2",
        "a;b;c",
        "=1+2",
        "@SUMME(A1)",
        "'; DROP TABLE measure; --",
        "",
    ];

    #[test]
    fn export_import_export_gives_identical_data() {
        let tr = crate::i18n::I18n::new(Lang::De);
        for (round, text) in TRICKY.iter().enumerate() {
            let mut store = Store::in_memory(Some(Lang::De)).unwrap();
            store
                .add_meeting(
                    chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
                    &format!("Sitzung {text}"),
                )
                .unwrap();
            store
                .add_owner(
                    &format!("Stelle {round} {text}"),
                    crate::model::OwnerKind::External,
                    Some(text),
                )
                .unwrap();
            store
                .update_measure("M05", None, text, |m| crate::model::Measure {
                    title: format!("Titel {text}"),
                    description: (*text).to_owned(),
                    notes: format!("{text}{text}"),
                    stakeholders: vec![(*text).to_owned(), "Bauamt".into()],
                    frameworks: vec![crate::model::FrameworkRef {
                        framework: crate::model::Framework::Other,
                        reference: format!("Ref {text}"),
                    }],
                    ..m.clone()
                })
                .unwrap();
            store
                .add_expense(
                    "M05",
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                    Money(12_345),
                    text,
                )
                .unwrap();
            let first =
                export_json(&store.load_roadmap().unwrap(), &store.history(None).unwrap()).unwrap();
            let imported = parse_import(&first, &tr).unwrap();
            let mut empty = Store::in_memory(None).unwrap();
            empty.replace_all(&imported.roadmap, &imported.history, false).unwrap();
            let second =
                export_json(&empty.load_roadmap().unwrap(), &empty.history(None).unwrap()).unwrap();
            let (a, b): (Value, Value) =
                (serde_json::from_slice(&first).unwrap(), serde_json::from_slice(&second).unwrap());
            assert_eq!(a, b, "round {round} with {text:?}");
        }
    }

    /// Export → import into an empty file → export again gives identical data, for generated
    /// roadmaps with hostile text in every text field; and every text arrives unchanged.
    #[test]
    fn generated_roadmaps_survive_export_import_export() {
        let tr = crate::i18n::I18n::new(Lang::De);
        let export = |store: &Store| {
            export_json(&store.load_roadmap().unwrap(), &store.history(None).unwrap()).unwrap()
        };
        let import = |bytes: &[u8], seed: u64| {
            let imported = parse_import(bytes, &tr).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            let mut store = Store::in_memory(None).unwrap();
            store.replace_all(&imported.roadmap, &imported.history, false).unwrap();
            store
        };
        for seed in 0..80 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let (generated, history) = crate::export::testgen::roadmap(&mut rng);
            let a = import(&export_json(&generated, &history).unwrap(), seed);
            let first = export(&a);
            let second = export(&import(&first, seed));
            assert_eq!(
                String::from_utf8_lossy(&first),
                String::from_utf8_lossy(&second),
                "seed {seed}"
            );

            let stored = a.load_roadmap().unwrap();
            assert_eq!(stored.info, generated.info, "seed {seed}");
            assert_eq!(stored.measures.len(), generated.measures.len());
            for m in &generated.measures {
                let s = stored.measure(&m.code).unwrap();
                let owner = |r: &crate::model::Roadmap, m: &crate::model::Measure| {
                    m.owner.and_then(|id| r.owner(id)).map(|o| o.name.clone())
                };
                assert_eq!(
                    (&s.title, &s.description, &s.notes, &s.stakeholders, &s.frameworks),
                    (&m.title, &m.description, &m.notes, &m.stakeholders, &m.frameworks),
                    "seed {seed}, {}",
                    m.code
                );
                assert_eq!(owner(&stored, s), owner(&generated, m), "seed {seed}");
                assert_eq!(
                    (s.status, s.progress, s.start, s.due, s.completed, &s.depends_on),
                    (m.status, m.progress, m.start, m.due, m.completed, &m.depends_on)
                );
                assert_eq!(
                    (s.planned_one_off, s.planned_yearly, s.next_reevaluation, s.archived),
                    (m.planned_one_off, m.planned_yearly, m.next_reevaluation, m.archived)
                );
            }
            let sorted = |mut v: Vec<String>| {
                v.sort();
                v
            };
            let notes = |r: &crate::model::Roadmap| {
                sorted(
                    r.expenses
                        .iter()
                        .map(|e| format!("{}|{}|{}", e.code, e.amount.0, e.note))
                        .collect(),
                )
            };
            assert_eq!(notes(&stored), notes(&generated), "seed {seed}");
            let reviews = |r: &crate::model::Roadmap| {
                sorted(
                    r.reevaluations
                        .iter()
                        .map(|e| format!("{}|{}|{}", e.code, e.note, e.by))
                        .collect(),
                )
            };
            assert_eq!(reviews(&stored), reviews(&generated), "seed {seed}");
            let meetings = |r: &crate::model::Roadmap| {
                sorted(r.meetings.iter().map(|m| format!("{}|{}", m.date, m.title)).collect())
            };
            assert_eq!(meetings(&stored), meetings(&generated), "seed {seed}");
            let changes = |h: &[Change]| {
                sorted(
                    h.iter()
                        .map(|c| format!("{:?}", (&c.who, &c.old, &c.new, &c.comment)))
                        .collect(),
                )
            };
            assert_eq!(changes(&a.history(None).unwrap()), changes(&history), "seed {seed}");
        }
    }

    #[test]
    fn the_comparison_names_what_is_added_changed_and_removed() {
        let store = Store::in_memory(Some(Lang::De)).unwrap();
        let current = store.load_roadmap().unwrap();
        let mut incoming = current.clone();
        incoming.measures.retain(|m| m.code != "M03");
        incoming.measures[0].title.push_str(" (neu gefasst)");
        let mut added = incoming.measures[1].clone();
        added.code = "M21".into();
        incoming.measures.push(added);
        // Owners renumbered as an import does: the same names are no change.
        for o in &mut incoming.owners {
            o.id += 100;
        }
        for m in &mut incoming.measures {
            m.owner = m.owner.map(|id| id + 100);
        }
        let c = compare_import(&current, &incoming);
        assert_eq!(c.added, ["M21"]);
        assert_eq!(c.changed, ["M01"]);
        assert_eq!(c.removed, ["M03"]);
        assert_eq!(c.unchanged, 18);
        // Another owner is a change.
        let other =
            incoming.owners.iter().map(|o| o.id).find(|id| Some(*id) != incoming.measures[5].owner);
        incoming.measures[5].owner = other;
        let code = incoming.measures[5].code.clone();
        assert!(compare_import(&current, &incoming).changed.contains(&code));
        let tr = crate::i18n::I18n::new(Lang::De);
        assert_eq!(
            c.describe(&tr),
            ["Neu: 1 (M21)", "Geändert: 1 (M01)", "Entfällt: 1 (M03)", "Unverändert: 18"]
        );
    }

    #[test]
    fn broken_and_hostile_files_are_refused_with_a_location() {
        let tr = crate::i18n::I18n::new(Lang::De);
        let store = Store::in_memory(Some(Lang::De)).unwrap();
        let good =
            export_json(&store.load_roadmap().unwrap(), &store.history(None).unwrap()).unwrap();
        let text = String::from_utf8(good.clone()).unwrap();
        let err = |bytes: &[u8]| parse_import(bytes, &tr).unwrap_err();
        let truncated = err(&good[..good.len() / 2]);
        assert!(truncated.location.starts_with("Zeile "), "{truncated}");
        let wrong_type =
            err(text.replacen("\"progress\": 100", "\"progress\": \"viel\"", 1).as_bytes());
        assert!(wrong_type.location.starts_with("Zeile "), "{wrong_type}");
        let version = err(text.replacen("\"version\": 1", "\"version\": 99", 1).as_bytes());
        assert!(version.detail.contains("99"), "{version}");
        // Within the measures (expenses and history come first in the file and name codes too).
        let at = text.find("\"measures\"").unwrap();
        let duplicate_text = format!(
            "{}{}",
            &text[..at],
            text[at..].replacen("\"code\": \"M02\"", "\"code\": \"M01\"", 1)
        );
        let duplicate = err(duplicate_text.as_bytes());
        assert!(duplicate.detail.contains("M01") && duplicate.location == "M01", "{duplicate}");
        // M01 depends on M02, which depends on M01.
        let cycle =
            err(text.replacen("\"depends_on\": []", "\"depends_on\": [\"M02\"]", 1).as_bytes());
        assert!(cycle.detail.contains("Kreis"), "{cycle}");
        let junk: Vec<u8> =
            (0..50 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        assert!(err(&junk).location.starts_with("Zeile 1"));
        let foreign = err(br#"{"format": "other", "version": 1}"#);
        assert!(foreign.detail.contains("keine Fahrplan-Exportdatei"));
        // Dates as typing allows them: 1900–2200, wherever they are in the file.
        let ancient =
            err(text.replacen("\"due\": \"2023-05-31\"", "\"due\": \"1066-10-14\"", 1).as_bytes());
        assert_eq!(ancient.location, "M01", "{ancient}");
        assert!(
            ancient.detail.contains("1066-10-14") && ancient.detail.contains("1900"),
            "{ancient}"
        );
        let far = err(text
            .replacen("\"date\": \"2023-05-26\"", "\"date\": \"+99999-01-01\"", 1)
            .as_bytes());
        assert!(far.location.starts_with("M01 / expense"), "{far}");
    }
}

/// A roadmap read from a JSON export, checked and ready to be written.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct ImportData {
    /// `fahrplan-export`.
    pub format: String,
    /// The export format's version.
    pub version: u32,
    /// Name, town, adoption date.
    #[serde(default)]
    pub info: crate::model::RoadmapInfo,
    /// Owners.
    #[serde(default)]
    pub owners: Vec<ImportOwner>,
    /// Measures (owners by name).
    #[serde(default)]
    pub measures: Vec<ImportMeasure>,
    /// Expenses.
    #[serde(default)]
    pub expenses: Vec<ImportExpense>,
    /// Re-evaluations.
    #[serde(default)]
    pub reevaluations: Vec<ImportReevaluation>,
    /// Council meetings.
    #[serde(default)]
    pub meetings: Vec<ImportMeeting>,
    /// The history.
    #[serde(default)]
    pub history: Vec<ImportChange>,
}

/// An owner in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct ImportOwner {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: crate::model::OwnerKind,
    /// Contact.
    pub contact: Option<String>,
}

/// A measure in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportMeasure {
    /// The measure's identity in the file it came from (kept, so calendar entries and history
    /// stay its own); 0 when absent.
    #[serde(default)]
    pub id: i64,
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub horizon: crate::model::Horizon,
    pub owner: Option<String>,
    #[serde(default)]
    pub stakeholders: Vec<String>,
    pub status: crate::model::Status,
    pub progress: u8,
    pub start: chrono::NaiveDate,
    pub due: chrono::NaiveDate,
    pub completed: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub frameworks: Vec<crate::model::FrameworkRef>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    pub reevaluation_interval_months: Option<u32>,
    pub next_reevaluation: Option<chrono::NaiveDate>,
    pub planned_one_off_cents: crate::model::Money,
    pub planned_yearly_cents: crate::model::Money,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub archived_on: Option<chrono::NaiveDate>,
}

/// An expense in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportExpense {
    pub code: String,
    pub date: chrono::NaiveDate,
    pub amount_cents: crate::model::Money,
    #[serde(default)]
    pub note: String,
}

/// A re-evaluation in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportReevaluation {
    pub code: String,
    pub date: chrono::NaiveDate,
    pub verdict: crate::model::Verdict,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub by: String,
}

/// A meeting in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportMeeting {
    pub date: chrono::NaiveDate,
    pub title: String,
}

/// A history entry in an import.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[allow(missing_docs)]
pub struct ImportChange {
    pub at: chrono::NaiveDateTime,
    pub who: String,
    pub code: Option<String>,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    #[serde(default)]
    pub comment: String,
}

/// Why an import file was refused, with where the first problem is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {detail}")]
pub struct ImportError {
    /// Where: `Zeile 3, Spalte 7`, `M04`, `M04 / owner`.
    pub location: String,
    /// What is wrong (already in the UI language where it comes from the model).
    pub detail: String,
}

/// A checked import: the roadmap (owner ids 1.., measure ids 1..) and its history.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// Everything but the history.
    pub roadmap: crate::model::Roadmap,
    /// The history, oldest first.
    pub history: Vec<Change>,
}

/// What an import does to the open roadmap, measure by measure (codes in code order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportComparison {
    /// Measures only in the file.
    pub added: Vec<String>,
    /// Measures in both whose fields differ.
    pub changed: Vec<String>,
    /// Measures in both that are the same.
    pub unchanged: usize,
    /// Measures only in the open roadmap: gone after the import.
    pub removed: Vec<String>,
}

impl ImportComparison {
    /// One line per kind that occurs: "Neu: 2 (M21, M22)", "Geändert: …", "Entfällt: …",
    /// "Unverändert: 17"; long lists end with "…".
    pub fn describe(&self, tr: &crate::i18n::I18n) -> Vec<String> {
        let codes = |list: &[String]| {
            let mut shown: Vec<&str> = list.iter().take(12).map(String::as_str).collect();
            if list.len() > 12 {
                shown.push("…");
            }
            shown.join(", ")
        };
        let mut lines = Vec::new();
        for (key, list) in [
            ("import-added", &self.added),
            ("import-changed", &self.changed),
            ("import-removed", &self.removed),
        ] {
            if !list.is_empty() {
                lines.push(tr.f(key, &[("n", &list.len()), ("codes", &codes(list))]));
            }
        }
        if self.unchanged > 0 {
            lines.push(tr.f("import-unchanged", &[("n", &self.unchanged)]));
        }
        lines
    }
}

/// Compares the open roadmap with an import (owners by name, since their ids differ).
pub fn compare_import(
    current: &crate::model::Roadmap,
    incoming: &crate::model::Roadmap,
) -> ImportComparison {
    let owner = |r: &crate::model::Roadmap, m: &crate::model::Measure| {
        m.owner.and_then(|id| r.owner(id)).map(|o| o.name.clone())
    };
    let mut result = ImportComparison::default();
    for m in &incoming.measures {
        match current.measure(&m.code) {
            None => result.added.push(m.code.clone()),
            Some(old) => {
                let fields_differ = crate::model::diff_measures(old, m)
                    .iter()
                    .any(|change| change.field != "owner");
                if fields_differ || owner(current, old) != owner(incoming, m) {
                    result.changed.push(m.code.clone());
                } else {
                    result.unchanged += 1;
                }
            }
        }
    }
    result.removed = current
        .measures
        .iter()
        .filter(|m| incoming.measure(&m.code).is_none())
        .map(|m| m.code.clone())
        .collect();
    for list in [&mut result.added, &mut result.changed, &mut result.removed] {
        list.sort();
    }
    result
}

/// Reads and checks a whole export before anything is written: JSON syntax and types (with line
/// and column), format and version, unique codes and owner names, owners, dependencies (no
/// cycles), dates, progress, and records that name existing measures.
pub fn parse_import(bytes: &[u8], tr: &crate::i18n::I18n) -> Result<Imported, ImportError> {
    let located = |location: String, detail: String| ImportError { location, detail };
    let data: ImportData = serde_json::from_slice(bytes).map_err(|e| {
        located(
            tr.f(
                "import-at",
                &[("line", &e.line().to_string()), ("column", &e.column().to_string())],
            ),
            e.to_string(),
        )
    })?;
    if data.format != FORMAT {
        return Err(located(
            tr.t("import-file"),
            tr.f("import-not-export", &[("format", &data.format)]),
        ));
    }
    if data.version != VERSION {
        return Err(located(
            tr.t("import-file"),
            tr.f("import-version", &[("version", &data.version)]),
        ));
    }
    let mut owners = Vec::new();
    for (i, o) in data.owners.iter().enumerate() {
        if o.name.trim().is_empty() || data.owners[..i].iter().any(|p| p.name == o.name) {
            return Err(located(
                tr.f("import-owner", &[("name", &o.name)]),
                tr.t("import-owner-duplicate"),
            ));
        }
        owners.push(crate::model::Owner {
            id: i as i64 + 1,
            name: o.name.clone(),
            kind: o.kind,
            contact: o.contact.clone(),
        });
    }
    let mut roadmap = crate::model::Roadmap { owners, ..Default::default() };
    // The identities of the file, where every measure has a distinct one; else numbered anew.
    let mut ids: Vec<i64> = data.measures.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let keep_ids = ids.len() == data.measures.len() && ids.first().is_none_or(|id| *id > 0);
    for (i, m) in data.measures.iter().enumerate() {
        let owner = match &m.owner {
            None => None,
            Some(name) => Some(
                roadmap.owners.iter().find(|o| &o.name == name).map(|o| o.id).ok_or_else(|| {
                    located(
                        format!("{} / owner", m.code),
                        tr.f("import-unknown-owner", &[("name", name)]),
                    )
                })?,
            ),
        };
        roadmap.measures.push(crate::model::Measure {
            id: if keep_ids { m.id } else { i as i64 + 1 },
            code: m.code.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            horizon: m.horizon,
            owner,
            stakeholders: m.stakeholders.clone(),
            status: m.status,
            progress: m.progress,
            start: m.start,
            due: m.due,
            completed: m.completed,
            frameworks: m.frameworks.clone(),
            depends_on: m.depends_on.clone(),
            reevaluation_interval_months: m.reevaluation_interval_months,
            next_reevaluation: m.next_reevaluation,
            planned_one_off: m.planned_one_off_cents,
            planned_yearly: m.planned_yearly_cents,
            notes: m.notes.clone(),
            version: 1,
            archived: m.archived,
            archived_on: m.archived_on.filter(|_| m.archived),
        });
    }
    for m in &roadmap.measures {
        crate::model::validate_measure(m, &roadmap)
            .map_err(|e| located(m.code.clone(), e.localize(tr)))?;
    }
    let known = |code: &str| roadmap.measure(code).is_some();
    for e in &data.expenses {
        if !known(&e.code) {
            return Err(located(
                format!("{} / expense", e.code),
                tr.f("cli-unknown-code", &[("code", &e.code)]),
            ));
        }
    }
    for r in &data.reevaluations {
        if !known(&r.code) {
            return Err(located(
                format!("{} / re-evaluation", r.code),
                tr.f("cli-unknown-code", &[("code", &r.code)]),
            ));
        }
    }
    // Dates as typing allows them (1900–2200), so nothing odd reaches a figure or a page.
    let out_of_range = |location: String, date: chrono::NaiveDate| {
        located(
            location,
            crate::model::ValidationError::DateOutOfRange { field: "date", date }.localize(tr),
        )
    };
    let in_range = crate::model::date_in_range;
    if let Some(e) = data.expenses.iter().find(|e| !in_range(e.date)) {
        return Err(out_of_range(format!("{} / expense", e.code), e.date));
    }
    if let Some(r) = data.reevaluations.iter().find(|r| !in_range(r.date)) {
        return Err(out_of_range(format!("{} / re-evaluation", r.code), r.date));
    }
    if let Some(m) = data.meetings.iter().find(|m| !in_range(m.date)) {
        return Err(out_of_range(format!("{} / meeting", m.title), m.date));
    }
    if let Some(adopted) = data.info.adopted.filter(|d| !in_range(*d)) {
        return Err(out_of_range(tr.t("import-file"), adopted));
    }
    if let Some(c) = data.history.iter().find(|c| !in_range(c.at.date())) {
        return Err(out_of_range(
            format!("{} / history", c.code.as_deref().unwrap_or("-")),
            c.at.date(),
        ));
    }
    roadmap.info = data.info.clone();
    roadmap.expenses = data
        .expenses
        .iter()
        .map(|e| crate::model::Expense {
            id: 0,
            code: e.code.clone(),
            date: e.date,
            amount: e.amount_cents,
            note: e.note.clone(),
        })
        .collect();
    roadmap.reevaluations = data
        .reevaluations
        .iter()
        .map(|r| crate::model::Reevaluation {
            id: 0,
            code: r.code.clone(),
            date: r.date,
            verdict: r.verdict,
            note: r.note.clone(),
            by: r.by.clone(),
        })
        .collect();
    roadmap.meetings = data
        .meetings
        .iter()
        .map(|m| crate::model::Meeting { id: 0, date: m.date, title: m.title.clone() })
        .collect();
    let history = data
        .history
        .iter()
        .map(|c| Change {
            id: 0,
            batch: 0,
            at: c.at,
            who: c.who.clone(),
            code: c.code.clone(),
            measure_id: None,
            field: c.field.clone(),
            old: c.old.clone(),
            new: c.new.clone(),
            comment: c.comment.clone(),
        })
        .collect();
    Ok(Imported { roadmap, history })
}
