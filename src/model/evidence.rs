//! Evidence kept with a measure (and optionally one of its re-evaluations): files stored inside
//! the roadmap, or links to where the proof lives (an intranet page, a ticket).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// The largest evidence file a roadmap keeps: 25 MB (MiB), so that the one file (or the server)
/// stays small enough to copy and back up every day.
pub const MAX_EVIDENCE_BYTES: u64 = 25 * 1024 * 1024;

/// What a piece of evidence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A file whose bytes the roadmap keeps.
    File,
    /// A link (`http://`, `https://`, `file://` or a network path `\\server\share\…`).
    Link,
}

impl EvidenceKind {
    /// The name in the store and the command line's JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Link => "link",
        }
    }

    /// The kind of a stored name.
    pub fn from_slug(s: &str) -> Option<Self> {
        match s {
            "file" => Some(Self::File),
            "link" => Some(Self::Link),
            _ => None,
        }
    }
}

/// One piece of evidence (without a file's bytes: those are read when wanted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Database id.
    pub id: i64,
    /// The measure's code.
    pub code: String,
    /// The re-evaluation it proves, if it belongs to one (its id).
    pub reevaluation: Option<i64>,
    /// File or link.
    pub kind: EvidenceKind,
    /// A file's name (without folders); a link's address.
    pub name: String,
    /// A link's address (`None` for a file).
    pub url: Option<String>,
    /// A file's size in bytes.
    pub size: Option<u64>,
    /// A file's SHA-256, 64 lower-case hex digits.
    pub sha256: Option<String>,
    /// What it shows.
    pub note: String,
    /// When it was added.
    pub added_at: NaiveDateTime,
    /// Who added it.
    pub added_by: String,
}

/// Where new evidence comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceSource {
    /// A file's name (a path is cut to its last part) and its bytes.
    File {
        /// The file's name.
        name: String,
        /// Its content (at most [`MAX_EVIDENCE_BYTES`]).
        bytes: Vec<u8>,
    },
    /// A link.
    Link(String),
}

/// Evidence to be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvidence {
    /// File or link.
    pub source: EvidenceSource,
    /// What it shows.
    pub note: String,
    /// The day of the re-evaluation it belongs to, if any.
    pub reevaluation: Option<chrono::NaiveDate>,
}

/// Why a link is not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing given.
    Empty,
    /// Not an address the town's computers can open.
    Unsupported,
}

/// Checks a link: `http://`, `https://` or `file://` with something after it, or a network path
/// `\\server\share…`; spaces around it are dropped. Returns the link as it is kept.
pub fn check_link(url: &str) -> Result<String, LinkError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(LinkError::Empty);
    }
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://", "file://", "\\\\"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))
        .ok_or(LinkError::Unsupported)?;
    if rest.trim().is_empty() || url.chars().any(char::is_control) {
        return Err(LinkError::Unsupported);
    }
    Ok(url.to_owned())
}

/// A file name as evidence keeps it: the last part of a path, without control characters; never
/// empty (`file` when nothing is left).
pub fn evidence_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    if clean.is_empty() { "file".to_owned() } else { clean.to_owned() }
}

/// A digest as 64 lower-case hex digits.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_the_town_can_open_are_taken() {
        assert_eq!(
            check_link("  https://intranet/it/ticket/42 "),
            Ok("https://intranet/it/ticket/42".into())
        );
        assert_eq!(check_link("HTTP://x"), Ok("HTTP://x".into()));
        assert_eq!(
            check_link(r"\\rathaus\it\protokoll.pdf"),
            Ok(r"\\rathaus\it\protokoll.pdf".into())
        );
        assert_eq!(check_link("file:///srv/it/a.pdf"), Ok("file:///srv/it/a.pdf".into()));
        assert_eq!(check_link("  "), Err(LinkError::Empty));
        assert_eq!(check_link("intranet/page"), Err(LinkError::Unsupported));
        assert_eq!(check_link("https://"), Err(LinkError::Unsupported));
        assert_eq!(check_link("javascript:alert(1)"), Err(LinkError::Unsupported));
        assert_eq!(check_link("https://a\nb"), Err(LinkError::Unsupported));
    }

    #[test]
    fn file_names_lose_their_folders() {
        assert_eq!(evidence_name("/home/anna/Protokoll 2026.pdf"), "Protokoll 2026.pdf");
        assert_eq!(evidence_name("C:\\Scans\\scan\u{7}.png"), "scan.png");
        assert_eq!(evidence_name("/tmp/"), "file");
    }

    #[test]
    fn digests_are_lower_case_hex() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(EvidenceKind::from_slug(EvidenceKind::Link.as_str()), Some(EvidenceKind::Link));
        assert_eq!(EvidenceKind::from_slug("scan"), None);
    }
}
