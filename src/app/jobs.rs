//! Work that runs beside the window so it never freezes: writing an export (the PDF report, CSV,
//! JSON, iCalendar, PNG), reading and checking an import file, opening (and checking) a file,
//! restoring a backup, applying an import, and listing (and checking) the backups. The thread gets its own copy
//! of what it needs and reports back once; the window shows progress while it runs and wakes up
//! when it is done.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use super::storage::{self, BackupInfo, Storage, StoreError};
use super::{AppState, ExportKind, Message, MessageKind, write_atomically};
use crate::i18n::{I18n, Lang};
use crate::import::Imported;

/// A running background job.
#[derive(Debug)]
pub struct Job {
    /// What it does, for the progress display.
    pub label: String,
    /// When it started (progress is shown only after a blink).
    pub started: Instant,
    /// The roadmap file open when it started (an import is meant for that file).
    target: PathBuf,
    result: Receiver<Outcome>,
}

#[derive(Debug)]
enum Outcome {
    /// A message: the written file, or what went wrong.
    Done(Result<String, String>),
    /// A checked import waiting for confirmation.
    Import(Box<Result<(PathBuf, Imported), String>>),
    /// A roadmap opened (or created, or restored and opened) to switch to, with a message; or
    /// why not, and whether a password would help.
    Opened(Result<(Box<dyn Storage>, Option<String>), OpenFailed>),
    /// The roadmaps a server lists for the connect window.
    Roadmaps(String, Result<Vec<storage::RoadmapAccess>, String>),
    /// The store lent to a job, given back with what the job did.
    Returned {
        /// The window's store.
        store: Box<dyn Storage>,
        /// The job's message, or what went wrong.
        result: Result<Option<String>, String>,
    },
}

/// Why a roadmap was not opened, and whether a password would help.
type OpenFailed = (String, bool);

/// A checked import the user is asked to confirm.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The file read.
    pub path: PathBuf,
    /// What it contains.
    pub imported: Imported,
    /// The roadmap file it is for (the one open when the import was chosen).
    pub target: PathBuf,
    /// What it adds, changes and removes in the open roadmap (kept current on every reload).
    pub comparison: crate::import::ImportComparison,
}

/// Everything an export needs, owned, so it can move to the worker thread.
struct ExportInput {
    roadmap: crate::model::Roadmap,
    history: Vec<crate::model::Change>,
    seed_batch: Option<i64>,
    lang: Lang,
    today: chrono::NaiveDate,
    file_name: String,
}

/// The files of an export: where each goes and what it holds. One file, except for the
/// calendars per owner: `{stem}-{owner}.ics` beside `path` for every owner with dates.
fn export_files(
    input: &ExportInput,
    kind: ExportKind,
    path: &std::path::Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    if kind != ExportKind::IcsPerOwner {
        return Ok(vec![(path.to_path_buf(), export_bytes(input, kind)?)]);
    }
    let tr = I18n::new(input.lang);
    let stem = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let folder = path.parent().unwrap_or(std::path::Path::new("."));
    let roadmap = &input.roadmap;
    let mut taken: Vec<String> = Vec::new();
    let mut files = Vec::new();
    for o in &roadmap.owners {
        let bytes = crate::export::owner_calendar(roadmap, o.id, &tr, chrono::Utc::now());
        // Owners without a date get no (empty) calendar.
        if !bytes.windows(12).any(|w| w == b"BEGIN:VEVENT") {
            continue;
        }
        let mut name: String = o
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
            .take(80)
            .collect();
        // Names that come out alike (case, punctuation) get the owner's number.
        if taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
            name = format!("{name}-{}", o.id);
        }
        taken.push(name.clone());
        files.push((folder.join(format!("{stem}-{name}.ics")), bytes));
    }
    Ok(files)
}

