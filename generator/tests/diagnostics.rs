//! Bad input gets a clear error that names the spec file and a JSON pointer
//! into it, never a panic.

use std::path::{Path, PathBuf};

use generator::{load, Config, Error};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn spec_text() -> String {
    std::fs::read_to_string(root().join("spec/purecloud-oauth.yaml")).unwrap()
}

fn config() -> Config {
    Config::load(&root()).unwrap()
}

/// Runs the pipeline on `text` as if it were `spec/broken.yaml`, expecting
/// it to fail.
fn generate(text: &str) -> Result<(), Error> {
    let path = Path::new("spec/broken.yaml");
    let spec = load::parse(path, text)?;
    match generator::generate_from(path, &spec, &config()) {
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Runs the pipeline on the spec `text`, as if at `spec/<name>.yaml`, with
/// `tags` selected and no configured example operation.
fn run_inline(
    name: &str,
    text: &str,
    tags: &[&str],
    skip_unsupported: bool,
) -> Result<generator::Output, Error> {
    let path = PathBuf::from(format!("spec/{name}.yaml"));
    let spec = load::parse(&path, text)?;
    let mut config = config();
    config.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    config.krate.example_operation = None;
    config.skip_unsupported = skip_unsupported;
    generator::generate_from(&path, &spec, &config)
}

/// [`run_inline`], expected to succeed.
fn output_of(name: &str, text: &str, tags: &[&str], skip_unsupported: bool) -> generator::Output {
    match run_inline(name, text, tags, skip_unsupported) {
        Ok(output) => output,
        Err(e) => panic!("{e}"),
    }
}

/// Each warning of `output` as (pointer, message).
fn warnings_of(output: &generator::Output) -> Vec<(&str, &str)> {
    output
        .warnings
        .iter()
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect()
}

fn messages(err: &Error) -> String {
    err.to_string()
}

#[test]
fn a_ref_to_a_missing_schema_names_the_file_and_the_pointer_to_the_ref() {
    let text = spec_text().replacen(
        "$ref: '#/components/schemas/OAuthClientEntityListing'",
        "$ref: '#/components/schemas/NoSuchListing'",
        1,
    );
    let err = generate(&text).unwrap_err();
    assert_eq!(
        messages(&err),
        "spec/broken.yaml#/paths/~1api~1v2~1oauth~1clients/get/responses/200/content/application~1json/schema: \
         `$ref: #/components/schemas/NoSuchListing` points to nothing: there is no node at \
         `/components/schemas/NoSuchListing` in the spec"
    );
}

#[test]
fn a_ref_to_a_missing_schema_inside_a_schema_points_into_components() {
    let text = spec_text().replacen(
        "$ref: '#/components/schemas/DomainEntityRef'",
        "$ref: '#/components/schemas/Nobody'",
        1,
    );
    let err = generate(&text).unwrap_err();
    let text = messages(&err);
    assert!(
        text.starts_with("spec/broken.yaml#/components/schemas/"),
        "{text}"
    );
    assert!(text.contains("#/components/schemas/Nobody"), "{text}");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = spec_text()
        .replacen(
            "$ref: '#/components/schemas/OAuthClientEntityListing'",
            "$ref: '#/components/schemas/Gone1'",
            1,
        )
        .replacen(
            "$ref: '#/components/schemas/OAuthScopeListing'",
            "$ref: '#/components/schemas/Gone2'",
            1,
        )
        .replacen(ACCEPT_LANGUAGE, &deep_object_accept_language(true), 1);
    let err = generate(&text).unwrap_err();
    // Two from selection, one from lowering, in pointer order.
    assert_eq!(err.diagnostics().len(), 3, "{err}");
    assert!(
        err.to_string()
            .contains("`style: deepObject` applies to objects only"),
        "{err}"
    );
}

#[test]
fn yaml_that_does_not_parse_names_the_file_line_and_column() {
    let text = spec_text().replacen("paths:\n", "paths:\n  - [unclosed\n", 1);
    let err = generate(&text).unwrap_err();
    match &err {
        Error::Parse {
            path, line, column, ..
        } => {
            assert_eq!(path, Path::new("spec/broken.yaml"));
            assert!(line.is_some() && column.is_some(), "{err}");
        }
        other => panic!("expected a parse error, got {other}"),
    }
    assert!(err.to_string().starts_with("spec/broken.yaml:"), "{err}");
}

/// The first `Accept-Language` parameter of the spec (`GET
/// /api/v2/oauth/authorizations`), optional and in a header.
const ACCEPT_LANGUAGE: &str = "      - name: Accept-Language\n        in: header\n        description: The language in which to display the client descriptions.\n        required: false";

/// That parameter in the query with `style: deepObject`, which a string
/// can't take.
fn deep_object_accept_language(required: bool) -> String {
    format!(
        "      - name: Accept-Language\n        in: query\n        style: deepObject\n        description: The language in which to display the client descriptions.\n        required: {required}"
    )
}

#[test]
fn a_style_the_type_cannot_take_is_refused_with_the_pointer_to_the_schema() {
    let text = spec_text().replacen(ACCEPT_LANGUAGE, &deep_object_accept_language(true), 1);
    let err = generate(&text).unwrap_err();
    let text = messages(&err);
    assert!(
        text.contains("spec/broken.yaml#/paths/~1api~1v2~1oauth~1authorizations/get/parameters/0/schema: `style: deepObject` applies to objects only"),
        "{text}"
    );
}

/// Optional, the same parameter is left out of its operation with a
/// warning, and the operation is generated without it, with
/// `skip_unsupported` as without.
#[test]
fn an_optional_parameter_the_client_cannot_send_is_left_out_with_a_warning() {
    for skip_unsupported in [false, true] {
        an_optional_parameter_is_left_out(skip_unsupported);
    }
}

fn an_optional_parameter_is_left_out(skip_unsupported: bool) {
    let text = spec_text().replacen(ACCEPT_LANGUAGE, &deep_object_accept_language(false), 1);
    let path = Path::new("spec/broken.yaml");
    let spec = load::parse(path, &text).unwrap();
    let mut config = config();
    config.skip_unsupported = skip_unsupported;
    let Ok(output) = generator::generate_from(path, &spec, &config) else {
        panic!("an optional parameter must not refuse the spec");
    };
    let warnings: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "`getOauthAuthorizations` (GET /api/v2/oauth/authorizations): the optional parameter `Accept-Language` is left out: `style: deepObject` applies to objects only"
        )),
        "{warnings:?}"
    );
    let operation = output.api.groups[0]
        .operations
        .iter()
        .find(|o| o.rust_name == "get_oauth_authorizations")
        .expect("the operation is generated");
    assert!(
        operation
            .parameters
            .iter()
            .all(|p| p.wire_name != "Accept-Language"),
        "{:?}",
        operation.parameters
    );
}

