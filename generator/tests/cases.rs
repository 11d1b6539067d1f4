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

/// `generator/cases/NAME.yaml`: its path, text and parsed spec.
fn read_case(name: &str) -> (PathBuf, String, openapiv3::OpenAPI) {
    let path = case_path(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = load::parse(&path, &text).unwrap();
    (path, text, spec)
}

/// The settings of a `--spec` run on the spec at `path`, generating `tags`
/// into the crate `case-NAME`.
fn spec_config(
    path: &Path,
    spec: &openapiv3::OpenAPI,
    name: &str,
    tags: Vec<String>,
    skip_unsupported: bool,
    profile: Profile,
) -> Config {
    Config {
        spec: path.to_owned(),
        tags,
        output: PathBuf::from("target/cases").join(name),
        krate: CrateConfig::for_spec(&spec.info, Some(&format!("case-{name}"))),
        skip_unsupported,
        profile,
    }
}

/// Generates `generator/cases/NAME.yaml` with `tags`, as `--spec` would.
fn generate_case_with(name: &str, tags: &[&str], profile: Profile) -> Output {
    let (path, _, spec) = read_case(name);
    let config = spec_config(
        &path,
        &spec,
        name,
        tags.iter().map(|t| t.to_string()).collect(),
        false,
        profile,
    );
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

/// Every tag of the spec's operations, as `--spec` selects them.
#[test]
fn headers_client_set_one_warning_per_component_and_what_is_sent_instead() {
    let output = generate_case_with("headers-client-set", &["things"], Profile::Generic);
    let ignored: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .filter(|w| w.message.contains("is ignored"))
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    let says = |pointer: &str, what: &str| {
        assert!(
            ignored
                .iter()
                .any(|(p, m)| *p == pointer && m.contains(what)),
            "no warning at `{pointer}` saying `{what}` in {ignored:#?}"
        );
    };
    says(
        "/components/parameters/Accept",
        "`Accept` is ignored in 3 operations (`listThings` (GET /things), `createThing` (POST /things), `getSecret` (GET /secret))",
    );
    says(
        "/components/parameters/ContentType",
        "`createThing` (POST /things): the header parameter `Content-Type` is ignored, as OpenAPI 3.0 says (Parameter Object): the client sends the media type of the operation's request body",
    );
    says(
        "/components/parameters/ContentType",
        "`listThings` (GET /things): the header parameter `Content-Type` is ignored, as OpenAPI 3.0 says (Parameter Object): the operation has no request body, so the client sends no `Content-Type`",
    );
    says(
        "/components/parameters/Authorization",
        "in 2 operations (`listThings` (GET /things), `createThing` (POST /things)), as OpenAPI 3.0 says (Parameter Object): these operations' security sends no `Authorization` header, so the client sends none",
    );
    says(
        "/components/parameters/Authorization",
        "`getSecret` (GET /secret): the header parameter `Authorization` is ignored, as OpenAPI 3.0 says (Parameter Object): the client sends it from the operation's security",
    );
    assert_eq!(ignored.len(), 5, "{ignored:#?}");
}

#[test]
fn tags_multiple_a_tag_left_without_operations_of_its_own_is_a_warning_naming_where_they_are() {
    let output = generate_case_with(
        "tags-multiple",
        &["pets", "store", "users"],
        Profile::Generic,
    );
    let groups: Vec<(&str, Vec<&str>)> = output
        .api
        .groups
        .iter()
        .map(|g| {
            let ops = g
                .operations
                .iter()
                .map(|o| o.operation_id.as_str())
                .collect();
            (g.tag.as_str(), ops)
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "pets",
                vec!["getInventory", "listPets", "listUserPets", "placeOrder"]
            ),
            ("users", vec!["listUsers"]),
        ]
    );
    let about: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .filter(|w| w.message.contains("no API group"))
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        about,
        [(
            "/tags/1",
            "the tag `store` has no API group or feature of its own: each of its 2 operation(s) \
             also carries a tag selected before it, and an operation is only in the group of the \
             first selected tag it carries: `client.pets()` (`PetsApi`, feature `pets`): \
             `getInventory`, `placeOrder`"
        )]
    );
    let readme = output.files.iter().find(|f| f.path == "README.md").unwrap();
    for row in [
        "| `store` (no group of its own) | [`PetsApi`](docs/PetsApi.md) |",
        "| `users` | [`PetsApi`](docs/PetsApi.md), [`UsersApi`](docs/UsersApi.md) |",
    ] {
        assert!(readme.contents.contains(row), "no `{row}` in the README");
    }
}

fn tags_of(spec: &openapiv3::OpenAPI) -> Vec<String> {
    let mut tags: Vec<String> = spec
        .operations()
        .flat_map(|(_, _, op)| op.tags.clone())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// The problems codegen reports for `generator/cases/NAME.yaml`, each with
/// its line: (pointer, message, line).
fn refusals_of(name: &str) -> Vec<(String, String, Option<usize>)> {
    let (path, text, spec) = read_case(name);
    let config = spec_config(&path, &spec, name, tags_of(&spec), false, Profile::Generic);
    let error = generator::generate_from(&path, &spec, &config)
        .map(|_| ())
        .unwrap_err()
        .with_lines(&text);
    error
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.message.clone(), d.line))
        .collect()
}

fn refusal_at(name: &str, pointer: &str) -> (String, Option<usize>) {
    let all = refusals_of(name);
    all.iter()
        .find(|(p, _, _)| p == pointer)
        .map(|(_, m, l)| (m.clone(), *l))
        .unwrap_or_else(|| panic!("no problem at {pointer}; got {all:#?}"))
}

#[test]
fn refs_json_pointer_refused_a_pointer_to_no_node_names_the_missing_node_and_line() {
    let (message, line) = refusal_at(
        "refs-json-pointer-refused",
        "/paths/~1dangling/get/responses/200/content/application~1json/schema",
    );
    assert_eq!(
        message,
        "`$ref: #/components/schemas/Pet/properties/nickname` points to nothing: there is no \
         node at `/components/schemas/Pet/properties/nickname` in the spec"
    );
    assert_eq!(line, Some(18));
}

#[test]
fn refs_json_pointer_refused_a_pointer_to_a_node_of_another_kind_says_both_kinds() {
    let (message, line) = refusal_at(
        "refs-json-pointer-refused",
        "/paths/~1wrong-kind/get/parameters/0",
    );
    assert_eq!(
        message,
        "`$ref: #/components/schemas/Pet/properties/name` points to \
         `/components/schemas/Pet/properties/name`, which is a schema; a reference here must \
         name a parameter"
    );
    assert_eq!(line, Some(24));
}

#[test]
fn refs_json_pointer_refused_a_cycle_of_references_lists_the_cycle() {
    let (message, line) = refusal_at(
        "refs-json-pointer-refused",
        "/paths/~1cycle/get/responses/200/content/application~1json/schema",
    );
    assert!(
        message.contains("is part of a cycle of references"),
        "{message}"
    );
    assert!(
        message.ends_with(
            "#/components/schemas/Loop/properties/a → #/components/schemas/Loop/properties/b → \
             #/components/schemas/Loop/properties/a"
        ),
        "{message}"
    );
    assert_eq!(line, Some(36));
}

#[test]
fn refs_json_pointer_refused_a_reference_into_another_file_is_refused_with_the_fix() {
    let (message, line) = refusal_at(
        "refs-json-pointer-refused",
        "/paths/~1external/get/responses/200/content/application~1json/schema",
    );
    assert!(
        message.contains("points into another document"),
        "{message}"
    );
    assert!(
        message.contains("bundle the spec into one file"),
        "{message}"
    );
    assert_eq!(line, Some(46));
}

#[test]
fn refs_json_pointer_refused_only_the_bad_references_are_refused() {
    let all = refusals_of("refs-json-pointer-refused");
    assert_eq!(all.len(), 4, "{all:#?}");
    assert!(all.iter().all(|(p, _, _)| !p.contains("fine")), "{all:#?}");
}

