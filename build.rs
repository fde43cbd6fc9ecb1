//! Names the commit the binary was built from, for `fahrplan --version`: `FAHRPLAN_COMMIT` if
//! set, else the commit of this checkout (`git`, only when the checkout is this crate's own,
//! not a repository the sources were unpacked into), else the one `cargo package` recorded,
//! else "unknown commit".

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The commit of this crate's own checkout, watching the files a new commit changes (only those
/// that exist: cargo runs a build script again on every build while a watched path is missing).
fn checkout_commit() -> Option<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).canonicalize().ok()?;
    let top = Path::new(&git(&["rev-parse", "--show-toplevel"])?).canonicalize().ok()?;
    if top != manifest {
        return None;
    }
    for watched in ["HEAD", "logs/HEAD", "packed-refs"] {
        if let Some(path) = git(&["rev-parse", "--path-format=absolute", "--git-path", watched])
            && Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(path) = git(&["rev-parse", "--path-format=absolute", "--git-path", &branch])
        && Path::new(&path).exists()
    {
        println!("cargo:rerun-if-changed={path}");
    }
    git(&["rev-parse", "--short=12", "HEAD"])
}

/// The commit `cargo package` wrote into `.cargo_vcs_info.json` (a build from crates.io).
fn packaged_commit() -> Option<String> {
    let info =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".cargo_vcs_info.json"))
            .ok()?;
    let at = info.find("\"sha1\"")?;
    let hex: String = info[at + 6..]
        .chars()
        .skip_while(|c| !c.is_ascii_hexdigit())
        .take_while(char::is_ascii_hexdigit)
        .take(12)
        .collect();
    (hex.len() == 12).then_some(hex)
}

fn main() {
    println!("cargo:rerun-if-env-changed=FAHRPLAN_COMMIT");
    let commit = std::env::var("FAHRPLAN_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(checkout_commit)
        .or_else(packaged_commit)
        .unwrap_or_else(|| "unknown commit".to_owned());
    println!("cargo:rustc-env=FAHRPLAN_COMMIT={commit}");
}
