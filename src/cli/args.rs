//! The command line's schema: the global options, the subcommands and their arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::model::Verdict;

/// Fahrplan: the IT roadmap of a municipality — measures, owners, status, money, re-evaluations.
#[derive(Debug, Parser)]
#[command(name = "fahrplan", version = VERSION, about)]
pub struct Cli {
    /// The roadmap file (default: fahrplan.sqlite in the platform's data directory).
    #[arg(long, global = true, env = "FAHRPLAN_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// A roadmap file to open in the window (as the desktop's "Open with" passes it); the same
    /// as `--db FILE`.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Language of the interface and of a newly created roadmap.
    #[arg(long, global = true, value_enum, env = "FAHRPLAN_LANG")]
    pub lang: Option<LangArg>,
    /// The roadmap on a server (`--db postgresql://…`); may be left out when the user can see
    /// exactly one.
    #[arg(long, global = true, env = "FAHRPLAN_ROADMAP", value_name = "NAME")]
    pub roadmap: Option<String>,
    /// Start the window directly in the council presentation (full screen, read-only).
    #[arg(long, global = true)]
    pub present: bool,
    /// What to do; without a subcommand the window opens.
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// The version and the commit it was built from (`fahrplan --version`).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("FAHRPLAN_COMMIT"), ")");

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
    /// Write the shell completions for SHELL to standard output (for packagers).
    #[command(hide = true)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the manual page (roff) to standard output (for packagers).
    #[command(hide = true)]
    Manpage,
    /// Create a new roadmap file at PATH: Blumberg's 20 measures in the language of `--lang`,
    /// or empty. No other command creates one.
    New {
        /// Where the new file goes (it must not exist; missing folders are created).
        path: PathBuf,
        /// Without the default measures.
        #[arg(long)]
        empty: bool,
    },
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
    /// Confirm the latest re-evaluation of a measure (four eyes: not by the person who recorded
    /// it).
    Confirm {
        /// The measure's code.
        code: String,
        /// When it was confirmed (default today).
        #[arg(long)]
        date: Option<String>,
        /// Why, or on what evidence (kept in the history).
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Evidence kept with a measure: files (inside the roadmap, at most 25 MB) and links.
    Evidence {
        /// What to do.
        #[command(subcommand)]
        action: EvidenceCmd,
    },
    /// Change a measure's plan fields: all given fields in one change (one undo).
    Edit(Box<EditArgs>),
    /// Baselines (Beschlussstand): the plan as the council approved it.
    Baseline {
        /// What to do.
        #[command(subcommand)]
        action: BaselineCmd,
    },
    /// What differs from a baseline now: slipped dates, moved money, added and removed measures.
    Deviations {
        /// The baseline's title (default: the latest).
        #[arg(long, value_name = "TITLE")]
        baseline: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// The multi-year financial plan: per budget year one-off and running cost, funding, own
    /// share and staff days, with a line per measure.
    Finance {
        /// The first budget year (default: the current one).
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
        from: Option<i32>,
        /// How many years.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
        years: u32,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: FinanceFormat,
        /// The CSV separator (default `;` in German, `,` in English).
        #[arg(long)]
        delimiter: Option<char>,
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
    /// Every roadmap on a server the login may see (`--db postgresql://…`), or every roadmap file
    /// of a folder (`--dir`, read only): key figures side by side, or the county report.
    Overview {
        /// Read the roadmap files of this folder (nothing is written) instead of a server.
        #[arg(long, value_name = "FOLDER")]
        dir: Option<PathBuf>,
        /// Output format (`pdf` and `html`: the county report, written to `--output`).
        #[arg(long, value_enum, default_value = "text")]
        format: OverviewFormat,
        /// Where to write it (replaced whole, never half-written; default: standard output).
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Show it in the window ("Alle Fahrpläne") instead.
        #[arg(long, conflicts_with_all = ["format", "output"])]
        window: bool,
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
    /// Administer the roadmaps on a PostgreSQL server (`--db postgresql://…`).
    Server {
        /// What to do.
        #[command(subcommand)]
        action: ServerCmd,
    },
    /// Import a JSON export into the file (new, empty, or with --replace).
    Import {
        /// The JSON export.
        file: PathBuf,
        /// Replace a roadmap that already has measures.
        #[arg(long)]
        replace: bool,
    },
    /// Catalogues of requirements (ITIL 4, VdS 3473, a checklist): import, list, show, remove.
    Catalog {
        /// What to do.
        #[command(subcommand)]
        action: CatalogCmd,
    },
    /// Assessment rounds: a result per requirement, the fulfilment degree, gaps, comparison.
    Assessment {
        /// What to do.
        #[command(subcommand)]
        action: AssessmentCmd,
    },
    /// Link a measure to a requirement it addresses.
    Link {
        /// The measure's code.
        code: String,
        /// The requirement's id.
        requirement: String,
        /// The catalogue (needed when several have the id).
        #[arg(long, value_name = "NAME")]
        catalog: Option<String>,
    },
    /// Remove the link of a measure to a requirement.
    Unlink {
        /// The measure's code.
        code: String,
        /// The requirement's id.
        requirement: String,
        /// The catalogue (needed when several have the id).
        #[arg(long, value_name = "NAME")]
        catalog: Option<String>,
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
        /// Report (PDF, HTML): add the changes recorded since this date (2026-11-01 or 01.11.2026).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Calendar (ICS): only the dates of this owner's measures (by name, as `list` shows it).
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// CSV: the results of this assessment round instead of the measures.
        #[arg(long, value_name = "ROUND")]
        round: Option<String>,
    },
}

/// `--format` of `catalog import`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CatalogFileFormat {
    /// OSCAL 1.x catalog JSON.
    Oscal,
    /// CSV: group;id;title;text;level.
    Csv,
}

/// `catalog import --shipped`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShippedCatalog {
    /// ITIL 4: 34 practices in three groups.
    Itil4,
    /// VdS 3473: chapters and sub-chapters.
    Vds3473,
}

/// `catalog` subcommands.
#[derive(Debug, Subcommand)]
pub enum CatalogCmd {
    /// Import a catalogue, or a newer version of one of the same name (results of unchanged
    /// requirements are kept).
    Import {
        /// The OSCAL JSON or CSV file (or `--shipped`).
        #[arg(required_unless_present = "shipped")]
        file: Option<PathBuf>,
        /// One of the catalogues Fahrplan ships (titles only): `itil4` or `vds3473`.
        #[arg(long, value_enum, conflicts_with = "file")]
        shipped: Option<ShippedCatalog>,
        /// The file's format (default: JSON if it starts with `{`, else CSV).
        #[arg(long, value_enum)]
        format: Option<CatalogFileFormat>,
        /// The catalogue's name (default: the OSCAL title, else the file's name).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Only show what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// List the catalogues.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Show a catalogue's tree.
    Show {
        /// The catalogue's name.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Remove a catalogue that no round covers.
    Remove {
        /// The catalogue's name.
        name: String,
    },
}

/// `assessment` subcommands.
#[derive(Debug, Subcommand)]
pub enum AssessmentCmd {
    /// Start an assessment round.
    Add {
        /// The round's title.
        title: String,
        /// A catalogue it covers (repeat for several).
        #[arg(long = "catalog", value_name = "NAME", required = true)]
        catalogs: Vec<String>,
        /// The day of the assessment (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Who assesses.
        #[arg(long, value_name = "WHO", default_value = "")]
        by: String,
        /// Start from this round: its results are carried over until assessed again.
        #[arg(long, value_name = "ROUND")]
        from: Option<String>,
        /// The maturity aimed at (0–5).
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=5))]
        target_maturity: Option<u8>,
    },
    /// List the rounds with their fulfilment degree.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Set one requirement's result in a round.
    Set {
        /// The round's title.
        round: String,
        /// The requirement's id.
        requirement: String,
        /// met, partial, not-met, not-applicable or open.
        #[arg(long)]
        result: String,
        /// The catalogue (needed when several of the round's have the id).
        #[arg(long, value_name = "NAME")]
        catalog: Option<String>,
        /// The maturity 0–5 (default: as it was).
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=5))]
        maturity: Option<u8>,
        /// A note (default: as it was).
        #[arg(long)]
        note: Option<String>,
        /// The day of this assessment (default: today; never before the round's day).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Show a round: degrees per catalogue and group, every requirement's result.
    Show {
        /// The round's title.
        round: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Compare two rounds per catalogue and group.
    Compare {
        /// The earlier round.
        a: String,
        /// The later round.
        b: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// The gaps (not met, no active measure), what is to be assessed again, and the measures
    /// that address no requirement.
    Gaps {
        /// The round (default: the latest).
        #[arg(long, value_name = "ROUND")]
        round: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
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

/// `edit`: the fields to change (at least one).
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The measure's code.
    pub code: String,
    /// New title.
    #[arg(long)]
    pub title: Option<String>,
    /// Planned start (2027-01-01 or 01.01.2027).
    #[arg(long)]
    pub start: Option<String>,
    /// Due date.
    #[arg(long)]
    pub due: Option<String>,
    /// The owner, by name (as listed by `list`); empty for none.
    #[arg(long)]
    pub owner: Option<String>,
    /// Planned one-off cost in euros (95000, 95.000,00 or 95000.00).
    #[arg(long, allow_hyphen_values = true)]
    pub planned_one_off: Option<String>,
    /// Planned yearly running cost in euros.
    #[arg(long, allow_hyphen_values = true)]
    pub planned_yearly: Option<String>,
    /// Months between re-evaluations (1–120; 0 for none).
    #[arg(long, value_name = "MONTHS")]
    pub interval: Option<String>,
    /// Who funds part of the one-off cost (empty for nobody).
    #[arg(long)]
    pub funding_source: Option<String>,
    /// The funded share of the one-off cost in percent (0–100).
    #[arg(long, value_name = "PERCENT")]
    pub funding_share: Option<String>,
    /// Planned staff days (Personentage).
    #[arg(long, value_name = "N")]
    pub staff_days_planned: Option<String>,
    /// Staff days spent so far.
    #[arg(long, value_name = "N")]
    pub staff_days_spent: Option<String>,
    /// Why (recorded in the history).
    #[arg(long, default_value = "")]
    pub comment: String,
}

/// `baseline` subcommands.
#[derive(Debug, Subcommand)]
pub enum BaselineCmd {
    /// Freeze the whole current plan as a baseline.
    Add {
        /// What it records, e.g. "Gemeinderat Dezember 2026".
        title: String,
        /// The day of the decision (default today).
        #[arg(long)]
        date: Option<String>,
    },
    /// List the baselines.
    List {
        /// Output format (JSON: a list of `{title, date, measures}`).
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
}

/// `evidence` subcommands.
#[derive(Debug, Subcommand)]
pub enum EvidenceCmd {
    /// Keep a file (at most 25 MB) or a link with a measure.
    Add {
        /// The measure's code.
        code: String,
        /// The file to keep inside the roadmap.
        #[arg(
            long,
            value_name = "PATH",
            conflicts_with = "link",
            required_unless_present = "link"
        )]
        file: Option<std::path::PathBuf>,
        /// A link (http://, https://, file:// or \\server\share\…).
        #[arg(long, value_name = "URL")]
        link: Option<String>,
        /// What it shows.
        #[arg(long, default_value = "")]
        note: String,
        /// The day of the re-evaluation it proves.
        #[arg(long, value_name = "DATE")]
        reevaluation: Option<String>,
    },
    /// List a measure's evidence (JSON: `id`, `kind`, `name`, `url`, `size`, `sha256`, `note`,
    /// `added_at`, `added_by`).
    List {
        /// The measure's code.
        code: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
    /// Write a file kept as evidence to FILE, byte for byte.
    Get {
        /// The measure's code.
        code: String,
        /// The evidence's id (from `evidence list`).
        id: i64,
        /// Where to write it.
        #[arg(long, value_name = "FILE")]
        output: std::path::PathBuf,
    },
    /// Remove evidence from a measure (undo brings it back).
    Remove {
        /// The measure's code.
        code: String,
        /// The evidence's id.
        id: i64,
    },
    /// Erase evidence for good (data protection: a file added by mistake): its bytes leave the
    /// roadmap, no undo brings them back; the history keeps name, size, SHA-256, who and why.
    Purge {
        /// The measure's code.
        code: String,
        /// The evidence's id.
        id: i64,
        /// Why it is erased (kept in the history).
        #[arg(long)]
        reason: String,
    },
}

/// `overview --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OverviewFormat {
    /// A table for people.
    Text,
    /// JSON for scripts.
    Json,
    /// CSV for a spreadsheet.
    Csv,
    /// The county report as tagged PDF.
    Pdf,
    /// The county report as an accessible web page.
    Html,
}

/// `finance --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FinanceFormat {
    /// A table for people.
    Text,
    /// JSON for scripts.
    Json,
    /// CSV for the Kämmerei's spreadsheet.
    Csv,
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
    /// The council report as one accessible web page (for the town's website).
    Html,
}

/// `server …`: the roadmaps on a PostgreSQL server.
#[derive(Debug, Subcommand)]
pub enum ServerCmd {
    /// Create a roadmap (schema, tables, the roles `fahrplan_NAME_editor`,
    /// `fahrplan_NAME_viewer` and `fahrplan_NAME_admin`, the last given to whoever creates it),
    /// with the default roadmap unless --empty.
    Init {
        /// Start without measures.
        #[arg(long)]
        empty: bool,
    },
    /// Give a login the role editor, viewer or admin in the roadmap (--roadmap).
    Grant {
        /// The PostgreSQL login.
        login: String,
        /// `editor`, `viewer` or `admin`.
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// Take the login's role in the roadmap (--roadmap).
    Revoke {
        /// The PostgreSQL login.
        login: String,
    },
    /// The roadmaps the connected user may see, with the user's role.
    Roadmaps {
        /// Output format (JSON: a list of `{name, role}`).
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
}

/// A role in a server roadmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Reads and writes.
    Editor,
    /// Reads.
    Viewer,
    /// Reads and writes, and replaces the whole roadmap (import, restore).
    Admin,
}
