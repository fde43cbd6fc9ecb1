//! The application state, the [`Command`] enum, and the one place that applies commands.
//!
//! Views never write: they push commands; once per frame [`AppState::apply_queue`] carries them
//! out through the store, refreshes the snapshot, and keeps one message for the user.

mod clock;
mod evidence;
mod file_commands;
pub mod files;
mod jobs;
pub mod overview;
mod seed;
mod seed_assessment;
mod startup;
pub mod storage;
mod words;

use std::path::{Path, PathBuf};

pub use clock::Clock;
pub use evidence::{EvidenceFileError, Opener, read_evidence_file, system_opener};
pub use files::{MAX_IMPORT_BYTES, ReadError, display_name, read_import, write_atomically};
pub use jobs::{ImportPreview, Job};
pub use seed::{SeedError, default_roadmap_info, default_seed, shipped_catalogs};
pub use startup::{catalogue, first_start, open_presentation_state, open_state};
pub use words::{assess_text, catalog_diff_lines, holder_text};

use crate::i18n::{I18n, Lang};
use crate::model::{Change, Roadmap, Status};
use chrono::NaiveDate;
use storage::{Storage, StoreError};

/// Something the user asked for that changes data or the open file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub enum Command {
    /// Set a measure's status (with an optional comment), based on the version the user saw.
    SetStatus {
        /// The measure's code.
        code: String,
        /// The new status.
        status: Status,
        /// Why (may be empty).
        comment: String,
        /// The version of the measure the user's view was based on.
        expected_version: i64,
    },
    /// Set a measure's progress, based on the version the user saw.
    SetProgress {
        /// The measure's code.
        code: String,
        /// Progress in percent.
        progress: u8,
        /// The version of the measure the user's view was based on.
        expected_version: i64,
    },
    /// Book an expense.
    AddExpense {
        /// The measure's code.
        code: String,
        /// When.
        date: NaiveDate,
        /// How much.
        amount: crate::model::Money,
        /// What for.
        note: String,
    },
    /// Record a re-evaluation; the next date follows from the interval unless given.
    Reevaluate {
        /// The measure's code.
        code: String,
        /// When it took place.
        date: NaiveDate,
        /// The result.
        verdict: crate::model::Verdict,
        /// Findings.
        note: String,
        /// Who evaluated.
        by: String,
        /// The next re-evaluation, if overridden.
        next: Option<NaiveDate>,
    },
    /// Confirm the latest re-evaluation of a measure as the current user (four eyes).
    ConfirmReevaluation {
        /// The measure's code.
        code: String,
        /// When.
        date: NaiveDate,
        /// The verdict shown (a newer one recorded meanwhile is a conflict).
        id: i64,
    },
    /// Add evidence to a measure: a file (read when the command is carried out) or a link.
    AddEvidence {
        /// The measure's code.
        code: String,
        /// The file to keep in the roadmap.
        file: Option<PathBuf>,
        /// Or the link.
        link: Option<String>,
        /// What it shows.
        note: String,
    },
    /// Remove evidence from a measure (undo brings it back).
    RemoveEvidence {
        /// The measure's code.
        code: String,
        /// The evidence.
        id: i64,
    },
    /// Erase evidence for good (no undo), with why.
    PurgeEvidence {
        /// The measure's code.
        code: String,
        /// The evidence.
        id: i64,
        /// Why (kept in the history).
        reason: String,
    },
    /// Open evidence with the system's viewer (a file through a temporary copy).
    OpenEvidence {
        /// The measure's code.
        code: String,
        /// The evidence.
        id: i64,
    },
    /// Save a file kept as evidence where the user chose.
    SaveEvidence {
        /// The measure's code.
        code: String,
        /// The evidence.
        id: i64,
        /// Where.
        path: PathBuf,
    },
    /// Save an edited measure (all fields), based on the version the editor started from; or a
    /// new one (`original` is `None`).
    SaveMeasure {
        /// The code the measure had when editing began (`None`: a new measure).
        original: Option<String>,
        /// The version the editor started from.
        expected_version: i64,
        /// The measure as edited.
        measure: Box<crate::model::Measure>,
    },
    /// Delete a measure.
    DeleteMeasure(String),
    /// Archive a measure (hidden from the views, kept with its history) or take it back.
    SetArchived {
        /// The measure's code.
        code: String,
        /// Archived or not.
        archived: bool,
        /// The version the user saw.
        expected_version: i64,
    },
    /// Add an owner.
    AddOwner {
        /// Name (unique).
        name: String,
        /// Person/role, department or external provider.
        kind: crate::model::OwnerKind,
        /// Optional contact.
        contact: Option<String>,
    },
    /// Rename an owner.
    RenameOwner {
        /// The owner.
        id: crate::model::OwnerId,
        /// The new name.
        name: String,
    },
    /// Move all measures of one owner to another and remove the first.
    MergeOwners {
        /// The owner that goes away.
        from: crate::model::OwnerId,
        /// The owner that takes over.
        into: crate::model::OwnerId,
    },
    /// Delete an unused owner.
    DeleteOwner(crate::model::OwnerId),
    /// Write an export file (PDF report, CSV, JSON, iCalendar, PNG) in the background.
    Export {
        /// Where.
        path: PathBuf,
        /// What.
        kind: ExportKind,
    },
    /// Write a verified backup now.
    BackupNow,
    /// Replace the roadmap file with a backup (the current file is kept as a backup).
    Restore(PathBuf),
    /// Record a council meeting.
    AddMeeting {
        /// When.
        date: NaiveDate,
        /// What it was.
        title: String,
    },
    /// Freeze the current plan as a baseline (Beschlussstand).
    AddBaseline {
        /// The day of the decision.
        date: NaiveDate,
        /// What it records.
        title: String,
    },
    /// Change the assessment (a result, a link, a round, a catalogue).
    Assess(crate::model::AssessChange),
    /// Undo the latest change.
    Undo,
    /// Redo the latest undone change.
    Redo,
    /// Open another roadmap file (or a roadmap on a server: `postgresql://…#roadmap`).
    Open(PathBuf),
    /// Connect to a server (`postgresql://…`, with the password) and list the roadmaps the user
    /// may see, beside the window.
    ListServerRoadmaps(String),
    /// Create a new roadmap file, empty or with the default roadmap, and open it.
    New {
        /// Where.
        path: PathBuf,
        /// With the default roadmap (`true`) or empty.
        seeded: bool,
    },
    /// Write a copy of the open roadmap to another file (the open file stays open).
    SaveCopyAs(PathBuf),
    /// Switch the user interface language.
    SetLang(Lang),
    /// Read and check a JSON export in the background, then ask before applying it.
    ReadImport(PathBuf),
    /// Apply the checked import the user confirmed (replacing the open roadmap's content).
    ApplyImport,
    /// Show a problem a view met while reading (already in the UI language).
    ReportError(String),
    /// Show a note for the user (already in the UI language).
    ReportInfo(String),
    /// The user closed the message.
    DismissMessage,
    /// The user declined the checked import.
    CancelImport,
}

