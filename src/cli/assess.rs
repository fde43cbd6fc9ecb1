//! The assessment on the command line: `catalog import|list|show|remove`, `assessment
//! add|list|set|show|compare|gaps`, `link` and `unlink`.

use std::path::Path;

use serde_json::{Value, json};

use super::args::{AssessmentCmd, CatalogCmd, CatalogFileFormat, ShippedCatalog};
use super::commands::date_arg;
use super::output::{columns, to_json};
use super::{Context, Failure, TableFormat, TextFormat, open, open_for_writing, out};
use crate::i18n::I18n;
use crate::import::{CatalogFormat, parse_catalog};
use crate::model::{
    AssessChange, AssessError, AssessResult, Assessment, Catalog, Outcome, RequirementLink,
    Roadmap, Round, catalog_diff,
};

/// Runs one `catalog` subcommand.
pub(super) fn catalog(cx: &Context, action: &CatalogCmd) -> Result<(), Failure> {
    match action {
        CatalogCmd::Import { file, shipped, format, name, dry_run } => {
            let catalog = match (file, shipped) {
                (Some(file), _) => read_catalog(cx.tr, file, *format, name.as_deref())?,
                (None, Some(which)) => shipped_catalog(cx.tr, *which, name.as_deref())?,
                (None, None) => return Err(Failure::Input(cx.tr.t("cli-catalog-what"))),
            };
            import(cx, catalog, *dry_run)
        }
        CatalogCmd::List { format } => catalog_list(cx, *format),
        CatalogCmd::Show { name, format } => catalog_show(cx, name, *format),
        CatalogCmd::Remove { name } => {
            write(cx, &AssessChange::RemoveCatalog(name.clone()))?;
            out(&cx.tr.f("cli-catalog-removed", &[("name", name)]));
            Ok(())
        }
    }
}

/// Runs one `assessment` subcommand.
pub(super) fn assessment(cx: &Context, action: &AssessmentCmd) -> Result<(), Failure> {
    match action {
        AssessmentCmd::Add { title, catalogs, date, by, from, target_maturity } => {
            let round = Round {
                title: title.clone(),
                date: date_arg(date.as_deref(), cx.today, cx.tr)?,
                by: by.clone(),
                catalogs: catalogs.iter().map(|c| c.trim().to_owned()).collect(),
                from: from.clone(),
                target_maturity: *target_maturity,
            };
            write(cx, &AssessChange::AddRound(round))?;
            out(&cx.tr.f("cli-round-added", &[("title", &title.trim())]));
            Ok(())
        }
        AssessmentCmd::List { format } => round_list(cx, *format),
        AssessmentCmd::Set { round, requirement, result, catalog, maturity, note, date } => {
            let date = date_arg(date.as_deref(), cx.today, cx.tr)?;
            set(
                cx,
                (round, requirement, catalog.as_deref()),
                result,
                (*maturity, note.as_deref(), date),
            )
        }
        AssessmentCmd::Show { round, format } => round_show(cx, round, *format),
        AssessmentCmd::Compare { a, b, format } => compare(cx, a, b, *format),
        AssessmentCmd::Gaps { round, format } => gaps(cx, round.as_deref(), *format),
    }
}

fn write(cx: &Context, change: &AssessChange) -> Result<(), Failure> {
    let mut store = open_for_writing(cx.db, cx.tr)?;
    store.assess(change).map_err(|e| Failure::store(&e, cx.tr))
}

fn loaded(cx: &Context) -> Result<Roadmap, Failure> {
    let store = open(cx.db, cx.tr)?;
    super::load(store.as_ref(), cx.tr)
}

#[allow(clippy::needless_pass_by_value)]
fn refused(e: AssessError, tr: &I18n) -> Failure {
    Failure::Input(crate::app::assess_text(tr, &e))
}

fn round_of<'a>(a: &'a Assessment, title: &str, tr: &I18n) -> Result<&'a Round, Failure> {
    a.round(title.trim()).ok_or_else(|| refused(AssessError::UnknownRound(title.to_owned()), tr))
}

