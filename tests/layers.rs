//! The layers are one-way (README, "Which layer uses which"): production code of each layer names
//! only the layers it may use. Items marked `#[cfg(test)]` (each one alone), `tests/` folders and
//! `tests.rs` files may seed a roadmap through the store and are not checked.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

const LAYERS: [&str; 9] =
    ["model", "i18n", "layout", "store", "export", "import", "app", "ui", "cli"];

/// Which layers each layer may name.
fn allowed(layer: &str) -> &'static [&'static str] {
    match layer {
        "model" => &[],
        "i18n" | "import" | "store" => &["model"],
        "layout" => &["model", "i18n"],
        "export" => &["layout", "model", "i18n"],
        "app" => &["store", "export", "import", "model", "i18n"],
        "ui" => &["app", "layout", "model", "i18n"],
        "cli" => &["app", "export", "import", "model", "i18n"],
        _ => unreachable!("{layer}"),
    }
}

fn sources(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_file() {
        found.push(path.to_owned());
        return;
    }
    for entry in std::fs::read_dir(path).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() && name != "tests" {
            sources(&path, found);
        } else if name.ends_with(".rs") && name != "tests.rs" && name != "testgen.rs" {
            found.push(path);
        }
    }
}

/// The end of the item that starts at `from` (after an attribute): its `;` or its brace-matched
/// block, whichever comes first.
fn item_end(text: &str, from: usize) -> usize {
    let mut depth = 0_usize;
    for (i, c) in text[from..].char_indices() {
        match c {
            ';' if depth == 0 => return from + i + 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return from + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// A file's production code: every item marked `#[cfg(test)]` (a test module, or a single
/// item such as a counter for a test) is cut out, and only that item.
fn production(text: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        kept.push_str(&rest[..at]);
        let after = at + "#[cfg(test)]".len();
        rest = &rest[item_end(rest, after)..];
    }
    kept.push_str(rest);
    kept
}

/// The layers a file's production code names: `crate::x…` and the names in `use crate::{x, …}`
/// lists.
fn named(text: &str) -> Vec<&'static str> {
    let production = production(text);
    let mut names: Vec<String> = Vec::new();
    for (i, m) in production.match_indices("crate::") {
        let after = &production[i + m.len()..];
        if let Some(list) = after.strip_prefix('{') {
            let end = item_end(after, 0).saturating_sub(1).max(1);
            let inner = &list[..end.min(list.len()).saturating_sub(1)];
            let mut depth = 0;
            let mut part = String::new();
            for c in inner.chars().chain(std::iter::once(',')) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(std::mem::take(&mut part));
                        continue;
                    }
                    _ => {}
                }
                part.push(c);
            }
        } else {
            names.push(after.to_owned());
        }
    }
    LAYERS
        .iter()
        .copied()
        .filter(|layer| {
            names.iter().any(|name| {
                // A whole name: `crate::app` but not `crate::application`.
                let name = name.trim_start();
                name.strip_prefix(layer).is_some_and(|rest| {
                    !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            })
        })
        .collect()
}

/// The names `src/app/storage.rs` hands on from the store (`pub use crate::store::…`).
fn facade() -> Vec<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/storage.rs"))
            .unwrap();
    let mut names = Vec::new();
    for (i, _) in text.match_indices("pub use crate::store::") {
        let end = item_end(&text, i);
        let item = &text[i..end];
        let list = item.split_once('{').map_or(item, |(_, l)| l);
        for name in list.split([',', '{', '}', ';', '\n']) {
            let name = name.trim().rsplit("::").next().unwrap_or("").trim();
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                names.push(name.to_owned());
            }
        }
    }
    names
}

#[test]
fn every_layer_names_only_the_layers_it_may_use() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for layer in LAYERS {
        let mut files = Vec::new();
        let dir = root.join(layer);
        let path = if dir.is_dir() { dir } else { root.join(format!("{layer}.rs")) };
        sources(&path, &mut files);
        assert!(!files.is_empty(), "{layer} has sources");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for other in named(&text) {
                if other != layer && !allowed(layer).contains(&other) {
                    wrong.push(format!("{} names {other}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layer rules broken:\n{}", wrong.join("\n"));
}

/// The window and the command line reach the store only through the app's facade
/// (`app::storage`), and that hands on data types, the `Storage` trait and functions on files,
/// never the engines themselves (`Store`, `PgStore`) or their SQL.
#[test]
fn the_store_reaches_ui_and_cli_only_as_the_facade_hands_it_on() {
    let names = facade();
    assert!(
        names.iter().any(|n| n == "Storage") && names.iter().any(|n| n == "BackupInfo"),
        "{names:?}"
    );
    for engine in ["Store", "PgStore", "Sql", "Connection", "pg", "sqlite", "queries"] {
        assert!(!names.iter().any(|n| n == engine), "app::storage hands on {engine}");
    }
    // What the window and the command line take from the facade is in it (no path around it).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = Vec::new();
    for layer in ["ui", "cli"] {
        let mut files = Vec::new();
        sources(&root.join(layer), &mut files);
        for file in files {
            let text = production(&std::fs::read_to_string(&file).unwrap());
            for (i, m) in text.match_indices("storage::") {
                let name: String = text[i + m.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.starts_with(char::is_uppercase) {
                    used.push((file.display().to_string(), name));
                }
            }
        }
    }
    assert!(!used.is_empty(), "the check sees the facade's use");
    let own = std::fs::read_to_string(root.join("app/storage.rs")).unwrap();
    for (file, name) in used {
        let defined_here = own.contains(&format!("pub struct {name}"))
            || own.contains(&format!("pub enum {name}"))
            || own.contains(&format!("pub type {name}"));
        assert!(names.contains(&name) || defined_here, "{file} takes {name} past the facade");
    }
}

#[test]
fn the_check_sees_a_name_that_breaks_the_rules() {
    assert_eq!(named("use crate::store::Store;\nfn f() {}"), ["store"]);
    assert_eq!(named("fn f() { crate::i18n::I18n::new() }"), ["i18n"]);
    assert!(named("//! crate::application\n").is_empty());
    assert!(named("fn f() {}\n#[cfg(test)]\nmod tests { use crate::store::Store; }").is_empty());
    // Only the item marked for tests is left out; production code after it is checked.
    let after = "#[cfg(test)]\nstatic N: u8 = 0;\nfn f() { crate::store::open() }";
    assert_eq!(named(after), ["store"]);
    let after = "#[cfg(test)]\nmod tests { fn t() {} }\npub use crate::export::x;";
    assert_eq!(named(after), ["export"]);
    // `use crate::{…}` lists.
    assert_eq!(named("use crate::{model::Measure, store::{Store, inspect}};"), ["model", "store"]);
}
