//! Swagger 2.0 → OpenAPI 3.0.3: owns turning the document Genesys publishes
//! into the section that lives in `spec/`.
//!
//! The conversion works on `serde_json::Value` with key order preserved, so
//! that the output follows the source's order and two runs give the same
//! bytes. It covers what the generator reads: operations, parameters, bodies,
//! responses, definitions, security schemes and servers; every `x-*` vendor
//! extension is carried over untouched.

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

use crate::diagnostics::{pointer_escape, Diagnostic, Error};
use std::path::Path;

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Converts a Swagger 2.0 document to OpenAPI 3.0.3, keeping only the
/// operations tagged with one of `tags` (all of them when `tags` is empty) and
/// the definitions they reach.
pub fn swagger2_to_openapi3(doc: &Value, tags: &[String]) -> Result<Value, Vec<Diagnostic>> {
    let Some(root) = doc.as_object() else {
        return Err(vec![Diagnostic::new(
            "",
            "the document is not a JSON object",
        )]);
    };
    match root.get("swagger").and_then(Value::as_str) {
        Some("2.0") => {}
        _ => {
            return Err(vec![Diagnostic::new(
                "/swagger",
                "expected `swagger: \"2.0\"`; only Swagger 2.0 documents can be imported",
            )])
        }
    }
    let mut errors = Vec::new();
    let global_consumes = media_types(root.get("consumes"));
    let global_produces = media_types(root.get("produces"));

    let mut out = Map::new();
    out.insert("openapi".into(), json!("3.0.3"));
    if let Some(info) = root.get("info") {
        out.insert("info".into(), info.clone());
    }
    if let Some(host) = root.get("host").and_then(Value::as_str) {
        let scheme = root
            .get("schemes")
            .and_then(Value::as_array)
            .and_then(|s| s.first())
            .and_then(Value::as_str)
            .unwrap_or("https");
        let base = root.get("basePath").and_then(Value::as_str).unwrap_or("");
        out.insert(
            "servers".into(),
            json!([{ "url": format!("{scheme}://{host}{base}") }]),
        );
    }
    if let Some(Value::Array(all)) = root.get("tags") {
        let kept: Vec<Value> = all
            .iter()
            .filter(|t| {
                tags.is_empty()
                    || t.get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| tags.iter().any(|x| x == n))
            })
            .cloned()
            .collect();
        out.insert("tags".into(), Value::Array(kept));
    }

    let mut paths = Map::new();
    if let Some(Value::Object(src_paths)) = root.get("paths") {
        for (path, item) in src_paths {
            let item_ptr = format!("/paths/{}", pointer_escape(path));
            let Some(item) = item.as_object() else {
                errors.push(Diagnostic::new(item_ptr, "a path item must be an object"));
                continue;
            };
            let mut new_item = Map::new();
            for (key, value) in item {
                let ptr = format!("{item_ptr}/{key}");
                if HTTP_METHODS.contains(&key.as_str()) {
                    if !has_tag(value, tags) {
                        continue;
                    }
                    match convert_operation(value, &ptr, &global_consumes, &global_produces) {
                        Ok(op) => {
                            new_item.insert(key.clone(), op);
                        }
                        Err(e) => errors.push(e),
                    }
                } else if key == "parameters" {
                    let params = value.as_array().cloned().unwrap_or_default();
                    let mut converted = Vec::new();
                    for (i, p) in params.iter().enumerate() {
                        match convert_parameter(p, &format!("{ptr}/{i}")) {
                            Ok(p) => converted.push(p),
                            Err(e) => errors.push(e),
                        }
                    }
                    new_item.insert(key.clone(), Value::Array(converted));
                } else {
                    new_item.insert(key.clone(), value.clone());
                }
            }
            if new_item.keys().any(|k| HTTP_METHODS.contains(&k.as_str())) {
                paths.insert(path.clone(), Value::Object(new_item));
            }
        }
    }
    let mut paths = Value::Object(paths);
    rewrite_refs(&mut paths);

    // Keep only the definitions the kept operations reach, in source order.
    let definitions = root.get("definitions").and_then(Value::as_object);
    let mut reached = BTreeSet::new();
    let mut queue = Vec::new();
    collect_refs(&paths, &mut queue);
    while let Some(name) = queue.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        match definitions.and_then(|d| d.get(&name)) {
            Some(def) => collect_refs_swagger(def, &mut queue),
            None => errors.push(Diagnostic::new(
                format!("/definitions/{}", pointer_escape(&name)),
                format!("`{name}` is referenced but not defined"),
            )),
        }
    }
    let mut schemas = Map::new();
    if let Some(definitions) = definitions {
        for (name, def) in definitions {
            if reached.contains(name) {
                let mut def = def.clone();
                rewrite_refs(&mut def);
                schemas.insert(name.clone(), def);
            }
        }
    }

    out.insert("paths".into(), paths);
    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    if let Some(Value::Object(defs)) = root.get("securityDefinitions") {
        let mut schemes = Map::new();
        for (name, def) in defs {
            schemes.insert(name.clone(), convert_security_scheme(def));
        }
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    out.insert("components".into(), Value::Object(components));
    for (key, value) in root {
        if key.starts_with("x-") || key == "externalDocs" {
            out.insert(key.clone(), value.clone());
        }
    }

    if errors.is_empty() {
        Ok(Value::Object(out))
    } else {
        Err(errors)
    }
}