#[test]
fn refs_json_pointer_a_moved_node_keeps_the_pointer_and_line_it_has_in_the_spec() {
    // A problem inside a node that a pointer names is reported where the
    // node is written, not where it was moved to.
    let text = "openapi: 3.0.3\n\
info: {title: t, version: '1'}\n\
paths:\n  /a:\n    get:\n      operationId: getA\n      tags: [A]\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Box/properties/inner'}\n\
components:\n  schemas:\n    Box:\n      type: object\n      properties:\n        inner:\n          type: object\n          properties:\n            bad:\n              not:\n                type: string\n";
    let path = Path::new("t.yaml");
    let spec = load::parse(path, text).unwrap();
    let config = spec_config(
        path,
        &spec,
        "moved",
        tags_of(&spec),
        false,
        Profile::Generic,
    );
    let error = generator::generate_from(path, &spec, &config)
        .map(|_| ())
        .unwrap_err()
        .with_lines(text);
    let found: Vec<(String, Option<usize>)> = error
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.line))
        .collect();
    assert_eq!(
        found,
        vec![(
            "/components/schemas/Box/properties/inner/properties/bad/not".to_owned(),
            Some(23)
        )]
    );
}

#[test]
fn union_beside_properties_a_non_object_alternative_is_refused_at_its_pointer() {
    let text = "openapi: 3.0.3\n\
info: {title: t, version: '1'}\n\
paths:\n  /a:\n    get:\n      operationId: getA\n      tags: [A]\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Mixed'}\n\
components:\n  schemas:\n    Mixed:\n      type: object\n      properties:\n        id: {type: string}\n      oneOf:\n      - {type: object, properties: {a: {type: string}}}\n      - {type: string}\n";
    let path = Path::new("t.yaml");
    let spec = load::parse(path, text).unwrap();
    let config = spec_config(
        path,
        &spec,
        "mixed",
        tags_of(&spec),
        false,
        Profile::Generic,
    );
    let error = generator::generate_from(path, &spec, &config)
        .map(|_| ())
        .unwrap_err();
    let found: Vec<(String, String)> = error
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.message.clone()))
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "/components/schemas/Mixed/oneOf/1");
    assert!(found[0].1.contains("not an object"), "{found:#?}");
}

#[test]
fn refs_json_pointer_refused_skip_unsupported_leaves_out_only_the_operations_with_bad_references() {
    let (path, _, spec) = read_case("refs-json-pointer-refused");
    let config = spec_config(
        &path,
        &spec,
        "refs-json-pointer-refused",
        tags_of(&spec),
        true,
        Profile::Generic,
    );
    let output = generator::generate_from(&path, &spec, &config).unwrap();
    let kept: Vec<&str> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .map(|op| op.operation_id.as_str())
        .collect();
    assert_eq!(kept, ["getFine"]);
    let mut skipped: Vec<&str> = output
        .warnings
        .iter()
        .filter_map(|w| w.message.strip_prefix("skipped `"))
        .filter_map(|m| m.split('`').next())
        .collect();
    skipped.sort();
    assert_eq!(
        skipped,
        [
            "get_cycle",
            "get_dangling",
            "get_external",
            "get_wrong_kind"
        ]
    );
}

#[test]
fn refs_json_pointer_pointers_into_component_responses_parameters_and_bodies_share_their_types() {
    let text = "openapi: 3.0.3\n\
info: {title: t, version: '1'}\n\
paths:\n  /a:\n    post:\n      tags: [A]\n      operationId: postA\n      parameters:\n      - $ref: '#/components/parameters/Limit'\n      requestBody: {$ref: '#/components/requestBodies/Item'}\n      responses:\n        '200': {$ref: '#/components/responses/Page'}\n  /b:\n    post:\n      tags: [A]\n      operationId: postB\n      parameters:\n      - name: size\n        in: query\n        schema: {$ref: '#/components/parameters/Limit/schema'}\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/requestBodies/Item/content/application~1json/schema'}\n      responses:\n        '200':\n          description: the same page\n          content:\n            application/json:\n              schema: {$ref: '#/components/responses/Page/content/application~1json/schema'}\n\
components:\n  parameters:\n    Limit:\n      name: limit\n      in: query\n      schema: {type: string, enum: [few, many]}\n  requestBodies:\n    Item:\n      content:\n        application/json:\n          schema: {type: object, properties: {label: {type: string}}}\n  responses:\n    Page:\n      description: a page\n      content:\n        application/json:\n          schema: {type: object, properties: {total: {type: integer}}}\n";
    let path = Path::new("t.yaml");
    let spec = load::parse(path, text).unwrap();
    let config = spec_config(
        path,
        &spec,
        "inner",
        tags_of(&spec),
        false,
        Profile::Generic,
    );
    let output = generator::generate_from(path, &spec, &config).unwrap();
    let op = |id: &str| {
        output
            .api
            .groups
            .iter()
            .flat_map(|g| &g.operations)
            .find(|o| o.operation_id == id)
            .unwrap()
            .clone()
    };
    let (a, b) = (op("postA"), op("postB"));
    assert!(a.success.is_some());
    assert_eq!(a.success, b.success);
    assert_eq!(
        a.body.as_ref().map(|body| format!("{:?}", body.ty)),
        b.body.as_ref().map(|body| format!("{:?}", body.ty))
    );
    assert_eq!(a.parameters[0].ty, b.parameters[0].ty);
    assert_eq!(b.parameters[0].wire_name, "size");
}

#[test]
fn servers_per_operation_an_operation_sent_elsewhere_than_its_server_is_a_warning_naming_it() {
    let output = generate_case_with("servers-per-operation", &["default"], Profile::Generic);
    let servers: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .filter(|w| w.pointer.contains("/servers/"))
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(servers.len(), 2, "{servers:#?}");
    // A path item's server applies to each of its operations that has none.
    let (pointer, message) = servers[0];
    assert_eq!(pointer, "/paths/~1files~1content/servers/0/url");
    assert!(message.contains("`uploadFile`"), "{message}");
    assert!(
        message.contains("`https://eu.upload.example.com/api/2.0`"),
        "{message}"
    );
    assert!(
        message.contains("`https://api.example.com/v2`"),
        "{message}"
    );
    let (pointer, message) = servers[1];
    assert_eq!(pointer, "/paths/~1token/post/servers/0/url");
    assert!(message.contains("`requestToken`"), "{message}");
    assert!(message.contains("`https://auth.example.com`"), "{message}");
    // The operations stay in the client.
    let operations: Vec<&str> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .map(|op| op.operation_id.as_str())
        .collect();
    for id in ["uploadFile", "listUploads", "requestToken", "listThings"] {
        assert!(operations.contains(&id), "{operations:?}");
    }
}

#[test]
fn responses_shared_components_each_component_response_is_one_type_named_after_it() {
    let output = generate_case_with(
        "responses-shared-components",
        &["music", "player"],
        Profile::Generic,
    );
    let api = &output.api;
    let response_type = |operation_id: &str, status: &str| {
        let op = api
            .groups
            .iter()
            .flat_map(|g| &g.operations)
            .find(|op| op.operation_id == operation_id)
            .unwrap_or_else(|| panic!("no operation {operation_id}"));
        let response = op.responses.iter().find(|r| r.status == status).unwrap();
        generator::render::type_display(response.ty.as_ref().unwrap())
    };
    for op in ["listAlbums", "listTracks", "play"] {
        assert_eq!(response_type(op, "401"), "UnauthorizedResponse", "{op}");
    }
    // Through a second reference, still the response it ends at.
    assert_eq!(
        response_type("listAlbums", "429"),
        "TooManyRequestsResponse"
    );
    assert_eq!(
        response_type("listTracks", "429"),
        "TooManyRequestsResponse"
    );
    // Written in the operation: the operation's own type.
    assert_eq!(response_type("play", "409"), "PlayResponse409");
    let mut names: Vec<&str> = api.types.iter().map(|t| t.rust_name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "PlayResponse409",
            "PlayResponse409ErrorModel",
            "TooManyRequestsResponse",
            "TooManyRequestsResponseErrorModel",
            "UnauthorizedResponse",
            "UnauthorizedResponseErrorModel",
        ]
    );
}

/// Generates the spec `text` (every tag), as `--spec` would.
fn generate_text(
    name: &str,
    text: &str,
    skip_unsupported: bool,
) -> Result<Output, generator::Error> {
    let path = PathBuf::from(format!("{name}.yaml"));
    let spec = load::parse(&path, text).unwrap();
    let config = spec_config(
        &path,
        &spec,
        name,
        tags_of(&spec),
        skip_unsupported,
        Profile::Generic,
    );
    generator::generate_from(&path, &spec, &config).map_err(|e| e.with_lines(text))
}

