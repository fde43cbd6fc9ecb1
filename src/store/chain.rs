//! The history's hash chain: each row carries SHA-256 over its content and the previous row's
//! hash, so that a row changed, removed or slipped in afterwards shows — whoever holds the file
//! or the database's superuser, whom rights cannot stop. Rows are chained in the order of `seq`
//! (given when the row is written); SQLite's rows are chained here, PostgreSQL's by a trigger
//! of the roadmap's schema that computes the same hash (`ddl.rs`).
//!
//! The hashed text: the previous hash (empty for the first row), `|`, then each of `seq`, `id`,
//! `batch`, `at`, `who`, `code`, `field`, `old`, `new`, `comment`, `data`, `imported` as
//! `LENGTH:VALUE` (the length in UTF-8 bytes) or `-` for none: unambiguous whatever a text
//! holds.

use sha2::{Digest, Sha256};

use super::Result;
use super::sql::{Row, Sql, Value, params};
use crate::model::hex;

/// The columns read to verify the chain, in the order they are hashed, then the stored hash.
const CHAIN_COLUMNS: &str =
    "seq, id, batch, at, who, code, field, old, new, comment, data, imported, hash";

/// The hash of a history row whose columns (see [`CHAIN_COLUMNS`], without the hash) are
/// `values`, after the row whose hash is `prev`.
pub(super) fn row_hash(prev: &str, values: &[Value]) -> String {
    let mut digest = Sha256::new();
    digest.update(prev.as_bytes());
    digest.update(b"|");
    for value in values {
        match value {
            Value::Null => digest.update(b"-"),
            Value::Int(i) => field(&mut digest, i.to_string().as_bytes()),
            Value::Text(t) => field(&mut digest, t.as_bytes()),
            Value::Blob(b) => field(&mut digest, b),
        }
    }
    hex(&digest.finalize())
}

fn field(digest: &mut Sha256, bytes: &[u8]) {
    digest.update(bytes.len().to_string().as_bytes());
    digest.update(b":");
    digest.update(bytes);
}

/// Where a whole roadmap came from that replaced the one there: recorded in the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// An import or a restore.
    pub kind: OriginKind,
    /// The file's name.
    pub name: String,
    /// SHA-256 of the file's bytes (hex).
    pub sha256: String,
}

/// How a roadmap was replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginKind {
    /// `import --replace` (or an import into an empty roadmap).
    Import,
    /// `restore` of a backup.
    Restore,
}

impl Origin {
    /// The history's field for the replacement.
    pub const fn field(&self) -> &'static str {
        match self.kind {
            OriginKind::Import => "replaced-import",
            OriginKind::Restore => "replaced-restore",
        }
    }

    /// What the history row's new value says: the file and its checksum.
    pub fn describe(&self) -> String {
        format!("{} (SHA-256 {})", self.name, self.sha256)
    }

    /// The origin of a file read from `path` whose bytes are `bytes`.
    pub fn of_file(kind: OriginKind, path: &std::path::Path, bytes: &[u8]) -> Self {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        Self { kind, name, sha256: hex(&Sha256::digest(bytes)) }
    }
}

/// What verifying the chain found.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChainReport {
    /// History rows.
    pub rows: u64,
    /// Rows that fit the chain, from the first up to the first that does not.
    pub verified: u64,
    /// The id of the first row that does not fit (changed, or after a row removed or slipped
    /// in), if any.
    pub first_broken: Option<i64>,
    /// The hash of the last row that fits: what to note down elsewhere and compare with a
    /// later `check` (a chain without a key cannot show rows cut off its end by itself).
    pub last_hash: Option<String>,
}

impl ChainReport {
    /// Whether every row fits.
    pub const fn intact(&self) -> bool {
        self.first_broken.is_none()
    }
}

/// Verifies the chain of the whole history (one pass, rows in chain order).
pub(super) fn verify(db: &mut dyn Sql) -> Result<ChainReport> {
    let rows = db.query(
        &format!("SELECT {CHAIN_COLUMNS} FROM history ORDER BY seq IS NULL, seq, id"),
        params![],
    )?;
    verify_rows(&rows, ChainReport::default())
}

/// Verifies only what came after a chain verified before (`known`: the window, after another
/// client's write): the rows after its last verified one, provided that one is still in its
/// place with its hash and nothing before it went missing; else the whole chain. (A change to
/// an earlier row's content is found by the whole verification at the next opening and by
/// `check`.)
pub(super) fn verify_after(db: &mut dyn Sql, known: &ChainReport) -> Result<ChainReport> {
    let (Some(last), None) = (&known.last_hash, known.first_broken) else { return verify(db) };
    let n = i64::try_from(known.verified).unwrap_or(i64::MAX);
    let head = db.query_one(
        "SELECT count(*), max(CASE WHEN seq = ?1 THEN hash END) FROM history WHERE seq <= ?1",
        params![n],
    )?;
    if head.int(0)? != n || head.opt_text(1)?.as_deref() != Some(last.as_str()) {
        return verify(db);
    }
    let rows = db.query(
        &format!(
            "SELECT {CHAIN_COLUMNS} FROM history WHERE seq > ?1 OR seq IS NULL \
             ORDER BY seq IS NULL, seq, id"
        ),
        params![n],
    )?;
    verify_rows(&rows, known.clone())
}