impl Command {
    /// Whether the command only concerns the window (closing the message, declining an
    /// import, reporting a problem), not the roadmap or the file.
    pub const fn is_window_only(&self) -> bool {
        matches!(
            self,
            Self::DismissMessage | Self::CancelImport | Self::ReportError(_) | Self::ReportInfo(_)
        )
    }
}

/// The exports of the Export menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The council report as PDF.
    Pdf,
    /// The council report as an accessible web page.
    Html,
    /// The whole timeline as PNG picture.
    Png,
    /// The measures as CSV.
    Csv,
    /// The expenses as CSV.
    ExpensesCsv,
    /// Everything as JSON.
    Json,
    /// Due and re-evaluation dates as iCalendar.
    Ics,
    /// One iCalendar file per owner, into the folder the export's path names (files
    /// `{stem}-{owner}.ics`, the stem being the path's file name).
    IcsPerOwner,
}

/// How a message to the user is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    /// Something worked.
    Info,
    /// Something failed; nothing was written.
    Error,
}

/// What applying one command gave: success with an optional message, or the error's message
/// (both in the UI language).
pub type Outcome = Result<Option<String>, String>;

/// A message shown once to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Info or error.
    pub kind: MessageKind,
    /// The text, in the UI language.
    pub text: String,
}

