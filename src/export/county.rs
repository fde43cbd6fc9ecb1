//! The county overview ("Kreisübersicht"): the report an information-security officer shared by
//! several towns takes to the county or the mayors' meeting. The comparison table of all towns
//! first, then one page per town with its key figures and what is overdue. The same medium-free
//! content as the council report: the PDF (tagged) and the HTML page get the same words.

use chrono::NaiveDate;

use super::content::{Align, Cell, Col, Front, Row, Sink, Tone, cell, col};
use crate::i18n::I18n;
use crate::layout::fonts::Face;
use crate::model::{Item, Money, TownFigures};

/// One town of the overview.
pub struct CountyTown<'a> {
    /// The roadmap's name (on the server, or the file's).
    pub name: &'a str,
    /// The name shown first (the town's).
    pub label: &'a str,
    /// The role of whoever looks, in words.
    pub role: String,
    /// Its figures, or why it could not be read (in the report's language).
    pub figures: Result<&'a TownFigures, String>,
}

/// What the county overview reports on.
pub struct County<'a> {
    /// The towns, in the order to show.
    pub towns: Vec<CountyTown<'a>>,
    /// Where they were read (the server without password, or the folder).
    pub source: String,
    /// The day the figures are as of.
    pub today: NaiveDate,
}

impl County<'_> {
    /// The towns that could be read, with their figures.
    fn read(&self) -> impl Iterator<Item = (&CountyTown<'_>, &TownFigures)> {
        self.towns.iter().filter_map(|t| t.figures.as_ref().ok().map(|f| (t, *f)))
    }
}

/// A change in points with its sign (`+18`, `−4`, `±0`).
fn signed(change: i16) -> String {
    crate::i18n::signed_points(change)
}

/// A count that warns when it is not zero.
fn count(n: usize) -> Cell {
    let c = cell(n.to_string());
    if n > 0 { c.tone(Tone::Danger).bold() } else { c }
}

/// The cover: what it is, how many towns, and the sums over them.
pub fn front(county: &County<'_>, tr: &I18n) -> Front {
    let (mut measures, mut done, mut overdue, mut spent) = (0, 0, 0, Money::ZERO);
    for (_, f) in county.read() {
        measures += f.measures;
        done += f.done;
        overdue += f.overdue.len();
        spent = spent.saturating_add(f.spent);
    }
    Front {
        kicker: tr.t("county-kicker"),
        over: tr.t("county-title"),
        heading: tr.f("county-heading", &[("n", &county.towns.len())]),
        today: county.today,
        figures: [
            (county.towns.len().to_string(), tr.t("county-towns"), Tone::Text),
            (
                tr.f("overview-done", &[("done", &done), ("total", &measures)]),
                tr.t("county-measures-done"),
                Tone::Text,
            ),
            (
                overdue.to_string(),
                tr.t("health-overdue"),
                if overdue > 0 { Tone::Danger } else { Tone::Text },
            ),
            (tr.money_whole(spent), tr.t("field-spent"), Tone::Text),
        ],
        // Neither a server login nor a town hall's folder goes to the county or onto the web.
        source: tr.t("county-title"),
        made: tr.f(
            "report-made-web",
            &[("roadmap", &tr.t("county-title")), ("date", &tr.date(county.today))],
        ),
        title: format!("{} – {}", tr.t("county-title"), tr.date(county.today)),
    }
}

/// The comparison table's columns.
fn comparison_columns(tr: &I18n) -> Vec<Col> {
    vec![
        col(tr.t("overview-col-town"), 0.0, Align::Left),
        col(tr.t("overview-col-done"), 48.0, Align::Right),
        col(tr.t("overview-col-overdue"), 54.0, Align::Right),
        col(tr.t("overview-col-reeval-overdue"), 62.0, Align::Right),
        col(tr.t("overview-col-reeval-due"), 62.0, Align::Right),
        col(tr.t("overview-col-unconfirmed"), 62.0, Align::Right),
        col(tr.t("dashboard-planned-to-date"), 62.0, Align::Right),
        col(tr.t("field-spent"), 62.0, Align::Right),
    ]
}

