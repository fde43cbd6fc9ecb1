//! Every roadmap on a server that the login may see, read for the overview in one round trip:
//! the server's rights decide which (the list of [`list_roadmaps`]), and one statement per
//! roadmap returns the rows of all reads of its snapshot as JSON, inside one read-only snapshot
//! of the whole server. A roadmap whose statement fails (an older schema, rights taken away
//! meanwhile) is read again on its own, so that it names its own problem and the others still
//! show.

use super::admin::{RoadmapRole, list_roadmaps};
use super::connect::{ServerUrl, server_error};
use super::{Result, StoreError};
use crate::model::TownSnapshot;
use crate::store::overview::{Replay, snapshot_statements};
use crate::store::sql::{Row, Value};

/// A roadmap on the server as the overview read it.
#[derive(Debug)]
pub struct ServerTown {
    /// Its (schema's) name.
    pub name: String,
    /// The login's role in it.
    pub role: RoadmapRole,
    /// The channel its writes are announced on (empty when it could not be read).
    pub channel: String,
    /// What it holds, or why it could not be read.
    pub snapshot: Result<TownSnapshot>,
}

/// `SELECT cols FROM rest` as a subquery that gives its rows as one JSON array of arrays, in
/// their order (`None` for a statement of another shape).
fn as_json(sql: &str) -> Option<String> {
    let body = sql.strip_prefix("SELECT ")?;
    let (mut depth, mut quote) = (0_i32, None::<char>);
    let mut from = None;
    for (i, c) in body.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 && body[i..].starts_with(" FROM ") => {
                from = Some(i);
                break;
            }
            _ => {}
        }
    }
    let (columns, rest) = body.split_at(from?);
    Some(format!(
        "(SELECT coalesce(pg_catalog.json_agg(q.j), '[]'::json) FROM \
         (SELECT pg_catalog.json_build_array({columns}) AS j{rest}) q)"
    ))
}

/// The statement that reads one roadmap (in the schema of the search path) as one JSON array:
/// the rows of each read, then its channel.
fn snapshot_statement() -> Result<String> {
    let parts = snapshot_statements()?
        .iter()
        .map(|sql| {
            as_json(sql).ok_or_else(|| StoreError::Encoding(format!("not for the overview: {sql}")))
        })
        .collect::<Result<Vec<_>>>()?;
    // Functions named with their schema: a town's schema comes first in the search path, and
    // an overload of its own must not run in a session that may read other towns.
    Ok(format!(
        "SELECT pg_catalog.json_build_array({}, (SELECT pg_catalog.json_build_array(application, \
         version, channel) FROM fahrplan_schema LIMIT 1))",
        parts.join(", ")
    ))
}

/// A JSON value as the value the reading code expects.
fn value(v: &serde_json::Value) -> Result<Value> {
    match v {
        serde_json::Value::Null => Ok(Value::Null),
        serde_json::Value::String(s) => Ok(Value::Text(s.clone())),
        serde_json::Value::Number(n) => {
            n.as_i64().map(Value::Int).ok_or_else(|| StoreError::Encoding(n.to_string()))
        }
        serde_json::Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        other => Err(StoreError::Encoding(format!("not a value: {other}"))),
    }
}

/// The snapshot and channel from the JSON answer of roadmap `name`: refused as opening it would
/// refuse it (another application's schema, a newer or an older version).
fn decode(name: &str, text: &str) -> Result<(TownSnapshot, String)> {
    let bad = |e: &dyn std::fmt::Display| StoreError::Encoding(e.to_string());
    let answer: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(&e))?;
    let parts = answer.as_array().ok_or_else(|| bad(&"not an array"))?;
    let statements = snapshot_statements()?;
    if parts.len() != statements.len() + 1 {
        return Err(bad(&"parts missing"));
    }
    let mut answers = Vec::with_capacity(statements.len());
    for (sql, rows) in statements.iter().zip(parts) {
        let rows = rows
            .as_array()
            .ok_or_else(|| bad(&"no rows"))?
            .iter()
            .map(|row| {
                let cells = row.as_array().ok_or_else(|| bad(&"no row"))?;
                cells.iter().map(value).collect::<Result<Vec<_>>>().map(Row)
            })
            .collect::<Result<Vec<_>>>()?;
        answers.push((sql.as_str(), rows));
    }
    let identity = parts.last().and_then(|c| c.as_array()).ok_or_else(|| bad(&"no identity"))?;
    check_identity(
        name,
        identity.first().and_then(|a| a.as_str()),
        identity.get(1).and_then(serde_json::Value::as_i64),
    )?;
    let channel = identity.get(2).and_then(|c| c.as_str()).unwrap_or_default();
    Ok((Replay::new(answers, true).snapshot()?, channel_or_default(name, channel)))
}

