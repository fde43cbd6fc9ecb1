//! Work that runs beside the window so it never freezes: writing an export (the PDF report, CSV,
//! JSON, iCalendar, PNG) and reading and checking an import file. The thread gets its own copy
//! of what it needs and reports back once; the window shows progress while it runs and wakes up
//! when it is done.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

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
}

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

fn export_bytes(input: &ExportInput, kind: ExportKind) -> Result<Vec<u8>, String> {
    let tr = I18n::new(input.lang);
    let delimiter = crate::export::default_delimiter(input.lang);
    Ok(match kind {
        ExportKind::Csv => crate::export::measures_csv(&input.roadmap, input.today, &tr, delimiter),
        ExportKind::ExpensesCsv => crate::export::expenses_csv(&input.roadmap, &tr, delimiter),
        ExportKind::Json => {
            crate::export::export_json(&input.roadmap, &input.history).map_err(|e| e.to_string())?
        }
        ExportKind::Ics => crate::export::calendar(&input.roadmap, &tr, chrono::Utc::now()),
        ExportKind::Png => crate::export::timeline_png(
            &input.roadmap,
            input.today,
            &tr,
            crate::export::PictureOptions::default(),
        )
        .map_err(|e| e.to_string())?,
        ExportKind::Pdf => {
            // The report lists the changes since the last council meeting, if one is recorded.
            let since = input.roadmap.last_meeting(input.today).map(|m| m.date);
            let options = crate::export::ReportOptions {
                since,
                file_name: input.file_name.clone(),
                seed_batch: input.seed_batch,
            };
            crate::export::report_pdf(&input.roadmap, &input.history, input.today, &tr, &options)
                .map_err(|e| e.localize(&tr))?
        }
    })
}

impl AppState {
    /// The running job, if any.
    pub const fn job(&self) -> Option<&Job> {
        self.job.as_ref()
    }

    fn start_job(&mut self, label: String, work: impl FnOnce() -> Outcome + Send + 'static) {
        let (sender, result) = std::sync::mpsc::channel();
        let notify = self.notify.clone();
        std::thread::spawn(move || {
            let _ = sender.send(work());
            if let Some(notify) = notify {
                notify();
            }
        });
        let target = self.store.path().to_owned();
        self.job = Some(Job { label, started: Instant::now(), target, result });
    }

    /// Writes an export in the background; the message says where it went or what failed.
    pub(super) fn start_export(&mut self, path: PathBuf, kind: ExportKind) -> Result<(), String> {
        if self.job.is_some() {
            return Err(self.tr.t("job-busy"));
        }
        let needs_history = matches!(kind, ExportKind::Json | ExportKind::Pdf);
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
            let result = export_bytes(&input, kind)
                .map_err(failed)
                .and_then(|bytes| {
                    write_atomically(&path, &bytes).map_err(|e| failed(e.to_string()))
                })
                .map(|()| tr.f("info-exported", &[("path", &path_text)]));
            Outcome::Done(result)
        });
        Ok(())
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
                .and_then(|bytes| {
                    crate::import::parse_import(&bytes, &tr)
                        .map_err(|e| tr.f("import-failed", &[("problem", &e.to_string())]))
                })
                .map(|imported| (path, imported));
            Outcome::Import(Box::new(result))
        });
        Ok(())
    }

    /// Takes the result of a finished job (call once per frame); returns whether one finished.
    pub fn poll_job(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        let outcome = match job.result.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Outcome::Done(Err(self.tr.t("job-lost"))),
        };
        let target = job.target.clone();
        self.job = None;
        match outcome {
            Outcome::Done(Ok(text)) => {
                self.message = Some(Message { kind: MessageKind::Info, text });
            }
            Outcome::Done(Err(text)) => {
                self.message = Some(Message { kind: MessageKind::Error, text });
            }
            Outcome::Import(result) => match *result {
                // Another file was opened meanwhile: the import is not applied to it.
                Ok(_) if target != self.store.path() => {
                    let text = self
                        .tr
                        .f("import-target-changed", &[("path", &target.display().to_string())]);
                    self.message = Some(Message { kind: MessageKind::Error, text });
                }
                Ok((path, imported)) => {
                    let comparison =
                        crate::import::compare_import(&self.roadmap, &imported.roadmap);
                    self.import_preview =
                        Some(ImportPreview { path, imported, target, comparison });
                }
                Err(text) => self.message = Some(Message { kind: MessageKind::Error, text }),
            },
        }
        true
    }

    /// Waits for the running job to finish and takes its result (for tests and the CLI).
    pub fn wait_for_job(&mut self) {
        while self.job.is_some() {
            if !self.poll_job() {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
    }
}
