//! `server …`: creating roadmaps on a PostgreSQL server, giving and taking roles, listing what
//! a user may see.

use serde_json::json;

use super::args::{RoleArg, ServerCmd, TableFormat};
use super::{Context, Failure, out};
use crate::app::storage::{self, RoadmapRole};

/// Runs a `server` subcommand against the server named by `--db`.
pub(super) fn server(cx: &Context, action: &ServerCmd) -> Result<(), Failure> {
    let tr = cx.tr;
    let url = cx
        .db
        .to_str()
        .filter(|db| storage::is_server_url(db))
        .ok_or_else(|| Failure::Input(tr.t("cli-server-needs-url")))?;
    let roadmap = || cx.roadmap.ok_or_else(|| Failure::Input(tr.t("cli-server-needs-roadmap")));
    let failed = |e: storage::StoreError| Failure::store(&e, tr);
    match action {
        ServerCmd::Init { empty } => {
            let name = roadmap()?;
            storage::server_init(url, name, (!empty).then_some(tr.lang())).map_err(failed)?;
            out(&tr.f("cli-server-created", &[("name", &name)]));
        }
        ServerCmd::Grant { login, role } => {
            let name = roadmap()?;
            let role = match role {
                RoleArg::Editor => RoadmapRole::Editor,
                RoleArg::Viewer => RoadmapRole::Viewer,
                RoleArg::Admin => RoadmapRole::Admin,
            };
            storage::server_grant(url, login, role, name).map_err(failed)?;
            out(&tr.f(
                "cli-server-granted",
                &[("login", login), ("role", &role.as_str()), ("name", &name)],
            ));
        }
        ServerCmd::Revoke { login } => {
            let name = roadmap()?;
            storage::server_revoke(url, login, name).map_err(failed)?;
            out(&tr.f("cli-server-revoked", &[("login", login), ("name", &name)]));
        }
        ServerCmd::Roadmaps { format } => {
            let list = storage::server_roadmaps(url).map_err(failed)?;
            match format {
                TableFormat::Json => out(&super::output::to_json(&json!(list))),
                TableFormat::Table => {
                    for access in &list {
                        out(&format!("{:<32} {}", access.name, access.role.as_str()));
                    }
                }
            }
        }
    }
    Ok(())
}
