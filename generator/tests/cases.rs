//! Generator-side facts of the specs in `generator/cases/`: the warnings
//! emitted and what the IR says, one test per fact.

use std::path::{Path, PathBuf};

use generator::config::{CrateConfig, Profile};
use generator::ir::{Api, SecurityKind, SecurityRequirement};
use generator::{load, Config, Output};

fn case_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases")
        .join(format!("{name}.yaml"))
}

/// Generates `generator/cases/NAME.yaml` with `tags`, as `--spec` would.
fn generate_case_with(name: &str, tags: &[&str], profile: Profile) -> Output {
    let path = case_path(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = load::parse(&path, &text).unwrap();
    let config = Config {
        spec: path.clone(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        output: PathBuf::from("target/cases").join(name),
        krate: CrateConfig::for_spec(&spec.info, Some(&format!("case-{name}"))),
        skip_unsupported: false,
        profile,
    };
    generator::generate_from(&path, &spec, &config).unwrap()
}

fn security_of<'a>(api: &'a Api, operation_id: &str) -> Option<&'a Vec<SecurityRequirement>> {
    api.groups
        .iter()
        .flat_map(|g| &g.operations)
        .find(|op| op.operation_id == operation_id)
        .unwrap_or_else(|| panic!("no operation {operation_id}"))
        .security
        .as_ref()
}

fn requirement(schemes: &[&str]) -> SecurityRequirement {
    SecurityRequirement {
        schemes: schemes.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn auth_schemes_a_scheme_the_client_cannot_send_is_a_warning_naming_it() {
    let output = generate_case_with("auth-schemes", &["auth"], Profile::Generic);
    let digest: Vec<_> = output
        .warnings
        .iter()
        .filter(|w| w.pointer == "/components/securitySchemes/digestAuth")
        .collect();
    assert_eq!(digest.len(), 1, "{:?}", output.warnings);
    assert!(
        digest[0].message.contains("`digestAuth`"),
        "{}",
        digest[0].message
    );
    assert!(
        digest[0].message.contains("`digest`"),
        "{}",
        digest[0].message
    );
    assert_eq!(output.warnings.len(), 1, "{:?}", output.warnings);
}

#[test]
fn auth_schemes_operations_get_their_effective_security() {
    let output = generate_case_with("auth-schemes", &["auth"], Profile::Generic);
    let api = &output.api;
    assert_eq!(
        security_of(api, "usesDefault"),
        Some(&vec![requirement(&["bearerAuth"])])
    );
    assert_eq!(security_of(api, "isPublic"), Some(&vec![]));
    assert_eq!(
        security_of(api, "usesEither"),
        Some(&vec![
            requirement(&["headerKey"]),
            requirement(&["basicAuth"])
        ])
    );
    assert_eq!(
        security_of(api, "usesBoth"),
        Some(&vec![requirement(&["headerKey", "cookieKey"])])
    );
    // The digest alternative is left out; the query key remains.
    assert_eq!(
        security_of(api, "usesDigest"),
        Some(&vec![requirement(&["queryKey"])])
    );
}

#[test]
fn auth_schemes_only_servable_schemes_reach_the_ir_with_their_wire_names() {
    let output = generate_case_with("auth-schemes", &["auth"], Profile::Generic);
    let names: Vec<(&str, &str)> = output
        .api
        .security_schemes
        .iter()
        .map(|s| (s.name.as_str(), s.rust_name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("bearerAuth", "bearer_auth"),
            ("basicAuth", "basic_auth"),
            ("headerKey", "header_key"),
            ("queryKey", "query_key"),
            ("cookieKey", "cookie_key"),
            ("oauth", "oauth"),
            ("oidc", "oidc"),
        ]
    );
    let oauth = &output.api.security_schemes[5];
    assert_eq!(
        oauth.kind,
        SecurityKind::OAuth2 {
            token_url: Some("/oauth/token".into()),
            flows: vec!["clientCredentials".into()],
        }
    );
}

#[test]
fn auth_schemes_the_crate_has_builder_methods_for_each_scheme_only() {
    let output = generate_case_with("auth-schemes", &["auth"], Profile::Generic);
    let client = output
        .files
        .iter()
        .find(|f| f.path == "src/client.rs")
        .unwrap();
    for method in [
        "pub fn access_token(",
        "pub fn basic_auth(",
        "pub fn api_key_header_key(",
        "pub fn api_key_query_key(",
        "pub fn api_key_cookie_key(",
        "pub fn client_credentials(",
        "pub fn token_url(",
    ] {
        assert!(client.contents.contains(method), "{method} missing");
    }
    for genesys in ["Region", "login_url", "ININ-Correlation-Id", "GENESYS"] {
        assert!(
            !client.contents.contains(genesys),
            "{genesys} in a generic crate"
        );
    }
}

#[test]
fn minimal_a_generic_crate_mentions_nothing_of_genesys() {
    let output = generate_case_with("minimal", &["Warm"], Profile::Generic);
    for file in &output.files {
        for word in [
            "Region",
            "GENESYS",
            "ININ-Correlation-Id",
            "mypurecloud",
            "permissions",
            "PkceChallenge",
        ] {
            assert!(
                !file.contents.contains(word),
                "{word} in {} of a generic crate",
                file.path
            );
        }
    }
    assert!(
        !output
            .files
            .iter()
            .any(|f| f.path == "src/auth.rs" || f.path == "src/region.rs"),
        "a spec without security schemes gets no auth or region module"
    );
}

#[test]
fn error_model_required_message_is_found_from_the_error_responses() {
    let output = generate_case_with(
        "error-model-required-message",
        &["things"],
        Profile::Generic,
    );
    let model = output.api.error_model.as_ref().expect("an error model");
    assert_eq!(model.message_field.as_deref(), Some("message"));
    assert!(!model.message_optional, "`message` is required");
}

#[test]
fn an_oauth2_flow_the_client_does_not_run_is_a_warning_unless_the_genesys_profile_serves_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = root.join("spec/purecloud-oauth.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = load::parse(&path, &text).unwrap();
    let mut config = Config::load(&root).unwrap();
    let flows = |output: &Output| {
        output
            .warnings
            .iter()
            .filter(|w| w.pointer == "/components/securitySchemes/PureCloud OAuth/flows")
            .map(|w| w.message.clone())
            .collect::<Vec<_>>()
    };
    let genesys = generator::generate_from(&path, &spec, &config).unwrap();
    assert_eq!(flows(&genesys), Vec::<String>::new());
    config.profile = Profile::Generic;
    let generic = generator::generate_from(&path, &spec, &config).unwrap();
    let warnings = flows(&generic);
    assert_eq!(warnings.len(), 1, "{:?}", generic.warnings);
    assert!(warnings[0].contains("`PureCloud OAuth`"), "{}", warnings[0]);
    assert!(warnings[0].contains("`implicit`"), "{}", warnings[0]);
}

#[test]
fn auth_oauth2_two_token_urls_the_one_not_used_is_a_warning_naming_it() {
    let output = generate_case_with("auth-oauth2-two-token-urls", &["t"], Profile::Generic);
    let pointers: Vec<&str> = output.warnings.iter().map(|w| w.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        ["/components/securitySchemes/second/flows/clientCredentials/tokenUrl"]
    );
    let message = &output.warnings[0].message;
    assert!(message.contains("`second`"), "{message}");
    assert!(
        message.contains("https://one.example.test/token"),
        "{message}"
    );
}
