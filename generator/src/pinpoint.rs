//! Finds the node of a spec that makes it fail to read as OpenAPI 3.0.
//!
//! openapiv3's types are untagged and flattened (a schema is "a `$ref` or a
//! schema", a schema is "its kind plus its common fields"), so serde can
//! only say that a whole entry is wrong: `components.schemas: invalid type:
//! sequence, expected struct Schema`. A user needs the property. This
//! module walks down from a failing entry through the places where a
//! schema, parameter, body or response can sit, to the deepest one that
//! fails on its own, and reports that one's pointer and serde's reason.

use openapiv3::{
    Header, Operation, Parameter, PathItem, ReferenceOr, RequestBody, Response, Schema,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostics::{pointer_escape, Diagnostic};

/// What a node of the document should deserialize as.
#[derive(Clone, Copy)]
enum Node {
    PathItem,
    Operation,
    Parameter,
    RequestBody,
    Response,
    Header,
    Schema,
    Server,
    ServerVariable,
    /// A map from names to nodes of one kind (`properties`, `responses`).
    MapOf(&'static Node),
    /// A list of nodes of one kind (`allOf`, `parameters`).
    ListOf(&'static Node),
    /// A media-type map: `content: {type: {schema: …}}`.
    Content,
}

const SCHEMA: Node = Node::Schema;
const PARAMETER: Node = Node::Parameter;
const RESPONSE: Node = Node::Response;
const HEADER: Node = Node::Header;
const SERVER: Node = Node::Server;
const SERVER_VARIABLE: Node = Node::ServerVariable;

/// The deepest failing nodes of a path item, each as a diagnostic at its
/// pointer; empty when it reads.
pub fn path_item(value: &Value, pointer: &str) -> Vec<Diagnostic> {
    deepest(Node::PathItem, value, pointer)
}

/// The deepest failing nodes of a schema, each as a diagnostic at its
/// pointer; empty when it reads.
pub fn schema(value: &Value, pointer: &str) -> Vec<Diagnostic> {
    deepest(Node::Schema, value, pointer)
}

/// The deepest failing node under a `components` object.
pub fn components(value: &Value, pointer: &str) -> Vec<Diagnostic> {
    let kinds: [(&str, Node); 5] = [
        ("schemas", Node::MapOf(&SCHEMA)),
        ("parameters", Node::MapOf(&PARAMETER)),
        ("responses", Node::MapOf(&RESPONSE)),
        ("headers", Node::MapOf(&HEADER)),
        ("requestBodies", Node::MapOf(&Node::RequestBody)),
    ];
    let mut out = Vec::new();
    for (key, node) in kinds {
        if let Some(child) = value.get(key) {
            out.extend(children(node, child, &format!("{pointer}/{key}")));
        }
    }
    out
}

/// Whether a node reads as some OpenAPI type, and if not, serde's reason.
type Check = fn(&Value) -> Result<(), String>;

/// The failing entries of the document's top level outside `paths` and
/// `components` (`info`, `servers`, `tags`, `security`, `externalDocs`),
/// each list item on its own, a server down to its variables, and of
/// `components/securitySchemes`.
pub fn top_level(root: &serde_json::Map<String, Value>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(servers) = root.get("servers") {
        out.extend(deepest(Node::ListOf(&SERVER), servers, "/servers"));
    }
    let mut one = |pointer: String, value: &Value, check: Check| {
        if let Err(message) = check(value) {
            out.push(Diagnostic::new(
                pointer,
                format!("not valid OpenAPI 3.0: {message}"),
            ));
        }
    };
    let lists: [(&str, Check); 2] = [
        ("tags", check::<openapiv3::Tag>),
        ("security", check::<openapiv3::SecurityRequirement>),
    ];
    for (key, check_item) in lists {
        match root.get(key) {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    one(format!("/{key}/{i}"), item, check_item);
                }
            }
            Some(other) => one(format!("/{key}"), other, |v| {
                Err(format!("expected a list, found {}", kind_of(v)))
            }),
            None => {}
        }
    }
    if let Some(info) = root.get("info") {
        one("/info".to_owned(), info, check::<openapiv3::Info>);
    }
    if let Some(docs) = root.get("externalDocs") {
        one(
            "/externalDocs".to_owned(),
            docs,
            check::<openapiv3::ExternalDocumentation>,
        );
    }
    if let Some(Value::Object(schemes)) = root
        .get("components")
        .and_then(|c| c.get("securitySchemes"))
    {
        for (name, scheme) in schemes {
            one(
                format!("/components/securitySchemes/{}", pointer_escape(name)),
                scheme,
                check_item::<openapiv3::SecurityScheme>,
            );
        }
    }
    out
}

fn check<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    T::deserialize(value).map(|_| ()).map_err(|e| e.to_string())
}

