//! Commands about the file and how a shared file is followed: backups, restore, open, new, a
//! copy, applying an import; the watcher, the edit lock, the daily backup. What takes time
//! (opening and checking a file, restoring, applying an import, listing the backups) runs beside
//! the window (see `jobs`).

use std::path::{Path, PathBuf};

use super::storage::{self, Storage, StoreError};
use super::{AppState, Command, Message, MessageKind, display_name, holder_text};
use crate::i18n::I18n;

impl AppState {
    /// Commands about the file: backups, restore, open, new, copy, language, import.
    pub(super) fn apply_file(&mut self, command: Command) -> Result<Option<String>, StoreError> {
        let now = chrono::Local::now().naive_local();
        match command {
            Command::BackupNow => {
                let path = self.store.backup_now(now, None)?;
                Ok(Some(self.tr.f("info-copy-saved", &[("path", &path.display().to_string())])))
            }
            Command::SaveCopyAs(path) => {
                self.store.backup_to(&path)?;
                Ok(Some(self.tr.f("info-copy-saved", &[("path", &path.display().to_string())])))
            }
            Command::SetLang(lang) => {
                self.tr = I18n::new(lang);
                Ok(None)
            }
            Command::Assess(change) => {
                self.write(|s| s.assess(&change))?;
                Ok(None)
            }
            // Handled in `apply` (beside the window, or outside the store) or by `apply_measure`
            // and `apply_roadmap`: listed, so that a new command cannot be forgotten silently.
            Command::Restore(_)
            | Command::Open(_)
            | Command::ListServerRoadmaps(_)
            | Command::New { .. }
            | Command::ApplyImport
            | Command::Export { .. }
            | Command::ReadImport(_)
            | Command::ReportError(_)
            | Command::ReportInfo(_)
            | Command::DismissMessage
            | Command::CancelImport
            | Command::SetStatus { .. }
            | Command::SetProgress { .. }
            | Command::AddExpense { .. }
            | Command::Reevaluate { .. }
            | Command::ConfirmReevaluation { .. }
            | Command::AddEvidence { .. }
            | Command::RemoveEvidence { .. }
            | Command::PurgeEvidence { .. }
            | Command::OpenEvidence { .. }
            | Command::SaveEvidence { .. }
            | Command::SaveMeasure { .. }
            | Command::DeleteMeasure(_)
            | Command::SetArchived { .. }
            | Command::AddOwner { .. }
            | Command::RenameOwner { .. }
            | Command::MergeOwners { .. }
            | Command::DeleteOwner(_)
            | Command::AddMeeting { .. }
            | Command::AddBaseline { .. }
            | Command::Undo
            | Command::Redo => Ok(None),
        }
    }

    /// Opens another roadmap file beside the window (it is checked whole first); the window
    /// switches to it when it is open.
    pub(super) fn start_opening(&mut self, path: PathBuf) -> Result<(), String> {
        let server = storage::is_server(&path).then(|| path.clone());
        let shown =
            if server.is_some() { super::display_name(&path) } else { path.display().to_string() };
        let label = self.tr.f("job-opening", &[("path", &shown)]);
        self.start_open(label, move || Ok((storage::open(&path)?, None)))?;
        self.opening_server = server;
        Ok(())
    }

    /// Creates a new roadmap file (empty or with the default roadmap) beside the window and
    /// switches to it.
    pub(super) fn start_creating(&mut self, path: PathBuf, seeded: bool) -> Result<(), String> {
        let label = self.tr.f("job-creating", &[("path", &path.display().to_string())]);
        let lang = seeded.then_some(self.lang());
        self.start_open(label, move || Ok((storage::create(&path, lang)?, None)))
    }

    /// Replaces the roadmap with a backup beside the window (the current file is kept as a
    /// backup first): in place through this window's own connection (on a network drive it
    /// holds the edit lock), or, where an empty stand-in is open because the file could not be
    /// used, on the file, which is then opened.
    pub(super) fn start_restore(&mut self, backup: PathBuf) -> Result<(), String> {
        let now = chrono::Local::now().naive_local();
        let backup_text = backup.display().to_string();
        let label = self.tr.f("job-restoring", &[("path", &backup_text)]);
        let done = self.tr.f("info-restored", &[("path", &backup_text)]);
        let file = self.file.clone();
        if self.store.path() == file {
            self.start_with_store(label, move |s| {
                s.restore_from(&backup, now)?;
                Ok(Some(done))
            })?;
        } else {
            self.start_open(label, move || {
                storage::restore(&file, &backup, now)?;
                Ok((storage::open(&file)?, Some(done)))
            })?;
        }
        self.offer = super::startup::Offer::Nothing;
        Ok(())
    }