/// Reads a Swagger 2.0 document (JSON or YAML) and returns the OpenAPI
/// 3.0.3 YAML of the operations tagged with one of `tags`, headed by a
/// comment naming `source_name`. `path` is only used in errors.
pub fn import_document(
    path: &Path,
    source_name: &str,
    text: &str,
    tags: &[String],
) -> Result<String, Error> {
    let doc: Value = serde_yaml::from_str(text).map_err(|e| Error::Parse {
        path: path.to_owned(),
        line: e.location().map(|l| l.line()),
        column: e.location().map(|l| l.column()),
        message: e.to_string(),
    })?;
    let converted = swagger2_to_openapi3(&doc, tags).map_err(|d| Error::spec(path, d))?;
    let yaml = serde_yaml::to_string(&converted).map_err(|e| Error::Parse {
        path: path.to_owned(),
        line: None,
        column: None,
        message: format!("cannot write the converted document as YAML: {e}"),
    })?;
    let tag_note = if tags.is_empty() {
        "every tag".to_owned()
    } else {
        format!("tags {}", tags.join(", "))
    };
    Ok(format!(
        "# Converted by `cargo xtask spec import` from {source_name} ({tag_note}).\n# Do not edit: change the upstream file and import it again.\n{yaml}"
    ))
}

