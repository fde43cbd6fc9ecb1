//! CSV for spreadsheets: UTF-8 with BOM, `;` and decimal comma in German, `,` in English, fields
//! quoted per RFC 4180, and every cell that a spreadsheet could take for a formula neutralised
//! (OWASP "CSV injection").

use chrono::NaiveDate;

use crate::i18n::{I18n, Lang};
use crate::model::{FinancePlan, FinanceYear, Money, Roadmap, schedule_health};

/// The separator for `lang` unless one is given: `;` for German (Excel's German default), `,`.
pub fn default_delimiter(lang: Lang) -> char {
    match lang {
        Lang::De => ';',
        Lang::En => ',',
    }
}

/// One cell of a row.
enum Cell {
    /// Text typed by someone: neutralised if it starts like a formula.
    Text(String),
    /// A number or date the export wrote itself (`-20,00`, `2026-11-30`, `45`): written as it is,
    /// so that spreadsheets read it as a number and add it up.
    Value(String),
}

impl Cell {
    /// The cell as written: neutralised if it is text that starts like a formula, quoted if it
    /// must be.
    fn write(&self, delimiter: char) -> String {
        let value = match self {
            Self::Text(text) if text.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                // A leading apostrophe makes spreadsheets show the text instead of evaluating it.
                format!("'{text}")
            }
            Self::Text(text) | Self::Value(text) => text.clone(),
        };
        if value.contains([delimiter, '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        }
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn line(cells: &[Cell], delimiter: char) -> String {
    let mut out =
        cells.iter().map(|c| c.write(delimiter)).collect::<Vec<_>>().join(&delimiter.to_string());
    out.push_str("\r\n");
    out
}

/// An amount as a plain decimal number for spreadsheets: `12500,00` in German, `12500.00`.
fn amount(money: Money, lang: Lang) -> Cell {
    let cents = money.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let mark = if lang == Lang::De { ',' } else { '.' };
    Cell::Value(format!("{sign}{}{mark}{:02}", abs / 100, abs % 100))
}

/// A date as ISO `2026-11-30`, which spreadsheets read as a date in every language.
fn date(d: Option<NaiveDate>) -> Cell {
    Cell::Value(d.map(|d| d.to_string()).unwrap_or_default())
}

/// A whole number (a percentage).
fn number(n: u8) -> Cell {
    Cell::Value(n.to_string())
}

/// Every measure, one row each with all its fields.
pub fn measures_csv(roadmap: &Roadmap, today: NaiveDate, tr: &I18n, delimiter: char) -> Vec<u8> {
    let lang = tr.lang();
    let header: Vec<Cell> = [
        "col-code",
        "field-title",
        "col-horizon",
        "col-owner",
        "field-stakeholders",
        "col-status",
        "col-progress",
        "field-start",
        "col-due",
        "field-completed",
        "col-health",
        "field-interval-months",
        "col-next-reevaluation",
        "field-one-off",
        "field-yearly",
        "field-spent",
        "field-depends-on",
        "field-frameworks",
        "field-description",
        "field-notes",
        "label-archived",
    ]
    .iter()
    .map(|k| text(tr.t(k)))
    .collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&header, delimiter));
    for m in &roadmap.measures {
        let frameworks: Vec<String> = m
            .frameworks
            .iter()
            .map(|r| format!("{}: {}", tr.t(&format!("framework-{}", r.framework)), r.reference))
            .collect();
        let row = vec![
            text(&m.code),
            text(&m.title),
            text(tr.t(&format!("horizon-{}", m.horizon))),
            text(roadmap.owner_name(m)),
            text(m.stakeholders.join(", ")),
            text(tr.t(&format!("status-{}", m.status))),
            number(m.progress),
            date(Some(m.start)),
            date(Some(m.due)),
            date(m.completed),
            text(tr.t(&format!("health-{}", schedule_health(m, today).as_str()))),
            Cell::Value(m.reevaluation_interval_months.map(|n| n.to_string()).unwrap_or_default()),
            date(m.next_reevaluation),
            amount(m.planned_one_off, lang),
            amount(m.planned_yearly, lang),
            amount(roadmap.spent(&m.code), lang),
            text(m.depends_on.join(", ")),
            text(frameworks.join("; ")),
            text(&m.description),
            text(&m.notes),
            text(tr.t(if m.archived { "yes" } else { "no" })),
        ];
        out.push_str(&line(&row, delimiter));
    }
    out.into_bytes()
}

/// The overview of many roadmaps: one row per roadmap that could be read, counts and amounts as
/// numbers, the degrees per catalogue as text.
pub fn overview_csv(county: &super::County<'_>, tr: &I18n, delimiter: char) -> Vec<u8> {
    let header: Vec<Cell> = [
        "overview-col-town",
        "overview-col-role",
        "report-measures",
        "overview-col-done",
        "overview-col-overdue",
        "overview-col-reeval-overdue",
        "overview-col-reeval-due",
        "overview-col-unconfirmed",
        "dashboard-planned-to-date",
        "field-spent",
        "overview-col-degree",
        "overview-col-meeting",
        "overview-col-baseline",
        "overview-col-changed",
    ]
    .iter()
    .map(|k| text(tr.t(k)))
    .chain(std::iter::once(text(tr.t("overview-col-name"))))
    .collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&header, delimiter));
    let count = |n: usize| Cell::Value(n.to_string());
    for town in &county.towns {
        let Ok(f) = town.figures else { continue };
        let row = vec![
            text(town.label),
            text(&town.role),
            count(f.measures),
            count(f.done),
            count(f.overdue.len()),
            count(f.reevaluations_overdue.len()),
            count(f.reevaluations_due.len()),
            count(f.unconfirmed.len()),
            amount(f.planned_to_date, tr.lang()),
            amount(f.spent, tr.lang()),
            text(crate::i18n::degrees_text(tr, f).replace('\n', "; ")),
            date(f.last_meeting.as_ref().map(|m| m.0)),
            date(f.baseline.as_ref().map(|b| b.0)),
            Cell::Value(f.last_change.map(|at| at.to_string()).unwrap_or_default()),
            text(town.name),
        ];
        out.push_str(&line(&row, delimiter));
    }
    out.into_bytes()
}

