use chrono::NaiveDate;

use super::*;
use crate::model::{Measure, Reevaluation};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn req(id: &str) -> Node {
    Node { id: id.to_owned(), title: format!("Title {id}"), ..Node::default() }
}

fn group(id: &str, children: Vec<Node>) -> Node {
    Node {
        id: id.to_owned(),
        title: format!("Group {id}"),
        group: true,
        children,
        ..Node::default()
    }
}

fn catalog() -> Catalog {
    let mut nested = req("1.2");
    nested.children = vec![req("1.2.1")];
    Catalog {
        name: "C".to_owned(),
        version: "1".to_owned(),
        source: String::new(),
        nodes: vec![
            group("1", vec![req("1.1"), nested, group("1.3", vec![req("1.3.1")])]),
            group("2", vec![req("2.1"), req("2.2")]),
            req("9"),
        ],
    }
}

fn result(round: &str, id: &str, result: Outcome, on: NaiveDate) -> AssessResult {
    AssessResult {
        round: round.to_owned(),
        catalog: "C".to_owned(),
        requirement: id.to_owned(),
        result,
        maturity: None,
        note: String::new(),
        carried_over: false,
        assessed_on: on,
    }
}

fn round(title: &str, date: NaiveDate) -> Round {
    Round { title: title.to_owned(), date, catalogs: vec!["C".to_owned()], ..Round::default() }
}

#[test]
fn the_tree_lists_requirements_under_their_top_level_group() {
    let c = catalog();
    let ids: Vec<(&str, &str, usize)> = c
        .requirements()
        .iter()
        .map(|r| (r.node.id.as_str(), r.group.map_or("", |g| g.id.as_str()), r.depth))
        .collect();
    assert_eq!(
        ids,
        [
            ("1.1", "1", 1),
            ("1.2", "1", 1),
            ("1.2.1", "1", 2),
            ("1.3.1", "1", 2),
            ("2.1", "2", 1),
            ("2.2", "2", 1),
            ("9", "", 0)
        ]
    );
    assert_eq!(c.requirement_count(), 7);
    assert_eq!(c.groups(), [("1", "Group 1"), ("2", "Group 2"), ("", "")]);
    assert!(c.has_requirement("1.2.1"));
    assert!(!c.has_requirement("1.3"), "a group is not a requirement");
    // A chapter may hold a requirement of its own number (VdS 3473 chapter 5).
    let mut five = catalog();
    five.nodes.push(group("5", vec![req("5")]));
    assert!(five.has_requirement("5"));
    assert_eq!(five.duplicate_id(), None);
    assert_eq!(c.duplicate_id(), None);
    let mut twice = catalog();
    twice.nodes[1].children.push(req("1.2.1"));
    assert_eq!(twice.duplicate_id(), Some("1.2.1"));
}

#[test]
fn the_degree_counts_partial_as_half_and_open_as_not_met() {
    let t = |met, partial, not_met, not_applicable, open| Tally {
        met,
        partial,
        not_met,
        not_applicable,
        open,
    };
    // 14 partial of 29 applicable: 24.1 % → 24.
    assert_eq!(t(0, 14, 15, 5, 0).degree(), Some(24));
    assert_eq!(t(1, 0, 2, 0, 0).degree(), Some(33));
    assert_eq!(t(2, 0, 1, 0, 0).degree(), Some(67));
    // 1/8 = 12.5 % rounds up to 13.
    assert_eq!(t(0, 1, 3, 0, 0).degree(), Some(13));
    assert_eq!(t(0, 0, 0, 0, 4).degree(), Some(0), "what nobody looked at is not fulfilled");
    assert_eq!(t(0, 0, 0, 3, 0).degree(), None, "nothing applies");
    assert_eq!(t(3, 0, 0, 9, 0).degree(), Some(100));
}

