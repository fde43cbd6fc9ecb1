//! The subcommands, one function each: read or change the file, then print the result.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::output::{
    change_json, changes_json, history_table, measure_json, measure_text, measures_table,
    since_text, summary_json, summary_text, to_json,
};
use super::{
    Context, ExportFormat, Failure, TableFormat, TextFormat, VerdictArg, open, open_for_writing,
    out,
};
use crate::app::storage::{self, Storage, StoreError};
use crate::i18n::{I18n, parse_date, parse_money};
use crate::model::{Measure, Status, Verdict, changes_since, dashboard};

/// `list`: the measures (archived ones only with `all`).
pub(super) fn list(cx: &Context, format: TableFormat, all: bool) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let store = open(db, tr)?;
    let mut roadmap = super::load(store.as_ref(), tr)?;
    if !all {
        roadmap.measures.retain(|m| !m.archived);
    }
    match format {
        TableFormat::Json => {
            let list: Vec<Value> =
                roadmap.measures.iter().map(|m| measure_json(&roadmap, m, today, false)).collect();
            out(&to_json(&Value::Array(list)));
        }
        TableFormat::Table => out(&measures_table(&roadmap, tr)),
    }
    Ok(())
}

/// `show`: one measure with every field.
pub(super) fn show(cx: &Context, code: &str, format: TextFormat) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let measure = roadmap
        .measure(code)
        .ok_or_else(|| Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])))?;
    match format {
        TextFormat::Json => out(&to_json(&measure_json(&roadmap, measure, today, true))),
        TextFormat::Text => out(&measure_text(&roadmap, measure, today, tr)),
    }
    Ok(())
}

/// `set-status`: a measure's new status, with why.
pub(super) fn set_status(
    cx: &Context,
    code: &str,
    status: &str,
    comment: &str,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let Some(status) = Status::from_slug(status) else {
        let valid: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        return Err(Failure::Input(
            tr.f("cli-bad-status", &[("status", &status), ("valid", &valid.join(", "))]),
        ));
    };
    let mut store = open_for_writing(db, tr)?;
    // An unknown code is said before anything is written.
    existing(store.as_ref(), code, tr)?;
    let (before, after) =
        change_measure(store.as_mut(), code, comment, &|m| m.with_status(status, today))
            .map_err(|e| Failure::store(&e, tr))?;
    let (old, new) =
        (tr.t(&format!("status-{}", before.status)), tr.t(&format!("status-{}", after.status)));
    if before.status == after.status {
        out(&tr.f("cli-unchanged", &[("code", &code), ("value", &new)]));
    } else {
        out(&tr.f("cli-status-set", &[("code", &code), ("old", &old), ("new", &new)]));
    }
    Ok(())
}

/// Changes measure `code` in one write and returns it as that write found it and as it stored
/// it: what a confirmation prints is what the write changed, even while others write too.
fn change_measure(
    store: &mut dyn Storage,
    code: &str,
    comment: &str,
    change: &dyn Fn(&Measure) -> Measure,
) -> Result<(Measure, Measure), storage::StoreError> {
    let seen = std::cell::RefCell::new(None);
    let after = store.update_measure(code, None, comment, &|m| {
        *seen.borrow_mut() = Some(m.clone());
        change(m)
    })?;
    let before = seen.into_inner().unwrap_or_else(|| after.clone());
    Ok((before, after))
}

/// `set-progress`: a measure's new progress in percent, with why.
pub(super) fn set_progress(
    cx: &Context,
    code: &str,
    progress: &str,
    comment: &str,
) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let progress = progress
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| Failure::Input(tr.f("cli-bad-progress", &[("value", &progress)])))?;
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let (before, after) =
        change_measure(store.as_mut(), code, comment, &|m| Measure { progress, ..m.clone() })
            .map_err(|e| Failure::store(&e, tr))?;
    let (old, new) = (tr.percent(before.progress), tr.percent(after.progress));
    if before.progress == after.progress {
        out(&tr.f("cli-unchanged", &[("code", &code), ("value", &new)]));
    } else {
        out(&tr.f("cli-progress-set", &[("code", &code), ("old", &old), ("new", &new)]));
    }
    Ok(())
}

