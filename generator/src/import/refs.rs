//! `$ref` handling shared by both import paths: finding references,
//! rewriting Swagger 2.0 references to OpenAPI 3.0 ones, and computing
//! which components the kept operations reach.

use serde_json::{json, Map, Value};
use std::fmt::Write as _;

use super::{Warning, WarningKind};
use crate::diagnostics::pointer_escape;

pub const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Rewrites every Swagger 2.0 `$ref` in `value` (found at `pointer` in the
/// source) to its OpenAPI 3.0 place. A `$ref` with sibling keys becomes
/// `allOf: [{$ref}]` beside them, with a warning.
pub fn fix_refs(value: &mut Value, pointer: &str, warnings: &mut Vec<Warning>) {
    let mut buffer = pointer.to_owned();
    fix_refs_at(value, &mut buffer, warnings);
}

/// [`fix_refs`] with the pointer built in one buffer, grown and cut back
/// as the walk goes down and up: a spec has hundreds of thousands of nodes,
/// and only a few need their pointer.
fn fix_refs_at(value: &mut Value, pointer: &mut String, warnings: &mut Vec<Warning>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                *r = swagger_ref_to_openapi(r);
            }
            if map.len() > 1 && map.contains_key("$ref") {
                let siblings: Vec<&str> = map
                    .keys()
                    .filter(|k| *k != "$ref")
                    .map(String::as_str)
                    .collect();
                warnings.push(Warning {
                    pointer: pointer.clone(),
                    kind: WarningKind::RefWithSiblings,
                    message: format!(
                        "`$ref` has sibling keys ({}), which OpenAPI 3.0 ignores; the reference moved into `allOf`",
                        siblings.join(", ")
                    ),
                });
                let mut wrapped = Map::new();
                let mut reference = Value::Null;
                for (k, v) in std::mem::take(map) {
                    if k == "$ref" {
                        reference = json!({ "$ref": v });
                    } else {
                        wrapped.insert(k, v);
                    }
                }
                wrapped.insert("allOf".into(), json!([reference]));
                *map = wrapped;
            }
            for (key, child) in map.iter_mut() {
                if !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                let len = pointer.len();
                pointer.push('/');
                if key.contains(['~', '/']) {
                    pointer.push_str(&pointer_escape(key));
                } else {
                    pointer.push_str(key);
                }
                fix_refs_at(child, pointer, warnings);
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                if !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                let len = pointer.len();
                let _ = write!(pointer, "/{i}");
                fix_refs_at(child, pointer, warnings);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// `#/definitions/X` → `#/components/schemas/X`, and likewise for shared
/// parameters and responses. Body parameters are re-pointed by the caller.
pub fn swagger_ref_to_openapi(reference: &str) -> String {
    for (from, to) in [
        ("#/definitions/", "#/components/schemas/"),
        ("#/parameters/", "#/components/parameters/"),
        ("#/responses/", "#/components/responses/"),
    ] {
        if let Some(name) = reference.strip_prefix(from) {
            return format!("{to}{name}");
        }
    }
    reference.to_owned()
}

/// Every `#/components/<kind>/<name>` that `value` references, as
/// `(kind, name)`, in document order.
pub fn component_refs(value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref").and_then(Value::as_str) {
                if let Some(rest) = r.strip_prefix("#/components/") {
                    if let Some((kind, name)) = rest.split_once('/') {
                        out.push((kind.to_owned(), unescape(name)));
                    }
                }
            }
            map.values().for_each(|c| component_refs(c, out));
        }
        Value::Array(items) => items.iter().for_each(|c| component_refs(c, out)),
        _ => {}
    }
}

/// A `$ref`'s last token is a JSON pointer token.
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}
