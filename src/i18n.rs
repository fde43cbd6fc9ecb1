//! German and English: message lookup (Fluent files in `assets/i18n`) and the formats of dates,
//! money and percentages.
//!
//! This module sits beside the model: every layer may use it, it uses no other layer.

use chrono::{NaiveDate, NaiveDateTime};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

pub use crate::model::Lang;
use crate::model::{Money, ValidationError};

/// A value given to a message: text as it is, or a number, which Fluent formats and by which it
/// selects plural forms (`{ $n -> [one] 1 Maßnahme *[other] { $n } Maßnahmen }`).
pub trait Arg {
    /// The value as Fluent takes it.
    fn fluent(&self) -> FluentValue<'_>;
}

impl Arg for str {
    fn fluent(&self) -> FluentValue<'_> {
        FluentValue::from(self)
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn fluent(&self) -> FluentValue<'_> {
        (**self).fluent()
    }
}

impl Arg for String {
    fn fluent(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_str())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn fluent(&self) -> FluentValue<'_> {
                // Counts, days, months and years: far inside f64's exact integers.
                #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
                FluentValue::from(*self as f64)
            }
        }
    )*};
}

number_arg!(u8, u16, u32, u64, usize, i32, i64);

const DE_FTL: &str = include_str!("../assets/i18n/de.ftl");
const EN_FTL: &str = include_str!("../assets/i18n/en.ftl");

/// The messages and formats of one language.
pub struct I18n {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n").field("lang", &self.lang).finish_non_exhaustive()
    }
}

impl I18n {
    /// Loads the messages of `lang`.
    pub fn new(lang: Lang) -> Self {
        let (source, id) = match lang {
            Lang::De => (DE_FTL, "de"),
            Lang::En => (EN_FTL, "en"),
        };
        let id: unic_langid::LanguageIdentifier = id.parse().unwrap_or_default();
        // The message files are compiled in and checked by a test; a syntax error in one entry
        // only loses that entry, which the parity test would report.
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks: they show up as garbage in terminals and CSV files.
        bundle.set_use_isolating(false);
        // Adding can only fail on duplicate ids, which the test of the files rules out.
        let _ = bundle.add_resource(resource);
        Self { lang, bundle }
    }

    /// The language.
    pub const fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `key`; the key itself if there is no such message.
    pub fn t(&self, key: &str) -> String {
        self.f(key, &[])
    }

    /// The message `key` with named arguments (text or numbers); the key itself if there is no
    /// such message. A message that cannot be formatted completely (a missing argument, a
    /// reference to a missing message) is shown as far as it goes and reported on stderr once.
    pub fn f(&self, key: &str, args: &[(&str, &dyn Arg)]) -> String {
        match self.try_f(key, args) {
            Ok(text) => text,
            Err((text, problems)) => {
                report_once(key, &problems);
                text
            }
        }
    }

