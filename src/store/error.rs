//! What can go wrong with a roadmap file, in words a clerk understands.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::model::ValidationError;

/// Why a PostgreSQL server could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerTrouble {
    /// Nothing listens there (or a firewall says no).
    Refused,
    /// The host name is unknown.
    UnknownHost,
    /// No answer in time.
    Timeout,
    /// User or password were not accepted.
    Authentication,
    /// The server's access rules (`pg_hba.conf`) admit no such connection (this computer,
    /// this user, or without encryption).
    NotAdmitted,
    /// The encrypted connection could not be made or its certificate was not trusted.
    Tls(String),
    /// The connection was lost.
    Closed,
    /// Anything else the server or the network said.
    Other(String),
}

/// An error of the store. The app gives its message for the user (`app::words`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not a SQLite database at all (a text file, an image, a truncated file).
    #[error("{}: not a Fahrplan file (not a SQLite database)", .path.display())]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// A SQLite database that belongs to another application.
    #[error("{}: belongs to another application", .path.display())]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// A Fahrplan file whose structure is damaged.
    #[error("{}: the file is damaged ({detail})", .path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What SQLite reported.
        detail: String,
    },
    /// A file written by a newer Fahrplan.
    #[error("{}: created by a newer version of Fahrplan (schema {found})", .path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i32,
    },
    /// An older file that must be migrated, but it is opened read-only.
    #[error("{}: written by an older version and cannot be updated read-only", .path.display())]
    NeedsMigration {
        /// The file.
        path: PathBuf,
    },
    /// The file or folder cannot be read or created.
    #[error("{}: {detail}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's message.
        detail: String,
    },
    /// No roadmap file at this path (reading and writing commands never create one).
    #[error("{}: no roadmap there", .path.display())]
    NoFile {
        /// The path.
        path: PathBuf,
    },
    /// A file that is to be created exists already.
    #[error("{} exists already", .path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The file is open read-only.
    #[error("the roadmap is open read-only")]
    ReadOnly,
    /// Another editor holds the edit lock of the file (network drive).
    #[error("the roadmap is being edited by {} ({}) since {}", .0.user, .0.host, .0.since)]
    Locked(super::LockInfo),
    /// A file beside the roadmap that someone else left keeps this user from writing it.
    #[error("{} (of {}) keeps the roadmap from being written", .0.path.display(), .0.owner)]
    Blocked(super::Blocker),
    /// No measure has this code.
    #[error("there is no measure {0}")]
    UnknownMeasure(String),
    /// The measure was changed by someone else since it was read.
    #[error("measure {code} was changed meanwhile (by someone else)")]
    Conflict {
        /// The measure.
        code: String,
    },
    /// A measure cannot be deleted while others depend on it.
    #[error("measure {code} cannot be deleted: {dependents:?} depend on it")]
    HasDependents {
        /// The measure.
        code: String,
        /// The measures that depend on it.
        dependents: Vec<String>,
    },
    /// A measure with expenses or re-evaluations is archived, not deleted.
    #[error("measure {code} has expenses or re-evaluations and cannot be deleted")]
    HasRecords {
        /// The measure.
        code: String,
    },
    /// An owner's name is empty.
    #[error("the owner's name is empty")]
    EmptyOwnerName,
    /// Another owner has this name.
    #[error("there is already an owner {0}")]
    DuplicateOwner(String),
    /// The owner does not exist (any more).
    #[error("the owner does not exist")]
    UnknownOwner,
    /// An owner that measures refer to cannot be deleted.
    #[error("owner {name} is responsible for {codes:?}")]
    OwnerInUse {
        /// The owner.
        name: String,
        /// The measures.
        codes: Vec<String>,
    },
    /// An import would replace a roadmap that has measures (needs explicit confirmation).
    #[error("the roadmap has {0} measures; the import would replace them")]
    WouldReplace(usize),
    /// A roadmap on a server of an older version that only its administrator may upgrade.
    #[error("the roadmap {0} must be upgraded by its administrator")]
    NeedsUpgrade(String),
    /// A baseline needs a title.
    #[error("the baseline has no title")]
    EmptyBaselineTitle,
    /// A baseline of this title exists (titles name baselines).
    #[error("a baseline named {0} exists")]
    BaselineExists(String),
    /// A meeting needs a title.
    #[error("the meeting has no title")]
    EmptyMeetingTitle,
    /// There is nothing to undo (or redo).
    #[error("there is nothing to undo or redo")]
    NothingToRevert,
    /// The measure has no re-evaluation to confirm.
    #[error("{0} has no re-evaluation to confirm")]
    NoReevaluation(String),
    /// Four eyes: the person who recorded a verdict cannot confirm it.
    #[error("{by} recorded the re-evaluation and cannot confirm it")]
    SelfConfirmation {
        /// Who recorded it.
        by: String,
    },
    /// The latest re-evaluation is confirmed already.
    #[error("the re-evaluation is already confirmed by {by}")]
    AlreadyConfirmed {
        /// Who confirmed it.
        by: String,
    },
    /// A confirmation dated before the verdict it confirms.
    #[error("a verdict of {verdict} cannot be confirmed before that day")]
    ConfirmedBeforeVerdict {
        /// The verdict's day.
        verdict: chrono::NaiveDate,
    },
    /// The measure has no re-evaluation on the day named for the evidence.
    #[error("{code} has no re-evaluation on {date}")]
    NoReevaluationOn {
        /// The measure.
        code: String,
        /// The day named.
        date: chrono::NaiveDate,
    },
    /// No evidence with this id at this measure.
    #[error("no evidence {0} at this measure")]
    UnknownEvidence(i64),
    /// The evidence is a link: it has no bytes.
    #[error("evidence {0} is a link, not a file")]
    NotAFile(i64),
    /// A file over the evidence limit.
    #[error("the file has {size} bytes; evidence may have at most 25 MB")]
    EvidenceTooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// A link that cannot be kept.
    #[error("not a usable link ({0:?})")]
    InvalidLink(crate::model::LinkError),
    /// The change would make the roadmap invalid.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A change of the assessment that cannot be made (an unknown round, a catalogue in use).
    #[error(transparent)]
    Assessment(crate::model::AssessError),
    /// Another program holds the file locked.
    #[error("the file is busy (locked by another program)")]
    Busy,
    /// The disk is full.
    #[error("the disk is full")]
    DiskFull,
    /// The schema could not be brought up to date.
    #[error("the file could not be updated to the current format: {0}")]
    Migration(String),
    /// The default roadmap that ships with Fahrplan could not be read.
    #[error("the default roadmap is broken: {0}")]
    Seed(String),
    /// A write to the file was interrupted (a crash, a lost network connection) and only a user
    /// who may write it can bring it back to its last saved state.
    #[error("{}: a write was interrupted; it must be opened once with write permission", .path.display())]
    Interrupted {
        /// The file.
        path: PathBuf,
    },
    /// A value could not be written as the file stores it (JSON of a list or of a record kept
    /// for undo).
    #[error("a value could not be encoded: {0}")]
    Encoding(String),
    /// A record that was to be changed is no longer there (someone removed it meanwhile).
    #[error("the record is gone (removed meanwhile)")]
    Gone,
    /// Any other database error.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// A PostgreSQL server cannot be reached or refused the connection.
    #[error("server {host}: {trouble:?}")]
    Server {
        /// The server (host and port).
        host: String,
        /// Why.
        trouble: ServerTrouble,
    },
    /// A `postgresql://` address that cannot be used.
    #[error("not a usable server address: {0}")]
    BadUrl(String),
    /// A roadmap name that is not a lowercase identifier.
    #[error("not a roadmap name: {0:?}")]
    BadRoadmapName(String),
    /// The roadmap does not exist on the server or this user may not read it.
    #[error("no roadmap {name:?} for this user on the server")]
    NoRoadmap {
        /// The roadmap asked for.
        name: String,
    },
    /// No roadmap was named and the user can see none or several.
    #[error("choose a roadmap (--roadmap): {}", .0.join(", "))]
    ChooseRoadmap(Vec<String>),
    /// A roadmap with this name exists already.
    #[error("the roadmap {0:?} exists already")]
    RoadmapExists(String),
    /// The server does not allow this user what was asked (creating roles and schemas, granting
    /// to an unknown login); its words, in English.
    #[error("not allowed by the server: {0}")]
    NotAllowed(String),
    /// `server grant` to a role that is not a person's login (a group, one of Fahrplan's own
    /// roles, a built-in role).
    #[error("{0} is not a login")]
    NotALogin(String),
    /// Erasing evidence for good needs a reason (it is recorded).
    #[error("a reason is needed")]
    ReasonNeeded,
    /// The server waited its limit (10 s for a lock, 30 s for a statement) behind another
    /// connection that holds the roadmap (an upgrade, a write, an open transaction).
    #[error("the server waited too long for another connection")]
    Waited,
    /// Rows that cannot be read would be lost by a copy made through the model.
    #[error("{0} rows cannot be read")]
    UnreadableRows(usize),
    /// Replacing the whole roadmap (an import, a restore) is for its administrators only.
    #[error("only the roadmap's administrator may replace it")]
    AdminOnly,
    /// A login keeps a roadmap role after a revoke (another administrator's grant, or a group).
    #[error("{login} is still a member of {role}")]
    StillMember {
        /// The login.
        login: String,
        /// The roadmap's group role.
        role: String,
    },
    /// The engine refused data its checks do not allow (a date, a length, an amount): written
    /// around the application, or a row from before the checks. The check's name.
    #[error("the database refused data its checks do not allow ({0})")]
    BadData(String),
    /// The server refused a change its history does not record as made (the record's rules:
    /// someone changed the roadmap around the application, or it changed meanwhile).
    #[error("the server refused a change its history does not record ({0})")]
    Unrecorded(String),
    /// A backup whose table definitions are not the application's (edited by hand): never
    /// restored.
    #[error("{}: its tables differ from Fahrplan's", .path.display())]
    ForeignTables {
        /// The backup.
        path: PathBuf,
    },
    /// The server refused a change dated far from its own clock (this computer's clock is off).
    #[error("this computer's clock is more than a day off the server's")]
    ClockOff,
    /// An error the server reported (its words, in English).
    #[error("database server: {0}")]
    Postgres(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, message) = &e
            && f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_CHECK
        {
            let name = message.as_deref().unwrap_or_default();
            return Self::BadData(name.trim_start_matches("CHECK constraint failed: ").to_owned());
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy,
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            Some(ErrorCode::ReadOnly) => Self::ReadOnly,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Self::Damaged { path: PathBuf::new(), detail: e.to_string() }
            }
            _ => Self::Sqlite(e),
        }
    }
}

