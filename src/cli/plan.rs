//! The plan and its money: `edit` (plan fields), `baseline`, `deviations` and `finance`.

use chrono::Datelike;
use serde_json::{Value, json};

use super::commands::{date_arg, existing};
use super::output::to_json;
use super::{
    Context, EditArgs, Failure, FinanceFormat, TableFormat, TextFormat, open, open_for_writing, out,
};
use crate::i18n::{I18n, parse_money};
use crate::model::{
    Baseline, BaselineMeasure, Deviation, DeviationKind, Deviations, FinancePlan, Measure, Money,
    Roadmap, finance_plan,
};

/// `edit`: the given plan fields of one measure, in one change.
pub(super) fn edit(cx: &Context, args: &EditArgs) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let mut store = open_for_writing(db, tr)?;
    let current = existing(store.as_ref(), &args.code, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let wanted = edited(&current, args, &roadmap, tr)?;
    if wanted == current {
        out(&tr.f("cli-edit-nothing", &[("code", &current.code)]));
        return Ok(());
    }
    let after = store
        .update_measure(&args.code, Some(current.version), &args.comment, &|_| wanted.clone())
        .map_err(|e| Failure::store(&e, tr))?;
    let changed = crate::model::diff_measures(&current, &after);
    let fields: Vec<&str> = changed.iter().map(|c| c.field).collect();
    out(&tr.f("cli-edited", &[("code", &after.code), ("fields", &fields.join(", "))]));
    Ok(())
}

/// `current` with the fields of `args` set; every value checked, nothing written.
fn edited(
    current: &Measure,
    args: &EditArgs,
    roadmap: &Roadmap,
    tr: &I18n,
) -> Result<Measure, Failure> {
    let bad = |key: &str, value: &str| Failure::Input(tr.f(key, &[("value", &value)]));
    let date = |text: &str| date_arg(Some(text), current.start, tr);
    let money = |text: &str| {
        parse_money(text, tr.lang())
            .filter(|m| *m >= Money::ZERO)
            .ok_or_else(|| bad("cli-bad-amount", text))
    };
    let whole = |text: &str, max: u32| {
        text.trim()
            .trim_end_matches('%')
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| bad("cli-bad-number", text))
    };
    let mut m = current.clone();
    if let Some(title) = &args.title {
        title.trim().clone_into(&mut m.title);
    }
    if let Some(start) = &args.start {
        m.start = date(start)?;
    }
    if let Some(due) = &args.due {
        m.due = date(due)?;
    }
    if let Some(owner) = &args.owner {
        m.owner = if owner.trim().is_empty() {
            None
        } else {
            let found = roadmap.owners.iter().find(|o| o.name == owner.trim());
            Some(found.map(|o| o.id).ok_or_else(|| bad("cli-unknown-owner", owner))?)
        };
    }
    if let Some(amount) = &args.planned_one_off {
        m.planned_one_off = money(amount)?;
    }
    if let Some(amount) = &args.planned_yearly {
        m.planned_yearly = money(amount)?;
    }
    if let Some(months) = &args.interval {
        let months = whole(months, 120)?;
        m.reevaluation_interval_months = (months > 0).then_some(months);
    }
    if let Some(source) = &args.funding_source {
        source.trim().clone_into(&mut m.funding_source);
    }
    if let Some(share) = &args.funding_share {
        m.funding_share =
            u8::try_from(whole(share, 100)?).map_err(|_| bad("cli-bad-number", share))?;
    }
    if let Some(days) = &args.staff_days_planned {
        m.staff_days_planned = whole(days, 100_000)?;
    }
    if let Some(days) = &args.staff_days_spent {
        m.staff_days_spent = whole(days, 100_000)?;
    }
    crate::model::validate_measure(&m, roadmap)
        .map_err(|e| Failure::Input(format!("{}: {}", m.code, e.localize(tr))))?;
    Ok(m)
}

/// `baseline add`: the current plan frozen.
pub(super) fn baseline_add(cx: &Context, title: &str, date: Option<&str>) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let date = date_arg(date, today, tr)?;
    let mut store = open_for_writing(db, tr)?;
    let baseline = store.add_baseline(title, date).map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f(
        "cli-baseline-added",
        &[
            ("title", &baseline.title),
            ("date", &tr.date(baseline.date)),
            ("count", &baseline.measures.len()),
        ],
    ));
    Ok(())
}

