//! The words for what the store and an import refuse, in the UI language: the store and the
//! import say what happened, the app says it to the user.

use std::path::Path;

use super::storage::{LockInfo, ServerTrouble, StoreError};
use crate::i18n::I18n;
use crate::import::{ImportComparison, ImportError, ImportPlace, ImportProblem};

/// Who holds the edit lock, as the user reads it: `anna.schmidt (PC-IT-01) seit 09:12`, with the
/// date when it is not `today`.
pub fn holder_text(tr: &I18n, holder: &LockInfo, today: chrono::NaiveDate) -> String {
    if holder.user.is_empty() {
        // A lock whose file does not say who holds it: said so, never guessed.
        return tr.t("lock-holder-unknown");
    }
    let since = if holder.since.date() == today {
        holder.since.format("%H:%M").to_string()
    } else {
        tr.date_time(holder.since)
    };
    tr.f("lock-holder", &[("user", &holder.user), ("host", &holder.host), ("since", &since)])
}

impl StoreError {
    /// The message for the user, in the language of `tr`.
    pub fn localize(&self, tr: &I18n) -> String {
        let path_of = |p: &Path| p.display().to_string();
        match self {
            Self::NotADatabase { path } => tr.f("err-not-a-database", &[("path", &path_of(path))]),
            Self::Foreign { path } => tr.f("err-foreign", &[("path", &path_of(path))]),
            Self::Damaged { path, detail } => {
                tr.f("err-damaged", &[("path", &path_of(path)), ("detail", detail)])
            }
            Self::TooNew { path, .. } => tr.f("err-too-new", &[("path", &path_of(path))]),
            Self::NeedsMigration { path } => {
                tr.f("err-needs-migration", &[("path", &path_of(path))])
            }
            Self::Io { path, detail } => {
                tr.f("err-io", &[("path", &path_of(path)), ("detail", detail)])
            }
            Self::NoFile { path } => tr.f("err-no-file", &[("path", &path_of(path))]),
            Self::Exists { path } => tr.f("err-exists", &[("path", &path_of(path))]),
            Self::ReadOnly => tr.t("err-read-only"),
            Self::Interrupted { path } => tr.f("err-interrupted", &[("path", &path_of(path))]),
            Self::Blocked(blocker) => {
                tr.f("err-blocked", &[("path", &path_of(&blocker.path)), ("owner", &blocker.owner)])
            }
            Self::Locked(holder) => tr.f(
                "err-locked",
                &[("holder", &holder_text(tr, holder, chrono::Local::now().date_naive()))],
            ),
            Self::UnknownMeasure(code) => tr.f("cli-unknown-code", &[("code", code)]),
            Self::Conflict { code } => tr.f("err-conflict", &[("code", code)]),
            Self::HasDependents { code, dependents } => tr
                .f("err-has-dependents", &[("code", code), ("dependents", &dependents.join(", "))]),
            Self::HasRecords { code } => tr.f("err-has-records", &[("code", code)]),
            Self::NothingToRevert => tr.t("err-nothing-to-revert"),
            Self::NoReevaluation(code) => tr.f("err-no-reevaluation", &[("code", code)]),
            Self::SelfConfirmation { by } => tr.f("err-self-confirmation", &[("by", by)]),
            Self::AlreadyConfirmed { by } => tr.f("err-already-confirmed", &[("by", by)]),
            Self::ConfirmedBeforeVerdict { verdict } => {
                tr.f("err-confirmed-before-verdict", &[("date", &tr.date(*verdict))])
            }
            Self::NoReevaluationOn { code, date } => {
                tr.f("err-no-reevaluation-on", &[("code", code), ("date", &tr.date(*date))])
            }
            Self::UnknownEvidence(id) => tr.f("err-unknown-evidence", &[("id", id)]),
            Self::NotAFile(id) => tr.f("err-evidence-not-file", &[("id", id)]),
            Self::EvidenceTooLarge { size } => {
                tr.f("err-evidence-too-large", &[("size", &tr.size(*size))])
            }
            Self::InvalidLink(crate::model::LinkError::Empty) => tr.t("err-link-empty"),
            Self::InvalidLink(crate::model::LinkError::Unsupported) => tr.t("err-link-unsupported"),
            Self::InvalidLink(crate::model::LinkError::TooLong) => {
                tr.f("err-link-too-long", &[("max", &crate::model::MAX_LINK)])
            }
            Self::EmptyOwnerName => tr.t("err-empty-owner"),
            Self::EmptyMeetingTitle => tr.t("err-empty-meeting"),
            Self::EmptyBaselineTitle => tr.t("err-empty-baseline"),
            Self::NeedsUpgrade(name) => tr.f("err-needs-upgrade", &[("name", name)]),
            Self::BaselineExists(title) => tr.f("err-baseline-exists", &[("title", title)]),
            Self::WouldReplace(n) => tr.f("import-would-replace", &[("n", n)]),
            Self::DuplicateOwner(name) => tr.f("err-duplicate-owner", &[("name", name)]),
            Self::UnknownOwner => tr.t("invalid-unknown-owner"),
            Self::OwnerInUse { name, codes } => {
                tr.f("err-owner-in-use", &[("name", name), ("codes", &codes.join(", "))])
            }
            Self::Invalid(v) => v.localize(tr),
            Self::Assessment(a) => assess_text(tr, a),
            Self::Busy => tr.t("err-busy"),
            Self::DiskFull => tr.t("err-disk-full"),
            Self::Migration(detail) => tr.f("err-migration", &[("detail", detail)]),
            Self::Seed(detail) => tr.f("err-seed", &[("detail", detail)]),
            Self::Encoding(detail) | Self::Postgres(detail) => {
                tr.f("err-database", &[("detail", detail)])
            }
            Self::Gone => tr.t("err-gone"),
            Self::Sqlite(e) => tr.f("err-database", &[("detail", &e.to_string())]),
            Self::Server { host, trouble } => {
                let reason = match trouble {
                    ServerTrouble::Refused => tr.t("server-refused"),
                    ServerTrouble::UnknownHost => tr.t("server-unknown-host"),
                    ServerTrouble::Timeout => tr.t("server-timeout"),
                    ServerTrouble::Authentication => tr.t("server-authentication"),
                    ServerTrouble::NotAdmitted => tr.t("server-not-admitted"),
                    ServerTrouble::Tls(detail) => tr.f("server-tls", &[("detail", detail)]),
                    ServerTrouble::Closed => tr.t("server-closed"),
                    ServerTrouble::Other(detail) => detail.clone(),
                };
                tr.f("err-server", &[("host", host), ("reason", &reason)])
            }
            Self::BadUrl(detail) => tr.f("err-bad-url", &[("detail", detail)]),
            Self::BadRoadmapName(name) => tr.f("err-roadmap-name", &[("name", name)]),
            Self::NoRoadmap { name } => tr.f("err-no-roadmap", &[("name", name)]),
            Self::ChooseRoadmap(names) if names.is_empty() => tr.t("err-no-roadmaps"),
            Self::ChooseRoadmap(names) => {
                tr.f("err-choose-roadmap", &[("names", &names.join(", "))])
            }
            Self::RoadmapExists(name) => tr.f("err-roadmap-exists", &[("name", name)]),
            Self::NotAllowed(detail) => tr.f("err-not-allowed", &[("detail", detail)]),
            Self::AdminOnly => tr.t("err-admin-only"),
            Self::ClockOff => tr.t("err-clock-off"),
            Self::ForeignTables { path } => tr.f("err-foreign-tables", &[("path", &path_of(path))]),
            Self::BadData(check) => tr.f("err-bad-data", &[("check", check)]),
            Self::Unrecorded(detail) => tr.f("err-unrecorded", &[("detail", detail)]),
            Self::UnreadableRows(n) => tr.f("err-unreadable-copy", &[("n", n)]),
            Self::Waited => tr.t("err-waited"),
            Self::ReasonNeeded => tr.t("err-reason-needed"),
            Self::NotALogin(role) => tr.f("err-not-a-login", &[("role", role)]),
            Self::StillMember { login, role } => {
                tr.f("err-still-member", &[("login", login), ("role", role)])
            }
        }
    }
}

