//! The application state, the [`Command`] enum, and the one place that applies commands.
//!
//! Views never write: they push commands; once per frame [`AppState::apply_queue`] carries them
//! out through the store, refreshes the snapshot, and keeps one message for the user.

mod clock;
mod files;
mod jobs;
mod startup;

use std::path::{Path, PathBuf};

pub use crate::store::BackupInfo;
pub use clock::Clock;
pub use files::{MAX_IMPORT_BYTES, ReadError, display_name, read_import, write_atomically};
pub use jobs::{ImportPreview, Job};
pub use startup::{catalogue, open_presentation_state, open_state};

use chrono::NaiveDate;

use crate::i18n::{I18n, Lang};
use crate::model::{Change, Roadmap, Status};
use crate::store::{Store, StoreError};

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
    /// Undo the latest change.
    Undo,
    /// Redo the latest undone change.
    Redo,
    /// Open another roadmap file.
    Open(PathBuf),
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
    /// The user closed the message.
    DismissMessage,
    /// The user declined the checked import.
    CancelImport,
}

impl Command {
    /// Whether the command only concerns the window (closing the message, declining an
    /// import, reporting a problem), not the roadmap or the file.
    pub const fn is_window_only(&self) -> bool {
        matches!(self, Self::DismissMessage | Self::CancelImport | Self::ReportError(_))
    }
}