    /// The message `key` with named arguments, or what could be formatted and the problems.
    pub fn try_f(&self, key: &str, args: &[(&str, &dyn Arg)]) -> Result<String, (String, String)> {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return Err((key.to_owned(), format!("no message {key}")));
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.fluent());
        }
        let mut errors = Vec::new();
        let text =
            self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            let problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err((text, problems.join("; ")))
        }
    }

    /// Whether a message exists.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// A calendar date: `27.11.2026` or `27 Nov 2026`.
    pub fn date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::De => date.format("%d.%m.%Y").to_string(),
            Lang::En => date.format("%-d %b %Y").to_string(),
        }
    }

    /// A date as the user types it: `31.12.2026` in German, ISO `2026-12-31` in English (both
    /// are accepted by [`parse_date`] in either language).
    pub fn input_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::De => date.format("%d.%m.%Y").to_string(),
            Lang::En => date.to_string(),
        }
    }

    /// An optional date, with a dash for none.
    pub fn opt_date(&self, date: Option<NaiveDate>) -> String {
        date.map_or_else(|| "–".to_owned(), |d| self.date(d))
    }

    /// A date and time to the minute: `27.11.2026 14:05` or `27 Nov 2026 14:05`.
    pub fn date_time(&self, at: NaiveDateTime) -> String {
        format!("{} {}", self.date(at.date()), at.format("%H:%M"))
    }

    /// A file size: `812 Bytes`, `300,0 KB`, `25,0 MB` (`300.0 KB` in English); 1 KB = 1024 bytes.
    pub fn size(&self, bytes: u64) -> String {
        #[allow(clippy::cast_precision_loss)]
        let b = bytes as f64;
        let (value, unit) = if bytes < 1024 {
            return match self.lang {
                Lang::De => format!("{bytes} Bytes"),
                Lang::En => format!("{bytes} bytes"),
            };
        } else if bytes < 1024 * 1024 {
            (b / 1024.0, "KB")
        } else if bytes < 1024 * 1024 * 1024 {
            (b / (1024.0 * 1024.0), "MB")
        } else {
            (b / (1024.0 * 1024.0 * 1024.0), "GB")
        };
        let text = format!("{value:.1} {unit}");
        match self.lang {
            Lang::De => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// Money with cents: `1.234,56 €` or `€1,234.56`.
    pub fn money(&self, money: Money) -> String {
        self.format_money(money, true)
    }

    /// Money in whole euros (rounded), for figures and charts: `213.000 €` or `€213,000`.
    pub fn money_whole(&self, money: Money) -> String {
        self.format_money(money, false)
    }

    fn format_money(&self, money: Money, with_cents: bool) -> String {
        let (thousands, decimal) = match self.lang {
            Lang::De => ('.', ','),
            Lang::En => (',', '.'),
        };
        let cents = money.cents();
        let negative = cents < 0;
        let abs = cents.unsigned_abs();
        let (euros, rest) =
            if with_cents { (abs / 100, abs % 100) } else { (abs.saturating_add(50) / 100, 0) };
        let mut number = group_thousands(euros, thousands);
        if with_cents {
            number.push(decimal);
            number.push_str(&format!("{rest:02}"));
        }
        // An amount that rounds to zero has no sign: "0 €", never "-0 €".
        let sign = if negative && (euros, rest) != (0, 0) { "-" } else { "" };
        match self.lang {
            Lang::De => format!("{sign}{number} €"),
            Lang::En => format!("{sign}€{number}"),
        }
    }

    /// The abbreviated name of month `month` (1–12): `Mär`, `Mar`.
    pub fn month_short(&self, month: u32) -> &'static str {
        const DE: [&str; 12] =
            ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];
        const EN: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let names = match self.lang {
            Lang::De => &DE,
            Lang::En => &EN,
        };
        names[(month.clamp(1, 12) - 1) as usize]
    }

    /// A percentage: `45 %` (German, with a space) or `45%`.
    pub fn percent(&self, value: u8) -> String {
        match self.lang {
            Lang::De => format!("{value} %"),
            Lang::En => format!("{value}%"),
        }
    }
}

/// Reports a message that could not be formatted, once per message key and process: a mistake in
/// the message files or in the code that calls them, which the tests look for.
fn report_once(key: &str, problems: &str) {
    static REPORTED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let Ok(mut reported) = REPORTED.lock() else { return };
    if reported.iter().any(|k| k == key) {
        return;
    }
    reported.push(key.to_owned());
    eprintln!("fahrplan: message {key}: {problems}");
}

