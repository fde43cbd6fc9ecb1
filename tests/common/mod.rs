//! What the integration tests share: running the binary as the town's scripts do, and the one
//! rule for tests that cannot run here (a failure in CI, a note elsewhere).

#![allow(dead_code, reason = "each test file uses some of these")]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `fahrplan ARGS --db DB` with a fixed user and "today" (2026-11-27), German, and no
/// database, roadmap, language, network-drive mode or server login from the environment.
#[allow(dead_code, reason = "not every test file runs on the default day")]
pub fn fahrplan(db: &Path, args: &[&str]) -> Output {
    fahrplan_on("2026-11-27", db, args)
}

/// [`fahrplan`] on another "today" (ISO). A test starts from the default roadmap as `fahrplan
/// new` makes it: a missing file is created so first (not for `new`, `import` and `restore`,
/// which make files themselves, nor for a server). [`fahrplan_raw`] leaves a missing file
/// missing.
pub fn fahrplan_on(today: &str, db: &Path, args: &[&str]) -> Output {
    let server = db.to_str().is_some_and(|d| d.starts_with("postgres"));
    let makes_files = matches!(args.first(), Some(&("new" | "import" | "restore")));
    if !db.exists() && !server && !makes_files {
        let lang = args.windows(2).find(|w| w[0] == "--lang").map_or("de", |w| w[1]);
        new_roadmap(db, lang);
    }
    fahrplan_raw(today, db, args)
}

/// `fahrplan new DB --lang LANG`: the default roadmap in that language; it must succeed.
pub fn new_roadmap(db: &Path, lang: &str) {
    let created =
        fahrplan_raw("2026-11-27", Path::new("-"), &["new", &db.to_string_lossy(), "--lang", lang]);
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
}

/// [`fahrplan_on`] exactly as asked: nothing is created first.
pub fn fahrplan_raw(today: &str, db: &Path, args: &[&str]) -> Output {
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
        // Copies a command keeps in the user's own folder stay in the build's folder.
        .env("XDG_DATA_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("data"))
        .env("FAHRPLAN_TODAY", today)
        .output()
        .expect("the binary runs")
}

/// Whether the tests run in CI: `CI` set to anything but empty, `0` or `false` (`.ci/run`
/// exports `CI=true`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// A test, or part of one, that cannot run here for want of `what`: in CI a failure, elsewhere
/// a note. Every such skip goes through here; no test returns silently.
pub fn unavailable(what: &str) {
    assert!(!in_ci(), "{what} is required in CI (see .ci/run)");
    eprintln!("skipped: {what} is not available here");
}

/// Whether an external program is there; in CI its absence is a failure.
#[allow(dead_code, reason = "not every test file checks with external programs")]
pub fn have(program: &str, probe: &[&str]) -> bool {
    let found = Command::new(program).args(probe).output().is_ok_and(|o| o.status.success());
    if !found {
        unavailable(&format!("`{program} {}`", probe.join(" ")));
    }
    found
}

/// Checks one roadmap of `overview --format json` against that roadmap's own `summary --format
/// json`, figure by figure, computed here from the summary's lists and totals.
#[allow(dead_code, reason = "used by the overview's tests")]
pub fn assert_overview_matches_summary(entry: &serde_json::Value, summary: &serde_json::Value) {
    let name = &entry["name"];
    let total = &summary["total"];
    let len = |v: &serde_json::Value| v.as_array().map_or(usize::MAX, Vec::len);
    let overdue_reevaluations = len(&summary["reevaluations_overdue"]);
    // `summary` lists every re-evaluation due within 30 days, the overdue ones included.
    let due_reevaluations = len(&summary["reevaluations_due"]) - overdue_reevaluations;
    let expected = [
        ("measures", total["total"].as_u64().unwrap_or(u64::MAX) as usize),
        ("done", total["done"].as_u64().unwrap_or(u64::MAX) as usize),
        ("overdue", len(&summary["overdue"])),
        ("reevaluations_overdue", overdue_reevaluations),
        ("reevaluations_due", due_reevaluations),
        ("unconfirmed", len(&summary["unconfirmed"])),
    ];
    for (field, value) in expected {
        assert_eq!(entry[field].as_u64(), Some(value as u64), "{name}: {field}");
    }
    for field in ["planned_to_date_cents", "spent_cents"] {
        assert_eq!(entry[field], total[field], "{name}: {field}");
    }
    assert_eq!(entry["overdue_codes"], summary["overdue"], "{name}: which are overdue");
}