/// The identifiers that `tokens` binds, declares or calls by a bare name
/// (`let x`, `x: T`, `fn x`, `x(…)`, `x`), leaving out what follows a `.`
/// or `::` (another type's fields and methods), paths (`x::…`), macros
/// (`x!`), attributes, keywords and primitive types.
fn bare_names(tokens: proc_macro2::TokenStream, out: &mut std::collections::BTreeSet<String>) {
    use proc_macro2::TokenTree;
    const SKIP: &[&str] = &[
        "as", "async", "await", "bool", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "f32", "f64", "false", "fn", "for", "i16", "i32", "i64", "i8", "if", "impl", "in",
        "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "static",
        "str", "struct", "super", "true", "type", "u16", "u32", "u64", "u8", "usize", "use",
        "where", "while", "ident", "ty",
    ];
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let punct =
        |i: usize, c: char| matches!(trees.get(i), Some(TokenTree::Punct(p)) if p.as_char() == c);
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            // `#[…]` and `#![…]`: attributes and docs.
            TokenTree::Group(_)
                if i > 0
                    && (punct(i - 1, '#') || (i > 1 && punct(i - 1, '!') && punct(i - 2, '#'))) => {
            }
            TokenTree::Group(g) => bare_names(g.stream(), out),
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let after_dot = i > 0
                    && (punct(i - 1, '.')
                        || (i > 1 && punct(i - 1, ':') && punct(i - 2, ':'))
                        || punct(i - 1, '$')
                        || punct(i - 1, '\''));
                let path = punct(i + 1, ':') && punct(i + 2, ':');
                let lower = name.starts_with(|c: char| c.is_ascii_lowercase());
                if !after_dot
                    && !path
                    && !punct(i + 1, '!')
                    && lower
                    && !SKIP.contains(&name.as_str())
                {
                    out.insert(name);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn builder_names_every_name_a_request_builder_uses_for_itself_is_reserved_for_parameters() {
    // One operation of each kind the builder renders differently: plain
    // and styled path parameters, query, header and cookie parameters,
    // optional JSON and multipart bodies, and paging by page number.
    let text = r##"openapi: 3.0.3
info: {title: Builder names, version: "1"}
servers: [{url: "https://example.com"}]
paths:
  /a/{pa}/{pb}:
    post:
      tags: [t]
      operationId: everyPlace
      parameters:
        - {name: pa, in: path, required: true, schema: {type: string}}
        - {name: pb, in: path, required: true, style: label, schema: {type: array, items: {type: string}}}
        - {name: qa, in: query, required: true, schema: {type: string}}
        - {name: qb, in: query, schema: {type: integer}}
        - {name: ha, in: header, required: true, schema: {type: string}}
        - {name: hb, in: header, schema: {type: string}}
        - {name: ca, in: cookie, required: true, schema: {type: string}}
        - {name: cb, in: cookie, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {x: {type: string}}}
      responses:
        "200": {description: ok, content: {text/plain: {schema: {type: string}}}}
        "201": {description: ok, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
  /b:
    put:
      tags: [t]
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema: {type: object, properties: {f: {type: string, format: binary}}}
      responses:
        "204": {description: ok}
  /c:
    get:
      tags: [t]
      operationId: pages
      parameters:
        - {name: pageNumber, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  entities: {type: array, items: {type: string}}
                  pageNumber: {type: integer}
                  pageCount: {type: integer}
"##;
    let output = generate_text("builder-names", text, false).unwrap();
    let own_names: std::collections::BTreeSet<String> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .flat_map(|op| {
            op.parameters
                .iter()
                .map(|p| p.rust_name.clone())
                .chain(op.body.iter().map(|b| b.rust_name.clone()))
        })
        .collect();
    assert_eq!(
        own_names.len(),
        10,
        "the spec's parameters keep their names: {own_names:?}"
    );
    let mut used = std::collections::BTreeSet::new();
    for file in &output.files {
        let text = &file.contents;
        // `apis/mod.rs` only declares the group modules.
        let tokens: proc_macro2::TokenStream =
            if file.path.starts_with("src/apis/") && file.path != "src/apis/mod.rs" {
                text.parse().unwrap()
            } else if file.path == "src/support.rs" {
                // The runtime's half of every builder: `request_builder!`.
                let start = text.find("macro_rules! request_builder").unwrap();
                let end = start + text[start..].find("\n}\n").unwrap() + 2;
                text[start..end].parse().unwrap()
            } else {
                continue;
            };
        bare_names(tokens, &mut used);
    }
    // The group's methods (the operations, and `new`), `Client`'s
    // accessor of the group and the macro's name are in no builder's
    // scope.
    let operations: Vec<String> = output
        .api
        .groups
        .iter()
        .flat_map(|g| {
            g.operations
                .iter()
                .map(|op| op.rust_name.clone())
                .chain([g.accessor.clone()])
        })
        .chain(["new".to_owned(), "request_builder".to_owned()])
        .collect();
    let unreserved: Vec<&String> = used
        .iter()
        .filter(|n| !own_names.contains(*n) && !operations.contains(n))
        .filter(|n| !generator::naming::RESERVED_PARAMETER_NAMES.contains(&n.as_str()))
        .collect();
    assert!(
        unreserved.is_empty(),
        "the generated builders use {unreserved:?}, which a parameter could also be named: add them to `RESERVED_PARAMETER_NAMES`"
    );
}

#[test]
fn types_unknown_every_unknown_type_is_refused_in_one_run_at_its_schema_and_line() {
    let all = refusals_of("types-unknown");
    let found: Vec<(&str, Option<usize>)> = all
        .iter()
        .map(|(pointer, _, line)| (pointer.as_str(), *line))
        .collect();
    assert_eq!(
        found,
        [
            ("/components/schemas/Widget/properties/name", Some(55)),
            ("/components/schemas/Widget/properties/size", Some(57)),
            ("/paths/~1count/get/parameters/0/schema", Some(25)),
            (
                "/paths/~1tags/get/responses/200/content/application~1json/schema/items",
                Some(39)
            ),
        ],
        "{all:#?}"
    );
    let (message, _) = refusal_at("types-unknown", "/paths/~1count/get/parameters/0/schema");
    assert_eq!(
        message,
        "`type: integr` is not an OpenAPI 3.0 type (did you mean `integer`?); `type` is one of \
         `string`, `number`, `integer`, `boolean`, `array`, `object`"
    );
    let (message, _) = refusal_at(
        "types-unknown",
        "/components/schemas/Widget/properties/size",
    );
    assert!(
        message.starts_with("`type: uuid` is not an OpenAPI 3.0 type;"),
        "{message}"
    );
}

#[test]
fn types_unknown_skip_unsupported_leaves_out_the_operations_and_names_each_schema() {
    let text = std::fs::read_to_string(case_path("types-unknown")).unwrap();
    let output = generate_text("types-unknown", &text, true).unwrap();
    let kept: Vec<&str> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .map(|op| op.operation_id.as_str())
        .collect();
    assert_eq!(kept, ["getFine", "getWidget"]);
    let messages: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
    for expected in [
        "skipped `get_count` (GET /count): `type: integr`",
        "skipped `get_tags` (GET /tags): `type: strng`",
        "generated as `serde_json::Value`: `type: strin`",
        "generated as `serde_json::Value`: `type: uuid`",
    ] {
        assert!(
            messages.iter().any(|m| m.starts_with(expected)),
            "no warning `{expected}…` in {messages:#?}"
        );
    }
}

#[test]
fn a_problem_in_a_converted_swagger_file_is_pointed_back_into_it_with_its_line() {
    let text = r#"swagger: "2.0"
info: {title: S, version: "1"}
paths:
  /pets:
    get:
      parameters:
        - {in: query, name: n, type: integr}
      responses:
        200:
          description: ok
          schema: {$ref: '#/definitions/Pet'}
definitions:
  Pet:
    type: object
    properties:
      name: {type: strng}
"#;
    let path = Path::new("swagger.yaml");
    let doc = generator::import::parse(path, text).unwrap();
    let (converted, _) = generator::import::convert(path, &doc, &[]).unwrap();
    let spec = load::from_json(path, converted).unwrap();
    let config = spec_config(
        path,
        &spec,
        "swagger",
        vec![generator::select::UNTAGGED_GROUP.to_owned()],
        false,
        Profile::Generic,
    );
    let error = generator::generate_from(path, &spec, &config).unwrap_err();
    let mut diagnostics = error.diagnostics().to_vec();
    // As `cargo xtask codegen` does: the Swagger places first, then the
    // nearest ancestor for what has none.
    generator::import::locate_in_swagger(text, &mut diagnostics);
    generator::locate::add_lines(text, &mut diagnostics);
    let found: Vec<(&str, Option<usize>)> = diagnostics
        .iter()
        .map(|d| (d.pointer.as_str(), d.line))
        .collect();
    assert_eq!(
        found,
        [
            ("/definitions/Pet/properties/name", Some(16)),
            ("/paths/~1pets/get/parameters/0", Some(7)),
        ]
    );
}

#[test]
fn a_warning_about_a_converted_swagger_file_points_into_it_with_its_line() {
    let text = r#"swagger: "2.0"
info: {title: S, version: "1"}
host: example.com
securityDefinitions:
  auth:
    type: oauth2
    flow: implicit
    authorizationUrl: https://example.com/auth
    scopes: {}
security:
  - auth: []
paths:
  /pets:
    post:
      consumes: [application/xml]
      parameters:
        - in: body
          name: pet
          schema: {$ref: '#/definitions/Pet'}
        - in: query
          name: tags
          type: array
          items: {type: array, items: {type: string}}
      responses:
        200: {description: ok}
definitions:
  Pet:
    type: object
    properties:
      name: {type: string}
"#;
    let path = Path::new("swagger.yaml");
    let doc = generator::import::parse(path, text).unwrap();
    let (converted, _) = generator::import::convert(path, &doc, &[]).unwrap();
    let spec = load::from_json(path, converted).unwrap();
    let config = spec_config(
        path,
        &spec,
        "swagger",
        vec![generator::select::UNTAGGED_GROUP.to_owned()],
        false,
        Profile::Generic,
    );
    let mut warnings = generator::generate_from(path, &spec, &config)
        .unwrap()
        .warnings;
    // As `cargo xtask codegen` does, for errors and warnings alike.
    generator::import::locate_in_swagger(text, &mut warnings);
    generator::locate::add_lines(text, &mut warnings);
    let found = |needle: &str| {
        let w = warnings
            .iter()
            .find(|w| w.message.contains(needle))
            .unwrap_or_else(|| panic!("no warning about `{needle}` in {warnings:#?}"));
        (w.pointer.as_str(), w.line)
    };
    // `securitySchemes/auth/flows` is Swagger's `flow`.
    assert_eq!(
        found("OAuth 2.0 flow"),
        ("/securityDefinitions/auth/flow", Some(7))
    );
    // The request body is the `in: body` parameter, and its schema that
    // parameter's `schema`.
    assert_eq!(
        found("`application/xml` body"),
        ("/paths/~1pets/post/parameters/0/schema", Some(19))
    );
    // The query parameter is the second in Swagger's list, though the first
    // once the body has left it; its type is written on it.
    assert_eq!(
        found("`tags` is left out"),
        ("/paths/~1pets/post/parameters/1", Some(20))
    );
}

/// `generator/cases/NAME.yaml` generated with `--skip-unsupported`.
fn generate_case_skipping(name: &str) -> Output {
    let (path, _, spec) = read_case(name);
    let config = spec_config(&path, &spec, name, tags_of(&spec), true, Profile::Generic);
    generator::generate_from(&path, &spec, &config).unwrap()
}

#[test]
fn allof_cycle_refused_a_schema_merging_itself_is_refused_naming_the_cycle() {
    let (message, line) = refusal_at("allof-cycle-refused", "/components/schemas/Note/allOf/0");
    assert!(
        message.contains("`Note` is merged from itself through `allOf` (Note → Note)"),
        "{message}"
    );
    assert_eq!(line, Some(48));
}

#[test]
fn allof_cycle_refused_schemas_merging_each_other_are_refused_where_each_closes_the_cycle() {
    let (folder, line) = refusal_at("allof-cycle-refused", "/components/schemas/Folder/allOf/0");
    assert!(folder.contains("(Folder → Drawer → Folder)"), "{folder}");
    assert_eq!(line, Some(54));
    let (drawer, line) = refusal_at("allof-cycle-refused", "/components/schemas/Drawer/allOf/0");
    assert!(drawer.contains("(Drawer → Folder → Drawer)"), "{drawer}");
    assert_eq!(line, Some(60));
    assert_eq!(refusals_of("allof-cycle-refused").len(), 3);
}

#[test]
fn allof_cycle_refused_the_refusal_names_the_file() {
    let (path, text, spec) = read_case("allof-cycle-refused");
    let config = spec_config(
        &path,
        &spec,
        "allof-cycle-refused",
        tags_of(&spec),
        false,
        Profile::Generic,
    );
    let shown = generator::generate_from(&path, &spec, &config)
        .map(|_| ())
        .unwrap_err()
        .with_lines(&text)
        .to_string();
    assert!(
        shown.contains("allof-cycle-refused.yaml#/components/schemas/Note/allOf/0: `Note`"),
        "{shown}"
    );
    assert!(shown.contains("(line 48)"), "{shown}");
}

#[test]
fn allof_cycle_refused_skip_unsupported_leaves_out_the_operations_that_reach_a_cycle() {
    let output = generate_case_skipping("allof-cycle-refused");
    let operations: Vec<&str> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .map(|o| o.operation_id.as_str())
        .collect();
    assert_eq!(operations, ["listLabels"]);
    let warnings: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
    for (operation, cycle) in [
        ("`get_note` (GET /notes/{id})", "(Note → Note)"),
        (
            "`list_folders` (GET /folders)",
            "(Folder → Drawer → Folder)",
        ),
        (
            "`list_folders` (GET /folders)",
            "(Drawer → Folder → Drawer)",
        ),
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(&format!("skipped {operation}")) && w.contains(cycle)),
            "{operation} {cycle}: {warnings:#?}"
        );
    }
    let names: Vec<&str> = output
        .api
        .types
        .iter()
        .map(|t| t.rust_name.as_str())
        .collect();
    // `Named`, which `Label` copies through `allOf`, is a model of its own
    // that no operation uses: it stays, as it would without a cycle.
    assert_eq!(names, ["Label", "Named"]);
}

#[test]
fn recursive_map_is_a_struct_of_its_entries_without_an_error() {
    let output = generate_case_with("recursive-map", &["Settings"], Profile::Generic);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    for name in ["SettingsTree", "Menu"] {
        let def = output.api.type_def(name).unwrap();
        let generator::ir::TypeKind::Struct { fields, additional } = &def.kind else {
            panic!("{name} is {:?}", def.kind);
        };
        assert!(fields.is_empty());
        assert!(additional.is_some(), "{name}");
    }
}

#[test]
fn allof_annotated_union_is_the_annotated_type_without_a_warning() {
    let output = generate_case_with("allof-annotated-union", &["Shipments"], Profile::Generic);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let shipment = output.api.type_def("Shipment").unwrap();
    let generator::ir::TypeKind::Struct { fields, .. } = &shipment.kind else {
        panic!("not a struct");
    };
    let carrier = fields.iter().find(|f| f.wire_name == "carrier").unwrap();
    assert_eq!(
        carrier.ty,
        generator::ir::TypeRef::Named {
            name: "Carrier".to_owned()
        }
    );
    assert!(carrier.nullable);
    assert_eq!(
        carrier.description.as_deref(),
        Some("Who carries it; null before one is chosen.")
    );
}

#[test]
fn an_xml_body_with_a_structured_schema_is_text_with_a_warning_naming_it() {
    let text = r##"openapi: 3.0.3
info: {title: X, version: "1"}
paths:
  /pets:
    post:
      operationId: addPet
      tags: [pets]
      requestBody:
        required: true
        content:
          application/xml:
            schema: {$ref: "#/components/schemas/Pet"}
      responses:
        "200":
          description: The pet.
          content:
            application/atom+xml:
              schema: {$ref: "#/components/schemas/Pet"}
        "400":
          description: A plain text error, whatever its schema says.
          content:
            text/plain:
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
"##;
    let output = generate_text("xml-bodies", text, false).unwrap();
    let op = &output.api.groups[0].operations[0];
    assert_eq!(
        op.body.as_ref().map(|b| &b.ty),
        Some(&generator::ir::TypeRef::String { format: None })
    );
    let warned: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(warned.len(), 2, "{warned:#?}");
    assert_eq!(
        warned[0].0,
        "/paths/~1pets/post/requestBody/content/application~1xml/schema"
    );
    assert!(
        warned[0]
            .1
            .starts_with("the `application/xml` body is sent as text (`String`)"),
        "{}",
        warned[0].1
    );
    assert_eq!(
        warned[1].0,
        "/paths/~1pets/post/responses/200/content/application~1atom+xml/schema"
    );
    assert!(
        warned[1].1.contains("is returned as text"),
        "{}",
        warned[1].1
    );
}

#[test]
fn a_parameter_without_a_name_is_refused_and_an_empty_one_of_is_a_warning() {
    let spec = |name: &str| {
        format!(
            r##"openapi: 3.0.3
info: {{title: E, version: "1"}}
paths:
  /x:
    get:
      operationId: getX
      tags: [x]
      parameters:
        - name: "{name}"
          in: query
          schema:
            type: string
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/U"
components:
  schemas:
    U:
      oneOf: []
"##
        )
    };
    let error = generate_text("nameless", &spec(" "), false)
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(
            "nameless.yaml#/paths/~1x/get/parameters/0/name: a parameter's `name` is required \
             and can't be empty (line 9)"
        ),
        "{error}"
    );
    let output = generate_text("nameless", &spec("q"), false).unwrap();
    let warnings: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            "/components/schemas/U/oneOf",
            "`oneOf` has no alternatives, which JSON Schema doesn't allow; `U` keeps whatever \
             JSON comes"
        )]
    );
}

