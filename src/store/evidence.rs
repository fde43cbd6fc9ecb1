//! Evidence with measures: links, and files whose bytes the roadmap keeps once per content (by
//! SHA-256). Shared by every engine: written in the dialect of [`super::sql`] against [`Sql`].

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use super::queries::{AT_FORMAT, find_measure_id};
use super::sql::{Row, Sql, params};
use super::write::Batch;
use super::{Result, StoreError};
use crate::model::{
    Evidence, EvidenceKind, MAX_EVIDENCE_BYTES, NewEvidence, check_link, evidence_name, hex,
};

const COLUMNS: &str = "e.id, m.code, e.reevaluation_id, e.kind, e.name, e.url, e.size, e.sha256, \
     e.note, e.added_at, e.added_by";

fn from_row(row: &Row) -> Result<Evidence> {
    let kind = row.text(3)?;
    let at = row.text(9)?;
    Ok(Evidence {
        id: row.int(0)?,
        code: row.text(1)?,
        reevaluation: row.opt_int(2)?,
        kind: EvidenceKind::from_slug(&kind)
            .ok_or_else(|| StoreError::Encoding(format!("evidence kind {kind:?}")))?,
        name: row.text(4)?,
        url: row.opt_text(5)?,
        size: row.opt_int(6)?.map(|s| u64::try_from(s).unwrap_or(0)),
        sha256: row.opt_text(7)?,
        note: row.text(8)?,
        added_at: NaiveDateTime::parse_from_str(&at, AT_FORMAT)
            .map_err(|_| StoreError::Encoding(format!("evidence time {at:?}")))?,
        added_by: row.text(10)?,
    })
}

/// All evidence, by measure code and then oldest first; a row that cannot be read is named in
/// `skipped`.
pub(super) fn load_evidence(
    db: &mut dyn Sql,
    skipped: &mut Vec<crate::model::UnreadableRow>,
) -> Result<Vec<Evidence>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM evidence e JOIN measure m ON m.id = e.measure_id \
         ORDER BY m.code, e.id"
    );
    let rows = db.query(&sql, params![])?;
    Ok(super::queries::readable(&rows, ("evidence", COLUMNS), skipped, from_row))
}

/// One piece of evidence of measure `code`.
fn load_one(db: &mut dyn Sql, code: &str, id: i64) -> Result<Evidence> {
    let sql = format!(
        "SELECT {COLUMNS} FROM evidence e JOIN measure m ON m.id = e.measure_id \
         WHERE e.id = ?1 AND m.code = ?2"
    );
    let row = db.query_opt(&sql, params![id, code])?;
    row.as_ref().map(from_row).transpose()?.ok_or(StoreError::UnknownEvidence(id))
}

/// The bytes of file evidence `id` of measure `code`.
pub(super) fn evidence_bytes(db: &mut dyn Sql, code: &str, id: i64) -> Result<Vec<u8>> {
    let evidence = load_one(db, code, id)?;
    let sha = evidence.sha256.ok_or(StoreError::NotAFile(id))?;
    let bytes = file_bytes(db, &sha)?.ok_or(StoreError::UnknownEvidence(id))?;
    // What is given back is what was added: bytes changed in the database are not passed on.
    if hex(&Sha256::digest(&bytes)) != sha {
        return Err(StoreError::Damaged {
            path: Default::default(),
            detail: format!("evidence {id}: the bytes no longer match their SHA-256"),
        });
    }
    Ok(bytes)
}

/// The bytes kept under a checksum.
pub(super) fn file_bytes(db: &mut dyn Sql, sha256: &str) -> Result<Option<Vec<u8>>> {
    let row = db.query_opt("SELECT data FROM evidence_file WHERE sha256 = ?1", params![sha256])?;
    row.map(|mut row| row.take_blob(0)).transpose()
}

/// The checksums of the files the evidence names (for a copy of the roadmap).
pub(super) fn file_checksums(db: &mut dyn Sql) -> Result<Vec<String>> {
    db.query(
        "SELECT DISTINCT sha256 FROM evidence WHERE sha256 IS NOT NULL ORDER BY sha256",
        params![],
    )?
    .iter()
    .map(|r| r.text(0))
    .collect()
}

