//! The links the measures' framework references name when a catalogue comes into a roadmap.

use super::{Catalog, RequirementLink};

/// The framework a catalogue of this name belongs to, if it is one the measures refer to
/// ("ITIL 4" → ITIL 4, "VdS 3473" → VdS 3473, "BSI IT-Grundschutz" → BSI).
fn framework_of(catalog: &str) -> Option<crate::model::Framework> {
    // Whole words only ("Basisabsicherung" is no BSI catalogue); "ITIL 4", "VdS 3473" as two.
    let words: Vec<String> = catalog
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let pair = |a: &str, b: &str| {
        words.windows(2).any(|p| p[0] == a && p[1] == b) || has(&format!("{a}{b}"))
    };
    if pair("itil", "4") {
        Some(crate::model::Framework::Itil4)
    } else if pair("vds", "3473") {
        Some(crate::model::Framework::Vds3473)
    } else if has("bsi") || has("grundschutz") {
        Some(crate::model::Framework::Bsi)
    } else {
        None
    }
}

/// The numbers in a reference ("Kap. 10.3 Basisschutz (10.3.1 Updates)" → 10.3, 10.3.1).
fn numbers(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
                // A dot continues the number only when a digit follows.
                if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
                    end += 1;
                }
            }
            out.push(&text[start..end]);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The links the measures' framework references name in `catalog`: a reference that is a
/// requirement's id, or whose numbers name requirements ("Kap. 4.1 …" names 4.1 and every
/// 4.1.x; "Kap. 10" every requirement of chapter 10).
pub fn derived_links(
    measures: &[crate::model::Measure],
    catalog: &Catalog,
) -> Vec<RequirementLink> {
    let Some(framework) = framework_of(&catalog.name) else { return Vec::new() };
    let ids: Vec<&str> = catalog.requirements().iter().map(|r| r.node.id.as_str()).collect();
    let mut links = std::collections::BTreeSet::new();
    for m in measures {
        for r in m.frameworks.iter().filter(|r| r.framework == framework) {
            let reference = r.reference.trim();
            // The reference is the id ("Incident management"), or starts with it ("ORP.1
            // Organisation"); chapter numbers only for VdS ("Kap. 4.1 …").
            let first = reference.split_whitespace().next().unwrap_or_default();
            // The id, or one below it ("ORP.1" names ORP.1.A1 too).
            let below = |id: &str, top: &str| {
                id == top || id.strip_prefix(top).is_some_and(|rest| rest.starts_with('.'))
            };
            let mut found: Vec<&str> = match framework {
                crate::model::Framework::Vds3473 => Vec::new(),
                _ => {
                    ids.iter().copied().filter(|id| *id == reference || below(id, first)).collect()
                }
            };
            if framework == crate::model::Framework::Vds3473 {
                for n in numbers(reference) {
                    found.extend(ids.iter().copied().filter(|id| {
                        *id == n || id.strip_prefix(n).is_some_and(|rest| rest.starts_with('.'))
                    }));
                }
            }
            for id in found {
                links.insert(RequirementLink {
                    code: m.code.clone(),
                    catalog: catalog.name.clone(),
                    requirement: id.to_owned(),
                });
            }
        }
    }
    links.into_iter().collect()
}
