//! Release notes from two versions of a spec: the 2018 OAuth section
//! against today's, whose differences the SDK release notes record
//! (`../shared/genesys/README.md`, "History of the OAuth section").

use std::path::{Path, PathBuf};

use generator::diff::{diff, ApiDiff, Impact};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Reads a Swagger 2.0 file and lowers its OAuth operations, as
/// `cargo xtask spec diff` does.
fn oauth_ir(path: &Path) -> generator::ir::Api {
    let text = std::fs::read_to_string(path).unwrap();
    let doc = generator::import::parse(path, &text).unwrap();
    assert!(generator::import::is_swagger2(&doc));
    let (converted, _) = generator::import::convert(path, &doc, &[]).unwrap();
    let spec = generator::load::from_json(path, converted).unwrap();
    generator::lower_selected(
        path,
        &spec,
        &["OAuth".to_owned()],
        false,
        generator::config::Profile::Genesys,
    )
    .unwrap()
    .0
}

fn oauth_2018_to_today() -> ApiDiff {
    let root = root();
    let old = oauth_ir(&root.join("spec/upstream/oauth-2018-03-21.json"));
    let new = oauth_ir(&root.join("spec/upstream/oauth-swagger.reconstructed.json"));
    let mut d = diff(&old, &new);
    d.old = "spec/upstream/oauth-2018-03-21.json".into();
    d.new = "spec/upstream/oauth-swagger.reconstructed.json".into();
    d
}

fn has(d: &ApiDiff, impact: Impact, item: &str, description_start: &str) -> bool {
    let list = match impact {
        Impact::Breaking => &d.breaking,
        Impact::Additive => &d.additive,
    };
    list.iter()
        .any(|c| c.item == item && c.description.starts_with(description_start))
}

#[test]
fn oauth_2018_to_today_release_notes_match_the_sdk_history() {
    let d = oauth_2018_to_today();
    use Impact::{Additive, Breaking};
    let expected = [
        // 2018-07: `scope` added to OAuthClient.
        (
            Additive,
            "models::OAuthClient::scope",
            "added: optional property `scope`",
        ),
        // 2018-10: operationIds renamed to the method names.
        (
            Additive,
            "OAuthApi::get_oauth_client",
            "changed: the operationId is `getOauthClient`, was `getOauthClientsClientId`",
        ),
        // 2019-01: roleDivisions and RoleDivision.
        (
            Additive,
            "models::OAuthClient::role_divisions",
            "added: optional property `roleDivisions`",
        ),
        (Additive, "models::RoleDivision", "added: struct"),
        // 2019-04: OAuthClientRequest as the POST and PUT body.
        (
            Breaking,
            "OAuthApi::post_oauth_clients",
            "retyped: the request body is `OAuthClientRequest`, was `OAuthClient`",
        ),
        (
            Breaking,
            "OAuthApi::put_oauth_client",
            "retyped: the request body is `OAuthClientRequest`, was `OAuthClient`",
        ),
        // 2019-08 and 2024-10: 413 and 409 responses.
        (
            Additive,
            "OAuthApi::get_oauth_clients",
            "added: the `413` response (body `ErrorBody`)",
        ),
        (
            Additive,
            "OAuthApi::get_oauth_clients",
            "added: the `409` response",
        ),
        // 2019-09: createdBy and modifiedBy now DomainEntityRef.
        (
            Breaking,
            "models::OAuthClient::created_by",
            "retyped from `UriReference` to `DomainEntityRef`",
        ),
        (
            Breaking,
            "models::OAuthClient::modified_by",
            "retyped from `UriReference` to `DomainEntityRef`",
        ),
        // 2019-12: scopes and authorizations.
        (
            Additive,
            "OAuthApi::get_oauth_scopes",
            "added: GET /api/v2/oauth/scopes",
        ),
        (
            Additive,
            "OAuthApi::get_oauth_scope",
            "added: GET /api/v2/oauth/scopes/{scopeId}",
        ),
        (
            Additive,
            "OAuthApi::get_oauth_authorizations",
            "added: GET /api/v2/oauth/authorizations",
        ),
        (
            Additive,
            "OAuthApi::get_oauth_authorization",
            "added: GET /api/v2/oauth/authorizations/{clientId}",
        ),
        // 2020-06: usage operations and their models.
        (
            Additive,
            "OAuthApi::get_oauth_client_usage_summary",
            "added: GET",
        ),
        (
            Additive,
            "OAuthApi::post_oauth_client_usage_query",
            "added: POST",
        ),
        (
            Additive,
            "OAuthApi::get_oauth_client_usage_query_result",
            "added: GET",
        ),
        (Additive, "models::ApiUsageQueryResult", "added: struct"),
        (Additive, "models::ApiUsageRow", "added: struct"),
        (Additive, "models::UsageExecutionResult", "added: struct"),
        // 2020-08 and 2020-09: `state` and `dateToDelete`.
        (
            Additive,
            "models::OAuthClient::state",
            "added: optional property `state`",
        ),
        (
            Additive,
            "models::OAuthClient::date_to_delete",
            "added: optional property `dateToDelete`",
        ),
        // 2021-11: grant-type values respelled.
        (
            Breaking,
            "models::OAuthClientAuthorizedGrantType::Saml2bearer",
            "changed: the value `SAML2BEARER` was replaced by `SAML2-BEARER`",
        ),
        (
            Breaking,
            "models::OAuthClientAuthorizedGrantType::ClientCredentials",
            "changed: the value `CLIENT_CREDENTIALS` was replaced by `CLIENT-CREDENTIALS`",
        ),
        // 2023-06: `limit` added to ErrorBody; ApiUsageClientQuery.
        (
            Additive,
            "models::ErrorBody::limit",
            "added: optional property `limit`",
        ),
        (Additive, "models::ApiUsageClientQuery", "added: struct"),
        // 2026-02: OAuthClientListing removed; entities are OAuthClient.
        (Breaking, "models::OAuthClientListing", "removed: struct"),
        (
            Breaking,
            "models::OAuthClientEntityListing::entities",
            "retyped from `Vec<OAuthClientListing>` to `Vec<OAuthClient>`",
        ),
    ];
    let missing: Vec<_> = expected
        .iter()
        .filter(|(impact, item, text)| !has(&d, *impact, item, text))
        .collect();
    assert!(
        missing.is_empty(),
        "missing {missing:#?} in:\n{}",
        d.to_markdown()
    );
    insta::assert_snapshot!("oauth_2018_to_today", d.to_markdown());
}

