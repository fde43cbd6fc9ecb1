//! The assessment behind the roadmap: catalogues of requirements (ITIL 4, VdS 3473, a
//! checklist), assessment rounds with a result per requirement, the links from measures to the
//! requirements they address, and what follows from them: the fulfilment degree, the gaps and
//! what is to be assessed again.
//!
//! The fulfilment degree of a set of requirements is (met + ½ × partial) / (all − not
//! applicable), in whole per cent rounded half up; a requirement without a result (`open`)
//! counts as not met: what nobody looked at is not fulfilled.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::measure::slug_enum;
use super::{Roadmap, Status, Verdict};

mod links;
mod rules;

pub use links::derived_links;
pub use rules::{
    AssessChange, AssessError, MAX_DEPTH, MAX_REQUIREMENT_ID, MAX_REQUIREMENT_TEXT,
    MAX_REQUIREMENT_TITLE, MAX_REQUIREMENTS, check_catalog,
};

slug_enum! {
    /// The result of assessing one requirement.
    Outcome {
        /// The requirement is met.
        Met = "met",
        /// The requirement is met in part.
        Partial = "partial",
        /// The requirement is not met.
        NotMet = "not-met",
        /// The requirement does not apply here.
        NotApplicable = "not-applicable",
        /// Not (yet) assessed.
        Open = "open",
    }
}

impl Outcome {
    /// Whether a requirement with this result is a gap (not fully met, and applicable).
    pub const fn is_gap(self) -> bool {
        matches!(self, Self::NotMet | Self::Partial | Self::Open)
    }
}

/// One node of a catalogue: a group (chapter) or a requirement; either may hold more.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The id, unique within the catalogue ("4.1.1", "Incident management", "GC.1.2").
    pub id: String,
    /// The title.
    pub title: String,
    /// The statement's text, if the catalogue has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The level (MUSS, SOLLTE, KANN …), if the catalogue has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub level: String,
    /// Whether this is a group (a chapter, not assessed itself).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub group: bool,
    /// Further attributes as the source names them (OSCAL `props`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
    /// What the node holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Self>,
}

/// A named, versioned tree of requirements.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// The name, unique within the roadmap ("VdS 3473").
    pub name: String,
    /// The version ("2015-07").
    #[serde(default)]
    pub version: String,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// The top-level groups and requirements.
    pub nodes: Vec<Node>,
}

/// A requirement of a catalogue as the views list it.
#[derive(Clone, Copy, Debug)]
pub struct Requirement<'a> {
    /// The requirement.
    pub node: &'a Node,
    /// The top-level group it belongs to (`None` for a requirement at the top level).
    pub group: Option<&'a Node>,
    /// How deep it lies (0: top level).
    pub depth: usize,
}

impl Catalog {
    /// Every requirement (not the groups), in the catalogue's order, depth first.
    pub fn requirements(&self) -> Vec<Requirement<'_>> {
        fn walk<'a>(
            nodes: &'a [Node],
            group: Option<&'a Node>,
            depth: usize,
            out: &mut Vec<Requirement<'a>>,
        ) {
            for node in nodes {
                let group = group.or(if depth == 0 && node.group { Some(node) } else { None });
                if !node.group {
                    out.push(Requirement { node, group, depth });
                }
                walk(&node.children, group, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, None, 0, &mut out);
        out
    }

    /// The top-level groups, in order; requirements at the top level form a group of their own
    /// (id and title empty) at the end.
    pub fn groups(&self) -> Vec<(&str, &str)> {
        let mut groups: Vec<(&str, &str)> = self
            .nodes
            .iter()
            .filter(|n| n.group)
            .map(|n| (n.id.as_str(), n.title.as_str()))
            .collect();
        if self.nodes.iter().any(|n| !n.group) {
            groups.push(("", ""));
        }
        groups
    }

    /// A requirement (not a group) by id. Groups and requirements are named apart: VdS 3473's
    /// chapter 5 holds the requirement 5.
    pub fn requirement(&self, id: &str) -> Option<&Node> {
        fn find<'a>(nodes: &'a [Node], id: &str) -> Option<&'a Node> {
            nodes
                .iter()
                .find_map(|n| if !n.group && n.id == id { Some(n) } else { find(&n.children, id) })
        }
        find(&self.nodes, id)
    }

    /// Whether `id` names a requirement (not a group).
    pub fn has_requirement(&self, id: &str) -> bool {
        self.requirement(id).is_some()
    }

    /// The number of requirements.
    pub fn requirement_count(&self) -> usize {
        fn count(nodes: &[Node]) -> usize {
            nodes.iter().map(|n| usize::from(!n.group) + count(&n.children)).sum()
        }
        count(&self.nodes)
    }

    /// The first id that two requirements (or two groups) share, if any.
    pub fn duplicate_id(&self) -> Option<&str> {
        let mut seen = HashSet::new();
        let mut stack: Vec<&Node> = self.nodes.iter().collect();
        while let Some(node) = stack.pop() {
            if !seen.insert((node.group, node.id.as_str())) {
                return Some(&node.id);
            }
            stack.extend(node.children.iter());
        }
        None
    }
}

