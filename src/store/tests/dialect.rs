//! The logic every engine shares speaks only the dialect of `store/sql.rs`: no engine's API in its
//! code, and in its SQL nothing one of SQLite and PostgreSQL does not understand. The SQL is
//! found as the string literals of the shared files that read like SQL.

/// The files of the logic every engine shares.
const SHARED: [(&str, &str); 5] = [
    ("write.rs", include_str!("../write.rs")),
    ("records.rs", include_str!("../records.rs")),
    ("queries.rs", include_str!("../queries.rs")),
    ("undo.rs", include_str!("../undo.rs")),
    ("seed.rs", include_str!("../seed.rs")),
];

/// One engine's API, which the shared code must not name (anywhere, comments included).
const ENGINE_API: [&str; 8] = [
    "rusqlite",
    "Transaction<",
    "query_row",
    "prepare_cached",
    "OptionalExtension",
    "last_insert_rowid",
    "execute_batch",
    "Connection",
];

/// Words of one engine's SQL only (whole words, any case).
const ENGINE_WORDS: [&str; 22] = [
    "LAST_INSERT_ROWID",
    "ROWID",
    "GROUP_CONCAT",
    "STRING_AGG",
    "DATETIME",
    "STRFTIME",
    "JULIANDAY",
    "IFNULL",
    "IIF",
    "INSTR",
    "PRINTF",
    "TYPEOF",
    "GLOB",
    "ILIKE",
    "AUTOINCREMENT",
    "PRAGMA",
    "CHANGES",
    "TOTAL_CHANGES",
    "TRUE",
    "FALSE",
    "SERIAL",
    "NOW",
];

/// Phrases of one engine's SQL only (any case, spaces as one).
const ENGINE_PHRASES: [&str; 8] =
    ["OR REPLACE", "OR IGNORE", "REPLACE INTO", "INSERT OR", "JSON_", "SELECT EXISTS", "::", "\""];

/// Words that make a literal SQL (or a piece of it).
const SQL_WORDS: [&str; 8] =
    ["SELECT", "INSERT", "UPDATE", "DELETE", "FROM", "WHERE", "VALUES", "SET"];

/// The string literals of Rust source `src`, with their escapes resolved (comments, characters
/// and lifetimes skipped).
fn literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && !ident_before && matches!(next, Some('"' | '#')) {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            let start = i + 2 + hashes;
            let end = (start..chars.len())
                .find(|&j| {
                    chars[j] == '"'
                        && chars[j + 1..].iter().take_while(|&&c| c == '#').count() >= hashes
                })
                .unwrap_or(chars.len());
            found.push(chars[start..end].iter().collect());
            i = end + 1 + hashes;
        } else if c == '"' {
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                    match chars.get(i) {
                        Some('\n') => {
                            while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                                i += 1;
                            }
                        }
                        Some('n') => text.push('\n'),
                        Some('t') => text.push('\t'),
                        Some(&other) => text.push(other),
                        None => {}
                    }
                } else {
                    text.push(chars[i]);
                }
                i += 1;
            }
            found.push(text);
        } else if c == '\'' && next == Some('\\') {
            // A character such as '\'' or '\n'.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 2;
        }
        i += 1;
    }
    found
}

/// The words of `sql`, upper case.
fn words(sql: &str) -> Vec<String> {
    sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// The text between the parenthesis that opens at byte `open` of `text` and its partner, and
/// what follows the partner.
fn parenthesised(text: &str, open: usize) -> (&str, &str) {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return (&text[open + 1..open + i], &text[open + i + 1..]);
                }
            }
            _ => {}
        }
    }
    (&text[open + 1..], "")
}

/// Whether `inner` has a comma outside nested parentheses.
fn has_top_level_comma(inner: &str) -> bool {
    let mut depth = 0;
    inner.chars().any(|c| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        c == ',' && depth == 0
    })
}

