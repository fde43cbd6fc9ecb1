//! The languages of the user interface (the words themselves live in `i18n`).

use serde::{Deserialize, Serialize};

/// A language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// German, the reference language.
    #[default]
    #[serde(rename = "de")]
    De,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Self; 2] = [Self::De, Self::En];

    /// The ISO 639-1 code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
        }
    }

    /// Parses `de` or `en` (any case, region ignored: `de-DE`, `en_GB.UTF-8`).
    pub fn from_code(code: &str) -> Option<Self> {
        let lower = code.to_ascii_lowercase();
        if lower.starts_with("de") {
            Some(Self::De)
        } else if lower.starts_with("en") {
            Some(Self::En)
        } else {
            None
        }
    }

    /// The language's own name, for the language switch.
    pub const fn native_name(self) -> &'static str {
        match self {
            Self::De => "Deutsch",
            Self::En => "English",
        }
    }
}
