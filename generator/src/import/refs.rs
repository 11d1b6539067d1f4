//! `$ref` handling shared by both import paths: finding references,
//! rewriting Swagger 2.0 references to OpenAPI 3.0 ones, and computing
//! which components the kept operations reach.

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{Warning, WarningKind};
use crate::diagnostics::{pointer_escape, Diagnostic};

pub const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The section of a Swagger 2.0 document that a `$ref` points into, and
/// so the one a bare name (`Product`, the Swagger 1.2 shorthand) means,
/// by where the reference sits: in a schema, a parameter list, or
/// responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Definitions,
    Parameters,
    Responses,
}

impl Section {
    /// The section's key in the document (`definitions`…).
    pub fn key(self) -> &'static str {
        match self {
            Section::Definitions => "definitions",
            Section::Parameters => "parameters",
            Section::Responses => "responses",
        }
    }

    /// What one entry of the section is, for messages.
    fn entry(self) -> &'static str {
        match self {
            Section::Definitions => "definition",
            Section::Parameters => "parameter",
            Section::Responses => "response",
        }
    }
}

/// Where [`fix_refs`] reports, and what it checks references against.
pub struct RefSink<'a, 'w> {
    /// The Swagger document, whose sections a reference must name an
    /// entry of.
    pub root: &'a Map<String, Value>,
    pub warnings: &'w mut Vec<Warning>,
    /// A reference to an entry the document doesn't have, each at the
    /// reference itself.
    pub errors: &'w mut Vec<Diagnostic>,
    /// Those references, as OpenAPI 3.0 references: reported already, so
    /// not again at the entry they miss.
    pub missing: &'w mut BTreeSet<String>,
}

/// Rewrites every Swagger 2.0 `$ref` in `value` (found at `pointer` in the
/// source) to its OpenAPI 3.0 place, and each `discriminator: name` to
/// `discriminator: {propertyName: name}`. A `$ref` with sibling keys becomes
/// `allOf: [{$ref}]` beside them, with a warning. A bare name is read as
/// an entry of `section` at the top (a parameter, a response) and of
/// `definitions` below, with a warning; a reference to an entry that the
/// document lacks is an error at the reference.
pub fn fix_refs(value: &mut Value, pointer: &str, section: Section, sink: &mut RefSink<'_, '_>) {
    let mut buffer = pointer.to_owned();
    fix_refs_at(value, &mut buffer, Place::Node, section, sink);
}

/// The Swagger 2.0 reference a `$ref` at `pointer` means, for a reference
/// into `section` (a bare name is an entry of it, with a warning), and
/// whether the document has what it points to (an error at the reference
/// when not). `#/definitions/X` stays as it is.
pub fn resolve_ref(
    reference: &str,
    pointer: &str,
    section: Section,
    sink: &mut RefSink<'_, '_>,
) -> String {
    let written = reference;
    let mut reference = reference.to_owned();
    if is_bare_name(&reference) {
        let key = section.key();
        sink.warnings.push(Warning {
            pointer: pointer.to_owned(),
            kind: WarningKind::BareNameRef,
            message: format!(
                "`$ref: {reference}` is a bare name, which Swagger 2.0 tools read as \
                 `#/{key}/{reference}` here; read the same way"
            ),
        });
        reference = format!("#/{key}/{reference}");
    }
    for section in [
        Section::Definitions,
        Section::Parameters,
        Section::Responses,
    ] {
        let Some(name) = reference.strip_prefix(&format!("#/{}/", section.key())) else {
            continue;
        };
        let entries = sink.root.get(section.key()).and_then(Value::as_object);
        if entries.is_some_and(|e| e.contains_key(&crate::diagnostics::pointer_unescape(name))) {
            break;
        }
        sink.errors.push(Diagnostic::new(
            pointer,
            format!(
                "`$ref: {written}` points to nothing: the document has no {} `{}` in `{}`",
                section.entry(),
                crate::diagnostics::pointer_unescape(name),
                section.key()
            ),
        ));
        sink.missing.insert(swagger_ref_to_openapi(&reference));
        break;
    }
    reference
}

/// What the keys of a JSON object are, as far as `$ref` is concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A spec node: a `$ref` key with a string value is a reference.
    Node,
    /// A map whose keys are names (`properties`): a property may be
    /// called `$ref`, as SCIM's are.
    Names,
}

