//! What the packages carry and call: the version with its commit, the manual page and the shell
//! completions made from the command line's definition, the window's icon, and the desktop
//! entry, metainfo and package description agreeing with each other and with the files. The
//! validators themselves (desktop-file-validate, appstreamcli) and an install of the built
//! package run in `.ci/package`.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn fahrplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args(args)
        .env_remove("FAHRPLAN_DB")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn repo(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn version_names_the_release_and_the_commit() {
    let out = stdout(&fahrplan(&["--version"]));
    let rest = out
        .trim_end()
        .strip_prefix(&format!("fahrplan {} (", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("{out:?}"));
    let commit = rest.strip_suffix(')').unwrap_or_else(|| panic!("{out:?}"));
    // A checkout names its commit (12 hex digits); a build without git says so in words.
    assert!(
        (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit()))
            || commit == "unknown commit"
            || std::env::var_os("FAHRPLAN_COMMIT").is_some(),
        "{out:?}"
    );
    if Path::new(env!("CARGO_MANIFEST_DIR")).join(".git").exists() {
        let head = Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        if head.status.success() && std::env::var_os("FAHRPLAN_COMMIT").is_none() {
            assert_eq!(commit, String::from_utf8_lossy(&head.stdout).trim());
        }
    }
}

#[test]
fn the_manual_page_and_completions_come_from_the_command_line() {
    let man = stdout(&fahrplan(&["manpage"]));
    assert!(man.contains(".TH fahrplan 1"), "{}", &man[..man.len().min(300)]);
    // Every subcommand a town's script calls is in the manual, the packagers' own are not.
    for command in ["set\\-status", "export", "assessment", "backup", "server"] {
        assert!(man.contains(command), "the manual names {command}");
    }
    assert!(!man.contains("completions") && !man.contains("manpage"));
    let bash = stdout(&fahrplan(&["completions", "bash"]));
    assert!(bash.contains("complete -F _fahrplan") && bash.contains("set-status"));
    let zsh = stdout(&fahrplan(&["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef fahrplan") && zsh.contains("set-status"));
    let fish = stdout(&fahrplan(&["completions", "fish"]));
    assert!(fish.contains("complete -c fahrplan") && fish.contains("set-status"));
    // An unknown shell is a wrong input: exit 1.
    assert_eq!(fahrplan(&["completions", "cmd.exe"]).status.code(), Some(1));
}

#[test]
fn the_window_icon_is_the_menu_entrys() {
    let icon = fahrplan::ui::window_icon().expect("the embedded icon decodes");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    // Not an empty picture: the blue tile covers most of it.
    let opaque = icon.rgba.chunks(4).filter(|p| p[3] == 255).count();
    assert!(opaque > 256 * 256 / 2, "{opaque}");
    let packaged = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("packaging/icons/hicolor/256x256/apps/fahrplan.png"),
    )
    .unwrap();
    assert_eq!(
        packaged,
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon-256.png")).unwrap()
    );
}

#[test]
fn desktop_entry_metainfo_and_package_agree() {
    let desktop = repo("packaging/fahrplan.desktop");
    let entry = |key: &str| {
        desktop
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("{key} missing"))
            .to_owned()
    };
    assert_eq!(entry("Exec"), "fahrplan %f");
    assert_eq!(entry("Icon"), "fahrplan");
    assert_eq!(entry("Categories"), "Office;ProjectManagement;");
    assert!(desktop.contains("Comment[de]="));
    // The window says it is this entry's (Wayland's app id, X11's class).
    assert_eq!(entry("StartupWMClass"), "fahrplan");
    let metainfo = repo("packaging/de.fahrplan.Fahrplan.metainfo.xml");
    assert!(metainfo.contains(r#"<launchable type="desktop-id">fahrplan.desktop</launchable>"#));
    assert!(metainfo.contains(&format!(r#"<release version="{}""#, env!("CARGO_PKG_VERSION"))));
    assert!(metainfo.contains("<screenshot type=\"default\">"));
    // The screenshot a software centre shows is a file of this repository (at the release's tag).
    let image = metainfo.split("<image>").nth(1).and_then(|r| r.split("</image>").next()).unwrap();
    let tag = format!(
        "https://raw.githubusercontent.com/fahrplan-app/fahrplan/v{}/",
        env!("CARGO_PKG_VERSION")
    );
    let file = image.strip_prefix(&tag).unwrap_or_else(|| panic!("{image}"));
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(file).is_file(), "{file}");
    // Double clicks open Fahrplan's own files (SQLite with the application id "FPLN"), not
    // every SQLite file.
    assert_eq!(entry("MimeType"), "application/x-fahrplan;");
    let mime = repo("packaging/fahrplan-mime.xml");
    assert!(mime.contains(r#"<mime-type type="application/x-fahrplan">"#));
    assert!(mime.contains(r#"<match type="string" offset="68" value="FPLN"/>"#));
    assert_eq!(fahrplan::store::APPLICATION_ID.to_be_bytes(), *b"FPLN");
    // Every file the package lists exists (or is made by .ci/package before `cargo deb`).
    let manifest: toml_like::Assets = toml_like::assets(&repo("Cargo.toml"));
    assert!(manifest.len() >= 15, "{manifest:?}");
    for source in manifest {
        if source.starts_with("target/") {
            continue;
        }
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(&source).is_file(), "{source}");
    }
}

/// The `assets` of `[package.metadata.deb]`, read from the manifest's lines (no TOML parser in
/// the tree for one list).
mod toml_like {
    pub type Assets = Vec<String>;

    pub fn assets(manifest: &str) -> Assets {
        let start = manifest.find("\nassets = [").expect("[package.metadata.deb] assets");
        manifest[start..]
            .lines()
            .skip(1)
            .take_while(|l| l.trim() != "]")
            .filter_map(|l| l.trim().strip_prefix("[\"")?.split('"').next().map(str::to_owned))
            .collect()
    }
}

#[test]
fn a_file_named_alone_is_the_roadmap_and_options_before_a_command_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rathaus.sqlite");
    let db = db.to_str().unwrap();
    assert!(fahrplan(&["new", db, "--empty"]).status.success());
    // The scripts' order (options first) and the desktop's (`fahrplan %f`, here with a command).
    for args in [&["--db", db, "list", "--format", "json"][..], &[db, "list", "--format", "json"]] {
        assert_eq!(stdout(&fahrplan(args)).trim(), "[]", "{args:?}");
    }
    // A named file wins over FAHRPLAN_DB (the administrator's preset).
    let out = Command::new(env!("CARGO_BIN_EXE_fahrplan"))
        .args([db, "list", "--format", "json"])
        .env("FAHRPLAN_DB", dir.path().join("elsewhere.sqlite"))
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn a_mistyped_command_is_no_file_to_open() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["lsit"][..],
        &["set-stauts", "M01", "done"],
        &["--lang", "en", "lsit", "--format", "json"],
    ] {
        let typo = args.iter().find(|a| !a.starts_with('-') && **a != "en").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_fahrplan"))
            .args(args)
            .current_dir(dir.path())
            .env_remove("FAHRPLAN_DB")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{typo}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("unrecognized subcommand '{typo}'")), "{stderr}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing created");
    // clap's own `help` is still a command.
    assert!(stdout(&fahrplan(&["help", "list"])).contains("--format"));
}