/// Like [`check`] for a "`$ref` or item" node: when it fails and is not a
/// `$ref`, the item type's own message, which says what is wrong, rather
/// than the untagged enum's "did not match any variant".
fn check_item<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    check::<ReferenceOr<T>>(value).map_err(|e| {
        if value.get("$ref").is_some() {
            e
        } else {
            check::<T>(value).err().unwrap_or(e)
        }
    })
}

fn reason(node: Node, value: &Value) -> Result<(), String> {
    match node {
        Node::PathItem => check::<PathItem>(value),
        // Only a whole path item may be a `$ref` (OpenAPI 3.0 §4.7.9);
        // serde would only say that `responses` is missing.
        Node::Operation if value.get("$ref").is_some() => Err(
            "an operation can't be a `$ref` in OpenAPI 3.0, only a whole path item can \
             (`/pets: {$ref: …}`): write the operation here, or bundle the spec with a tool \
             that inlines it"
                .to_owned(),
        ),
        Node::Operation => check::<Operation>(value),
        Node::Parameter => check_item::<Parameter>(value),
        Node::RequestBody => check_item::<RequestBody>(value),
        Node::Response => check_item::<Response>(value),
        Node::Header => check_item::<Header>(value),
        Node::Schema => check_item::<Schema>(value),
        Node::Server => check::<openapiv3::Server>(value),
        Node::ServerVariable => check::<openapiv3::ServerVariable>(value),
        Node::MapOf(_) | Node::ListOf(_) | Node::Content => Ok(()),
    }
}

/// `value` as `node`: nothing if it reads, else its deepest failing nodes,
/// every one of them, so that a spec with several problems is reported
/// whole in one run. A node whose children read but which fails itself is
/// reported at its own pointer.
fn deepest(node: Node, value: &Value, pointer: &str) -> Vec<Diagnostic> {
    let message = match node {
        Node::MapOf(_) | Node::Content if !value.is_object() => {
            return vec![Diagnostic::new(
                pointer,
                format!("expected a map, found {}", kind_of(value)),
            )];
        }
        Node::ListOf(_) if !value.is_array() => {
            return vec![Diagnostic::new(
                pointer,
                format!("expected a list, found {}", kind_of(value)),
            )];
        }
        Node::MapOf(_) | Node::ListOf(_) | Node::Content => {
            return children(node, value, pointer);
        }
        _ => match reason(node, value) {
            Ok(()) => return Vec::new(),
            Err(message) => message,
        },
    };
    let inner = children(node, value, pointer);
    if inner.is_empty() {
        vec![Diagnostic::new(pointer, describe(node, &message))]
    } else {
        inner
    }
}