/// Keeps `bytes` under their SHA-256 (once: the same content added twice is kept once).
/// Returns the checksum.
pub(super) fn put_file(tx: &mut dyn Sql, bytes: &[u8]) -> Result<String> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_EVIDENCE_BYTES {
        return Err(StoreError::EvidenceTooLarge { size });
    }
    let sha = hex(&Sha256::digest(bytes));
    let known = tx.query_opt("SELECT size FROM evidence_file WHERE sha256 = ?1", params![&sha])?;
    if known.is_none() {
        tx.execute(
            "INSERT INTO evidence_file (sha256, size, data) VALUES (?1, ?2, ?3)",
            params![&sha, i64::try_from(size).unwrap_or(i64::MAX), bytes],
        )?;
    }
    Ok(sha)
}

fn to_json(evidence: &Evidence) -> Result<String> {
    serde_json::to_string(evidence).map_err(|e| StoreError::Encoding(e.to_string()))
}

/// Inserts evidence (with its given id when undo restores it) and records it.
pub(super) fn insert_evidence(tx: &mut dyn Sql, batch: &Batch, e: &Evidence) -> Result<Evidence> {
    let measure =
        find_measure_id(tx, &e.code)?.ok_or_else(|| StoreError::UnknownMeasure(e.code.clone()))?;
    let mut columns = vec![
        "measure_id",
        "reevaluation_id",
        "kind",
        "name",
        "url",
        "size",
        "sha256",
        "note",
        "added_at",
        "added_by",
    ];
    let size = e.size.map(|s| i64::try_from(s).unwrap_or(i64::MAX));
    let mut values = params![
        measure,
        e.reevaluation,
        e.kind.as_str(),
        &e.name,
        e.url.as_deref(),
        size,
        e.sha256.as_deref(),
        &e.note,
        e.added_at.format(AT_FORMAT).to_string(),
        &e.added_by,
    ]
    .to_vec();
    if e.id > 0 {
        columns.insert(0, "id");
        values.insert(0, e.id.into());
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO evidence ({}) VALUES ({}) RETURNING id",
        columns.join(", "),
        placeholders.join(", ")
    );
    let id = tx.query_one(&sql, &values)?.int(0)?;
    if e.id > 0 {
        tx.ids_given("evidence")?;
    }
    let stored = Evidence { id, ..e.clone() };
    batch.record_data(
        tx,
        Some(&e.code),
        "evidence",
        None,
        Some(&stored.name),
        &stored.note,
        Some(&to_json(&stored)?),
    )?;
    Ok(stored)
}

/// Adds evidence to measure `code` as the batch's author, now; a file's bytes are kept in the
/// roadmap. With a date, it belongs to the measure's re-evaluation of that day (the latest, if
/// there were several).
pub(super) fn add_evidence(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    new: &NewEvidence,
) -> Result<Evidence> {
    crate::model::check_length("note", new.note.trim(), crate::model::MAX_TEXT)?;
    let measure =
        find_measure_id(tx, code)?.ok_or_else(|| StoreError::UnknownMeasure(code.to_owned()))?;
    let reevaluation = match new.reevaluation {
        None => None,
        Some(date) => Some(
            tx.query_opt(
                "SELECT id FROM reevaluation WHERE measure_id = ?1 AND date = ?2 \
                 ORDER BY id DESC LIMIT 1",
                params![measure, date],
            )?
            .ok_or_else(|| StoreError::NoReevaluationOn { code: code.to_owned(), date })?
            .int(0)?,
        ),
    };
    let (kind, name, url, size, sha256) = match &new.source {
        crate::model::EvidenceSource::File { name, bytes } => {
            let sha = put_file(tx, bytes)?;
            let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            (EvidenceKind::File, evidence_name(name), None, Some(size), Some(sha))
        }
        crate::model::EvidenceSource::Link(url) => {
            let url = check_link(url).map_err(StoreError::InvalidLink)?;
            (EvidenceKind::Link, url.clone(), Some(url), None, None)
        }
    };
    let evidence = Evidence {
        id: 0,
        code: code.to_owned(),
        reevaluation,
        kind,
        name,
        url,
        size,
        sha256,
        note: new.note.trim().to_owned(),
        added_at: batch.time(),
        added_by: batch.who().to_owned(),
    };
    insert_evidence(tx, batch, &evidence)
}

