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

/// A change of the assessment, as the store writes it (each one change in the history, undone
/// as one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessChange {
    /// Imports a catalogue, or a newer version of one of the same name (results of unchanged
    /// ids are kept, those of removed and changed ids dropped).
    ImportCatalog(Catalog),
    /// Removes a catalogue no round covers (its links go with it).
    RemoveCatalog(String),
    /// Adds a round; with `from`, the results of that round are carried over.
    AddRound(Round),
    /// Sets one requirement's result in a round (`carried_over` and `assessed_on` are the
    /// store's: not carried, the day of the change).
    SetResult(AssessResult),
    /// Links a measure to a requirement (`true`) or unlinks it.
    Link(RequirementLink, bool),
}

/// Why a change of the assessment is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AssessError {
    /// No catalogue of this name.
    #[error("no catalogue named {0}")]
    UnknownCatalog(String),
    /// No round of this title.
    #[error("no assessment round named {0}")]
    UnknownRound(String),
    /// The catalogue has no requirement of this id.
    #[error("catalogue {catalog} has no requirement {id}")]
    UnknownRequirement {
        /// The catalogue.
        catalog: String,
        /// The id asked for.
        id: String,
    },
    /// Several catalogues have a requirement of this id.
    #[error("several catalogues have a requirement {id}: {}", .catalogs.join(", "))]
    AmbiguousRequirement {
        /// The id.
        id: String,
        /// The catalogues that have it.
        catalogs: Vec<String>,
    },
    /// The round does not cover the catalogue.
    #[error("round {round} does not cover catalogue {catalog}")]
    NotCovered {
        /// The round.
        round: String,
        /// The catalogue.
        catalog: String,
    },
    /// Rounds cover the catalogue: it cannot be removed.
    #[error("catalogue {name} is used by {}", .rounds.join(", "))]
    CatalogInUse {
        /// The catalogue.
        name: String,
        /// The rounds that cover it.
        rounds: Vec<String>,
    },
    /// A round of this title exists.
    #[error("a round named {0} exists")]
    RoundExists(String),
    /// A round must cover at least one catalogue.
    #[error("the round covers no catalogue")]
    NoCatalog,
    /// A catalogue without requirements.
    #[error("catalogue {0} has no requirements")]
    EmptyCatalog(String),
    /// An id occurs twice in a catalogue.
    #[error("catalogue {catalog} has the id {id} twice")]
    DuplicateId {
        /// The catalogue.
        catalog: String,
        /// The id.
        id: String,
    },
    /// A name, id or title that is empty.
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// A maturity beyond 0–5.
    #[error("maturity {0} is outside 0–5")]
    Maturity(u8),
    /// The roadmap has no assessment round.
    #[error("there is no assessment round")]
    NoRound,
    /// Someone changed it since: an undo cannot restore what it did.
    #[error("{0} was changed since")]
    Conflict(String),
    /// A name, id or title with control characters (a file may hide terminal escapes in them).
    #[error("{0} contains control characters")]
    Unprintable(String),
    /// Requirements nested deeper than [`MAX_DEPTH`].
    #[error("{0} lies deeper than {MAX_DEPTH} levels")]
    TooDeep(String),
    /// More requirements than [`MAX_REQUIREMENTS`].
    #[error("more than {MAX_REQUIREMENTS} requirements")]
    TooMany,
}

/// How deep groups and requirements may nest (a catalogue deeper than this is no checklist).
pub const MAX_DEPTH: usize = 16;
/// The most requirements a catalogue may hold.
pub const MAX_REQUIREMENTS: usize = 20_000;

/// The longest requirement id, title and statement a catalogue may hold.
pub const MAX_REQUIREMENT_ID: usize = 100;
/// The longest requirement title.
pub const MAX_REQUIREMENT_TITLE: usize = 1_000;
/// The longest statement text of a requirement.
pub const MAX_REQUIREMENT_TEXT: usize = 100_000;

/// Checks a catalogue before it is written: a name, at least one requirement, unique ids,
/// every text within its limit.
pub fn check_catalog(c: &Catalog) -> Result<(), super::ValidationError> {
    use super::validate::check_length;
    fn nodes(list: &[Node]) -> Result<(), super::ValidationError> {
        for n in list {
            check_length("id", &n.id, MAX_REQUIREMENT_ID)?;
            check_length("title", &n.title, MAX_REQUIREMENT_TITLE)?;
            check_length("text", &n.text, MAX_REQUIREMENT_TEXT)?;
            check_length("level", &n.level, super::MAX_CODE)?;
            for (k, v) in &n.attributes {
                check_length("attribute", k, super::MAX_TITLE)?;
                check_length("attribute", v, super::MAX_TEXT)?;
            }
            nodes(&n.children)?;
        }
        Ok(())
    }
    check_length("name", &c.name, super::MAX_TITLE)?;
    check_length("version", &c.version, super::MAX_TITLE)?;
    check_length("source", &c.source, super::MAX_TEXT)?;
    nodes(&c.nodes)
}