/// The fulfilment degree of each town and catalogue: first, latest, change.
fn degrees_table(sink: &mut dyn Sink, county: &County<'_>, tr: &I18n) {
    let rows: Vec<Row> = county
        .read()
        .flat_map(|(town, f)| {
            f.degrees.iter().map(move |d| {
                let percent = |p: Option<u8>| p.map_or_else(|| "–".to_owned(), |p| tr.percent(p));
                let change = d.change().map_or_else(|| "–".to_owned(), signed);
                (
                    vec![
                        cell(town.label).bold(),
                        cell(&d.catalog),
                        cell(if d.one_round { "–".to_owned() } else { percent(d.first) }),
                        cell(percent(d.latest)),
                        cell(change),
                    ],
                    false,
                )
            })
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    sink.subheading(&tr.t("county-degrees"), 60.0);
    let cols = [
        col(tr.t("overview-col-town"), 0.0, Align::Left),
        col(tr.t("county-catalog"), 110.0, Align::Left),
        col(tr.t("county-first"), 80.0, Align::Right),
        col(tr.t("county-latest"), 80.0, Align::Right),
        col(tr.t("county-change"), 80.0, Align::Right),
    ];
    sink.table(&cols, &rows);
}

/// Writes the county overview into `sink`.
pub fn body(sink: &mut dyn Sink, county: &County<'_>, tr: &I18n) {
    // After the cover.
    sink.page_break();
    sink.section(&tr.t("county-comparison"), 80.0);
    let mut rows: Vec<Row> = Vec::new();
    let (mut planned, mut spent) = (Money::ZERO, Money::ZERO);
    for (town, f) in county.read() {
        planned = planned.saturating_add(f.planned_to_date);
        spent = spent.saturating_add(f.spent);
        rows.push((
            vec![
                cell(town.label).bold(),
                cell(tr.f("overview-done", &[("done", &f.done), ("total", &f.measures)])),
                count(f.overdue.len()),
                count(f.reevaluations_overdue.len()),
                cell(f.reevaluations_due.len().to_string()),
                count(f.unconfirmed.len()),
                cell(tr.money_whole(f.planned_to_date)),
                cell(tr.money_whole(f.spent)),
            ],
            false,
        ));
    }
    let read: Vec<_> = county.read().map(|(_, f)| f).collect();
    let sum = |n: fn(&TownFigures) -> usize| read.iter().map(|f| n(f)).sum::<usize>();
    rows.push((
        vec![
            cell(tr.t("summary-total")),
            cell(tr.f(
                "overview-done",
                &[("done", &sum(|f| f.done)), ("total", &sum(|f| f.measures))],
            )),
            cell(sum(|f| f.overdue.len()).to_string()),
            cell(sum(|f| f.reevaluations_overdue.len()).to_string()),
            cell(sum(|f| f.reevaluations_due.len()).to_string()),
            cell(sum(|f| f.unconfirmed.len()).to_string()),
            cell(tr.money_whole(planned)),
            cell(tr.money_whole(spent)),
        ],
        true,
    ));
    sink.table(&comparison_columns(tr), &rows);
    degrees_table(sink, county, tr);
    sink.gap(6.0);
    sink.paragraph(&tr.t("county-legend"), Face::Regular, Tone::Muted);
    for town in &county.towns {
        if let Err(why) = &town.figures {
            let text = tr.f("overview-unreadable", &[("name", &town.name), ("reason", why)]);
            sink.paragraph(&text, Face::Bold, Tone::Danger);
        }
    }
    for (town, f) in county.read() {
        sink.page_break();
        town_page(sink, town, f, tr);
    }
}

/// One town's page: its key figures, then the measures that need attention.
fn town_page(sink: &mut dyn Sink, town: &CountyTown<'_>, f: &TownFigures, tr: &I18n) {
    sink.section(town.label, 120.0);
    if !f.title.trim().is_empty() {
        sink.paragraph(&f.title, Face::Regular, Tone::Muted);
    }
    let dated = |d: &Option<(NaiveDate, String)>| {
        d.as_ref()
            .map_or_else(|| "–".to_owned(), |(date, title)| format!("{} – {title}", tr.date(*date)))
    };
    let figure = |label: &str, value: Cell| (vec![cell(tr.t(label)), value], false);
    let rows = vec![
        figure(
            "county-measures-done",
            cell(tr.f(
                "county-done-progress",
                &[("done", &f.done), ("total", &f.measures), ("progress", &tr.percent(f.progress))],
            )),
        ),
        figure("health-overdue", count(f.overdue.len())),
        figure("summary-reevaluations-overdue", count(f.reevaluations_overdue.len())),
        figure("summary-reevaluations-due", cell(f.reevaluations_due.len().to_string())),
        figure("overview-col-unconfirmed", count(f.unconfirmed.len())),
        figure("dashboard-planned-to-date", cell(tr.money_whole(f.planned_to_date))),
        figure("field-spent", cell(tr.money_whole(f.spent))),
        figure("overview-col-degree", cell(or_dash(crate::i18n::degrees_text(tr, f)))),
        figure("overview-col-meeting", cell(dated(&f.last_meeting))),
        figure("overview-col-baseline", cell(dated(&f.baseline))),
        figure(
            "overview-col-changed",
            cell(f.last_change.map_or_else(|| "–".to_owned(), |at| tr.date_time(at))),
        ),
    ];
    sink.table(
        &[
            col(tr.t("county-figure"), 170.0, Align::Left),
            col(tr.t("county-value"), 0.0, Align::Left),
        ],
        &rows,
    );
    items(sink, tr, "county-overdue-measures", "county-col-due", &f.overdue);
    let mut reevaluations = f.reevaluations_overdue.clone();
    reevaluations.extend(f.reevaluations_due.iter().cloned());
    items(sink, tr, "county-reevaluations", "county-col-reevaluation", &reevaluations);
    items(sink, tr, "county-unconfirmed", "", &f.unconfirmed);
}

fn or_dash(text: String) -> String {
    if text.is_empty() { "–".to_owned() } else { text }
}

/// A subheading and the measures of `list` (code, title and, with `date_key`, a date), or that
/// there are none.
fn items(sink: &mut dyn Sink, tr: &I18n, heading: &str, date_key: &str, list: &[Item]) {
    sink.subheading(&tr.t(heading), 40.0);
    if list.is_empty() {
        sink.paragraph(&tr.t("county-none"), Face::Regular, Tone::Muted);
        return;
    }
    let mut cols =
        vec![col(tr.t("col-code"), 50.0, Align::Left), col(tr.t("col-title"), 0.0, Align::Left)];
    if !date_key.is_empty() {
        cols.push(col(tr.t(date_key), 70.0, Align::Right));
    }
    let rows: Vec<Row> = list
        .iter()
        .map(|i| {
            let mut cells = vec![cell(&i.code).bold(), cell(&i.title)];
            if !date_key.is_empty() {
                cells.push(cell(tr.opt_date(i.date)));
            }
            (cells, false)
        })
        .collect();
    sink.table(&cols, &rows);
}