/// The words for the domain's refusals live here, not in the model (the model has no words).
impl ValidationError {
    /// The message for the user, in the language of `tr`.
    pub fn localize(&self, tr: &I18n) -> String {
        match self {
            Self::EmptyCode => tr.t("invalid-empty-code"),
            Self::EmptyTitle => tr.t("invalid-empty-title"),
            Self::DuplicateCode(code) => tr.f("invalid-duplicate-code", &[("code", code)]),
            Self::DueBeforeStart { start, due } => tr.f(
                "invalid-due-before-start",
                &[("start", &tr.date(*start)), ("due", &tr.date(*due))],
            ),
            Self::ProgressOutOfRange(p) => tr.f("invalid-progress", &[("value", p)]),
            Self::UnknownOwner(_) => tr.t("invalid-unknown-owner"),
            Self::UnknownDependency(code) => tr.f("invalid-unknown-dependency", &[("code", code)]),
            Self::DependencyCycle(cycle) => tr.f("invalid-cycle", &[("cycle", &cycle.join(" → "))]),
            Self::NegativeMoney => tr.t("invalid-negative-money"),
            Self::ZeroAmount => tr.t("invalid-zero-amount"),
            Self::AmountTooLarge(amount) => tr.f(
                "invalid-amount-too-large",
                &[("value", &tr.money(*amount)), ("max", &tr.money(crate::model::MAX_AMOUNT))],
            ),
            Self::IntervalOutOfRange(m) => tr.f("invalid-interval", &[("value", m)]),
            Self::FundingShareOutOfRange(p) => tr.f("invalid-funding-share", &[("value", p)]),
            Self::TooLong { field, len, max } => tr.f(
                "invalid-too-long",
                &[("field", &field_label(tr, field)), ("len", len), ("max", max)],
            ),
            Self::DateOutOfRange { date, .. } => {
                tr.f("invalid-date-range", &[("value", &date.format("%Y-%m-%d").to_string())])
            }
        }
    }
}

fn group_thousands(mut value: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        groups.push(value % 1000);
        value /= 1000;
        if value == 0 {
            break;
        }
    }
    let mut out = String::new();
    for (i, group) in groups.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&group.to_string());
        } else {
            out.push(separator);
            out.push_str(&format!("{group:03}"));
        }
    }
    out
}

/// An amount with its sign (`+35.000 €`, `−1.000 €`), whole euros; no sign for nothing.
pub fn signed_money(tr: &I18n, money: Money) -> String {
    match money.cents().signum() {
        1 => format!("+{}", tr.money_whole(money)),
        -1 => format!("−{}", tr.money_whole(Money::ZERO.saturating_sub(money))),
        _ => tr.money_whole(money),
    }
}

/// How far spending is from the plan to date: `+1.234 € (+5 %)`, `−600 € (−5 %)`; without a
/// percentage while nothing is planned to date.
pub fn money_deviation(tr: &I18n, f: &crate::model::Figures) -> String {
    let amount = signed_money(tr, f.deviation());
    match f.deviation_percent() {
        Some(p) => {
            let sign = match p.signum() {
                1 => "+",
                -1 => "−",
                _ => "",
            };
            let n = p.unsigned_abs();
            let percent = match tr.lang {
                Lang::De => format!("{sign}{n} %"),
                Lang::En => format!("{sign}{n}%"),
            };
            format!("{amount} ({percent})")
        }
        None => amount,
    }
}

/// The period and the plan's terms under a comparison of money, one line:
/// `seit 03/2023 · Plan: 49.000 € einmalig · 197.000 € jährlich`.
pub fn money_terms(tr: &I18n, f: &crate::model::Figures) -> String {
    let terms = tr.f(
        "money-plan-terms",
        &[
            ("one_off", &tr.money_whole(f.planned_one_off)),
            ("yearly", &tr.money_whole(f.planned_yearly)),
        ],
    );
    let since = money_since(tr, f.since);
    if since.is_empty() { terms } else { format!("{since} · {terms}") }
}

/// The period money figures cover: `seit 03/2023`, `since 03/2023`; empty without a start.
pub fn money_since(tr: &I18n, since: Option<NaiveDate>) -> String {
    since.map_or_else(String::new, |d| {
        tr.f("money-since", &[("month", &d.format("%m/%Y").to_string())])
    })
}

