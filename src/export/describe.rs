//! Pictures in words: what the timeline shows, for the report's figure (its alternative text)
//! and the HTML report's inline SVG (its description). A reader who cannot see the bars learns
//! the span, how many measures each horizon has and how many are done, and which are overdue.

use chrono::NaiveDate;

use crate::i18n::I18n;
use crate::model::{Health, Horizon, Measure, Status, schedule_health};

/// The description of a timeline of `measures` (not archived) as of `today`.
pub fn timeline_description(measures: &[&Measure], today: NaiveDate, tr: &I18n) -> String {
    let (Some(from), Some(to)) =
        (measures.iter().map(|m| m.start).min(), measures.iter().map(|m| m.due.max(m.start)).max())
    else {
        return tr.t("figure-timeline-empty");
    };
    let mut parts = vec![tr.f(
        "figure-timeline",
        &[
            ("n", &measures.len()),
            ("from", &tr.date(from)),
            ("to", &tr.date(to)),
            ("today", &tr.date(today)),
        ],
    )];
    for horizon in [Horizon::Short, Horizon::Medium, Horizon::Long] {
        let of: Vec<&&Measure> = measures.iter().filter(|m| m.horizon == horizon).collect();
        if of.is_empty() {
            continue;
        }
        let count = |status: Status| of.iter().filter(|m| m.status == status).count();
        parts.push(tr.f(
            "figure-horizon",
            &[
                ("horizon", &tr.t(&format!("horizon-{}-long", horizon.as_str()))),
                ("n", &of.len()),
                ("done", &count(Status::Done)),
                ("running", &count(Status::InProgress)),
            ],
        ));
    }
    let mut overdue: Vec<&&Measure> =
        measures.iter().filter(|m| schedule_health(m, today) == Health::Overdue).collect();
    overdue.sort_by(|a, b| (a.due, &a.code).cmp(&(b.due, &b.code)));
    if overdue.is_empty() {
        parts.push(tr.t("figure-overdue-none"));
    } else {
        let list: Vec<String> = overdue
            .iter()
            .map(|m| {
                tr.f(
                    "figure-overdue-item",
                    &[("code", &m.code), ("title", &m.title), ("due", &tr.date(m.due))],
                )
            })
            .collect();
        parts.push(tr.f("figure-overdue", &[("n", &overdue.len()), ("list", &list.join("; "))]));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn measure(code: &str, horizon: Horizon, status: Status, due: (i32, u32, u32)) -> Measure {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let due = NaiveDate::from_ymd_opt(due.0, due.1, due.2).unwrap();
        let mut m = Measure::new(code, format!("Titel {code}"), start, due);
        m.horizon = horizon;
        m.status = status;
        m
    }

    #[test]
    fn the_description_counts_horizons_and_names_what_is_overdue() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let ms = [
            measure("M01", Horizon::Short, Status::Done, (2026, 3, 1)),
            measure("M02", Horizon::Short, Status::InProgress, (2026, 6, 30)),
            measure("M03", Horizon::Medium, Status::Planned, (2027, 12, 31)),
            measure("M04", Horizon::Long, Status::Planned, (2026, 10, 1)),
        ];
        let refs: Vec<&Measure> = ms.iter().collect();
        let de = timeline_description(&refs, today, &I18n::new(Lang::De));
        assert!(de.contains("01.01.2026") && de.contains("31.12.2027"), "{de}");
        assert!(de.contains("Kurzfristig (sofort): 2 Maßnahmen, davon 1 erledigt"), "{de}");
        assert!(de.contains("Mittelfristig (1–2 Jahre): 1 Maßnahme,"), "{de}");
        // Overdue, the most overdue first; a done measure is not overdue.
        let overdue = de.find("M02").unwrap();
        assert!(overdue < de.find("M04").unwrap(), "{de}");
        assert!(!de[de.find("Überfällig").unwrap()..].contains("M01"), "{de}");
        assert!(de.contains("„Titel M04“"), "{de}");
        let en = timeline_description(&refs, today, &I18n::new(Lang::En));
        assert!(en.contains("Overdue") && en.contains("M04"), "{en}");
        // Nothing overdue is said as well.
        let calm = timeline_description(&refs[..1], today, &I18n::new(Lang::De));
        assert!(calm.contains("Keine Maßnahme ist überfällig"), "{calm}");
        assert!(!timeline_description(&[], today, &I18n::new(Lang::De)).is_empty());
    }
}
