//! The command line: no subcommand starts the window; subcommands work headless on the same
//! store and model.
//!
//! Exit codes: 0 success, 1 invalid input (including everything the argument parser rejects),
//! 2 the file cannot be used (foreign, damaged, too new, unwritable). Nothing is written on any
//! failure.

// The command line's purpose is to print to stdout.
#![allow(clippy::print_stdout)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::i18n::{I18n, Lang, parse_date, parse_money};
use crate::model::{
    Change, Dashboard, Measure, Roadmap, SinceReport, Status, Verdict, changes_since, dashboard,
    schedule_health,
};
use crate::store::{ReadOnlyReason, Store, StoreError, inspect};

/// Fahrplan: the IT roadmap of a municipality — measures, owners, status, money, re-evaluations.
#[derive(Debug, Parser)]
#[command(name = "fahrplan", version, about)]
pub struct Cli {
    /// The roadmap file (default: fahrplan.sqlite in the platform's data directory).
    #[arg(long, global = true, env = "FAHRPLAN_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of the interface and of a newly created roadmap.
    #[arg(long, global = true, value_enum, env = "FAHRPLAN_LANG")]
    pub lang: Option<LangArg>,
    /// Start the window directly in the council presentation (full screen, read-only).
    #[arg(long, global = true)]
    pub present: bool,
    /// What to do; without a subcommand the window opens.
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Deutsch.
    De,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::De => Self::De,
            LangArg::En => Self::En,
        }
    }
}

/// `--format` of listings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for people.
    Table,
    /// JSON for scripts.
    Json,
}

