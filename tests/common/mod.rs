//! What the integration tests share: running the binary as the town's scripts do.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `fahrplan ARGS --db DB` with a fixed user and "today" (2026-11-27), German, and no
/// database, roadmap, language, network-drive mode or server login from the environment.
#[allow(dead_code, reason = "not every test file runs on the default day")]
pub fn fahrplan(db: &Path, args: &[&str]) -> Output {
    fahrplan_on("2026-11-27", db, args)
}

/// [`fahrplan`] on another "today" (ISO).
pub fn fahrplan_on(today: &str, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("FAHRPLAN_DB")
        .env_remove("FAHRPLAN_LANG")
        // Nothing of the environment of whoever runs the tests decides what they see.
        .env_remove("FAHRPLAN_ROADMAP")
        .env_remove("FAHRPLAN_NETWORK_DRIVE")
        .env_remove("PGUSER")
        .env_remove("PGPASSWORD")
        .env("FAHRPLAN_USER", "it-leitung")
        .env("FAHRPLAN_TODAY", today)
        .output()
        .expect("the binary runs")
}

/// Whether an external program is there; in CI (`CI` set) its absence is a failure.
#[allow(dead_code, reason = "not every test file checks with external programs")]
pub fn have(program: &str, probe: &[&str]) -> bool {
    let found = Command::new(program).args(probe).output().is_ok_and(|o| o.status.success());
    if !found {
        let what = format!("{program} {}", probe.join(" "));
        assert!(std::env::var_os("CI").is_none(), "`{what}` must work in CI (see .ci/run)");
        eprintln!("skipped: `{what}` does not work here");
    }
    found
}