fn export_bytes(input: &ExportInput, kind: ExportKind) -> Result<Vec<u8>, String> {
    let tr = I18n::new(input.lang);
    let delimiter = crate::export::default_delimiter(input.lang);
    Ok(match kind {
        ExportKind::Csv => crate::export::measures_csv(&input.roadmap, input.today, &tr, delimiter),
        ExportKind::ExpensesCsv => crate::export::expenses_csv(&input.roadmap, &tr, delimiter),
        ExportKind::Json => {
            crate::export::export_json(&input.roadmap, &input.history).map_err(|e| e.to_string())?
        }
        ExportKind::Ics | ExportKind::IcsPerOwner => {
            crate::export::calendar(&input.roadmap, &tr, chrono::Utc::now())
        }
        ExportKind::Png => crate::export::timeline_png(
            &input.roadmap,
            input.today,
            &tr,
            crate::export::PictureOptions::default(),
        )
        .map_err(|e| e.to_string())?,
        ExportKind::Pdf | ExportKind::Html => {
            // The report lists the changes since the last council meeting, if one is recorded.
            let since = input.roadmap.last_meeting(input.today).map(|m| m.date);
            let options = crate::export::ReportOptions {
                since,
                file_name: input.file_name.clone(),
                seed_batch: input.seed_batch,
            };
            let (roadmap, history, today) = (&input.roadmap, &input.history, input.today);
            if kind == ExportKind::Html {
                crate::export::report_html(roadmap, history, today, &tr, &options)
                    .map(String::into_bytes)
                    .map_err(|e| e.localize(&tr))?
            } else {
                crate::export::report_pdf(roadmap, history, today, &tr, &options)
                    .map_err(|e| e.localize(&tr))?
            }
        }
    })
}

impl AppState {
    /// The running job, if any.
    pub const fn job(&self) -> Option<&Job> {
        self.job.as_ref()
    }

    fn start_job(
        &mut self,
        label: String,
        work: impl FnOnce() -> Outcome + Send + 'static,
    ) -> Result<(), String> {
        let target = self.file_path().to_owned();
        let (sender, result) = std::sync::mpsc::channel();
        let notify = self.notify.clone();
        std::thread::Builder::new()
            .name("fahrplan-job".into())
            .spawn(move || {
                let _ = sender.send(work());
                if let Some(notify) = notify {
                    notify();
                }
            })
            .map_err(|e| self.tr.f("job-no-thread", &[("detail", &e.to_string())]))?;
        self.job = Some(Job { label, started: Instant::now(), target, result });
        Ok(())
    }

    /// Opens a roadmap beside the window with `open` (which may take long: checking a large
    /// file on a network drive); the window switches to it when it is open.
    pub(super) fn start_open(
        &mut self,
        label: String,
        open: impl FnOnce() -> Result<(Box<dyn Storage>, Option<String>), StoreError> + Send + 'static,
    ) -> Result<(), String> {
        if self.job.is_some() {
            return Err(self.tr.t("job-busy"));
        }
        let tr = I18n::new(self.lang());
        self.start_job(label, move || {
            Outcome::Opened(open().map_err(|e| (e.localize(&tr), e.wants_password())))
        })
    }

    /// Lends the window's store to `work` beside the window (a restore, applying an import).
    /// Meanwhile an empty roadmap in memory stands in, the snapshot stays as it is, and every
    /// command that would read or write the store is refused with "please wait".
    pub(super) fn start_with_store(
        &mut self,
        label: String,
        work: impl FnOnce(&mut dyn Storage) -> Result<Option<String>, StoreError> + Send + 'static,
    ) -> Result<(), String> {
        if self.job.is_some() {
            return Err(self.tr.t("job-busy"));
        }
        let stand_in = storage::in_memory().map_err(|e| e.localize(&self.tr))?;
        let path = self.store.path().to_owned();
        self.lent = Some(path.clone());
        let mut store = std::mem::replace(&mut self.store, stand_in);
        let tr = I18n::new(self.lang());
        let started = self.start_job(label, move || {
            let result = work(store.as_mut()).map_err(|e| e.localize(&tr));
            Outcome::Returned { store, result }
        });
        if let Err(text) = started {
            // The store went with the thread that never started: the file is opened again.
            return Err(match self.recover_store(&path) {
                Ok(()) => text,
                Err(reopen) => format!("{text} {reopen}"),
            });
        }
        Ok(())
    }

    /// Connects to the server at `url` beside the window and lists the roadmaps the user may see
    /// (see [`Self::server_roadmaps`]).
    pub(super) fn start_listing_roadmaps(&mut self, url: String) -> Result<(), String> {
        if self.job.is_some() {
            return Err(self.tr.t("job-busy"));
        }
        let tr = I18n::new(self.lang());
        let label = tr.t("job-connecting");
        self.server_roadmaps = None;
        self.start_job(label, move || {
            let list = storage::server_roadmaps(&url).map_err(|e| e.localize(&tr));
            Outcome::Roadmaps(url, list)
        })
    }