#[test]
fn one_of_beside_properties_whose_alternatives_are_no_objects_is_refused_with_their_pointers() {
    let text = spec_text().replacen(
        "    Cursors:\n      type: object",
        "    Cursors:\n      oneOf:\n      - type: string\n      - type: integer",
        1,
    );
    let err = generate(&text).unwrap_err();
    let text = messages(&err);
    assert!(
        text.contains(
            "spec/broken.yaml#/components/schemas/Cursors/oneOf/0: this `oneOf` alternative is not an object, so no value can have both it and the schema's own properties or `allOf` parts"
        ),
        "{text}"
    );
}

#[test]
fn a_path_parameter_missing_from_the_template_is_reported() {
    let text = spec_text().replacen(
        "  /api/v2/oauth/clients/{clientId}/secret:",
        "  /api/v2/oauth/clients/{id}/secret:",
        1,
    );
    let err = generate(&text).unwrap_err();
    let text = messages(&err);
    assert!(
        text.contains("the path has `{id}` but the operation declares no path parameter `id`"),
        "{text}"
    );
}

/// A declared path parameter that the path never names (an upstream slip
/// that converters pass through) can't go on the wire: the operation is
/// generated without it, and a warning names both.
#[test]
fn a_path_parameter_the_path_does_not_name_is_left_out_with_a_warning() {
    let text = spec_text().replacen(
        "  /api/v2/oauth/clients/{clientId}/secret:",
        "  /api/v2/oauth/clients/secret:",
        1,
    );
    let path = Path::new("spec/broken.yaml");
    let spec = load::parse(path, &text).unwrap();
    let Ok(output) = generator::generate_from(path, &spec, &config()) else {
        panic!("a superfluous path parameter must not refuse the spec");
    };
    let operation = output.api.groups[0]
        .operations
        .iter()
        .find(|o| o.rust_name == "post_oauth_client_secret")
        .expect("the operation is generated");
    assert!(
        operation
            .parameters
            .iter()
            .all(|p| p.wire_name != "clientId"),
        "{:?}",
        operation.parameters
    );
    let warnings: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings.iter().any(|w| w.contains(
            "the path parameter `clientId` does not appear in the path `/api/v2/oauth/clients/secret`; it is left out of POST /api/v2/oauth/clients/secret"
        )),
        "{warnings:?}"
    );
}

#[test]
fn a_tag_that_selects_nothing_lists_the_tags_there_are() {
    let mut config = config();
    config.tags = vec!["OAuth2".to_owned()];
    let path = Path::new("spec/purecloud-oauth.yaml");
    let spec = load::parse(path, &spec_text()).unwrap();
    let Err(err) = generator::generate_from(path, &spec, &config) else {
        panic!("an unknown tag must fail");
    };
    assert_eq!(
        err.to_string(),
        "spec/purecloud-oauth.yaml#/paths: no operation carries the tag `OAuth2`; the spec's tags are: OAuth, Usage"
    );
}