#[test]
fn a_required_write_only_property_is_optional_since_responses_leave_it_out() {
    let text = r##"openapi: 3.0.3
info: {title: W, version: "1"}
paths:
  /accounts:
    post:
      operationId: createAccount
      tags: [accounts]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Account"}
      responses:
        "201":
          description: The account, without its password.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Account"}
components:
  schemas:
    Account:
      type: object
      required: [name, password, id]
      properties:
        name: {type: string}
        password: {type: string, writeOnly: true}
        id: {type: string, readOnly: true}
"##;
    let output = generate_text("write-only", text, false).unwrap();
    let model = output
        .files
        .iter()
        .find(|f| f.path == "src/models/account.rs")
        .unwrap();
    for field in [
        r#"pub name: String => "name","#,
        r#"pub password: Option<String> => "password" skip_if is_none,"#,
        r#"pub id: Option<String> => "id" skip_if is_none,"#,
    ] {
        assert!(
            model.contents.contains(field),
            "{field} in {}",
            model.contents
        );
    }
}

#[test]
fn allof_narrowing_parts_of_one_json_type_narrow_and_two_enums_are_a_warning() {
    let output = generate_case_with("allof-narrowing", &["Payments"], Profile::Generic);
    let warnings: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            "/components/schemas/Payment/properties/channel/allOf/1",
            "`allOf` parts `Channel` (`sms`, `email`) and `Scope` (`ME_TO_ME`, `EXTERNAL`) have \
             no value in common, so no value satisfies both; it is generated as `Channel`, and a \
             value of the other decodes as an unknown value of `Channel`"
        )]
    );
}