    /// The roadmaps the server at `url` listed (or why it could not), once listed.
    pub fn server_roadmaps(
        &self,
        url: &str,
    ) -> Option<&Result<Vec<storage::RoadmapAccess>, String>> {
        self.server_roadmaps.as_ref().filter(|(listed, _)| listed == url).map(|(_, list)| list)
    }

    /// Whether a job works with the store (a restore, applying an import): the window shows the
    /// roadmap as it was and reads nothing until the store is given back.
    pub const fn busy_with_store(&self) -> bool {
        self.lent.is_some()
    }

    /// Opens the file at `path` again after the job that had its store was lost. Where the file
    /// cannot be opened, the empty stand-in stays (named with the file, as at a start with an
    /// unusable file) and the reason is returned.
    fn recover_store(&mut self, path: &Path) -> Result<(), String> {
        self.lent = None;
        self.file = path.to_owned();
        match storage::open(path) {
            Ok(store) => {
                self.store = store;
                self.chain_stale = true;
                self.refresh().map_err(|e| e.localize(&self.tr))
            }
            Err(e) => Err(e.localize(&self.tr)),
        }
    }

    /// The backups of the roadmap file, newest first, as last listed (`None` until the first
    /// listing of this file is done). [`Self::list_backups`] lists them again.
    pub fn backups(&self) -> Option<&[BackupInfo]> {
        self.backups
            .as_ref()
            .filter(|(file, _)| *file == self.file)
            .map(|(_, list)| list.as_slice())
    }

    /// Lists the backups of the roadmap file again, beside the window (each backup not seen
    /// before is checked whole); [`Self::poll_job`] takes the list.
    pub fn list_backups(&mut self) {
        if self.listing.is_some() {
            self.list_again = true;
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let notify = self.notify.clone();
        let file = self.file.clone();
        let spawned =
            std::thread::Builder::new().name("fahrplan-backups".into()).spawn(move || {
                let _ = sender.send(storage::list_backups(&file));
                if let Some(notify) = notify {
                    notify();
                }
            });
        match spawned {
            Ok(_) => self.listing = Some((self.file.clone(), receiver)),
            Err(e) => {
                let text = self.tr.f("job-no-thread", &[("detail", &e.to_string())]);
                self.message = Some(Message { kind: MessageKind::Error, text });
            }
        }
    }

    /// Takes a finished listing of the backups; returns whether one came in.
    fn poll_listing(&mut self) -> bool {
        let Some((file, listing)) = &self.listing else { return false };
        let list = match listing.try_recv() {
            Ok(list) => list,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                self.message =
                    Some(Message { kind: MessageKind::Error, text: self.tr.t("job-lost") });
                Vec::new()
            }
        };
        self.backups = Some((file.clone(), list));
        self.listing = None;
        if std::mem::take(&mut self.list_again) {
            self.list_backups();
        }
        true
    }

    /// Writes an export in the background; the message says where it went or what failed.
    pub(super) fn start_export(&mut self, path: PathBuf, kind: ExportKind) -> Result<(), String> {
        if self.job.is_some() {
            return Err(self.tr.t("job-busy"));
        }
        let needs_history = matches!(kind, ExportKind::Json | ExportKind::Pdf | ExportKind::Html);
        let history = if needs_history {
            self.store.history(None).map_err(|e| e.localize(&self.tr))?
        } else {
            Vec::new()
        };
        let input = ExportInput {
            roadmap: self.roadmap.clone(),
            history,
            seed_batch: self.store.seed_batch().map_err(|e| e.localize(&self.tr))?,
            lang: self.lang(),
            today: self.today(),
            file_name: super::display_name(self.store.path()),
        };
        let path_text = path.display().to_string();
        let tr = I18n::new(self.lang());
        let label = tr.f("job-exporting", &[("path", &path_text)]);
        self.start_job(label, move || {
            let failed =
                |detail: String| tr.f("err-export", &[("path", &path_text), ("detail", &detail)]);
            let result = export_files(&input, kind, &path).map_err(failed).and_then(|files| {
                for (file, bytes) in &files {
                    write_atomically(file, bytes).map_err(|e| failed(e.to_string()))?;
                }
                Ok(if kind == ExportKind::IcsPerOwner {
                    let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
                    tr.f("info-exported-calendars", &[("n", &files.len()), ("path", &folder)])
                } else {
                    tr.f("info-exported", &[("path", &path_text)])
                })
            });
            Outcome::Done(result)
        })
    }