/// The catalogue that has requirement `id`: the one named, else the only one among `scope`.
fn resolve<'a>(
    a: &'a Assessment,
    scope: &[String],
    id: &str,
    named: Option<&str>,
    tr: &I18n,
) -> Result<&'a Catalog, Failure> {
    if let Some(name) = named {
        let catalog = a
            .catalog(name.trim())
            .ok_or_else(|| refused(AssessError::UnknownCatalog(name.to_owned()), tr))?;
        if !catalog.has_requirement(id) {
            let e = AssessError::UnknownRequirement {
                catalog: catalog.name.clone(),
                id: id.to_owned(),
            };
            return Err(refused(e, tr));
        }
        return Ok(catalog);
    }
    let having: Vec<&Catalog> = a
        .catalogs
        .iter()
        .filter(|c| scope.is_empty() || scope.contains(&c.name))
        .filter(|c| c.has_requirement(id))
        .collect();
    match having.as_slice() {
        [one] => Ok(one),
        [] => {
            let names: Vec<&str> = a
                .catalogs
                .iter()
                .filter(|c| scope.is_empty() || scope.contains(&c.name))
                .map(|c| c.name.as_str())
                .collect();
            Err(refused(
                AssessError::UnknownRequirement { catalog: names.join(", "), id: id.to_owned() },
                tr,
            ))
        }
        several => Err(refused(
            AssessError::AmbiguousRequirement {
                id: id.to_owned(),
                catalogs: several.iter().map(|c| c.name.clone()).collect(),
            },
            tr,
        )),
    }
}

// --- Catalogues ----------------------------------------------------------------------------------

/// A catalogue from an OSCAL or CSV file, checked; nothing written.
fn read_catalog(
    tr: &I18n,
    file: &Path,
    format: Option<CatalogFileFormat>,
    name: Option<&str>,
) -> Result<Catalog, Failure> {
    let bytes = crate::app::read_import(file).map_err(|e| Failure::Input(e.localize(file, tr)))?;
    let format = match format {
        Some(CatalogFileFormat::Oscal) => CatalogFormat::Oscal,
        Some(CatalogFileFormat::Csv) => CatalogFormat::Csv,
        None => CatalogFormat::guess(&bytes),
    };
    let fallback = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    parse_catalog(&bytes, format, name, &fallback).map_err(|e| Failure::Input(e.localize(tr)))
}

/// One of the shipped catalogues (the default roadmap's), in the interface's language.
fn shipped_catalog(
    tr: &I18n,
    which: ShippedCatalog,
    name: Option<&str>,
) -> Result<Catalog, Failure> {
    let wanted = match which {
        ShippedCatalog::Itil4 => "ITIL 4",
        ShippedCatalog::Vds3473 => "VdS 3473",
    };
    let mut catalog = crate::app::shipped_catalogs(tr.lang())
        .into_iter()
        .find(|c| c.name == wanted)
        .ok_or_else(|| refused(AssessError::UnknownCatalog(wanted.to_owned()), tr))?;
    if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
        name.clone_into(&mut catalog.name);
    }
    Ok(catalog)
}

fn import(cx: &Context, catalog: Catalog, dry_run: bool) -> Result<(), Failure> {
    let tr = cx.tr;
    let mut store = if dry_run { open(cx.db, tr)? } else { open_for_writing(cx.db, tr)? };
    let roadmap = super::load(store.as_ref(), tr)?;
    let diff = catalog_diff(roadmap.assessment.catalog(&catalog.name), &catalog);
    let key = match (dry_run, diff.replaces) {
        (true, _) => "cli-catalog-preview",
        (false, true) => "cli-catalog-updated",
        (false, false) => "cli-catalog-imported",
    };
    let mut lines = vec![tr.f(
        key,
        &[
            ("name", &catalog.name),
            ("version", &catalog.version),
            ("n", &catalog.requirement_count()),
        ],
    )];
    if !dry_run {
        store.assess(&AssessChange::ImportCatalog(catalog)).map_err(|e| Failure::store(&e, tr))?;
    }
    lines.extend(crate::app::catalog_diff_lines(tr, &diff));
    out(&lines.join("\n"));
    Ok(())
}