/// What breaks the dialect in one piece of SQL.
fn sql_problems(sql: &str) -> Vec<String> {
    let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase();
    let mut problems = Vec::new();
    let words = words(&flat);
    for word in ENGINE_WORDS {
        if words.iter().any(|w| w == word) {
            problems.push(word.to_owned());
        }
    }
    for phrase in ENGINE_PHRASES {
        if flat.contains(phrase) {
            problems.push(phrase.to_owned());
        }
    }
    // `IS ?1` is SQLite's; both say `IS NOT DISTINCT FROM ?1`.
    if flat.contains(" IS ?") || flat.contains(" IS NOT ?") {
        problems.push("IS with a parameter".to_owned());
    }
    // Parameters are `?1`, `?2`, …
    let bytes = flat.as_bytes();
    for (i, c) in flat.char_indices() {
        let numbered = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if (c == '?' && !numbered) || c == '$' || c == '@' {
            problems.push(format!("parameter {c}"));
        }
    }
    for (i, _) in flat.match_indices('(') {
        let before = flat[..i].trim_end();
        let (inner, after) = parenthesised(&flat, i);
        // No two-argument scalar max or min.
        if (before.ends_with("MAX") || before.ends_with("MIN"))
            && !before.ends_with("_MAX")
            && has_top_level_comma(inner)
        {
            problems.push(format!("two-argument {}", &before[before.len() - 3..]));
        }
        // Every subquery in FROM has an alias, given with AS.
        if (before.ends_with("FROM") || before.ends_with("JOIN"))
            && inner.trim_start().starts_with("SELECT")
            && !after.trim_start().starts_with("AS ")
        {
            problems.push("subquery without an alias".to_owned());
        }
    }
    problems
}

/// Whether a literal is SQL (or a piece of it).
fn is_sql(literal: &str) -> bool {
    words(literal).iter().any(|w| SQL_WORDS.contains(&w.as_str()))
}

/// What breaks the dialect in a shared file's source.
fn problems(src: &str) -> Vec<String> {
    let mut found: Vec<String> =
        ENGINE_API.iter().filter(|api| src.contains(*api)).map(|api| (*api).to_owned()).collect();
    for literal in literals(src) {
        if is_sql(&literal) {
            found.extend(sql_problems(&literal).into_iter().map(|p| format!("{p} in {literal:?}")));
        }
    }
    found
}

#[test]
fn the_shared_logic_speaks_only_the_shared_dialect() {
    let mut wrong = Vec::new();
    for (name, src) in SHARED {
        assert!(literals(src).iter().any(|l| is_sql(l)), "{name} has SQL");
        wrong.extend(problems(src).into_iter().map(|p| format!("{name}: {p}")));
    }
    assert!(wrong.is_empty(), "the shared dialect is broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_what_breaks_the_dialect() {
    let bad = [
        ("let tx: &rusqlite::Transaction<'_> = t;", "rusqlite"),
        ("let id = tx.last_insert_rowid();", "last_insert_rowid"),
        (
            r#"tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", p)"#,
            "OR REPLACE",
        ),
        (r#"q("INSERT OR IGNORE INTO t (a) VALUES (?1)")"#, "OR IGNORE"),
        (r#"q("SELECT group_concat(code) FROM measure")"#, "GROUP_CONCAT"),
        (r#"q("SELECT datetime('now') FROM batch")"#, "DATETIME"),
        (r#"q("SELECT strftime('%Y', at) FROM history")"#, "STRFTIME"),
        ("q(\"SELECT max(coalesce(a, 0), \\\n  b) FROM t\")", "two-argument MAX"),
        (r#"q("SELECT x FROM (SELECT 1 AS x)")"#, "subquery without an alias"),
        (r#"q("SELECT id FROM history WHERE code IS ?1")"#, "IS with a parameter"),
        (r#"q("SELECT id FROM owner WHERE name = $1")"#, "parameter $"),
        (r#"q("SELECT id FROM owner WHERE name = ?")"#, "parameter ?"),
        (r#"q("SELECT id FROM owner WHERE name = \"x\"")"#, "\""),
        (r##"q(r#"SELECT rowid FROM measure"#)"##, "ROWID"),
        (r#"q("UPDATE measure SET archived = TRUE")"#, "TRUE"),
    ];
    for (src, problem) in bad {
        let found = problems(src);
        assert!(found.iter().any(|p| p.starts_with(problem)), "{src}: {found:?}");
    }
    let good = [
        r#"q("SELECT coalesce(max(x), 0) + 1 FROM (SELECT max(id) AS x FROM measure) AS t")"#,
        r#"q("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")"#,
        r#"q("SELECT id FROM history WHERE code IS NOT DISTINCT FROM ?1 AND x = 'it''s'")"#,
        r#"let e = format!("column {i}: {t:?} is not valid"); let c = '"'; let l: &'static str = "";"#,
        "// INSERT OR REPLACE in a comment is no SQL\nfn f() {}",
    ];
    for src in good {
        assert!(problems(src).is_empty(), "{src}: {:?}", problems(src));
    }
}