fn kind_of(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean `{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a map".into(),
    }
}

fn describe(node: Node, message: &str) -> String {
    let what = match node {
        Node::PathItem => "path item",
        Node::Operation => "operation",
        Node::Parameter => "parameter",
        Node::RequestBody => "request body",
        Node::Response => "response",
        Node::Header => "header",
        Node::Schema => "schema",
        Node::Server => "server",
        Node::ServerVariable => "server variable",
        Node::MapOf(_) | Node::ListOf(_) | Node::Content => "entry",
    };
    format!("not a valid OpenAPI 3.0 {what}: {message}")
}

/// The failing nodes among the children of `value`, taken as `node`.
fn children(node: Node, value: &Value, pointer: &str) -> Vec<Diagnostic> {
    let at = |key: &str| format!("{pointer}/{}", pointer_escape(key));
    let mut out = Vec::new();
    let mut visit = |child_node: Node, child: &Value, child_pointer: String| {
        out.extend(deepest(child_node, child, &child_pointer));
    };
    match (node, value) {
        (Node::MapOf(inner), Value::Object(map)) => {
            for (key, child) in map {
                if !key.starts_with("x-") {
                    visit(*inner, child, at(key));
                }
            }
        }
        (Node::ListOf(inner), Value::Array(items)) => {
            for (i, child) in items.iter().enumerate() {
                visit(*inner, child, at(&i.to_string()));
            }
        }
        (Node::Content, Value::Object(map)) => {
            for (media, child) in map {
                if let Some(schema) = child.get("schema") {
                    visit(Node::Schema, schema, format!("{}/schema", at(media)));
                }
            }
        }
        (Node::PathItem, Value::Object(map)) => {
            for (key, child) in map {
                match key.as_str() {
                    "parameters" => visit(Node::ListOf(&PARAMETER), child, at(key)),
                    "servers" => visit(Node::ListOf(&SERVER), child, at(key)),
                    "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" => {
                        visit(Node::Operation, child, at(key))
                    }
                    _ => {}
                }
            }
        }
        (Node::Operation, Value::Object(map)) => {
            for (key, child) in map {
                match key.as_str() {
                    "parameters" => visit(Node::ListOf(&PARAMETER), child, at(key)),
                    "requestBody" => visit(Node::RequestBody, child, at(key)),
                    "servers" => visit(Node::ListOf(&SERVER), child, at(key)),
                    "responses" => visit(Node::MapOf(&RESPONSE), child, at(key)),
                    _ => {}
                }
            }
        }
        (Node::Parameter | Node::Header, Value::Object(map)) => {
            for (key, child) in map {
                match key.as_str() {
                    "schema" => visit(Node::Schema, child, at(key)),
                    "content" => visit(Node::Content, child, at(key)),
                    _ => {}
                }
            }
        }
        (Node::Server, Value::Object(map)) => {
            if let Some(child) = map.get("variables") {
                visit(Node::MapOf(&SERVER_VARIABLE), child, at("variables"));
            }
        }
        (Node::RequestBody, Value::Object(map)) => {
            if let Some(child) = map.get("content") {
                visit(Node::Content, child, at("content"));
            }
        }
        (Node::Response, Value::Object(map)) => {
            for (key, child) in map {
                match key.as_str() {
                    "content" => visit(Node::Content, child, at(key)),
                    "headers" => visit(Node::MapOf(&HEADER), child, at(key)),
                    _ => {}
                }
            }
        }
        (Node::Schema, Value::Object(map)) => {
            for (key, child) in map {
                match key.as_str() {
                    "properties" => visit(Node::MapOf(&SCHEMA), child, at(key)),
                    "allOf" | "oneOf" | "anyOf" => visit(Node::ListOf(&SCHEMA), child, at(key)),
                    "items" | "not" => visit(Node::Schema, child, at(key)),
                    "additionalProperties" if !child.is_boolean() => {
                        visit(Node::Schema, child, at(key))
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_bad_property_is_named_not_its_schema() {
        let value = json!({
            "type": "object",
            "properties": {
                "fine": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string", "enum": {"a": 1}}}
            }
        });
        let d = &schema(&value, "/components/schemas/Pet")[0];
        assert_eq!(d.pointer, "/components/schemas/Pet/properties/tags/items");
    }

    #[test]
    fn a_bad_parameter_schema_is_named_inside_its_operation() {
        let value = json!({
            "get": {
                "parameters": [
                    {"name": "a", "in": "query", "schema": {"type": "string"}},
                    {"name": "b", "in": "query", "schema": {"type": "object", "required": "b"}}
                ],
                "responses": {"200": {"description": "ok"}}
            }
        });
        let d = &path_item(&value, "/paths/~1pets")[0];
        assert_eq!(d.pointer, "/paths/~1pets/get/parameters/1/schema");
    }

    #[test]
    fn a_node_wrong_in_itself_is_reported_with_the_reason() {
        let value = json!({"type": "object", "required": "name"});
        let d = &schema(&value, "/components/schemas/Bad")[0];
        assert_eq!(d.pointer, "/components/schemas/Bad");
        assert!(d.message.contains("expected a sequence"), "{}", d.message);
        assert!(
            d.message.starts_with("not a valid OpenAPI 3.0 schema"),
            "{}",
            d.message
        );
    }

    #[test]
    fn valid_nodes_give_nothing() {
        assert!(schema(&json!({"type": "string"}), "/s").is_empty());
        assert!(path_item(&json!({"get": {"responses": {}}}), "/p").is_empty());
    }

    #[test]
    fn every_bad_node_of_an_entry_is_reported() {
        let value = json!({
            "get": {"$ref": "#/components/x-operations/list"},
            "post": {
                "parameters": [{"name": "a", "in": "query", "schema": {"type": "object", "required": "a"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"items": []}}}}}
            }
        });
        let found = path_item(&value, "/paths/~1pets");
        let pointers: Vec<&str> = found.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/paths/~1pets/get",
                "/paths/~1pets/post/parameters/0/schema",
                "/paths/~1pets/post/responses/200/content/application~1json/schema/items"
            ]
        );
        assert!(
            found[0].message.contains("an operation can't be a `$ref`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_server_variable_without_default_is_named_at_the_top_and_in_an_operation() {
        let server = json!({"url": "https://{region}.example.com", "variables": {
            "region": {"enum": ["eu", "us"]}
        }});
        let root = json!({"servers": [server.clone()]});
        let top: Vec<String> = top_level(root.as_object().unwrap())
            .into_iter()
            .map(|d| format!("{}: {}", d.pointer, d.message))
            .collect();
        assert_eq!(
            top,
            [
                "/servers/0/variables/region: not a valid OpenAPI 3.0 server variable: \
              missing field `default`"
            ]
        );
        let item = json!({"get": {"servers": [server], "responses": {}}});
        let found = path_item(&item, "/paths/~1x");
        assert_eq!(
            found[0].pointer,
            "/paths/~1x/get/servers/0/variables/region"
        );
    }
}