    /// Reads and checks an import file in the background; when it is sound, it waits in
    /// [`AppState::import_preview`] for the user's confirmation.
    pub(super) fn start_import(&mut self, path: PathBuf) -> Result<(), String> {
        if self.job.is_some() {
            return Err(self.tr.t("job-busy"));
        }
        let tr = I18n::new(self.lang());
        let label = tr.f("job-reading", &[("path", &path.display().to_string())]);
        self.start_job(label, move || {
            let result = super::read_import(&path)
                .map_err(|e| e.localize(&path, &tr))
                .and_then(|bytes| crate::import::parse_import(&bytes).map_err(|e| e.localize(&tr)))
                .map(|imported| (path, imported));
            Outcome::Import(Box::new(result))
        })
    }

    /// Takes the result of a finished job, and a finished listing of the backups (call once per
    /// frame); returns whether a job finished.
    pub fn poll_job(&mut self) -> bool {
        self.poll_listing();
        #[cfg(any(test, feature = "testing"))]
        if self.hold_jobs {
            return false;
        }
        let Some(job) = &self.job else { return false };
        let target = job.target.clone();
        let received = job.result.try_recv();
        let outcome = match received {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => self.lost_job(),
        };
        self.job = None;
        match outcome {
            Outcome::Done(Ok(text)) => {
                self.message = Some(Message { kind: MessageKind::Info, text });
            }
            Outcome::Roadmaps(url, list) => self.server_roadmaps = Some((url, list)),
            Outcome::Done(Err(text)) => {
                self.message = Some(Message { kind: MessageKind::Error, text });
            }
            Outcome::Opened(Err((text, wants_password))) => {
                let opening = self.opening_server.take();
                if wants_password {
                    self.password_wanted = opening;
                }
                self.message = Some(Message { kind: MessageKind::Error, text });
            }
            // One job at a time: no other file can have been opened meanwhile.
            Outcome::Import(result) => match *result {
                Ok((path, imported)) => {
                    let comparison =
                        crate::import::compare_import(&self.roadmap, &imported.roadmap);
                    self.import_preview =
                        Some(ImportPreview { path, imported, target, comparison });
                }
                Err(text) => self.message = Some(Message { kind: MessageKind::Error, text }),
            },
            Outcome::Opened(Ok((store, info))) => {
                self.opening_server = None;
                self.message = match self.switch_to(store) {
                    Ok(()) => info.map(|text| Message { kind: MessageKind::Info, text }),
                    Err(e) => {
                        Some(Message { kind: MessageKind::Error, text: e.localize(&self.tr) })
                    }
                };
            }
            Outcome::Returned { store, result } => {
                self.store = store;
                self.chain_stale = true;
                self.lent = None;
                // The file as it is now, whatever the job did; both are said.
                let shown = self.refresh().map_err(|e| e.localize(&self.tr));
                self.message = match (result, shown) {
                    (Ok(info), Ok(())) => {
                        info.map(|text| Message { kind: MessageKind::Info, text })
                    }
                    (Ok(None), Err(text)) | (Err(text), Ok(())) => {
                        Some(Message { kind: MessageKind::Error, text })
                    }
                    (Ok(Some(first)) | Err(first), Err(then)) => {
                        Some(Message { kind: MessageKind::Error, text: format!("{first} {then}") })
                    }
                };
            }
        }
        true
    }

    /// A job that ended without a word (it panicked): said, and a store it had borrowed is
    /// opened again from its file (showing what was saved).
    fn lost_job(&mut self) -> Outcome {
        let Some(path) = self.lent.clone() else {
            return Outcome::Done(Err(self.tr.t("job-lost")));
        };
        let lost = self.tr.t("job-lost-store");
        Outcome::Done(Err(match self.recover_store(&path) {
            Ok(()) => lost,
            Err(reopen) => format!("{lost} {reopen}"),
        }))
    }

    /// Keeps the next job's result from being taken until [`Self::wait_for_job`] (for tests that
    /// look at the window while a job works, however fast the machine).
    #[cfg(any(test, feature = "testing"))]
    pub const fn hold_jobs(&mut self) {
        self.hold_jobs = true;
    }

    /// Waits for the running job and listing of the backups to finish and takes their results
    /// (for tests).
    #[cfg(any(test, feature = "testing"))]
    pub fn wait_for_job(&mut self) {
        self.hold_jobs = false;
        while self.job.is_some() || self.listing.is_some() {
            if !self.poll_job() {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
    }
}
