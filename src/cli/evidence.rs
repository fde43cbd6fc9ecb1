//! `evidence add|list|get|remove`: files and links kept with a measure.

use std::path::Path;

use serde_json::{Value, json};

use super::args::EvidenceCmd;
use super::commands::{date_arg, existing};
use super::output::{columns, to_json};
use super::{Context, Failure, TableFormat, open, open_for_writing, out};
use crate::app::{read_evidence_file, write_atomically};
use crate::i18n::I18n;
use crate::model::{Evidence, EvidenceKind, EvidenceSource, NewEvidence, Roadmap};

/// Runs one `evidence` subcommand.
pub(super) fn evidence(cx: &Context, action: &EvidenceCmd) -> Result<(), Failure> {
    match action {
        EvidenceCmd::Add { code, file, link, note, reevaluation } => {
            add(cx, code, (file.as_deref(), link.as_deref()), note, reevaluation.as_deref())
        }
        EvidenceCmd::List { code, format } => list(cx, code, *format),
        EvidenceCmd::Get { code, id, output } => get(cx, code, *id, output),
        EvidenceCmd::Remove { code, id } => remove(cx, code, *id),
        EvidenceCmd::Purge { code, id, reason } => purge(cx, code, *id, reason),
    }
}

/// The evidence as the command line's JSON lists it.
pub(super) fn evidence_json(e: &Evidence, roadmap: &Roadmap) -> Value {
    let reevaluation =
        e.reevaluation.and_then(|id| roadmap.reevaluations.iter().find(|r| r.id == id));
    json!({
        "id": e.id,
        "kind": e.kind.as_str(),
        "name": e.name,
        "url": e.url,
        "size": e.size,
        "sha256": e.sha256,
        "note": e.note,
        "added_at": e.added_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "added_by": e.added_by,
        "reevaluation": reevaluation.map(|r| r.date.to_string()),
    })
}

fn add(
    cx: &Context,
    code: &str,
    (file, link): (Option<&Path>, Option<&str>),
    note: &str,
    reevaluation: Option<&str>,
) -> Result<(), Failure> {
    let Context { db, tr, today, .. } = *cx;
    let reevaluation = reevaluation.map(|d| date_arg(Some(d), today, tr)).transpose()?;
    // The file is looked at (its size first) before the roadmap is opened for writing.
    let source = match (file, link) {
        (Some(path), _) => read_evidence_file(path).map_err(|e| Failure::Input(e.localize(tr)))?,
        (None, Some(url)) => EvidenceSource::Link(url.to_owned()),
        (None, None) => return Err(Failure::Input(tr.t("err-link-empty"))),
    };
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let new = NewEvidence { source, note: note.to_owned(), reevaluation };
    let added = store.add_evidence(code, &new).map_err(|e| Failure::store(&e, tr))?;
    let text = match added.kind {
        EvidenceKind::File => tr.f(
            "cli-evidence-file-added",
            &[
                ("code", &code),
                ("id", &added.id),
                ("name", &added.name),
                ("size", &tr.size(added.size.unwrap_or(0))),
                ("sha", &added.sha256.clone().unwrap_or_default()),
            ],
        ),
        EvidenceKind::Link => tr.f(
            "cli-evidence-link-added",
            &[("code", &code), ("id", &added.id), ("name", &added.name)],
        ),
    };
    out(&text);
    Ok(())
}

fn list(cx: &Context, code: &str, format: TableFormat) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let roadmap = super::load(store.as_ref(), tr)?;
    let items: Vec<&Evidence> = roadmap.evidence.iter().filter(|e| e.code == code).collect();
    match format {
        TableFormat::Json => {
            let list = items.iter().map(|e| evidence_json(e, &roadmap)).collect();
            out(&to_json(&Value::Array(list)));
        }
        TableFormat::Table if items.is_empty() => {
            out(&tr.f("cli-evidence-none", &[("code", &code)]));
        }
        TableFormat::Table => out(&table(&items, tr)),
    }
    Ok(())
}

fn table(items: &[&Evidence], tr: &I18n) -> String {
    let mut rows = vec![
        ["evidence-col-id", "evidence-col-name", "evidence-col-size", "evidence-col-added"]
            .iter()
            .map(|k| tr.t(k))
            .chain(["SHA-256".to_owned(), tr.t("evidence-col-note")])
            .collect::<Vec<_>>(),
    ];
    for e in items {
        rows.push(vec![
            e.id.to_string(),
            e.name.clone(),
            e.size.map_or_else(|| tr.t("evidence-link"), |s| tr.size(s)),
            format!("{} {}", tr.date_time(e.added_at), e.added_by),
            e.sha256.clone().unwrap_or_else(|| "–".to_owned()),
            e.note.clone(),
        ]);
    }
    columns(&rows)
}

fn get(cx: &Context, code: &str, id: i64, output: &Path) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let store = open(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let bytes = store.evidence_bytes(code, id).map_err(|e| Failure::store(&e, tr))?;
    write_atomically(output, &bytes).map_err(|e| {
        Failure::Input(
            tr.f("err-io", &[("path", &output.display().to_string()), ("detail", &e.to_string())]),
        )
    })?;
    out(&tr.f(
        "cli-evidence-saved",
        &[("path", &output.display().to_string()), ("size", &tr.size(bytes.len() as u64))],
    ));
    Ok(())
}

fn remove(cx: &Context, code: &str, id: i64) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let name = store
        .load_roadmap()
        .map_err(|e| Failure::store(&e, tr))?
        .evidence
        .into_iter()
        .find(|e| e.id == id && e.code == code)
        .map(|e| e.name)
        .unwrap_or_default();
    store.remove_evidence(code, id).map_err(|e| Failure::store(&e, tr))?;
    out(&tr.f("info-evidence-removed", &[("code", &code), ("name", &name)]));
    Ok(())
}

fn purge(cx: &Context, code: &str, id: i64, reason: &str) -> Result<(), Failure> {
    let Context { db, tr, .. } = *cx;
    let mut store = open_for_writing(db, tr)?;
    existing(store.as_ref(), code, tr)?;
    let (evidence, erased) =
        store.purge_evidence(code, id, reason).map_err(|e| Failure::store(&e, tr))?;
    let key = if erased || evidence.sha256.is_none() {
        "info-evidence-purged"
    } else {
        "info-evidence-purged-shared"
    };
    out(&tr.f(key, &[("code", &code), ("name", &evidence.name)]));
    Ok(())
}