/// The state of the application that is not about how it looks.
pub struct AppState {
    store: Box<dyn Storage>,
    /// The snapshot the views draw.
    roadmap: Roadmap,
    tr: I18n,
    /// Where today's date comes from (read whenever it is needed, never frozen at start).
    clock: Clock,
    queue: Vec<Command>,
    /// The message to show, if any.
    message: Option<Message>,
    /// Files opened in this session, newest first (the UI persists them).
    opened: Vec<PathBuf>,
    data_version: i64,
    generation: u64,
    /// The history's hash chain as last verified, or why it could not be (in the UI language).
    chain: Result<crate::store::ChainReport, String>,
    /// Whether the whole chain is verified again at the next refresh (a file opened or
    /// replaced; this window's own writes extend it soundly).
    chain_stale: bool,
    /// Whether what another client added to the chain is verified at the next refresh (the
    /// rows after those verified before; the whole chain again when those changed).
    chain_grown: bool,
    /// The day the views' caches were made for.
    seen_day: NaiveDate,
    /// When the edit lock or a snapshot was last looked at (at most every two seconds).
    last_look: Option<std::time::Instant>,
    notify: Option<std::sync::Arc<dyn Fn() + Send + Sync>>,
    watch: Option<storage::Watch>,
    /// The roadmap file the user works with (also when it could not be opened and an empty
    /// roadmap in memory stands in): its backups are listed and restored here.
    file: PathBuf,
    /// Whether the file lies on a network drive, where SQLite's locking is unreliable.
    on_network: bool,
    /// What the window offers at start: the backups (the file was damaged) or a new roadmap (no
    /// file at the path).
    offer: startup::Offer,
    /// A roadmap on a server that could not be opened for want of a password (the window asks
    /// for it), and the server address being opened meanwhile.
    password_wanted: Option<PathBuf>,
    opening_server: Option<PathBuf>,
    job: Option<Job>,
    /// Tests: a finished job's result waits until [`AppState::wait_for_job`] takes it.
    #[cfg(any(test, feature = "testing"))]
    hold_jobs: bool,
    /// While a job works with the store (a restore, applying an import): the path of the file
    /// it works on. An empty roadmap in memory stands in meanwhile, and nothing reads or writes
    /// it.
    lent: Option<PathBuf>,
    /// The backups of the file as last listed (`None` until the first listing is done).
    backups: Option<(PathBuf, Vec<storage::BackupInfo>)>,
    /// A listing of the backups running beside the window, and whether another is wanted after it.
    listing: Option<(PathBuf, std::sync::mpsc::Receiver<Vec<storage::BackupInfo>>)>,
    list_again: bool,
    /// The roadmaps a server last listed for the connect window: its address and the list (or
    /// why it could not be listed).
    server_roadmaps: Option<(String, Result<Vec<storage::RoadmapAccess>, String>)>,
    /// A checked import waiting for the user's confirmation.
    import_preview: Option<ImportPreview>,
    /// How evidence is handed to the system, and what was handed last.
    opener: Opener,
    opened_evidence: Option<String>,
}

impl Drop for AppState {
    fn drop(&mut self) {
        // The watcher's connection closes first, so that a writer closing its file after it can
        // leave the file in the rollback journal's mode (see `store::access`).
        self.watch = None;
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.store)
            .field("generation", &self.generation)
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// The state for an open store.
    pub fn new(
        store: impl Into<Box<dyn Storage>>,
        lang: Lang,
        clock: impl Into<Clock>,
    ) -> Result<Self, StoreError> {
        let store = store.into();
        let store_path = &store.path().to_owned();
        let on_network = store.is_network();
        let data_version = store.data_version()?;
        let roadmap = store.load_roadmap()?;
        let opened = if store.path() == Path::new(":memory:") {
            Vec::new()
        } else {
            vec![store.path().to_owned()]
        };
        let chain = store.verify_history().map_err(|e| e.localize(&I18n::new(lang)));
        Ok(Self {
            chain,
            chain_stale: false,
            chain_grown: false,
            store,
            roadmap,
            tr: I18n::new(lang),
            clock: clock.into(),
            queue: Vec::new(),
            message: None,
            opened,
            data_version,
            generation: 0,
            seen_day: NaiveDate::MIN,
            last_look: None,
            notify: None,
            watch: None,
            on_network,
            file: store_path.to_owned(),
            offer: startup::Offer::Nothing,
            password_wanted: None,
            opening_server: None,
            job: None,
            #[cfg(any(test, feature = "testing"))]
            hold_jobs: false,
            lent: None,
            backups: None,
            listing: None,
            list_again: false,
            server_roadmaps: None,
            import_preview: None,
            opener: system_opener,
            opened_evidence: None,
        })
    }

