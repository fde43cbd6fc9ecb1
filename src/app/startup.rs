//! Start-up and file policy: which file the window opens and how (read-only for a viewer or the
//! presentation, an in-memory stand-in with the reason when a file cannot be used, a damaged file
//! set aside), and the data the app ships (the framework catalogue).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::storage;
use super::{AppState, Clock, Message, MessageKind};
use crate::i18n::{I18n, Lang};
use crate::model::{Framework, FrameworkRef};

/// What the window offers when it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Offer {
    Nothing,
    /// The file was damaged and set aside: the backups.
    Backups,
    /// There is no roadmap at the path: to create one there.
    Create(PathBuf),
}

impl AppState {
    /// Whether the backups should be offered (the file was damaged at start); true once.
    pub fn take_backup_offer(&mut self) -> bool {
        let backups = self.offer == Offer::Backups;
        if backups {
            self.offer = Offer::Nothing;
        }
        backups
    }

    /// A path without a roadmap that the window asks to create one at ("Neu anlegen?"), until
    /// the user answers.
    pub fn create_offer(&self) -> Option<&Path> {
        match &self.offer {
            Offer::Create(path) => Some(path),
            _ => None,
        }
    }

    /// The file to name in the title and the menu bar: the open one, or where an empty stand-in
    /// is shown (no roadmap there yet, or it could not be opened) the one the user asked for,
    /// never ":memory:".
    pub fn shown_file(&self) -> &Path {
        let open = self.file_path();
        if open == Path::new(":memory:") { &self.file } else { open }
    }

    /// The user answered the question of [`Self::create_offer`] (a new roadmap is made by
    /// `Command::New`).
    pub fn dismiss_create_offer(&mut self) {
        if matches!(self.offer, Offer::Create(_)) {
            self.offer = Offer::Nothing;
        }
    }
}

/// The roadmap of the window's first start: the default file is created with the default
/// roadmap when it does not exist yet (any other path is asked about, see [`open_state`]).
pub fn first_start(db: &Path, lang: Lang) -> Result<(), storage::StoreError> {
    if db.exists() || storage::is_server(db) {
        return Ok(());
    }
    storage::create(db, Some(lang)).map(drop)
}

/// The state for a presentation: the file opened read-only; a missing or unusable file is said
/// (never created or repaired: the presentation never writes).
pub fn open_presentation_state(
    db: &Path,
    lang: Lang,
    clock: impl Into<Clock>,
) -> Result<AppState, storage::StoreError> {
    let clock = clock.into();
    let opened = storage::open_to_read(db).and_then(|s| AppState::new(s, lang, clock.clone()));
    match opened {
        Ok(state) => Ok(state),
        // The presentation never writes: an unusable file is said, not set aside or repaired.
        Err(e) => {
            let mut state = AppState::new(storage::in_memory()?, lang, clock)?;
            state.file = db.to_owned();
            state.message =
                Some(Message { kind: MessageKind::Error, text: e.localize(&I18n::new(lang)) });
            Ok(state)
        }
    }
}

/// The state for `db`; if the file cannot be used, an empty in-memory roadmap with the reason
/// shown, so the user can open another file. The unusable file is not touched. Where there is
/// no file, the window asks whether to create one there ([`AppState::create_offer`]): a typo
/// never shows plausible data from a new file.
///
/// Fails only if SQLite cannot even open a database in memory.
pub fn open_state(
    db: &Path,
    lang: Lang,
    clock: impl Into<Clock>,
) -> Result<AppState, storage::StoreError> {
    let tr = I18n::new(lang);
    let clock = clock.into();
    let opened = storage::open(db).and_then(|s| AppState::new(s, lang, clock.clone()));
    match opened {
        Ok(state) => Ok(state),
        Err(_) if !db.exists() && !storage::is_server(db) => {
            let mut state = AppState::new(storage::in_memory()?, lang, clock)?;
            state.file = db.to_owned();
            state.offer = Offer::Create(db.to_owned());
            Ok(state)
        }
        Err(e) => {
            let mut state = AppState::new(storage::in_memory()?, lang, clock)?;
            state.file = db.to_owned();
            let mut text = e.localize(&tr);
            if e.wants_password() {
                state.password_wanted = Some(db.to_owned());
            }
            // A damaged Fahrplan file is set aside (never deleted) and the backups are offered.
            // Foreign files are left exactly as they are.
            if matches!(e, storage::StoreError::Damaged { .. })
                && db.exists()
                && let Ok(aside) =
                    storage::set_aside_damaged(db, chrono::Local::now().naive_local())
            {
                text = tr.f("err-damaged-set-aside", &[("path", &aside.display().to_string())]);
                state.offer = Offer::Backups;
            }
            state.message = Some(Message { kind: MessageKind::Error, text });
            Ok(state)
        }
    }
}

/// The framework catalogue of `assets/frameworks.json`: ITIL 4 practices, VdS 3473 chapters and
/// the BSI modules the default roadmap cites.
pub fn catalogue() -> &'static [FrameworkRef] {
    static CATALOGUE: OnceLock<Vec<FrameworkRef>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let Ok(value) =
            serde_json::from_str::<serde_json::Value>(include_str!("../../assets/frameworks.json"))
        else {
            return Vec::new();
        };
        let mut refs = Vec::new();
        if let Some(groups) = value["itil_4"].as_object() {
            for practices in groups.values() {
                for p in practices.as_array().into_iter().flatten().filter_map(|p| p.as_str()) {
                    refs.push(FrameworkRef {
                        framework: Framework::Itil4,
                        reference: p.to_owned(),
                    });
                }
            }
        }
        for chapter in value["vds_3473"].as_array().into_iter().flatten() {
            let entry = |c: &serde_json::Value| {
                format!(
                    "Kap. {} {}",
                    c["ref"].as_str().unwrap_or(""),
                    c["title"].as_str().unwrap_or("")
                )
            };
            refs.push(FrameworkRef { framework: Framework::Vds3473, reference: entry(chapter) });
            for part in chapter["parts"].as_array().into_iter().flatten() {
                refs.push(FrameworkRef { framework: Framework::Vds3473, reference: entry(part) });
            }
        }
        for module in
            value["bsi_it_grundschutz"].as_array().into_iter().flatten().filter_map(|m| m.as_str())
        {
            refs.push(FrameworkRef { framework: Framework::Bsi, reference: module.to_owned() });
        }
        refs
    })
}