/// What a newer version of a catalogue changes against the one in the roadmap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogDiff {
    /// Whether the roadmap has a catalogue of that name already.
    pub replaces: bool,
    /// Requirement ids only the new version has.
    pub added: Vec<String>,
    /// Requirement ids only the old version has (their results are dropped).
    pub removed: Vec<String>,
    /// Requirement ids whose title, text or level changed (their results are dropped).
    pub changed: Vec<String>,
    /// Requirement ids in both, unchanged (their results are kept).
    pub unchanged: usize,
}

/// Compares a new version of a catalogue with the old one (`None`: not in the roadmap yet).
pub fn catalog_diff(old: Option<&Catalog>, new: &Catalog) -> CatalogDiff {
    let Some(old) = old else {
        return CatalogDiff {
            added: new.requirements().iter().map(|r| r.node.id.clone()).collect(),
            ..CatalogDiff::default()
        };
    };
    let before: HashMap<&str, &Node> =
        old.requirements().into_iter().map(|r| (r.node.id.as_str(), r.node)).collect();
    let after: HashMap<&str, &Node> =
        new.requirements().into_iter().map(|r| (r.node.id.as_str(), r.node)).collect();
    let mut diff = CatalogDiff { replaces: true, ..CatalogDiff::default() };
    for r in new.requirements() {
        match before.get(r.node.id.as_str()) {
            None => diff.added.push(r.node.id.clone()),
            Some(o)
                if o.title != r.node.title || o.text != r.node.text || o.level != r.node.level =>
            {
                diff.changed.push(r.node.id.clone());
            }
            Some(_) => diff.unchanged += 1,
        }
    }
    diff.removed = old
        .requirements()
        .iter()
        .filter(|r| !after.contains_key(r.node.id.as_str()))
        .map(|r| r.node.id.clone())
        .collect();
    diff
}

/// An assessment round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// The title, unique within the roadmap.
    pub title: String,
    /// The day of the assessment.
    pub date: NaiveDate,
    /// Who assessed.
    #[serde(default)]
    pub by: String,
    /// The names of the catalogues it covers.
    pub catalogs: Vec<String>,
    /// The round it started from (its results carried over), if any.
    #[serde(default)]
    pub from: Option<String>,
    /// The maturity aimed at (0–5), if maturity is assessed.
    #[serde(default)]
    pub target_maturity: Option<u8>,
}

/// The result of one requirement in one round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessResult {
    /// The round's title.
    pub round: String,
    /// The catalogue's name.
    pub catalog: String,
    /// The requirement's id.
    pub requirement: String,
    /// The result.
    pub result: Outcome,
    /// The maturity 0–5, if assessed.
    #[serde(default)]
    pub maturity: Option<u8>,
    /// A note.
    #[serde(default)]
    pub note: String,
    /// Taken over from the round this one started from, not assessed again.
    #[serde(default)]
    pub carried_over: bool,
    /// The day the requirement was last really assessed (for a result carried over: in the
    /// earlier round).
    pub assessed_on: NaiveDate,
}

/// A measure addresses a requirement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RequirementLink {
    /// The measure's code.
    pub code: String,
    /// The catalogue's name.
    pub catalog: String,
    /// The requirement's id.
    pub requirement: String,
}

