//! The full JSON export: every record of a roadmap with a format version, for backups that
//! people can read and for other programs.

use serde_json::{Value, json};

use crate::model::{Change, Roadmap};

/// The format name and version written into every export.
pub const FORMAT: &str = "fahrplan-export";
/// The version of the export format.
pub const VERSION: u32 = 3;

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
                "funding_source": m.funding_source,
                "funding_share": m.funding_share,
                "staff_days_planned": m.staff_days_planned,
                "staff_days_spent": m.staff_days_spent,
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
        "reevaluations": roadmap.reevaluations.iter().map(|r| json!({"code": r.code, "date": r.date, "verdict": r.verdict, "note": r.note, "by": r.by, "confirmed_by": r.confirmed_by, "confirmed_at": r.confirmed_at, "imported": r.imported})).collect::<Vec<_>>(),
        "meetings": roadmap.meetings.iter().map(|m| json!({"date": m.date, "title": m.title})).collect::<Vec<_>>(),
        "baselines": roadmap.baselines.iter().map(|b| json!({"title": b.title, "date": b.date, "measures": b.measures})).collect::<Vec<_>>(),
        "assessment": roadmap.assessment,
        "history": history.iter().map(|c| json!({"at": c.at, "who": c.who, "code": c.code, "field": c.field, "old": c.old, "new": c.new, "comment": c.comment, "imported": c.imported})).collect::<Vec<_>>(),
    });
    serde_json::to_vec_pretty(&value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::import::{compare_import, parse_import};
    use crate::model::Money;
    use crate::store::Store;

    #[test]
    fn the_export_has_every_record_and_its_version() {
        let store = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
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
        for (round, text) in TRICKY.iter().enumerate() {
            let mut store =
                Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
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
                    funding_source: format!("Förderung {text}"),
                    funding_share: 35,
                    staff_days_planned: 12,
                    staff_days_spent: 5,
                    ..m.clone()
                })
                .unwrap();
            // The baseline is taken after the changes, so it holds the tricky texts too.
            store
                .add_baseline(
                    &format!("Beschluss {text}"),
                    chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
                )
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
            let imported = parse_import(&first).unwrap();
            let mut empty = Store::in_memory(None).unwrap();
            empty.replace_all(&imported.roadmap, &imported.history, false, None).unwrap();
            let second =
                export_json(&empty.load_roadmap().unwrap(), &empty.history(None).unwrap()).unwrap();
            let (a, b): (Value, Value) =
                (serde_json::from_slice(&first).unwrap(), serde_json::from_slice(&second).unwrap());
            assert_eq!(a, b, "round {round} with {text:?}");
            assert_eq!(a["baselines"][0]["title"], format!("Beschluss {text}").trim());
            assert_eq!(a["measures"][4]["funding_share"], 35);
            assert_eq!(
                empty.load_roadmap().unwrap().baselines[0].measures,
                store.load_roadmap().unwrap().baselines[0].measures
            );
        }
    }

    #[test]
    fn baselines_in_an_import_are_checked_and_version_one_still_reads() {
        let mut store =
            Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        store.add_baseline("Rat", chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()).unwrap();
        let bytes =
            export_json(&store.load_roadmap().unwrap(), &store.history(None).unwrap()).unwrap();
        let mut value: Value = serde_json::from_slice(&bytes).unwrap();
        let twice = value["baselines"][0].clone();
        value["baselines"].as_array_mut().unwrap().push(twice);
        let err = parse_import(&serde_json::to_vec(&value).unwrap()).unwrap_err();
        assert!(matches!(err.problem, crate::import::ImportProblem::BaselineTitle(_)), "{err:?}");
        value["baselines"].as_array_mut().unwrap().pop();
        value["baselines"][0]["measures"][0]["due"] = "2999-01-01".into();
        assert!(parse_import(&serde_json::to_vec(&value).unwrap()).is_err());
        // An export of the first version (no baselines, no funding) is still read.
        let mut old: Value = serde_json::from_slice(&bytes).unwrap();
        old["version"] = 1.into();
        old.as_object_mut().unwrap().remove("baselines");
        let imported = parse_import(&serde_json::to_vec(&old).unwrap()).unwrap();
        assert!(imported.roadmap.baselines.is_empty());
        assert_eq!(imported.roadmap.measures.len(), 20);
        old["version"] = 4.into();
        assert!(parse_import(&serde_json::to_vec(&old).unwrap()).is_err());
    }

    /// Export → import into an empty file → export again gives identical data, for generated
    /// roadmaps with hostile text in every text field; and every text arrives unchanged.
    #[test]
    fn generated_roadmaps_survive_export_import_export() {
        let export = |store: &Store| {
            export_json(&store.load_roadmap().unwrap(), &store.history(None).unwrap()).unwrap()
        };
        let import = |bytes: &[u8], seed: u64| {
            let imported = parse_import(bytes).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            let mut store = Store::in_memory(None).unwrap();
            store.replace_all(&imported.roadmap, &imported.history, false, None).unwrap();
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
        let store = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
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
        let store = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap())).unwrap();
        let good =
            export_json(&store.load_roadmap().unwrap(), &store.history(None).unwrap()).unwrap();
        let text = String::from_utf8(good.clone()).unwrap();
        // Where and what, in the words the user reads.
        struct Refusal {
            location: String,
            detail: String,
        }
        impl std::fmt::Display for Refusal {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}: {}", self.location, self.detail)
            }
        }
        let err = |bytes: &[u8]| {
            let e = parse_import(bytes).unwrap_err();
            Refusal { location: e.place(&tr), detail: e.what(&tr) }
        };
        let truncated = err(&good[..good.len() / 2]);
        assert!(truncated.location.starts_with("Zeile "), "{truncated}");
        let wrong_type =
            err(text.replacen("\"progress\": 100", "\"progress\": \"viel\"", 1).as_bytes());
        assert!(wrong_type.location.starts_with("Zeile "), "{wrong_type}");
        let version = err(text.replacen("\"version\": 3", "\"version\": 99", 1).as_bytes());
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
