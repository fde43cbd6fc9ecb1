//! The PostgreSQL engine: one database holds many roadmaps, each its own schema with two group
//! roles (`fahrplan_NAME_editor`, `fahrplan_NAME_viewer`), so that PostgreSQL itself enforces who
//! may read and who may write. Addresses are `postgresql://` URLs; TLS goes through rustls.

mod admin;
mod connect;
mod ddl;
mod engine;
mod listen;
mod open;
mod overview;
mod sql;

pub use admin::{RoadmapAccess, RoadmapRole, grant, init_roadmap, list_roadmaps, revoke};
pub use connect::{ServerUrl, is_server_url, os_login, percent_decoded, split_roadmap};
pub use engine::{PgStore, write_seed};
pub use overview::{ServerTown, overview_at, watch_overview};

use super::{Result, StoreError};

/// Whether `name` may name a roadmap: a lowercase identifier `[a-z][a-z0-9_]{0,30}`, so it is a
/// schema name and the part of two role names without quoting.
pub fn valid_roadmap_name(name: &str) -> bool {
    let mut chars = name.chars();
    // `pg_` names belong to the server.
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && !name.starts_with("pg_")
        && name.len() <= 31
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `name` checked as a roadmap name.
pub fn roadmap_name(name: &str) -> Result<&str> {
    if valid_roadmap_name(name) { Ok(name) } else { Err(StoreError::BadRoadmapName(name.into())) }
}

/// Creates the roadmap `name` on the server at `url` (see [`init_roadmap`]), with `seed`
/// written in by the connecting user, or empty.
pub fn create_at(url: &str, name: &str, seed: Option<&crate::model::Seed>) -> Result<()> {
    let url = ServerUrl::parse(url)?;
    init_roadmap(&mut url.connect()?, name, |tx| match seed {
        None => Ok(()),
        Some(seed) => write_seed(tx, seed, url.user()),
    })
}

/// [`grant`] on the server at `url`.
pub fn grant_at(url: &str, login: &str, role: RoadmapRole, name: &str) -> Result<()> {
    grant(&mut ServerUrl::parse(url)?.connect()?, login, role, name)
}

/// [`revoke`] on the server at `url`.
pub fn revoke_at(url: &str, login: &str, name: &str) -> Result<()> {
    revoke(&mut ServerUrl::parse(url)?.connect()?, login, name)
}

/// [`list_roadmaps`] of the user of `url`.
pub fn roadmaps_at(url: &str) -> Result<Vec<RoadmapAccess>> {
    list_roadmaps(&mut ServerUrl::parse(url)?.connect()?)
}

/// The group role of a roadmap for `role` (`editor` or `viewer`).
fn role_name(roadmap: &str, role: RoadmapRole) -> String {
    format!("fahrplan_{roadmap}_{}", role.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roadmap_names_are_lowercase_identifiers() {
        for good in ["blumberg", "donau", "a", "kreis_42", &"x".repeat(31)] {
            assert!(valid_roadmap_name(good), "{good}");
        }
        for bad in [
            "",
            "Blumberg",
            "1stadt",
            "_x",
            "bad-name",
            "a b",
            "ä",
            &"x".repeat(32),
            "x;drop",
            "pg_stadt",
        ] {
            assert!(!valid_roadmap_name(bad), "{bad}");
        }
        assert!(matches!(roadmap_name("Öhningen"), Err(StoreError::BadRoadmapName(_))));
    }
}