/// (pointer, line) of each warning of the case, in order, whose message
/// contains `text`.
fn warnings_about(output: &Output, text: &str) -> Vec<(String, Option<usize>)> {
    output
        .warnings
        .iter()
        .filter(|w| w.message.contains(text))
        .map(|w| (w.pointer.clone(), w.line))
        .collect()
}

/// `generator/cases/NAME.yaml` generated as `cargo xtask codegen --spec`
/// shows it: every warning with its line.
fn generate_case_located(name: &str) -> Output {
    let (path, _, spec) = read_case(name);
    let config = spec_config(&path, &spec, name, tags_of(&spec), false, Profile::Generic);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config {
        spec: path.strip_prefix(root).unwrap().to_owned(),
        ..config
    };
    generator::generate(root, &config).unwrap()
}

#[test]
fn allof_base_problems_each_is_reported_once_where_it_is_written() {
    let output = generate_case_located("allof-base-problems");
    let at = |pointer: &str, line: usize| (pointer.to_owned(), Some(line));
    let mut required = warnings_about(&output, "is listed in `required` but is not a property");
    required.sort();
    assert_eq!(
        required,
        [
            at("/components/schemas/Cat/allOf/1/required", 50),
            at("/components/schemas/Named/required", 61),
            at("/components/schemas/Pet/required", 40),
        ]
    );
    let mut defaults = warnings_about(&output, "is not a value of the type");
    defaults.sort();
    assert_eq!(
        defaults,
        [
            at(
                "/components/schemas/Cat/allOf/1/properties/lives/default",
                54
            ),
            at("/components/schemas/Named/properties/name/default", 65),
            at("/components/schemas/Pet/properties/name/default", 45),
        ]
    );
    assert_eq!(output.warnings.len(), 6, "{:#?}", output.warnings);
}

#[test]
fn allof_property_conflict_each_is_a_warning_naming_both_places_and_types() {
    let output = generate_case_located("allof-property-conflict");
    let warnings: Vec<(&str, &str, Option<usize>)> = output
        .warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str(), w.line))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "/components/schemas/Mixed/allOf/1/properties/id",
                "`Mixed` declares the property `id` twice through `allOf`, as `boolean` at \
                 `#/components/schemas/Mixed/allOf/0/properties/id` and as `string` at \
                 `#/components/schemas/Mixed/allOf/1/properties/id`; no value is both, and its \
                 field is generated from the later one, `string`",
                Some(54)
            ),
            (
                "/components/schemas/Reading/allOf/1/properties/value",
                "`Reading` declares the property `value` twice through `allOf`, as `string` at \
                 `#/components/schemas/Reading/allOf/0/properties/value` and as `integer` at \
                 `#/components/schemas/Reading/allOf/1/properties/value`; no value is both, and \
                 its field is generated from the later one, `integer`",
                Some(37)
            ),
            (
                "/components/schemas/Sensor/allOf/1/properties/unit",
                "`Sensor` declares the property `unit` twice through `allOf`, as `string` at \
                 `#/components/schemas/Device/properties/unit` and as `integer` at \
                 `#/components/schemas/Sensor/allOf/1/properties/unit`; no value is both, and \
                 its field is generated from the later one, `integer`",
                Some(49)
            ),
        ]
    );
}

#[test]
fn allof_enum_disjoint_the_warning_names_the_type_generated_and_both_enums_values() {
    let output = generate_case_with("allof-enum-disjoint", &["tasks"], Profile::Generic);
    let disjoint = |other: &str| {
        format!(
            "`allOf` parts `Status` (`active`, `inactive`) and an inline enum (`{other}`) have no \
             value in common, so no value satisfies both; it is generated as `Status`, and a value \
             of the other decodes as an unknown value of `Status`"
        )
    };
    let warnings: Vec<(String, String)> = output
        .warnings
        .iter()
        .map(|w| (w.pointer.clone(), w.message.clone()))
        .collect();
    let expected = [
        (
            "/components/schemas/Legacy/allOf/1".to_owned(),
            disjoint("retired"),
        ),
        (
            "/components/schemas/Task/properties/status/allOf/1".to_owned(),
            disjoint("other"),
        ),
        (
            "/components/schemas/Task/properties/phase/allOf/1".to_owned(),
            "`allOf` parts `Status` (`active`, `inactive`) and an inline enum (`active`, \
             `paused`) have only `active` in common; it is generated as `Status`, which also \
             accepts `inactive`"
                .to_owned(),
        ),
        (
            "/paths/~1tasks/get/parameters/0/schema/allOf/1".to_owned(),
            disjoint("archived"),
        ),
    ];
    assert_eq!(warnings, expected);
    // The inline enums that don't give the type are no types at all; the
    // one whose values are all `Status`'s is the field's type.
    let names: Vec<&str> = output
        .api
        .types
        .iter()
        .map(|t| t.rust_name.as_str())
        .collect();
    assert_eq!(names, ["Legacy", "Status", "Task", "TaskLive"]);
}

