//! Evidence in the window and on the command line: a file is read (refused before reading when
//! it is over the limit), kept in the roadmap, and given back byte for byte; opening saves it to
//! a temporary file and hands that to the system's viewer.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::storage::StoreError;
use super::{AppState, Command};
use crate::i18n::I18n;
use crate::model::{EvidenceSource, MAX_EVIDENCE_BYTES, NewEvidence};

/// Why a file cannot become evidence.
#[derive(Debug, PartialEq, Eq)]
pub enum EvidenceFileError {
    /// There is no such file.
    Missing(PathBuf),
    /// A folder or something else that is not a file.
    NotAFile(PathBuf),
    /// Over the limit (nothing was read).
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The file could not be read (the operating system's words).
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
}

impl EvidenceFileError {
    /// The message for the user.
    pub fn localize(&self, tr: &I18n) -> String {
        let path_text = |p: &Path| p.display().to_string();
        match self {
            Self::Missing(path) => tr.f("err-evidence-missing", &[("path", &path_text(path))]),
            Self::NotAFile(path) => tr.f("err-evidence-not-a-file", &[("path", &path_text(path))]),
            Self::TooLarge { path, size } => tr.f(
                "err-evidence-file-too-large",
                &[("path", &path_text(path)), ("size", &tr.size(*size))],
            ),
            Self::Io { path, detail } => {
                tr.f("err-io", &[("path", &path_text(path)), ("detail", detail)])
            }
        }
    }
}

/// Reads a file that is to become evidence: its size is checked before anything is read, and
/// never more than the limit is read (a file growing meanwhile is refused too).
pub fn read_evidence_file(path: &Path) -> Result<EvidenceSource, EvidenceFileError> {
    let io =
        |e: std::io::Error| EvidenceFileError::Io { path: path.to_owned(), detail: e.to_string() };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(EvidenceFileError::Missing(path.to_owned()));
        }
        Err(e) => return Err(io(e)),
    };
    if !meta.is_file() {
        return Err(EvidenceFileError::NotAFile(path.to_owned()));
    }
    let too_large = |size| EvidenceFileError::TooLarge { path: path.to_owned(), size };
    if meta.len() > MAX_EVIDENCE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_EVIDENCE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_EVIDENCE_BYTES {
        return Err(too_large(read));
    }
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(EvidenceSource::File { name, bytes })
}

/// How a file or a link is handed to the system (the default: its viewer or browser).
pub type Opener = fn(&str) -> std::io::Result<()>;

/// Opens a path or address with the system's program for it, without waiting for it.
pub fn system_opener(target: &str) -> std::io::Result<()> {
    open::that_detached(target)
}