#[test]
fn a_spec_without_servers_generates_a_client_without_a_default_base_url() {
    let text = spec_text().replacen("servers:\n- url: https://api.mypurecloud.com\n", "", 1);
    let path = Path::new("spec/no-servers.yaml");
    let spec = load::parse(path, &text).unwrap();
    let output = generator::generate_from(path, &spec, &config()).unwrap();
    assert_eq!(output.api.default_base_url, None);
}

#[test]
fn diagnostics_name_the_line_of_the_spec_file() {
    let dir = std::env::temp_dir().join(format!("generator-lines-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    let broken = spec_text().replacen(
        "$ref: '#/components/schemas/OAuthClientEntityListing'",
        "$ref: '#/components/schemas/NoSuchListing'",
        1,
    );
    std::fs::write(dir.join("spec/purecloud-oauth.yaml"), &broken).unwrap();
    let Err(err) = generator::generate(&dir, &config()) else {
        panic!("a broken $ref must fail");
    };
    let line = err.diagnostics()[0].line.expect("the line is found");
    let lines: Vec<&str> = broken.lines().collect();
    assert_eq!(lines[line - 1].trim(), "schema:");
    assert!(lines[line].contains("NoSuchListing"));
    assert!(
        err.to_string().ends_with(&format!("(line {line})")),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A required parameter the client can't send can't be left out: with
/// `skip_unsupported`, its operation is.
#[test]
fn with_skip_unsupported_the_operation_is_left_out_with_a_warning_naming_it() {
    let text = spec_text()
        .replacen(ACCEPT_LANGUAGE, &deep_object_accept_language(true), 1)
        .replacen(
            "    Cursors:\n      type: object",
            "    Cursors:\n      oneOf:\n      - type: string\n      - type: integer",
            1,
        );
    let path = Path::new("spec/broken.yaml");
    let spec = load::parse(path, &text).unwrap();
    let mut config = config();
    config.skip_unsupported = true;
    let Ok(output) = generator::generate_from(path, &spec, &config) else {
        panic!("with skip_unsupported the run must succeed");
    };
    let names: Vec<&str> = output.api.groups[0]
        .operations
        .iter()
        .map(|o| o.rust_name.as_str())
        .collect();
    assert_eq!(names.len(), 12);
    assert!(!names.contains(&"get_oauth_authorizations"));
    let warnings: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "skipped `get_oauth_authorizations` (GET /api/v2/oauth/authorizations): `style: deepObject`"
        )),
        "{warnings:?}"
    );
    // The union is generated without the alternatives that are no
    // objects, and says where such a value goes.
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "`Cursors` is generated without this alternative (this `oneOf` alternative is not an object"
        ) && w.ends_with("a value of it decodes as `Cursors::Other`, which keeps the JSON as it came")),
        "{warnings:?}"
    );
}

#[test]
fn with_skip_unsupported_the_models_only_skipped_operations_use_go_with_them() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      tags: [a]
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Shared'}
  /b:
    get:
      tags: [b]
      operationId: getB
      parameters:
      - name: filter
        in: query
        required: true
        content:
          application/json:
            schema: {type: object}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/BOnly'}
components:
  schemas:
    Shared:
      type: object
      properties:
        id: {type: string}
    BOnly:
      type: object
      properties:
        shared: {$ref: '#/components/schemas/Shared'}
";
    let output = output_of("two-groups", text, &["a", "b"], true);
    let types: Vec<&str> = output
        .api
        .types
        .iter()
        .map(|t| t.rust_name.as_str())
        .collect();
    assert_eq!(types, ["Shared"]);
    assert!(!output.files.iter().any(|f| f.path.contains("b_only")));
    let warnings: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings.contains(&"left out 1 model(s) that only skipped operations use: `BOnly`"),
        "{warnings:?}"
    );
}

#[test]
fn accept_content_type_and_authorization_header_parameters_are_ignored_with_a_warning() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      parameters:
      - {name: authorization, in: header, required: true, schema: {type: string}}
      - {name: Content-Type, in: header, schema: {type: string}}
      - {name: Accept, in: header, schema: {type: string}}
      - {name: Accept, in: query, schema: {type: string}}
      - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        '204': {description: done}