    /// Today, for schedule health, default dates and new completion dates: read from the clock
    /// each time, so that a window open past midnight moves on with the calendar.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Hands evidence to `opener` instead of the system's viewer (tests).
    #[cfg(feature = "testing")]
    pub fn set_opener(&mut self, opener: Opener) {
        self.opener = opener;
    }

    /// What evidence was last handed to the viewer (a temporary file's path, or a link).
    pub fn opened_evidence(&self) -> Option<&str> {
        self.opened_evidence.as_deref()
    }

    /// The clock the state reads today's date from.
    pub const fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The checked import waiting for the user's confirmation, if any.
    pub const fn import_preview(&self) -> Option<&ImportPreview> {
        self.import_preview.as_ref()
    }

    /// The messages of the UI language.
    pub const fn tr(&self) -> &I18n {
        &self.tr
    }

    /// The UI language.
    pub const fn lang(&self) -> Lang {
        self.tr.lang()
    }

    /// The snapshot the views draw.
    pub const fn roadmap(&self) -> &Roadmap {
        &self.roadmap
    }

    /// The message to show, if any.
    pub const fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Files opened in this session, newest first (the window remembers them).
    pub fn opened(&self) -> &[PathBuf] {
        &self.opened
    }

    /// The roadmap file the user works with, also when it could not be opened and an empty
    /// roadmap in memory stands in (its backups are listed and restored).
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Whether the file lies on a network drive (one editor at a time).
    pub const fn on_network(&self) -> bool {
        self.on_network
    }

    /// A server roadmap (`postgresql://…#roadmap`, without password) the server refused to open
    /// for want of the right password: the window asks for it once.
    pub fn take_password_wanted(&mut self) -> Option<PathBuf> {
        self.password_wanted.take()
    }

    /// The path of the open file (`:memory:` for a stand-in).
    pub fn file_path(&self) -> &Path {
        self.lent.as_deref().unwrap_or_else(|| self.store.path())
    }

    /// Whether the open file is read-only (see [`Self::read_only_banner`] for why).
    pub fn is_read_only(&self) -> bool {
        self.lent.is_some() || self.store.is_read_only()
    }

    /// Who is recorded as the author of changes made here.
    pub fn who(&self) -> &str {
        self.store.who()
    }

    /// Queues a command for the next [`Self::apply_queue`].
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Whether commands are waiting.
    pub fn has_pending(&self) -> bool {
        !self.queue.is_empty()
    }

    /// Applies every queued command in order. Each is one transaction; a failure shows its
    /// message and leaves the file as it was.
    ///
    /// Returns each command's own outcome, in order: what succeeded (with its message, if any)
    /// and what failed (with its message), so the caller never has to guess from the one message
    /// slot, which keeps only the last.
    pub fn apply_queue(&mut self) -> Vec<Outcome> {
        let commands = std::mem::take(&mut self.queue);
        // A round that changes data replaces the last message.
        if commands.iter().any(|c| !c.is_window_only()) {
            self.message = None;
        }
        let mut outcomes = Vec::with_capacity(commands.len());
        for command in commands {
            let outcome = self.apply(command);
            match &outcome {
                Ok(Some(info)) => {
                    self.message = Some(Message { kind: MessageKind::Info, text: info.clone() });
                }
                Ok(None) => {}
                Err(text) => {
                    self.message = Some(Message { kind: MessageKind::Error, text: text.clone() });
                }
            }
            outcomes.push(outcome);
        }
        outcomes
    }

    /// How many commands wait (the index the next pushed command will have in the outcomes of
    /// [`Self::apply_queue`]).
    pub fn pending(&self) -> usize {
        self.queue.len()
    }