fn catalog_list(cx: &Context, format: TableFormat) -> Result<(), Failure> {
    let roadmap = loaded(cx)?;
    let catalogs = &roadmap.assessment.catalogs;
    match format {
        TableFormat::Json => {
            let list: Vec<Value> = catalogs
                .iter()
                .map(|c| {
                    json!({"name": c.name, "version": c.version, "source": c.source,
                           "requirements": c.requirement_count()})
                })
                .collect();
            out(&to_json(&Value::Array(list)));
        }
        TableFormat::Table => {
            let tr = cx.tr;
            let mut rows = vec![vec![
                tr.t("col-catalog"),
                tr.t("hfield-version"),
                tr.t("col-requirements"),
                tr.t("hfield-source"),
            ]];
            rows.extend(catalogs.iter().map(|c| {
                vec![
                    c.name.clone(),
                    c.version.clone(),
                    c.requirement_count().to_string(),
                    c.source.clone(),
                ]
            }));
            out(&columns(&rows));
        }
    }
    Ok(())
}

fn catalog_show(cx: &Context, name: &str, format: TextFormat) -> Result<(), Failure> {
    let roadmap = loaded(cx)?;
    let catalog = roadmap
        .assessment
        .catalog(name.trim())
        .ok_or_else(|| refused(AssessError::UnknownCatalog(name.to_owned()), cx.tr))?;
    match format {
        TextFormat::Json => out(&to_json(&json!({
            "name": catalog.name,
            "version": catalog.version,
            "source": catalog.source,
            "requirements": catalog.requirement_count(),
            "nodes": catalog.nodes,
        }))),
        TextFormat::Text => {
            let mut lines = vec![format!("{} {}", catalog.name, catalog.version).trim().to_owned()];
            tree_lines(&catalog.nodes, 1, &mut lines);
            out(&lines.join("\n"));
        }
    }
    Ok(())
}

fn tree_lines(nodes: &[crate::model::Node], depth: usize, lines: &mut Vec<String>) {
    for n in nodes {
        let level = if n.level.is_empty() { String::new() } else { format!(" [{}]", n.level) };
        lines.push(format!("{}{}  {}{level}", "  ".repeat(depth), n.id, n.title));
        tree_lines(&n.children, depth + 1, lines);
    }
}

// --- Rounds --------------------------------------------------------------------------------------

/// A round's counts: requirements assessed in it, carried over, and all.
fn counts(a: &Assessment, round: &Round) -> (usize, usize, usize) {
    let total: usize =
        round.catalogs.iter().filter_map(|n| a.catalog(n)).map(Catalog::requirement_count).sum();
    let mine: Vec<&AssessResult> = a
        .results
        .iter()
        .filter(|x| x.round == round.title)
        .filter(|x| a.catalog(&x.catalog).is_some_and(|c| c.has_requirement(&x.requirement)))
        .collect();
    let carried = mine.iter().filter(|x| x.carried_over).count();
    let assessed = mine.iter().filter(|x| !x.carried_over && x.result != Outcome::Open).count();
    (assessed, carried, total)
}

fn percent(degree: Option<u8>) -> String {
    degree.map_or_else(|| "–".to_owned(), |d| format!("{d} %"))
}

