//! `overview`: the key figures of every roadmap on a server the login may see, or of every
//! roadmap file in a folder (read only), as a table, JSON, CSV, or the county report.

use std::path::Path;

use serde_json::{Value, json};

use super::args::OverviewFormat;
use super::output::{columns, to_json};
use super::{Context, Failure, out};
use crate::app::overview::{self, Overview, Source};
use crate::i18n::I18n;

/// Runs `overview`.
pub(super) fn overview(
    cx: &Context,
    dir: Option<&Path>,
    format: OverviewFormat,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let tr = cx.tr;
    let source = match dir {
        Some(dir) => Source::Folder(dir.to_owned()),
        None => Source::server_of(cx.db)
            .ok_or_else(|| Failure::Input(tr.t("cli-overview-needs-source")))?,
    };
    let now = cx.today.and_time(chrono::Local::now().time());
    let overview = overview::load(&source, now).map_err(|e| Failure::store(&e, tr))?;
    for town in &overview.towns {
        if let Err(e) = &town.figures {
            let text =
                tr.f("overview-unreadable", &[("name", &town.name), ("reason", &e.localize(tr))]);
            eprintln!("fahrplan: {text}");
        }
    }
    let county = overview::county(&overview, tr);
    let bytes = match format {
        OverviewFormat::Text => text(&overview, tr).into_bytes(),
        OverviewFormat::Json => (to_json(&json_of(&overview)) + "\n").into_bytes(),
        OverviewFormat::Csv => {
            crate::export::overview_csv(&county, tr, crate::export::default_delimiter(tr.lang()))
        }
        OverviewFormat::Pdf => {
            crate::export::county_pdf(&county, tr).map_err(|e| Failure::File(e.localize(tr)))?
        }
        OverviewFormat::Html => crate::export::county_html(&county, tr).into_bytes(),
    };
    match output {
        Some(path) => {
            crate::app::write_atomically(path, &bytes)
                .map_err(|e| Failure::File(format!("{}: {e}", path.display())))?;
            out(&tr.f("info-exported", &[("path", &path.display().to_string())]));
        }
        None if matches!(format, OverviewFormat::Pdf) => {
            return Err(Failure::Input(tr.f("cli-overview-needs-output", &[("format", &"PDF")])));
        }
        None => {
            use std::io::Write as _;
            let _ = std::io::stdout().lock().write_all(&bytes);
        }
    }
    Ok(())
}

/// `overview --window`: the window, with the overview of the folder or the server in front of
/// the local roadmap (the default one unless a file was named).
pub(super) fn window(
    dir: Option<&Path>,
    db: &Path,
    (default_db, lang): (bool, Option<super::LangArg>),
    tr: &I18n,
    start: super::StartWindow,
) -> std::process::ExitCode {
    let source = match dir {
        Some(dir) => Source::Folder(dir.to_owned()),
        None => match Source::server_of(db) {
            Some(source) => source,
            None => {
                eprintln!("fahrplan: {}", tr.t("cli-overview-needs-source"));
                return std::process::ExitCode::from(1);
            }
        },
    };
    let server = matches!(source, Source::Server(_));
    let desk = if server { super::default_db_path() } else { db.to_owned() };
    if (default_db || server)
        && let Err(e) = crate::app::first_start(&desk, tr.lang())
    {
        eprintln!("fahrplan: {}", e.localize(tr));
    }
    let lang = lang.map(crate::i18n::Lang::from);
    start(&desk, lang, super::clock(), overview::Start::Overview(source))
}

/// The JSON of the overview (the fields the issue names, and a few more).
fn json_of(overview: &Overview) -> Value {
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let roadmaps: Vec<Value> = overview
        .towns
        .iter()
        .filter_map(|t| {
            let f = t.figures.as_ref().ok()?;
            Some(json!({
                "name": t.name,
                "town": f.town,
                "title": f.title,
                "role": t.role.as_str(),
                "measures": f.measures,
                "done": f.done,
                "progress": f.progress,
                "overdue": f.overdue.len(),
                "reevaluations_overdue": f.reevaluations_overdue.len(),
                "reevaluations_due": f.reevaluations_due.len(),
                "unconfirmed": f.unconfirmed.len(),
                "planned_to_date_cents": f.planned_to_date.cents(),
                "spent_cents": f.spent.cents(),
                "degrees": f.degrees.iter().map(|d| json!({
                    "catalog": d.catalog,
                    "first_percent": d.first,
                    "latest_percent": d.latest,
                })).collect::<Vec<_>>(),
                "last_meeting": f.last_meeting.as_ref().map(|m| date(m.0)),
                "last_meeting_title": f.last_meeting.as_ref().map(|m| &m.1),
                "baseline": f.baseline.as_ref().map(|b| date(b.0)),
                "baseline_title": f.baseline.as_ref().map(|b| &b.1),
                "last_change_at": f.last_change.map(|at| at.format("%Y-%m-%dT%H:%M:%S").to_string()),
                "overdue_codes": f.overdue.iter().map(|i| &i.code).collect::<Vec<_>>(),
                "unreadable_rows": f.unreadable,
            }))
        })
        .collect();
    let unreadable: Vec<Value> = overview
        .towns
        .iter()
        .filter_map(|t| {
            let e = t.figures.as_ref().err()?;
            Some(json!({"name": t.name, "role": t.role.as_str(), "error": e.to_string()}))
        })
        .collect();
    json!({
        "generated_at": overview.generated_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "roadmaps": roadmaps,
        "unreadable": unreadable,
    })
}

/// The overview as a table for people, with the degrees below.
fn text(overview: &Overview, tr: &I18n) -> String {
    let mut rows = vec![
        [
            "overview-col-town",
            "overview-col-role",
            "overview-col-done",
            "overview-col-overdue",
            "overview-col-reeval-overdue",
            "overview-col-reeval-due",
            "overview-col-unconfirmed",
            "dashboard-planned-to-date",
            "field-spent",
            "overview-col-changed",
        ]
        .iter()
        .map(|k| tr.t(k))
        .collect::<Vec<_>>(),
    ];
    let mut degrees = String::new();
    for t in &overview.towns {
        let Ok(f) = &t.figures else { continue };
        rows.push(vec![
            super::output::shorten(t.label(), 80),
            tr.f("connect-role", &[("role", &t.role.as_str())]),
            tr.f("overview-done", &[("done", &f.done), ("total", &f.measures)]),
            f.overdue.len().to_string(),
            f.reevaluations_overdue.len().to_string(),
            f.reevaluations_due.len().to_string(),
            f.unconfirmed.len().to_string(),
            tr.money_whole(f.planned_to_date),
            tr.money_whole(f.spent),
            f.last_change.map_or_else(|| "–".to_owned(), |at| tr.date_time(at)),
        ]);
        let text = crate::i18n::degrees_text(tr, f);
        if !text.is_empty() {
            degrees.push_str(&format!("\n{}: {}", t.label(), text.replace('\n', "; ")));
        }
    }
    let time = overview.generated_at.format("%H:%M").to_string();
    let head = tr.f(
        "overview-as-of",
        &[
            ("source", &overview.source.shown()),
            ("date", &tr.date(overview.today)),
            ("time", &time),
        ],
    );
    let body = if overview.towns.is_empty() {
        tr.t(match overview.source {
            Source::Server(_) => "overview-none",
            Source::Folder(_) => "overview-none-folder",
        })
    } else {
        columns(&rows)
    };
    let degrees = if degrees.is_empty() {
        String::new()
    } else {
        format!("\n\n{}:{degrees}", tr.t("overview-col-degree"))
    };
    format!("{head}\n\n{body}{degrees}\n")
}
