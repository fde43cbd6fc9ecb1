//! iCalendar (RFC 5545) of due dates and re-evaluation dates: one all-day event each, with stable
//! UIDs so that importing again updates the events instead of duplicating them.

use chrono::{DateTime, NaiveDate, Utc};

use crate::i18n::I18n;
use crate::model::{OwnerId, Roadmap, Status};

/// TEXT escaping: backslash, semicolon, comma, newline; other control characters but tab dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // CR (of CRLF) and other control characters are not allowed in TEXT; tab is.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (continuation lines begin with a space) without splitting a
/// UTF-8 character, and ends every line with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A stable, file-independent identifier for the events of one roadmap: the town's letters and
/// digits (`roadmap` if it has none).
fn slug(text: &str) -> String {
    let slug =
        text.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    if slug.is_empty() { "roadmap".to_owned() } else { slug }
}

/// The UID of an event of a measure: built from its stable identity (the id it keeps when its
/// code is renamed), so it is unique and contains nothing that needs escaping.
fn uid(id: i64, kind: &str, town: &str) -> String {
    format!("measure-{id}-{kind}@{town}.fahrplan")
}

/// The calendar; `stamp` is the `DTSTAMP` of every event (when it was exported), written in UTC
/// as RFC 5545 requires.
pub fn calendar(roadmap: &Roadmap, tr: &I18n, stamp: DateTime<Utc>) -> Vec<u8> {
    write_calendar(roadmap, None, tr, stamp)
}

/// The calendar of one owner: the due and re-evaluation dates of the measures `owner` is
/// responsible for, with the same UIDs as in the whole calendar (a subscribed calendar updates).
pub fn owner_calendar(
    roadmap: &Roadmap,
    owner: OwnerId,
    tr: &I18n,
    stamp: DateTime<Utc>,
) -> Vec<u8> {
    write_calendar(roadmap, Some(owner), tr, stamp)
}