/// `add-expense`: money spent on a measure.
pub(super) fn add_expense(
    cx: &Context,
    code: &str,
    amount: &str,
    date: Option<&str>,
    note: &str,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let money = parse_money(amount, tr.lang())
        .ok_or_else(|| Failure::Input(tr.f("cli-bad-amount", &[("value", &amount)])))?;
    let date = date_arg(date, today, tr)?;
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    store.add_expense(code, date, money, note).map_err(|e| Failure::store(&e, tr))?;
    let spent = super::load(store.as_ref(), tr)?.spent(code);
    out(&tr.f(
        "cli-expense-added",
        &[
            ("code", &code),
            ("amount", &tr.money(money)),
            ("date", &tr.date(date)),
            ("spent", &tr.money(spent)),
        ],
    ));
    Ok(())
}

/// `reevaluate`: a re-evaluation of a measure, which moves its next one.
pub(super) fn reevaluate(
    cx: &Context,
    code: &str,
    verdict: VerdictArg,
    date: Option<&str>,
    note: &str,
    next: Option<&str>,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let date = date_arg(date, today, tr)?;
    let next = next.map(|n| date_arg(Some(n), today, tr)).transpose()?;
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let by = store.who().to_owned();
    let verdict = Verdict::from(verdict);
    let (_, measure) = store
        .add_reevaluation(code, date, verdict, note, &by, next)
        .map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f(
        "cli-reevaluated",
        &[
            ("code", &code),
            ("verdict", &tr.t(&format!("verdict-{verdict}"))),
            ("date", &tr.date(date)),
            ("next", &tr.opt_date(measure.next_reevaluation)),
        ],
    ));
    Ok(())
}

/// `confirm`: the latest re-evaluation of a measure confirmed by the user (four eyes).
pub(super) fn confirm(
    cx: &Context,
    code: &str,
    date: Option<&str>,
    note: &str,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let date = date_arg(date, today, tr)?;
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let who = store.who().to_owned();
    store
        .confirm_reevaluation(code, (date, &who, None), note)
        .map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f("cli-confirmed", &[("code", &code), ("who", &who), ("date", &tr.date(date))]));
    Ok(())
}

/// `summary`: the overview's figures.
pub(super) fn summary(cx: &Context, format: TextFormat) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let d = dashboard(&roadmap, today);
    match format {
        TextFormat::Json => out(&to_json(&summary_json(&d, &roadmap))),
        TextFormat::Text => out(&summary_text(&d, &roadmap, tr)),
    }
    Ok(())
}

/// `changes`: what changed since a date, by default since the last council meeting.
pub(super) fn changes(
    cx: &Context,
    since: Option<&str>,
    format: TextFormat,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let since = match since {
        Some(text) => parse_date(text)
            .ok_or_else(|| Failure::Input(tr.f("cli-bad-date", &[("value", &text)])))?,
        None => roadmap
            .last_meeting(today)
            .map(|m| m.date)
            .ok_or_else(|| Failure::Input(tr.t("cli-no-meeting")))?,
    };
    let history = store.history(None).map_err(|e| Failure::store(&e, tr))?;
    let seed = store.seed_batch().map_err(|e| Failure::store(&e, tr))?;
    let report = changes_since(&history, since, seed);
    match format {
        TextFormat::Json => out(&to_json(&changes_json(&report))),
        TextFormat::Text => out(&since_text(&report, since, tr)),
    }
    Ok(())
}

/// `meeting add`: records a council meeting.
pub(super) fn meeting_add(cx: &Context, date: &str, title: &str) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let date = date_arg(Some(date), today, tr)?;
    let mut store = open_for_writing(db, tr)?;
    let meeting = store.add_meeting(date, title).map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f("cli-meeting-added", &[("date", &tr.date(meeting.date)), ("title", &meeting.title)]));
    Ok(())
}

