//! The assessment's part of the storage contract, run on every engine: the default roadmap's
//! rounds, results and links; every change recorded and undone; refusals.

use chrono::NaiveDate;

use super::contract::Engine;
use crate::model::{
    AssessChange, AssessError, AssessResult, Catalog, Lang, Node, Outcome, RequirementLink, Round,
};
use crate::store::StoreError;

const LATEST: &str = "Wirksamkeitsprüfung 2026";

/// Runs the assessment's contract on an engine, as `contract_tests!` does.
macro_rules! assess_contract_tests {
    ($engine:ident, $make:ident, if $available:path) => {
        mod $engine {
            use super::assess_contract as c;

            #[test]
            fn the_default_roadmap_has_its_assessment() {
                if $available() {
                    c::the_default_roadmap_has_its_assessment(&super::$make);
                }
            }

            #[test]
            fn results_links_rounds_and_catalogues_are_recorded_and_undone() {
                if $available() {
                    c::results_links_rounds_and_catalogues_are_recorded_and_undone(&super::$make);
                }
            }

            #[test]
            fn refusals_write_nothing() {
                if $available() {
                    c::refusals_write_nothing(&super::$make);
                }
            }
        }
    };
}
pub(super) use assess_contract_tests;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn the_default_roadmap_has_its_assessment(new: &Engine) {
    let store = new(Some(Lang::De));
    let roadmap = store.load_roadmap().unwrap();
    let a = &roadmap.assessment;
    assert_eq!(a.catalogs.len(), 2);
    assert_eq!(a.catalogs[0].requirement_count() + a.catalogs[1].requirement_count(), 67);
    assert_eq!(a.rounds.len(), 2);
    assert_eq!(a.results.len(), 67 * 2);
    assert_eq!(a.results.iter().filter(|x| x.carried_over).count(), 9);
    assert_eq!(a.links.len(), 120);
    let (first, latest) = a.first_and_latest().unwrap();
    assert_eq!(a.degree(first, "ITIL 4"), Some(24));
    assert_eq!(a.degree(latest, "ITIL 4"), Some(69));
    assert_eq!(a.degree(first, "VdS 3473"), Some(3));
    assert_eq!(a.degree(latest, "VdS 3473"), Some(59));
    assert_eq!(a.gaps(&roadmap, latest).len(), 10);
    assert!(roadmap.unreadable.is_empty());
    // An empty roadmap has none.
    let empty = new(None).load_roadmap().unwrap();
    assert_eq!(empty.assessment, crate::model::Assessment::default());
}

fn catalog(version: &str, titles: &[(&str, &str)]) -> Catalog {
    Catalog {
        name: "Prüfkatalog".to_owned(),
        version: version.to_owned(),
        source: String::new(),
        nodes: vec![Node {
            id: "A".to_owned(),
            title: "Gruppe A".to_owned(),
            group: true,
            children: titles
                .iter()
                .map(|(id, title)| Node {
                    id: (*id).to_owned(),
                    title: (*title).to_owned(),
                    ..Node::default()
                })
                .collect(),
            ..Node::default()
        }],
    }
}

fn set(round: &str, id: &str, result: Outcome) -> AssessChange {
    AssessChange::SetResult(AssessResult {
        round: round.to_owned(),
        catalog: "Prüfkatalog".to_owned(),
        requirement: id.to_owned(),
        result,
        maturity: Some(2),
        note: "geprüft".to_owned(),
        carried_over: true,
        assessed_on: day(2000, 1, 1),
    })
}