#[test]
fn allof_base_gating_a_schema_no_operation_reaches_compiles_with_full_only() {
    let output = generate_case_with(
        "allof-base-gating",
        &["Cats", "Users", "Health"],
        Profile::Generic,
    );
    let features = &output.api.features;
    assert_eq!(features.of_type("Pet"), ["full"]);
    assert_eq!(features.of_type("User"), ["cats", "users"]);
    let models = output
        .files
        .iter()
        .find(|f| f.path == "src/models/mod.rs")
        .unwrap();
    assert!(
        models.contents.contains(
            "crate::support::gated_models! {\n    #[cfg(feature = \"full\")]\n    pet::Pet,\n}"
        ),
        "{}",
        models.contents
    );
}

#[test]
fn the_error_model_compiles_with_any_features_even_when_one_group_declares_no_error() {
    // `src/error.rs` holds the error model in every build, so no feature
    // may gate it, nor what it holds.
    let text = "
openapi: 3.0.3
info: {title: error model, version: '1'}
paths:
  /sites:
    get:
      tags: [sites]
      operationId: listSites
      responses:
        '200': {description: ok}
        default:
          description: error
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Error'}
  /ping:
    get:
      tags: [misc]
      operationId: ping
      responses:
        '200': {description: ok}
components:
  schemas:
    Detail: {type: object, properties: {field: {type: string}}}
    Error:
      type: object
      required: [message]
      properties:
        message: {type: string}
        details: {type: array, items: {$ref: '#/components/schemas/Detail'}}
";
    let output = generate_text("error-model-ungated", text, false).unwrap();
    assert_eq!(
        output
            .api
            .error_model
            .as_ref()
            .map(|m| m.type_name.as_str()),
        Some("ErrorModel")
    );
    let features = &output.api.features;
    assert_eq!(features.of_type("ErrorModel"), ["misc", "sites"]);
    assert_eq!(features.of_type("Detail"), ["misc", "sites"]);
    let models = output
        .files
        .iter()
        .find(|f| f.path == "src/models/mod.rs")
        .unwrap();
    assert!(!models.contents.contains("#[cfg"), "{}", models.contents);
}

/// The variants of the union `name`: (Rust name, type, tags) of each.
fn union_variants(api: &Api, name: &str) -> Vec<(String, String, Vec<String>)> {
    let def = api
        .type_def(name)
        .unwrap_or_else(|| panic!("no type {name}"));
    let generator::ir::TypeKind::Union {
        variants,
        discriminator: Some(_),
        ..
    } = &def.kind
    else {
        panic!("{name} is no tagged union: {:?}", def.kind);
    };
    variants
        .iter()
        .map(|v| {
            let generator::ir::TypeRef::Named { name: ty } = &v.ty else {
                panic!("{name}::{} holds no named type", v.rust_name);
            };
            let tags = v.tag.iter().chain(&v.more_tags).cloned().collect();
            (v.rust_name.clone(), ty.clone(), tags)
        })
        .collect()
}

/// The tag `new` gives the field `wire` of the struct `name`.
fn field_tag(api: &Api, name: &str, wire: &str) -> Option<String> {
    let def = api
        .type_def(name)
        .unwrap_or_else(|| panic!("no type {name}"));
    let generator::ir::TypeKind::Struct { fields, .. } = &def.kind else {
        panic!("{name} is no struct: {:?}", def.kind);
    };
    fields
        .iter()
        .find(|f| f.wire_name == wire)
        .unwrap_or_else(|| panic!("{name} has no field {wire}"))
        .tag
        .clone()
}

fn owned(items: &[(&str, &str, &[&str])]) -> Vec<(String, String, Vec<String>)> {
    items
        .iter()
        .map(|(v, ty, tags)| {
            let tags = tags.iter().map(|t| t.to_string()).collect();
            (v.to_string(), ty.to_string(), tags)
        })
        .collect()
}

#[test]
fn polymorphic_base_is_a_union_of_its_subtypes_and_itself_without_a_warning() {
    let output = generate_case_with("polymorphic-base", &["events"], Profile::Generic);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let api = &output.api;
    assert_eq!(
        union_variants(api, "Event"),
        owned(&[
            ("Click", "Click", &["click", "tap"]),
            ("View", "View", &["view"]),
            ("Event", "EventBase", &["event"]),
        ])
    );
    assert_eq!(field_tag(api, "Click", "kind").as_deref(), Some("click"));
    assert_eq!(field_tag(api, "View", "kind").as_deref(), Some("view"));
    assert_eq!(
        field_tag(api, "EventBase", "kind").as_deref(),
        Some("event")
    );
}

#[test]
fn polymorphic_base_deep_every_level_is_a_variant_without_a_warning() {
    let output = generate_case_with("polymorphic-base-deep", &["levels"], Profile::Generic);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let variants = union_variants(&output.api, "Level0");
    assert_eq!(variants.len(), 40);
    assert!(
        variants.contains(&("Level40".into(), "Level40".into(), vec!["Level40".into()])),
        "{variants:?}"
    );
    assert_eq!(
        field_tag(&output.api, "Level40", "kind").as_deref(),
        Some("Level40")
    );
}

#[test]
fn polymorphic_base_implicit_subtypes_go_by_name_at_every_level() {
    let output = generate_case_with(
        "polymorphic-base-implicit",
        &["pets", "shapes"],
        Profile::Generic,
    );
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let api = &output.api;
    // Without a mapping the base is abstract: no variant of its own.
    assert_eq!(
        union_variants(api, "Pet"),
        owned(&[
            ("Cat", "Cat", &["Cat"]),
            ("Dog", "Dog", &["Dog"]),
            ("Lizard", "Lizard", &["Lizard"]),
            ("Puppy", "Puppy", &["Puppy"]),
        ])
    );
    // A subtype that adds nothing is a struct of the base's fields, not
    // another name for the union (which would decode as itself).
    assert_eq!(
        field_tag(api, "Lizard", "petType").as_deref(),
        Some("Lizard")
    );
    // `Dog` has no discriminator of its own: a plain struct.
    assert_eq!(field_tag(api, "Dog", "petType").as_deref(), Some("Dog"));
    // `Polygon` is a subtype of `Shape` and a base of its own: its own
    // fields are `PolygonBase`, a variant of both unions.
    assert_eq!(
        union_variants(api, "Shape"),
        owned(&[
            ("Circle", "Circle", &["circle"]),
            ("Polygon", "PolygonBase", &["polygon"]),
            ("Square", "Square", &["square"]),
        ])
    );
    assert_eq!(
        union_variants(api, "Polygon"),
        owned(&[
            ("Polygon", "PolygonBase", &["polygon"]),
            ("Square", "Square", &["square"]),
        ])
    );
}

#[test]
fn polymorphic_base_unsupported_shapes_are_warnings_naming_the_schema_and_why() {
    let output = generate_case_with(
        "polymorphic-base-unsupported",
        &["things"],
        Profile::Generic,
    );
    let warnings: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    let expect = [
        (
            "/components/schemas/Animal/discriminator",
            &[
                "`Animal` is generated as a plain struct",
                "`Bird`",
                "`species` is not one of its properties",
            ][..],
        ),
        (
            "/components/schemas/Event/discriminator/mapping/ghost",
            &[
                "`#/components/schemas/Ghost` names no component schema",
                "`ghost` is kept as JSON",
            ],
        ),
        (
            "/components/schemas/Event/discriminator/mapping/label",
            &[
                "`Label` is left out of the union `Event`",
                "not an object schema",
            ],
        ),
        (
            "/components/schemas/Event/discriminator/mapping/orphan",
            &[
                "`Orphan` is left out of the union `Event`",
                "no property `kind`",
            ],
        ),
        (
            "/components/schemas/Reading/discriminator",
            &[
                "`Reading` is generated as a plain struct",
                "`Celsius`",
                "`code` is not a string",
            ],
        ),
    ];
    assert_eq!(warnings.len(), expect.len(), "{warnings:?}");
    for ((pointer, message), (want_pointer, phrases)) in warnings.iter().zip(expect) {
        assert_eq!(*pointer, want_pointer, "{warnings:?}");
        for phrase in phrases {
            assert!(message.contains(phrase), "{phrase} in {message}");
        }
    }
    let api = &output.api;
    // Generated as before: plain structs, and no subtype nothing uses.
    for name in ["Note", "Animal", "Reading"] {
        let def = api.type_def(name).unwrap();
        assert!(
            matches!(def.kind, generator::ir::TypeKind::Struct { .. }),
            "{name}: {:?}",
            def.kind
        );
    }
    // The subtypes no operation reaches are models of their own, as every
    // component schema of a whole API is, and no variant of a union.
    for name in ["Bird", "Celsius", "Label", "Orphan"] {
        assert!(api.type_def(name).is_some(), "{name} is not generated");
    }
    assert_eq!(
        union_variants(api, "Event"),
        owned(&[("Click", "Click", &["click"])])
    );
}

