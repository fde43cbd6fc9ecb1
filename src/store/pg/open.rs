//! Opening a roadmap on a server: which roadmap (named, or the only one the user may see), whether
//! it is Fahrplan's and of a version this program knows, and whether this user may write it.

use super::admin::list_roadmaps;
use super::connect::{ServerUrl, server_error};
use super::{Result, StoreError, ddl, roadmap_name};
use crate::store::ReadOnlyReason;

/// A connection set to one roadmap's schema, checked.
pub(super) struct Opened {
    pub(super) client: postgres::Client,
    pub(super) roadmap: String,
    pub(super) read_only: Option<ReadOnlyReason>,
    /// The channel its writes are announced on (a name only its members can read).
    pub(super) channel: String,
}

/// Connects to `url` and opens `roadmap` (or the only one the user may see).
pub(super) fn open(url: &ServerUrl, roadmap: Option<&str>) -> Result<Opened> {
    let mut client = url.connect()?;
    let db = |e: postgres::Error| server_error(url.host(), &e);
    let roadmap = match roadmap {
        Some(name) => roadmap_name(name)?.to_owned(),
        None => {
            let visible = list_roadmaps(&mut client)?;
            match visible.as_slice() {
                [only] => only.name.clone(),
                _ => {
                    return Err(StoreError::ChooseRoadmap(
                        visible.into_iter().map(|r| r.name).collect(),
                    ));
                }
            }
        }
    };
    let readable: bool = client
        .query_one(
            // CASE: the privilege is asked only of a schema that exists.
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) \
                    THEN has_schema_privilege($1, 'USAGE') ELSE false END",
            &[&roadmap],
        )
        .map_err(db)?
        .get(0);
    if !readable {
        return Err(StoreError::NoRoadmap { name: roadmap });
    }
    // The name is a checked identifier: it can stand in the statement.
    client.batch_execute(&format!("SET search_path TO \"{roadmap}\"")).map_err(db)?;
    let identity = client
        .query_opt("SELECT application, version FROM fahrplan_schema LIMIT 1", &[])
        .map_err(|e| match e.code() {
            // No such table: a schema of something else.
            Some(&postgres::error::SqlState::UNDEFINED_TABLE) => {
                StoreError::Foreign { path: roadmap.clone().into() }
            }
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {
                StoreError::NoRoadmap { name: roadmap.clone() }
            }
            _ => db(e),
        })?;
    let Some(identity) = identity else {
        return Err(StoreError::NoRoadmap { name: roadmap });
    };
    let (Ok(application), Ok(version)) =
        (identity.try_get::<_, String>(0), identity.try_get::<_, i64>(1))
    else {
        return Err(StoreError::Foreign { path: roadmap.into() });
    };
    if application != ddl::APPLICATION {
        return Err(StoreError::Foreign { path: roadmap.into() });
    }
    if version > ddl::VERSION {
        return Err(StoreError::TooNew {
            path: roadmap.into(),
            found: i32::try_from(version).unwrap_or(i32::MAX),
        });
    }
    if version < ddl::VERSION {
        upgrade(&mut client, url, &roadmap)?;
    }
    let writable: bool = client
        .query_one("SELECT has_table_privilege('measure', 'UPDATE')", &[])
        .map_err(db)?
        .get(0);
    let read_only = (!writable).then_some(ReadOnlyReason::NoPermission);
    let channel = client
        .query_opt("SELECT channel FROM fahrplan_schema LIMIT 1", &[])
        .map_err(db)?
        .and_then(|row| row.try_get::<_, Option<String>>(0).ok().flatten())
        .filter(|c| {
            c.starts_with("fahrplan_") && c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        // (None readable: the roadmap's name, as before the private channel.)
        .unwrap_or_else(|| format!("fahrplan_{roadmap}"));
    Ok(Opened { client, roadmap, read_only, channel })
}

/// Brings an older roadmap schema to this version, in one transaction (another client upgrading
/// it at the same moment waits, then finds nothing to do). Only its owner (the administrator who
/// created it) may change tables: anyone else is told whom to ask.
fn upgrade(client: &mut postgres::Client, url: &ServerUrl, roadmap: &str) -> Result<()> {
    let db = |e: &postgres::Error| server_error(url.host(), e);
    let mut tx = client.transaction().map_err(|e| db(&e))?;
    let locked = tx.batch_execute("LOCK TABLE fahrplan_schema IN ACCESS EXCLUSIVE MODE");
    let version: i64 = match locked {
        Ok(()) => tx
            .query_one("SELECT version FROM fahrplan_schema LIMIT 1", &[])
            .map_err(|e| db(&e))?
            .get(0),
        Err(e) if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {
            return Err(StoreError::NeedsUpgrade(roadmap.to_owned()));
        }
        Err(e) => return Err(db(&e)),
    };
    if version >= ddl::VERSION {
        return Ok(());
    }
    let editor = super::role_name(roadmap, super::RoadmapRole::Editor);
    let viewer = super::role_name(roadmap, super::RoadmapRole::Viewer);
    let admin = super::role_name(roadmap, super::RoadmapRole::Admin);
    let roles = ddl::Roles { editor: &editor, viewer: &viewer, admin: &admin };
    tx.batch_execute(&ddl::upgrade(roadmap, version, &roles)).map_err(|e| {
        if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
            StoreError::NeedsUpgrade(roadmap.to_owned())
        } else {
            db(&e)
        }
    })?;
    tx.commit().map_err(|e| db(&e))
}