impl StoreError {
    /// Maps an error while opening or checking `path`.
    pub(super) fn from_open(path: &Path, e: rusqlite::Error) -> Self {
        let path = path.to_owned();
        // SQLITE_READONLY_RECOVERY, _CANTINIT, _ROLLBACK: a reader met an interrupted write.
        if let rusqlite::Error::SqliteFailure(f, _) = &e
            && matches!(f.extended_code, 264 | 1288 | 776)
        {
            return Self::Interrupted { path };
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Self::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => Self::Damaged { path, detail: e.to_string() },
            Some(
                ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::SystemIoFailure,
            ) => Self::Io { path, detail: e.to_string() },
            _ => Self::from(e),
        }
    }

    /// Whether the server refused the login (no password, or a wrong one): asking for the
    /// password may help.
    pub const fn wants_password(&self) -> bool {
        matches!(self, Self::Server { trouble: ServerTrouble::Authentication, .. })
    }

    /// Whether the file itself cannot be used (foreign, damaged, too new, unwritable): the
    /// command line exits with 2 for these, with 1 for invalid input.
    pub const fn is_file_problem(&self) -> bool {
        // No roadmap at all for this user on the server: exit 2 (several to choose from: 1).
        if let Self::ChooseRoadmap(names) = self {
            return names.is_empty();
        }
        !matches!(
            self,
            Self::UnknownMeasure(_)
                | Self::Invalid(_)
                | Self::Assessment(_)
                | Self::BadData(_)
                | Self::Conflict { .. }
                | Self::Gone
                | Self::HasDependents { .. }
                | Self::HasRecords { .. }
                | Self::NothingToRevert
                | Self::NoReevaluation(_)
                | Self::SelfConfirmation { .. }
                | Self::AlreadyConfirmed { .. }
                | Self::NoReevaluationOn { .. }
                | Self::ConfirmedBeforeVerdict { .. }
                | Self::UnknownEvidence(_)
                | Self::NotAFile(_)
                | Self::EvidenceTooLarge { .. }
                | Self::InvalidLink(_)
                | Self::EmptyOwnerName
                | Self::EmptyMeetingTitle
                | Self::EmptyBaselineTitle
                | Self::BaselineExists(_)
                | Self::WouldReplace(_)
                | Self::NotALogin(_)
                | Self::ReasonNeeded
                | Self::DuplicateOwner(_)
                | Self::UnknownOwner
                | Self::OwnerInUse { .. }
                | Self::BadUrl(_)
                | Self::BadRoadmapName(_)
                | Self::ChooseRoadmap(_)
                | Self::RoadmapExists(_)
        )
    }
}