    /// Carries out one command; the error is the message for the user.
    fn apply(&mut self, command: Command) -> Result<Option<String>, String> {
        if !command.is_window_only() && !matches!(command, Command::SetLang(_)) {
            self.not_lent()?;
        }
        match command {
            Command::Export { path, kind } => self.start_export(path, kind).map(|()| None),
            Command::ReadImport(path) => self.start_import(path).map(|()| None),
            Command::Open(path) => self.start_opening(path).map(|()| None),
            Command::New { path, seeded } => self.start_creating(path, seeded).map(|()| None),
            Command::Restore(backup) => self.start_restore(backup).map(|()| None),
            Command::ApplyImport => self.start_applying_import().map(|()| None),
            Command::ListServerRoadmaps(url) => self.start_listing_roadmaps(url).map(|()| None),
            Command::ReportError(text) => Err(text),
            Command::ReportInfo(text) => Ok(Some(text)),
            Command::DismissMessage => {
                self.message = None;
                Ok(None)
            }
            Command::CancelImport => {
                self.import_preview = None;
                Ok(None)
            }
            Command::AddEvidence { .. }
            | Command::RemoveEvidence { .. }
            | Command::PurgeEvidence { .. }
            | Command::OpenEvidence { .. }
            | Command::SaveEvidence { .. } => self.apply_evidence(command),
            command => self.apply_store(command).map_err(|e| e.localize(&self.tr)),
        }
    }

    fn apply_store(&mut self, command: Command) -> Result<Option<String>, StoreError> {
        match command {
            Command::SetStatus { .. }
            | Command::SetProgress { .. }
            | Command::AddExpense { .. }
            | Command::Reevaluate { .. }
            | Command::ConfirmReevaluation { .. }
            | Command::SaveMeasure { .. }
            | Command::DeleteMeasure(_)
            | Command::SetArchived { .. } => self.apply_measure(command),
            Command::AddOwner { .. }
            | Command::RenameOwner { .. }
            | Command::MergeOwners { .. }
            | Command::DeleteOwner(_)
            | Command::AddMeeting { .. }
            | Command::AddBaseline { .. }
            | Command::Undo
            | Command::Redo => self.apply_roadmap(command),
            command => self.apply_file(command),
        }
    }

    /// Runs one write through the store and shows the file as it is afterwards, whatever
    /// happened (after a conflict: the fresh values); the write's own result is returned.
    fn write<T>(
        &mut self,
        write: impl FnOnce(&mut dyn Storage) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = write(self.store.as_mut());
        self.refresh()?;
        result
    }

    /// Commands that change one measure.
    fn apply_measure(&mut self, command: Command) -> Result<Option<String>, StoreError> {
        let today = self.clock.today();
        match command {
            Command::SetStatus { code, status, comment, expected_version } => {
                self.write(|s| {
                    s.set_status(&code, status, &comment, today, Some(expected_version))
                })?;
                Ok(None)
            }
            Command::SetProgress { code, progress, expected_version } => {
                self.write(|s| s.set_progress(&code, progress, "", Some(expected_version)))?;
                Ok(None)
            }
            Command::AddExpense { code, date, amount, note } => {
                let expense = self.write(|s| s.add_expense(&code, date, amount, &note))?;
                let amount = self.tr.money(expense.amount);
                let args: [(&str, &dyn crate::i18n::Arg); 3] =
                    [("code", &code), ("amount", &amount), ("date", &self.tr.date(date))];
                Ok(Some(self.tr.f("info-expense-booked", &args)))
            }
            Command::Reevaluate { code, date, verdict, note, by, next } => {
                let (_, measure) =
                    self.write(|s| s.add_reevaluation(&code, date, verdict, &note, &by, next))?;
                let next = self.tr.opt_date(measure.next_reevaluation);
                Ok(Some(self.tr.f("info-reevaluated", &[("code", &code), ("next", &next)])))
            }
            Command::ConfirmReevaluation { code, date, id } => {
                let who = self.who().to_owned();
                self.write(|s| s.confirm_reevaluation(&code, (date, &who, Some(id)), ""))?;
                Ok(Some(self.tr.f(
                    "cli-confirmed",
                    &[("code", &code), ("who", &who), ("date", &self.tr.date(date))],
                )))
            }
            Command::SaveMeasure { original, expected_version, measure } => {
                self.write(|s| match &original {
                    Some(code) => s
                        .update_measure(code, Some(expected_version), "", &|_| (*measure).clone())
                        .map(drop),
                    None => s.add_measure(&measure, "").map(drop),
                })?;
                Ok(Some(self.tr.f("info-saved", &[("code", &measure.code)])))
            }
            Command::DeleteMeasure(code) => {
                self.write(|s| s.delete_measure(&code, ""))?;
                Ok(Some(self.tr.f("info-deleted", &[("code", &code)])))
            }
            Command::SetArchived { code, archived, expected_version } => {
                self.write(|s| {
                    s.update_measure(&code, Some(expected_version), "", &|m| {
                        crate::model::Measure { archived, ..m.clone() }
                    })
                })?;
                let key = if archived { "info-archived" } else { "info-unarchived" };
                Ok(Some(self.tr.f(key, &[("code", &code)])))
            }
            _ => Ok(None),
        }
    }

