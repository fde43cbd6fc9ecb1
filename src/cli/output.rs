//! What the commands print: text tables and labelled lines for people, JSON for scripts.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::i18n::I18n;
use crate::model::{Change, Dashboard, Measure, Roadmap, SinceReport, schedule_health};

/// `summary --format json`: the overview's figures, money in cents.
pub(super) fn summary_json(d: &Dashboard, roadmap: &Roadmap) -> Value {
    let figures = |f: &crate::model::Figures| {
        json!({
            "total": f.total,
            "done": f.done,
            "progress": f.progress,
            "planned_one_off_cents": f.planned_one_off.cents(),
            "planned_yearly_cents": f.planned_yearly.cents(),
            "spent_cents": f.spent.cents(),
            "planned_to_date_cents": f.planned_to_date.cents(),
            "deviation_cents": f.deviation().cents(),
            "since": f.since.map(|d| d.format("%Y-%m-%d").to_string()),
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
        "unconfirmed": d.unconfirmed,
        "by_status": d.by_status.iter().map(|(s, n)| (s.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "by_health": d.by_health.iter().map(|(h, n)| (h.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "verdicts_last_12_months": d.verdicts.iter().map(|(v, n)| (v.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "years": d.years.iter().map(|y| json!({"year": y.year, "planned_cents": y.planned.cents(), "spent_cents": y.spent.cents()})).collect::<Vec<_>>(),
        "overruns": d.overruns.iter().map(|o| json!({"code": o.code, "planned_cents": o.planned.cents(), "spent_cents": o.spent.cents()})).collect::<Vec<_>>(),
    })
}

/// `summary`: the figures per horizon as a table, then what is late and due.
pub(super) fn summary_text(d: &Dashboard, roadmap: &Roadmap, tr: &I18n) -> String {
    // Like with like: spent against the plan up to today; the plan's terms follow below.
    let mut rows = vec![
        [
            "col-horizon",
            "summary-done",
            "col-progress",
            "dashboard-planned-to-date",
            "field-spent",
            "money-deviation",
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
            tr.money_whole(f.planned_to_date),
            tr.money_whole(f.spent),
            crate::i18n::money_deviation(tr, f),
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
    let note = crate::i18n::money_terms(tr, &d.total);
    let mut text = format!("{}\n\n{}\n{note}", roadmap.info.name, columns(&rows));
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

/// `changes`: a heading with the counts, then one line per change.
pub(super) fn since_text(report: &SinceReport, since: NaiveDate, tr: &I18n) -> String {
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
            "\n{}  {:<5} {:<14} {}  {}",
            tr.date_time(c.at),
            c.code.as_deref().unwrap_or(""),
            tr.t(&format!("kind-{}", kind.as_str())),
            crate::i18n::change_text(tr, &c.field, c.old.as_deref(), c.new.as_deref()),
            c.comment
        ));
    }
    text
}

/// `changes --format json`: the changes since the date, each with its kind.
pub(super) fn changes_json(report: &SinceReport) -> Value {
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
    Value::Array(entries)
}

/// Pretty-printed JSON.
pub(super) fn to_json(value: &Value) -> String {
    // A `Value` always serialises; were it ever not to, say so rather than print nothing.
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| json!({ "error": e.to_string() }).to_string())
}

/// A measure as JSON; `full` adds every field, its expenses and its re-evaluations.
pub(super) fn measure_json(roadmap: &Roadmap, m: &Measure, today: NaiveDate, full: bool) -> Value {
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
            "funding_source": m.funding_source,
            "funding_share": m.funding_share,
            "funding_cents": m.funding().cents(),
            "staff_days_planned": m.staff_days_planned,
            "staff_days_spent": m.staff_days_spent,
            "notes": m.notes,
            "version": m.version,
            "requirements": roadmap.assessment.requirements_of(&m.code).iter().map(|l| json!({
                "catalog": l.catalog,
                "id": l.requirement,
                "title": roadmap.assessment.catalog(&l.catalog)
                    .and_then(|c| c.requirement(&l.requirement)).map(|n| n.title.clone()),
            })).collect::<Vec<_>>(),
            "expenses": roadmap.expenses.iter().filter(|e| e.code == m.code)
                .map(|e| json!({"date": e.date.to_string(), "amount_cents": e.amount.cents(), "note": e.note}))
                .collect::<Vec<_>>(),
            "reevaluations": roadmap.reevaluations_of(&m.code)
                .map(|r| json!({"date": r.date.to_string(), "verdict": r.verdict.as_str(), "note": r.note, "by": r.by, "confirmed_by": r.confirmed_by, "confirmed_at": r.confirmed_at.map(|d| d.to_string()), "imported": r.imported, "confirmed": r.is_confirmed()}))
                .collect::<Vec<_>>(),
        });
        if let (Value::Object(base), Value::Object(extra)) = (&mut value, extra) {
            base.extend(extra);
        }
    }
    value
}

/// A recorded change as JSON (`history --format json`).
pub(super) fn change_json(c: &Change) -> Value {
    json!({
        "at": c.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "who": c.who,
        "code": c.code,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "comment": c.comment,
        "batch": c.batch,
        "imported": c.imported,
    })
}

/// Lays out rows as columns separated by two spaces, padded by characters.
pub(super) fn columns(rows: &[Vec<String>]) -> String {
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

/// `text`, cut to `max` characters with an ellipsis.
pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// `list`: the measures as a table.
pub(super) fn measures_table(roadmap: &Roadmap, tr: &I18n) -> String {
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

/// `show`: every field of a measure on a labelled line.
pub(super) fn measure_text(roadmap: &Roadmap, m: &Measure, today: NaiveDate, tr: &I18n) -> String {
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

/// `history`: the changes as a table.
pub(super) fn history_table(history: &[Change], tr: &I18n) -> String {
    let mut rows = vec![
        ["col-at", "col-who", "col-code", "col-field", "col-old", "col-new", "col-comment"]
            .iter()
            .map(|k| tr.t(k))
            .collect::<Vec<_>>(),
    ];
    for c in history {
        rows.push(vec![
            tr.date_time(c.at),
            crate::i18n::who_label(tr, c),
            c.code.clone().unwrap_or_default(),
            crate::i18n::field_label(tr, &c.field),
            shorten(&crate::i18n::value_label(tr, &c.field, c.old.as_deref()), 30),
            shorten(&crate::i18n::value_label(tr, &c.field, c.new.as_deref()), 30),
            c.comment.clone(),
        ]);
    }
    columns(&rows)
}
