use super::*;

const OSCAL: &str = r#"{"catalog": {
  "uuid": "7e0b7f8a-3d5d-4d5e-9e55-0a0b0c0d0e0f",
  "metadata": {"title": "Grundschutz-Test", "version": "0.9", "oscal-version": "1.1.2",
               "last-modified": "2026-01-01T00:00:00Z"},
  "groups": [
    {"id": "GC", "class": "family", "title": "Governance und Compliance",
     "groups": [
       {"id": "GC.1", "title": "Grundlagen",
        "controls": [
          {"id": "GC.1.1", "title": "Verantwortung für Informationssicherheit",
           "props": [{"name": "level", "value": "MUSS"}, {"name": "label", "value": "GC.1.1"}],
           "parts": [{"id": "GC.1.1_smt", "name": "statement",
                      "prose": "Die Leitung MUSS Verantwortliche benennen.",
                      "parts": [{"id": "GC.1.1_smt.a", "name": "item",
                                 "props": [{"name": "label", "value": "a."}],
                                 "prose": "für Änderungen"}]},
                     {"id": "GC.1.1_gdn", "name": "guidance", "prose": "Hinweis"}],
           "controls": [
             {"id": "GC.1.1.1", "title": "Stellvertretung", "parts": []}
           ]}
        ]}
     ]},
    {"id": "OPS", "title": "Betrieb", "controls": [{"id": "OPS.1", "title": "Datensicherung"}]}
  ],
  "controls": [{"id": "X.1", "title": "Ohne Gruppe"}]
}}"#;

#[test]
fn an_oscal_catalog_keeps_its_tree_statements_and_props() {
    let c = parse_catalog(OSCAL.as_bytes(), CatalogFormat::Oscal, None, "file").unwrap();
    assert_eq!(c.name, "Grundschutz-Test");
    assert_eq!(c.version, "0.9");
    assert_eq!(c.requirement_count(), 4);
    let ids: Vec<(&str, &str, usize)> = c
        .requirements()
        .iter()
        .map(|r| (r.node.id.as_str(), r.group.map_or("", |g| g.id.as_str()), r.depth))
        .collect();
    assert_eq!(
        ids,
        [("GC.1.1", "GC", 2), ("GC.1.1.1", "GC", 3), ("OPS.1", "OPS", 1), ("X.1", "", 0)]
    );
    let first = c.requirement("GC.1.1").unwrap();
    assert_eq!(first.level, "MUSS");
    assert_eq!(first.text, "Die Leitung MUSS Verantwortliche benennen.\na. für Änderungen");
    assert!(first.attributes.contains(&("level".to_owned(), "MUSS".to_owned())));
    assert_eq!(c.groups(), [("GC", "Governance und Compliance"), ("OPS", "Betrieb"), ("", "")]);
    let named = parse_catalog(OSCAL.as_bytes(), CatalogFormat::Oscal, Some(" GS "), "f").unwrap();
    assert_eq!(named.name, "GS");
}

#[test]
fn a_broken_oscal_file_is_refused_with_its_place() {
    let broken = OSCAL.replacen("\"Betrieb\",", "\"Betrieb\"", 1);
    let e = parse_catalog(broken.as_bytes(), CatalogFormat::Oscal, None, "f").unwrap_err();
    assert_eq!(e.location, ImportPlace::At { line: 23, column: 38 });
    let e = parse_catalog(br#"{"profile": {}}"#, CatalogFormat::Oscal, None, "f").unwrap_err();
    assert_eq!(e.problem, ImportProblem::NotCatalog);
    let no_id = OSCAL.replace(r#"{"id": "OPS.1", "#, "{");
    let e = parse_catalog(no_id.as_bytes(), CatalogFormat::Oscal, None, "f").unwrap_err();
    assert_eq!(e.problem, ImportProblem::MissingId("control"));
    assert_eq!(e.location, ImportPlace::Item("groups[1] (OPS) / controls[0]".to_owned()));
    let twice = OSCAL.replace(r#""id": "OPS.1""#, r#""id": "GC.1.1""#);
    let e = parse_catalog(twice.as_bytes(), CatalogFormat::Oscal, None, "f").unwrap_err();
    assert!(matches!(
        e.problem,
        ImportProblem::Assessment(crate::model::AssessError::DuplicateId { .. })
    ));
}

#[test]
fn csv_with_bom_semicolons_and_quotes_reads_as_groups() {
    let text = "\u{feff}group;id;title;text;level\r\n\
                4 Organisation;4.1.1;Zuweisung und Dokumentation;\"Rollen; schriftlich\";MUSS\r\n\
                4 Organisation;4.1.2;Funktionstrennungen;;SOLLTE\r\n\
                \r\n\
                ;12;Mobile Datenträger;;\r\n";
    assert_eq!(CatalogFormat::guess(text.as_bytes()), CatalogFormat::Csv);
    assert_eq!(CatalogFormat::guess(OSCAL.as_bytes()), CatalogFormat::Oscal);
    let c = parse_catalog(text.as_bytes(), CatalogFormat::Csv, None, "checkliste").unwrap();
    assert_eq!(c.name, "checkliste");
    assert_eq!(c.requirement_count(), 3);
    assert_eq!(c.nodes[0].id, "4 Organisation");
    assert_eq!(c.nodes[0].children[0].text, "Rollen; schriftlich");
    assert_eq!(c.nodes[0].children[1].level, "SOLLTE");
    assert_eq!(c.nodes[1].title, "Mobile Datenträger");
    let commas = "g,id,title\nA,1,Eins\nA,2,\"Zwei, drei\"\n";
    let c = parse_catalog(commas.as_bytes(), CatalogFormat::Csv, Some("K"), "f").unwrap();
    assert_eq!(c.requirement("2").unwrap().title, "Zwei, drei");
}

#[test]
fn broken_csv_is_refused_with_its_line() {
    let short = "A;1;Eins\nA;2\n";
    let e = parse_catalog(short.as_bytes(), CatalogFormat::Csv, None, "f").unwrap_err();
    assert_eq!(e.location, ImportPlace::At { line: 2, column: 1 });
    assert_eq!(e.problem, ImportProblem::CsvColumns(2));
    let latin1 = b"A;1;Eins\nA;2;Tr\xe4ger\n";
    let e = parse_catalog(latin1, CatalogFormat::Csv, None, "f").unwrap_err();
    assert_eq!(e.location, ImportPlace::At { line: 2, column: 3 });
    assert_eq!(e.problem, ImportProblem::NotUtf8);
    let e = parse_catalog(b"", CatalogFormat::Csv, None, "f").unwrap_err();
    assert!(matches!(
        e.problem,
        ImportProblem::Assessment(crate::model::AssessError::EmptyCatalog(_))
    ));
    let huge = vec![b' '; MAX_CATALOG_BYTES + 1];
    let e = parse_catalog(&huge, CatalogFormat::Csv, None, "f").unwrap_err();
    assert_eq!(e.problem, ImportProblem::CatalogTooLarge(MAX_CATALOG_BYTES + 1));
    let long = format!("A;1;{}\n", "x".repeat(400_000));
    let e = parse_catalog(long.as_bytes(), CatalogFormat::Csv, None, "f").unwrap_err();
    assert!(matches!(e.problem, ImportProblem::Invalid(_)));
}
