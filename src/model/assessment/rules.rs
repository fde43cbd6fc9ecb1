//! What a change of the assessment is, why one is refused, and the limits a catalogue keeps.

use super::{AssessResult, Catalog, Node, RequirementLink, Round};

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
    /// Two catalogues of one name.
    #[error("the catalogue {0} is given twice")]
    DuplicateCatalog(String),
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
pub fn check_catalog(c: &Catalog) -> Result<(), crate::model::ValidationError> {
    use crate::model::check_length;
    fn nodes(list: &[Node]) -> Result<(), crate::model::ValidationError> {
        for n in list {
            check_length("id", &n.id, MAX_REQUIREMENT_ID)?;
            check_length("title", &n.title, MAX_REQUIREMENT_TITLE)?;
            check_length("text", &n.text, MAX_REQUIREMENT_TEXT)?;
            check_length("level", &n.level, crate::model::MAX_CODE)?;
            for (k, v) in &n.attributes {
                check_length("attribute", k, crate::model::MAX_TITLE)?;
                check_length("attribute", v, crate::model::MAX_TEXT)?;
            }
            nodes(&n.children)?;
        }
        Ok(())
    }
    check_length("name", &c.name, crate::model::MAX_TITLE)?;
    check_length("version", &c.version, crate::model::MAX_TITLE)?;
    check_length("source", &c.source, crate::model::MAX_TEXT)?;
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