    /// Commands about the roadmap as a whole: owners, meetings, undo and redo.
    fn apply_roadmap(&mut self, command: Command) -> Result<Option<String>, StoreError> {
        match command {
            Command::AddOwner { name, kind, contact } => {
                self.write(|s| s.add_owner(&name, kind, contact.as_deref()))?;
            }
            Command::RenameOwner { id, name } => self.write(|s| s.rename_owner(id, &name))?,
            Command::MergeOwners { from, into } => self.write(|s| s.merge_owners(from, into))?,
            Command::DeleteOwner(id) => self.write(|s| s.delete_owner(id))?,
            Command::AddMeeting { date, title } => {
                self.write(|s| s.add_meeting(date, &title))?;
            }
            Command::AddBaseline { date, title } => {
                self.write(|s| s.add_baseline(&title, date))?;
            }
            Command::Undo | Command::Redo => {
                let undo = command == Command::Undo;
                let changes = self.write(|s| if undo { s.undo("") } else { s.redo("") })?;
                let mut codes: Vec<&str> =
                    changes.iter().filter_map(|c| c.code.as_deref()).collect();
                codes.dedup();
                let key = if undo { "info-undone" } else { "info-redone" };
                return Ok(Some(self.tr.f(key, &[("codes", &codes.join(", "))])));
            }
            _ => {}
        }
        Ok(None)
    }

    /// Reloads the snapshot from the store.
    pub fn refresh(&mut self) -> Result<(), StoreError> {
        if self.lent.is_some() {
            // The stand-in is never shown; the store's own state comes back with it.
            return Ok(());
        }
        // The version first: a write landing while the roadmap is read is then seen again.
        let data_version = self.store.data_version()?;
        self.roadmap = self.store.load_roadmap()?;
        if let Some(preview) = &mut self.import_preview {
            preview.comparison =
                crate::import::compare_import(&self.roadmap, &preview.imported.roadmap);
        }
        self.data_version = data_version;
        self.generation += 1;
        self.verify_chain();
        Ok(())
    }

    /// The whole history, oldest first (for the history view), or why it cannot be read (in the
    /// UI language).
    pub fn history(&self) -> Result<Vec<Change>, String> {
        self.not_lent()?;
        self.store.history(None).map_err(|e| e.localize(&self.tr))
    }

    /// The batch that seeded the default roadmap (not a change to report), or why it cannot be
    /// read (in the UI language).
    pub fn seed_batch(&self) -> Result<Option<i64>, String> {
        self.not_lent()?;
        self.store.seed_batch().map_err(|e| e.localize(&self.tr))
    }

    /// Whether undo and redo have something to do, or why that cannot be read.
    pub fn can_undo_redo(&self) -> Result<(bool, bool), String> {
        if self.lent.is_some() {
            return Ok((false, false));
        }
        self.store.can_undo_redo().map_err(|e| e.localize(&self.tr))
    }

    /// Refuses while a job works with the store (its words: wait until it is done).
    fn not_lent(&self) -> Result<(), String> {
        if self.lent.is_some() { Err(self.tr.t("job-busy")) } else { Ok(()) }
    }

    /// A number that changes whenever the snapshot is reloaded or the day changes (for caches of
    /// the views: overdue marks and "due soon" depend on the date).
    pub const fn generation(&self) -> u64 {
        self.generation
    }

    /// Reloads the snapshot if another process (a second window, the command line) changed the
    /// file. Returns whether it did.
    pub fn refresh_if_changed_elsewhere(&mut self) -> bool {
        if self.lent.is_some() {
            // The job's own writes are shown when it gives the store back.
            return false;
        }
        let today = self.clock.today();
        if today != self.seen_day {
            // A window open for days takes its daily backup each new day, as a start would.
            if self.seen_day != NaiveDate::MIN {
                self.daily_backup();
            }
            self.seen_day = today;
            self.generation += 1;
        }
        if self.look_again() {
            return true;
        }
        match self.store.data_version() {
            Ok(v) if v != self.data_version => {
                self.chain_grown = true;
                if let Err(e) = self.refresh() {
                    self.message =
                        Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) });
                }
                true
            }
            _ => false,
        }
    }
}