/// `meeting list`: the council meetings.
pub(super) fn meeting_list(cx: &Context) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    for m in &roadmap.meetings {
        // A baseline recorded on the meeting's day is named with it.
        let baselines: Vec<&str> = roadmap
            .baselines
            .iter()
            .filter(|b| b.date == m.date)
            .map(|b| b.title.as_str())
            .collect();
        if baselines.is_empty() {
            out(&format!("{}  {}", tr.date(m.date), m.title));
        } else {
            let with = tr.f("cli-meeting-baseline", &[("titles", &baselines.join(", "))]);
            out(&format!("{}  {}  ({with})", tr.date(m.date), m.title));
        }
    }
    Ok(())
}

/// `undo` (`undo` true) or `redo`: the latest change, and what it changed.
pub(super) fn undo_redo(cx: &Context, undo: bool) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let mut store = open_for_writing(db, tr)?;
    let changes =
        if undo { store.undo("") } else { store.redo("") }.map_err(|e| Failure::store(&e, tr))?;
    out(&tr.t(if undo { "cli-undone" } else { "cli-redone" }));
    for c in &changes {
        // In the UI's words and formats (never a field's name or raw cents).
        out(&format!(
            "  {} {}: {}",
            c.code.as_deref().unwrap_or(""),
            crate::i18n::field_label(tr, &c.field),
            crate::i18n::change_text(tr, &c.field, c.old.as_deref(), c.new.as_deref()),
        ));
    }
    Ok(())
}

/// `history`: the changes of one measure or of all.
pub(super) fn history(
    cx: &Context,
    code: Option<&str>,
    format: TableFormat,
) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    if let Some(code) = code
        && store.measure(code).map_err(|e| Failure::store(&e, tr))?.is_none()
    {
        return Err(Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])));
    }
    let history = store.history(code).map_err(|e| Failure::store(&e, tr))?;
    match format {
        TableFormat::Json => {
            out(&to_json(&Value::Array(history.iter().map(change_json).collect())));
        }
        TableFormat::Table => out(&history_table(&history, tr)),
    }
    Ok(())
}

/// The options of `export` that only some formats take.
#[derive(Clone, Copy)]
pub(super) struct ExportExtras<'a> {
    /// The CSV separator.
    pub delimiter: Option<char>,
    /// The report's changes since this date.
    pub since: Option<&'a str>,
    /// The calendar of this owner only.
    pub owner: Option<&'a str>,
    /// CSV: this assessment round's results.
    pub round: Option<&'a str>,
}