impl Catalog {
    /// Why the catalogue cannot be stored as it is, if it cannot (empty name, empty id, no
    /// requirement, an id twice).
    pub fn problem(&self) -> Option<AssessError> {
        fn empty_id(nodes: &[Node]) -> bool {
            nodes.iter().any(|n| n.id.trim().is_empty() || empty_id(&n.children))
        }
        /// The first node too deep, or with control characters in id, title or level (the
        /// statement may break lines).
        fn unsound(nodes: &[Node], depth: usize) -> Option<AssessError> {
            nodes.iter().find_map(|n| {
                if depth >= MAX_DEPTH {
                    return Some(AssessError::TooDeep(n.id.clone()));
                }
                let bad = |t: &str, lines: bool| {
                    t.chars().any(|c| c.is_control() && !(lines && c == '\n'))
                };
                if bad(&n.id, false)
                    || bad(&n.title, false)
                    || bad(&n.level, false)
                    || bad(&n.text, true)
                {
                    return Some(AssessError::Unprintable(n.id.escape_debug().to_string()));
                }
                unsound(&n.children, depth + 1)
            })
        }
        if self.name.trim().is_empty() {
            return Some(AssessError::Empty("name"));
        }
        if self.name.chars().any(char::is_control) || self.version.chars().any(char::is_control) {
            return Some(AssessError::Unprintable(self.name.escape_debug().to_string()));
        }
        if empty_id(&self.nodes) {
            return Some(AssessError::Empty("id"));
        }
        if let Some(problem) = unsound(&self.nodes, 0) {
            return Some(problem);
        }
        if self.requirement_count() > MAX_REQUIREMENTS {
            return Some(AssessError::TooMany);
        }
        if self.requirement_count() == 0 {
            return Some(AssessError::EmptyCatalog(self.name.clone()));
        }
        self.duplicate_id()
            .map(|id| AssessError::DuplicateId { catalog: self.name.clone(), id: id.to_owned() })
    }
}

/// The framework a catalogue of this name belongs to, if it is one the measures refer to
/// ("ITIL 4" → ITIL 4, "VdS 3473" → VdS 3473, "BSI IT-Grundschutz" → BSI).
fn framework_of(catalog: &str) -> Option<super::Framework> {
    // Whole words only ("Basisabsicherung" is no BSI catalogue); "ITIL 4", "VdS 3473" as two.
    let words: Vec<String> = catalog
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let pair = |a: &str, b: &str| {
        words.windows(2).any(|p| p[0] == a && p[1] == b) || has(&format!("{a}{b}"))
    };
    if pair("itil", "4") {
        Some(super::Framework::Itil4)
    } else if pair("vds", "3473") {
        Some(super::Framework::Vds3473)
    } else if has("bsi") || has("grundschutz") || has("it-grundschutz") {
        Some(super::Framework::Bsi)
    } else {
        None
    }
}

/// The numbers in a reference ("Kap. 10.3 Basisschutz (10.3.1 Updates)" → 10.3, 10.3.1).
fn numbers(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
                // A dot continues the number only when a digit follows.
                if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
                    end += 1;
                }
            }
            out.push(&text[start..end]);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The links the measures' framework references name in `catalog`: a reference that is a
/// requirement's id, or whose numbers name requirements ("Kap. 4.1 …" names 4.1 and every
/// 4.1.x; "Kap. 10" every requirement of chapter 10).
pub fn derived_links(measures: &[super::Measure], catalog: &Catalog) -> Vec<RequirementLink> {
    let Some(framework) = framework_of(&catalog.name) else { return Vec::new() };
    let ids: Vec<&str> = catalog.requirements().iter().map(|r| r.node.id.as_str()).collect();
    let mut links = std::collections::BTreeSet::new();
    for m in measures {
        for r in m.frameworks.iter().filter(|r| r.framework == framework) {
            let reference = r.reference.trim();
            // The reference is the id ("Incident management"), or starts with it ("ORP.1
            // Organisation"); chapter numbers only for VdS ("Kap. 4.1 …").
            let first = reference.split_whitespace().next().unwrap_or_default();
            let mut found: Vec<&str> =
                ids.iter().copied().filter(|id| *id == reference || *id == first).collect();
            if found.is_empty() && framework == super::Framework::Vds3473 {
                for n in numbers(reference) {
                    found.extend(ids.iter().copied().filter(|id| {
                        *id == n || id.strip_prefix(n).is_some_and(|rest| rest.starts_with('.'))
                    }));
                }
            }
            for id in found {
                links.insert(RequirementLink {
                    code: m.code.clone(),
                    catalog: catalog.name.clone(),
                    requirement: id.to_owned(),
                });
            }
        }
    }
    links.into_iter().collect()
}
