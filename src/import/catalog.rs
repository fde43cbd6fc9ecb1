//! Catalogues of requirements from outside: OSCAL 1.x catalog JSON (groups, groups in groups,
//! controls, nested controls, a control's `statement` part as its text, `props` kept as
//! attributes) and CSV (`group;id;title;text;level`, comma or semicolon, UTF-8 with or without
//! BOM) for checklists kept in spreadsheets. A file that cannot be read is refused with where
//! the first problem is; nothing is written.

use serde_json::Value;

use super::{ImportError, ImportPlace, ImportProblem};
use crate::model::{Catalog, Node};

/// The largest catalogue file read: 64 MB.
pub const MAX_CATALOG_BYTES: usize = 64 * 1024 * 1024;

/// The formats a catalogue is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogFormat {
    /// OSCAL catalog JSON.
    Oscal,
    /// CSV: group, id, title, text, level.
    Csv,
}

impl CatalogFormat {
    /// The format a file's name or first byte suggests: JSON starts with `{`.
    pub fn guess(bytes: &[u8]) -> Self {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
            Self::Oscal
        } else {
            Self::Csv
        }
    }
}

/// A name or title without control characters (a file from outside may hide terminal escapes
/// in them); a statement keeps its line breaks.
fn clean(text: &str, keep_lines: bool) -> String {
    text.trim().chars().filter(|c| !c.is_control() || (keep_lines && *c == '\n')).collect()
}

fn refused(location: ImportPlace, problem: ImportProblem) -> ImportError {
    ImportError { location, problem }
}

/// Reads a catalogue; `name` overrides the one the file gives (an OSCAL title, else
/// `fallback`, the file's name).
pub fn parse_catalog(
    bytes: &[u8],
    format: CatalogFormat,
    name: Option<&str>,
    fallback: &str,
) -> Result<Catalog, ImportError> {
    // Larger than any catalogue of checklists (Grundschutz++ is a few MB): refused unparsed.
    if bytes.len() > MAX_CATALOG_BYTES {
        return Err(refused(ImportPlace::File, ImportProblem::CatalogTooLarge(bytes.len())));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut catalog = match format {
        CatalogFormat::Oscal => oscal(bytes)?,
        CatalogFormat::Csv => csv_catalog(bytes)?,
    };
    if let Some(name) = name {
        catalog.name = clean(name, false);
    }
    if catalog.name.is_empty() {
        catalog.name = clean(fallback, false);
    }
    if let Some(problem) = catalog.problem() {
        return Err(refused(ImportPlace::File, ImportProblem::Assessment(problem)));
    }
    crate::model::check_catalog(&catalog)
        .map_err(|e| refused(ImportPlace::File, ImportProblem::Invalid(e)))?;
    Ok(catalog)
}

// --- OSCAL ---------------------------------------------------------------------------------------

fn oscal(bytes: &[u8]) -> Result<Catalog, ImportError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        refused(
            ImportPlace::At { line: e.line(), column: e.column() },
            ImportProblem::Syntax(e.to_string()),
        )
    })?;
    let Some(catalog) = value.get("catalog").filter(|c| c.is_object()) else {
        return Err(refused(ImportPlace::File, ImportProblem::NotCatalog));
    };
    let metadata = catalog.get("metadata");
    let text = |v: Option<&Value>, key: &str| {
        clean(v.and_then(|v| v.get(key)).and_then(Value::as_str).unwrap_or_default(), false)
    };
    let mut nodes = Vec::new();
    for (i, g) in array(catalog, "groups").iter().enumerate() {
        nodes.push(oscal_node(g, true, &format!("groups[{i}]"))?);
    }
    for (i, c) in array(catalog, "controls").iter().enumerate() {
        nodes.push(oscal_node(c, false, &format!("controls[{i}]"))?);
    }
    Ok(Catalog {
        name: text(metadata, "title"),
        version: text(metadata, "version"),
        source: format!("OSCAL {}", text(metadata, "oscal-version")).trim().to_owned(),
        nodes,
    })
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// A group (with its groups and controls) or a control (with its controls).
fn oscal_node(v: &Value, group: bool, path: &str) -> Result<Node, ImportError> {
    let str_of = |key: &str| v.get(key).and_then(Value::as_str).map(|t| clean(t, false));
    let Some(id) = str_of("id").filter(|id| !id.is_empty()) else {
        let what = if group { "group" } else { "control" };
        return Err(refused(ImportPlace::Item(path.to_owned()), ImportProblem::MissingId(what)));
    };
    let here = format!("{path} ({id})");
    let mut node = Node {
        id: id.clone(),
        title: str_of("title").unwrap_or_default(),
        group,
        ..Node::default()
    };
    for p in array(v, "props") {
        let (Some(name), Some(value)) =
            (p.get("name").and_then(Value::as_str), p.get("value").and_then(Value::as_str))
        else {
            continue;
        };
        if node.level.is_empty()
            && ["level", "sec_level", "modal_verb"].iter().any(|k| name.eq_ignore_ascii_case(k))
        {
            node.level = clean(value, false).chars().take(crate::model::MAX_CODE).collect();
        }
        node.attributes.push((clean(name, false), clean(value, true)));
    }
    let mut prose = Vec::new();
    for part in array(v, "parts") {
        if part.get("name").and_then(Value::as_str) == Some("statement") {
            statement(part, &mut prose);
        }
    }
    node.text = prose.join("\n");
    if group {
        for (i, g) in array(v, "groups").iter().enumerate() {
            node.children.push(oscal_node(g, true, &format!("{here} / groups[{i}]"))?);
        }
    }
    for (i, c) in array(v, "controls").iter().enumerate() {
        node.children.push(oscal_node(c, false, &format!("{here} / controls[{i}]"))?);
    }
    Ok(node)
}