/// Everything of the assessment in a roadmap.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The catalogues, by name.
    #[serde(default)]
    pub catalogs: Vec<Catalog>,
    /// The rounds, by date.
    #[serde(default)]
    pub rounds: Vec<Round>,
    /// Every stored result (a requirement without one is open).
    #[serde(default)]
    pub results: Vec<AssessResult>,
    /// Which measure addresses which requirement.
    #[serde(default)]
    pub links: Vec<RequirementLink>,
}

/// How many requirements have which result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Met.
    pub met: usize,
    /// Met in part.
    pub partial: usize,
    /// Not met.
    pub not_met: usize,
    /// Not applicable.
    pub not_applicable: usize,
    /// Not assessed.
    pub open: usize,
}

impl Tally {
    /// Counts one result.
    pub const fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Met => self.met += 1,
            Outcome::Partial => self.partial += 1,
            Outcome::NotMet => self.not_met += 1,
            Outcome::NotApplicable => self.not_applicable += 1,
            Outcome::Open => self.open += 1,
        }
    }

    /// All requirements counted.
    pub const fn total(&self) -> usize {
        self.met + self.partial + self.not_met + self.not_applicable + self.open
    }

    /// The fulfilment degree in whole per cent (half up); `None` when nothing applies.
    pub fn degree(&self) -> Option<u8> {
        let applicable = self.total() - self.not_applicable;
        if applicable == 0 {
            return None;
        }
        // (met + partial / 2) / applicable × 100, in halves, rounded half up.
        let halves = (2 * self.met + self.partial) * 100;
        let percent = (halves + applicable) / (2 * applicable);
        u8::try_from(percent).ok()
    }
}

/// A group's figures in one round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTally {
    /// The group's id (empty: the requirements at the top level).
    pub id: String,
    /// The group's title.
    pub title: String,
    /// Its requirements' results.
    pub tally: Tally,
}

/// A catalogue's figures in one round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogTally {
    /// The catalogue's name.
    pub name: String,
    /// All its requirements' results.
    pub tally: Tally,
    /// Per top-level group.
    pub groups: Vec<GroupTally>,
}

/// A requirement the roadmap does not close: its result, the measures that address it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The catalogue's name.
    pub catalog: String,
    /// The requirement's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its result in the round.
    pub result: Outcome,
    /// The measures that address it (none of them active).
    pub measures: Vec<String>,
}

/// A requirement to assess again: measures addressing it were completed or judged effective
/// after it was last assessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToReassess {
    /// The catalogue's name.
    pub catalog: String,
    /// The requirement's id.
    pub id: String,
    /// The measures completed or judged effective since.
    pub measures: Vec<String>,
}

/// A requirement whose result differs between two rounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedResult {
    /// The catalogue's name.
    pub catalog: String,
    /// The requirement's id.
    pub id: String,
    /// In the first round.
    pub a: Outcome,
    /// In the second.
    pub b: Outcome,
}

type Key<'a> = (&'a str, &'a str, &'a str);

impl Assessment {
    /// A catalogue by name.
    pub fn catalog(&self, name: &str) -> Option<&Catalog> {
        self.catalogs.iter().find(|c| c.name == name)
    }