";
    let output = output_of("headers", text, &["default"], false);
    let params: Vec<(&str, String)> = output.api.groups[0].operations[0]
        .parameters
        .iter()
        .map(|p| (p.wire_name.as_str(), format!("{:?}", p.location)))
        .collect();
    assert_eq!(
        params,
        [
            ("Accept", "Query".to_owned()),
            ("X-Trace", "Header".to_owned())
        ]
    );
    let ignored: Vec<&str> = output
        .warnings
        .iter()
        .filter(|w| w.message.contains("is ignored, as OpenAPI 3.0 says"))
        .map(|w| w.pointer.as_str())
        .collect();
    assert_eq!(
        ignored,
        [
            "/paths/~1a/get/parameters/0",
            "/paths/~1a/get/parameters/1",
            "/paths/~1a/get/parameters/2"
        ]
    );
    // Each says what the client sends instead, which here is nothing for
    // two of them: the operation has no body and no security.
    let says = |name: &str, what: &str| {
        assert!(
            output
                .warnings
                .iter()
                .any(|w| w.message.contains(&format!("`{name}` is ignored"))
                    && w.message.contains(what)),
            "no warning about `{name}` saying `{what}` in {:#?}",
            output.warnings
        );
    };
    says("authorization", "the operation's security sends no `Authorization` header, so the client sends none; `ClientBuilder::default_header(\"Authorization\", …)`");
    says(
        "Content-Type",
        "the operation has no request body, so the client sends no `Content-Type`",
    );
    says("Accept", "the media types of the operation's responses");
}

#[test]
fn a_shared_header_parameter_the_client_sets_is_one_warning_per_reason_at_its_component() {
    let mut text = "
openapi: 3.0.3
info: {title: t, version: '1'}
security: [{token: []}]
components:
  securitySchemes:
    token: {type: http, scheme: bearer}
    key: {type: apiKey, in: header, name: X-Key}
  parameters:
    Accept: {name: Accept, in: header, schema: {type: string}}
    Authorization: {name: Authorization, in: header, schema: {type: string}}
paths:
"
    .to_owned();
    for i in 0..6 {
        // The last two are secured by an API key in another header.
        let security = if i >= 4 { "security: [{key: []}]" } else { "" };
        text.push_str(&format!(
            "  /r{i}:
    get:
      operationId: get{i}
      {security}
      parameters:
      - $ref: '#/components/parameters/Accept'
      - $ref: '#/components/parameters/Authorization'
      responses:
        '204': {{description: done}}
"
        ));
    }
    let output = output_of("headers", &text, &["default"], false);
    let ignored: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .filter(|w| w.message.contains("is ignored"))
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(ignored.len(), 3, "{ignored:#?}");
    assert_eq!(ignored[0].0, "/components/parameters/Accept");
    assert!(
        ignored[0].1.starts_with(
            "the header parameter `Accept` is ignored in 6 operations \
             (`get0` (GET /r0), `get1` (GET /r1), `get2` (GET /r2) and 3 more), \
             as OpenAPI 3.0 says"
        ),
        "{}",
        ignored[0].1
    );
    assert_eq!(ignored[1].0, "/components/parameters/Authorization");
    assert!(
        ignored[1].1.contains("in 4 operations")
            && ignored[1]
                .1
                .contains("the client sends it from each operation's security"),
        "{}",
        ignored[1].1
    );
    assert!(
        ignored[2]
            .1
            .contains("in 2 operations (`get4` (GET /r4), `get5` (GET /r5))")
            && ignored[2].1.contains("sends no `Authorization` header"),
        "{}",
        ignored[2].1
    );
}

#[test]
fn alias_cycles_are_named_from_each_member_and_only_members() {
    // `Z` leads into the cycle without being on it; `D` is itself. (A
    // cycle through an array is a type: see
    // `an_array_that_holds_itself_through_an_alias_is_a_tuple_struct`.)
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  z: {$ref: '#/components/schemas/Z'}
                  d: {$ref: '#/components/schemas/D'}
components:
  schemas:
    Z: {type: array, items: {$ref: '#/components/schemas/A'}}
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/C'}
    C: {$ref: '#/components/schemas/A'}
    D: {$ref: '#/components/schemas/D'}
";
    let Err(err) = run_inline("alias-cycles", text, &["default"], false) else {
        panic!("aliases defined through themselves must be refused");
    };
    let mut found: Vec<String> = err
        .diagnostics()
        .iter()
        .map(|d| format!("{}: {}", d.pointer, d.message))
        .collect();
    found.sort();
    let cycle = |name: &str, path: &str| {
        format!(
            "/components/schemas/{name}: `{name}` is defined only through itself ({path}), \
             so it has no type: give one of them a schema"
        )
    };
    assert_eq!(
        found,
        [
            cycle("A", "A → B → C → A"),
            cycle("B", "B → C → A → B"),
            cycle("C", "C → A → B → C"),
            cycle("D", "D → D"),
        ]
    );
}

