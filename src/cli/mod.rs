//! The command line: no subcommand starts the window; subcommands work headless on the same
//! store and model.
//!
//! Exit codes: 0 success, 1 invalid input (including everything the argument parser rejects),
//! 2 the file cannot be used (foreign, damaged, too new, unwritable). Nothing is written on any
//! failure.

mod args;
mod assess;
mod commands;
mod evidence;
mod output;
mod overview;
mod plan;
mod server;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory as _, Parser};

pub use self::args::{
    BaselineCmd, Cli, Cmd, EditArgs, EvidenceCmd, ExportFormat, FinanceFormat, LangArg, MeetingCmd,
    TableFormat, TextFormat, VerdictArg,
};
use crate::app::storage::{self, Storage, StoreError};
use crate::i18n::{I18n, Lang, parse_date};

/// Why a command failed, with its exit code.
enum Failure {
    /// Invalid input: exit 1.
    Input(String),
    /// The file cannot be used: exit 2.
    File(String),
}

impl Failure {
    /// The failure for a store error: a file problem exits 2, anything else 1.
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

/// How the binary starts the window (the command line does not know the views): the file, the
/// language chosen on the command line, the clock, and whether to present.
pub type StartWindow =
    fn(&std::path::Path, Option<Lang>, crate::app::Clock, crate::app::overview::Start) -> ExitCode;

/// Runs the program with the process's arguments; without a subcommand, `window` starts the
/// window.
pub fn main(window: StartWindow) -> ExitCode {
    // macOS passes `-psn_…` to an app its Finder or Gatekeeper starts: not ours to read.
    let args: Vec<std::ffi::OsString> = std::env::args_os()
        .filter(|a| !(cfg!(target_os = "macos") && a.to_string_lossy().starts_with("-psn_")))
        .collect();
    if let Some(word) = mistyped_command(&args) {
        let error = Cli::command().error(
            clap::error::ErrorKind::InvalidSubcommand,
            format!("unrecognized subcommand '{word}'"),
        );
        let _ = error.print();
        return ExitCode::from(1);
    }
    let cli = match Cli::try_parse_from(args) {
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
    // A file named on the command line wins over `--db` and `FAHRPLAN_DB`.
    let named = cli.file.clone().or_else(|| cli.db.clone());
    let db = storage::with_roadmap(
        &named.clone().unwrap_or_else(default_db_path),
        cli.roadmap.as_deref(),
    );
    if let Some(Cmd::Overview { dir, window: true, .. }) = &cli.command {
        return overview::window(dir.as_deref(), &db, (named.is_none(), cli.lang), &tr, window);
    }
    let Some(command) = cli.command else {
        // The first start creates the default roadmap; any other missing path is asked about.
        // Where it cannot be made, the window opens all the same and asks (and says why).
        if named.is_none()
            && let Err(e) = crate::app::first_start(&db, lang)
        {
            eprintln!("fahrplan: {}", e.localize(&tr));
        }
        let start = if cli.present {
            crate::app::overview::Start::Present
        } else {
            crate::app::overview::Start::Desk
        };
        return window(&db, cli.lang.map(Lang::from), clock(), start);
    };
    match run(&command, &db, cli.roadmap.as_deref(), &tr) {
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

/// The first word of `args` (after the program and the global options with their values) if
/// it is no command, no existing file and looks like no path (no folder, no extension): a
/// mistyped command, which must not open a window on a file of that name. The desktop passes
/// whole paths.
fn mistyped_command(args: &[std::ffi::OsString]) -> Option<String> {
    let mut command = Cli::command();
    // With clap's own `help` among the commands.
    command.build();
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        match text.as_ref() {
            // After `--` a word is a file whatever its name (the window asks about it).
            "--" => return None,
            "--db" | "--lang" | "--roadmap" => {
                rest.next();
                continue;
            }
            "--present" | "-h" | "--help" | "-V" | "--version" => continue,
            t if ["--db=", "--lang=", "--roadmap="].iter().any(|o| t.starts_with(o)) => continue,
            // Any other option: clap says what is wrong with it.
            t if t.starts_with('-') => return None,
            _ => {}
        }
        let path = std::path::Path::new(arg);
        let known = command.find_subcommand(arg).is_some();
        let bare = path.components().count() == 1 && path.extension().is_none();
        return (!known && bare && !path.exists()).then(|| text.into_owned());
    }
    None
}

/// Writes what `write` makes (completions, the manual page) to standard output; nothing is
/// opened.
fn packaging_output(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    write(&mut out).and_then(|()| out.flush()).map_err(|e| Failure::File(e.to_string()))
}

/// The file for a command that only reads: opened only to read (nothing is written, no side
/// file is created, no edit lock is taken); a missing file exits 2 and nothing is created.
fn open(db: &std::path::Path, tr: &I18n) -> Result<Box<dyn Storage>, Failure> {
    let store = storage::open_to_read(db).map_err(|e| Failure::store(&e, tr))?;
    if store.shows_last_saved_state() {
        eprintln!("fahrplan: {}", tr.t("note-last-saved-state"));
    }
    Ok(store)
}

/// The file for a command that writes: opened for writing (on a network drive with the edit
/// lock), or exit 2 with the reason (no permission, being edited by someone named) before
/// anything is done.
fn open_for_writing(db: &std::path::Path, tr: &I18n) -> Result<Box<dyn Storage>, Failure> {
    storage::open_to_write(db).map_err(|e| Failure::store(&e, tr))
}

/// The roadmap as the store reads it; rows that cannot be read are named on stderr (everything
/// else is used).
fn load(store: &dyn Storage, tr: &I18n) -> Result<crate::model::Roadmap, Failure> {
    let roadmap = store.load_roadmap().map_err(|e| Failure::store(&e, tr))?;
    if !roadmap.unreadable.is_empty() {
        eprintln!("fahrplan: {}", crate::i18n::unreadable_text(tr, &roadmap.unreadable));
    }
    Ok(roadmap)
}

/// Prints a line to stdout.
fn out(text: &str) {
    // A closed pipe (`fahrplan list | head`) is not an error worth reporting.
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// What every subcommand works with: the file, the language, and today's date.
struct Context<'a> {
    /// The roadmap file, or the server's address.
    db: &'a std::path::Path,
    /// The roadmap on a server (`--roadmap`).
    roadmap: Option<&'a str>,
    /// The language of the output.
    tr: &'a I18n,
    /// Today, read once per run from [`clock`].
    today: NaiveDate,
}

/// Runs one subcommand.
fn run(
    command: &Cmd,
    db: &std::path::Path,
    roadmap: Option<&str>,
    tr: &I18n,
) -> Result<(), Failure> {
    let cx = Context { db, roadmap, tr, today: today() };
    match command {
        Cmd::Completions { shell } => packaging_output(|out| {
            // Into memory first: clap_complete panics on a failed write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "fahrplan", &mut script);
            out.write_all(&script)
        }),
        Cmd::Manpage => packaging_output(|out| clap_mangen::Man::new(Cli::command()).render(out)),
        Cmd::New { path, empty } => commands::new(path, *empty, tr),
        Cmd::List { format, all } => commands::list(&cx, *format, *all),
        Cmd::Show { code, format } => commands::show(&cx, code, *format),
        Cmd::SetStatus { code, status, comment } => {
            commands::set_status(&cx, code, status, comment)
        }
        Cmd::SetProgress { code, progress, comment } => {
            commands::set_progress(&cx, code, progress, comment)
        }
        Cmd::AddExpense { code, amount, date, note } => {
            commands::add_expense(&cx, code, amount, date.as_deref(), note)
        }
        Cmd::Reevaluate { code, verdict, date, note, next } => {
            commands::reevaluate(&cx, code, *verdict, date.as_deref(), note, next.as_deref())
        }
        Cmd::Confirm { code, date, note } => commands::confirm(&cx, code, date.as_deref(), note),
        Cmd::Summary { format } => commands::summary(&cx, *format),
        Cmd::Overview { dir, format, output, .. } => {
            overview::overview(&cx, dir.as_deref(), *format, output.as_deref())
        }
        Cmd::Changes { since, format } => commands::changes(&cx, since.as_deref(), *format),
        Cmd::Meeting { action: MeetingCmd::Add { date, title } } => {
            commands::meeting_add(&cx, date, title)
        }
        Cmd::Meeting { action: MeetingCmd::List } => commands::meeting_list(&cx),
        Cmd::Evidence { action } => evidence::evidence(&cx, action),
        Cmd::Edit(edit) => plan::edit(&cx, edit),
        Cmd::Baseline { action: BaselineCmd::Add { title, date } } => {
            plan::baseline_add(&cx, title, date.as_deref())
        }
        Cmd::Baseline { action: BaselineCmd::List { format } } => plan::baseline_list(&cx, *format),
        Cmd::Deviations { baseline, format } => plan::deviations(&cx, baseline.as_deref(), *format),
        Cmd::Finance { from, years, format, delimiter } => {
            plan::finance(&cx, *from, *years, *format, *delimiter)
        }
        Cmd::Undo => commands::undo_redo(&cx, true),
        Cmd::Redo => commands::undo_redo(&cx, false),
        Cmd::History { code, format } => commands::history(&cx, code.as_deref(), *format),
        Cmd::Catalog { action } => assess::catalog(&cx, action),
        Cmd::Assessment { action } => assess::assessment(&cx, action),
        Cmd::Link { code, requirement, catalog } => {
            assess::link(&cx, code, requirement, catalog.as_deref(), true)
        }
        Cmd::Unlink { code, requirement, catalog } => {
            assess::link(&cx, code, requirement, catalog.as_deref(), false)
        }
        Cmd::Export {
            format,
            output,
            width,
            height,
            dependencies,
            delimiter,
            since,
            owner,
            round,
        } => {
            let picture = crate::export::PictureOptions {
                width: *width,
                height: *height,
                dependencies: *dependencies,
            };
            let extras = commands::ExportExtras {
                delimiter: *delimiter,
                since: since.as_deref(),
                owner: owner.as_deref(),
                round: round.as_deref(),
            };
            commands::export(&cx, *format, output, picture, extras)
        }
        Cmd::Backup { output } => commands::backup(&cx, output.as_deref()),
        Cmd::Restore { backup } => commands::restore(&cx, backup),
        Cmd::Import { file, replace } => commands::import(&cx, file, *replace),
        Cmd::Backups => commands::backups(&cx),
        Cmd::Check { format } => commands::check(db, *format, tr),
        Cmd::Server { action } => server::server(&cx, action),
    }
}