/// Every expense, one row each.
pub fn expenses_csv(roadmap: &Roadmap, tr: &I18n, delimiter: char) -> Vec<u8> {
    let header: Vec<Cell> = ["col-code", "field-title", "label-date", "label-amount", "label-note"]
        .iter()
        .map(|k| text(tr.t(k)))
        .collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&header, delimiter));
    for e in &roadmap.expenses {
        let title = roadmap.measure(&e.code).map_or("", |m| m.title.as_str());
        let row = vec![
            text(&e.code),
            text(title),
            date(Some(e.date)),
            amount(e.amount, tr.lang()),
            text(&e.note),
        ];
        out.push_str(&line(&row, delimiter));
    }
    out.into_bytes()
}

/// The financial plan for the Kämmerei: one row per measure and budget year, then one total row
/// per year (`Summe`), amounts and staff days as numbers.
pub fn finance_csv(plan: &FinancePlan, tr: &I18n, delimiter: char) -> Vec<u8> {
    let header: Vec<Cell> = [
        "col-code",
        "field-title",
        "finance-year",
        "finance-one-off",
        "finance-running",
        "finance-funding",
        "finance-own-share",
        "finance-staff-days",
        "finance-funding-source",
    ]
    .iter()
    .map(|k| text(tr.t(k)))
    .collect();
    let lang = tr.lang();
    let row = |code: &str, title: &str, y: &FinanceYear, source: &str| {
        vec![
            text(code),
            text(title),
            Cell::Value(y.year.to_string()),
            amount(y.one_off, lang),
            amount(y.running, lang),
            amount(y.funding, lang),
            amount(y.own_share, lang),
            Cell::Value(y.staff_days.to_string()),
            text(source),
        ]
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&header, delimiter));
    for l in &plan.lines {
        for y in &l.years {
            out.push_str(&line(&row(&l.code, &l.title, y, &l.funding_source), delimiter));
        }
    }
    let total = tr.t("finance-total");
    for y in &plan.years {
        out.push_str(&line(&row(&total, "", y, ""), delimiter));
    }
    out.into_bytes()
}

