//! One small input per conversion rule, snapshotted as YAML, and one test
//! per quirk and per kind of bad input.

use serde_json::{json, Value};
use std::path::Path;

use super::{import_document, Imported, WarningKind};
use crate::diagnostics::Error;

fn swagger(paths: Value, extra: Value) -> Value {
    let mut doc = json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "v2"},
        "host": "api.example.com",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": paths,
    });
    for (k, v) in extra.as_object().into_iter().flatten() {
        doc[k] = v.clone();
    }
    doc
}

fn import(doc: &Value, tags: &[&str]) -> Imported {
    let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
    import_document(Path::new("in.json"), "in.json", &doc.to_string(), &tags)
        .unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn import_err(text: &str) -> String {
    match import_document(Path::new("in.json"), "in.json", text, &[]) {
        Ok(_) => panic!("expected the import to fail"),
        Err(e) => e.to_string(),
    }
}

fn op(parameters: Value) -> Value {
    json!({
        "tags": ["A"],
        "operationId": "op",
        "parameters": parameters,
        "responses": {"200": {"description": "ok"}}
    })
}

fn warning_kinds(imported: &Imported) -> Vec<WarningKind> {
    imported.warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn body_parameter_becomes_request_body() {
    let doc = swagger(
        json!({"/a": {"post": op(json!([
            {"name": "body", "in": "body", "required": true, "description": "The thing",
             "schema": {"$ref": "#/definitions/Thing"}, "x-note": 1}
        ]))}}),
        json!({"definitions": {"Thing": {"type": "object"}}}),
    );
    insta::assert_snapshot!(import(&doc, &[]).yaml);
}

#[test]
fn form_data_becomes_a_form_body_and_files_a_multipart_one() {
    let doc = swagger(
        json!({
            "/form": {"post": op(json!([
                {"name": "grant_type", "in": "formData", "type": "string", "required": true},
                {"name": "scope", "in": "formData", "type": "string", "description": "Scopes"}
            ]))},
            "/upload": {"post": op(json!([
                {"name": "file", "in": "formData", "type": "file", "required": true}
            ]))}
        }),
        json!({}),
    );
    insta::assert_snapshot!(import(&doc, &[]).yaml);
}

#[test]
fn parameters_move_their_value_keys_into_schema_with_style_and_explode() {
    let doc = swagger(
        json!({"/a/{id}": {"get": op(json!([
            {"name": "id", "in": "path", "required": true, "type": "string"},
            {"name": "ids", "in": "query", "type": "array", "items": {"type": "string"},
             "collectionFormat": "multi"},
            {"name": "csv", "in": "query", "type": "array", "items": {"type": "integer", "format": "int32"}},
            {"name": "pipes", "in": "query", "type": "array", "items": {"type": "string"},
             "collectionFormat": "pipes"},
            {"name": "X-Ids", "in": "header", "type": "array", "items": {"type": "string"}},
            {"name": "size", "in": "query", "type": "integer", "format": "int32", "default": 25,
             "minimum": 1, "maximum": 100, "x-inin-note": "kept"}
        ]))}}),
        json!({}),
    );
    insta::assert_snapshot!(import(&doc, &[]).yaml);
}

#[test]
fn responses_get_content_per_produces_headers_and_examples() {
    let doc = swagger(
        json!({"/a": {"get": {
            "tags": ["A"],
            "produces": ["application/json", "text/plain"],
            "responses": {
                "200": {"description": "ok", "schema": {"type": "string"},
                        "headers": {"X-Rate": {"type": "integer", "description": "left"}},
                        "examples": {"application/json": "\"hi\""}},
                "default": {"description": "error", "x-inin-error-codes": {"bad": "Bad"}}
            }
        }}}),
        json!({}),
    );
    insta::assert_snapshot!(import(&doc, &[]).yaml);
}

#[test]
fn shared_parameters_bodies_and_responses_become_components() {
    let doc = swagger(
        json!({"/a": {"post": {
            "tags": ["A"],
            "parameters": [{"$ref": "#/parameters/Page"}, {"$ref": "#/parameters/Payload"}],
            "responses": {"404": {"$ref": "#/responses/NotFound"}, "200": {"description": "ok"}}
        }}}),
        json!({
            "parameters": {
                "Page": {"name": "page", "in": "query", "type": "integer"},
                "Payload": {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Thing"}},
                "Unused": {"name": "x", "in": "query", "type": "string"}
            },
            "responses": {"NotFound": {"description": "missing", "schema": {"$ref": "#/definitions/Err"}}},
            "definitions": {"Thing": {"type": "object"}, "Err": {"type": "object"}, "Other": {}}
        }),
    );
    insta::assert_snapshot!(import(&doc, &["A"]).yaml);
}

#[test]
fn security_definitions_and_servers_are_converted() {
    let doc = swagger(
        json!({}),
        json!({
            "schemes": ["https", "http"],
            "basePath": "/v2",
            "securityDefinitions": {
                "PureCloud OAuth": {"type": "oauth2", "flow": "implicit",
                    "authorizationUrl": "https://login.example.com/authorize", "scopes": {"all": "All"}},
                "Client": {"type": "oauth2", "flow": "application",
                    "tokenUrl": "https://login.example.com/token", "scopes": {}},
                "Basic": {"type": "basic", "description": "id and secret"},
                "Key": {"type": "apiKey", "name": "X-Key", "in": "header"}
            }
        }),
    );
    insta::assert_snapshot!(import(&doc, &[]).yaml);
}

#[test]
fn tags_select_operations_their_entries_and_the_schemas_they_reach() {
    let doc = swagger(
        json!({
            "/a": {"get": {"tags": ["A"], "responses": {"200": {"description": "ok",
                "schema": {"$ref": "#/definitions/Outer"}}}}},
            "/b": {"get": {"tags": ["B"], "responses": {"200": {"description": "ok",
                "schema": {"$ref": "#/definitions/OnlyB"}}}}}
        }),
        json!({
            "tags": [{"name": "A", "description": "a"}, {"name": "B"}],
            "definitions": {
                "OnlyB": {"type": "object"},
                "Outer": {"type": "object", "properties": {
                    "inner": {"$ref": "#/definitions/Inner"},
                    "list": {"type": "array", "items": {"$ref": "#/definitions/Leaf"}}}},
                "Inner": {"type": "object", "properties": {"leaf": {"$ref": "#/definitions/Leaf"}}},
                "Leaf": {"type": "string", "x-genesys-note": "kept"}
            }
        }),
    );
    let imported = import(&doc, &["A"]);
    assert_eq!(imported.operations, 1);
    assert_eq!(imported.schemas, 3);
    insta::assert_snapshot!(imported.yaml);
}

#[test]
fn a_tag_no_operation_carries_is_refused_with_the_tags_there_are() {
    let doc = swagger(
        json!({
            "/a": {"get": {"tags": ["Users"], "responses": {"200": {"description": "ok"}}}},
            "/b": {"post": {"tags": ["OAuth", "Users"], "responses": {"200": {"description": "ok"}}}}
        }),
        json!({}),
    );
    for text in [
        doc.to_string(),
        serde_json::to_string(&json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {"tags": ["Users"], "responses": {"200": {"description": "ok"}}}}}
        }))
        .unwrap(),
    ] {
        let tags = ["Users".to_owned(), "Nope".to_owned()];
        let message = match import_document(Path::new("in.json"), "in.json", &text, &tags) {
            Ok(imported) => panic!("imported {} operations", imported.operations),
            Err(e) => e.to_string(),
        };
        assert!(message.contains("in.json"), "{message}");
        assert!(message.contains("#/paths"), "{message}");
        assert!(
            message.contains("no operation carries the tag `Nope`; the spec's tags are: "),
            "{message}"
        );
        assert!(message.contains("Users"), "{message}");
        assert!(!message.contains("`Users`"), "only the unknown tag is refused: {message}");
    }
}