/// `--format` of single records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Labelled lines for people.
    Text,
    /// JSON for scripts.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List the measures (archived ones only with --all).
    List {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
        /// Also list archived measures.
        #[arg(long)]
        all: bool,
    },
    /// Show one measure with every field.
    Show {
        /// The measure's code, e.g. M07.
        code: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// Set a measure's status: planned, in-progress, done, on-hold, cancelled.
    SetStatus {
        /// The measure's code.
        code: String,
        /// The new status.
        status: String,
        /// Why (recorded in the history).
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Set a measure's progress in percent (0–100).
    SetProgress {
        /// The measure's code.
        code: String,
        /// Progress in percent.
        progress: String,
        /// Why (recorded in the history).
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Book an expense on a measure.
    AddExpense {
        /// The measure's code.
        code: String,
        /// The amount in euros: 1234.56 or German 1.234,56.
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// When the money was spent (2026-11-02 or 02.11.2026; default today).
        #[arg(long)]
        date: Option<String>,
        /// What for.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record a re-evaluation of a measure's effectiveness; moves its next re-evaluation.
    Reevaluate {
        /// The measure's code.
        code: String,
        /// The result.
        #[arg(long, value_enum)]
        verdict: VerdictArg,
        /// When it took place (default today).
        #[arg(long)]
        date: Option<String>,
        /// Findings.
        #[arg(long, default_value = "")]
        note: String,
        /// The next re-evaluation, instead of the one that follows from the interval.
        #[arg(long)]
        next: Option<String>,
    },
    /// Undo the latest change (also one made in the window).
    Undo,
    /// Redo the latest undone change.
    Redo,
    /// The overview's figures: progress per horizon, money, what is late and due.
    Summary {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// What changed since a date (default: the last council meeting).
    Changes {
        /// From this date on (2026-11-01 or 01.11.2026).
        #[arg(long)]
        since: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// Council meetings.
    Meeting {
        /// What to do.
        #[command(subcommand)]
        action: MeetingCmd,
    },
    /// Show the history of changes, of one measure or of all.
    History {
        /// Only this measure.
        code: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
    /// Check the file: integrity, schema version, application id, how it is shared.
    Check {
        /// Output format (JSON: `ok`, `path`, `journal_mode`, `network_drive`, `read_only`,
        /// `locked_by`, `schema_version`, …).
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// Write a verified backup (default: into the `backups` folder beside the file, rotated).
    Backup {
        /// Write it here instead.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the roadmap with a backup; the current file is kept as a backup first.
    Restore {
        /// The backup file.
        backup: PathBuf,
    },
    /// List the backups beside the file.
    Backups,
    /// Import a JSON export into the file (new, empty, or with --replace).
    Import {
        /// The JSON export.
        file: PathBuf,
        /// Replace a roadmap that already has measures.
        #[arg(long)]
        replace: bool,
    },
    /// Export the roadmap to a file.
    Export {
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write it (replaced whole, never half-written).
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
        /// Width of a picture in pixels.
        #[arg(long, default_value_t = 1920, value_parser = clap::value_parser!(u32).range(200..=10_000))]
        width: u32,
        /// Height of a picture in pixels.
        #[arg(long, default_value_t = 1080, value_parser = clap::value_parser!(u32).range(200..=10_000))]
        height: u32,
        /// Draw dependency arrows in a picture.
        #[arg(long)]
        dependencies: bool,
        /// The CSV separator (default `;` in German, `,` in English).
        #[arg(long)]
        delimiter: Option<char>,
        /// PDF report: add the changes recorded since this date (2026-11-01 or 01.11.2026).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
}

/// `meeting` subcommands.
#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Record a council meeting.
    Add {
        /// When (2026-11-27 or 27.11.2026).
        date: String,
        /// What it was, e.g. "Gemeinderat".
        title: String,
    },
    /// List the meetings.
    List,
}

/// `reevaluate --verdict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum VerdictArg {
    /// The measure works as intended.
    Effective,
    /// It works only in part.
    Partly,
    /// It does not work.
    NotEffective,
}

impl From<VerdictArg> for Verdict {
    fn from(v: VerdictArg) -> Self {
        match v {
            VerdictArg::Effective => Self::Effective,
            VerdictArg::Partly => Self::Partly,
            VerdictArg::NotEffective => Self::NotEffective,
        }
    }
}

/// `export --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The measures as CSV for spreadsheets (one row each, all fields).
    Csv,
    /// The expenses as CSV.
    ExpensesCsv,
    /// The whole roadmap with its history as JSON.
    Json,
    /// Due dates and re-evaluation dates as iCalendar.
    Ics,
    /// The whole timeline as a PNG picture.
    Png,
    /// The whole timeline as an SVG drawing.
    Svg,
    /// The council report as PDF (A4).
    Pdf,
}

/// Why a command failed, with its exit code.
enum Failure {
    /// Invalid input: exit 1.
    Input(String),
    /// The file cannot be used: exit 2.
    File(String),
}

impl Failure {
    fn store(e: &StoreError, tr: &I18n) -> Self {
        if e.is_file_problem() { Self::File(e.localize(tr)) } else { Self::Input(e.localize(tr)) }
    }
}

/// The default roadmap file: `fahrplan.sqlite` in the platform's data directory.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("de", "Fahrplan", "Fahrplan").map_or_else(
        || PathBuf::from("fahrplan.sqlite"),
        |dirs| dirs.data_dir().join("fahrplan.sqlite"),
    )
}

/// The clock: `FAHRPLAN_TODAY` (ISO) fixes the date, for reproducible runs and pictures; else the
/// local calendar, read whenever the date is needed.
pub fn clock() -> crate::app::Clock {
    std::env::var("FAHRPLAN_TODAY")
        .ok()
        .and_then(|t| parse_date(&t))
        .map_or_else(crate::app::Clock::system, crate::app::Clock::fixed)
}

/// Today's date from [`clock`].
pub fn today() -> NaiveDate {
    clock().today()
}

/// Runs the program with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(1),
            };
        }
    };
    let lang = cli.lang.map(Lang::from).unwrap_or_default();
    let tr = I18n::new(lang);
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    let Some(command) = cli.command else {
        return crate::ui::run_window(&db, cli.lang.map(Lang::from), clock(), cli.present);
    };
    match run(&command, &db, &tr) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("fahrplan: {message}");
            ExitCode::from(1)
        }
        Err(Failure::File(message)) => {
            eprintln!("fahrplan: {message}");
            ExitCode::from(2)
        }
    }
}

/// The file for a command that only reads: created and seeded on first use, then opened only
/// to read (nothing is written, no side file is created, no edit lock is taken).
fn open(db: &std::path::Path, tr: &I18n) -> Result<Store, Failure> {
    if !db.exists() {
        drop(Store::create(db, Some(tr.lang())).map_err(|e| Failure::store(&e, tr))?);
    }
    Store::open_read_only(db).map_err(|e| Failure::store(&e, tr))
}

