//! The SQL that every engine runs: one dialect both SQLite and PostgreSQL understand, so that the
//! rules of the roadmap (validation, history, undo, conflicts) are written once.
//!
//! The dialect: `?1`, `?2`, … placeholders (an engine may rewrite them), integers (`BIGINT`),
//! text (dates as ISO `YYYY-MM-DD`, times as [`super::queries::AT_FORMAT`]), `NULL`; new ids
//! through `RETURNING id`; upserts as `INSERT … ON CONFLICT (…) DO UPDATE SET …`; no functions
//! of one engine only (no two-argument `max`, no `group_concat`, no `datetime`, no `IS ?1` but
//! `IS NOT DISTINCT FROM` where a parameter may be `NULL`, no `last_insert_rowid()`).

use chrono::NaiveDate;

use super::{Result, StoreError};

/// A value passed to or read from SQL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `NULL`.
    Null,
    /// An integer (ids, cents, percentages, flags as 0/1).
    Int(i64),
    /// Text (also dates and times in their ISO forms).
    Text(String),
    /// Bytes (an evidence file).
    Blob(Vec<u8>),
}

impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Self::Blob(v)
    }
}

impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Self {
        Self::Blob(v.to_vec())
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<u8> for Value {
    fn from(v: u8) -> Self {
        Self::Int(i64::from(v))
    }
}

impl From<u32> for Value {
    fn from(v: u32) -> Self {
        Self::Int(i64::from(v))
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Self::Int(i64::from(v))
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Self::Text(v.to_owned())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Self::Text(v.clone())
    }
}

impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Self::Text(v.to_string())
    }
}

impl<T: Into<Self>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

/// The parameters of a statement: `params![a, b, c]`.
macro_rules! params {
    () => { &[] as &[$crate::store::sql::Value] };
    ($($v:expr),+ $(,)?) => { &[$($crate::store::sql::Value::from($v)),+] as &[$crate::store::sql::Value] };
}
pub(crate) use params;

/// One row of a result, read by column index with the type the schema gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row(pub Vec<Value>);

impl Row {
    fn get(&self, i: usize) -> Result<&Value> {
        self.0.get(i).ok_or_else(|| StoreError::Encoding(format!("no column {i}")))
    }

    /// A column as it was read.
    pub fn value(&self, i: usize) -> Result<&Value> {
        self.get(i)
    }

    /// An integer column.
    pub fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?.ok_or_else(|| StoreError::Encoding(format!("column {i} is NULL")))
    }

    /// An integer column that may be `NULL`.
    pub fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            Value::Text(t) => {
                Err(StoreError::Encoding(format!("column {i}: text {t:?} where a number belongs")))
            }
            Value::Blob(_) => {
                Err(StoreError::Encoding(format!("column {i}: bytes where a number belongs")))
            }
        }
    }

    /// A text column.
    pub fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| StoreError::Encoding(format!("column {i} is NULL")))
    }

    /// A text column that may be `NULL`.
    pub fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Text(t) => Ok(Some(t.clone())),
            Value::Int(v) => Ok(Some(v.to_string())),
            Value::Blob(_) => {
                Err(StoreError::Encoding(format!("column {i}: bytes where text belongs")))
            }
        }
    }

    /// Takes the bytes out of a column (no copy of a large file).
    pub fn take_blob(&mut self, i: usize) -> Result<Vec<u8>> {
        match self.0.get_mut(i) {
            Some(Value::Blob(b)) => Ok(std::mem::take(b)),
            _ => Err(StoreError::Encoding(format!("column {i}: no bytes"))),
        }
    }

    /// A date column (ISO text).
    pub fn date(&self, i: usize) -> Result<NaiveDate> {
        self.opt_date(i)?.ok_or_else(|| StoreError::Encoding(format!("column {i} is NULL")))
    }

    /// A date column that may be `NULL`.
    pub fn opt_date(&self, i: usize) -> Result<Option<NaiveDate>> {
        self.opt_text(i)?
            .map(|t| {
                NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                    .map_err(|e| StoreError::Encoding(format!("column {i}: {t:?}: {e}")))
            })
            .transpose()
    }

    /// A flag column (0/1).
    pub fn flag(&self, i: usize) -> Result<bool> {
        Ok(self.int(i)? != 0)
    }
}