#[test]
fn a_spec_against_itself_has_no_change() {
    let path = root().join("spec/upstream/oauth-swagger.reconstructed.json");
    let d = diff(&oauth_ir(&path), &oauth_ir(&path));
    assert!(d.is_empty(), "{}", d.to_markdown());
    assert_eq!(d.summary(), "no change to the crate's API");
}

/// The classification counts a new optional property as additive because
/// no code outside the crate can build a model with a struct literal.
#[test]
fn every_generated_model_struct_is_non_exhaustive() {
    let root = root();
    let config = generator::Config::load(&root).unwrap();
    let output = generator::generate(&root, &config).unwrap();
    let mut structs = 0;
    for file in output
        .files
        .iter()
        .filter(|f| f.path.starts_with("src/models/"))
    {
        let lines: Vec<&str> = file.contents.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // At the top level, or inside a `json_object!` call.
            let item = line.trim_start();
            if item.starts_with("pub struct ") {
                structs += 1;
                let indent = &line[..line.len() - item.len()];
                assert_eq!(
                    lines[i - 1],
                    format!("{indent}#[non_exhaustive]"),
                    "{}: {line}",
                    file.path
                );
            }
        }
    }
    assert!(structs > 10, "only {structs} model structs found");
}

fn ir_of(yaml: &str) -> generator::ir::Api {
    let path = Path::new("inline.yaml");
    let spec = generator::load::parse(path, yaml).unwrap();
    generator::lower_selected(
        path,
        &spec,
        &["Things".to_owned()],
        false,
        generator::config::Profile::Generic,
    )
    .unwrap()
    .0
}

const THINGS_V1: &str = r#"
openapi: 3.0.3
info: {title: Things, version: "1"}
servers: [{url: "https://things.example"}]
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [Things]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
        - {name: Accept-Language, in: header, schema: {type: string}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
components:
  schemas:
    Thing:
      type: object
      required: [name]
      properties:
        name: {type: string}
        size: {type: integer, format: int32}
        kind: {type: string, enum: [a, b]}
        note: {type: string}
"#;

const THINGS_V2: &str = r#"
openapi: 3.0.3
info: {title: Things, version: "2"}
servers: [{url: "https://things.example"}]
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [Things]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: q, in: query, required: true, schema: {type: string}}
        - {name: owner, in: query, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer, format: int32}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
  /things:
    post:
      operationId: postThing
      tags: [Things]
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
      responses:
        "204": {description: created}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
        size: {type: string}
        color: {type: string}
        kind: {type: string, enum: [a, c]}
        note: {type: string, nullable: true}
"#;

#[test]
fn each_kind_of_change_is_classified_by_what_it_does_to_the_rust_api() {
    let d = diff(&ir_of(THINGS_V1), &ir_of(THINGS_V2));
    let list = |changes: &[generator::diff::Change]| -> Vec<String> {
        changes
            .iter()
            .map(|c| format!("{}: {}", c.item, c.description))
            .collect()
    };
    assert_eq!(
        list(&d.breaking),
        [
            "GetThing::accept_language: removed: header parameter `Accept-Language`",
            "GetThing::q: made required: it is now an argument of the method (query parameter `q`)",
            "ThingsApi::get_thing(owner): added: required query parameter `owner`, a new argument",
            "models::Thing::id: added: required property `id` of type `String`, a new argument of `new`",
            "models::Thing::name: made optional: the field is now an `Option`",
            "models::Thing::note: changed from `Option<String>` to `Option<Option<String>>`",
            "models::Thing::size: retyped from `i32` to `String`",
            "models::ThingKind::B: removed: the value `b`",
        ],
        "{}",
        d.to_markdown()
    );
    assert_eq!(
        list(&d.additive),
        [
            "ThingsApi::post_thing: added: POST /things",
            "GetThing::limit: added: optional query parameter `limit`, a builder method",
            "models::Thing::color: added: optional property `color` of type `Option<String>`",
            "models::ThingKind::C: added: the value `c`",
        ],
        "{}",
        d.to_markdown()
    );
    assert_eq!(
        d.summary(),
        "8 breaking, 4 additive changes (operations: 1 added; parameters: 2 added, 1 made required, 1 removed; properties: 2 added, 1 changed, 1 made optional, 1 retyped; enum values: 1 added, 1 removed)"
    );
}