/// The file for a command that writes: opened for writing (on a network drive with the edit
/// lock), or exit 2 with the reason (no permission, being edited by someone named) before
/// anything is done.
fn open_for_writing(db: &std::path::Path, tr: &I18n) -> Result<Store, Failure> {
    let store = Store::open_or_create(db, tr.lang()).map_err(|e| Failure::store(&e, tr))?;
    match store.read_only_reason() {
        None => Ok(store),
        Some(ReadOnlyReason::LockedBy(holder)) => {
            Err(Failure::store(&StoreError::Locked(holder.clone()), tr))
        }
        Some(_) => Err(Failure::store(&StoreError::ReadOnly, tr)),
    }
}

fn out(text: &str) {
    // A closed pipe (`fahrplan list | head`) is not an error worth reporting.
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

fn run(command: &Cmd, db: &std::path::Path, tr: &I18n) -> Result<(), Failure> {
    let today = today();
    match command {
        Cmd::List { format, all } => {
            let store = open(db, tr)?;
            let mut roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            if !all {
                roadmap.measures.retain(|m| !m.archived);
            }
            match format {
                TableFormat::Json => {
                    let list: Vec<Value> = roadmap
                        .measures
                        .iter()
                        .map(|m| measure_json(&roadmap, m, today, false))
                        .collect();
                    out(&to_json(&Value::Array(list)));
                }
                TableFormat::Table => out(&measures_table(&roadmap, tr)),
            }
        }
        Cmd::Show { code, format } => {
            let store = open(db, tr)?;
            let roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            let measure = roadmap
                .measure(code)
                .ok_or_else(|| Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])))?;
            match format {
                TextFormat::Json => out(&to_json(&measure_json(&roadmap, measure, today, true))),
                TextFormat::Text => out(&measure_text(&roadmap, measure, today, tr)),
            }
        }
        Cmd::SetStatus { code, status, comment } => {
            let Some(status) = Status::from_slug(status) else {
                let valid: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                return Err(Failure::Input(
                    tr.f("cli-bad-status", &[("status", status), ("valid", &valid.join(", "))]),
                ));
            };
            let mut store = open_for_writing(db, tr)?;
            let before = store.measure(code).map_err(|e| Failure::store(&e, tr))?;
            let Some(before) = before else {
                return Err(Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])));
            };
            let after = store
                .set_status(code, status, comment, today, None)
                .map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f(
                "cli-status-set",
                &[
                    ("code", code),
                    ("old", &tr.t(&format!("status-{}", before.status))),
                    ("new", &tr.t(&format!("status-{}", after.status))),
                ],
            ));
        }
        Cmd::SetProgress { code, progress, comment } => {
            let progress = progress
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| Failure::Input(tr.f("cli-bad-progress", &[("value", progress)])))?;
            let mut store = open_for_writing(db, tr)?;
            let before = existing(&store, code, tr)?;
            let after = store
                .set_progress(code, progress, comment, None)
                .map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f(
                "cli-progress-set",
                &[
                    ("code", code),
                    ("old", &tr.percent(before.progress)),
                    ("new", &tr.percent(after.progress)),
                ],
            ));
        }
        Cmd::AddExpense { code, amount, date, note } => {
            let money = parse_money(amount, tr.lang())
                .ok_or_else(|| Failure::Input(tr.f("cli-bad-amount", &[("value", amount)])))?;
            let date = date_arg(date.as_deref(), today, tr)?;
            let mut store = open_for_writing(db, tr)?;
            existing(&store, code, tr)?;
            store.add_expense(code, date, money, note).map_err(|e| Failure::store(&e, tr))?;
            let spent = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?.spent(code);
            out(&tr.f(
                "cli-expense-added",
                &[
                    ("code", code),
                    ("amount", &tr.money(money)),
                    ("date", &tr.date(date)),
                    ("spent", &tr.money(spent)),
                ],
            ));
        }
        Cmd::Reevaluate { code, verdict, date, note, next } => {
            let date = date_arg(date.as_deref(), today, tr)?;
            let next = next.as_deref().map(|n| date_arg(Some(n), today, tr)).transpose()?;
            let mut store = open_for_writing(db, tr)?;
            existing(&store, code, tr)?;
            let by = store.who().to_owned();
            let verdict = Verdict::from(*verdict);
            let (_, measure) = store
                .add_reevaluation(code, date, verdict, note, &by, next)
                .map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f(
                "cli-reevaluated",
                &[
                    ("code", code),
                    ("verdict", &tr.t(&format!("verdict-{verdict}"))),
                    ("date", &tr.date(date)),
                    ("next", &tr.opt_date(measure.next_reevaluation)),
                ],
            ));
        }
        Cmd::Summary { format } => {
            let store = open(db, tr)?;
            let roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            let d = dashboard(&roadmap, today);
            match format {
                TextFormat::Json => out(&to_json(&summary_json(&d, &roadmap))),
                TextFormat::Text => out(&summary_text(&d, &roadmap, tr)),
            }
        }
        Cmd::Changes { since, format } => {
            let store = open(db, tr)?;
            let roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            let since = match since {
                Some(text) => parse_date(text)
                    .ok_or_else(|| Failure::Input(tr.f("cli-bad-date", &[("value", text)])))?,
                None => roadmap
                    .last_meeting(today)
                    .map(|m| m.date)
                    .ok_or_else(|| Failure::Input(tr.t("cli-no-meeting")))?,
            };
            let history = store.history(None).map_err(|e| Failure::store(&e, tr))?;
            let seed = store.seed_batch().map_err(|e| Failure::store(&e, tr))?;
            let report = changes_since(&history, since, seed);
            match format {
                TextFormat::Json => {
                    let entries: Vec<Value> = report
                        .entries
                        .iter()
                        .map(|(kind, c)| {
                            json!({
                                "at": c.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                                "who": c.who,
                                "code": c.code,
                                "kind": kind.as_str(),
                                "field": c.field,
                                "old": c.old,
                                "new": c.new,
                                "comment": c.comment,
                            })
                        })
                        .collect();
                    out(&to_json(&Value::Array(entries)));
                }
                TextFormat::Text => out(&since_text(&report, since, tr)),
            }
        }
        Cmd::Meeting { action: MeetingCmd::Add { date, title } } => {
            let date = date_arg(Some(date), today, tr)?;
            let mut store = open_for_writing(db, tr)?;
            let meeting = store.add_meeting(date, title).map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f(
                "cli-meeting-added",
                &[("date", &tr.date(meeting.date)), ("title", &meeting.title)],
            ));
        }
        Cmd::Meeting { action: MeetingCmd::List } => {
            let store = open(db, tr)?;
            let roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            for m in &roadmap.meetings {
                out(&format!("{}  {}", tr.date(m.date), m.title));
            }
        }
        Cmd::Undo | Cmd::Redo => {
            let mut store = open_for_writing(db, tr)?;
            let undo = matches!(command, Cmd::Undo);
            let changes = if undo { store.undo("") } else { store.redo("") }
                .map_err(|e| Failure::store(&e, tr))?;
            out(&tr.t(if undo { "cli-undone" } else { "cli-redone" }));
            for c in &changes {
                out(&format!(
                    "  {} {}: {} → {}",
                    c.code.as_deref().unwrap_or(""),
                    c.field,
                    c.old.as_deref().unwrap_or("–"),
                    c.new.as_deref().unwrap_or("–")
                ));
            }
        }
        Cmd::History { code, format } => {
            let store = open(db, tr)?;
            if let Some(code) = code
                && store.measure(code).map_err(|e| Failure::store(&e, tr))?.is_none()
            {
                return Err(Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])));
            }
            let history = store.history(code.as_deref()).map_err(|e| Failure::store(&e, tr))?;
            match format {
                TableFormat::Json => {
                    out(&to_json(&Value::Array(history.iter().map(change_json).collect())));
                }
                TableFormat::Table => out(&history_table(&history, tr)),
            }
        }
        Cmd::Export { format, output, width, height, dependencies, delimiter, since } => {
            let since = since.as_deref().map(|t| date_arg(Some(t), today, tr)).transpose()?;
            if since.is_some() && !matches!(format, ExportFormat::Pdf) {
                return Err(Failure::Input(tr.t("cli-since-pdf-only")));
            }
            let delimiter =
                delimiter.unwrap_or_else(|| crate::export::default_delimiter(tr.lang()));
            let options = crate::export::PictureOptions {
                width: *width,
                height: *height,
                dependencies: *dependencies,
            };
            let store = open(db, tr)?;
            let roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            let output_text = output.display().to_string();
            let failed = |detail: String| {
                Failure::File(tr.f("err-export", &[("path", &output_text), ("detail", &detail)]))
            };
            let bytes = match format {
                ExportFormat::Png => crate::export::timeline_png(&roadmap, today, tr, options)
                    .map_err(|e| e.to_string()),
                ExportFormat::Svg => crate::export::timeline_svg(&roadmap, today, tr, options)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string()),
                ExportFormat::Csv => {
                    Ok(crate::export::measures_csv(&roadmap, today, tr, delimiter))
                }
                ExportFormat::ExpensesCsv => {
                    Ok(crate::export::expenses_csv(&roadmap, tr, delimiter))
                }
                ExportFormat::Json => {
                    let history = store.history(None).map_err(|e| Failure::store(&e, tr))?;
                    crate::export::export_json(&roadmap, &history).map_err(|e| e.to_string())
                }
                ExportFormat::Ics => Ok(crate::export::calendar(&roadmap, tr, chrono::Utc::now())),
                ExportFormat::Pdf => {
                    let history = store.history(None).map_err(|e| Failure::store(&e, tr))?;
                    let options = crate::export::ReportOptions {
                        since,
                        file_name: crate::app::display_name(db),
                        seed_batch: store.seed_batch().map_err(|e| Failure::store(&e, tr))?,
                    };
                    crate::export::report_pdf(&roadmap, &history, today, tr, &options)
                        .map_err(|e| e.localize(tr))
                }
            }
            .map_err(failed)?;
            crate::app::write_atomically(output, &bytes).map_err(|e| failed(e.to_string()))?;
            out(&tr.f("info-exported", &[("path", &output_text)]));
        }
        Cmd::Backup { output } => {
            let store = open(db, tr)?;
            // Into the backups folder beside the file (and its rotation) only for those who may
            // write there; a copy elsewhere (--output) for anyone who may read.
            if output.is_none() && !Store::may_write(db) {
                return Err(Failure::store(&StoreError::ReadOnly, tr));
            }
            let now = chrono::Local::now().naive_local();
            let path =
                store.backup_now(now, output.as_deref()).map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f("cli-backup-written", &[("path", &path.display().to_string())]));
        }
        Cmd::Restore { backup } => {
            let now = chrono::Local::now().naive_local();
            let kept =
                crate::store::restore(db, backup, now).map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f(
                "cli-restored",
                &[("backup", &backup.display().to_string()), ("kept", &kept.display().to_string())],
            ));
        }
        Cmd::Import { file, replace } => {
            let bytes =
                crate::app::read_import(file).map_err(|e| Failure::Input(e.localize(file, tr)))?;
            let imported = crate::export::parse_import(&bytes, tr).map_err(|e| {
                Failure::Input(tr.f("import-failed", &[("problem", &e.to_string())]))
            })?;
            let mut store = if db.exists() {
                open_for_writing(db, tr)?
            } else {
                Store::create(db, None).map_err(|e| Failure::store(&e, tr))?
            };
            let current = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
            if !replace && !current.measures.is_empty() {
                // Say what the import would do, and ask for --replace.
                let comparison = crate::export::compare_import(&current, &imported.roadmap);
                let mut text = tr.f("import-would-replace", &[("n", &current.measures.len())]);
                for line in comparison.describe(tr) {
                    text.push_str("\n  ");
                    text.push_str(&line);
                }
                return Err(Failure::Input(text));
            }
            store
                .replace_all(&imported.roadmap, &imported.history, *replace)
                .map_err(|e| Failure::store(&e, tr))?;
            out(&tr.f(
                "import-done",
                &[
                    ("measures", &imported.roadmap.measures.len()),
                    ("expenses", &imported.roadmap.expenses.len()),
                    ("history", &imported.history.len()),
                ],
            ));
        }
        Cmd::Backups => {
            for b in crate::store::list_backups(db) {
                let measures = b.measures.map_or_else(
                    || tr.t("backup-damaged"),
                    |n| tr.f("measures-count", &[("n", &n)]),
                );
                out(&format!("{}  {}  {}", tr.date_time(b.taken), measures, b.path.display()));
            }
        }
        Cmd::Check { format } => check(db, *format, tr)?,
    }
    Ok(())
}