/// A transaction (or a connection that only reads) of an engine, speaking the shared dialect.
pub trait Sql {
    /// Runs a statement; returns the number of rows it changed.
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize>;
    /// Runs a query; returns every row.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>>;
    /// Runs a query; returns its first row, if any.
    fn query_opt(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
    /// Runs a query that gives exactly one row (an aggregate, `RETURNING`).
    fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row> {
        self.query_opt(sql, params)?
            .ok_or_else(|| StoreError::Encoding(format!("no row from {sql}")))
    }
    /// Whether the engine chains history rows itself (PostgreSQL: a trigger); otherwise the
    /// writer does (`chain::append`).
    fn chains_history(&self) -> bool {
        false
    }

    /// After rows were written with ids given explicitly (an import, a seed): the engine makes
    /// sure that ids it gives later follow them (PostgreSQL moves its sequences on; SQLite needs
    /// nothing).
    fn ids_given(&mut self, _table: &str) -> Result<()> {
        Ok(())
    }
}

impl rusqlite::types::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Self::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Self::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Self::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Self::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<Value> {
    use rusqlite::types::ValueRef;
    Ok(match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(v) => Value::Int(v),
        // Text that is not UTF-8 (a damaged page) fails the row that reads it, as bytes where
        // text belongs, not the whole query: one bad row never hides the rest.
        ValueRef::Text(t) => {
            String::from_utf8(t.to_vec()).map_or_else(|e| Value::Blob(e.into_bytes()), Value::Text)
        }
        ValueRef::Real(r) => Value::Text(r.to_string()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    })
}

impl Sql for rusqlite::Connection {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        execute_on(self, sql, params)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        query_on(self, sql, params)
    }
}

/// A shared connection: rusqlite's connection works through `&self`, so a store's reads (which
/// borrow the store) speak the dialect through `&mut &Connection`.
impl Sql for &rusqlite::Connection {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        execute_on(self, sql, params)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        query_on(self, sql, params)
    }
}

impl Sql for rusqlite::Transaction<'_> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        // A transaction is a connection while it lasts.
        execute_on(self, sql, params)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        query_on(self, sql, params)
    }
}

fn execute_on(conn: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<usize> {
    Ok(conn.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params))?)
}

fn query_on(conn: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
    let mut statement = conn.prepare_cached(sql)?;
    let columns = statement.column_count();
    let mut rows = statement.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let values =
            (0..columns).map(|i| from_sqlite(row.get_ref(i)?)).collect::<Result<Vec<_>>>()?;
        out.push(Row(values));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_go_in_and_come_out_with_their_types() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let db: &mut dyn Sql = &mut conn;
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)", params![])
            .unwrap();
        let id = db
            .query_one(
                "INSERT INTO t (n, s) VALUES (?1, ?2) RETURNING id",
                params![Some(5_i64), None::<String>],
            )
            .unwrap()
            .int(0)
            .unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        db.execute("UPDATE t SET s = ?1 WHERE id = ?2", params![date, id]).unwrap();
        let row = db.query_one("SELECT id, n, s FROM t", params![]).unwrap();
        assert_eq!((row.int(0).unwrap(), row.int(1).unwrap()), (id, 5));
        assert_eq!(row.date(2).unwrap(), date);
        assert!(row.text(3).is_err(), "no such column");
        assert!(row.date(1).is_err(), "a number is not a date");
        assert!(db.query_opt("SELECT id FROM t WHERE id = ?1", params![id + 1]).unwrap().is_none());
    }
}