/// `baseline list`.
pub(super) fn baseline_list(cx: &Context, format: TableFormat) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    match format {
        TableFormat::Json => {
            let list: Vec<Value> = roadmap
                .baselines
                .iter()
                .map(|b| json!({"title": b.title, "date": b.date, "measures": b.measures.len()}))
                .collect();
            out(&to_json(&Value::Array(list)));
        }
        TableFormat::Table => {
            for b in &roadmap.baselines {
                let count = tr.f("cli-baseline-measures", &[("count", &b.measures.len())]);
                out(&format!("{}  {}  ({count})", tr.date(b.date), b.title));
            }
        }
    }
    Ok(())
}

/// The baseline titled `title`, or the latest one.
fn chosen<'r>(
    roadmap: &'r Roadmap,
    title: Option<&str>,
    tr: &I18n,
) -> Result<&'r Baseline, Failure> {
    match title {
        Some(title) => roadmap
            .baselines
            .iter()
            .find(|b| b.title == title.trim())
            .ok_or_else(|| Failure::Input(tr.f("cli-unknown-baseline", &[("title", &title)]))),
        None => roadmap
            .baselines
            .iter()
            .max_by_key(|b| (b.date, b.id))
            .ok_or_else(|| Failure::Input(tr.t("cli-no-baseline"))),
    }
}

/// `deviations`: what differs from a baseline now.
pub(super) fn deviations(
    cx: &Context,
    title: Option<&str>,
    format: TextFormat,
) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let report = crate::model::deviations(chosen(&roadmap, title, tr)?, &roadmap);
    match format {
        TextFormat::Json => out(&to_json(&deviations_json(&report))),
        TextFormat::Text => out(&deviations_text(&report, tr)),
    }
    Ok(())
}

/// The JSON of `deviations` (the contract of issue 16).
pub(super) fn deviations_json(d: &Deviations) -> Value {
    let cents =
        |m: Option<&BaselineMeasure>, f: fn(&BaselineMeasure) -> Money| m.map(|m| f(m).cents());
    let measures: Vec<Value> = d
        .measures
        .iter()
        .map(|m: &Deviation| {
            let (then, now) = (m.then.as_ref(), m.now.as_ref());
            json!({
                "code": m.code,
                "title": m.title,
                "change": m.change,
                "fields": m.fields,
                "due_baseline": then.map(|t| t.due),
                "due": now.map(|n| n.due),
                "slip_days": m.slip_days(),
                "start_baseline": then.map(|t| t.start),
                "start": now.map(|n| n.start),
                "planned_one_off_baseline_cents": cents(then, |x| x.planned_one_off),
                "planned_one_off_cents": cents(now, |x| x.planned_one_off),
                "planned_yearly_baseline_cents": cents(then, |x| x.planned_yearly),
                "planned_yearly_cents": cents(now, |x| x.planned_yearly),
                "horizon_baseline": then.map(|t| t.horizon.as_str()),
                "horizon": now.map(|n| n.horizon.as_str()),
                "owner_baseline": then.and_then(|t| t.owner.clone()),
                "owner": now.and_then(|n| n.owner.clone()),
                "funding_share_baseline": then.map(|t| t.funding_share),
                "funding_share": now.map(|n| n.funding_share),
                "staff_days_planned_baseline": then.map(|t| t.staff_days_planned),
                "staff_days_planned": now.map(|n| n.staff_days_planned),
                "status_baseline": then.map(|t| t.status.as_str()),
                "status": now.map(|n| n.status.as_str()),
            })
        })
        .collect();
    let t = &d.totals;
    json!({
        "baseline": {"title": d.title, "date": d.date},
        "measures": measures,
        "totals": {
            "planned_one_off_baseline_cents": t.planned_one_off_baseline.cents(),
            "planned_one_off_cents": t.planned_one_off.cents(),
            "planned_yearly_baseline_cents": t.planned_yearly_baseline.cents(),
            "planned_yearly_cents": t.planned_yearly.cents(),
        },
    })
}