/// Removes evidence `id` of measure `code` and records it (the file's bytes stay in the roadmap,
/// so undo can bring it back).
pub(super) fn remove_evidence(tx: &mut dyn Sql, batch: &Batch, code: &str, id: i64) -> Result<()> {
    let evidence = load_one(tx, code, id)?;
    batch.record_data(
        tx,
        Some(code),
        "evidence",
        Some(&evidence.name),
        None,
        "",
        Some(&to_json(&evidence)?),
    )?;
    super::guarded::run(tx, &super::guarded::Guarded::DeleteEvidence(id))?;
    Ok(())
}

/// What a purge erased, as the history keeps it.
#[derive(serde::Serialize)]
struct Purged<'a> {
    id: i64,
    name: &'a str,
    size: Option<u64>,
    sha256: Option<&'a str>,
    reason: &'a str,
}

/// Erases evidence `id` of measure `code` for good (data protection): the row goes, and the
/// file's bytes unless other evidence still names the same file; no undo brings it back (the
/// batch is final, and so is every earlier change an undo would need the evidence or its bytes
/// for). The history keeps "evidence-purged" with name, size, SHA-256, who and why. Returns the
/// evidence as it was, and whether its bytes were erased.
pub(super) fn purge_evidence(
    tx: &mut dyn Sql,
    batch: &Batch,
    code: &str,
    id: i64,
    reason: &str,
) -> Result<(Evidence, bool)> {
    use super::guarded::{Guarded, run};
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::ReasonNeeded);
    }
    let evidence = load_one(tx, code, id)?;
    let purged = Purged {
        id,
        name: &evidence.name,
        size: evidence.size,
        sha256: evidence.sha256.as_deref(),
        reason,
    };
    let data = serde_json::to_string(&purged).map_err(|e| StoreError::Encoding(e.to_string()))?;
    // Recorded first: the server's functions act only within a write that recorded the change.
    batch.record_data(
        tx,
        Some(code),
        "evidence-purged",
        Some(&evidence.name),
        None,
        reason,
        Some(&data),
    )?;
    run(tx, &Guarded::DeleteEvidence(id))?;
    let erased = match evidence.sha256.as_deref() {
        Some(sha) => run(tx, &Guarded::PurgeFile(sha))? > 0,
        None => false,
    };
    let sha = evidence.sha256.as_deref().filter(|_| erased);
    for earlier in batches_naming(tx, id, sha)? {
        run(tx, &Guarded::Final(earlier))?;
    }
    run(tx, &Guarded::Final(batch.id))?;
    Ok((evidence, erased))
}

/// The batches not yet undone that added or removed evidence `id` (or, with `sha`, any evidence
/// of that file): an undo of them would need what a purge erased.
fn batches_naming(tx: &mut dyn Sql, id: i64, sha: Option<&str>) -> Result<Vec<i64>> {
    let rows = tx.query(
        "SELECT h.batch, h.data FROM history h JOIN batch b ON b.id = h.batch \
         WHERE h.field = 'evidence' AND b.undone = 0 AND h.data IS NOT NULL",
        params![],
    )?;
    let mut batches = Vec::new();
    for row in rows {
        let Ok(earlier) = serde_json::from_str::<Evidence>(&row.text(1)?) else { continue };
        let same_file = sha.is_some() && earlier.sha256.as_deref() == sha;
        if earlier.id == id || same_file {
            batches.push(row.int(0)?);
        }
    }
    batches.sort_unstable();
    batches.dedup();
    Ok(batches)
}