fn round_list(cx: &Context, format: TableFormat) -> Result<(), Failure> {
    let roadmap = loaded(cx)?;
    let a = &roadmap.assessment;
    let rounds = a.rounds_in_order();
    match format {
        TableFormat::Json => {
            let list: Vec<Value> = rounds
                .iter()
                .map(|r| {
                    let (assessed, carried, total) = counts(a, r);
                    json!({"title": r.title, "date": r.date.to_string(), "by": r.by,
                           "catalogs": r.catalogs, "degree_percent": a.round_degree(r),
                           "assessed": assessed, "carried_over": carried, "total": total,
                           "from": r.from, "target_maturity": r.target_maturity,
                           "catalog_degrees": r.catalogs.iter()
                               .map(|c| json!({"name": c, "degree_percent": a.degree(r, c)}))
                               .collect::<Vec<_>>()})
                })
                .collect();
            out(&to_json(&Value::Array(list)));
        }
        TableFormat::Table => {
            let tr = cx.tr;
            let mut rows = vec![vec![
                tr.t("label-date"),
                tr.t("hfield-round"),
                tr.t("col-degree"),
                tr.t("col-catalog"),
            ]];
            for r in rounds {
                let degrees: Vec<String> = r
                    .catalogs
                    .iter()
                    .map(|c| format!("{} {}", c, percent(a.degree(r, c))))
                    .collect();
                rows.push(vec![
                    tr.date(r.date),
                    r.title.clone(),
                    percent(a.round_degree(r)),
                    degrees.join(", "),
                ]);
            }
            out(&columns(&rows));
        }
    }
    Ok(())
}