impl ImportComparison {
    /// One line per kind that occurs: "Neu: 2 (M21, M22)", "Geändert: …", "Entfällt: …",
    /// "Unverändert: 17"; long lists end with "…".
    pub fn describe(&self, tr: &I18n) -> Vec<String> {
        let codes = |list: &[String]| {
            let mut shown: Vec<&str> = list.iter().take(12).map(String::as_str).collect();
            if list.len() > 12 {
                shown.push("…");
            }
            shown.join(", ")
        };
        let mut lines = Vec::new();
        for (key, list) in [
            ("import-added", &self.added),
            ("import-changed", &self.changed),
            ("import-removed", &self.removed),
        ] {
            if !list.is_empty() {
                lines.push(tr.f(key, &[("n", &list.len()), ("codes", &codes(list))]));
            }
        }
        if self.unchanged > 0 {
            lines.push(tr.f("import-unchanged", &[("n", &self.unchanged)]));
        }
        if let Some((rounds, results)) = self.assessment_replaced {
            lines.push(
                tr.f("import-assessment-replaced", &[("rounds", &rounds), ("results", &results)]),
            );
        }
        if self.evidence_files_dropped + self.evidence_links_dropped > 0 {
            lines.push(tr.f(
                "import-evidence-dropped",
                &[("files", &self.evidence_files_dropped), ("links", &self.evidence_links_dropped)],
            ));
        }
        lines
    }
}

