//! The shared SQL dialect on PostgreSQL: `?N` placeholders become `$N`, values go in with the
//! type the server expects and come out as integers or text.

use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

use super::super::sql::{Row, Sql, Value};
use super::{Result, StoreError};

/// `?1` → `$1`, outside string literals and quoted names.
pub(super) fn dialect(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') if chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Self::Null => Ok(IsNull::Yes),
            Self::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(*v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*v)?.to_sql(ty, out),
                Type::BOOL => (*v != 0).to_sql(ty, out),
                _ => v.to_string().to_sql(&Type::TEXT, out),
            },
            Self::Text(t) => match *ty {
                Type::INT8 => t.parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => t.parse::<i32>()?.to_sql(ty, out),
                _ => t.as_str().to_sql(&Type::TEXT, out),
            },
            Self::Blob(b) => b.as_slice().to_sql(&Type::BYTEA, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        matches!(
            *ty,
            Type::INT8
                | Type::INT4
                | Type::INT2
                | Type::BOOL
                | Type::TEXT
                | Type::VARCHAR
                | Type::BPCHAR
                | Type::NAME
                | Type::BYTEA
                | Type::UNKNOWN
        )
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for Value {
    fn from_sql(
        ty: &Type,
        raw: &'a [u8],
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(match *ty {
            Type::INT8 => Self::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Self::Int(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT2 => Self::Int(i64::from(i16::from_sql(ty, raw)?)),
            Type::BOOL => Self::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::BYTEA => Self::Blob(raw.to_vec()),
            _ => Self::Text(String::from_sql(ty, raw)?),
        })
    }

    fn from_sql_null(
        _ty: &Type,
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Self::Null)
    }

    fn accepts(ty: &Type) -> bool {
        <Self as ToSql>::accepts(ty)
    }
}

fn refs(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

fn rows(found: &[postgres::Row]) -> Result<Vec<Row>> {
    found
        .iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    row.try_get::<_, Value>(i).map_err(|e| StoreError::Encoding(e.to_string()))
                })
                .collect::<Result<Vec<_>>>()
                .map(Row)
        })
        .collect()
}

/// The error of a statement, with the server's words.
fn failed(e: &postgres::Error) -> StoreError {
    super::connect::server_error("", e)
}

/// A transaction with the connection's prepared statements: each statement text is prepared
/// once per connection (one round trip fewer for every later use).
pub(super) struct Prepared<'a, 'c> {
    /// The transaction.
    pub(super) tx: &'a mut postgres::Transaction<'c>,
    /// The connection's statements by their text.
    pub(super) cache: &'a mut std::collections::HashMap<String, postgres::Statement>,
}

impl Prepared<'_, '_> {
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(statement) = self.cache.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.tx.prepare(&dialect(sql)).map_err(|e| failed(&e))?;
        self.cache.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

impl Sql for Prepared<'_, '_> {
    fn chains_history(&self) -> bool {
        true
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        let statement = self.statement(sql)?;
        let changed = self.tx.execute(&statement, &refs(params)).map_err(|e| failed(&e))?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let statement = self.statement(sql)?;
        let found = self.tx.query(&statement, &refs(params)).map_err(|e| failed(&e))?;
        rows(&found)
    }

    fn ids_given(&mut self, table: &str) -> Result<()> {
        Sql::ids_given(self.tx, table)
    }
}

impl Sql for postgres::Transaction<'_> {
    fn chains_history(&self) -> bool {
        true
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        let changed = postgres::Transaction::execute(self, &dialect(sql), &refs(params))
            .map_err(|e| failed(&e))?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let found = postgres::Transaction::query(self, &dialect(sql), &refs(params))
            .map_err(|e| failed(&e))?;
        rows(&found)
    }

    fn ids_given(&mut self, table: &str) -> Result<()> {
        // The sequence continues after the largest id given, never back (an id once given is
        // not given again to another record; a name from the code, not input).
        let sql = format!(
            "SELECT setval(s, greatest((SELECT coalesce(max(id), 0) + 1 FROM {table}), \
             coalesce(pg_sequence_last_value(s::regclass), 0) + 1), false) \
             FROM (SELECT pg_get_serial_sequence('{table}', 'id') AS s) q"
        );
        postgres::Transaction::execute(self, &sql, &[]).map_err(|e| failed(&e))?;
        Ok(())
    }
}

impl Sql for postgres::Client {
    fn chains_history(&self) -> bool {
        true
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<usize> {
        let changed = postgres::Client::execute(self, &dialect(sql), &refs(params))
            .map_err(|e| failed(&e))?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        rows(&postgres::Client::query(self, &dialect(sql), &refs(params)).map_err(|e| failed(&e))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_literals() {
        assert_eq!(
            dialect("SELECT ?1, '?2', \"a?3\" FROM t WHERE x = ?12 AND y = ?"),
            "SELECT $1, '?2', \"a?3\" FROM t WHERE x = $12 AND y = ?"
        );
    }
}