#[test]
fn aliases_defined_through_themselves_are_refused_at_their_pointers() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
";
    let Err(err) = run_inline("alias-cycle", text, &["default"], false) else {
        panic!("an alias defined through itself must be refused");
    };
    let found: Vec<(&str, &str)> = err
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "/components/schemas/A",
                "`A` is defined only through itself (A → B → A), so it has no type: give one of them a schema"
            ),
            (
                "/components/schemas/B",
                "`B` is defined only through itself (B → A → B), so it has no type: give one of them a schema"
            ),
        ]
    );
    // With skip_unsupported both become `serde_json::Value`, which compiles.
    let output = output_of("alias-cycle", text, &["default"], true);
    let a = output
        .files
        .iter()
        .find(|f| f.path == "src/models/a.rs")
        .expect("A is generated");
    assert!(
        a.contents.contains("pub type A = serde_json::Value;"),
        "{}",
        a.contents
    );
}

#[test]
fn an_array_that_holds_itself_through_an_alias_is_a_tuple_struct() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {type: array, items: {$ref: '#/components/schemas/A'}}
";
    let output = output_of("array-cycle", text, &["default"], false);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    let model = |path: &str| {
        let file = output.files.iter().find(|f| f.path == path);
        file.expect(path).contents.clone()
    };
    assert!(model("src/models/a.rs").contains("pub type A = B;"));
    let b = model("src/models/b.rs");
    assert!(b.contains("#[serde(transparent)]"), "{b}");
    assert!(b.contains("pub struct B(\n"), "{b}");
    assert!(b.contains("pub Vec<A>,\n);"), "{b}");
}

#[test]
fn yaml_merge_keys_are_applied_in_openapi_and_swagger_documents() {
    let openapi = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Base:
      type: object
      properties: &base
        id: {type: integer}
        name: {type: string}
    Full:
      type: object
      properties:
        <<: *base
        extra: {type: boolean}
";
    let spec = load::parse(Path::new("spec/merge.yaml"), openapi).unwrap();
    let Some(openapiv3::ReferenceOr::Item(full)) =
        spec.components.unwrap().schemas.get("Full").cloned()
    else {
        panic!("Full is a schema");
    };
    let openapiv3::SchemaKind::Type(openapiv3::Type::Object(object)) = full.schema_kind else {
        panic!("Full is an object");
    };
    let names: Vec<&str> = object.properties.keys().map(String::as_str).collect();
    assert!(!names.contains(&"<<"), "{names:?}");
    for name in ["id", "name", "extra"] {
        assert!(names.contains(&name), "{names:?}");
    }

    let swagger = "
swagger: '2.0'
info: {title: t, version: '1'}
paths: {}
definitions:
  Base: &base {type: object, properties: {id: {type: integer}}}
  Full:
    <<: *base
    description: merged
";
    let doc = generator::import::parse(Path::new("spec/merge-swagger.yaml"), swagger).unwrap();
    assert_eq!(
        doc["definitions"]["Full"]["properties"]["id"]["type"],
        "integer"
    );
    assert!(doc["definitions"]["Full"].get("<<").is_none());
}

#[test]
fn an_openapi_3_1_document_is_refused_at_its_version() {
    let path = Path::new("spec/v31.yaml");
    let doc = generator::import::parse(
        path,
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
    )
    .unwrap();
    let err = generator::import::check_version(path, &doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "spec/v31.yaml#/openapi: `openapi: \"3.1.0\"` is not supported; expected 3.0.x"
    );
    for accepted in [
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n",
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n",
    ] {
        let doc = generator::import::parse(path, accepted).unwrap();
        assert!(
            generator::import::check_version(path, &doc).is_ok(),
            "{accepted}"
        );
    }
}

#[test]
fn a_duplicate_operation_id_is_a_warning_naming_both_operations() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getThing
      responses: {'204': {description: ok}}
  /b:
    get:
      operationId: getThing
      responses: {'204': {description: ok}}
";
    let output = output_of("dup", text, &["default"], false);
    let found = warnings_of(&output);
    assert_eq!(
        found,
        [(
            "/paths/~1b/get/operationId",
            "`operationId: getThing` is also the id of GET /a, but OpenAPI requires each operation's id to be unique; this one is `get_thing2`"
        )]
    );
}

#[test]
fn operation_ids_that_read_the_same_once_named_are_a_warning_naming_both() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /users/{id}:
    get:
      operationId: getUser
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
  /users_/{id}:
    get:
      operationId: get_user
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
";
    let output = output_of("renamed", text, &["default"], false);
    assert_eq!(
        warnings_of(&output),
        [(
            "/paths/~1users_~1{id}/get/operationId",
            "operations `get_user` (GET /users_/{id}) and `getUser` (GET /users/{id}) read the \
             same once named, `get_user`; this one is the method `get_user2` of `DefaultApi`; \
             rename one in the spec to choose the names"
        )]
    );
}

