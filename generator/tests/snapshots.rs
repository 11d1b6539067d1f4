//! Snapshots of the OAuth section: the IR, and every generated file. A
//! change to the lowering or a template shows up here as a reviewable diff
//! (`cargo insta review`).

use std::path::{Path, PathBuf};

use generator::Config;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn output() -> generator::Output {
    let root = root();
    let config = Config::load(&root).expect("spec/codegen.yaml loads");
    generator::generate(&root, &config).expect("the OAuth section generates")
}

#[test]
fn ir_of_the_oauth_section() {
    insta::assert_yaml_snapshot!("ir", output().api);
}

#[test]
fn every_generated_file() {
    let output = output();
    for file in &output.files {
        let name = file.path.replace('/', "__");
        insta::assert_snapshot!(name, file.contents);
    }
}

#[test]
fn the_oauth_section_has_the_13_operations_of_the_seed() {
    let api = output().api;
    let names: Vec<&str> = api.groups[0]
        .operations
        .iter()
        .map(|o| o.rust_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "delete_oauth_client",
            "get_oauth_authorization",
            "get_oauth_authorizations",
            "get_oauth_client",
            "get_oauth_client_usage_query_result",
            "get_oauth_client_usage_summary",
            "get_oauth_clients",
            "get_oauth_scope",
            "get_oauth_scopes",
            "post_oauth_client_secret",
            "post_oauth_client_usage_query",
            "post_oauth_clients",
            "put_oauth_client",
        ]
    );
    assert_eq!(api.groups[0].rust_name, "OAuthApi");
    // Arguments come in the spec's order, as in the official SDKs.
    let result = &api.groups[0].operations[4];
    let args: Vec<&str> = result
        .parameters
        .iter()
        .map(|p| p.rust_name.as_str())
        .collect();
    assert_eq!(args, ["execution_id", "client_id"]);
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let first = output().files;
    let second = output().files;
    assert_eq!(first, second);
}

#[test]
fn the_committed_spec_is_what_the_import_produces_from_upstream() {
    let root = root();
    let upstream = root.join("spec/upstream/oauth-swagger.reconstructed.json");
    let text = std::fs::read_to_string(&upstream).unwrap();
    let imported = generator::import::import_document(
        Path::new("spec/upstream/oauth-swagger.reconstructed.json"),
        "oauth-swagger.reconstructed.json",
        &text,
        &["OAuth".to_owned()],
    )
    .unwrap()
    .yaml;
    let committed = std::fs::read_to_string(root.join("spec/purecloud-oauth.yaml")).unwrap();
    assert!(
        imported == committed,
        "spec/purecloud-oauth.yaml differs from the import of spec/upstream/: run \
         `cargo xtask spec import spec/upstream/oauth-swagger.reconstructed.json --tag OAuth`"
    );
}

/// The feature spec: one schema or operation per construct the generator
/// supports. Its crate (`generator/features/client`) is compiled and tested
/// by `cargo test`; these snapshots show each construct's code on review.
#[test]
fn every_file_generated_from_the_feature_spec() {
    let root = root();
    let config = Config::load_from(&root, Path::new("generator/features/codegen.yaml")).unwrap();
    let output = generator::generate(&root, &config).unwrap();
    insta::assert_yaml_snapshot!("features_ir", output.api);
    for file in output
        .files
        .iter()
        .filter(|f| f.path.starts_with("src/models/") || f.path.starts_with("src/apis/"))
    {
        let name = format!("features__{}", file.path.replace('/', "__"));
        insta::assert_snapshot!(name, file.contents);
    }
}