/// Whether `application` and `version` are Fahrplan's of this program's schema version.
fn check_identity(name: &str, application: Option<&str>, version: Option<i64>) -> Result<()> {
    let (Some(application), Some(version)) = (application, version) else {
        return Err(StoreError::Foreign { path: name.into() });
    };
    if application != super::ddl::APPLICATION {
        return Err(StoreError::Foreign { path: name.into() });
    }
    match version.cmp(&super::ddl::VERSION) {
        std::cmp::Ordering::Greater => Err(StoreError::TooNew {
            path: name.into(),
            found: i32::try_from(version).unwrap_or(i32::MAX),
        }),
        // Brought up to date by its administrator when opened (never by an overview).
        std::cmp::Ordering::Less => Err(StoreError::NeedsUpgrade(name.to_owned())),
        std::cmp::Ordering::Equal => Ok(()),
    }
}

/// The roadmap's channel as opening it takes it: one of Fahrplan's names, else its default.
fn channel_or_default(name: &str, channel: &str) -> String {
    if channel.starts_with("fahrplan_")
        && channel.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        channel.to_owned()
    } else {
        format!("fahrplan_{name}")
    }
}

/// The statements for `names` (checked identifiers) in one read-only snapshot: the search path
/// set to each roadmap before its statement.
fn batch(names: &[&str], statement: &str) -> String {
    let mut sql = String::from("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;");
    for name in names {
        sql.push_str(&format!("SET LOCAL search_path TO \"{name}\";{statement};"));
    }
    sql.push_str("COMMIT;");
    sql
}

/// The JSON answers of a batch, in order.
fn answers(
    client: &mut postgres::Client,
    sql: &str,
) -> std::result::Result<Vec<String>, postgres::Error> {
    let messages = client.simple_query(sql)?;
    Ok(messages
        .iter()
        .filter_map(|m| match m {
            postgres::SimpleQueryMessage::Row(row) => {
                Some(row.get(0).unwrap_or_default().to_owned())
            }
            _ => None,
        })
        .collect())
}

/// Every roadmap on the server at `url` that its login may see, read for the overview.
pub fn overview_at(url: &str) -> Result<Vec<ServerTown>> {
    let url = ServerUrl::parse(url)?;
    let mut client = url.connect()?;
    let visible = list_roadmaps(&mut client)?;
    let statement = snapshot_statement()?;
    let names: Vec<&str> = visible.iter().map(|r| r.name.as_str()).collect();
    let read: Vec<Result<(TownSnapshot, String)>> =
        match answers(&mut client, &batch(&names, &statement)) {
            Ok(found) if found.len() == names.len() => {
                names.iter().zip(&found).map(|(name, t)| decode(name, t)).collect()
            }
            _ => {
                // One of them failed (or the answer was short): each on its own.
                let _ = client.batch_execute("ROLLBACK");
                let each: Vec<_> = names
                    .iter()
                    .map(|name| read_one(&mut client, &url, name, &statement))
                    .collect();
                // A connection lost on the way is the server's problem, not every town's.
                if client.is_closed() {
                    return Err(StoreError::Postgres(format!("{}: connection lost", url.host())));
                }
                each
            }
        };
    Ok(visible
        .into_iter()
        .zip(read)
        .map(|(access, read)| {
            let (snapshot, channel) = match read {
                Ok((snapshot, channel)) => (Ok(snapshot), channel),
                Err(e) => (Err(e), String::new()),
            };
            ServerTown { name: access.name, role: access.role, channel, snapshot }
        })
        .collect())
}