impl ImportError {
    /// Where the problem is: `Zeile 3, Spalte 7`, `Datei`, `M04 / owner`.
    pub fn place(&self, tr: &I18n) -> String {
        match &self.location {
            ImportPlace::At { line, column } => {
                tr.f("import-at", &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            ImportPlace::File => tr.t("import-file"),
            ImportPlace::Owner(name) => tr.f("import-owner", &[("name", name)]),
            ImportPlace::Item(item) => item.clone(),
        }
    }

    /// What is wrong, in the language of `tr`.
    pub fn what(&self, tr: &I18n) -> String {
        match &self.problem {
            ImportProblem::Syntax(detail) => detail.clone(),
            ImportProblem::NotExport(format) => tr.f("import-not-export", &[("format", format)]),
            ImportProblem::Version(version) => tr.f("import-version", &[("version", version)]),
            ImportProblem::OwnerNameMissingOrDuplicate => tr.t("import-owner-duplicate"),
            ImportProblem::UnknownOwner(name) => tr.f("import-unknown-owner", &[("name", name)]),
            ImportProblem::Confirmation => tr.t("import-confirmation"),
            ImportProblem::UnknownCode(code) => tr.f("cli-unknown-code", &[("code", code)]),
            ImportProblem::BaselineTitle(title) => {
                tr.f("import-baseline-title", &[("title", title)])
            }
            ImportProblem::Invalid(e) => e.localize(tr),
            ImportProblem::NotCatalog => tr.t("import-not-catalog"),
            ImportProblem::MissingId(what) => tr.t(&format!("import-missing-id-{what}")),
            ImportProblem::CsvColumns(n) => tr.f("import-csv-columns", &[("n", n)]),
            ImportProblem::NotUtf8 => tr.t("import-not-utf8"),
            ImportProblem::Assessment(e) => assess_text(tr, e),
            ImportProblem::CatalogTooLarge(n) => tr.f(
                "import-catalog-too-large",
                &[
                    ("size", &tr.size(u64::try_from(*n).unwrap_or(u64::MAX))),
                    ("max", &tr.size(64 * 1024 * 1024)),
                ],
            ),
        }
    }

    /// The whole refusal: "Import abgelehnt, nichts wurde geändert: M04: …".
    pub fn localize(&self, tr: &I18n) -> String {
        let problem = format!("{}: {}", self.place(tr), self.what(tr));
        tr.f("import-failed", &[("problem", &problem)])
    }
}

/// Why a change of the assessment was refused, in the UI language.
pub fn assess_text(tr: &I18n, e: &crate::model::AssessError) -> String {
    use crate::model::AssessError as E;
    match e {
        E::UnknownCatalog(name) => tr.f("err-unknown-catalog", &[("name", name)]),
        E::UnknownRound(title) => tr.f("err-unknown-round", &[("title", title)]),
        E::UnknownRequirement { catalog, id } => {
            tr.f("err-unknown-requirement", &[("catalog", catalog), ("id", id)])
        }
        E::AmbiguousRequirement { id, catalogs } => {
            tr.f("err-ambiguous-requirement", &[("id", id), ("catalogs", &catalogs.join(", "))])
        }
        E::NotCovered { round, catalog } => {
            tr.f("err-not-covered", &[("round", round), ("catalog", catalog)])
        }
        E::CatalogInUse { name, rounds } => {
            tr.f("err-catalog-in-use", &[("name", name), ("rounds", &rounds.join(", "))])
        }
        E::RoundExists(title) => tr.f("err-round-exists", &[("title", title)]),
        E::NoCatalog => tr.t("err-round-no-catalog"),
        E::EmptyCatalog(name) => tr.f("err-catalog-empty", &[("name", name)]),
        E::DuplicateId { catalog, id } => {
            tr.f("err-catalog-duplicate-id", &[("catalog", catalog), ("id", id)])
        }
        E::Empty(what) => {
            tr.f("err-assess-empty", &[("field", &crate::i18n::field_label(tr, what))])
        }
        E::Maturity(m) => tr.f("err-maturity", &[("value", m)]),
        E::NoRound => tr.t("err-no-round"),
        E::DuplicateCatalog(name) => tr.f("err-catalog-twice", &[("name", name)]),
        E::Conflict(what) => tr.f("err-assess-conflict", &[("what", what)]),
        E::Unprintable(what) => tr.f("err-assess-unprintable", &[("what", what)]),
        E::TooDeep(what) => {
            tr.f("err-assess-too-deep", &[("what", what), ("max", &crate::model::MAX_DEPTH)])
        }
        E::TooMany => tr.f("err-assess-too-many", &[("max", &crate::model::MAX_REQUIREMENTS)]),
    }
}

/// What a newer version of a catalogue changes, a line each, as the command line and the
/// window's preview say it (ids listed, at most twenty); nothing for a catalogue new to the
/// roadmap.
pub fn catalog_diff_lines(tr: &I18n, diff: &crate::model::CatalogDiff) -> Vec<String> {
    if !diff.replaces {
        return Vec::new();
    }
    let listed = |ids: &[String]| {
        let mut shown: Vec<&str> = ids.iter().take(20).map(String::as_str).collect();
        if ids.len() > 20 {
            shown.push("…");
        }
        shown.join(", ")
    };
    let mut lines: Vec<String> = [
        ("cli-catalog-added", &diff.added),
        ("cli-catalog-removed-ids", &diff.removed),
        ("cli-catalog-changed", &diff.changed),
    ]
    .into_iter()
    .filter(|(_, ids)| !ids.is_empty())
    .map(|(key, ids)| tr.f(key, &[("n", &ids.len()), ("ids", &listed(ids))]))
    .collect();
    lines.push(tr.f("cli-catalog-kept", &[("n", &diff.unchanged)]));
    lines
}
