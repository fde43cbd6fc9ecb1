//! Changes of the record (batches, confirmations, evidence) that a server makes only through
//! functions of the roadmap's owner (`SECURITY DEFINER`, see `pg/record.sql`): editors have no
//! right to UPDATE or DELETE those tables themselves, so nobody rewrites them with psql, and each
//! function acts only within a write that recorded the change in the history first (the caller
//! records, then changes). A file has no
//! rights to enforce; there the same change is the plain statement (its hash chain shows
//! tampering).

use chrono::NaiveDate;

use super::Result;
use super::sql::{Sql, params};

/// One guarded change.
pub(super) enum Guarded<'a> {
    /// Removes a batch that recorded nothing.
    DropEmptyBatch(i64),
    /// Marks batch `target` undone by batch `by` (an undo or redo).
    Reverted { target: i64, by: i64 },
    /// Removes evidence (its metadata stays in the history, its bytes in the roadmap).
    DeleteEvidence(i64),
    /// Removes a re-evaluation that has no confirmation (undo of recording it).
    DeleteReevaluation(i64),
    /// Confirms re-evaluation `id` as `by` on `at`, or (`None`) takes the confirmation back.
    Confirmation { id: i64, by: Option<&'a str>, at: Option<NaiveDate> },
    /// Erases a file's bytes that no evidence names any more.
    PurgeFile(&'a str),
    /// Makes batch `id` (which recorded rows) final: no undo reverts it.
    Final(i64),
}

/// Runs `op`: on a server through the owner's function, on a file as the plain statement.
/// Returns the number of rows changed.
pub(super) fn run(tx: &mut dyn Sql, op: &Guarded<'_>) -> Result<usize> {
    if tx.chains_history() {
        let row = match op {
            Guarded::DropEmptyBatch(id) => {
                tx.query_one("SELECT fahrplan_drop_batch(?1)", params![*id])?
            }
            Guarded::Reverted { target, by } => {
                tx.query_one("SELECT fahrplan_reverted(?1, ?2)", params![*target, *by])?
            }
            Guarded::DeleteEvidence(id) => {
                tx.query_one("SELECT fahrplan_delete_evidence(?1)", params![*id])?
            }
            Guarded::DeleteReevaluation(id) => {
                tx.query_one("SELECT fahrplan_delete_reevaluation(?1)", params![*id])?
            }
            Guarded::Confirmation { id, by, at } => {
                // Who confirms is the server's login: a confirmation in another's name (a redo
                // of someone else's) changes nothing.
                tx.query_one(
                    "SELECT fahrplan_set_confirmation(?1, ?2, ?3)",
                    params![*id, *at, *by],
                )?
            }
            Guarded::PurgeFile(sha) => {
                tx.query_one("SELECT fahrplan_purge_file(?1)", params![*sha])?
            }
            Guarded::Final(id) => tx.query_one("SELECT fahrplan_final_batch(?1)", params![*id])?,
        };
        return Ok(usize::try_from(row.int(0)?).unwrap_or(0));
    }
    match op {
        Guarded::DropEmptyBatch(id) => tx.execute(
            "DELETE FROM batch WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM history WHERE batch = ?1)",
            params![*id],
        ),
        Guarded::Reverted { target, by } => {
            let n = tx.execute("UPDATE batch SET undone = 1 WHERE id = ?1", params![*target])?;
            tx.execute("UPDATE batch SET reverts = ?1 WHERE id = ?2", params![*target, *by])?;
            Ok(n)
        }
        Guarded::DeleteEvidence(id) => {
            tx.execute("DELETE FROM evidence WHERE id = ?1", params![*id])
        }
        Guarded::DeleteReevaluation(id) => tx.execute(
            "DELETE FROM reevaluation WHERE id = ?1 AND confirmed_by IS NULL",
            params![*id],
        ),
        Guarded::Confirmation { id, by, at } => tx.execute(
            "UPDATE reevaluation SET confirmed_by = ?1, confirmed_at = ?2, \
             confirmation_imported = 0 WHERE id = ?3",
            params![*by, *at, *id],
        ),
        Guarded::Final(id) => tx.execute("UPDATE batch SET undone = 1 WHERE id = ?1", params![*id]),
        Guarded::PurgeFile(sha) => tx.execute(
            "DELETE FROM evidence_file WHERE sha256 = ?1 \
             AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?1)",
            params![*sha],
        ),
    }
}