#[test]
fn a_bare_name_ref_is_read_as_the_definition_with_a_warning() {
    let doc = swagger(
        json!({"/a": {"get": {"tags": ["A"], "responses": {"200": {"description": "ok",
            "schema": {"type": "array", "items": {"$ref": "Product"}}}}}}}),
        json!({"definitions": {
            "Product": {"type": "object", "properties": {"maker": {"$ref": "Maker"}}},
            "Maker": {"type": "string"}
        }}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(imported.schemas, 2);
    assert!(
        imported
            .yaml
            .contains("$ref: '#/components/schemas/Product'"),
        "{}",
        imported.yaml
    );
    assert!(
        imported.yaml.contains("$ref: '#/components/schemas/Maker'"),
        "{}",
        imported.yaml
    );
    assert_eq!(
        warning_kinds(&imported),
        [WarningKind::BareNameRef, WarningKind::BareNameRef]
    );
    let pointers: Vec<&str> = imported
        .warnings
        .iter()
        .map(|w| w.pointer.as_str())
        .collect();
    assert!(
        pointers.contains(&"/paths/~1a/get/responses/200/schema/items/$ref"),
        "{pointers:?}"
    );
}

#[test]
fn a_file_response_becomes_binary_bytes() {
    let doc = swagger(
        json!({
            "/files/{name}": {"get": {"tags": ["A"],
                "parameters": [{"name": "name", "in": "path", "required": true, "type": "string"}],
                "responses": {"200": {"description": "The file.", "schema": {"type": "file"}}}}},
            "/images/{name}": {"get": {"tags": ["A"], "produces": ["image/png", "image/jpeg"],
                "parameters": [{"name": "name", "in": "path", "required": true, "type": "string"}],
                "responses": {"200": {"description": "The image.", "schema": {"type": "file"}}}}}
        }),
        json!({}),
    );
    let imported = import(&doc, &[]);
    let spec: Value = serde_yaml::from_str(&imported.yaml).unwrap();
    let content = |path: &str| spec["paths"][path]["get"]["responses"]["200"]["content"].clone();
    // Under the spec's JSON `produces`, which can't carry bytes.
    assert_eq!(
        content("/files/{name}"),
        json!({"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}})
    );
    assert_eq!(
        content("/images/{name}"),
        json!({
            "image/png": {"schema": {"type": "string", "format": "binary"}},
            "image/jpeg": {"schema": {"type": "string", "format": "binary"}}
        })
    );
    assert!(!imported.yaml.contains("type: file"), "{}", imported.yaml);
}

#[test]
fn ref_with_siblings_moves_into_all_of_with_a_warning() {
    let doc = swagger(
        json!({"/a": {"get": {"tags": ["A"], "responses": {"200": {"description": "ok",
            "schema": {"$ref": "#/definitions/Thing"}}}}}}),
        json!({"definitions": {
            "Thing": {"type": "object", "properties": {
                "owner": {"description": "Who owns it", "$ref": "#/definitions/Ref"}}},
            "Ref": {"type": "object"}
        }}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(warning_kinds(&imported), [WarningKind::RefWithSiblings]);
    assert_eq!(
        imported.warnings[0].pointer,
        "/definitions/Thing/properties/owner"
    );
    assert!(imported.yaml.contains(
        "owner:\n          description: Who owns it\n          allOf:\n          - $ref: '#/components/schemas/Ref'"
    ), "{}", imported.yaml);
}

#[test]
fn a_query_array_of_objects_is_sent_as_strings_with_a_warning() {
    let doc = swagger(
        json!({"/a": {"get": op(json!([
            {"name": "expand", "in": "query", "type": "array", "items": {"type": "object"}}
        ]))}}),
        json!({}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(warning_kinds(&imported), [WarningKind::QueryArrayOfObjects]);
    assert_eq!(
        imported.warnings[0].pointer,
        "/paths/~1a/get/parameters/0/items"
    );
    assert!(
        imported.yaml.contains("items:\n            type: string"),
        "{}",
        imported.yaml
    );
}

#[test]
fn a_default_outside_its_enum_is_kept_with_a_warning() {
    let doc = swagger(
        json!({"/a": {"get": op(json!([
            {"name": "sortOrder", "in": "query", "type": "string", "default": "a",
             "enum": ["ascending", "descending"]}
        ]))}}),
        json!({}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(warning_kinds(&imported), [WarningKind::DefaultNotInEnum]);
    assert_eq!(
        imported.warnings[0].pointer,
        "/paths/~1a/get/parameters/0/default"
    );
    assert!(imported.yaml.contains("default: a"));
}

#[test]
fn string_enum_values_of_a_boolean_are_converted_with_a_warning() {
    let doc = swagger(
        json!({"/a": {"get": op(json!([
            {"name": "download", "in": "query", "type": "boolean", "default": false,
             "enum": ["true", "false"]}
        ]))}}),
        json!({}),
    );
    let imported = import(&doc, &[]);
    // Once converted, the default is one of the values: one warning only.
    assert_eq!(warning_kinds(&imported), [WarningKind::EnumTypeMismatch]);
    assert!(
        imported
            .yaml
            .contains("enum:\n          - true\n          - false"),
        "{}",
        imported.yaml
    );
}

#[test]
fn a_path_parameter_missing_from_the_path_is_dropped_with_a_warning() {
    let doc = swagger(
        json!({"/scripts/published": {"get": op(json!([
            {"name": "scriptId", "in": "path", "required": true, "type": "string"},
            {"name": "name", "in": "query", "type": "string"}
        ]))}}),
        json!({}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(
        warning_kinds(&imported),
        [WarningKind::PathParameterNotInPath]
    );
    assert_eq!(
        imported.warnings[0].pointer,
        "/paths/~1scripts~1published/get/parameters/0"
    );
    assert!(!imported.yaml.contains("scriptId"));
    assert!(imported.yaml.contains("name: name"));
}

#[test]
fn a_response_without_description_gets_an_empty_one_with_a_warning() {
    let doc = swagger(
        json!({"/a": {"put": {"tags": ["A"], "responses": {
            "424": {"schema": {"type": "object"}}
        }}}}),
        json!({}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(
        warning_kinds(&imported),
        [WarningKind::ResponseWithoutDescription]
    );
    assert_eq!(imported.warnings[0].pointer, "/paths/~1a/put/responses/424");
    assert!(
        imported.yaml.contains("'424':\n          description: ''"),
        "{}",
        imported.yaml
    );
}

#[test]
fn converting_twice_gives_the_same_bytes() {
    let doc = swagger(
        json!({"/a": {"get": op(json!([{"name": "q", "in": "query", "type": "string"}]))}}),
        json!({"definitions": {"B": {}, "A": {}}}),
    );
    assert_eq!(import(&doc, &[]).yaml, import(&doc, &[]).yaml);
}

#[test]
fn an_openapi_3_input_goes_through_the_same_tag_selection() {
    let doc = json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "tags": [{"name": "A"}, {"name": "B"}],
        "paths": {
            "/a": {"get": {"tags": ["A"], "responses": {"200": {"description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}}}}}},
            "/b": {"get": {"tags": ["B"], "responses": {"200": {"description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Y"}}}}}}}
        },
        "components": {"schemas": {"X": {"type": "object"}, "Y": {"type": "object"}}}
    });
    let imported = import(&doc, &["A"]);
    assert_eq!(imported.operations, 1);
    assert_eq!(imported.schemas, 1);
    assert!(!imported.yaml.contains("/b:"));
    assert!(!imported.yaml.contains("Y:"));
}

#[test]
fn a_document_that_is_not_swagger_says_what_it_expected() {
    let text = import_err(r#"{"name": "package.json", "version": "1.0.0"}"#);
    assert!(
        text.contains("this is not a Swagger or OpenAPI document"),
        "{text}"
    );
    assert!(text.starts_with("in.json#: "), "{text}");
}

#[test]
fn a_swagger_1_2_document_is_refused_by_name() {
    let text = import_err(r#"{"swaggerVersion": "1.2", "apis": []}"#);
    assert_eq!(
        text,
        "in.json#/swaggerVersion: this is a Swagger 1.2 document; only Swagger 2.0 and OpenAPI 3.0 can be imported (line 1)"
    );
}

#[test]
fn a_file_that_is_neither_json_nor_yaml_gets_its_line_and_column() {
    let json = import_err("{\"swagger\": \"2.0\",\n  \"info\": }");
    assert!(json.starts_with("in.json:2:"), "{json}");
    assert!(json.contains("not valid JSON"), "{json}");
    let yaml = import_err("swagger: '2.0'\ninfo: [unclosed\n");
    assert!(yaml.starts_with("in.json:"), "{yaml}");
    assert!(yaml.contains("neither JSON nor valid YAML"), "{yaml}");
}

#[test]
fn an_openapi_3_1_document_is_refused_with_the_version_it_takes() {
    let text = import_err(r#"{"openapi": "3.1.0", "info": {}, "paths": {}}"#);
    assert!(text.contains("expected 3.0.x"), "{text}");
}

#[test]
fn a_ref_to_a_missing_definition_is_an_error_with_its_pointer() {
    let doc = swagger(
        json!({"/a": {"get": {"tags": ["A"], "responses": {"200": {"description": "ok",
            "schema": {"$ref": "#/definitions/Missing"}}}}}}),
        json!({"definitions": {}}),
    );
    let err = import_document(Path::new("in.json"), "in.json", &doc.to_string(), &[]);
    match err {
        Err(Error::Spec { diagnostics, .. }) => {
            let found: Vec<(&str, &str)> = diagnostics
                .iter()
                .map(|d| (d.pointer.as_str(), d.message.as_str()))
                .collect();
            assert_eq!(
                found,
                [(
                    "/paths/~1a/get/responses/200/schema/$ref",
                    "`$ref: #/definitions/Missing` points to nothing: the document has no definition `Missing` in `definitions`"
                )]
            );
        }
        other => panic!("expected a spec error, got {other:?}"),
    }
}

/// A bare name means an entry of the section its place takes: a
/// parameter in a parameter list, a response among responses, a
/// definition in a schema (`Swagger 1.2`'s shorthand, which Swagger 2.0
/// tools still read); each with a warning at the reference.
#[test]
fn a_bare_name_ref_is_read_by_where_it_sits_with_a_warning() {
    let doc = swagger(
        json!({
            "/a": {
                "parameters": [{"$ref": "traceParam"}],
                "get": {"tags": ["A"],
                    "parameters": [{"$ref": "limitParam"}, {"$ref": "bodyParam"}],
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "Product"}},
                        "404": {"$ref": "NotFound"}
                    }}
            }
        }),
        json!({
            "parameters": {
                "limitParam": {"name": "limit", "in": "query", "type": "integer"},
                "traceParam": {"name": "X-Trace", "in": "header", "type": "string"},
                "bodyParam": {"name": "body", "in": "body", "schema": {"$ref": "Product"}}
            },
            "responses": {"NotFound": {"description": "no such thing", "schema": {"$ref": "Problem"}}},
            "definitions": {
                "Product": {"type": "object"},
                "Problem": {"type": "object"},
                "NotFound": {"type": "string"}
            }
        }),
    );
    let imported = import(&doc, &[]);
    for expected in [
        "$ref: '#/components/parameters/limitParam'",
        "$ref: '#/components/parameters/traceParam'",
        "$ref: '#/components/requestBodies/bodyParam'",
        "$ref: '#/components/responses/NotFound'",
        "$ref: '#/components/schemas/Product'",
        "$ref: '#/components/schemas/Problem'",
    ] {
        assert!(
            imported.yaml.contains(expected),
            "{expected} in {}",
            imported.yaml
        );
    }
    // A definition named like the response is no reason to read it as one.
    assert!(!imported
        .yaml
        .contains("$ref: '#/components/schemas/NotFound'"));
    let found: Vec<(&str, &str)> = imported
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::BareNameRef)
        .map(|w| (w.pointer.as_str(), w.message.as_str()))
        .collect();
    for expected in [
        ("/paths/~1a/parameters/0/$ref", "`$ref: traceParam` is a bare name, which Swagger 2.0 tools read as `#/parameters/traceParam` here; read the same way"),
        ("/paths/~1a/get/parameters/0/$ref", "`$ref: limitParam` is a bare name, which Swagger 2.0 tools read as `#/parameters/limitParam` here; read the same way"),
        ("/paths/~1a/get/responses/404/$ref", "`$ref: NotFound` is a bare name, which Swagger 2.0 tools read as `#/responses/NotFound` here; read the same way"),
        ("/paths/~1a/get/responses/200/schema/$ref", "`$ref: Product` is a bare name, which Swagger 2.0 tools read as `#/definitions/Product` here; read the same way"),
        ("/responses/NotFound/schema/$ref", "`$ref: Problem` is a bare name, which Swagger 2.0 tools read as `#/definitions/Problem` here; read the same way"),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:#?}");
    }
}

/// A reference to an entry the document lacks, bare or not, is an error at
/// the reference, with its line, never at the entry that isn't there.
#[test]
fn a_missing_ref_is_reported_where_it_is_written_with_its_line() {
    let text = r#"swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters:
        - $ref: limitParam
        - $ref: '#/parameters/offsetParam'
      responses:
        200:
          description: ok
          schema:
            $ref: Product
        404:
          $ref: NotFound
definitions:
  Thing:
    type: object
    properties:
      part: {$ref: Part}
"#;
    let err = import_document(Path::new("in.yaml"), "in.yaml", text, &[]).unwrap_err();
    let Error::Spec { diagnostics, .. } = err else {
        panic!("expected a spec error, got {err:?}");
    };
    let found: Vec<(&str, Option<usize>, &str)> = diagnostics
        .iter()
        .map(|d| (d.pointer.as_str(), d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/paths/~1a/get/parameters/0/$ref", Some(7), "`$ref: limitParam` points to nothing: the document has no parameter `limitParam` in `parameters`"),
            ("/paths/~1a/get/parameters/1/$ref", Some(8), "`$ref: #/parameters/offsetParam` points to nothing: the document has no parameter `offsetParam` in `parameters`"),
            ("/paths/~1a/get/responses/200/schema/$ref", Some(13), "`$ref: Product` points to nothing: the document has no definition `Product` in `definitions`"),
            ("/paths/~1a/get/responses/404/$ref", Some(15), "`$ref: NotFound` points to nothing: the document has no response `NotFound` in `responses`"),
            ("/definitions/Thing/properties/part/$ref", Some(20), "`$ref: Part` points to nothing: the document has no definition `Part` in `definitions`"),
        ]
    );
}

#[test]
fn x_nullable_becomes_nullable_in_definitions_and_inline_schemas() {
    let paths = json!({"/things": {"post": {
        "parameters": [{"in": "body", "name": "body", "schema": {"$ref": "#/definitions/Thing", "x-nullable": true}}],
        "responses": {"200": {"description": "ok", "schema": {"type": "string", "x-nullable": true}}}
    }}});
    let definitions = json!({"definitions": {"Thing": {
        "type": "object",
        "properties": {"name": {"type": "string", "x-nullable": true}}
    }}});
    let imported = import(&swagger(paths, definitions), &[]);
    let doc: Value = serde_yaml::from_str(&imported.yaml).unwrap();
    let name = &doc["components"]["schemas"]["Thing"]["properties"]["name"];
    assert_eq!(name, &json!({"type": "string", "nullable": true}));
    let post = &doc["paths"]["/things"]["post"];
    let body = &post["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(
        body,
        &json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/Thing"}]})
    );
    let response = &post["responses"]["200"]["content"]["application/json"]["schema"];
    assert_eq!(response, &json!({"type": "string", "nullable": true}));
    assert!(!imported.yaml.contains("x-nullable"), "{}", imported.yaml);
}

#[test]
fn form_fields_or_a_second_body_beside_a_body_are_dropped_with_a_warning_each() {
    let doc = swagger(
        json!({"/notes": {"post": op(json!([
            {"name": "note", "in": "body", "schema": {"type": "object"}},
            {"name": "again", "in": "body", "schema": {"type": "string"}},
            {"name": "tag", "in": "formData", "type": "string"}
        ]))}}),
        json!({}),
    );
    let imported = import(&doc, &[]);
    assert_eq!(
        warning_kinds(&imported),
        [
            WarningKind::ExtraBodyParameter,
            WarningKind::ExtraBodyParameter
        ]
    );
    let pointers: Vec<&str> = imported
        .warnings
        .iter()
        .map(|w| w.pointer.as_str())
        .collect();
    assert_eq!(
        pointers,
        [
            "/paths/~1notes/post/parameters/1",
            "/paths/~1notes/post/parameters/2"
        ]
    );
    assert!(imported.warnings[1].message.contains("`tag`"));
    assert!(WarningKind::ExtraBodyParameter.changes_requests());
    // The first body is the one sent.
    assert!(
        imported.yaml.contains("requestBody:\n        content:\n          application/json:\n            schema:\n              type: object"),
        "{}",
        imported.yaml
    );
}