#[test]
fn tallies_gaps_and_comparison_follow_the_results() {
    let c = catalog();
    let (first, second) = (round("A", day(2023, 1, 1)), round("B", day(2026, 1, 1)));
    let mut m1 = Measure::new("M1", "x", day(2023, 1, 1), day(2024, 1, 1));
    m1.status = Status::Done;
    m1.completed = Some(day(2026, 2, 1));
    let m2 = Measure::new("M2", "y", day(2023, 1, 1), day(2024, 1, 1));
    let roadmap = Roadmap { measures: vec![m1, m2], ..Roadmap::default() };
    let link = |code: &str, id: &str| RequirementLink {
        code: code.to_owned(),
        catalog: "C".to_owned(),
        requirement: id.to_owned(),
    };
    let a = Assessment {
        catalogs: vec![c],
        rounds: vec![second.clone(), first.clone()],
        results: vec![
            result("A", "1.1", Outcome::NotMet, day(2023, 1, 1)),
            result("A", "2.1", Outcome::NotApplicable, day(2023, 1, 1)),
            result("B", "1.1", Outcome::Met, day(2026, 1, 1)),
            result("B", "1.2", Outcome::Partial, day(2026, 1, 1)),
            result("B", "2.1", Outcome::NotApplicable, day(2023, 1, 1)),
            result("B", "2.2", Outcome::NotMet, day(2026, 1, 1)),
        ],
        links: vec![link("M1", "1.2"), link("M2", "2.2"), link("M1", "1.1")],
    };
    assert_eq!(a.first_and_latest().map(|(f, l)| (&*f.title, &*l.title)), Some(("A", "B")));
    let tallies = a.tallies(&second);
    assert_eq!(
        tallies[0].tally,
        Tally { met: 1, partial: 1, not_met: 1, not_applicable: 1, open: 3 }
    );
    // (1 + ½) / 6 = 25 %.
    assert_eq!(a.degree(&second, "C"), Some(25));
    assert_eq!(a.degree(&first, "C"), Some(0));
    assert_eq!(tallies[0].groups[0].tally.degree(), Some(38), "group 1: 1.5 of 4");
    assert_eq!(tallies[0].groups[1].tally.degree(), Some(0), "group 2: 2.2 not met");
    // Gaps: 1.2 (partial, only a completed measure), 1.2.1, 1.3.1 and 9 (open, no measure);
    // 2.2 is addressed by the active M2.
    let gaps = a.gaps(&roadmap, &second);
    let gaps: Vec<&str> = gaps.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(gaps, ["1.2", "1.2.1", "1.3.1", "9"]);
    // M1 was completed after 1.1 and 1.2 were assessed.
    let again = a.to_reassess(&roadmap, &second);
    let again: Vec<(&str, &[String])> =
        again.iter().map(|t| (t.id.as_str(), t.measures.as_slice())).collect();
    assert_eq!(again, [("1.1", &["M1".to_owned()][..]), ("1.2", &["M1".to_owned()][..])]);
    // An effective verdict after the assessment counts as well; one before does not.
    let mut judged = roadmap.clone();
    judged.measures[0].status = Status::InProgress;
    judged.measures[0].completed = None;
    judged.reevaluations.push(Reevaluation {
        code: "M1".to_owned(),
        date: day(2025, 1, 1),
        verdict: Verdict::Effective,
        id: 1,
        note: String::new(),
        by: String::new(),
        confirmed_by: None,
        confirmed_at: None,
        imported: false,
    });
    assert!(a.to_reassess(&judged, &second).is_empty());
    judged.reevaluations[0].date = day(2026, 3, 1);
    assert_eq!(a.to_reassess(&judged, &second).len(), 2);
    assert_eq!(a.measures_without_requirement(&roadmap), Vec::<&str>::new());
    let changed = a.changed(&first, &second);
    let changed: Vec<(&str, Outcome, Outcome)> =
        changed.iter().map(|c| (c.id.as_str(), c.a, c.b)).collect();
    assert_eq!(
        changed,
        [
            ("1.1", Outcome::NotMet, Outcome::Met),
            ("1.2", Outcome::Open, Outcome::Partial),
            ("2.2", Outcome::Open, Outcome::NotMet)
        ]
    );
}

#[test]
fn a_new_version_lists_added_removed_and_changed_ids() {
    let old = catalog();
    let mut new = catalog();
    new.nodes[1].children[0].title = "Changed".to_owned();
    new.nodes[1].children.pop();
    new.nodes.push(req("10"));
    let diff = catalog_diff(Some(&old), &new);
    assert!(diff.replaces);
    assert_eq!(diff.added, ["10"]);
    assert_eq!(diff.removed, ["2.2"]);
    assert_eq!(diff.changed, ["2.1"]);
    assert_eq!(diff.unchanged, 5);
    let fresh = catalog_diff(None, &new);
    assert!(!fresh.replaces);
    assert_eq!(fresh.added.len(), 7);
}

#[test]
fn framework_references_link_only_catalogues_of_their_framework() {
    use crate::model::{Framework, FrameworkRef};
    let mut m = Measure::new("M1", "x", day(2026, 1, 1), day(2026, 12, 31));
    m.frameworks = vec![
        FrameworkRef { framework: Framework::Bsi, reference: "ORP.1 Organisation".into() },
        FrameworkRef { framework: Framework::Vds3473, reference: "Kap. 1 (1.2)".into() },
    ];
    let mut own = catalog();
    own.name = "Basisabsicherung Checkliste".into();
    assert!(derived_links(std::slice::from_ref(&m), &own).is_empty(), "no BSI catalogue");
    own.name = "BSI Kompendium".into();
    own.nodes.push(req("ORP.1"));
    let links = derived_links(std::slice::from_ref(&m), &own);
    let ids: Vec<&str> = links.iter().map(|l| l.requirement.as_str()).collect();
    assert_eq!(ids, ["ORP.1"], "the id the reference starts with, never a number in it");
    own.name = "VdS 3473".into();
    let links = derived_links(std::slice::from_ref(&m), &own);
    let ids: Vec<&str> = links.iter().map(|l| l.requirement.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "1.2.1", "1.3.1"], "chapter 1 and all below it");
}

#[test]
fn a_catalogue_too_deep_or_with_control_characters_is_refused() {
    let mut deep = req("0");
    for i in 1..=20 {
        deep = Node { id: format!("{i}"), children: vec![deep], ..req("x") };
    }
    let c = Catalog { name: "Tief".into(), nodes: vec![deep], ..Catalog::default() };
    assert!(matches!(c.problem(), Some(AssessError::TooDeep(_))));
    let mut escaped = catalog();
    escaped.nodes[1].children[0].title = "Titel\u{1b}[2J".into();
    assert!(matches!(escaped.problem(), Some(AssessError::Unprintable(_))));
    let mut lines = catalog();
    lines.nodes[1].children[0].text = "Zeile 1\nZeile 2".into();
    assert_eq!(lines.problem(), None, "a statement may break lines");
}