/// The calendar of the measures of `owner` (all when `None`).
fn write_calendar(
    roadmap: &Roadmap,
    owner: Option<OwnerId>,
    tr: &I18n,
    stamp: DateTime<Utc>,
) -> Vec<u8> {
    let mut out = String::new();
    let town = slug(&roadmap.info.town);
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for line in
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fahrplan//Fahrplan//DE", "CALSCALE:GREGORIAN"]
    {
        fold(line, &mut out);
    }
    let name = match owner.and_then(|id| roadmap.owner(id)) {
        Some(o) => format!("{} – {}", roadmap.info.name, o.name),
        None => roadmap.info.name.clone(),
    };
    fold(&format!("X-WR-CALNAME:{}", escape(&name)), &mut out);
    let mut event = |uid: String, date: NaiveDate, summary: String, description: String| {
        let next = date.succ_opt().unwrap_or(date);
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{uid}"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            fold(&line, &mut out);
        }
    };
    let chosen = |m: &&crate::model::Measure| owner.is_none_or(|o| m.owner == Some(o));
    for m in roadmap
        .measures
        .iter()
        .filter(|m| !m.archived && m.status != Status::Cancelled)
        .filter(chosen)
    {
        let owner = roadmap.owner_name(m);
        let description = format!("{}\n{}: {owner}", m.description, tr.t("col-owner"));
        if m.status != Status::Done {
            let summary = tr.f("ics-due", &[("code", &m.code), ("title", &m.title)]);
            event(uid(m.id, "due", &town), m.due, summary, description.clone());
        }
        if let Some(next) = m.next_reevaluation {
            let summary = tr.f("ics-reevaluation", &[("code", &m.code), ("title", &m.title)]);
            event(uid(m.id, "reevaluation", &town), next, summary, description);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::Store;

    /// RFC 5545 TEXT unescaping, one escape at a time.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                },
                (c, false) => out.push(c),
            }
        }
        out
    }

    /// Unfolds and unescapes, as a calendar program would.
    fn parse_events(ics: &str) -> Vec<std::collections::HashMap<String, String>> {
        let unfolded = ics.replace("\r\n ", "");
        let mut events = Vec::new();
        let mut current: Option<std::collections::HashMap<String, String>> = None;
        for line in unfolded.split("\r\n") {
            match line {
                "BEGIN:VEVENT" => current = Some(Default::default()),
                "END:VEVENT" => events.extend(current.take()),
                _ => {
                    if let (Some(event), Some((key, value))) =
                        (current.as_mut(), line.split_once(':'))
                    {
                        event.insert(key.to_owned(), unescape(value));
                    }
                }
            }
        }
        events
    }

    #[test]
    fn codes_that_differ_only_in_case_or_hold_separators_get_their_own_uids() {
        let mut roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
            .unwrap()
            .load_roadmap()
            .unwrap();
        roadmap.measures[9].code = "m10".into();
        roadmap.measures[10].code = "M10".into();
        roadmap.measures[11].code = "M;1\n2,".into();
        let stamp =
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(10, 0, 0).unwrap().and_utc();
        let text = String::from_utf8(calendar(&roadmap, &I18n::new(Lang::De), stamp)).unwrap();
        let events = parse_events(&text);
        let uids: std::collections::HashSet<_> = events.iter().map(|e| e["UID"].clone()).collect();
        assert_eq!(uids.len(), events.len());
        assert!(
            uids.iter().all(|u| u.chars().all(|c| c.is_ascii_alphanumeric() || "-@.".contains(c)))
        );
    }

    #[test]
    fn lines_are_folded_at_75_octets_and_every_text_reads_back() {
        let mut roadmap = Store::in_memory(Some(&crate::app::default_seed(Lang::De).unwrap()))
            .unwrap()
            .load_roadmap()
            .unwrap();
        roadmap.measures[9].title =
            "Ümläüte, Kommas; Semikolons \\ Backslash und eine sehr lange Zeile mit ö ä ü ß € €€€€"
                .into();
        roadmap.measures[9].description = "Zeile 1\nZeile 2, mit Komma".into();
        let stamp =
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(10, 0, 0).unwrap().and_utc();
        let bytes = calendar(&roadmap, &I18n::new(Lang::De), stamp);
        let text = String::from_utf8(bytes.clone()).expect("valid UTF-8");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF line ends");
        let events = parse_events(&text);
        // M10 is unfinished: an event for its due date and one for its next re-evaluation.
        let id = roadmap.measures[9].id;
        let m10: Vec<_> =
            events.iter().filter(|e| e["UID"].starts_with(&format!("measure-{id}-"))).collect();
        assert_eq!(m10.len(), 2);
        let due =
            m10.iter().find(|e| e["UID"] == format!("measure-{id}-due@blumberg.fahrplan")).unwrap();
        assert_eq!(due["DTSTAMP"], "20261127T100000Z");
        assert_eq!(due["SUMMARY"], format!("M10 fällig: {}", roadmap.measures[9].title));
        assert!(due["DESCRIPTION"].starts_with("Zeile 1\nZeile 2, mit Komma"));
        assert_eq!(due["DTSTART;VALUE=DATE"], "20250228");
        // The UIDs are stable: a second export has the same ones.
        let again = parse_events(
            &String::from_utf8(calendar(&roadmap, &I18n::new(Lang::De), stamp)).unwrap(),
        );
        let uids = |es: &[std::collections::HashMap<String, String>]| {
            es.iter().map(|e| e["UID"].clone()).collect::<Vec<_>>()
        };
        assert_eq!(uids(&events), uids(&again));
        let unique: std::collections::HashSet<_> = uids(&events).into_iter().collect();
        assert_eq!(unique.len(), events.len());
        // A measure whose code changes keeps its events: calendars update them, never doubling.
        roadmap.measures[9].code = "IT-10".into();
        let renamed = parse_events(
            &String::from_utf8(calendar(&roadmap, &I18n::new(Lang::De), stamp)).unwrap(),
        );
        assert_eq!(uids(&events), uids(&renamed));
        let due =
            renamed.iter().find(|e| e["UID"] == format!("measure-{id}-due@blumberg.fahrplan"));
        assert!(due.unwrap()["SUMMARY"].starts_with("IT-10 fällig: "), "the new code is shown");
    }

    /// For generated roadmaps with hostile text: valid UTF-8, CRLF only, no line over 75
    /// octets, one event per due date and re-evaluation, each title read back unchanged.
    #[test]
    fn generated_roadmaps_give_valid_calendars() {
        let stamp =
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(10, 0, 0).unwrap().and_utc();
        let tr = I18n::new(Lang::De);
        for seed in 0..80 {
            let mut rng = fastrand::Rng::with_seed(seed);
            let (roadmap, _) = crate::export::testgen::roadmap(&mut rng);
            let text = String::from_utf8(calendar(&roadmap, &tr, stamp)).expect("valid UTF-8");
            for line in text.split("\r\n") {
                assert!(line.len() <= 75, "seed {seed}: {} octets", line.len());
            }
            assert!(!text.replace("\r\n", "").contains(['\n', '\r']), "seed {seed}");
            let events = parse_events(&text);
            let active: Vec<_> = roadmap
                .measures
                .iter()
                .filter(|m| !m.archived && m.status != Status::Cancelled)
                .collect();
            let expected = active.iter().filter(|m| m.status != Status::Done).count()
                + active.iter().filter(|m| m.next_reevaluation.is_some()).count();
            assert_eq!(events.len(), expected, "seed {seed}");
            let uids: std::collections::HashSet<_> = events.iter().map(|e| &e["UID"]).collect();
            assert_eq!(uids.len(), events.len(), "seed {seed}: UIDs are unique");
            assert!(events.iter().all(|e| e["DTSTAMP"].ends_with('Z')), "seed {seed}");
            for m in active.iter().filter(|m| m.status != Status::Done) {
                let uid = uid(m.id, "due", &slug(&roadmap.info.town));
                let event = events.iter().find(|e| e["UID"] == uid).unwrap();
                let title = m.title.replace('\r', "");
                assert_eq!(event["SUMMARY"], format!("{} fällig: {title}", m.code), "seed {seed}");
            }
        }
    }
}