/// One assessment round's results: one row per requirement of each catalogue it covers
/// (catalogue, group, id, title, result, maturity, carried over, assessed on, note, measures).
pub fn assessment_csv(
    roadmap: &Roadmap,
    round: &crate::model::Round,
    tr: &I18n,
    delimiter: char,
) -> Vec<u8> {
    let a = &roadmap.assessment;
    let header: Vec<Cell> = [
        "col-catalog",
        "col-group",
        "col-requirement",
        "field-title",
        "col-result",
        "col-maturity",
        "col-carried-over",
        "col-assessed-on",
        "label-note",
        "col-measures",
    ]
    .iter()
    .map(|k| text(tr.t(k)))
    .collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&header, delimiter));
    let index = a.index();
    for catalog in round.catalogs.iter().filter_map(|n| a.catalog(n)) {
        for r in catalog.requirements() {
            let x = index.get(&(round.title.as_str(), catalog.name.as_str(), r.node.id.as_str()));
            let outcome = x.map_or(crate::model::Outcome::Open, |x| x.result);
            let row = vec![
                text(&catalog.name),
                text(r.group.map_or("", |g| g.title.as_str())),
                text(&r.node.id),
                text(&r.node.title),
                text(tr.t(&format!("outcome-{}", outcome.as_str()))),
                Cell::Value(x.and_then(|x| x.maturity).map(|m| m.to_string()).unwrap_or_default()),
                text(if x.is_some_and(|x| x.carried_over) { tr.t("yes") } else { String::new() }),
                date(x.map(|x| x.assessed_on)),
                text(x.map_or("", |x| x.note.as_str())),
                text(a.measures_of(&catalog.name, &r.node.id).join(", ")),
            ];
            out.push_str(&line(&row, delimiter));
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// A minimal RFC 4180 reader for the tests: rows of cells.
    fn parse(text: &str, delimiter: char) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (false, '"') => quoted = true,
                (false, c) if c == delimiter => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (_, c) => cell.push(c),
            }
        }
        rows
    }

    /// Whether a cell would make a spreadsheet evaluate something other than a plain number: a
    /// formula-like start that is not a negative amount the export wrote itself.
    fn starts_formula(cell: &str) -> bool {
        let number = cell.strip_prefix('-').is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        });
        cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
    }

    #[test]
    fn no_cell_can_start_a_formula_and_every_text_survives() {
        let tricky = [
            "=1+2",
            "+49 771",
            "-5",
            "@SUM(A1)",
            "\tTab",
            "\rCR",
            "a;b",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "Ümlaut ß €",
            "",
        ];
        let mut roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
            .unwrap()
            .load_roadmap()
            .unwrap();
        for (i, t) in tricky.iter().enumerate() {
            roadmap.measures[i].title = (*t).to_owned();
            roadmap.measures[i].notes = format!("{t}{t}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        for (lang, delimiter) in [(Lang::De, ';'), (Lang::En, ','), (Lang::De, '\t')] {
            let bytes = measures_csv(&roadmap, today, &I18n::new(lang), delimiter);
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.starts_with('\u{feff}'));
            let rows = parse(text.trim_start_matches('\u{feff}'), delimiter);
            assert_eq!(rows.len(), 21);
            assert!(rows.iter().all(|r| r.len() == rows[0].len()));
            for row in &rows {
                for c in row {
                    assert!(!starts_formula(c), "{c:?}");
                }
            }
            for (i, t) in tricky.iter().enumerate() {
                let shown = rows[i + 1][1].trim_start_matches('\'');
                assert_eq!(shown, *t);
            }
            // Text that looks like a number or a formula is neutralised, numbers are not.
            assert_eq!(rows[2][1], "'+49 771");
            assert_eq!(rows[3][1], "'-5");
            assert_eq!(rows[1][1], "'=1+2");
        }
    }

    /// For generated roadmaps with hostile text everywhere: no cell of either CSV starts a
    /// formula, every row has every column, and the texts read back as written (behind the
    /// apostrophe that neutralises a formula-like start).
    #[test]
    fn generated_roadmaps_never_start_a_formula_in_any_cell() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let shown = |text: &str| {
            if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text.to_owned()
            }
        };
        for seed in 0..80 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let (roadmap, _) = crate::export::testgen::roadmap(&mut rng);
            for (lang, delimiter) in [(Lang::De, ';'), (Lang::En, ','), (Lang::De, '\t')] {
                let tr = I18n::new(lang);
                for (bytes, records) in [
                    (measures_csv(&roadmap, today, &tr, delimiter), roadmap.measures.len()),
                    (expenses_csv(&roadmap, &tr, delimiter), roadmap.expenses.len()),
                ] {
                    let text = String::from_utf8(bytes).unwrap();
                    let rows = parse(text.strip_prefix('\u{feff}').unwrap(), delimiter);
                    assert_eq!(rows.len(), records + 1, "seed {seed}");
                    for row in &rows {
                        assert_eq!(row.len(), rows[0].len(), "seed {seed}: {row:?}");
                        for c in row {
                            assert!(!starts_formula(c), "seed {seed}: {c:?}");
                        }
                    }
                }
                let rows = parse(
                    &String::from_utf8(measures_csv(&roadmap, today, &tr, delimiter)).unwrap()[3..],
                    delimiter,
                );
                for (m, row) in roadmap.measures.iter().zip(&rows[1..]) {
                    assert_eq!(row[0], m.code);
                    assert_eq!(row[1], shown(&m.title), "seed {seed}");
                }
            }
        }
    }

    #[test]
    fn refunds_stay_numbers_and_text_that_looks_like_one_is_neutralised() {
        let mut roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
            .unwrap()
            .load_roadmap()
            .unwrap();
        roadmap.expenses.truncate(1);
        roadmap.expenses[0].amount = Money(-2_000);
        roadmap.expenses[0].note = "-20,00".into();
        let text = String::from_utf8(expenses_csv(&roadmap, &I18n::new(Lang::De), ';')).unwrap();
        let rows = parse(text.trim_start_matches('\u{feff}'), ';');
        // The amount is the number -20,00; the note that only looks like one is text.
        assert_eq!(rows[1][3], "-20,00");
        assert_eq!(rows[1][4], "'-20,00");
        let text = String::from_utf8(expenses_csv(&roadmap, &I18n::new(Lang::En), ',')).unwrap();
        assert_eq!(parse(text.trim_start_matches('\u{feff}'), ',')[1][3], "-20.00");
    }

    #[test]
    fn german_amounts_use_a_decimal_comma() {
        let plain = |c: Cell| c.write(';');
        assert_eq!(plain(amount(Money(1_250_000), Lang::De)), "12500,00");
        assert_eq!(plain(amount(Money(-5), Lang::En)), "-0.05");
        let roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
            .unwrap()
            .load_roadmap()
            .unwrap();
        let text = String::from_utf8(expenses_csv(&roadmap, &I18n::new(Lang::De), ';')).unwrap();
        assert!(
            text.lines().nth(1).unwrap().contains(";3000,00;"),
            "{}",
            text.lines().nth(1).unwrap()
        );
    }
}