/// A statement's prose and its items' (with their labels), in order.
fn statement(part: &Value, out: &mut Vec<String>) {
    let label = array(part, "props")
        .iter()
        .find(|p| p.get("name").and_then(Value::as_str) == Some("label"))
        .and_then(|p| p.get("value").and_then(Value::as_str));
    let prose = part.get("prose").and_then(Value::as_str).map(|p| clean(p, true));
    if let Some(prose) = prose.filter(|p| !p.is_empty()) {
        let label = label.map(|l| clean(l, false));
        out.push(label.map_or_else(|| prose.clone(), |l| format!("{l} {prose}")));
    }
    for p in array(part, "parts") {
        statement(p, out);
    }
}

// --- CSV -----------------------------------------------------------------------------------------

/// The separator of a CSV file: the one of `;` and `,` its first line has more of.
fn separator(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    if count(b';') >= count(b',') { b';' } else { b',' }
}

fn csv_catalog(bytes: &[u8]) -> Result<Catalog, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut nodes: Vec<Node> = Vec::new();
    for (i, record) in reader.byte_records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(i + 1, |p| usize::try_from(p.line()).unwrap_or(0));
            refused(ImportPlace::At { line, column: 1 }, ImportProblem::Syntax(e.to_string()))
        })?;
        let line = record.position().map_or(i + 1, |p| usize::try_from(p.line()).unwrap_or(0));
        let at = || ImportPlace::At { line, column: 1 };
        let mut fields = Vec::with_capacity(5);
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                refused(ImportPlace::At { line, column: column + 1 }, ImportProblem::NotUtf8)
            })?;
            fields.push(clean(text, column == 3));
        }
        if fields.iter().all(String::is_empty) {
            continue;
        }
        let field = |n: usize| fields.get(n).map_or("", String::as_str);
        // A header line names its columns.
        if i == 0 && field(1).eq_ignore_ascii_case("id") {
            continue;
        }
        if fields.len() < 3 {
            return Err(refused(at(), ImportProblem::CsvColumns(fields.len())));
        }
        if field(1).is_empty() {
            return Err(refused(at(), ImportProblem::MissingId("requirement")));
        }
        let requirement = Node {
            id: field(1).to_owned(),
            title: field(2).to_owned(),
            text: field(3).to_owned(),
            level: field(4).to_owned(),
            ..Node::default()
        };
        let group = field(0);
        if group.is_empty() {
            nodes.push(requirement);
        } else if let Some(g) = nodes.iter_mut().find(|n| n.group && n.id == group) {
            g.children.push(requirement);
        } else {
            nodes.push(Node {
                id: group.to_owned(),
                title: group.to_owned(),
                group: true,
                children: vec![requirement],
                ..Node::default()
            });
        }
    }
    Ok(Catalog { name: String::new(), version: String::new(), source: "CSV".to_owned(), nodes })
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