/// `check`: the file's soundness and how it is shared, without changing anything.
fn check(db: &std::path::Path, format: TextFormat, tr: &I18n) -> Result<(), Failure> {
    if !db.exists() {
        return Err(Failure::File(tr.f("cli-no-file", &[("path", &db.display().to_string())])));
    }
    let report = inspect(db).map_err(|e| Failure::store(&e, tr))?;
    let store = Store::open_read_only(db).map_err(|e| Failure::store(&e, tr))?;
    let journal = store.journal_mode().map_err(|e| Failure::store(&e, tr))?;
    let holder = store.locked_by();
    let writable = Store::may_write(db) && holder.is_none();
    match format {
        TextFormat::Json => out(&to_json(&json!({
            "ok": report.integrity == "ok",
            "path": db.display().to_string(),
            "integrity": report.integrity,
            "journal_mode": journal,
            "network_drive": store.is_network(),
            "read_only": !writable,
            "locked_by": holder.as_ref().map(|h| json!({
                "user": (!h.user.is_empty()).then_some(&h.user),
                "host": (!h.host.is_empty()).then_some(&h.host),
                "since": (h.since != chrono::NaiveDateTime::MIN)
                    .then(|| h.since.format("%Y-%m-%dT%H:%M:%S").to_string()),
            })),
            "schema_version": report.schema_version,
            "application_id": format!("0x{:08X}", report.application_id),
            "measures": report.measures,
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
            if let Some(holder) = holder {
                let today = chrono::Local::now().date_naive();
                out(&tr.f(
                    "banner-locked",
                    &[("holder", &crate::store::holder_text(tr, &holder, today))],
                ));
            }
        }
    }
    Ok(())
}

/// The measure `code`, or the "no such measure" failure.
fn existing(store: &Store, code: &str, tr: &I18n) -> Result<Measure, Failure> {
    store
        .measure(code)
        .map_err(|e| Failure::store(&e, tr))?
        .ok_or_else(|| Failure::Input(tr.f("cli-unknown-code", &[("code", &code)])))
}

/// A date argument (ISO or German), or `today` when absent.
fn date_arg(text: Option<&str>, today: NaiveDate, tr: &I18n) -> Result<NaiveDate, Failure> {
    match text {
        None => Ok(today),
        Some(t) => {
            parse_date(t).ok_or_else(|| Failure::Input(tr.f("cli-bad-date", &[("value", &t)])))
        }
    }
}

fn summary_json(d: &Dashboard, roadmap: &Roadmap) -> Value {
    let figures = |f: &crate::model::Figures| {
        json!({
            "total": f.total,
            "done": f.done,
            "progress": f.progress,
            "planned_one_off_cents": f.planned_one_off.cents(),
            "planned_yearly_cents": f.planned_yearly.cents(),
            "spent_cents": f.spent.cents(),
        })
    };
    let mut horizons = serde_json::Map::new();
    for (h, f) in &d.horizons {
        horizons.insert(h.as_str().to_owned(), figures(f));
    }
    json!({
        "town": roadmap.info.town,
        "roadmap": roadmap.info.name,
        "horizons": horizons,
        "archived": figures(&d.archived),
        "total": figures(&d.total),
        "overdue": d.overdue,
        "due_soon": d.due_soon,
        "reevaluations_due": d.reevaluations_overdue.iter().chain(&d.reevaluations_due).collect::<Vec<_>>(),
        "reevaluations_overdue": d.reevaluations_overdue,
        "by_status": d.by_status.iter().map(|(s, n)| (s.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "by_health": d.by_health.iter().map(|(h, n)| (h.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "verdicts_last_12_months": d.verdicts.iter().map(|(v, n)| (v.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "years": d.years.iter().map(|y| json!({"year": y.year, "planned_cents": y.planned.cents(), "spent_cents": y.spent.cents()})).collect::<Vec<_>>(),
        "overruns": d.overruns.iter().map(|o| json!({"code": o.code, "planned_cents": o.planned.cents(), "spent_cents": o.spent.cents()})).collect::<Vec<_>>(),
    })
}

fn summary_text(d: &Dashboard, roadmap: &Roadmap, tr: &I18n) -> String {
    let mut rows = vec![
        [
            "col-horizon",
            "summary-done",
            "col-progress",
            "field-one-off",
            "field-yearly",
            "field-spent",
        ]
        .iter()
        .map(|k| tr.t(k))
        .collect::<Vec<_>>(),
    ];
    let row = |label: String, f: &crate::model::Figures| {
        vec![
            label,
            tr.f("lane-done", &[("done", &f.done), ("total", &f.total)]),
            tr.percent(f.progress),
            tr.money_whole(f.planned_one_off),
            tr.money_whole(f.planned_yearly),
            tr.money_whole(f.spent),
        ]
    };
    for (h, f) in &d.horizons {
        rows.push(row(tr.t(&format!("horizon-{h}")), f));
    }
    if d.archived.total > 0 {
        // Archived measures are out of the plan: their count and money, not their progress.
        let mut archived = row(tr.t("label-archived"), &d.archived);
        archived[1] = tr.f("measures-count", &[("n", &d.archived.total)]);
        archived[2] = "–".to_owned();
        rows.push(archived);
    }
    rows.push(row(tr.t("summary-total"), &d.total));
    let mut text = format!("{}\n\n{}", roadmap.info.name, columns(&rows));
    let list =
        |codes: &[String]| if codes.is_empty() { "–".to_owned() } else { codes.join(", ") };
    text.push_str(&format!("\n\n{}: {}", tr.t("summary-overdue"), list(&d.overdue)));
    text.push_str(&format!("\n{}: {}", tr.t("summary-due-soon"), list(&d.due_soon)));
    text.push_str(&format!(
        "\n{}: {}",
        tr.t("summary-reevaluations-overdue"),
        list(&d.reevaluations_overdue)
    ));
    text.push_str(&format!(
        "\n{}: {}",
        tr.t("summary-reevaluations-due"),
        list(&d.reevaluations_due)
    ));
    text
}

fn since_text(report: &SinceReport, since: NaiveDate, tr: &I18n) -> String {
    let mut text = tr.f(
        "since-heading",
        &[
            ("date", &tr.date(since)),
            ("n", &report.entries.len()),
            ("completed", &report.completed.len()),
            ("expenses", &tr.money(report.expenses)),
        ],
    );
    for (kind, c) in &report.entries {
        text.push_str(&format!(
            "\n{}  {:<5} {:<14} {} → {}  {}",
            tr.date_time(c.at),
            c.code.as_deref().unwrap_or(""),
            tr.t(&format!("kind-{}", kind.as_str())),
            c.old.as_deref().unwrap_or("–"),
            c.new.as_deref().unwrap_or("–"),
            c.comment
        ));
    }
    text
}

fn to_json(value: &Value) -> String {
    // A `Value` always serialises; were it ever not to, say so rather than print nothing.
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| json!({ "error": e.to_string() }).to_string())
}

fn measure_json(roadmap: &Roadmap, m: &Measure, today: NaiveDate, full: bool) -> Value {
    let mut value = json!({
        "code": m.code,
        "title": m.title,
        "horizon": m.horizon.as_str(),
        "owner": roadmap.owner_name(m),
        "status": m.status.as_str(),
        "progress": m.progress,
        "start": m.start.to_string(),
        "due": m.due.to_string(),
        "next_reevaluation": m.next_reevaluation.map(|d| d.to_string()),
        "health": schedule_health(m, today).as_str(),
        "archived": m.archived,
    });
    if full {
        let extra = json!({
            "description": m.description,
            "stakeholders": m.stakeholders,
            "completed": m.completed.map(|d| d.to_string()),
            "frameworks": m.frameworks,
            "depends_on": m.depends_on,
            "reevaluation_interval_months": m.reevaluation_interval_months,
            "planned_one_off_cents": m.planned_one_off.cents(),
            "planned_yearly_cents": m.planned_yearly.cents(),
            "spent_cents": roadmap.spent(&m.code).cents(),
            "notes": m.notes,
            "version": m.version,
            "expenses": roadmap.expenses.iter().filter(|e| e.code == m.code)
                .map(|e| json!({"date": e.date.to_string(), "amount_cents": e.amount.cents(), "note": e.note}))
                .collect::<Vec<_>>(),
            "reevaluations": roadmap.reevaluations_of(&m.code)
                .map(|r| json!({"date": r.date.to_string(), "verdict": r.verdict.as_str(), "note": r.note, "by": r.by}))
                .collect::<Vec<_>>(),
        });
        if let (Value::Object(base), Value::Object(extra)) = (&mut value, extra) {
            base.extend(extra);
        }
    }
    value
}

fn change_json(c: &Change) -> Value {
    json!({
        "at": c.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "who": c.who,
        "code": c.code,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "comment": c.comment,
        "batch": c.batch,
    })
}

/// Lays out rows as columns separated by two spaces, padded by characters.
fn columns(rows: &[Vec<String>]) -> String {
    let width = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> =
        (0..width).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    let mut text = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.trim_end().to_owned()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

fn measures_table(roadmap: &Roadmap, tr: &I18n) -> String {
    let mut rows = vec![
        [
            "col-code",
            "col-title",
            "col-horizon",
            "col-owner",
            "col-status",
            "col-progress",
            "col-due",
            "col-next-reevaluation",
        ]
        .iter()
        .map(|k| tr.t(k))
        .collect::<Vec<_>>(),
    ];
    for m in &roadmap.measures {
        rows.push(vec![
            m.code.clone(),
            shorten(&m.title, 48),
            tr.t(&format!("horizon-{}", m.horizon)),
            roadmap.owner_name(m).to_owned(),
            // Listed with --all: an archived measure says so.
            if m.archived {
                format!("{} · {}", tr.t(&format!("status-{}", m.status)), tr.t("label-archived"))
            } else {
                tr.t(&format!("status-{}", m.status))
            },
            tr.percent(m.progress),
            tr.date(m.due),
            tr.opt_date(m.next_reevaluation),
        ]);
    }
    columns(&rows)
}

fn measure_text(roadmap: &Roadmap, m: &Measure, today: NaiveDate, tr: &I18n) -> String {
    let frameworks: Vec<String> = m
        .frameworks
        .iter()
        .map(|r| format!("{}: {}", tr.t(&format!("framework-{}", r.framework)), r.reference))
        .collect();
    let lines = [
        ("col-code", m.code.clone()),
        ("col-title", m.title.clone()),
        ("col-horizon", tr.t(&format!("horizon-{}", m.horizon))),
        ("col-owner", roadmap.owner_name(m).to_owned()),
        ("field-stakeholders", m.stakeholders.join(", ")),
        ("col-status", tr.t(&format!("status-{}", m.status))),
        ("col-health", tr.t(&format!("health-{}", schedule_health(m, today).as_str()))),
        ("col-progress", tr.percent(m.progress)),
        ("field-start", tr.date(m.start)),
        ("col-due", tr.date(m.due)),
        ("field-completed", tr.opt_date(m.completed)),
        (
            "field-interval",
            m.reevaluation_interval_months
                .map_or_else(|| "–".to_owned(), |n| tr.f("months", &[("n", &n)])),
        ),
        ("col-next-reevaluation", tr.opt_date(m.next_reevaluation)),
        ("field-one-off", tr.money(m.planned_one_off)),
        ("field-yearly", tr.money(m.planned_yearly)),
        ("field-spent", tr.money(roadmap.spent(&m.code))),
        ("field-depends-on", m.depends_on.join(", ")),
        ("field-frameworks", frameworks.join("; ")),
        ("field-description", m.description.clone()),
        ("field-notes", m.notes.clone()),
    ];
    let labels: Vec<String> = lines.iter().map(|(k, _)| tr.t(k)).collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    lines
        .iter()
        .zip(&labels)
        .map(|((_, value), label)| {
            format!("{label}:{}{value}", " ".repeat(width - label.chars().count() + 2))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn history_table(history: &[Change], tr: &I18n) -> String {
    let mut rows = vec![
        ["col-at", "col-who", "col-code", "col-field", "col-old", "col-new", "col-comment"]
            .iter()
            .map(|k| tr.t(k))
            .collect::<Vec<_>>(),
    ];
    for c in history {
        rows.push(vec![
            tr.date_time(c.at),
            c.who.clone(),
            c.code.clone().unwrap_or_default(),
            c.field.clone(),
            shorten(c.old.as_deref().unwrap_or("–"), 30),
            shorten(c.new.as_deref().unwrap_or("–"), 30),
            c.comment.clone(),
        ]);
    }
    columns(&rows)
}
