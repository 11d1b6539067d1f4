//! Generator-side facts about the specs of `generator/cases/` on types and
//! wire formats: the warnings emitted and what the IR holds. The generated
//! crates' behaviour is tested by the `NAME.rs` file beside each spec.

use std::path::{Path, PathBuf};

use generator::config::{CrateConfig, Profile};
use generator::{load, Config, Output};

fn case_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases")
        .join(format!("{name}.yaml"))
}

/// Runs the pipeline on `generator/cases/NAME.yaml` with every tag, as
/// `cargo xtask codegen --spec` does.
fn generate_case(name: &str, skip_unsupported: bool) -> Result<Output, generator::Error> {
    let path = case_path(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = load::parse(&path, &text).unwrap();
    let mut tags: Vec<String> = Vec::new();
    for (_, _, op) in spec.operations() {
        for tag in &op.tags {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
    }
    let config = Config {
        spec: path.clone(),
        tags,
        output: PathBuf::new(),
        krate: CrateConfig::for_spec(&spec.info, None),
        skip_unsupported,
        profile: Profile::detect(&spec),
    };
    generator::generate_from(&path, &spec, &config)
}

fn warnings(output: &Output) -> Vec<String> {
    output
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.pointer, w.message))
        .collect()
}

#[test]
fn union_alternatives_no_data_can_select_are_named_in_a_warning() {
    let output = generate_case("union-alternatives-alike", false).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("/components/schemas/Event: ")
                && w.contains("no data can select the alternative `UnlabeledEvent`")
                && w.contains("`LabeledEvent`")),
        "{warnings:?}"
    );
}

#[test]
fn union_alternatives_of_one_rust_type_are_named_and_warned_objects_by_properties_not() {
    let output = generate_case("union-objects-best-fit", false).unwrap();
    assert_eq!(
        warnings(&output),
        [
            "/components/schemas/ContactId/oneOf: `ContactId`: no data can select the \
          alternative `Uuid`: it has the type of `Email` (tried first), `String`, and decoding \
          checks no `format` or bounds; data of either decodes as `ContactId::Email`"
        ]
    );
}

#[test]
fn union_alternatives_set_apart_by_fixed_values_get_no_warning() {
    let output = generate_case("union-fixed-values", false).unwrap();
    assert!(output.warnings.is_empty(), "{:?}", warnings(&output));
}

#[test]
fn a_response_body_the_client_cannot_decode_is_a_warning_naming_the_operation() {
    let output = generate_case("response-undecodable", false).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings.iter().any(|w| w
            .starts_with("/paths/~1bundle/get/responses/200/content: `getBundle` (GET /bundle)")
            && w.contains("multipart/mixed")),
        "{warnings:?}"
    );
}

#[test]
fn text_and_binary_responses_are_typed_without_warnings() {
    let output = generate_case("response-text-binary", false).unwrap();
    assert!(output.warnings.is_empty(), "{:?}", warnings(&output));
    let ops: Vec<_> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .collect();
    let success = |id: &str| {
        let op = ops.iter().find(|o| o.operation_id == id).unwrap();
        (op.success.clone(), op.success_media)
    };
    use generator::ir::{Media, TypeRef};
    assert_eq!(
        success("getVersion"),
        (Some(TypeRef::String { format: None }), Media::Text)
    );
    assert_eq!(
        success("getExport"),
        (Some(TypeRef::String { format: None }), Media::Text)
    );
    assert_eq!(
        success("getDownload"),
        (Some(TypeRef::Bytes), Media::Binary)
    );
}

/// An optional parameter with no wire form, declared on the path item, is
/// reported for each operation of the path and left out of it; the
/// operation is generated without it. A required one is refused.
#[test]
fn an_unsupported_path_level_parameter_is_reported_for_each_operation() {
    let err = generate_case("path-level-param-skip", false).unwrap_err();
    let problems: Vec<String> = err
        .diagnostics()
        .iter()
        .map(|d| format!("{}: {}", d.pointer, d.message))
        .collect();
    assert_eq!(
        problems,
        ["/paths/~1exports/parameters/0/schema: `getExport` (GET /exports): binary data has no text form as a parameter; parameters carry strings, numbers, booleans, dates, enums, and arrays or objects of them"]
    );
}

#[test]
fn with_skip_unsupported_an_optional_path_level_parameter_is_left_out_alone() {
    let output = generate_case("path-level-param-skip", true).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "/paths/~1items/parameters/0/schema: `listItems` (GET /items): the optional parameter `blob` is left out: binary data"
        )),
        "{warnings:?}"
    );
    let operations: Vec<_> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .collect();
    assert_eq!(operations.len(), 1);
    assert_eq!(operations[0].rust_name, "list_items");
    assert!(
        operations[0].parameters.is_empty(),
        "{:?}",
        operations[0].parameters
    );
}

#[test]
fn with_skip_unsupported_the_operations_of_a_required_bad_path_level_parameter_are_left_out() {
    let output = generate_case("path-level-param-skip", true).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings.iter().any(|w| {
            w.starts_with(
            "/paths/~1exports/parameters/0/schema: skipped `get_export` (GET /exports): binary data"
        )
        }),
        "{warnings:?}"
    );
}

#[test]
fn duplicate_enum_values_are_one_variant_with_a_warning() {
    let output = generate_case("enum-duplicates", false).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings.iter().any(|w| w
            == "/components/schemas/Color/enum: the value `red` appears more than once in the enum; it is one variant"),
        "{warnings:?}"
    );
    let color = output.api.type_def("Color").unwrap();
    let generator::ir::TypeKind::Enum { variants, .. } = &color.kind else {
        panic!("not an enum");
    };
    let values: Vec<&str> = variants.iter().map(|v| v.wire_value.as_str()).collect();
    assert_eq!(values, ["red", "green"]);
}

#[test]
fn a_required_name_that_is_no_property_is_a_warning() {
    let output = generate_case("enum-duplicates", false).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings.iter().any(|w| w.starts_with("/components/schemas/Paint/required: `owner` is listed in `required` but is not a property")),
        "{warnings:?}"
    );
}

#[test]
fn an_enum_mixing_value_kinds_is_a_warning_naming_the_schema_and_what_it_became() {
    let output = generate_case("enum-mixed-types", false).unwrap();
    let warnings = warnings(&output);
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "/components/schemas/Level/enum: `Level`: the enum mixes number, string values"
        ) && w.contains("generated as `serde_json::Value`")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w
            .starts_with("/components/schemas/Holder/properties/untyped/enum: ")
            && w.contains("boolean, number, string")),
        "{warnings:?}"
    );
}

#[test]
fn structurally_identical_inline_enums_are_one_type_named_after_the_first() {
    let output = generate_case("inline-enums-alike", false).unwrap();
    let field_type = |model: &str, field: &str| {
        let def = output.api.type_def(model).unwrap();
        let generator::ir::TypeKind::Struct { fields, .. } = &def.kind else {
            panic!("{model} is not a struct");
        };
        let f = fields.iter().find(|f| f.wire_name == field).unwrap();
        match &f.ty {
            generator::ir::TypeRef::Named { name } => name.clone(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(field_type("Account", "grant"), "AccountGrant");
    assert_eq!(field_type("AccountRequest", "grant"), "AccountGrant");
    // Other values, or the same in another order, are another type.
    assert_eq!(field_type("Account", "other"), "AccountOther");
    assert!(output.api.type_def("AccountRequestGrant").is_none());
}