pub(super) fn results_links_rounds_and_catalogues_are_recorded_and_undone(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let start = store.load_roadmap().unwrap().assessment;
    // A new catalogue, a round on it, two results.
    let v1 = catalog("1", &[("A.1", "Eins"), ("A.2", "Zwei")]);
    store.assess(&AssessChange::ImportCatalog(v1.clone())).unwrap();
    let round = Round {
        title: "Prüfung".to_owned(),
        date: day(2026, 11, 20),
        by: "ISB".to_owned(),
        catalogs: vec!["Prüfkatalog".to_owned()],
        from: None,
        target_maturity: Some(3),
    };
    store.assess(&AssessChange::AddRound(round.clone())).unwrap();
    store.assess(&set("Prüfung", "A.1", Outcome::Met)).unwrap();
    store.assess(&set("Prüfung", "A.2", Outcome::Partial)).unwrap();
    let a = store.load_roadmap().unwrap().assessment;
    let stored = a.result("Prüfung", "Prüfkatalog", "A.1").unwrap();
    // Assessed (never carried over), on the day given but never before the round's day.
    assert_eq!((stored.carried_over, stored.assessed_on), (false, day(2026, 11, 20)));
    // Nor after today: a day ahead is today; a day between round and today is kept.
    let mut later = set("Prüfung", "A.1", Outcome::Met);
    if let AssessChange::SetResult(x) = &mut later {
        x.assessed_on = day(2027, 1, 1);
    }
    store.assess(&later).unwrap();
    let a = store.load_roadmap().unwrap().assessment;
    assert_eq!(a.result("Prüfung", "Prüfkatalog", "A.1").unwrap().assessed_on, day(2026, 11, 27));
    if let AssessChange::SetResult(x) = &mut later {
        x.assessed_on = day(2026, 11, 24);
        x.note = "Zeile 1\r\nZeile 2\tmit \u{1b}[2JTab".into();
    }
    store.assess(&later).unwrap();
    let a = store.load_roadmap().unwrap().assessment;
    let kept = a.result("Prüfung", "Prüfkatalog", "A.1").unwrap();
    assert_eq!(kept.assessed_on, day(2026, 11, 24));
    assert_eq!(
        kept.note, "Zeile 1\nZeile 2 mit [2JTab",
        "line ends kept, tab a space, escape gone"
    );
    assert_eq!((stored.maturity, stored.note.as_str()), (Some(2), "geprüft"));
    assert_eq!(a.degree(a.round("Prüfung").unwrap(), "Prüfkatalog"), Some(75));
    let history = store.history(None).unwrap();
    let fields: Vec<&str> = history.iter().rev().take(6).map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "assessment-result",
            "assessment-result",
            "assessment-result",
            "assessment-result",
            "round",
            "catalog"
        ]
    );
    // Setting the same again records nothing.
    let n = history.len();
    store.assess(&set("Prüfung", "A.2", Outcome::Partial)).unwrap();
    assert_eq!(store.history(None).unwrap().len(), n);
    // Version 2 changes A.2, drops A.1 and adds A.3: A.2's result stays (to be assessed
    // again), A.1's goes; undo brings it back.
    let v2 = catalog("2", &[("A.2", "Zwei, neu"), ("A.3", "Drei")]);
    store.assess(&AssessChange::ImportCatalog(v2)).unwrap();
    let a = store.load_roadmap().unwrap().assessment;
    assert!(a.result("Prüfung", "Prüfkatalog", "A.1").is_none());
    let changed = a.result("Prüfung", "Prüfkatalog", "A.2").unwrap();
    assert_eq!((changed.result, changed.carried_over), (Outcome::Partial, true), "to assess again");
    assert_eq!(a.catalog("Prüfkatalog").unwrap().version, "2");
    store.undo("").unwrap();
    let back = store.load_roadmap().unwrap().assessment;
    assert_eq!(back.catalog("Prüfkatalog"), Some(&v1));
    assert_eq!(back.result("Prüfung", "Prüfkatalog", "A.1").unwrap().result, Outcome::Met);
    store.redo("").unwrap();
    assert_eq!(store.load_roadmap().unwrap().assessment, a);
    store.undo("").unwrap();
    // Links: added, recorded under the measure, undone; a removed measure takes its links
    // along and undo brings both back.
    let link = RequirementLink {
        code: "M20".to_owned(),
        catalog: "Prüfkatalog".to_owned(),
        requirement: "A.1".to_owned(),
    };
    store.assess(&AssessChange::Link(link.clone(), true)).unwrap();
    assert!(store.load_roadmap().unwrap().assessment.links.contains(&link));
    let last = store.history(None).unwrap().pop().unwrap();
    assert_eq!((last.field.as_str(), last.code.as_deref()), ("requirement-link", Some("M20")));
    store.undo("").unwrap();
    assert!(!store.load_roadmap().unwrap().assessment.links.contains(&link));
    let fresh = crate::model::Measure::new("M99", "Neu", day(2026, 1, 1), day(2026, 12, 31));
    store.add_measure(&fresh, "").unwrap();
    let mine = RequirementLink { code: "M99".to_owned(), ..link.clone() };
    store.assess(&AssessChange::Link(mine.clone(), true)).unwrap();
    store.delete_measure("M99", "").unwrap();
    assert!(!store.load_roadmap().unwrap().assessment.links.contains(&mine));
    store.undo("").unwrap();
    assert!(store.load_roadmap().unwrap().assessment.links.contains(&mine));
    // A round from another carries its results over; undo removes it with them.
    let next =
        Round { title: "Nachprüfung".to_owned(), from: Some("Prüfung".to_owned()), ..round };
    store.assess(&AssessChange::AddRound(next)).unwrap();
    let a = store.load_roadmap().unwrap().assessment;
    let carried = a.result("Nachprüfung", "Prüfkatalog", "A.1").unwrap();
    assert!(carried.carried_over);
    assert_eq!(carried.assessed_on, day(2026, 11, 24), "as it was last assessed");
    store.undo("").unwrap();
    assert!(store.load_roadmap().unwrap().assessment.round("Nachprüfung").is_none());
    // Everything undone, step by step, leaves the default assessment.
    for _ in 0..8 {
        store.undo("").unwrap();
    }
    assert_eq!(store.load_roadmap().unwrap().assessment, start);
}