/// Every optional parameter with no wire form is left out of its operation
/// alone, with a warning naming both, with `--skip-unsupported` as without;
/// a required one takes its operation with it.
#[test]
fn param_no_wire_form_skip_optional_ones_are_left_out_alone_and_named() {
    let output = generate_case_skipping("param-no-wire-form-skip");
    let operations: Vec<(&str, Vec<&str>)> = output
        .api
        .groups
        .iter()
        .flat_map(|g| &g.operations)
        .map(|o| {
            let params = o.parameters.iter().map(|p| p.wire_name.as_str()).collect();
            (o.operation_id.as_str(), params)
        })
        .collect();
    assert_eq!(
        operations,
        [
            ("postBundle", vec![]),
            ("postNotes", vec!["draft"]),
            ("search", vec!["query", "limit"]),
        ]
    );
    let bodies = output.api.groups[0]
        .operations
        .iter()
        .filter(|o| o.body.is_some())
        .count();
    assert_eq!(bodies, 0);
    let warnings: Vec<String> = output
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.pointer, w.message))
        .collect();
    for (index, name, why) in [
        (1, "mdfilters", "an array of objects has no text form"),
        (2, "sort", "an array of objects has no text form"),
        (
            3,
            "nested",
            "an object with nested arrays or objects has no text form",
        ),
        (4, "signature", "binary data has no text form"),
        (5, "lang", "`style: deepObject` applies to objects only"),
        (7, "X-Trace-Parts", "an array of arrays has no text form"),
    ] {
        let expected = format!(
            "/paths/~1search/get/parameters/{index}/schema: `search` (GET /search): the optional parameter `{name}` is left out: {why}"
        );
        assert!(
            warnings.iter().any(|w| w.starts_with(&expected)),
            "no `{expected}` in {warnings:#?}"
        );
    }
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "/paths/~1search/get/parameters/6/content: `search` (GET /search): the optional parameter `filter` is left out: parameters with `content` are not supported"
        )),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "/paths/~1exports/post/parameters/0/schema: skipped `create_export` (POST /exports): an array of objects has no text form"
        )),
        "{warnings:#?}"
    );
    for expected in [
        "/paths/~1bundles/post/requestBody/content: `postBundle` (POST /bundles): the optional request body is left out: request bodies of type multipart/mixed are not supported",
        "/paths/~1notes/post/requestBody/content/application~1x-www-form-urlencoded/schema: `postNotes` (POST /notes): the optional request body is left out: a form body must be an object schema",
    ] {
        assert!(
            warnings.iter().any(|w| w.starts_with(expected)),
            "no `{expected}` in {warnings:#?}"
        );
    }
    // The models only the left-out parameters used go with them, named.
    assert!(output.api.types.is_empty(), "{:?}", output.api.types);
    assert!(
        warnings.iter().any(|w| w.contains("left out 5 model(s) that only skipped operations or left-out parameters or request bodies use: `MetadataFilter`, `Note`")),
        "{warnings:#?}"
    );
}

/// Without `--skip-unsupported` the optional ones are left out the same
/// way, and the required one is refused at its schema's pointer and line.
#[test]
fn param_no_wire_form_skip_without_the_flag_only_the_required_one_is_refused() {
    let refusals = refusals_of("param-no-wire-form-skip");
    let found: Vec<(&str, Option<usize>)> =
        refusals.iter().map(|(p, _, l)| (p.as_str(), *l)).collect();
    assert_eq!(
        found,
        [("/paths/~1exports/post/parameters/0/schema", Some(82))],
        "{refusals:#?}"
    );
    assert!(refusals[0]
        .1
        .starts_with("an array of objects has no text form as a parameter"));
}

/// Without `--skip-unsupported`, each `allOf` part that can't be merged is
/// refused at its pointer and line, saying what it is.
#[test]
fn allof_union_part_skip_without_the_flag_each_part_is_refused_where_it_is() {
    let found: Vec<(String, String, Option<usize>)> = refusals_of("allof-union-part-skip");
    assert_eq!(
        found,
        [
            (
                "/components/schemas/Badge/oneOf/1".to_owned(),
                "this `oneOf` alternative is not an object, so no value can have both it and the schema's own properties or `allOf` parts".to_owned(),
                Some(122)
            ),
            (
                "/components/schemas/Pet/allOf/1".to_owned(),
                "only object schemas can be merged with `allOf`, and this part is a `oneOf`"
                    .to_owned(),
                Some(108)
            ),
            (
                "/paths/~1tags~1{id}/get/responses/200/content/application~1json/schema/allOf/1"
                    .to_owned(),
                "only object schemas can be merged with `allOf`, and this part is an `anyOf`"
                    .to_owned(),
                Some(70)
            ),
        ]
    );
}

/// With it, every operation is generated; each struct that lost a part
/// keeps what it carries in its flattened JSON map, and the warning at the
/// part says so, naming the struct and the map (one warning per struct:
/// `ShowEntry` inherits `Pet`'s part).
#[test]
fn allof_union_part_skip_the_warning_says_what_is_generated() {
    let output = generate_case_skipping("allof-union-part-skip");
    assert_eq!(output.api.operation_count(), 5);
    let warnings: Vec<String> = output
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.pointer, w.message))
        .collect();
    let expected = [
        "/components/schemas/Badge/oneOf/1: `Badge` is generated without this alternative (this `oneOf` alternative is not an object, so no value can have both it and the schema's own properties or `allOf` parts); a value of it decodes as `Badge::Other`, which keeps the JSON as it came",
        "/components/schemas/Pet/allOf/1: `Pet` is generated without this `allOf` part (only object schemas can be merged with `allOf`, and this part is a `oneOf`); the values of the properties `Pet`'s fields don't name, this part's among them, are kept as JSON in its map `additional_properties`",
        "/components/schemas/Pet/allOf/1: `ShowEntry` is generated without this `allOf` part (only object schemas can be merged with `allOf`, and this part is a `oneOf`); the values of the properties `ShowEntry`'s fields don't name, this part's among them, are kept as JSON in its map `additional_properties`",
        "/paths/~1tags~1{id}/get/responses/200/content/application~1json/schema/allOf/1: `GetTagResponse200` is generated without this `allOf` part (only object schemas can be merged with `allOf`, and this part is an `anyOf`); the values of the properties `GetTagResponse200`'s fields don't name, this part's among them, are kept as JSON in its map `additional_properties`, whose values are `serde_json::Value` rather than the type of the schema's `additionalProperties`",
    ];
    assert_eq!(warnings, expected);
    for name in ["Pet", "ShowEntry", "GetTagResponse200"] {
        let def = output.api.type_def(name).unwrap();
        let generator::ir::TypeKind::Struct { additional, .. } = &def.kind else {
            panic!("{name} is {:?}", def.kind);
        };
        let additional = additional.as_ref().expect("a map");
        assert_eq!(additional.ty, generator::ir::TypeRef::Json, "{name}");
        assert_eq!(additional.unmerged_parts.len(), 1, "{name}");
    }
    // The alternatives' models stay: the map decodes into them.
    for name in ["Cat", "Dog", "Base"] {
        assert!(output.api.type_def(name).is_some(), "{name}");
    }
}

