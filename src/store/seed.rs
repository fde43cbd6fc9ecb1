//! Writing a whole roadmap: the seed (the default roadmap) into a new file, an import over
//! everything. Shared by every engine: written in the dialect of [`super::sql`] against [`Sql`].

use super::chain::Origin;
use super::queries::{AT_FORMAT, find_measure_id};
use super::sql::{Row, Sql, params};
use super::write::{Batch, insert_measure, link_history, write_dependencies};
use super::{Result, StoreError};
use crate::model::{Change, Measure, Roadmap, Seed};

/// Sets one of the roadmap's facts (town, name, language, …).
fn set_meta(tx: &mut dyn Sql, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Writes `seed` into an empty roadmap (in a batch of kind seed); each measure gets one history
/// entry with the seed's comment.
pub(super) fn seed(tx: &mut dyn Sql, batch: &Batch, seed: &Seed) -> Result<()> {
    set_meta(tx, "lang", seed.lang.code())?;
    let stored = write_contents(tx, &seed.roadmap, false)?;
    for measure in &stored {
        batch.record(
            tx,
            Some(&measure.code),
            "created",
            None,
            Some(&measure.title),
            &seed.comment,
        )?;
    }
    Ok(())
}

/// Writes `roadmap` and `history` (a checked import) in one batch. Without `replace` a roadmap
/// that has measures is refused; with it, everything is replaced. The import itself cannot be
/// undone (the file's backups can restore it).
///
/// With an `origin` (an import or a restore from a file), every history row and confirmation
/// written is marked as imported (never a four-eyes sign-off until confirmed here) and the
/// replacement is recorded, with the last hash of the chain it ends. Without (a copy of this
/// roadmap), the marks are kept as they are.
pub(super) fn replace_all(
    tx: &mut dyn Sql,
    batch: &Batch,
    roadmap: &Roadmap,
    history: &[Change],
    replace: bool,
    origin: Option<&Origin>,
) -> Result<()> {
    // On a server, only the roadmap's administrators (their rights let them remove the record).
    if tx.chains_history() && tx.query_one("SELECT fahrplan_is_admin()", params![])?.int(0)? == 0 {
        return Err(StoreError::AdminOnly);
    }
    let existing = tx.query_one("SELECT count(*) FROM measure", params![])?.int(0)?;
    if existing > 0 && !replace {
        return Err(StoreError::WouldReplace(usize::try_from(existing).unwrap_or(0)));
    }
    let (_, previous) = super::chain::head(tx)?;
    for table in [
        "assessment_result",
        "assessment_round",
        "requirement_link",
        "catalog",
        "evidence",
        "framework_ref",
        "dependency",
        "expense",
        "reevaluation",
        "meeting",
        "baseline",
        "measure",
        "owner",
    ] {
        tx.execute(&format!("DELETE FROM {table}"), params![])?;
    }
    tx.execute("DELETE FROM meta", params![])?;
    tx.execute("DELETE FROM history WHERE batch <> ?1", params![batch.id])?;
    tx.execute("DELETE FROM batch WHERE id <> ?1", params![batch.id])?;
    write_contents(tx, roadmap, origin.is_some())?;
    for c in history {
        let id = tx
            .query_one(
                "INSERT INTO history (batch, at, who, code, field, old, new, comment, imported) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
                params![
                    batch.id,
                    c.at.format(AT_FORMAT).to_string(),
                    &c.who,
                    c.code.as_deref(),
                    &c.field,
                    c.old.as_deref(),
                    c.new.as_deref(),
                    &c.comment,
                    origin.is_some() || c.imported,
                ],
            )?
            .int(0)?;
        if !tx.chains_history() {
            super::chain::append(tx, id)?;
        }
    }
    link_history(tx)?;
    if let Some(origin) = origin {
        let previous = (!previous.is_empty()).then_some(previous.as_str());
        batch.record(tx, None, origin.field(), previous, Some(&origin.describe()), "")?;
    }
    // The imported history is a record, not an edit to undo.
    tx.execute("UPDATE batch SET undone = 1 WHERE id = ?1", params![batch.id])?;
    Ok(())
}

/// What of a roadmap is its own before a restore: the hashes of its history chain in order, and
/// the confirmed re-evaluations as given here (every column).
#[derive(Default)]
pub(super) struct OwnRecord {
    chain: Vec<String>,
    confirmations: Vec<Row>,
}

/// A confirmed re-evaluation, whole: a restore keeps a confirmation as given here only if
/// nothing of its verdict changed.
const CONFIRMED: &str = "SELECT id, measure_id, date, verdict, note, by_whom, confirmed_by, \
     confirmed_at FROM reevaluation WHERE confirmed_by IS NOT NULL AND confirmation_imported = 0 \
     ORDER BY id";

impl OwnRecord {
    /// Reads it (before the restore).
    pub(super) fn read(tx: &mut dyn Sql) -> Result<Self> {
        let chain = tx
            .query("SELECT hash FROM history WHERE seq IS NOT NULL ORDER BY seq", params![])?
            .iter()
            .map(|r| Ok(r.opt_text(0)?.unwrap_or_default()))
            .collect::<Result<_>>()?;
        Ok(Self { chain, confirmations: tx.query(CONFIRMED, params![])? })
    }
}

/// After a restore brought a backup's rows into the roadmap (in place): the history rows that
/// are this roadmap's own (recomputed, the same hash at the same position of the chain as
/// before: the same content after the same rows) stay as they are; from the first that differs
/// every row is marked imported and chained anew; a confirmation not given here before, or whose
/// verdict changed, is marked imported; and the replacement is recorded with the last hash of
/// the chain before.
pub(super) fn adopt_restored(
    tx: &mut dyn Sql,
    batch: &Batch,
    own: &OwnRecord,
    origin: &Origin,
) -> Result<()> {
    let (kept, ids) = super::chain::common_prefix(tx, &own.chain)?;
    let foreign = ids.get(kept..).unwrap_or_default();
    for id in foreign {
        tx.execute(
            "UPDATE history SET imported = 1, seq = NULL, hash = NULL WHERE id = ?1",
            params![*id],
        )?;
    }
    if !tx.chains_history() {
        for id in foreign {
            super::chain::append(tx, *id)?;
        }
    }
    for row in tx.query(CONFIRMED, params![])? {
        if !own.confirmations.contains(&row) {
            tx.execute(
                "UPDATE reevaluation SET confirmation_imported = 1 WHERE id = ?1",
                params![row.int(0)?],
            )?;
        }
    }
    let previous = own.chain.last().map(String::as_str);
    batch.record(tx, None, origin.field(), previous, Some(&origin.describe()), "")?;
    // A restore is a record, not an edit to undo.
    tx.execute("UPDATE batch SET undone = 1 WHERE id = ?1", params![batch.id])?;
    Ok(())
}

/// Writes a roadmap's facts, owners (with their ids), measures, dependencies, expenses,
/// re-evaluations and meetings into empty tables; returns the measures as stored.
/// With `imported`, every confirmation written is marked as one that came from a file.
pub(super) fn write_contents(
    tx: &mut dyn Sql,
    roadmap: &Roadmap,
    imported: bool,
) -> Result<Vec<Measure>> {
    let info = &roadmap.info;
    set_meta(tx, "town", &info.town)?;
    set_meta(tx, "name", &info.name)?;
    if let Some(adopted) = info.adopted {
        set_meta(tx, "adopted", &adopted.to_string())?;
    }
    for o in &roadmap.owners {
        tx.execute(
            "INSERT INTO owner (id, name, kind, contact) VALUES (?1, ?2, ?3, ?4)",
            params![o.id, &o.name, o.kind.as_str(), o.contact.as_deref()],
        )?;
    }
    tx.ids_given("owner")?;
    let mut stored = Vec::with_capacity(roadmap.measures.len());
    for m in &roadmap.measures {
        let id = insert_measure(tx, m)?;
        stored.push(Measure { id, ..m.clone() });
    }
    for m in &stored {
        write_dependencies(tx, m)?;
    }
    // Records of a measure the roadmap does not have are left out.
    for e in &roadmap.expenses {
        let Some(measure) = find_measure_id(tx, &e.code)? else { continue };
        tx.execute(
            "INSERT INTO expense (measure_id, date, amount_cents, note) VALUES (?1, ?2, ?3, ?4)",
            params![measure, e.date, e.amount.cents(), &e.note],
        )?;
    }
    for r in &roadmap.reevaluations {
        let Some(measure) = find_measure_id(tx, &r.code)? else { continue };
        let mut columns = "measure_id, date, verdict, note, by_whom, confirmed_by, confirmed_at, \
                           confirmation_imported";
        let mut values = params![
            measure,
            r.date,
            r.verdict.as_str(),
            &r.note,
            &r.by,
            r.confirmed_by.as_deref(),
            r.confirmed_at,
            r.confirmed_by.is_some() && (imported || r.imported),
        ]
        .to_vec();
        // A copy keeps the ids (evidence names the re-evaluation it proves by its id); an
        // import or the seed has none (0) and the engine gives them.
        if r.id > 0 {
            columns = "id, measure_id, date, verdict, note, by_whom, confirmed_by, confirmed_at, \
                       confirmation_imported";
            values.insert(0, r.id.into());
        }
        let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        let sql =
            format!("INSERT INTO reevaluation ({columns}) VALUES ({})", placeholders.join(", "));
        tx.execute(&sql, &values)?;
    }
    tx.ids_given("reevaluation")?;
    for m in &roadmap.meetings {
        tx.execute("INSERT INTO meeting (date, title) VALUES (?1, ?2)", params![m.date, &m.title])?;
    }
    for b in &roadmap.baselines {
        let data =
            serde_json::to_string(&b.measures).map_err(|e| StoreError::Encoding(e.to_string()))?;
        tx.execute(
            "INSERT INTO baseline (title, date, data) VALUES (?1, ?2, ?3)",
            params![&b.title, b.date, data],
        )?;
    }
    write_evidence(tx, &roadmap.evidence)?;
    super::assess::write_all(tx, &roadmap.assessment)?;
    Ok(stored)
}

/// Writes evidence rows (with their ids) whose files are in the roadmap already (a copy brings
/// the files first); evidence of a measure the roadmap does not have is left out.
fn write_evidence(tx: &mut dyn Sql, evidence: &[crate::model::Evidence]) -> Result<()> {
    for e in evidence {
        let Some(measure) = find_measure_id(tx, &e.code)? else { continue };
        tx.execute(
            "INSERT INTO evidence (id, measure_id, reevaluation_id, kind, name, url, size, sha256, \
             note, added_at, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                e.id,
                measure,
                e.reevaluation,
                e.kind.as_str(),
                &e.name,
                e.url.as_deref(),
                e.size.map(|s| i64::try_from(s).unwrap_or(i64::MAX)),
                e.sha256.as_deref(),
                &e.note,
                e.added_at.format(AT_FORMAT).to_string(),
                &e.added_by,
            ],
        )?;
    }
    tx.ids_given("evidence")
}
