//! The layers are one-way (README, "Which layer uses which"): production code of each layer names
//! only the layers it may use. Test modules (`#[cfg(test)]` to the end of a file, `tests/`
//! folders and `tests.rs` files) may seed a roadmap through the store and are not checked.

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

/// The layers a file's production code names (`crate::x`, `use crate::{x, …}` lists are not used
/// in this code base).
fn named(text: &str) -> Vec<&'static str> {
    let production = text.find("#[cfg(test)]").map_or(text, |i| &text[..i]);
    LAYERS
        .iter()
        .copied()
        .filter(|layer| {
            production.match_indices(&format!("crate::{layer}")).any(|(i, m)| {
                // A whole name: `crate::app` but not `crate::application`.
                !production[i + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
        })
        .collect()
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

#[test]
fn the_check_sees_a_name_that_breaks_the_rules() {
    assert_eq!(named("use crate::store::Store;\nfn f() {}"), ["store"]);
    assert_eq!(named("fn f() { crate::i18n::I18n::new() }"), ["i18n"]);
    assert!(named("//! crate::application\n").is_empty());
    assert!(named("fn f() {}\n#[cfg(test)]\nmod tests { use crate::store::Store; }").is_empty());
}