pub(super) fn refusals_write_nothing(new: &Engine) {
    let mut store = new(Some(Lang::De));
    let n = store.history(None).unwrap().len();
    let refused = |e: StoreError| match e {
        StoreError::Assessment(a) => a,
        other => panic!("{other:?}"),
    };
    let e = store.assess(&AssessChange::RemoveCatalog("VdS 3473".to_owned())).unwrap_err();
    assert!(matches!(refused(e), AssessError::CatalogInUse { .. }));
    let round = Round {
        title: LATEST.to_owned(),
        date: day(2026, 12, 1),
        catalogs: vec!["VdS 3473".to_owned()],
        ..Round::default()
    };
    let e = store.assess(&AssessChange::AddRound(round.clone())).unwrap_err();
    assert_eq!(refused(e), AssessError::RoundExists(LATEST.to_owned()));
    let nowhere = Round { title: "X".to_owned(), catalogs: vec!["Nichts".to_owned()], ..round };
    let e = store.assess(&AssessChange::AddRound(nowhere)).unwrap_err();
    assert_eq!(refused(e), AssessError::UnknownCatalog("Nichts".to_owned()));
    let mut wrong = set(LATEST, "A.1", Outcome::Met);
    if let AssessChange::SetResult(x) = &mut wrong {
        x.catalog = "VdS 3473".to_owned();
    }
    let e = store.assess(&wrong).unwrap_err();
    assert!(matches!(refused(e), AssessError::UnknownRequirement { .. }));
    let e = store.assess(&set(LATEST, "A.1", Outcome::Met)).unwrap_err();
    assert!(matches!(refused(e), AssessError::NotCovered { .. }));
    let twice = Catalog {
        nodes: vec![
            Node { id: "1".to_owned(), title: "a".to_owned(), ..Node::default() },
            Node { id: "1".to_owned(), title: "b".to_owned(), ..Node::default() },
        ],
        ..catalog("1", &[])
    };
    let e = store.assess(&AssessChange::ImportCatalog(twice)).unwrap_err();
    assert!(matches!(refused(e), AssessError::DuplicateId { .. }));
    let long = catalog("1", &[("A.1", &"x".repeat(400_000))]);
    assert!(matches!(
        store.assess(&AssessChange::ImportCatalog(long)),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.history(None).unwrap().len(), n);
}