/// What moved for a measure since the baseline, in words: "fällig 487 Tage später;
/// Einmalkosten +35.000 €; Förderung", "neu seit dem Beschluss", "seit dem Beschluss entfallen".
pub fn deviation_text(tr: &I18n, m: &crate::model::Deviation) -> String {
    use crate::model::DeviationKind;
    match m.change {
        DeviationKind::Added => tr.t("deviation-added"),
        DeviationKind::Removed => tr.t("deviation-removed"),
        DeviationKind::Changed => {
            let mut parts = Vec::new();
            if let Some(days) = m.slip_days().filter(|d| *d != 0) {
                parts.push(slip_text(tr, days));
            }
            let delta = m.one_off_delta();
            if delta != Money::ZERO {
                parts.push(tr.f("deviation-one-off", &[("delta", &signed_money(tr, delta))]));
            }
            let others: Vec<String> = m
                .fields
                .iter()
                .filter(|f| !matches!(**f, "due" | "planned_one_off"))
                .map(|f| tr.t(&format!("deviation-field-{f}")))
                .collect();
            if !others.is_empty() {
                parts.push(others.join(", "));
            }
            parts.join("; ")
        }
    }
}

/// How far a due date moved: "fällig 30 Tage später" or "fällig 30 Tage früher".
pub fn slip_text(tr: &I18n, days: i64) -> String {
    let key = if days < 0 { "deviation-slip-earlier" } else { "deviation-slip-later" };
    tr.f(key, &[("days", &days.unsigned_abs())])
}

/// The name of a history field in the UI language (the raw name for unknown fields).
pub fn field_label(tr: &I18n, field: &str) -> String {
    let key = format!("hfield-{field}");
    if tr.has(&key) { tr.t(&key) } else { field.to_owned() }
}

/// A history value as the user reads it: status and horizon words, dates and money in the UI's
/// format; other values as they are.
pub fn value_label(tr: &I18n, field: &str, value: Option<&str>) -> String {
    let Some(value) = value else { return "–".to_owned() };
    let date = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").map(|d| tr.date(d)).ok();
    let money = |v: &str| v.parse::<i64>().ok().map(|c| tr.money(Money(c)));
    let word = |prefix: &str| {
        let key = format!("{prefix}-{value}");
        tr.has(&key).then(|| tr.t(&key))
    };
    let shown = match field {
        "status" => word("status"),
        "horizon" => word("horizon"),
        "reevaluation" => word("verdict"),
        "progress" => value.parse::<u8>().ok().map(|p| tr.percent(p)),
        "start" | "due" | "completed" | "next_reevaluation" => date(value),
        "planned_one_off_cents" | "planned_yearly_cents" | "expense" => money(value),
        "archived" => Some(tr.t(if value == "true" { "yes" } else { "no" })),
        // "2026-11-27 Gemeinderat": the day in the UI's format, the title as it is.
        // "VdS 3473 12: met" → "VdS 3473 12: erfüllt".
        "assessment-result" => value.rsplit_once(": ").and_then(|(what, slug)| {
            let key = format!("outcome-{slug}");
            tr.has(&key).then(|| format!("{what}: {}", tr.t(&key)))
        }),
        "meeting-added" | "meeting-deleted" | "baseline-added" | "baseline-deleted" => {
            value.split_once(' ').and_then(|(day, title)| date(day).map(|d| format!("{d} {title}")))
        }
        _ => None,
    };
    shown.unwrap_or_else(|| value.to_owned())
}

/// Rows that cannot be read, in the UI's words (German: "Maßnahme M12: Fällig „kaputt“; …").
pub fn unreadable_text(tr: &I18n, rows: &[crate::model::UnreadableRow]) -> String {
    // The first five; a banner never fills the window.
    let mut named: Vec<String> = rows
        .iter()
        .take(5)
        .map(|r| {
            let what = tr.f(&format!("unreadable-kind-{}", r.kind), &[("name", &r.name)]);
            match &r.field {
                Some(field) => {
                    let value = r.value.clone().unwrap_or_else(|| "–".to_owned());
                    let field = field_label(tr, field);
                    tr.f(
                        "unreadable-field",
                        &[("what", &what), ("field", &field), ("value", &value)],
                    )
                }
                None => what,
            }
        })
        .collect();
    if rows.len() > 5 {
        named.push(tr.f("unreadable-more", &[("n", &(rows.len() - 5))]));
    }
    tr.f("unreadable-rows", &[("n", &rows.len()), ("rows", &named.join("; "))])
}