    /// Replaces the open roadmap with the checked import the user confirmed, beside the window
    /// (after a backup: what is replaced stays restorable).
    pub(super) fn start_applying_import(&mut self) -> Result<(), String> {
        if self.job.is_some() {
            // The checked import stays and can be applied when the running job is done.
            return Err(self.tr.t("job-busy"));
        }
        let Some(preview) = self.import_preview.take() else { return Ok(()) };
        if preview.target != self.store.path() {
            return Ok(());
        }
        // Asked first: an editor on a server writes no copy for an import he may not make.
        if !self.store.may_replace().map_err(|e| e.localize(&self.tr))? {
            return Err(crate::store::StoreError::AdminOnly.localize(&self.tr));
        }
        let now = chrono::Local::now().naive_local();
        let imported = preview.imported;
        let origin = crate::store::Origin {
            kind: crate::store::OriginKind::Import,
            name: preview.path.file_name().map_or_else(
                || preview.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            sha256: imported.sha256.clone(),
        };
        let backup_first =
            !self.roadmap.measures.is_empty() && self.store.path() != Path::new(":memory:");
        let label = self.tr.f("job-importing", &[("path", &preview.path.display().to_string())]);
        let done = self.tr.f(
            "import-done",
            &[
                ("measures", &imported.roadmap.measures.len()),
                ("expenses", &imported.roadmap.expenses.len()),
                ("history", &imported.history.len()),
            ],
        );
        self.start_with_store(label, move |s| {
            if backup_first {
                s.backup_now(now, None)?;
            }
            s.replace_all(&imported.roadmap, &imported.history, true, Some(&origin))?;
            Ok(Some(done))
        })
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
            self.watch = self.store.watch(Box::new(move || notify()));
        }
    }

    pub(super) fn switch_to(&mut self, store: Box<dyn Storage>) -> Result<(), StoreError> {
        // The old file's watcher stops first.
        self.watch = None;
        let path = store.path().to_owned();
        self.on_network = store.is_network();
        self.file.clone_from(&path);
        self.store = store;
        self.chain_stale = true;
        // A checked import belongs to the file it was chosen for.
        self.import_preview = None;
        self.restart_watch();
        self.refresh()?;
        self.opened.retain(|p| p != &path);
        self.opened.insert(0, path);
        Ok(())
    }

    /// The banner of a read-only file in the UI language: why it is read-only, and for a file
    /// being edited elsewhere by whom since when. `None` for a file open for writing.
    pub fn read_only_banner(&self) -> Option<String> {
        use storage::ReadOnlyReason;
        let banner = match self.store.read_only_reason()? {
            ReadOnlyReason::Newer => self.tr.t("banner-newer"),
            ReadOnlyReason::Offline => self.tr.t("banner-offline"),
            ReadOnlyReason::NoPermission => self.tr.t("banner-read-only"),
            ReadOnlyReason::Chosen => self.tr.t("banner-viewer"),
            ReadOnlyReason::LockedBy(holder) => self
                .tr
                .f("banner-locked", &[("holder", &holder_text(&self.tr, holder, self.today()))]),
            ReadOnlyReason::Blocked(blocker) => self.tr.f(
                "banner-blocked",
                &[("path", &blocker.path.display().to_string()), ("owner", &blocker.owner)],
            ),
        };
        Some(if self.store.shows_last_saved_state() {
            format!("{banner} {}", self.tr.t("note-last-saved-state"))
        } else {
            banner
        })
    }

    /// Whether the window waits for the edit lock of a file on a network drive (it looks again
    /// every two seconds and becomes the editor when the lock is free).
    pub fn waiting_for_lock(&self) -> bool {
        matches!(self.store.read_only_reason(), Some(storage::ReadOnlyReason::LockedBy(_)))
    }

    /// Whether the window waits for something only looking again shows: the edit lock, or a
    /// server that could not be reached (connecting again happens beside the window).
    pub fn waiting(&self) -> bool {
        self.waiting_for_lock()
            || matches!(self.store.read_only_reason(), Some(storage::ReadOnlyReason::Offline))
    }

    /// For a window waiting for the edit lock: takes it once it is free and says so. For a
    /// read-only snapshot: opens it again when the file changed. At most every two seconds;
    /// returns whether the snapshot was reloaded.
    pub(super) fn look_again(&mut self) -> bool {
        if self.last_look.is_some_and(|t| t.elapsed() < std::time::Duration::from_secs(2)) {
            return false;
        }
        self.last_look = Some(std::time::Instant::now());
        let looked = self.store.look_again().and_then(|looked| {
            if looked != storage::Looked::Nothing {
                // Read again: what others added to the history is verified too.
                self.chain_grown = true;
                self.refresh()?;
            }
            Ok(looked)
        });
        match looked {
            Ok(storage::Looked::Nothing) => return false,
            Ok(storage::Looked::Reloaded) => {}
            Ok(storage::Looked::NowEditing) => {
                let file = display_name(self.store.path());
                let text = self.tr.f("info-now-editing", &[("file", &file)]);
                self.message = Some(Message { kind: MessageKind::Info, text });
            }
            Err(e) => {
                self.message =
                    Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) });
            }
        }
        true
    }

    /// Takes a verified backup if the newest is older than a day (a file open for writing only;
    /// a viewer never writes). A failure is shown.
    pub fn daily_backup(&mut self) {
        if self.store.is_read_only() || self.store.path() == Path::new(":memory:") {
            return;
        }
        // On the window's day (its clock), at the time of day it is now.
        let now = self.today().and_time(chrono::Local::now().time());
        if let Err(e) = self.store.daily_backup(now) {
            self.message = Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) });
        }
    }
}
