//! The whole 2018 Platform API (568 paths, 932 operations, 822 definitions)
//! imports with every tag and with each single tag, and the result is an
//! OpenAPI document the generator can read. Speed is measured by the
//! benchmark, not here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use generator::import::{import_value, parse, WarningKind};
use serde_json::Value;

const PLATFORM: &str = "spec/upstream/platform-api-2018-03-21.json";

fn platform() -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(PLATFORM)).unwrap();
    parse(&PathBuf::from(PLATFORM), &text).unwrap()
}

#[test]
fn the_whole_platform_spec_imports_and_parses_as_openapi() {
    let doc = platform();
    let imported = import_value(Path::new(PLATFORM), "platform.json", &doc, &[]).unwrap();
    assert_eq!(imported.operations, 932);
    assert_eq!(imported.schemas, 822);
    let yaml = imported.yaml;
    let spec: openapiv3::OpenAPI = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(spec.paths.paths.len(), 568);
    assert_eq!(spec.operations().count(), 932);
}

#[test]
fn each_upstream_quirk_is_repaired_with_its_warning() {
    let doc = platform();
    let imported = import_value(Path::new(PLATFORM), "platform.json", &doc, &[]).unwrap();
    let mut counts: BTreeMap<WarningKind, usize> = BTreeMap::new();
    for w in &imported.warnings {
        *counts.entry(w.kind).or_default() += 1;
    }
    // The 38 validator errors of the 2018 spec, and the `$ref`s that carry
    // a description beside them.
    assert_eq!(counts.get(&WarningKind::QueryArrayOfObjects), Some(&17));
    assert_eq!(counts.get(&WarningKind::DefaultNotInEnum), Some(&17));
    assert_eq!(counts.get(&WarningKind::EnumTypeMismatch), Some(&2));
    assert_eq!(counts.get(&WarningKind::PathParameterNotInPath), Some(&1));
    assert_eq!(
        counts.get(&WarningKind::ResponseWithoutDescription),
        Some(&1)
    );
    assert_eq!(counts.get(&WarningKind::RefWithSiblings), Some(&337));
}

#[test]
fn every_single_tag_imports_and_parses_as_openapi() {
    let doc = platform();
    let mut tags: Vec<String> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str().map(str::to_owned))
        .collect();
    tags.sort();
    let mut total = 0;
    let mut empty = Vec::new();
    for tag in &tags {
        let imported = match import_value(
            Path::new(PLATFORM),
            "platform.json",
            &doc,
            std::slice::from_ref(tag),
        ) {
            Ok(imported) => imported,
            // A tag declared for no operation has nothing to import.
            Err(e)
                if e.to_string()
                    .contains("is declared in `tags`, but has no operations") =>
            {
                empty.push(tag.as_str());
                continue;
            }
            Err(e) => panic!("tag {tag}: {e}"),
        };
        let spec: openapiv3::OpenAPI =
            serde_yaml::from_str(&imported.yaml).unwrap_or_else(|e| panic!("tag {tag}: {e}"));
        assert_eq!(spec.tags.len(), 1, "tag {tag}");
        total += imported.operations;
    }
    // Operations may carry several tags, so the sum is at least the whole.
    assert!(total >= 932, "{total}");
    assert!(
        empty.len() < tags.len() / 4,
        "declared tags without operations: {empty:?}"
    );
}

#[test]
fn reading_the_converted_platform_in_pieces_gives_what_serde_gives_whole() {
    let path = Path::new(PLATFORM);
    let (converted, _) = generator::import::convert(path, &platform(), &[]).unwrap();
    let whole: openapiv3::OpenAPI = serde_json::from_value(converted.clone()).unwrap();
    let pieces = generator::load::from_json(path, converted).unwrap();
    assert_eq!(pieces.paths.paths.len(), 568);
    assert!(
        pieces == whole,
        "from_json differs from serde_json::from_value"
    );
}