/// `deviations` for people: one line per measure, then the totals.
fn deviations_text(d: &Deviations, tr: &I18n) -> String {
    let mut lines =
        vec![tr.f("cli-deviations-title", &[("title", &d.title), ("date", &tr.date(d.date))])];
    if d.measures.is_empty() {
        lines.push(tr.t("cli-deviations-none"));
    }
    for m in &d.measures {
        let what = match m.change {
            DeviationKind::Added => tr.t("deviation-added"),
            DeviationKind::Removed => tr.t("deviation-removed"),
            DeviationKind::Changed => {
                let mut parts = Vec::new();
                if let (Some(days), Some(then), Some(now)) = (m.slip_days(), &m.then, &m.now)
                    && days != 0
                {
                    parts.push(tr.f(
                        "deviation-due",
                        &[("old", &tr.date(then.due)), ("new", &tr.date(now.due)), ("days", &days)],
                    ));
                }
                let delta = m.one_off_delta();
                if delta != Money::ZERO {
                    parts.push(tr.f(
                        "deviation-one-off",
                        &[("delta", &crate::i18n::signed_money(tr, delta))],
                    ));
                }
                let others: Vec<&str> = m
                    .fields
                    .iter()
                    .copied()
                    .filter(|f| !matches!(*f, "due" | "planned_one_off"))
                    .collect();
                if !others.is_empty() {
                    parts.push(tr.f("deviation-fields", &[("fields", &others.join(", "))]));
                }
                parts.join("; ")
            }
        };
        lines.push(format!("  {}  {}: {what}", m.code, m.title));
    }
    let t = &d.totals;
    lines.push(tr.f(
        "cli-deviations-totals",
        &[
            ("old", &tr.money(t.planned_one_off_baseline)),
            ("new", &tr.money(t.planned_one_off)),
            ("old_yearly", &tr.money(t.planned_yearly_baseline)),
            ("new_yearly", &tr.money(t.planned_yearly)),
        ],
    ));
    lines.join("\n")
}

/// `finance`: the multi-year financial plan.
pub(super) fn finance(
    cx: &Context,
    from: Option<i32>,
    years: u32,
    format: FinanceFormat,
    delimiter: Option<char>,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let store = open(db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let plan = finance_plan(&roadmap, from.unwrap_or_else(|| today.year()), years, today);
    match format {
        FinanceFormat::Json => out(&to_json(&finance_json(&plan))),
        FinanceFormat::Text => out(&finance_text(&plan, tr)),
        FinanceFormat::Csv => {
            let delimiter =
                delimiter.unwrap_or_else(|| crate::export::default_delimiter(tr.lang()));
            let bytes = crate::export::finance_csv(&plan, tr, delimiter);
            out(String::from_utf8_lossy(&bytes).trim_end());
        }
    }
    Ok(())
}

fn year_json(y: &crate::model::FinanceYear) -> Value {
    json!({
        "year": y.year,
        "one_off_cents": y.one_off.cents(),
        "running_cents": y.running.cents(),
        "funding_cents": y.funding.cents(),
        "own_share_cents": y.own_share.cents(),
        "staff_days": y.staff_days,
    })
}

/// The JSON of `finance`: `years` (the totals) and `measures` (each with its `years`).
fn finance_json(plan: &FinancePlan) -> Value {
    let measures: Vec<Value> = plan
        .lines
        .iter()
        .map(|l| {
            json!({
                "code": l.code,
                "title": l.title,
                "horizon": l.horizon.as_str(),
                "funding_source": l.funding_source,
                "years": l.years.iter().map(year_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "years": plan.years.iter().map(year_json).collect::<Vec<_>>(),
        "measures": measures,
    })
}

/// `finance` for people: the years as columns, the figures as rows.
fn finance_text(plan: &FinancePlan, tr: &I18n) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header = vec![String::new()];
    header.extend(plan.years.iter().map(|y| y.year.to_string()));
    rows.push(header);
    type Figure = fn(&crate::model::FinanceYear) -> Money;
    let figures: [(&str, Figure); 4] = [
        ("finance-one-off", |y| y.one_off),
        ("finance-running", |y| y.running),
        ("finance-funding", |y| y.funding),
        ("finance-own-share", |y| y.own_share),
    ];
    for (key, figure) in figures {
        let mut row = vec![tr.t(key)];
        row.extend(plan.years.iter().map(|y| tr.money_whole(figure(y))));
        rows.push(row);
    }
    let mut staff = vec![tr.t("finance-staff-days")];
    staff.extend(plan.years.iter().map(|y| y.staff_days.to_string()));
    rows.push(staff);
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, cell)| {
                    let pad = " ".repeat(widths[i] - cell.chars().count());
                    if i == 0 { format!("{cell}{pad}") } else { format!("{pad}{cell}") }
                })
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