/// `export`: the roadmap written to a file in one of the export formats.
pub(super) fn export(
    cx: &Context,
    format: ExportFormat,
    output: &Path,
    picture: crate::export::PictureOptions,
    extras: ExportExtras<'_>,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let since = extras.since.map(|t| date_arg(Some(t), today, tr)).transpose()?;
    if since.is_some() && !matches!(format, ExportFormat::Pdf | ExportFormat::Html) {
        return Err(Failure::Input(tr.t("cli-since-pdf-only")));
    }
    if extras.owner.is_some() && !matches!(format, ExportFormat::Ics) {
        return Err(Failure::Input(tr.t("cli-owner-ics-only")));
    }
    if extras.round.is_some() && !matches!(format, ExportFormat::Csv) {
        return Err(Failure::Input(tr.t("cli-round-csv-only")));
    }
    let delimiter = extras.delimiter.unwrap_or_else(|| crate::export::default_delimiter(tr.lang()));
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let owner = match extras.owner {
        Some(name) => Some(
            roadmap
                .owners
                .iter()
                .find(|o| o.name == name.trim())
                .ok_or_else(|| Failure::Input(tr.f("cli-unknown-owner", &[("value", &name)])))?
                .id,
        ),
        None => None,
    };
    let output_text = output.display().to_string();
    let failed = |detail: String| {
        Failure::File(tr.f("err-export", &[("path", &output_text), ("detail", &detail)]))
    };
    let bytes = match format {
        ExportFormat::Png => {
            crate::export::timeline_png(&roadmap, today, tr, picture).map_err(|e| e.to_string())
        }
        ExportFormat::Svg => crate::export::timeline_svg(&roadmap, today, tr, picture)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        ExportFormat::Csv => match extras.round {
            Some(title) => {
                let round = roadmap.assessment.round(title.trim()).ok_or_else(|| {
                    Failure::Input(crate::app::assess_text(
                        tr,
                        &crate::model::AssessError::UnknownRound(title.to_owned()),
                    ))
                })?;
                Ok(crate::export::assessment_csv(&roadmap, round, tr, delimiter))
            }
            None => Ok(crate::export::measures_csv(&roadmap, today, tr, delimiter)),
        },
        ExportFormat::ExpensesCsv => Ok(crate::export::expenses_csv(&roadmap, tr, delimiter)),
        ExportFormat::Json => {
            let history = store.history(None).map_err(|e| Failure::store(&e, tr))?;
            crate::export::export_json(&roadmap, &history).map_err(|e| e.to_string())
        }
        ExportFormat::Ics => match owner {
            Some(owner) => {
                Ok(crate::export::owner_calendar(&roadmap, owner, tr, chrono::Utc::now()))
            }
            None => Ok(crate::export::calendar(&roadmap, tr, chrono::Utc::now())),
        },
        ExportFormat::Pdf | ExportFormat::Html => {
            let history = store.history(None).map_err(|e| Failure::store(&e, tr))?;
            let options = crate::export::ReportOptions {
                since,
                file_name: crate::app::display_name(db),
                seed_batch: store.seed_batch().map_err(|e| Failure::store(&e, tr))?,
            };
            if matches!(format, ExportFormat::Html) {
                crate::export::report_html(&roadmap, &history, today, tr, &options)
                    .map(String::into_bytes)
                    .map_err(|e| e.localize(tr))
            } else {
                crate::export::report_pdf(&roadmap, &history, today, tr, &options)
                    .map_err(|e| e.localize(tr))
            }
        }
    }
    .map_err(failed)?;
    crate::app::write_atomically(output, &bytes).map_err(|e| failed(e.to_string()))?;
    out(&tr.f("info-exported", &[("path", &output_text)]));
    Ok(())
}

/// `new`: a new roadmap file at `path`, with the default measures in the interface's language
/// or empty.
pub(super) fn new(path: &Path, empty: bool, tr: &I18n) -> Result<(), Failure> {
    let store =
        storage::create(path, (!empty).then(|| tr.lang())).map_err(|e| Failure::store(&e, tr))?;
    let measures = super::load(store.as_ref(), tr)?.measures.len();
    out(&tr.f("cli-created", &[("path", &path.display().to_string()), ("n", &measures)]));
    Ok(())
}

/// `backup`: a verified backup, into the backups folder beside the file or to `output`.
pub(super) fn backup(cx: &Context, output: Option<&Path>) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    // Into the backups folder beside the file (and its rotation) only for those who may
    // write there; a copy elsewhere (--output) for anyone who may read.
    if output.is_none() && !storage::may_write(db) {
        return Err(Failure::store(&StoreError::ReadOnly, tr));
    }
    let now = chrono::Local::now().naive_local();
    let path = store.backup_now(now, output).map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f("cli-backup-written", &[("path", &path.display().to_string())]));
    if output.is_none()
        && let Some(foreign) = storage::foreign_backups_dir(db)
    {
        out(&tr.f(
            "cli-backup-elsewhere",
            &[("folder", &foreign.path.display().to_string()), ("owner", &foreign.owner)],
        ));
    }
    Ok(())
}