#[test]
fn a_parameter_declared_twice_in_one_list_is_a_warning_and_the_last_is_kept() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    parameters:
    - {name: q, in: query, schema: {type: string}}
    get:
      operationId: getA
      parameters:
      - {name: q, in: query, schema: {type: string}}
      - {name: q, in: query, schema: {type: integer}}
      - {name: q, in: header, schema: {type: string}}
      responses: {'204': {description: ok}}
";
    let output = output_of("dup-param", text, &["default"], false);
    let found: Vec<&str> = output.warnings.iter().map(|w| w.pointer.as_str()).collect();
    // The path item's `q` replaced by the operation's is no fault.
    assert_eq!(found, ["/paths/~1a/get/parameters/1"]);
    let params: Vec<String> = output.api.groups[0].operations[0]
        .parameters
        .iter()
        .map(|p| format!("{} {:?} {:?}", p.wire_name, p.location, p.ty))
        .collect();
    assert_eq!(
        params,
        ["q Query I64", "q Header String { format: None }"],
        "{params:?}"
    );
}

#[test]
fn allof_parts_of_different_json_types_are_refused_at_the_second() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    Code: {type: string, enum: [x, y]}
    A:
      type: object
      properties:
        n:
          allOf:
          - $ref: '#/components/schemas/Code'
          - {type: integer}
";
    let Err(err) = run_inline("allof-contradiction", text, &["default"], false) else {
        panic!("a string and an integer at once must be refused");
    };
    let found: Vec<(&str, &str)> = err
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "/components/schemas/A/properties/n/allOf/1",
            "`allOf` parts of different types (`Code` and `I64`) can't all hold; no value \
             satisfies them"
        )]
    );
}

#[test]
fn a_path_key_fragment_is_named_in_a_warning_at_its_operation() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /files/{id}#shared_link:
    get:
      operationId: getSharedLink
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
";
    let output = output_of("path-fragment", text, &["default"], false);
    let found = warnings_of(&output);
    assert_eq!(
        found,
        [(
            "/paths/~1files~1{id}#shared_link/get",
            "GET /files/{id}#shared_link: the path's fragment `#shared_link` is left out of the \
             request: HTTP never sends a fragment (RFC 3986, section 3.5), so the request goes \
             to `/files/{id}`"
        )]
    );
}

#[test]
fn a_bad_top_level_entry_is_named_by_its_own_pointer() {
    // A Redocly-style `$ref` where a tag's description belongs, and a
    // server with no URL: each is reported where it is, not at `#`.
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - {url: 'https://api.example.com'}
  - {description: no url}
tags:
  - {name: a, description: fine}
  - name: b
    description: {$ref: 'description.yml#/b'}
paths: {}
";
    let Err(err) = load::parse(Path::new("spec/top.yaml"), text) else {
        panic!("a tag description that is a map must be refused");
    };
    let found: Vec<(&str, &str)> = err
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "/servers/1",
                "not a valid OpenAPI 3.0 server: missing field `url`"
            ),
            (
                "/tags/1",
                "not valid OpenAPI 3.0: invalid type: map, expected a string"
            ),
        ]
    );
}

#[test]
fn server_variables_the_spec_gets_wrong_are_warned() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: 'https://{region}.example.com/{version}'
    variables:
      region:
        default: moon
        enum: [eu, us]
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200': {description: ok}
";
    let output = output_of("server-vars", text, &["default"], false);
    let found = warnings_of(&output);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "/servers/0/variables/region/default");
    assert!(
        found[0]
            .1
            .contains("defaults to `moon`, which its `enum` (`eu`, `us`) leaves out"),
        "{found:?}"
    );
    assert_eq!(found[1].0, "/servers/0/url");
    assert!(
        found[1].1.contains("names the variable `version`"),
        "{found:?}"
    );
}

#[test]
fn variables_of_a_relative_server_url_are_said_to_be_fixed() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: '/api/{version}'
    variables:
      version:
        default: v1
        enum: [v1, v2]
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200': {description: ok}
";
    let output = output_of("relative-server-vars", text, &["default"], false);
    let found = warnings_of(&output);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/servers/0/url");
    assert!(
        found[0].1.contains(
            "every operation's path starts with `/api/v1`: its variables are fixed at their \
             defaults there"
        ),
        "{found:?}"
    );
}

#[test]
fn an_operation_server_is_warned_only_when_it_is_another_server() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: 'https://{region}.example.com'
    variables:
      region: {default: us, enum: [us, de]}
paths:
  /same:
    get:
      operationId: getSame
      servers: [{url: 'https://{region}.example.com/'}]
      responses:
        '200': {description: ok}
  /other:
    get:
      operationId: getOther
      servers: [{url: 'https://uploads.example.com'}]
      responses:
        '200': {description: ok}