/// Continues `report` (rows verified so far, the last hash) over `rows` in chain order.
fn verify_rows(rows: &[Row], mut report: ChainReport) -> Result<ChainReport> {
    report.rows = report.verified.saturating_add(u64::try_from(rows.len()).unwrap_or(u64::MAX));
    let start = i64::try_from(report.verified).unwrap_or(i64::MAX).saturating_add(1);
    let mut prev = report.last_hash.take().unwrap_or_default();
    for (n, row) in (start..).zip(rows) {
        let stored = row.opt_text(12)?;
        // The positions must count 1, 2, 3, … (a row removed leaves a gap).
        let in_place = row.opt_int(0)? == Some(n);
        let hash = row_hash(&prev, &row_values(row)?);
        if !in_place || stored.as_deref() != Some(hash.as_str()) {
            report.first_broken = Some(row.int(1)?);
            break;
        }
        report.verified += 1;
        prev = hash;
    }
    report.last_hash = (!prev.is_empty()).then_some(prev);
    Ok(report)
}

/// The history's rows in chain order, and how many of them, from the first, are the chain `own`
/// (each hash recomputed from the row: the same content after the same rows).
pub(super) fn common_prefix(db: &mut dyn Sql, own: &[String]) -> Result<(usize, Vec<i64>)> {
    let rows = db.query(
        &format!("SELECT {CHAIN_COLUMNS} FROM history ORDER BY seq IS NULL, seq, id"),
        params![],
    )?;
    let mut ids = Vec::with_capacity(rows.len());
    let (mut kept, mut matching, mut prev) = (0, true, String::new());
    for (n, row) in (1_i64..).zip(&rows) {
        ids.push(row.int(1)?);
        if !matching {
            continue;
        }
        let hash = row_hash(&prev, &row_values(row)?);
        let own_hash = usize::try_from(n - 1).ok().and_then(|i| own.get(i));
        matching = row.opt_int(0)? == Some(n)
            && row.opt_text(12)?.as_deref() == Some(hash.as_str())
            && own_hash == Some(&hash);
        if matching {
            kept += 1;
            prev = hash;
        }
    }
    Ok((kept, ids))
}

/// A row's hashed columns as read (the first twelve of [`CHAIN_COLUMNS`]).
fn row_values(row: &Row) -> Result<Vec<Value>> {
    (0..12).map(|i| row.value(i).cloned()).collect()
}

/// The newest link of the chain: its position and hash (`0` and empty before the first row).
pub(super) fn head(db: &mut dyn Sql) -> Result<(i64, String)> {
    let row = db.query_opt(
        "SELECT seq, hash FROM history WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1",
        params![],
    )?;
    match row {
        Some(row) => Ok((row.int(0)?, row.opt_text(1)?.unwrap_or_default())),
        None => Ok((0, String::new())),
    }
}

/// Links the history row `id` (just written, in the write transaction) to the chain: its
/// position after the newest and its hash. For engines that do not chain rows themselves.
pub(super) fn append(db: &mut dyn Sql, id: i64) -> Result<()> {
    let (seq, prev) = head(db)?;
    db.execute("UPDATE history SET seq = ?2 WHERE id = ?1", params![id, seq + 1])?;
    let row =
        db.query_one(&format!("SELECT {CHAIN_COLUMNS} FROM history WHERE id = ?1"), params![id])?;
    let hash = row_hash(&prev, &row_values(&row)?);
    db.execute("UPDATE history SET hash = ?2 WHERE id = ?1", params![id, hash])?;
    Ok(())
}

/// Chains every row of the history anew, in the order of their ids (the migration that added
/// the chain: what was there is taken as it is).
pub(super) fn rechain(db: &mut dyn Sql) -> Result<()> {
    db.execute("UPDATE history SET seq = NULL, hash = NULL", params![])?;
    let ids: Vec<i64> = db
        .query("SELECT id FROM history ORDER BY id", params![])?
        .iter()
        .map(|r| r.int(0))
        .collect::<Result<_>>()?;
    for id in ids {
        append(db, id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_separates_fields_and_knows_none_from_empty() {
        let a = row_hash("", &[Value::Text("ab".into()), Value::Text("c".into())]);
        let b = row_hash("", &[Value::Text("a".into()), Value::Text("bc".into())]);
        let none = row_hash("", &[Value::Null]);
        let empty = row_hash("", &[Value::Text(String::new())]);
        assert_ne!(a, b);
        assert_ne!(none, empty);
        assert_ne!(row_hash("x", &[Value::Null]), none, "the previous hash counts");
        // Numbers hash as their decimal text, as PostgreSQL's `bigint::text` gives them.
        assert_eq!(row_hash("", &[Value::Int(42)]), row_hash("", &[Value::Text("42".into())]));
        // The same bytes as the server's formula: sha256('|' || '2:42').
        assert_eq!(
            row_hash("", &[Value::Int(42)]),
            hex(&Sha256::digest(b"|2:42")),
            "the documented encoding"
        );
        // Lengths in bytes, not characters.
        assert_eq!(row_hash("", &[Value::Text("ä".into())]), hex(&Sha256::digest("|2:ä")));
    }
}