/// `restore`: the roadmap replaced by a backup, the current file kept as a backup first.
pub(super) fn restore(cx: &Context, backup: &Path) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let now = chrono::Local::now().naive_local();
    let kept = if storage::is_server(db) {
        // On a server, through a connection that may write (a viewer is refused).
        open_for_writing(db, tr)?.restore_from(backup, now)
    } else {
        storage::restore(db, backup, now)
    }
    .map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f(
        "cli-restored",
        &[("backup", &backup.display().to_string()), ("kept", &kept.display().to_string())],
    ));
    Ok(())
}

/// `import`: a JSON export into the file (new, empty, or with `replace`).
pub(super) fn import(cx: &Context, file: &Path, replace: bool) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let bytes = crate::app::read_import(file).map_err(|e| Failure::Input(e.localize(file, tr)))?;
    let imported =
        crate::import::parse_import(&bytes).map_err(|e| Failure::Input(e.localize(tr)))?;
    let mut store = if db.exists() || storage::is_server(db) {
        open_for_writing(db, tr)?
    } else {
        storage::create(db, None).map_err(|e| Failure::store(&e, tr))?
    };
    let current = super::load(store.as_ref(), tr)?;
    if !replace && !current.measures.is_empty() {
        // Say what the import would do, and ask for --replace.
        let comparison = crate::import::compare_import(&current, &imported.roadmap);
        let mut text = tr.f("import-would-replace", &[("n", &current.measures.len())]);
        for line in comparison.describe(tr) {
            text.push_str("\n  ");
            text.push_str(&line);
        }
        return Err(Failure::Input(text));
    }
    let origin = storage::Origin {
        kind: storage::OriginKind::Import,
        name: file
            .file_name()
            .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned()),
        sha256: imported.sha256.clone(),
    };
    let comparison = crate::import::compare_import(&current, &imported.roadmap);
    // A roadmap that is replaced is kept as a backup first, as the window does.
    if !current.measures.is_empty() {
        let now = chrono::Local::now().naive_local();
        let kept = store.backup_now(now, None).map_err(|e| Failure::store(&e, tr))?;
        out(&tr.f("cli-backup-written", &[("path", &kept.display().to_string())]));
    }
    store
        .replace_all(&imported.roadmap, &imported.history, replace, Some(&origin))
        .map_err(|e| Failure::store(&e, tr))?;
    // What the replaced roadmap lost, evidence included, is said once more.
    if !current.measures.is_empty() {
        comparison.describe(tr).iter().for_each(|line| out(line));
    }
    out(&tr.f(
        "import-done",
        &[
            ("measures", &imported.roadmap.measures.len()),
            ("expenses", &imported.roadmap.expenses.len()),
            ("history", &imported.history.len()),
        ],
    ));
    Ok(())
}

/// `backups`: the backups beside the file, with their time and size.
pub(super) fn backups(cx: &Context) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    // The backups of a file that is gone are listed all the same (to restore one), and its
    // absence is said.
    for b in storage::list_backups(db) {
        let measures = b
            .measures
            .map_or_else(|| tr.t("backup-damaged"), |n| tr.f("measures-count", &[("n", &n)]));
        out(&format!("{}  {}  {}", tr.date_time(b.taken), measures, b.path.display()));
    }
    if !db.exists() && !storage::is_server(db) {
        return Err(Failure::store(&StoreError::NoFile { path: db.to_owned() }, tr));
    }
    Ok(())
}