";
    let output = output_of("own-servers", text, &["default"], false);
    let found = warnings_of(&output);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/paths/~1other/get/servers/0/url");
    assert!(
        found[0]
            .1
            .contains("operation `getOther` names its own server `https://uploads.example.com`"),
        "{found:?}"
    );
}

#[test]
fn an_unused_schema_the_generator_cant_make_is_left_out_with_a_warning() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Used'}
components:
  schemas:
    Used: {type: object, properties: {id: {type: string}}}
    WebhookEvent: {type: object, properties: {id: {type: string}}}
    Broken: {type: object, properties: {gone: {$ref: '#/components/schemas/Nowhere'}}}
";
    let output = output_of("unused-broken", text, &["default"], false);
    let found = warnings_of(&output);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/components/schemas/Broken/properties/gone");
    assert!(
        found[0].1.contains(
            "`Broken` is a component schema that no operation uses, so the 2 such schemas are \
             left out of the crate rather than the spec refused"
        ),
        "{found:?}"
    );
    assert!(output.api.type_def("Used").is_some());
    assert!(output.api.type_def("WebhookEvent").is_none());

    // Without the broken one, the unused schema is a model.
    let fine = text.replace(
        "    Broken: {type: object, properties: {gone: {$ref: '#/components/schemas/Nowhere'}}}\n",
        "",
    );
    let output = output_of("unused-fine", &fine, &["default"], false);
    assert!(output.warnings.is_empty(), "{:?}", output.warnings);
    assert!(output.api.type_def("WebhookEvent").is_some());
}

#[test]
fn an_alias_component_gets_the_type_name_its_references_use() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/pet_alias'}
components:
  schemas:
    pet_alias: {$ref: '#/components/schemas/Pet'}
    Pet: {type: object, properties: {id: {type: string}}}
";
    let output = output_of("alias-name", text, &["default"], false);
    let alias = output
        .api
        .type_def("PetAlias")
        .expect("the alias as `PetAlias`");
    assert_eq!(alias.wire_name, "pet_alias");
    assert_eq!(alias.module, "pet_alias");
    assert!(output.api.type_def("pet_alias").is_none());
}

#[test]
fn content_given_to_a_204_is_a_warning_and_not_decoded() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /d:
    delete:
      operationId: deleteThing
      responses:
        '204':
          description: gone
          content:
            application/json:
              schema: {type: object, properties: {a: {type: string}}}
";
    let output = output_of("no-content", text, &["default"], false);
    assert_eq!(
        warnings_of(&output),
        [(
            "/paths/~1d/delete/responses/204/content",
            "`deleteThing` (DELETE /d): a 204 response has no content (RFC 9110 §15.3.5), so \
             the `content` the spec gives it is ignored and the call returns nothing for it"
        )]
    );
    let op = &output.api.groups[0].operations[0];
    assert_eq!(op.success, None);
}

const MAPPED_PETS: &str = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /p:
    get:
      operationId: getPet
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator:
        propertyName: kind
        mapping: {cat: Cat, dog: '#/components/schemas/Dog', bird: TARGET}
    Cat: {type: object, required: [kind], properties: {kind: {type: string}}}
    Dog: {type: object, required: [kind], properties: {kind: {type: string}}}
    Bird: {type: object, required: [kind], properties: {kind: {type: string}}}
";

#[test]
fn a_discriminator_mapping_to_no_schema_is_refused_at_the_entry() {
    let text = MAPPED_PETS.replace("TARGET", "'#/components/schemas/Parrot'");
    let Err(err) = run_inline("mapping-dangling", &text, &["default"], false) else {
        panic!("a mapping to a missing schema was accepted");
    };
    let message = messages(&err);
    assert!(
        message.contains(
            "spec/mapping-dangling.yaml#/components/schemas/Pet/discriminator/mapping/bird"
        ),
        "{message}"
    );
    assert!(message.contains("#/components/schemas/Parrot"), "{message}");
}

#[test]
fn a_discriminator_mapping_to_a_schema_outside_the_union_is_a_warning() {
    let text = MAPPED_PETS.replace("TARGET", "Bird");
    let output = output_of("mapping-outside", &text, &["default"], false);
    assert_eq!(
        warnings_of(&output),
        [(
            "/components/schemas/Pet/discriminator/mapping/bird",
            "`Pet`: the mapping `bird` → `Bird` names no alternative of the union, so data \
             whose `kind` is `bird` decodes as the catch-all variant; list `Bird` among the \
             alternatives"
        )]
    );
}

#[test]
fn a_body_media_type_with_a_schema_of_its_own_that_is_not_sent_is_a_warning() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /t:
    post:
      operationId: addTemplate
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Template'}
          application/xml:
            schema: {$ref: '#/components/schemas/Template'}
          multipart/form-data:
            schema: {type: object, properties: {file: {type: string, format: binary}}}
      responses:
        '204': {description: done}