/// One roadmap read on its own; a failure named as opening it would name it (an older schema, a
/// foreign one, no right to read), by asking its identity: nothing is changed, nothing upgraded.
fn read_one(
    client: &mut postgres::Client,
    url: &ServerUrl,
    name: &str,
    statement: &str,
) -> Result<(TownSnapshot, String)> {
    match answers(client, &batch(&[name], statement)) {
        Ok(found) => decode(name, found.first().map_or("", String::as_str)),
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK");
            let identity = client.query_opt(
                &format!("SELECT application, version FROM \"{name}\".fahrplan_schema LIMIT 1"),
                &[],
            );
            match identity {
                Ok(Some(row)) => {
                    check_identity(name, row.try_get(0).ok(), row.try_get(1).ok())?;
                    Err(server_error(url.host(), &e))
                }
                Ok(None) => Err(StoreError::NoRoadmap { name: name.to_owned() }),
                Err(why) => Err(match why.code() {
                    Some(&postgres::error::SqlState::UNDEFINED_TABLE) => {
                        StoreError::Foreign { path: name.into() }
                    }
                    Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {
                        StoreError::NoRoadmap { name: name.to_owned() }
                    }
                    _ => server_error(url.host(), &e),
                }),
            }
        }
    }
}

/// Listens for writes to the roadmaps of `channels` on the server at `url` and calls `on_change` (at most
/// once a second, and after a reconnect). `None` if the address is bad or no thread can start.
pub fn watch_overview(
    url: &str,
    channels: &[String],
    on_change: impl Fn() + Send + 'static,
) -> Option<crate::store::Watch> {
    super::listen::listen(ServerUrl::parse(url).ok()?, channels, on_change)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_read_becomes_a_json_subquery_and_only_its_top_level_from_splits() {
        assert_eq!(
            as_json("SELECT a, (SELECT x FROM y), 'b FROM c' FROM t JOIN u ON 1 = 1 ORDER BY a")
                .unwrap(),
            "(SELECT coalesce(pg_catalog.json_agg(q.j), '[]'::json) FROM (SELECT \
             pg_catalog.json_build_array(a, (SELECT x FROM y), 'b FROM c') AS j FROM t JOIN u \
             ON 1 = 1 ORDER BY a) q)"
        );
        assert!(as_json("UPDATE t SET a = 1").is_none());
        assert!(as_json("SELECT 1").is_none());
        // Every read of a snapshot has that shape.
        assert!(snapshot_statement().is_ok());
    }

    #[test]
    fn json_values_are_the_reading_codes_values_and_nothing_else() {
        assert_eq!(value(&serde_json::json!(null)).unwrap(), Value::Null);
        assert_eq!(value(&serde_json::json!(42)).unwrap(), Value::Int(42));
        assert_eq!(value(&serde_json::json!("42")).unwrap(), Value::Text("42".into()));
        assert!(value(&serde_json::json!(1.5)).is_err());
        assert!(value(&serde_json::json!([1])).is_err());
        assert!(decode("x", "[]").is_err());
        assert!(decode("x", "not json").is_err());
        assert!(matches!(
            check_identity("x", Some("fahrplan"), Some(1)),
            Err(StoreError::NeedsUpgrade(_))
        ));
        assert!(matches!(
            check_identity("x", Some("other"), Some(1)),
            Err(StoreError::Foreign { .. })
        ));
        assert!(matches!(
            check_identity(
                "x",
                Some(super::super::ddl::APPLICATION),
                Some(super::super::ddl::VERSION + 1)
            ),
            Err(StoreError::TooNew { .. })
        ));
        assert!(
            check_identity(
                "x",
                Some(super::super::ddl::APPLICATION),
                Some(super::super::ddl::VERSION)
            )
            .is_ok()
        );
        assert_eq!(channel_or_default("b", "x; DROP"), "fahrplan_b");
        assert_eq!(channel_or_default("b", "fahrplan_b_1a2b"), "fahrplan_b_1a2b");
    }
}
