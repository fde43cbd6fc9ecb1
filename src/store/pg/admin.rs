//! Administration of the roadmaps on a server: create one (schema, tables, roles), give a login
//! a role, take it away, list what a user may see. Needs a role that may create schemas and
//! roles (`CREATEROLE` and `CREATE` on the database), except for the list.

use super::{Result, StoreError, ddl, roadmap_name, role_name};

/// A user's role in a roadmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoadmapRole {
    /// Reads and writes.
    Editor,
    /// Reads.
    Viewer,
    /// Administers it: replaces it whole (import, restore); the schema's owner, a superuser, or
    /// a member of `fahrplan_NAME_admin`.
    Admin,
}

impl RoadmapRole {
    /// `editor`, `viewer`, `admin`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Editor => "editor",
            Self::Viewer => "viewer",
            Self::Admin => "admin",
        }
    }
}

/// A roadmap on the server and the connected user's role in it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RoadmapAccess {
    /// The roadmap's (schema's) name.
    pub name: String,
    /// The connected user's role.
    pub role: RoadmapRole,
}

/// An administration step the server refused: not allowed for this user, or its own words.
fn db(e: &postgres::Error) -> StoreError {
    match (e.code(), e.as_db_error()) {
        (
            Some(
                &postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
                | &postgres::error::SqlState::UNDEFINED_OBJECT,
            ),
            Some(db),
        ) => StoreError::NotAllowed(db.message().to_owned()),
        _ => super::connect::server_error("", e),
    }
}

/// A login name as a quoted identifier.
fn quoted(login: &str) -> String {
    format!("\"{}\"", login.replace('"', "\"\""))
}

/// Whether the roadmap `name` exists (its schema and both roles).
fn exists(client: &mut impl postgres::GenericClient, name: &str) -> Result<bool> {
    let row = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) \
                AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2) \
                AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $3)",
            &[&name, &role_name(name, RoadmapRole::Editor), &role_name(name, RoadmapRole::Viewer)],
        )
        .map_err(|e| db(&e))?;
    Ok(row.get(0))
}

/// Creates the roadmap `name`: its schema with the tables, and its two group roles with their
/// rights; `fill` then writes the first content (the default roadmap) in the same transaction.
/// Nothing is left behind if any step fails.
pub fn init_roadmap(
    client: &mut postgres::Client,
    name: &str,
    fill: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<()>,
) -> Result<()> {
    let name = roadmap_name(name)?;
    let mut tx = client.transaction().map_err(|e| db(&e))?;
    let schema_exists: bool = tx
        .query_one("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", &[&name])
        .map_err(|e| db(&e))?
        .get(0);
    if schema_exists {
        return Err(StoreError::RoadmapExists(name.to_owned()));
    }
    let editor = role_name(name, RoadmapRole::Editor);
    let viewer = role_name(name, RoadmapRole::Viewer);
    let admin = role_name(name, RoadmapRole::Admin);
    for role in [&editor, &viewer, &admin] {
        // Roles belong to the whole cluster: one that exists already (left by a removed roadmap,
        // or of a roadmap of this name in another database) is never taken over with its
        // members.
        let known: bool = tx
            .query_one("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", &[role])
            .map_err(|e| db(&e))?
            .get(0);
        if known {
            return Err(StoreError::RoadmapExists(name.to_owned()));
        }
        tx.batch_execute(&format!("CREATE ROLE {role} NOLOGIN")).map_err(|e| db(&e))?;
    }
    let roles = ddl::Roles { editor: &editor, viewer: &viewer, admin: &admin };
    tx.batch_execute(&ddl::create(name, &roles)).map_err(|e| db(&e))?;
    // Whoever creates the roadmap administers it.
    tx.batch_execute(&format!("GRANT {admin} TO CURRENT_USER")).map_err(|e| db(&e))?;
    fill(&mut tx)?;
    tx.commit().map_err(|e| db(&e))
}

/// Gives `login` the role `role` (editor or viewer) in roadmap `name`, instead of any role it had.
pub fn grant(
    client: &mut postgres::Client,
    login: &str,
    role: RoadmapRole,
    name: &str,
) -> Result<()> {
    let name = roadmap_name(name)?;
    let mut tx = client.transaction().map_err(|e| db(&e))?;
    if !exists(&mut tx, name)? {
        return Err(StoreError::NoRoadmap { name: name.to_owned() });
    }
    person(&mut tx, login)?;
    let quoted_login = quoted(login);
    let given = role_name(name, role);
    // One role at a time: the others are taken (an administrator may also edit: his role
    // carries the editors' rights and more).
    for other in [RoadmapRole::Editor, RoadmapRole::Viewer, RoadmapRole::Admin] {
        let other = role_name(name, other);
        // A roadmap older than the administrators' role has none to take.
        if other != role_name(name, role) && role_exists(&mut tx, &other)? {
            tx.batch_execute(&format!("REVOKE {other} FROM {quoted_login};"))
                .map_err(|e| db(&e))?;
            still_member(&mut tx, login, &other)?;
        }
    }
    tx.batch_execute(&format!("GRANT {given} TO {quoted_login};")).map_err(|e| db(&e))?;
    tx.commit().map_err(|e| db(&e))
}