components:
  schemas:
    Template: {type: object, properties: {name: {type: string}}}
";
    let output = output_of("body-media-types", text, &["default"], false);
    // The XML form has the JSON one's schema: the same data, no warning.
    assert_eq!(
        warnings_of(&output),
        [(
            "/paths/~1t/post/requestBody/content",
            "`addTemplate` (POST /t): the request body is sent as `application/json`; its \
             `multipart/form-data` form, with a schema of its own, is not offered"
        )]
    );
}

#[test]
fn an_operation_id_of_no_letters_or_digits_is_named_from_method_and_path() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: ''
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
    put:
      operationId: '--'
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: ok}}
";
    let output = output_of("empty-operation-id", text, &["default"], false);
    let mut names: Vec<&str> = output.api.groups[0]
        .operations
        .iter()
        .map(|op| op.rust_name.as_str())
        .collect();
    names.sort();
    assert_eq!(names, ["get_pets_id", "put_pets_id"]);
}

#[test]
fn schemas_that_read_the_same_once_named_are_a_warning() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /t:
    get:
      operationId: getThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  a: {$ref: '#/components/schemas/Thing'}
                  b: {$ref: '#/components/schemas/thing'}
components:
  schemas:
    Thing: {type: object, properties: {x: {type: string}}}
    thing: {type: object, properties: {y: {type: string}}}
";
    let output = output_of("schema-names-alike", text, &["default"], false);
    assert_eq!(
        warnings_of(&output),
        [(
            "/components/schemas/thing",
            "schemas `thing` and `Thing` read the same once named, `Thing`; this one is the \
             type `Thing2`; rename one in the spec to choose the names"
        )]
    );
}

#[test]
fn a_form_encoding_the_client_does_not_apply_is_a_warning_per_field() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /customers:
    post:
      operationId: createCustomer
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                address: {type: object, properties: {city: {type: string}}}
                name: {type: string}
            encoding:
              address: {style: deepObject, explode: true}
              name: {style: form}
          multipart/form-data:
            schema:
              type: object
              properties:
                photo: {type: string, format: binary}
            encoding:
              photo: {contentType: image/png}
      responses:
        '204': {description: ok}
  /photos:
    post:
      operationId: addPhoto
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                photo: {type: string, format: binary}
                meta: {type: object, properties: {a: {type: string}}}
            encoding:
              photo: {contentType: image/png, headers: {X-Checksum: {schema: {type: string}}}}
              meta: {contentType: application/json}
      responses:
        '204': {description: ok}
";
    let output = output_of("form-encoding", text, &["default"], false);
    let warnings = warnings_of(&output);
    let encoding: Vec<&(&str, &str)> = warnings
        .iter()
        .filter(|(_, m)| m.contains("`encoding`"))
        .collect();
    assert_eq!(
        encoding,
        [
            &(
                "/paths/~1customers/post/requestBody/content/application~1x-www-form-urlencoded/encoding/address",
                "`createCustomer` (POST /customers): the `encoding` of `address` (`style: \
                 deepObject`) is not applied; the field is sent with `style: form`, exploded (an \
                 object's properties as fields of their own, an array one field per item, an \
                 object inside either as JSON)"
            ),
            &(
                "/paths/~1photos/post/requestBody/content/multipart~1form-data/encoding/photo",
                "`addPhoto` (POST /photos): the `encoding` of `photo` (`contentType: image/png`, \
                 `headers` `X-Checksum`) is not applied; the field is sent with its default \
                 content type (`application/json` for an object or array, \
                 `application/octet-stream` for binary data, else `text/plain`)"
            ),
        ],
        "{warnings:#?}"
    );
}

#[test]
fn properties_that_read_the_same_once_named_are_a_warning_and_the_plain_one_keeps_its_name() {
    let text = "
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /t:
    get:
      operationId: getThing
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        '@id': {type: string}
        id: {type: string}
";
    let output = output_of("property-names-alike", text, &["default"], false);
    assert_eq!(
        warnings_of(&output),
        [(
            "/components/schemas/Thing/properties/@id",
            "`Thing`: properties `@id` and `id` read the same once named, `id`; this one is \
             the field `id2`"
        )]
    );
    let generator::ir::TypeKind::Struct { fields, .. } =
        &output.api.type_def("Thing").expect("Thing").kind
    else {
        panic!("Thing is a struct");
    };
    let names: Vec<(&str, &str)> = fields
        .iter()
        .map(|f| (f.wire_name.as_str(), f.rust_name.as_str()))
        .collect();
    assert_eq!(names, [("@id", "id2"), ("id", "id")]);
}