/// Who made a change, as shown: "(importiert)" after a name that came from a file.
pub fn who_label(tr: &I18n, c: &crate::model::Change) -> String {
    if c.imported { format!("{} ({})", c.who, tr.t("history-imported")) } else { c.who.clone() }
}

/// A history row's change as the user reads it: an expense as what was booked
/// (`+1.234,56 € gebucht`) or cancelled (`−1.234,56 € storniert`), never as a value that changed
/// from nothing; a replacement of the whole roadmap as the file it came from; any other field
/// `old → new` in the UI's words and formats.
pub fn change_text(tr: &I18n, field: &str, old: Option<&str>, new: Option<&str>) -> String {
    if field.starts_with("replaced-") {
        return value_label(tr, field, new);
    }
    let amount = |v: &str| v.parse::<i64>().ok().map(|c| tr.money(Money(c.saturating_abs())));
    if field == "expense" {
        match (old, new) {
            (None, Some(n)) => {
                if let Some(a) = amount(n) {
                    return tr.f("change-booked", &[("amount", &a)]);
                }
            }
            (Some(o), None) => {
                if let Some(a) = amount(o) {
                    return tr.f("change-unbooked", &[("amount", &a)]);
                }
            }
            _ => {}
        }
    }
    // A record added or removed (the field's name says so): what it is, not "– → …". A value
    // cleared keeps its arrow ("01.03.2026 → –"): it was there and is gone.
    let added = field == "created" || field.ends_with("-added");
    let removed = field == "deleted" || field.ends_with("-deleted");
    match (old, new) {
        (None, Some(_)) if added => value_label(tr, field, new),
        (Some(_), None) if removed => value_label(tr, field, old),
        _ => format!("{} → {}", value_label(tr, field, old), value_label(tr, field, new)),
    }
}

/// Parses a date as ISO (`2026-12-31`) or German (`31.12.2026`, two-digit years are refused).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
        .filter(|d| crate::model::date_in_range(*d))
}

/// Parses an amount of euros: `1234.56`, `1.234,56`, `12.500` (German thousands), `12.500,00 €`,
/// `€1,234.56`. A comma decides: with one, `.` groups thousands and `,` is the decimal mark;
/// without one, dots group thousands only where `lang` is German and every group has three digits.
/// More than two decimals, letters or an empty text are refused.
pub fn parse_money(text: &str, lang: Lang) -> Option<Money> {
    let cleaned: String =
        text.trim().chars().filter(|c| !matches!(c, '€' | ' ' | '\u{a0}')).collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let groups_of_three = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let (whole, fraction) = if lang == Lang::De && digits.contains(',') {
        let (w, f) = digits.rsplit_once(',')?;
        if w.contains('.') && !groups_of_three(w, '.') {
            return None;
        }
        (w.replace('.', ""), f.to_owned())
    } else if lang == Lang::En && digits.contains(',') {
        let (w, f) = digits.rsplit_once('.').unwrap_or((digits, ""));
        if !groups_of_three(w, ',') {
            return None;
        }
        (w.replace(',', ""), f.to_owned())
    } else if digits.matches('.').count() > 1
        || (lang == Lang::De && groups_of_three(digits, '.') && digits.contains('.'))
    {
        if !groups_of_three(digits, '.') {
            return None;
        }
        (digits.replace('.', ""), String::new())
    } else {
        let (w, f) = digits.split_once('.').unwrap_or((digits, ""));
        (w.to_owned(), f.to_owned())
    };
    if whole.is_empty()
        || fraction.len() > 2
        || fraction.contains(['.', ','])
        || whole.contains(['.', ','])
    {
        return None;
    }
    let euros: i64 = whole.parse().ok()?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    let total = euros.checked_mul(100)?.checked_add(cents)?;
    Some(Money(if negative { -total } else { total }))
}