impl AppState {
    /// Evidence commands: add (read the file first), remove, open.
    pub(super) fn apply_evidence(&mut self, command: Command) -> Result<Option<String>, String> {
        match command {
            Command::AddEvidence { code, file, link, note } => {
                let source = match (file, link) {
                    (Some(path), _) => {
                        read_evidence_file(&path).map_err(|e| e.localize(&self.tr))?
                    }
                    (None, Some(url)) => EvidenceSource::Link(url),
                    (None, None) => return Err(self.tr.t("err-link-empty")),
                };
                let new = NewEvidence { source, note, reevaluation: None };
                let evidence = self
                    .write(|s| s.add_evidence(&code, &new))
                    .map_err(|e| e.localize(&self.tr))?;
                Ok(Some(
                    self.tr.f("info-evidence-added", &[("code", &code), ("name", &evidence.name)]),
                ))
            }
            Command::RemoveEvidence { code, id } => {
                let name = self.evidence_name(&code, id);
                self.write(|s| s.remove_evidence(&code, id)).map_err(|e| e.localize(&self.tr))?;
                Ok(Some(self.tr.f("info-evidence-removed", &[("code", &code), ("name", &name)])))
            }
            Command::PurgeEvidence { code, id, reason } => {
                let (evidence, erased) = self
                    .write(|s| s.purge_evidence(&code, id, &reason))
                    .map_err(|e| e.localize(&self.tr))?;
                let key = if erased || evidence.sha256.is_none() {
                    "info-evidence-purged"
                } else {
                    "info-evidence-purged-shared"
                };
                Ok(Some(self.tr.f(key, &[("code", &code), ("name", &evidence.name)])))
            }
            Command::OpenEvidence { code, id } => self.open_evidence(&code, id),
            Command::SaveEvidence { code, id, path } => {
                let bytes =
                    self.store.evidence_bytes(&code, id).map_err(|e| e.localize(&self.tr))?;
                super::write_atomically(&path, &bytes).map_err(|e| {
                    let path = path.display().to_string();
                    self.tr.f("err-io", &[("path", &path), ("detail", &e.to_string())])
                })?;
                let size = self.tr.size(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
                let path = path.display().to_string();
                Ok(Some(self.tr.f("cli-evidence-saved", &[("path", &path), ("size", &size)])))
            }
            _ => Ok(None),
        }
    }

    fn evidence_name(&self, code: &str, id: i64) -> String {
        self.roadmap
            .evidence
            .iter()
            .find(|e| e.id == id && e.code == code)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }

    /// Hands evidence to the system: a web link to the browser; a document or picture, saved to
    /// a new private temporary folder under a safe name, to its viewer. Anything that could run
    /// (a program, a script, a shortcut, a `file://` or network path) is not handed over: the
    /// user is told to save it or to open the path himself.
    fn open_evidence(&mut self, code: &str, id: i64) -> Result<Option<String>, String> {
        let tr = &self.tr;
        let Some(evidence) =
            self.roadmap.evidence.iter().find(|e| e.id == id && e.code == code).cloned()
        else {
            return Err(StoreError::UnknownEvidence(id).localize(tr));
        };
        let target = match &evidence.url {
            Some(url) if crate::model::is_web_link(url) => url.trim().to_owned(),
            Some(url) => return Ok(Some(tr.f("info-evidence-path", &[("url", url)]))),
            None => {
                let Some(name) = crate::model::viewer_file_name(&evidence.name) else {
                    return Err(tr.f("err-evidence-not-viewable", &[("name", &evidence.name)]));
                };
                let bytes = self.store.evidence_bytes(code, id).map_err(|e| e.localize(tr))?;
                let io = |path: &std::path::Path, e: &std::io::Error| {
                    let path = path.display().to_string();
                    tr.f("err-io", &[("path", &path), ("detail", &e.to_string())])
                };
                let mut folder = tempfile::Builder::new();
                folder.prefix("fahrplan-nachweis-");
                // Only the user may enter it (nobody else can swap the file before it opens).
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    folder.permissions(std::fs::Permissions::from_mode(0o700));
                }
                let dir = folder.tempdir().map_err(|e| io(&std::env::temp_dir(), &e))?.keep();
                let path = dir.join(name);
                std::fs::write(&path, &bytes).map_err(|e| io(&path, &e))?;
                path.display().to_string()
            }
        };
        (self.opener)(&target)
            .map_err(|e| tr.f("err-io", &[("path", &target), ("detail", &e.to_string())]))?;
        self.opened_evidence = Some(target);
        Ok(None)
    }
}

impl AppState {
    /// Verifies the history's chain again where needed: whole after a file was opened or
    /// replaced, what others added after an outside change.
    pub(super) fn verify_chain(&mut self) {
        let grown = std::mem::take(&mut self.chain_grown);
        if std::mem::take(&mut self.chain_stale) {
            self.chain = self.store.verify_history().map_err(|e| e.localize(&self.tr));
        } else if grown {
            let verified = match &self.chain {
                Ok(known) => self.store.verify_history_after(known),
                Err(_) => self.store.verify_history(),
            };
            self.chain = verified.map_err(|e| e.localize(&self.tr));
        }
    }

    /// The warnings about the record: the history's chain broken, rows that cannot be read
    /// (both written outside Fahrplan).
    pub fn record_warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        match &self.chain {
            Ok(chain) => {
                if let Some(id) = chain.first_broken {
                    let verified = chain.verified;
                    warnings
                        .push(self.tr.f("chain-broken", &[("id", &id), ("verified", &verified)]));
                }
            }
            Err(why) => warnings.push(self.tr.f("chain-unverified", &[("reason", why)])),
        }
        if !self.roadmap.unreadable.is_empty() {
            warnings.push(crate::i18n::unreadable_text(&self.tr, &self.roadmap.unreadable));
        }
        warnings
    }
}