/// A Swagger 2.0 case converted as `cargo xtask codegen` does: the
/// converted spec and the import's warnings.
fn import_swagger_case(name: &str) -> (openapiv3::OpenAPI, Vec<generator::import::Warning>) {
    let path = case_path(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = generator::import::parse(&path, &text).unwrap();
    let (converted, warnings) = generator::import::convert(&path, &doc, &[]).unwrap();
    (load::from_json(&path, converted).unwrap(), warnings)
}

/// A bare name is read as a parameter in a parameter list (the path's or
/// the operation's), a response among responses, a definition in a schema:
/// each with a warning at the reference saying how it was read.
#[test]
fn swagger2_bare_name_refs_each_is_read_by_where_it_sits_with_a_warning() {
    let (spec, warnings) = import_swagger_case("swagger2-bare-name-refs");
    let found: Vec<(&str, &str)> = warnings
        .iter()
        .filter(|w| w.kind == generator::import::WarningKind::BareNameRef)
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/paths/~1products/parameters/0/$ref", "`$ref: traceParam` is a bare name, which Swagger 2.0 tools read as `#/parameters/traceParam` here; read the same way"),
            ("/paths/~1products/get/parameters/0/$ref", "`$ref: limitParam` is a bare name, which Swagger 2.0 tools read as `#/parameters/limitParam` here; read the same way"),
            ("/paths/~1products/get/responses/200/schema/items/$ref", "`$ref: Product` is a bare name, which Swagger 2.0 tools read as `#/definitions/Product` here; read the same way"),
            ("/paths/~1products/get/responses/404/$ref", "`$ref: NotFound` is a bare name, which Swagger 2.0 tools read as `#/responses/NotFound` here; read the same way"),
            ("/definitions/Product/properties/maker/$ref", "`$ref: Maker` is a bare name, which Swagger 2.0 tools read as `#/definitions/Maker` here; read the same way"),
            ("/responses/NotFound/schema/$ref", "`$ref: Problem` is a bare name, which Swagger 2.0 tools read as `#/definitions/Problem` here; read the same way"),
        ]
    );
    let path = case_path("swagger2-bare-name-refs");
    let config = spec_config(
        &path,
        &spec,
        "swagger2-bare-name-refs",
        tags_of(&spec),
        false,
        Profile::Generic,
    );
    let output = generator::generate_from(&path, &spec, &config).unwrap();
    let op = &output.api.groups[0].operations[0];
    let params: Vec<&str> = op.parameters.iter().map(|p| p.wire_name.as_str()).collect();
    assert_eq!(params, ["limit", "offset", "X-Trace"]);
    let not_found = op.responses.iter().find(|r| r.status == "404").unwrap();
    assert_eq!(not_found.description, "No such thing.");
    assert_eq!(
        not_found.ty,
        Some(generator::ir::TypeRef::Named {
            name: "Problem".to_owned()
        })
    );
}

/// A reference to an entry the file lacks, bare or not, is refused where it
/// is written, with its line, as codegen shows it; never at the entry that
/// isn't there.
#[test]
fn swagger2_bare_name_refs_a_missing_one_is_refused_where_it_is_written() {
    let path = case_path("swagger2-bare-name-refs");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            "  limitParam: {name: limit, in: query, type: integer, description: How many.}\n",
            "",
        )
        .replace(
            "  NotFound:\n    description: No such thing.\n    schema: {$ref: Problem}\n",
            "  Gone: {description: Gone.}\n",
        )
        .replace("  Maker:\n", "  Manufacturer:\n");
    let doc = generator::import::parse(&path, &text).unwrap();
    let error = generator::import::convert(&path, &doc, &[])
        .map(|_| ())
        .unwrap_err()
        .with_lines(&text);
    let found: Vec<(&str, Option<usize>, &str)> = error
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/paths/~1products/get/parameters/0/$ref", Some(21), "`$ref: limitParam` points to nothing: the document has no parameter `limitParam` in `parameters`"),
            ("/paths/~1products/get/responses/404/$ref", Some(30), "`$ref: NotFound` points to nothing: the document has no response `NotFound` in `responses`"),
            ("/definitions/Product/properties/maker/$ref", Some(42), "`$ref: Maker` points to nothing: the document has no definition `Maker` in `definitions`"),
        ]
    );
}

/// Tags that read the same once named get a warning naming each tag and the
/// group, accessor and feature it got, at the first tag that had to be
/// suffixed; the group listed first keeps the plain names.
#[test]
fn tags_colliding_each_set_is_a_warning_naming_the_tags_and_their_names() {
    let (path, _, spec) = read_case("tags-colliding");
    let config = spec_config(
        &path,
        &spec,
        "tags-colliding",
        tags_of(&spec),
        false,
        Profile::Generic,
    );
    let output = generator::generate_from(&path, &spec, &config).unwrap();
    let warnings: Vec<String> = output
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.pointer, w.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "/paths/~1users~1{id}/get/tags/0: the tags `Users`, `users`, `USERS` read the same once named; each is a group of its own: `Users` → `UsersApi` (`client.users()`, feature `users`), `users` → `UsersApi2` (`client.users2()`, feature `users2`), `USERS` → `UsersApi3` (`client.users3()`, feature `users3`); rename the tags in the spec (or give them one name) to choose the names",
            "/paths/~1members/post/tags/0: the tags `Team Members`, `team-members` read the same once named; each is a group of its own: `Team Members` → `TeamMembersApi` (`client.team_members()`, feature `team_members`), `team-members` → `TeamMembersApi2` (`client.team_members2()`, feature `team_members2`); rename the tags in the spec (or give them one name) to choose the names",
        ]
    );
    let groups: Vec<(&str, &str)> = output
        .api
        .groups
        .iter()
        .map(|g| (g.tag.as_str(), g.rust_name.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Users", "UsersApi"),
            ("users", "UsersApi2"),
            ("USERS", "UsersApi3"),
            ("Team Members", "TeamMembersApi"),
            ("team-members", "TeamMembersApi2"),
            ("Groups", "GroupsApi"),
        ]
    );
}

/// A tag declared in the spec's `tags` is pointed at there.
#[test]
fn tags_colliding_a_declared_tag_is_pointed_at_in_the_tags_list() {
    let (path, _, spec) = read_case("tags-colliding");
    let tags = vec!["Users".to_owned(), "USERS".to_owned()];
    let config = spec_config(
        &path,
        &spec,
        "tags-colliding",
        tags,
        false,
        Profile::Generic,
    );
    let output = generator::generate_from(&path, &spec, &config).unwrap();
    let pointers: Vec<&str> = output.warnings.iter().map(|w| w.pointer.as_str()).collect();
    assert_eq!(pointers, ["/tags/1"]);
}

/// Each array whose `collectionFormat` isn't sent as written is a warning
/// naming the parameter and what is sent instead, at the format (or, for
/// a form field's default, at the field); the query's own formats aren't.
#[test]
fn swagger2_collection_formats_each_one_not_kept_is_a_warning_naming_the_parameter() {
    let (_, warnings) = import_swagger_case("swagger2-collection-formats");
    let found: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/paths/~1items~1{ids}/get/parameters/0/collectionFormat", "`collectionFormat: ssv` has no OpenAPI 3.0 form here: path arrays are comma-separated (`style: simple`); the items of the path parameter `ids` are sent comma-separated, not space-separated"),
            ("/paths/~1items~1{ids}/get/parameters/1/collectionFormat", "`collectionFormat: pipes` has no OpenAPI 3.0 form here: header arrays are comma-separated (`style: simple`), as RFC 9110's lists are; the items of the header `X-Tags` are sent comma-separated, not `|`-separated"),
            ("/paths/~1items~1{ids}/get/parameters/2/collectionFormat", "`collectionFormat: multi` is for query and form fields only; the items of the header `X-Ids` are sent comma-separated in one field, which RFC 9110 (section 5.3) makes the same as one field line per item"),
            ("/paths/~1items~1{ids}/get/parameters/4/collectionFormat", "`collectionFormat: ssv` has no OpenAPI 3.0 form here: header arrays are comma-separated (`style: simple`), as RFC 9110's lists are; the items of the header `X-Spaced` are sent comma-separated, not space-separated"),
            ("/paths/~1items~1{ids}/get/parameters/6/collectionFormat", "`collectionFormat: tsv` has no OpenAPI 3.0 form here: OpenAPI 3.0 has no tab-separated style; the items of the query parameter `names` are sent comma-separated, not tab-separated"),
            ("/paths/~1labels/post/parameters/0", "Swagger 2.0's default `collectionFormat: csv` of the form field `label` is not kept: the client sends a form's array as one field per item (`label=a&label=b`, as `multi` does), OpenAPI 3.0's default for forms"),
        ]
    );
    assert!(warnings.iter().all(|w| w.kind.changes_requests()));
}