fn media_types(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn has_tag(op: &Value, wanted: &[String]) -> bool {
    wanted.is_empty()
        || op
            .get("tags")
            .and_then(Value::as_array)
            .is_some_and(|t| t.iter().any(|t| wanted.iter().any(|w| t == w.as_str())))
}

fn convert_operation(
    op: &Value,
    ptr: &str,
    global_consumes: &[String],
    global_produces: &[String],
) -> Result<Value, Diagnostic> {
    let op = op
        .as_object()
        .ok_or_else(|| Diagnostic::new(ptr, "an operation must be an object"))?;
    let consumes = match op.get("consumes") {
        Some(v) => media_types(Some(v)),
        None => global_consumes.to_vec(),
    };
    let produces = match op.get("produces") {
        Some(v) => media_types(Some(v)),
        None => global_produces.to_vec(),
    };
    let mut out = Map::new();
    for (key, value) in op {
        match key.as_str() {
            "consumes" | "produces" => {}
            "parameters" => {
                let mut params = Vec::new();
                for (i, p) in value.as_array().into_iter().flatten().enumerate() {
                    let p_ptr = format!("{ptr}/parameters/{i}");
                    if p.get("in").and_then(Value::as_str) == Some("body") {
                        out.insert("requestBody".into(), convert_body(p, &consumes));
                        if let Some(name) = p.get("name") {
                            out.insert("x-codegen-request-body-name".into(), name.clone());
                        }
                    } else {
                        params.push(convert_parameter(p, &p_ptr)?);
                    }
                }
                if !params.is_empty() {
                    out.insert("parameters".into(), Value::Array(params));
                }
            }
            "responses" => {
                let mut responses = Map::new();
                for (code, r) in value.as_object().into_iter().flatten() {
                    responses.insert(code.clone(), convert_response(r, &produces));
                }
                out.insert(key.clone(), Value::Object(responses));
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    // `requestBody` goes where OpenAPI 3 documents usually keep it: after the
    // parameters. Moving it keeps the rest of the source order intact.
    if let Some(body) = out.shift_remove("requestBody") {
        let mut reordered = Map::new();
        let mut placed = false;
        for (k, v) in out {
            let after = k == "parameters";
            reordered.insert(k, v);
            if after {
                reordered.insert("requestBody".into(), body.clone());
                placed = true;
            }
        }
        if !placed {
            reordered.insert("requestBody".into(), body);
        }
        out = reordered;
    }
    Ok(Value::Object(out))
}

/// Keys of a Swagger 2.0 non-body parameter that describe its value; in
/// OpenAPI 3.0 they move into `schema`.
const SCHEMA_KEYS: [&str; 16] = [
    "type",
    "format",
    "items",
    "default",
    "enum",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "multipleOf",
];

fn convert_parameter(p: &Value, ptr: &str) -> Result<Value, Diagnostic> {
    let p = p
        .as_object()
        .ok_or_else(|| Diagnostic::new(ptr, "a parameter must be an object"))?;
    if p.contains_key("$ref") {
        let mut r = Value::Object(p.clone());
        rewrite_refs(&mut r);
        return Ok(r);
    }
    let mut out = Map::new();
    let mut schema = Map::new();
    let mut collection_format = None;
    for (key, value) in p {
        if SCHEMA_KEYS.contains(&key.as_str()) {
            let mut value = value.clone();
            if key == "items" {
                value = items_schema(&value);
            }
            schema.insert(key.clone(), value);
        } else if key == "collectionFormat" {
            collection_format = value.as_str().map(str::to_owned);
        } else if key == "allowEmptyValue" && p.get("in").and_then(Value::as_str) != Some("query") {
            // Only meaningful for query parameters in OpenAPI 3.0.
        } else {
            out.insert(key.clone(), value.clone());
        }
    }
    if p.get("type").and_then(Value::as_str) == Some("array") {
        let (style, explode) = match collection_format.as_deref() {
            Some("multi") => ("form", true),
            Some("ssv") => ("spaceDelimited", false),
            Some("pipes") => ("pipeDelimited", false),
            _ if p.get("in").and_then(Value::as_str) == Some("query") => ("form", false),
            _ => ("simple", false),
        };
        out.insert("style".into(), json!(style));
        out.insert("explode".into(), json!(explode));
    }
    out.insert("schema".into(), Value::Object(schema));
    Ok(Value::Object(out))
}

/// `items` of a non-body parameter may carry its own `collectionFormat`,
/// which has no place in a schema.
fn items_schema(items: &Value) -> Value {
    match items {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "collectionFormat")
                .map(|(k, v)| {
                    let v = if k == "items" {
                        items_schema(v)
                    } else {
                        v.clone()
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn convert_body(p: &Value, consumes: &[String]) -> Value {
    let mut out = Map::new();
    if let Some(d) = p.get("description") {
        out.insert("description".into(), d.clone());
    }
    let schema = p.get("schema").cloned().unwrap_or_else(|| json!({}));
    let mut content = Map::new();
    let types: Vec<String> = if consumes.is_empty() {
        vec!["application/json".into()]
    } else {
        consumes.to_vec()
    };
    for t in types {
        content.insert(t, json!({ "schema": schema }));
    }
    out.insert("content".into(), Value::Object(content));
    if let Some(r) = p.get("required") {
        out.insert("required".into(), r.clone());
    }
    if let Some(obj) = p.as_object() {
        for (k, v) in obj {
            if k.starts_with("x-") {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    Value::Object(out)
}

fn convert_response(r: &Value, produces: &[String]) -> Value {
    let Some(r) = r.as_object() else {
        return r.clone();
    };
    let mut out = Map::new();
    for (key, value) in r {
        match key.as_str() {
            "schema" => {
                let mut content = Map::new();
                let types: Vec<String> = if produces.is_empty() {
                    vec!["application/json".into()]
                } else {
                    produces.to_vec()
                };
                for t in types {
                    content.insert(t, json!({ "schema": value }));
                }
                out.insert("content".into(), Value::Object(content));
            }
            "headers" => {
                let mut headers = Map::new();
                for (name, h) in value.as_object().into_iter().flatten() {
                    let mut header = Map::new();
                    let mut schema = Map::new();
                    for (k, v) in h.as_object().into_iter().flatten() {
                        if SCHEMA_KEYS.contains(&k.as_str()) {
                            schema.insert(k.clone(), v.clone());
                        } else {
                            header.insert(k.clone(), v.clone());
                        }
                    }
                    header.insert("schema".into(), Value::Object(schema));
                    headers.insert(name.clone(), Value::Object(header));
                }
                out.insert(key.clone(), Value::Object(headers));
            }
            "examples" => {}
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(out)
}

fn convert_security_scheme(def: &Value) -> Value {
    let Some(d) = def.as_object() else {
        return def.clone();
    };
    if d.get("type").and_then(Value::as_str) != Some("oauth2") {
        return def.clone();
    }
    let flow_name = match d.get("flow").and_then(Value::as_str) {
        Some("accessCode") => "authorizationCode",
        Some("application") => "clientCredentials",
        Some(other) => other,
        None => "implicit",
    };
    let mut flow = Map::new();
    for key in ["authorizationUrl", "tokenUrl"] {
        if let Some(v) = d.get(key) {
            flow.insert(key.into(), v.clone());
        }
    }
    flow.insert(
        "scopes".into(),
        d.get("scopes").cloned().unwrap_or_else(|| json!({})),
    );
    let mut out = Map::new();
    out.insert("type".into(), json!("oauth2"));
    if let Some(desc) = d.get("description") {
        out.insert("description".into(), desc.clone());
    }
    out.insert("flows".into(), json!({ flow_name: flow }));
    for (k, v) in d {
        if k.starts_with("x-") {
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}

/// Rewrites `#/definitions/X` to `#/components/schemas/X`. A `$ref` with
/// sibling keys (ignored by OpenAPI 3.0) becomes `allOf: [{$ref}]` beside
/// them, so that their description is not lost.
fn rewrite_refs(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/definitions/") {
                    *r = format!("#/components/schemas/{name}");
                }
            }
            if m.len() > 1 && m.contains_key("$ref") {
                let mut siblings = Map::new();
                let mut reference = Value::Null;
                for (k, val) in std::mem::take(m) {
                    if k == "$ref" {
                        reference = json!({ "$ref": val });
                    } else {
                        siblings.insert(k, val);
                    }
                }
                siblings.insert("allOf".into(), json!([reference]));
                *m = siblings;
            }
            for (_, child) in m.iter_mut() {
                rewrite_refs(child);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    collect_with_prefix(v, "#/components/schemas/", out);
}

fn collect_refs_swagger(v: &Value, out: &mut Vec<String>) {
    collect_with_prefix(v, "#/definitions/", out);
}

fn collect_with_prefix(v: &Value, prefix: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(name) = m
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix(prefix))
            {
                out.push(name.to_owned());
            }
            m.values().for_each(|c| collect_with_prefix(c, prefix, out));
        }
        Value::Array(a) => a.iter().for_each(|c| collect_with_prefix(c, prefix, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        json!({
            "swagger": "2.0",
            "info": {"title": "t", "version": "v2"},
            "host": "api.example.com",
            "schemes": ["https"],
            "consumes": ["application/json"],
            "produces": ["application/json"],
            "tags": [{"name": "A"}, {"name": "B"}],
            "paths": {
                "/a/{id}": {
                    "post": {
                        "tags": ["A"],
                        "operationId": "postA",
                        "parameters": [
                            {"name": "id", "in": "path", "required": true, "type": "string"},
                            {"name": "ids", "in": "query", "type": "array",
                             "items": {"type": "string"}, "collectionFormat": "multi"},
                            {"name": "body", "in": "body", "required": true,
                             "schema": {"$ref": "#/definitions/Thing"}}
                        ],
                        "responses": {"200": {"description": "ok",
                            "schema": {"$ref": "#/definitions/Thing"}}},
                        "x-purecloud-method-name": "postA"
                    }
                },
                "/b": {"get": {"tags": ["B"], "responses": {"200": {"description": "ok",
                    "schema": {"$ref": "#/definitions/Other"}}}}}
            },
            "definitions": {
                "Other": {"type": "object"},
                "Thing": {"type": "object", "properties": {
                    "owner": {"description": "who", "$ref": "#/definitions/Ref"}}},
                "Ref": {"type": "object"}
            }
        })
    }

    #[test]
    fn keeps_only_tagged_operations_and_the_definitions_they_reach() {
        let out = swagger2_to_openapi3(&doc(), &["A".into()]).unwrap();
        assert!(out["paths"].get("/b").is_none());
        let schemas: Vec<_> = out["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(schemas, ["Thing", "Ref"]);
        assert_eq!(out["tags"], json!([{"name": "A"}]));
    }

    #[test]
    fn moves_body_into_request_body_and_keeps_extensions() {
        let out = swagger2_to_openapi3(&doc(), &[]).unwrap();
        let op = &out["paths"]["/a/{id}"]["post"];
        assert_eq!(
            op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Thing"
        );
        assert_eq!(op["x-purecloud-method-name"], "postA");
        assert_eq!(op["parameters"].as_array().unwrap().len(), 2);
        assert_eq!(op["parameters"][1]["style"], "form");
        assert_eq!(op["parameters"][1]["explode"], true);
        assert_eq!(op["parameters"][0]["schema"]["type"], "string");
        assert_eq!(out["servers"][0]["url"], "https://api.example.com");
    }

    #[test]
    fn ref_with_siblings_becomes_all_of_keeping_the_description() {
        let out = swagger2_to_openapi3(&doc(), &[]).unwrap();
        let owner = &out["components"]["schemas"]["Thing"]["properties"]["owner"];
        assert_eq!(owner["description"], "who");
        assert_eq!(owner["allOf"][0]["$ref"], "#/components/schemas/Ref");
    }

    #[test]
    fn missing_definition_is_reported_with_its_pointer() {
        let mut d = doc();
        d["definitions"].as_object_mut().unwrap().remove("Ref");
        let errs = swagger2_to_openapi3(&d, &[]).unwrap_err();
        assert_eq!(errs[0].pointer, "/definitions/Ref");
    }
}