fn set(
    cx: &Context,
    (round, id, catalog): (&str, &str, Option<&str>),
    result: &str,
    (maturity, note, date): (Option<u8>, Option<&str>, chrono::NaiveDate),
) -> Result<(), Failure> {
    let tr = cx.tr;
    let Some(outcome) = Outcome::from_slug(result.trim()) else {
        let valid: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        return Err(Failure::Input(
            tr.f("cli-bad-result", &[("result", &result), ("valid", &valid.join(", "))]),
        ));
    };
    let mut store = open_for_writing(cx.db, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let a = &roadmap.assessment;
    let r = round_of(a, round, tr)?;
    let catalog = resolve(a, &r.catalogs, id.trim(), catalog, tr)?;
    // Maturity and note stay as they were unless given.
    let before = a.result(&r.title, &catalog.name, id.trim());
    let change = AssessResult {
        round: r.title.clone(),
        catalog: catalog.name.clone(),
        requirement: id.trim().to_owned(),
        result: outcome,
        maturity: maturity.or_else(|| before.and_then(|b| b.maturity)),
        note: note
            .map_or_else(|| before.map(|b| b.note.clone()).unwrap_or_default(), str::to_owned),
        carried_over: false,
        assessed_on: date,
    };
    store.assess(&AssessChange::SetResult(change)).map_err(|e| Failure::store(&e, tr))?;
    let after = super::load(store.as_ref(), tr)?;
    let degree =
        after.assessment.round(&r.title).and_then(|r| after.assessment.degree(r, &catalog.name));
    out(&tr.f(
        "cli-result-set",
        &[
            ("round", &r.title),
            ("catalog", &catalog.name),
            ("id", &id.trim()),
            ("result", &tr.t(&format!("outcome-{}", outcome.as_str()))),
            ("degree", &percent(degree)),
        ],
    ));
    Ok(())
}

fn group_json(g: &crate::model::GroupTally) -> Value {
    let t = &g.tally;
    json!({"id": g.id, "title": g.title, "degree_percent": t.degree(), "met": t.met,
           "partial": t.partial, "not_met": t.not_met, "not_applicable": t.not_applicable,
           "open": t.open})
}

fn round_show(cx: &Context, title: &str, format: TextFormat) -> Result<(), Failure> {
    let tr = cx.tr;
    let roadmap = loaded(cx)?;
    let a = &roadmap.assessment;
    let r = round_of(a, title, tr)?;
    let tallies = a.tallies(r);
    let index = a.index();
    let mut requirements = Vec::new();
    let mut text =
        vec![format!("{} – {} – {}", r.title, tr.date(r.date), percent(a.round_degree(r)))];
    for t in &tallies {
        text.push(format!("{}: {}", t.name, percent(t.tally.degree())));
        for g in &t.groups {
            text.push(format!("  {} {}: {}", g.id, g.title, percent(g.tally.degree())));
        }
        let Some(catalog) = a.catalog(&t.name) else { continue };
        for req in catalog.requirements() {
            let x = index.get(&(r.title.as_str(), catalog.name.as_str(), req.node.id.as_str()));
            let outcome = x.map_or(Outcome::Open, |x| x.result);
            let measures = a.measures_of(&catalog.name, &req.node.id);
            requirements.push(json!({
                "catalog": catalog.name,
                "id": req.node.id,
                "title": req.node.title,
                "group": req.group.map(|g| g.id.clone()),
                "result": outcome.as_str(),
                "maturity": x.and_then(|x| x.maturity),
                "note": x.map_or("", |x| x.note.as_str()),
                "carried_over": x.is_some_and(|x| x.carried_over),
                "assessed_on": x.map(|x| x.assessed_on.to_string()),
                "measures": measures,
            }));
        }
    }
    match format {
        TextFormat::Json => out(&to_json(&json!({
            "title": r.title,
            "date": r.date.to_string(),
            "by": r.by,
            "from": r.from,
            "target_maturity": r.target_maturity,
            "degree_percent": a.round_degree(r),
            "catalogs": tallies.iter().map(|t| json!({
                "name": t.name,
                "degree_percent": t.tally.degree(),
                "groups": t.groups.iter().map(group_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "requirements": requirements,
        }))),
        TextFormat::Text => out(&text.join("\n")),
    }
    Ok(())
}

fn compare(cx: &Context, a_title: &str, b_title: &str, format: TextFormat) -> Result<(), Failure> {
    let tr = cx.tr;
    let roadmap = loaded(cx)?;
    let a = &roadmap.assessment;
    let (ra, rb) = (round_of(a, a_title, tr)?, round_of(a, b_title, tr)?);
    let (ta, tb) = (a.tallies(ra), a.tallies(rb));
    let mut catalogs = Vec::new();
    let mut text = vec![format!("{} → {}", ra.title, rb.title)];
    for x in &ta {
        let Some(y) = tb.iter().find(|y| y.name == x.name) else { continue };
        text.push(format!(
            "{}: {} → {}",
            x.name,
            percent(x.tally.degree()),
            percent(y.tally.degree())
        ));
        let mut groups = Vec::new();
        for (gx, gy) in x.groups.iter().zip(&y.groups) {
            text.push(format!(
                "  {} {}: {} → {}",
                gx.id,
                gx.title,
                percent(gx.tally.degree()),
                percent(gy.tally.degree())
            ));
            groups.push(json!({"id": gx.id, "title": gx.title, "degree_a": gx.tally.degree(),
                               "degree_b": gy.tally.degree()}));
        }
        catalogs.push(json!({"name": x.name, "degree_a": x.tally.degree(),
                             "degree_b": y.tally.degree(), "groups": groups}));
    }
    let changed: Vec<Value> = a
        .changed(ra, rb)
        .iter()
        .map(|c| {
            json!({"catalog": c.catalog, "id": c.id, "result_a": c.a.as_str(),
                        "result_b": c.b.as_str()})
        })
        .collect();
    match format {
        TextFormat::Json => out(&to_json(&json!({"a": ra.title, "b": rb.title,
                                                 "catalogs": catalogs, "changed": changed}))),
        TextFormat::Text => out(&text.join("\n")),
    }
    Ok(())
}

fn gaps(cx: &Context, round: Option<&str>, format: TextFormat) -> Result<(), Failure> {
    let tr = cx.tr;
    let roadmap = loaded(cx)?;
    let a = &roadmap.assessment;
    // A round asked for, or each catalogue's latest round.
    let (title, gaps, again) = match round {
        Some(title) => {
            let r = round_of(a, title, tr)?;
            (r.title.clone(), a.gaps(&roadmap, r), a.to_reassess(&roadmap, r))
        }
        None => {
            let (_, latest) =
                a.first_and_latest().ok_or_else(|| refused(AssessError::NoRound, tr))?;
            (latest.title.clone(), a.latest_gaps(&roadmap), a.latest_to_reassess(&roadmap))
        }
    };
    let without = a.measures_without_requirement(&roadmap);
    // Which round each catalogue's figures come from.
    let rounds: std::collections::BTreeMap<String, String> = a
        .catalogs
        .iter()
        .filter_map(|c| {
            let round = match round {
                Some(t) => a.round(t.trim()).filter(|r| r.catalogs.contains(&c.name)),
                None => a.first_and_latest_of(&c.name).map(|(_, l)| l),
            };
            round.map(|r| (c.name.clone(), r.title.clone()))
        })
        .collect();
    match format {
        TextFormat::Json => out(&to_json(&json!({
            "round": title,
            "rounds": rounds,
            "gaps": gaps.iter().map(|g| json!({"catalog": g.catalog, "id": g.id, "title": g.title,
                "result": g.result.as_str(), "measures": g.measures,
                "round": rounds.get(&g.catalog)})).collect::<Vec<_>>(),
            "to_reassess": again.iter().map(|t| json!({"catalog": t.catalog, "id": t.id,
                "measures": t.measures})).collect::<Vec<_>>(),
            "measures_without_requirement": without,
        }))),
        TextFormat::Text => {
            let mut lines = vec![tr.f("cli-gaps", &[("round", &title), ("n", &gaps.len())])];
            for g in &gaps {
                let by = if g.measures.is_empty() {
                    tr.t("gap-no-measure")
                } else {
                    tr.f("gap-done-measures", &[("codes", &g.measures.join(", "))])
                };
                let result = tr.t(&format!("outcome-{}", g.result.as_str()));
                let title = if g.title == g.id { String::new() } else { format!(" {}", g.title) };
                lines.push(format!("  {} {}{title} – {result} – {by}", g.catalog, g.id));
            }
            lines.push(tr.f("cli-to-reassess", &[("n", &again.len())]));
            for t in &again {
                lines.push(format!("  {} {} ← {}", t.catalog, t.id, t.measures.join(", ")));
            }
            let codes = if without.is_empty() { tr.t("none") } else { without.join(", ") };
            lines.push(tr.f("cli-without-requirement", &[("codes", &codes)]));
            out(&lines.join("\n"));
        }
    }
    Ok(())
}

// --- Links ---------------------------------------------------------------------------------------

/// `link` and `unlink`.
pub(super) fn link(
    cx: &Context,
    code: &str,
    id: &str,
    catalog: Option<&str>,
    on: bool,
) -> Result<(), Failure> {
    let tr = cx.tr;
    let mut store = open_for_writing(cx.db, tr)?;
    super::commands::existing(store.as_ref(), code, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let a = &roadmap.assessment;
    let id = id.trim();
    let catalog = if on {
        resolve(a, &[], id, catalog, tr)?.name.clone()
    } else {
        // Unlinking looks among the measure's links (the catalogue may have dropped the id).
        let mine: Vec<&RequirementLink> = a
            .requirements_of(code)
            .into_iter()
            .filter(|l| l.requirement == id && catalog.is_none_or(|c| c.trim() == l.catalog))
            .collect();
        match mine.as_slice() {
            [one] => one.catalog.clone(),
            [] => resolve(a, &[], id, catalog, tr)?.name.clone(),
            several => {
                return Err(refused(
                    AssessError::AmbiguousRequirement {
                        id: id.to_owned(),
                        catalogs: several.iter().map(|l| l.catalog.clone()).collect(),
                    },
                    tr,
                ));
            }
        }
    };
    let link = RequirementLink {
        code: code.to_owned(),
        catalog: catalog.clone(),
        requirement: id.to_owned(),
    };
    store.assess(&AssessChange::Link(link, on)).map_err(|e| Failure::store(&e, tr))?;
    let key = if on { "cli-linked" } else { "cli-unlinked" };
    out(&tr.f(key, &[("code", &code), ("catalog", &catalog), ("id", &id)]));
    Ok(())
}