/// The degree of each catalogue with its change since the first round, one per line.
pub fn degrees_text(tr: &I18n, f: &crate::model::TownFigures) -> String {
    f.degrees
        .iter()
        .filter_map(|d| {
            let latest = tr.percent(d.latest?);
            Some(match d.change() {
                Some(change) => tr.f(
                    "overview-degree-change",
                    &[
                        ("catalog", &d.catalog),
                        ("latest", &latest),
                        ("change", &signed_points(change)),
                    ],
                ),
                None => tr.f("overview-degree", &[("catalog", &d.catalog), ("latest", &latest)]),
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A change in points with its sign (`+18`, `−4`, `±0`).
pub fn signed_points(change: i16) -> String {
    match change {
        0 => "±0".to_owned(),
        c if c > 0 => format!("+{c}"),
        c => format!("−{}", c.unsigned_abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_clerk_expects() {
        let (de, en) = (I18n::new(Lang::De), I18n::new(Lang::En));
        assert_eq!(de.size(812), "812 Bytes");
        assert_eq!(de.size(300 * 1024), "300,0 KB");
        assert_eq!(en.size(300 * 1024), "300.0 KB");
        assert_eq!(de.size(25 * 1024 * 1024), "25,0 MB");
        assert_eq!(en.size(1536 * 1024 * 1024), "1.5 GB");
    }

    #[test]
    fn parses_money_as_officials_type_it() {
        let de = |t| parse_money(t, Lang::De);
        let en = |t| parse_money(t, Lang::En);
        assert_eq!(de("1.234,56"), Some(Money(123_456)));
        assert_eq!(de("1.500,00"), Some(Money(150_000)));
        assert_eq!(de("12.500"), Some(Money(1_250_000)));
        assert_eq!(de("12.500,00 €"), Some(Money(1_250_000)));
        assert_eq!(de("1234.56"), Some(Money(123_456)));
        assert_eq!(de("0,5"), Some(Money(50)));
        assert_eq!(de("-20"), Some(Money(-2000)));
        assert_eq!(en("1234.56"), Some(Money(123_456)));
        assert_eq!(en("€1,234.56"), Some(Money(123_456)));
        assert_eq!(en("1.5"), Some(Money(150)));
        assert_eq!(en("1.500"), None, "three decimals");
        assert_eq!(en("1,500"), Some(Money(150_000)));
        for bad in ["", "abc", "1,2,3", "1.23.4", "12,345", "1.2345", "1e5", "--5", "1.234,5,6"] {
            assert_eq!(de(bad), None, "{bad}");
        }
        assert_eq!(en("1.234,56"), None);
        assert_eq!(de("99999999999999999999"), None);
    }

    fn keys(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent syntax");
        let mut keys: Vec<String> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        keys.sort();
        keys
    }

    /// The variables a message uses (`$n`, `$code`, …), from its syntax tree.
    fn variables(source: &str, key: &str) -> Vec<String> {
        use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
        fn walk(pattern: &Pattern<&str>, out: &mut Vec<String>) {
            for element in &pattern.elements {
                let PatternElement::Placeable { expression } = element else { continue };
                let (inline, variants) = match expression {
                    Expression::Inline(inline) => (inline, None),
                    Expression::Select { selector, variants } => (selector, Some(variants)),
                };
                if let InlineExpression::VariableReference { id } = inline {
                    out.push(id.name.to_owned());
                }
                for v in variants.into_iter().flatten() {
                    walk(&v.value, out);
                }
            }
        }
        let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent syntax");
        let mut out = Vec::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry
                && m.id.name == key
                && let Some(pattern) = &m.value
            {
                walk(pattern, &mut out);
            }
        }
        out
    }

    /// Every message of both languages formats without a Fluent error when given its variables,
    /// as numbers (selecting plural forms) and as text.
    #[test]
    fn every_message_formats_with_its_variables() {
        for (lang, source) in [(Lang::De, DE_FTL), (Lang::En, EN_FTL)] {
            let tr = I18n::new(lang);
            for key in keys(source) {
                let names = variables(source, &key);
                let (number, text) = (3_usize, "Wert".to_owned());
                for as_number in [true, false] {
                    let value: &dyn Arg = if as_number { &number } else { &text };
                    let args: Vec<(&str, &dyn Arg)> =
                        names.iter().map(|n| (n.as_str(), value)).collect();
                    let formatted = tr.try_f(&key, &args);
                    assert!(formatted.is_ok(), "{lang:?} {key}: {formatted:?}");
                    assert!(
                        !formatted.unwrap().contains('{'),
                        "{lang:?} {key}: unresolved placeable"
                    );
                }
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let (de, en) = (keys(DE_FTL), keys(EN_FTL));
        let missing_en: Vec<_> = de.iter().filter(|k| !en.contains(k)).collect();
        let missing_de: Vec<_> = en.iter().filter(|k| !de.contains(k)).collect();
        assert!(
            missing_en.is_empty() && missing_de.is_empty(),
            "en lacks {missing_en:?}, de lacks {missing_de:?}"
        );
        let mut dedup = de.clone();
        dedup.dedup();
        assert_eq!(dedup, de, "duplicate keys in de.ftl");
    }

    #[test]
    fn messages_take_arguments() {
        let de = I18n::new(Lang::De);
        assert_eq!(de.f("cli-unknown-code", &[("code", &"M99")]), "Es gibt keine Maßnahme M99.");
        let en = I18n::new(Lang::En);
        assert_eq!(en.f("cli-unknown-code", &[("code", &"M99")]), "There is no measure M99.");
        assert_eq!(en.t("no-such-key"), "no-such-key");
    }

    #[test]
    fn dates_and_money_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 7).unwrap();
        let (de, en) = (I18n::new(Lang::De), I18n::new(Lang::En));
        assert_eq!(de.date(d), "07.11.2026");
        assert_eq!(en.date(d), "7 Nov 2026");
        assert_eq!(de.money(Money(123_456)), "1.234,56 €");
        assert_eq!(en.money(Money(123_456)), "€1,234.56");
        assert_eq!(de.money(Money(5)), "0,05 €");
        assert_eq!(de.money(Money(-100_000_000)), "-1.000.000,00 €");
        assert_eq!(de.money_whole(Money::euros(213_000)), "213.000 €");
        assert_eq!(en.money_whole(Money(99_950)), "€1,000");
        assert_eq!(de.money(Money(i64::MIN)), "-92.233.720.368.547.758,08 €");
        assert_eq!(de.percent(45), "45 %");
        assert_eq!(de.money_whole(Money(-30)), "0 €");
        assert_eq!(en.money_whole(Money(-49)), "€0");
        assert_eq!(de.money_whole(Money(-50)), "-1 €");
        assert_eq!(de.money(Money(-1)), "-0,01 €");
    }

    #[test]
    fn counts_select_the_plural_form() {
        let (de, en) = (I18n::new(Lang::De), I18n::new(Lang::En));
        assert_eq!(de.f("measures-count", &[("n", &1_usize)]), "1 Maßnahme");
        assert_eq!(de.f("measures-count", &[("n", &2_usize)]), "2 Maßnahmen");
        assert_eq!(de.f("measures-count", &[("n", &0_usize)]), "0 Maßnahmen");
        assert_eq!(de.f("history-count", &[("n", &1_usize)]), "1 Eintrag");
        assert_eq!(de.f("history-count", &[("n", &12_usize)]), "12 Einträge");
        assert_eq!(en.f("measures-count", &[("n", &1_usize)]), "1 measure");
        assert_eq!(en.f("history-count", &[("n", &3_usize)]), "3 entries");
    }

    #[test]
    fn a_message_missing_an_argument_is_reported() {
        let de = I18n::new(Lang::De);
        let (text, problem) = de.try_f("cli-unknown-code", &[]).unwrap_err();
        assert!(text.contains("Maßnahme"), "{text}");
        assert!(problem.contains("code"), "{problem}");
        assert!(de.try_f("cli-unknown-code", &[("code", &"M01")]).is_ok());
        assert!(de.try_f("no-such-key", &[]).is_err());
    }

    #[test]
    fn parses_iso_and_german_dates_only() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31);
        assert_eq!(parse_date("2026-12-31"), d);
        assert_eq!(parse_date(" 31.12.2026 "), d);
        assert_eq!(parse_date("31.13.2026"), None);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("12/31/2026"), None);
        assert_eq!(parse_date("31.12.0026"), None);
    }
}