    /// A round by title.
    pub fn round(&self, title: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.title == title)
    }

    /// The rounds from first to latest (by date, then as stored).
    pub fn rounds_in_order(&self) -> Vec<&Round> {
        let mut rounds: Vec<&Round> = self.rounds.iter().collect();
        rounds.sort_by_key(|r| r.date);
        rounds
    }

    /// The first and the latest round.
    pub fn first_and_latest(&self) -> Option<(&Round, &Round)> {
        let rounds = self.rounds_in_order();
        Some((*rounds.first()?, *rounds.last()?))
    }

    /// The rounds that cover `catalog`, first to latest.
    pub fn rounds_of(&self, catalog: &str) -> Vec<&Round> {
        self.rounds_in_order()
            .into_iter()
            .filter(|r| r.catalogs.iter().any(|c| c == catalog))
            .collect()
    }

    /// The first and the latest round that cover `catalog` (a catalogue assessed only later
    /// has its own first round; one a later round leaves out keeps its latest).
    pub fn first_and_latest_of(&self, catalog: &str) -> Option<(&Round, &Round)> {
        let rounds = self.rounds_of(catalog);
        Some((*rounds.first()?, *rounds.last()?))
    }

    /// The gaps of every catalogue in the latest round that covers it.
    pub fn latest_gaps(&self, roadmap: &Roadmap) -> Vec<Gap> {
        self.catalogs
            .iter()
            .filter_map(|c| self.first_and_latest_of(&c.name).map(|(_, l)| (c, l)))
            .flat_map(|(c, latest)| {
                self.gaps(roadmap, latest).into_iter().filter(move |g| g.catalog == c.name)
            })
            .collect()
    }

    /// What is to be assessed again, per catalogue in the latest round that covers it.
    pub fn latest_to_reassess(&self, roadmap: &Roadmap) -> Vec<ToReassess> {
        self.catalogs
            .iter()
            .filter_map(|c| self.first_and_latest_of(&c.name).map(|(_, l)| (c, l)))
            .flat_map(|(c, latest)| {
                self.to_reassess(roadmap, latest).into_iter().filter(move |t| t.catalog == c.name)
            })
            .collect()
    }

    /// The results indexed by round, catalogue and requirement.
    pub fn index(&self) -> HashMap<Key<'_>, &AssessResult> {
        self.results
            .iter()
            .map(|r| ((r.round.as_str(), r.catalog.as_str(), r.requirement.as_str()), r))
            .collect()
    }

    /// The stored result of a requirement in a round, if any.
    pub fn result(&self, round: &str, catalog: &str, id: &str) -> Option<&AssessResult> {
        self.results
            .iter()
            .find(|r| r.round == round && r.catalog == catalog && r.requirement == id)
    }

    /// The codes of the measures addressing a requirement, sorted.
    pub fn measures_of(&self, catalog: &str, id: &str) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .links
            .iter()
            .filter(|l| l.catalog == catalog && l.requirement == id)
            .map(|l| l.code.as_str())
            .collect();
        codes.sort_unstable();
        codes
    }

    /// The requirements a measure addresses, in link order.
    pub fn requirements_of(&self, code: &str) -> Vec<&RequirementLink> {
        let mut links: Vec<&RequirementLink> =
            self.links.iter().filter(|l| l.code == code).collect();
        links.sort();
        links
    }

    /// The figures of each catalogue of `round`, per group.
    pub fn tallies(&self, round: &Round) -> Vec<CatalogTally> {
        let index = self.index();
        round
            .catalogs
            .iter()
            .filter_map(|name| self.catalog(name))
            .map(|catalog| self.tally_of(&index, round, catalog))
            .collect()
    }

    fn tally_of(
        &self,
        index: &HashMap<Key<'_>, &AssessResult>,
        round: &Round,
        catalog: &Catalog,
    ) -> CatalogTally {
        let mut groups: BTreeMap<&str, Tally> = BTreeMap::new();
        let mut total = Tally::default();
        for r in catalog.requirements() {
            let outcome = index
                .get(&(round.title.as_str(), catalog.name.as_str(), r.node.id.as_str()))
                .map_or(Outcome::Open, |x| x.result);
            total.add(outcome);
            groups.entry(r.group.map_or("", |g| g.id.as_str())).or_default().add(outcome);
        }
        CatalogTally {
            name: catalog.name.clone(),
            tally: total,
            groups: catalog
                .groups()
                .into_iter()
                .map(|(id, title)| GroupTally {
                    id: id.to_owned(),
                    title: title.to_owned(),
                    tally: groups.get(id).copied().unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// The degree of one catalogue in a round (`None`: not covered, or nothing applies).
    pub fn degree(&self, round: &Round, catalog: &str) -> Option<u8> {
        let catalog =
            self.catalog(catalog).filter(|_| round.catalogs.iter().any(|c| c == catalog))?;
        self.tally_of(&self.index(), round, catalog).tally.degree()
    }

    /// The degree over all catalogues of a round.
    pub fn round_degree(&self, round: &Round) -> Option<u8> {
        let mut all = Tally::default();
        for t in self.tallies(round) {
            all.met += t.tally.met;
            all.partial += t.tally.partial;
            all.not_met += t.tally.not_met;
            all.not_applicable += t.tally.not_applicable;
            all.open += t.tally.open;
        }
        all.degree()
    }

    /// The requirements of `round` not fully met that no active measure addresses.
    pub fn gaps(&self, roadmap: &Roadmap, round: &Round) -> Vec<Gap> {
        let active: HashSet<&str> = roadmap
            .measures
            .iter()
            .filter(|m| !m.archived && !matches!(m.status, Status::Done | Status::Cancelled))
            .map(|m| m.code.as_str())
            .collect();
        let index = self.index();
        let mut gaps = Vec::new();
        for catalog in round.catalogs.iter().filter_map(|n| self.catalog(n)) {
            for r in catalog.requirements() {
                let result = index
                    .get(&(round.title.as_str(), catalog.name.as_str(), r.node.id.as_str()))
                    .map_or(Outcome::Open, |x| x.result);
                let measures = self.measures_of(&catalog.name, &r.node.id);
                if result.is_gap() && !measures.iter().any(|c| active.contains(c)) {
                    gaps.push(Gap {
                        catalog: catalog.name.clone(),
                        id: r.node.id.clone(),
                        title: r.node.title.clone(),
                        result,
                        measures: measures.into_iter().map(str::to_owned).collect(),
                    });
                }
            }
        }
        gaps
    }

    /// The requirements of `round` to assess again: a measure addressing one was completed or
    /// judged effective after its last assessment.
    pub fn to_reassess(&self, roadmap: &Roadmap, round: &Round) -> Vec<ToReassess> {
        // The last day each measure was completed or judged effective.
        let mut last: HashMap<&str, NaiveDate> = HashMap::new();
        for m in &roadmap.measures {
            if let Some(done) = m.completed.filter(|_| m.status == Status::Done) {
                last.insert(&m.code, done);
            }
        }
        for r in roadmap.reevaluations.iter().filter(|r| r.verdict == Verdict::Effective) {
            let day = last.entry(&r.code).or_insert(r.date);
            *day = (*day).max(r.date);
        }
        let ids: HashMap<&str, HashSet<&str>> = self
            .catalogs
            .iter()
            .map(|c| {
                (c.name.as_str(), c.requirements().iter().map(|r| r.node.id.as_str()).collect())
            })
            .collect();
        let mut out = Vec::new();
        for x in self.results.iter().filter(|x| x.round == round.title) {
            let known =
                ids.get(x.catalog.as_str()).is_some_and(|c| c.contains(x.requirement.as_str()));
            if x.result == Outcome::Open || !known {
                continue;
            }
            let measures: Vec<String> = self
                .measures_of(&x.catalog, &x.requirement)
                .into_iter()
                .filter(|c| last.get(c).is_some_and(|d| *d > x.assessed_on))
                .map(str::to_owned)
                .collect();
            if !measures.is_empty() {
                out.push(ToReassess {
                    catalog: x.catalog.clone(),
                    id: x.requirement.clone(),
                    measures,
                });
            }
        }
        out
    }

    /// The codes of the measures (not archived) that address no requirement.
    pub fn measures_without_requirement<'a>(&self, roadmap: &'a Roadmap) -> Vec<&'a str> {
        let linked: HashSet<&str> = self.links.iter().map(|l| l.code.as_str()).collect();
        roadmap
            .measures
            .iter()
            .filter(|m| !m.archived && !linked.contains(m.code.as_str()))
            .map(|m| m.code.as_str())
            .collect()
    }

    /// The requirements whose results differ between rounds `a` and `b` (catalogues both cover).
    pub fn changed(&self, a: &Round, b: &Round) -> Vec<ChangedResult> {
        let index = self.index();
        let mut out = Vec::new();
        for name in a.catalogs.iter().filter(|n| b.catalogs.contains(n)) {
            let Some(catalog) = self.catalog(name) else { continue };
            for r in catalog.requirements() {
                let get = |round: &Round| {
                    index
                        .get(&(round.title.as_str(), name.as_str(), r.node.id.as_str()))
                        .map_or(Outcome::Open, |x| x.result)
                };
                let (ra, rb) = (get(a), get(b));
                if ra != rb {
                    out.push(ChangedResult {
                        catalog: name.clone(),
                        id: r.node.id.clone(),
                        a: ra,
                        b: rb,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "assessment/tests.rs"]
mod tests;
