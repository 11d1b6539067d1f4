//! Schema keywords that openapiv3 can't hold as written, made into the
//! ones that mean the same.
//!
//! openapiv3 reads a schema with a keyword its `type` has no field for as
//! a schema of any type, silently, and the field becomes
//! `serde_json::Value`. Two kinds reach it from public specs:
//! - integer bounds that are not `i64`s (see [`super::integer_bounds`]);
//! - a keyword that constrains only values of another type, such as
//!   `required: [token]` on a `type: string` property (Ory Hydra). JSON
//!   Schema (Validation §6) applies such a keyword to instances of its own
//!   type only, so on this schema it constrains nothing, and goes.

use serde_json::{Map, Value};

/// Keywords that constrain values of one type only.
const STRING_KEYWORDS: &[&str] = &["pattern", "minLength", "maxLength"];
const NUMBER_KEYWORDS: &[&str] = &[
    "multipleOf",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
];
const ARRAY_KEYWORDS: &[&str] = &["minItems", "maxItems", "uniqueItems"];
/// `required` only as a list of names: a parameter's `required: true` is
/// not a schema keyword. `properties`, `additionalProperties` and `items`
/// are left alone even where they constrain nothing: they describe a
/// structure, and a spec that gives one to a string more likely has the
/// wrong `type` than a vacuous keyword.
const OBJECT_KEYWORDS: &[&str] = &["minProperties", "maxProperties"];

/// Normalizes every schema in `value`, and says whether it changed
/// anything. Examples, defaults, enums and extensions are data, not
/// schemas, and are left as written.
pub fn normalize(value: &mut Value) -> bool {
    match value {
        Value::Object(map) => {
            let mut changed = super::integer_bounds::normalize_schema(map) | drop_inapplicable(map);
            for (key, child) in map.iter_mut() {
                let data = matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-");
                if !data {
                    changed |= normalize(child);
                }
            }
            changed
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, item| normalize(item) | changed),
        _ => false,
    }
}

/// Removes from a schema with one `type` the keywords that constrain only
/// values of other types.
fn drop_inapplicable(schema: &mut Map<String, Value>) -> bool {
    let Some(ty) = schema.get("type").and_then(Value::as_str) else {
        return false;
    };
    let is_object = ty == "object";
    let own: &[&str] = match ty {
        "string" => STRING_KEYWORDS,
        "integer" | "number" => NUMBER_KEYWORDS,
        "array" => ARRAY_KEYWORDS,
        "object" => OBJECT_KEYWORDS,
        "boolean" => &[],
        // Not a type: `check_type` reports it as it is.
        _ => return false,
    };
    let mut changed = false;
    for keyword in [
        STRING_KEYWORDS,
        NUMBER_KEYWORDS,
        ARRAY_KEYWORDS,
        OBJECT_KEYWORDS,
    ]
    .concat()
    .into_iter()
    .filter(|k| !own.contains(k))
    {
        changed |= schema.remove(keyword).is_some();
    }
    // A list of names, as JSON Schema has it; anything else is malformed,
    // and left for the error that says so.
    let names = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
    if !is_object && schema.get("required").is_some_and(names) {
        schema.remove("required");
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keywords_of_other_types_are_dropped() {
        let mut schema = json!({
            "type": "object",
            "required": ["token"],
            "minProperties": 1,
            "properties": {
                "token": {"type": "string", "required": ["token"], "minLength": 1, "minimum": 0},
                "count": {"type": "integer", "maxLength": 3, "uniqueItems": true, "maximum": 9},
                "tags": {"type": "array", "items": {"type": "string"}, "pattern": "x", "minItems": 1},
                "flag": {"type": "boolean", "maxProperties": 2},
                "odd": {"type": "strin", "minimum": 1}
            },
            "example": {"type": "string", "required": ["kept"]}
        });
        assert!(normalize(&mut schema));
        assert_eq!(
            schema,
            json!({
                "type": "object",
                "required": ["token"],
                "minProperties": 1,
                "properties": {
                    "token": {"type": "string", "minLength": 1},
                    "count": {"type": "integer", "maximum": 9},
                    "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "flag": {"type": "boolean"},
                    "odd": {"type": "strin", "minimum": 1}
                },
                "example": {"type": "string", "required": ["kept"]}
            })
        );
        let mut plain = json!({"type": "string", "maxLength": 3});
        assert!(!normalize(&mut plain));
    }
}