/// `check`: the file's soundness and how it is shared, without changing anything.
pub(super) fn check(db: &Path, format: TextFormat, tr: &I18n) -> Result<(), Failure> {
    // A server address is never echoed (it may hold a password).
    if storage::is_server(db) {
        let (history, unreadable) =
            storage::check_server(db).map_err(|e| Failure::store(&e, tr))?;
        match format {
            TextFormat::Json => out(&to_json(&json!({
                "ok": history.intact() && unreadable.is_empty(),
                "history": history,
                "unreadable": unreadable,
            }))),
            TextFormat::Text if history.intact() => out(&chain_line(&history, tr)),
            TextFormat::Text => {}
        }
        return chain_verdict(Some(&history), &unreadable, tr);
    }
    if !db.exists() {
        return Err(Failure::store(&StoreError::NoFile { path: db.to_owned() }, tr));
    }
    let check = storage::check_file(db).map_err(|e| Failure::store(&e, tr))?;
    let (report, journal, holder) = (&check.report, &check.journal_mode, &check.locked_by);
    match format {
        TextFormat::Json => out(&to_json(&json!({
            "ok": report.integrity == "ok"
                && check.history.as_ref().is_none_or(storage::ChainReport::intact)
                && check.unreadable.is_empty(),
            "path": db.display().to_string(),
            "integrity": report.integrity,
            "journal_mode": journal,
            "network_drive": check.network_drive,
            "read_only": !check.writable,
            "locked_by": holder.as_ref().map(|h| json!({
                "user": (!h.user.is_empty()).then_some(&h.user),
                "host": (!h.host.is_empty()).then_some(&h.host),
                "since": (h.since != chrono::NaiveDateTime::MIN)
                    .then(|| h.since.format("%Y-%m-%dT%H:%M:%S").to_string()),
            })),
            "blocked_by": check.blocked_by,
            "schema_version": report.schema_version,
            "application_id": format!("0x{:08X}", report.application_id),
            "measures": report.measures,
            "interrupted": report.interrupted,
            "history": check.history,
            "unreadable": check.unreadable,
        }))),
        TextFormat::Text => {
            out(&tr.f(
                "cli-check-ok",
                &[
                    ("path", &db.display().to_string()),
                    ("version", &report.schema_version),
                    ("id", &format!("0x{:08X}", report.application_id)),
                    ("integrity", &report.integrity),
                    ("measures", &report.measures),
                ],
            ));
            if report.interrupted {
                out(&tr.t("note-last-saved-state"));
            }
            if let Some(holder) = holder {
                let today = chrono::Local::now().date_naive();
                out(&tr.f(
                    "banner-locked",
                    &[("holder", &crate::app::holder_text(tr, holder, today))],
                ));
            }
            // A break is said once, as the error.
            if let Some(history) = check.history.as_ref().filter(|h| h.intact()) {
                out(&chain_line(history, tr));
            }
        }
    }
    chain_verdict(check.history.as_ref(), &check.unreadable, tr)
}

/// What `check` says of an unbroken chain.
fn chain_line(history: &storage::ChainReport, tr: &I18n) -> String {
    let hash = history.last_hash.as_deref().unwrap_or("–");
    tr.f("cli-check-chain-ok", &[("rows", &history.rows), ("hash", &hash)])
}

/// A broken chain or rows that cannot be read make `check` fail (exit 1), after the report,
/// naming them.
fn chain_verdict(
    history: Option<&storage::ChainReport>,
    unreadable: &[crate::model::UnreadableRow],
    tr: &I18n,
) -> Result<(), Failure> {
    let mut problems = Vec::new();
    if let Some(h) = history.filter(|h| !h.intact()) {
        let id = h.first_broken.unwrap_or_default();
        problems.push(tr.f("chain-broken", &[("id", &id), ("verified", &h.verified)]));
    }
    if !unreadable.is_empty() {
        problems.push(crate::i18n::unreadable_text(tr, unreadable));
    }
    if problems.is_empty() { Ok(()) } else { Err(Failure::Input(problems.join("\n"))) }
}

/// The measure `code`, or the "no such measure" failure.
pub(super) fn existing(store: &dyn Storage, code: &str, tr: &I18n) -> Result<Measure, Failure> {
    store
        .measure(code)
        .map_err(|e| Failure::store(&e, tr))?
        .ok_or_else(|| Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])))
}

/// A date argument (ISO or German), or `today` when absent.
pub(super) fn date_arg(
    text: Option<&str>,
    today: NaiveDate,
    tr: &I18n,
) -> Result<NaiveDate, Failure> {
    match text {
        None => Ok(today),
        Some(t) => {
            parse_date(t).ok_or_else(|| Failure::Input(tr.f("cli-bad-date", &[("value", &t)])))
        }
    }
}
