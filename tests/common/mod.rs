//! What the integration tests share: running the binary as the town's scripts do.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `fahrplan ARGS --db DB` with a fixed user and "today" (2026-11-27), German, and no
/// database or language from the environment.
pub fn fahrplan(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("FAHRPLAN_DB")
        .env_remove("FAHRPLAN_LANG")
        .env("FAHRPLAN_USER", "it-leitung")
        .env("FAHRPLAN_TODAY", "2026-11-27")
        .output()
        .expect("the binary runs")
}