/// The exports of the Export menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The council report as PDF.
    Pdf,
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
    store: Store,
    /// The snapshot the views draw.
    pub roadmap: Roadmap,
    tr: I18n,
    /// Where today's date comes from (read whenever it is needed, never frozen at start).
    clock: Clock,
    queue: Vec<Command>,
    /// The message to show, if any.
    pub message: Option<Message>,
    /// Files opened in this session, newest first (the UI persists them).
    pub opened: Vec<PathBuf>,
    data_version: i64,
    generation: u64,
    /// The day the views' caches were made for.
    seen_day: NaiveDate,
    /// The file as the snapshot of a read-only store last saw it.
    seen_stamp: crate::store::FileStamp,
    /// When the edit lock or a snapshot was last looked at (at most every two seconds).
    last_look: Option<std::time::Instant>,
    notify: Option<std::sync::Arc<dyn Fn() + Send + Sync>>,
    watch: Option<crate::store::Watch>,
    /// The roadmap file the user works with (also when it could not be opened and an empty
    /// roadmap in memory stands in): its backups are listed and restored here.
    pub file: PathBuf,
    /// Whether the file lies on a network drive, where SQLite's locking is unreliable.
    pub on_network: bool,
    /// Whether the user should be offered the backups (the file was damaged at start).
    pub offer_backups: bool,
    job: Option<Job>,
    /// A checked import waiting for the user's confirmation.
    import_preview: Option<ImportPreview>,
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
    pub fn new(store: Store, lang: Lang, clock: impl Into<Clock>) -> Result<Self, StoreError> {
        let store_path = &store.path().to_owned();
        let on_network = store.is_network();
        let roadmap = store.load_roadmap()?;
        let data_version = store.data_version()?;
        let opened = if store.path() == Path::new(":memory:") {
            Vec::new()
        } else {
            vec![store.path().to_owned()]
        };
        Ok(Self {
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
            seen_stamp: crate::store::file_stamp(store_path),
            last_look: None,
            notify: None,
            watch: None,
            on_network,
            file: store_path.to_owned(),
            offer_backups: false,
            job: None,
            import_preview: None,
        })
    }

    /// Today, for schedule health, default dates and new completion dates: read from the clock
    /// each time, so that a window open past midnight moves on with the calendar.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
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

    /// The open store (for the command line and tests; the views ask the state).
    pub const fn store(&self) -> &Store {
        &self.store
    }

    /// The path of the open file (`:memory:` for a stand-in).
    pub fn file_path(&self) -> &Path {
        self.store.path()
    }

    /// Whether the open file is read-only (see [`Self::read_only_banner`] for why).
    pub const fn is_read_only(&self) -> bool {
        self.store.is_read_only()
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
        match command {
            Command::Export { path, kind } => self.start_export(path, kind).map(|()| None),
            Command::ReadImport(path) => self.start_import(path).map(|()| None),
            Command::ReportError(text) => Err(text),
            Command::DismissMessage => {
                self.message = None;
                Ok(None)
            }
            Command::CancelImport => {
                self.import_preview = None;
                Ok(None)
            }
            command => self.apply_store(command).map_err(|e| e.localize(&self.tr)),
        }
    }

    fn apply_store(&mut self, command: Command) -> Result<Option<String>, StoreError> {
        match command {
            Command::SetStatus { .. }
            | Command::SetProgress { .. }
            | Command::AddExpense { .. }
            | Command::Reevaluate { .. }
            | Command::SaveMeasure { .. }
            | Command::DeleteMeasure(_)
            | Command::SetArchived { .. } => self.apply_measure(command),
            Command::AddOwner { .. }
            | Command::RenameOwner { .. }
            | Command::MergeOwners { .. }
            | Command::DeleteOwner(_)
            | Command::AddMeeting { .. }
            | Command::Undo
            | Command::Redo => self.apply_roadmap(command),
            command => self.apply_file(command),
        }
    }

    /// Runs one write through the store and shows the file as it is afterwards, whatever
    /// happened (after a conflict: the fresh values); the write's own result is returned.
    fn write<T>(
        &mut self,
        write: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = write(&mut self.store);
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
            Command::SaveMeasure { original, expected_version, measure } => {
                self.write(|s| match &original {
                    Some(code) => s
                        .update_measure(code, Some(expected_version), "", |_| (*measure).clone())
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
                    s.update_measure(&code, Some(expected_version), "", |m| crate::model::Measure {
                        archived,
                        ..m.clone()
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

    /// Commands about the file: backups, restore, open, new, copy, language, import.
    fn apply_file(&mut self, command: Command) -> Result<Option<String>, StoreError> {
        let now = chrono::Local::now().naive_local();
        match command {
            Command::BackupNow => {
                let path = self.store.backup_now(now, None)?;
                Ok(Some(self.tr.f("info-copy-saved", &[("path", &path.display().to_string())])))
            }
            Command::Restore(backup) => {
                let file = self.file.clone();
                if self.store.path() == file {
                    // In place, through this window's own connection (on a network drive it holds
                    // the edit lock).
                    self.write(|s| s.restore_from(&backup, now))?;
                } else {
                    crate::store::restore(&file, &backup, now)?;
                    self.switch_to(Store::open(&file)?)?;
                }
                self.offer_backups = false;
                Ok(Some(self.tr.f("info-restored", &[("path", &backup.display().to_string())])))
            }
            Command::Open(path) => {
                self.switch_to(Store::open(&path)?)?;
                Ok(None)
            }
            Command::New { path, seeded } => {
                self.switch_to(Store::create(&path, seeded.then_some(self.lang()))?)?;
                Ok(None)
            }
            Command::SaveCopyAs(path) => {
                self.store.backup_to(&path)?;
                Ok(Some(self.tr.f("info-copy-saved", &[("path", &path.display().to_string())])))
            }
            Command::SetLang(lang) => {
                self.tr = I18n::new(lang);
                Ok(None)
            }
            Command::ApplyImport => self.apply_import(now),
            // Handled in `apply` (outside the store) or by `apply_measure` and `apply_roadmap`:
            // listed, so that a new command cannot be forgotten silently.
            Command::Export { .. }
            | Command::ReadImport(_)
            | Command::ReportError(_)
            | Command::DismissMessage
            | Command::CancelImport
            | Command::SetStatus { .. }
            | Command::SetProgress { .. }
            | Command::AddExpense { .. }
            | Command::Reevaluate { .. }
            | Command::SaveMeasure { .. }
            | Command::DeleteMeasure(_)
            | Command::SetArchived { .. }
            | Command::AddOwner { .. }
            | Command::RenameOwner { .. }
            | Command::MergeOwners { .. }
            | Command::DeleteOwner(_)
            | Command::AddMeeting { .. }
            | Command::Undo
            | Command::Redo => Ok(None),
        }
    }

    /// Replaces the open roadmap with the checked import the user confirmed (after a backup).
    fn apply_import(&mut self, now: chrono::NaiveDateTime) -> Result<Option<String>, StoreError> {
        let Some(preview) = self.import_preview.take() else { return Ok(None) };
        if preview.target != self.store.path() {
            return Ok(None);
        }
        let imported = &preview.imported;
        // What is replaced stays restorable from the backups.
        if !self.roadmap.measures.is_empty() && self.store.path() != Path::new(":memory:") {
            self.store.backup_now(now, None)?;
        }
        self.write(|s| s.replace_all(&imported.roadmap, &imported.history, true))?;
        Ok(Some(self.tr.f(
            "import-done",
            &[
                ("measures", &imported.roadmap.measures.len()),
                ("expenses", &imported.roadmap.expenses.len()),
                ("history", &imported.history.len()),
            ],
        )))
    }

    /// Calls `notify` (from a background thread) whenever the open file is changed, by this or
    /// another process; the window uses it to wake up and refresh.
    pub fn set_change_notifier(&mut self, notify: std::sync::Arc<dyn Fn() + Send + Sync>) {
        self.notify = Some(notify);
        self.restart_watch();
    }

    fn restart_watch(&mut self) {
        self.watch = None;
        if let Some(notify) = self.notify.clone()
            && self.store.path() != Path::new(":memory:")
        {
            self.watch = crate::store::watch(self.store.path(), move || notify());
        }
    }

    fn switch_to(&mut self, store: Store) -> Result<(), StoreError> {
        // The old file's watcher stops first.
        self.watch = None;
        let path = store.path().to_owned();
        self.on_network = store.is_network();
        self.file.clone_from(&path);
        self.store = store;
        // A checked import belongs to the file it was chosen for.
        self.import_preview = None;
        self.restart_watch();
        self.refresh()?;
        self.opened.retain(|p| p != &path);
        self.opened.insert(0, path);
        Ok(())
    }

    /// Reloads the snapshot from the store.
    pub fn refresh(&mut self) -> Result<(), StoreError> {
        self.roadmap = self.store.load_roadmap()?;
        if let Some(preview) = &mut self.import_preview {
            preview.comparison =
                crate::import::compare_import(&self.roadmap, &preview.imported.roadmap);
        }
        self.data_version = self.store.data_version()?;
        self.generation += 1;
        Ok(())
    }

    /// The banner of a read-only file in the UI language: why it is read-only, and for a file
    /// being edited elsewhere by whom since when. `None` for a file open for writing.
    pub fn read_only_banner(&self) -> Option<String> {
        use crate::store::ReadOnlyReason;
        Some(match self.store.read_only_reason()? {
            ReadOnlyReason::Newer => self.tr.t("banner-newer"),
            ReadOnlyReason::NoPermission => self.tr.t("banner-read-only"),
            ReadOnlyReason::Chosen => self.tr.t("banner-viewer"),
            ReadOnlyReason::LockedBy(holder) => self.tr.f(
                "banner-locked",
                &[("holder", &crate::store::holder_text(&self.tr, holder, self.today()))],
            ),
        })
    }

    /// Whether the window waits for the edit lock of a file on a network drive (it looks again
    /// every two seconds and becomes the editor when the lock is free).
    pub fn waiting_for_lock(&self) -> bool {
        matches!(self.store.read_only_reason(), Some(crate::store::ReadOnlyReason::LockedBy(_)))
    }

    /// For a window waiting for the edit lock: takes it once it is free and says so. For a
    /// read-only snapshot: opens it again when the file changed. At most every two seconds;
    /// returns whether the snapshot was reloaded.
    fn look_again(&mut self) -> bool {
        let waiting = self.waiting_for_lock();
        if !waiting && !self.store.is_snapshot() {
            return false;
        }
        if self.last_look.is_some_and(|t| t.elapsed() < std::time::Duration::from_secs(2)) {
            return false;
        }
        self.last_look = Some(std::time::Instant::now());
        // Cheap first: is the lock still held (and by whom)? Only a free lock is taken.
        if waiting && self.store.look_at_lock() {
            let options = crate::store::OpenOptions {
                read_only: false,
                network: Some(self.store.is_network()),
                user: Some(self.store.who().to_owned()),
            };
            match Store::open_with(self.store.path(), &options) {
                Ok(mut store) if !store.is_read_only() => {
                    store.set_who(self.store.who().to_owned());
                    let name = display_name(store.path());
                    self.message = Some(match self.switch_to(store) {
                        Ok(()) => Message {
                            kind: MessageKind::Info,
                            text: self.tr.f("info-now-editing", &[("file", &name)]),
                        },
                        Err(e) => Message { kind: MessageKind::Error, text: e.localize(&self.tr) },
                    });
                    return true;
                }
                // Taken by someone else meanwhile: stay as we are, naming them.
                Ok(_) => {}
                Err(e) => {
                    self.message =
                        Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) });
                    return false;
                }
            }
        }
        // What the editor saved since the last look.
        let stamp = crate::store::file_stamp(self.store.path());
        if stamp == self.seen_stamp {
            return false;
        }
        self.seen_stamp = stamp;
        let reloaded = self.store.reopen_snapshot().and_then(|()| self.refresh());
        if let Err(e) = reloaded {
            self.message = Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) });
        }
        true
    }

    /// Takes a verified backup if the newest is older than a day (a file open for writing only;
    /// a viewer never writes). A failure is shown.
    pub fn daily_backup(&mut self) {
        if self.store.is_read_only() || self.store.path() == Path::new(":memory:") {
            return;
        }
        if let Err(e) = self.store.daily_backup(chrono::Local::now().naive_local()) {
            self.message = Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) });
        }
    }

    /// The whole history, oldest first (for the history view), or why it cannot be read (in the
    /// UI language).
    pub fn history(&self) -> Result<Vec<Change>, String> {
        self.store.history(None).map_err(|e| e.localize(&self.tr))
    }

    /// The backups of the roadmap file, newest first.
    pub fn backups(&self) -> Vec<crate::store::BackupInfo> {
        crate::store::list_backups(&self.file)
    }

    /// The batch that seeded the default roadmap (not a change to report), or why it cannot be
    /// read (in the UI language).
    pub fn seed_batch(&self) -> Result<Option<i64>, String> {
        self.store.seed_batch().map_err(|e| e.localize(&self.tr))
    }

    /// Whether undo and redo have something to do, or why that cannot be read.
    pub fn can_undo_redo(&self) -> Result<(bool, bool), String> {
        self.store.can_undo_redo().map_err(|e| e.localize(&self.tr))
    }

    /// A number that changes whenever the snapshot is reloaded or the day changes (for caches of
    /// the views: overdue marks and "due soon" depend on the date).
    pub const fn generation(&self) -> u64 {
        self.generation
    }

    /// Reloads the snapshot if another process (a second window, the command line) changed the
    /// file. Returns whether it did.
    pub fn refresh_if_changed_elsewhere(&mut self) -> bool {
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
