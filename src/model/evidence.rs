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
    /// Longer than [`MAX_LINK`] characters.
    TooLong,
}

/// The longest link kept (as the engines' checks on an evidence's name hold it).
pub const MAX_LINK: usize = 1000;

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
    if url.chars().count() > MAX_LINK {
        return Err(LinkError::TooLong);
    }
    Ok(url.to_owned())
}

/// Characters that change how text around them is shown (direction overrides, invisible
/// joiners): a name with U+202E could show `Protokollexe.pdf` for `Protokoll\u{202e}fdp.exe`.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{061c}')
}

/// A file name as evidence keeps it: the last part of a path, without control and direction
/// characters; never empty (`file` when nothing is left).
pub fn evidence_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = last.chars().filter(|c| !c.is_control() && !is_format(*c)).collect();
    let clean = clean.trim();
    if clean.is_empty() { "file".to_owned() } else { clean.to_owned() }
}

/// The file types the window hands to the system's viewer: documents and pictures. Anything
/// else (programs, scripts, shortcuts, web pages) is only saved where the user says, never run.
pub const VIEWABLE: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "txt", "csv", "odt", "ods",
    "odp", "odg", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "eml", "msg", "xml", "json",
];

/// Whether a file of this name is opened with the system's viewer (see [`VIEWABLE`]).
pub fn is_viewable(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && VIEWABLE.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// Whether a link is a web address (the only links the window hands to the system: a `file://`
/// or network path could name a program).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A name safe to create in a folder of its own on every system: letters, digits and
/// `space . - _ ( )` only (no drive letters, no `..`, no reserved device names), the extension
/// kept.
pub fn safe_file_name(name: &str) -> String {
    let clean: String = evidence_name(name)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '(' | ')') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let clean = clean.trim_matches(|c| c == '.' || c == ' ');
    let stem = clean.split('.').next().unwrap_or_default().to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT")) && stem.len() == 4);
    let clean = shorten_keeping_extension(clean, 120);
    if clean.is_empty() || reserved { format!("Nachweis_{clean}") } else { clean }
}

/// `name` in at most `max` characters: the stem is shortened, never the extension (a name cut
/// from its end could turn `…A.exe.pdf` into `…A.exe`).
fn shorten_keeping_extension(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() < max / 2 => (stem, ext),
        _ => (name, ""),
    };
    let keep = max - ext.chars().count() - usize::from(!ext.is_empty());
    let stem: String = stem.chars().take(keep).collect();
    let stem = stem.trim_end_matches(['.', ' ']);
    if ext.is_empty() { stem.to_owned() } else { format!("{stem}.{ext}") }
}

/// The name under which a file evidence is handed to the system's viewer: [`safe_file_name`],
/// and only if that final name is [`is_viewable`] (the check is made on the name the system
/// sees, never on the stored one).
pub fn viewer_file_name(name: &str) -> Option<String> {
    let name = safe_file_name(name);
    is_viewable(&name).then_some(name)
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
    fn only_documents_and_web_links_are_handed_to_the_system() {
        assert!(is_viewable("Protokoll.PDF") && is_viewable("scan.jpeg"));
        for name in [
            "setup.exe",
            "run.bat",
            "x.js",
            "a.hta",
            "l.lnk",
            "s.ps1",
            "x.desktop",
            "pdf",
            ".pdf",
            "page.html",
        ] {
            assert!(!is_viewable(name), "{name}");
        }
        assert!(is_web_link(" HTTPS://intranet/x") && is_web_link("http://x"));
        assert!(!is_web_link("file:///usr/bin/xterm") && !is_web_link(r"\\server\share\x.exe"));
        assert_eq!(evidence_name("Protokoll\u{202e}fdp.exe"), "Protokollfdp.exe");
        assert!(!is_viewable(&evidence_name("Protokoll\u{202e}fdp.exe")));
    }

    #[test]
    fn file_names_for_the_temporary_copy_stay_in_their_folder() {
        assert_eq!(safe_file_name("C:evil.bat"), "C_evil.bat");
        assert_eq!(safe_file_name("Prüfung: 1/2.pdf"), "2.pdf");
        assert_eq!(safe_file_name("a:b?.pdf"), "a_b_.pdf");
        assert_eq!(safe_file_name(".."), "Nachweis_");
        assert_eq!(safe_file_name("CON.txt"), "Nachweis_CON.txt");
        assert_eq!(safe_file_name("com1.pdf"), "Nachweis_com1.pdf");
        assert_eq!(safe_file_name("Protokoll (2026).pdf"), "Protokoll (2026).pdf");
        assert!(safe_file_name(&"x".repeat(500)).len() <= 120);
    }

    #[test]
    fn the_copy_keeps_the_extension_that_was_checked() {
        // The attack of issue 25: 124 characters, the first 120 ending in `.exe`.
        let long = format!("Pruefbericht_{}.exe.pdf", "A".repeat(103));
        assert_eq!(long.chars().count(), 124);
        let name = viewer_file_name(&long).unwrap();
        assert!(name.ends_with(".pdf") && !name.contains(".exe.pdf"), "{name}");
        assert!(name.chars().count() <= 120);
        // Every length around the limit, with a double extension: always `.pdf` at the end.
        for n in 100..140 {
            let name = viewer_file_name(&format!("{}.exe.pdf", "B".repeat(n))).unwrap();
            assert!(name.ends_with(".pdf") && name.chars().count() <= 120, "{n}: {name}");
        }
        // Multi-byte letters are counted as letters, never cut inside.
        let name = viewer_file_name(&format!("{}.docx", "Ü".repeat(300))).unwrap();
        assert!(name.ends_with(".docx") && name.chars().count() == 120);
        // The name the system would see is what is checked.
        for bad in [
            "setup.exe",
            "bericht.pdf.exe",
            "bericht.exe ",
            "Protokoll\u{202e}fdp.exe",
            "Protokoll.p\u{200b}df.exe",
            "bericht.PDF\u{feff}.Exe",
            "x.exe::$DATA",
            ".pdf",
        ] {
            assert_eq!(viewer_file_name(bad), None, "{bad:?}");
        }
        assert_eq!(viewer_file_name("Bericht.PDF").as_deref(), Some("Bericht.PDF"));
        // Trailing dots and spaces go (as Windows drops them): the name is checked after that.
        assert_eq!(viewer_file_name("bericht.exe.pdf. ").as_deref(), Some("bericht.exe.pdf"));
        assert_eq!(viewer_file_name("bericht.pdf. . .").as_deref(), Some("bericht.pdf"));
        assert_eq!(viewer_file_name("bericht.exe. . ."), None);
        assert_eq!(viewer_file_name("scan\u{200b}.jpg").as_deref(), Some("scan.jpg"));
        // An extension as long as the name is no extension: the name is cut like any other.
        let odd = format!("a.{}", "p".repeat(200));
        assert_eq!(viewer_file_name(&odd), None);
    }

    #[test]
    fn digests_are_lower_case_hex() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(EvidenceKind::from_slug(EvidenceKind::Link.as_str()), Some(EvidenceKind::Link));
        assert_eq!(EvidenceKind::from_slug("scan"), None);
    }

    #[test]
    fn a_link_longer_than_the_engines_keep_is_refused() {
        let long = format!("https://intranet/{}", "a".repeat(MAX_LINK));
        assert_eq!(check_link(&long), Err(LinkError::TooLong));
        let fits = format!("https://intranet/{}", "a".repeat(MAX_LINK - 17));
        assert_eq!(check_link(&fits).map(|l| l.chars().count()), Ok(MAX_LINK));
    }
}