/// Whether the role `role` exists on the server.
fn role_exists(tx: &mut postgres::Transaction<'_>, role: &str) -> Result<bool> {
    Ok(tx
        .query_one("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", &[&role])
        .map_err(|e| db(&e))?
        .get(0))
}

/// Refuses a role that is not a person's login: one that cannot log in (a group), a login that
/// other roles are members of (they would all get access), one of Fahrplan's own group roles
/// (granting `fahrplan_donau_editor` a role of blumberg would give every donau editor access),
/// or one of the server's built-in roles (`pg_*`).
fn person(tx: &mut postgres::Transaction<'_>, login: &str) -> Result<()> {
    let row = tx
        .query_opt(
            "SELECT r.rolcanlogin AND NOT EXISTS (SELECT 1 FROM pg_auth_members m \
             WHERE m.roleid = r.oid AND m.member <> (SELECT oid FROM pg_roles \
             WHERE rolname = current_user)) FROM pg_roles r WHERE r.rolname = $1",
            &[&login],
        )
        .map_err(|e| db(&e))?;
    let can_login = row.as_ref().is_some_and(|r| r.get::<_, bool>(0));
    let reserved = login.starts_with("pg_") || login.starts_with("fahrplan_");
    if row.is_some() && (!can_login || reserved) {
        return Err(StoreError::NotALogin(login.to_owned()));
    }
    Ok(())
}

/// Refuses (and so rolls back) when `login` is still a member of `role` after a REVOKE: since
/// PostgreSQL 16 a REVOKE takes only the grants the revoking role made and merely warns about
/// others (another administrator's grant, a membership through a group).
fn still_member(tx: &mut postgres::Transaction<'_>, login: &str, role: &str) -> Result<()> {
    let member: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles r, pg_roles l \
             WHERE r.rolname = $1 AND l.rolname = $2 AND pg_has_role(l.oid, r.oid, 'MEMBER'))",
            &[&role, &login],
        )
        .map_err(|e| db(&e))?
        .get(0);
    if member {
        return Err(StoreError::StillMember { login: login.to_owned(), role: role.to_owned() });
    }
    Ok(())
}

/// Takes every role in roadmap `name` from `login`.
pub fn revoke(client: &mut postgres::Client, login: &str, name: &str) -> Result<()> {
    let name = roadmap_name(name)?;
    let mut tx = client.transaction().map_err(|e| db(&e))?;
    if !exists(&mut tx, name)? {
        return Err(StoreError::NoRoadmap { name: name.to_owned() });
    }
    for role in [RoadmapRole::Editor, RoadmapRole::Viewer, RoadmapRole::Admin] {
        let role = role_name(name, role);
        // A roadmap older than the administrators' role has none to take.
        if role_exists(&mut tx, &role)? {
            tx.batch_execute(&format!("REVOKE {role} FROM {};", quoted(login)))
                .map_err(|e| db(&e))?;
            still_member(&mut tx, login, &role)?;
        }
    }
    tx.commit().map_err(|e| db(&e))
}

/// The roadmaps the connected user may see, by name, with the user's role in each.
pub fn list_roadmaps(client: &mut postgres::Client) -> Result<Vec<RoadmapAccess>> {
    let rows = client
        .query(
            "SELECT n.nspname, \
                    CASE WHEN r.rolsuper OR n.nspowner = r.oid THEN 'admin' \
                         WHEN a.oid IS NOT NULL AND pg_has_role(r.oid, a.oid, 'MEMBER') \
                              THEN 'admin' \
                         WHEN pg_has_role(r.oid, e.oid, 'MEMBER') THEN 'editor' \
                         WHEN pg_has_role(r.oid, v.oid, 'MEMBER') THEN 'viewer' END \
             FROM pg_namespace n \
             JOIN pg_roles e ON e.rolname = 'fahrplan_' || n.nspname || '_editor' \
             JOIN pg_roles v ON v.rolname = 'fahrplan_' || n.nspname || '_viewer' \
             JOIN pg_roles r ON r.rolname = current_user \
             LEFT JOIN pg_roles a ON a.rolname = 'fahrplan_' || n.nspname || '_admin' \
             ORDER BY n.nspname",
            &[],
        )
        .map_err(|e| db(&e))?;
    Ok(rows
        .iter()
        // Only schemas that can be roadmaps (a name is used in statements and file names).
        .filter(|row| super::valid_roadmap_name(row.get::<_, &str>(0)))
        .filter_map(|row| {
            let role = match row.get::<_, Option<&str>>(1)? {
                "admin" => RoadmapRole::Admin,
                "editor" => RoadmapRole::Editor,
                _ => RoadmapRole::Viewer,
            };
            Some(RoadmapAccess { name: row.get(0), role })
        })
        .collect())
}