/// [`fix_refs`] with the pointer built in one buffer, grown and cut back
/// as the walk goes down and up: a spec has hundreds of thousands of nodes,
/// and only a few need their pointer.
fn fix_refs_at(
    value: &mut Value,
    pointer: &mut String,
    place: Place,
    section: Section,
    sink: &mut RefSink<'_, '_>,
) {
    match value {
        Value::Object(map) => {
            // `x-nullable` is how Swagger 2.0 tools (go-swagger, NSwag,
            // Swashbuckle) write what OpenAPI 3.0 calls `nullable`.
            if place == Place::Node {
                if let Some(nullable) = map.remove("x-nullable") {
                    map.entry("nullable").or_insert(nullable);
                }
            }
            // Only a string is a reference; anything else under `$ref` is a
            // name or data.
            let is_ref = place == Place::Node && matches!(map.get("$ref"), Some(Value::String(_)));
            if let (true, Some(Value::String(r))) = (is_ref, map.get_mut("$ref")) {
                let at = format!("{pointer}/$ref");
                *r = swagger_ref_to_openapi(&resolve_ref(r, &at, section, sink));
            }
            // Swagger 2.0's `discriminator` is the property's name; OpenAPI
            // 3.0's is a Discriminator Object, whose implicit mapping (the
            // schema's name) is the same rule.
            if place == Place::Node {
                if let Some(Value::String(name)) = map.get("discriminator") {
                    let object = json!({ "propertyName": name });
                    map.insert("discriminator".into(), object);
                }
            }
            if is_ref && map.len() > 1 {
                let siblings: Vec<&str> = map
                    .keys()
                    .filter(|k| *k != "$ref")
                    .map(String::as_str)
                    .collect();
                sink.warnings.push(Warning {
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
                let child_place = match (place, key.as_str()) {
                    (Place::Names, _) => Place::Node,
                    // Examples and extensions are data: their `$ref`s are
                    // text, not references.
                    (Place::Node, "example" | "examples") => continue,
                    (Place::Node, k) if k.starts_with("x-") => continue,
                    (Place::Node, "properties") => Place::Names,
                    (Place::Node, _) => Place::Node,
                };
                let len = pointer.len();
                pointer.push('/');
                if key.contains(['~', '/']) {
                    pointer.push_str(&pointer_escape(key));
                } else {
                    pointer.push_str(key);
                }
                fix_refs_at(child, pointer, child_place, Section::Definitions, sink);
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
                fix_refs_at(child, pointer, Place::Node, Section::Definitions, sink);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Whether a `$ref` is a bare schema name (`Product`) rather than a URI
/// reference: no fragment, no path, no file extension, no scheme. Swagger
/// 1.2 wrote references so, and Swagger 2.0 parsers still accept them.
fn is_bare_name(reference: &str) -> bool {
    !reference.is_empty()
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
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
                        out.push((kind.to_owned(), crate::diagnostics::pointer_unescape(name)));
                    }
                }
            }
            map.values().for_each(|c| component_refs(c, out));
        }
        Value::Array(items) => items.iter().for_each(|c| component_refs(c, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_property_named_ref_and_refs_in_examples_are_not_references() {
        let mut schema = json!({
            "type": "object",
            "properties": {
                "value": {"type": "string"},
                "$ref": {"type": "string", "description": "The reference URI."},
                "owner": {"$ref": "#/definitions/User"}
            },
            "example": {"$ref": "#/definitions/NotAReference"},
            "x-note": {"$ref": "#/definitions/AlsoNot", "a": 1}
        });
        let root = json!({"definitions": {"User": {}}});
        let mut warnings = Vec::new();
        let mut errors = Vec::new();
        let mut sink = RefSink {
            root: root.as_object().unwrap(),
            warnings: &mut warnings,
            errors: &mut errors,
            missing: &mut BTreeSet::new(),
        };
        fix_refs(
            &mut schema,
            "/definitions/Manager",
            Section::Definitions,
            &mut sink,
        );
        assert!(warnings.is_empty(), "{:?}", warnings.len());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            schema["properties"]["$ref"],
            json!({"type": "string", "description": "The reference URI."})
        );
        assert_eq!(
            schema["properties"]["owner"]["$ref"],
            "#/components/schemas/User"
        );
        assert_eq!(schema["example"]["$ref"], "#/definitions/NotAReference");
    }

    #[test]
    fn a_swagger_discriminator_becomes_a_discriminator_object() {
        let mut schema = json!({
            "type": "object",
            "discriminator": "petType",
            "properties": {
                "petType": {"type": "string"},
                "discriminator": {"type": "string"}
            },
            "example": {"discriminator": "text"}
        });
        let root = Map::new();
        let mut sink = RefSink {
            root: &root,
            warnings: &mut Vec::new(),
            errors: &mut Vec::new(),
            missing: &mut BTreeSet::new(),
        };
        fix_refs(
            &mut schema,
            "/definitions/Pet",
            Section::Definitions,
            &mut sink,
        );
        assert_eq!(schema["discriminator"], json!({"propertyName": "petType"}));
        assert_eq!(
            schema["properties"]["discriminator"],
            json!({"type": "string"})
        );
        assert_eq!(schema["example"]["discriminator"], "text");
    }
}
