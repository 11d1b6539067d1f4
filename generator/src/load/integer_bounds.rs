//! Integer schema bounds that are not 64-bit integers.
//!
//! openapiv3 holds an integer schema's `minimum`, `maximum` and
//! `multipleOf` as `i64`; when one is not, it silently reads the schema as
//! one of any type, and the field becomes `serde_json::Value`. Specs write
//! `minimum: 1.0`, and "any 64-bit value" as `-9223372036854776000`
//! (OpenAI: `-2^63` printed through a double). Each such bound becomes the
//! `i64` bound that allows exactly the same `i64` values, so nothing a
//! client can send or receive changes.

use serde_json::Value;

/// Makes the `minimum`, `maximum` and `multipleOf` of `schema` `i64`s
/// when it has `type: integer`, and says whether it changed anything.
/// [`super::schema_keywords::normalize`] calls it on every schema.
pub fn normalize_schema(schema: &mut serde_json::Map<String, Value>) -> bool {
    if schema.get("type").and_then(Value::as_str) != Some("integer") {
        return false;
    }
    clamp_bound(schema, "minimum", "exclusiveMinimum")
        | clamp_bound(schema, "maximum", "exclusiveMaximum")
        | integer_multiple(schema)
}

fn clamp_bound(map: &mut serde_json::Map<String, Value>, key: &str, exclusive: &str) -> bool {
    let Some(f) = float_at(map, key) else {
        return false;
    };
    let is_minimum = key == "minimum";
    // -2^63 is exactly `i64::MIN`; anything below holds no `i64` either,
    // so an exclusive bound there excludes nothing.
    let clamped = if f < i64::MIN as f64 {
        map.remove(exclusive);
        i64::MIN
    } else if f >= i64::MAX as f64 {
        // `i64::MAX as f64` is 2^63, one past `i64::MAX`.
        map.remove(exclusive);
        i64::MAX
    } else if f.fract() == 0.0 {
        // `1.0` or `1e3`: the same bound, written as a float.
        f as i64
    } else {
        // `x >= 0.5` and `x > 0.5` both mean `x >= 1` for an integer.
        map.remove(exclusive);
        if is_minimum {
            f.ceil() as i64
        } else {
            f.floor() as i64
        }
    };
    map.insert(key.to_owned(), Value::from(clamped));
    true
}

/// `multipleOf` as an integer: a whole float (`2.0`) is that integer; any
/// other (`0.5`, `1e30`) says nothing an `i64` field can use, and goes.
fn integer_multiple(map: &mut serde_json::Map<String, Value>) -> bool {
    let Some(f) = float_at(map, "multipleOf") else {
        return false;
    };
    if f.fract() == 0.0 && f >= 1.0 && f < i64::MAX as f64 {
        map.insert("multipleOf".to_owned(), Value::from(f as i64));
    } else {
        map.remove("multipleOf");
    }
    true
}

/// The number at `key` when it is not an `i64` (and so fails openapiv3's
/// integer schema), as a finite float.
fn float_at(map: &serde_json::Map<String, Value>, key: &str) -> Option<f64> {
    match map.get(key) {
        Some(Value::Number(n)) if !n.is_i64() => n.as_f64().filter(|f| f.is_finite()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema_keywords::normalize;
    use serde_json::json;

    #[test]
    fn out_of_range_integer_bounds_are_clamped() {
        let mut schema = json!({
            "type": "object",
            "properties": {
                "seed": {"type": "integer", "minimum": -9223372036854776000.0, "maximum": 1e30, "exclusiveMaximum": true},
                "ratio": {"type": "number", "minimum": -1e30},
                "fine": {"type": "integer", "minimum": 3}
            },
            "example": {"type": "integer", "minimum": 1e30}
        });
        assert!(normalize(&mut schema));
        assert_eq!(
            schema["properties"]["seed"],
            json!({"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX})
        );
        assert_eq!(schema["properties"]["ratio"]["minimum"], json!(-1e30));
        assert_eq!(schema["properties"]["fine"]["minimum"], json!(3));
        assert_eq!(schema["example"]["minimum"], json!(1e30));
    }

    #[test]
    fn float_bounds_within_range_allow_the_same_integers() {
        let mut schema =
            json!({"type": "integer", "minimum": 1.0, "maximum": 1e3, "multipleOf": 2.0});
        assert!(normalize(&mut schema));
        assert_eq!(
            schema,
            json!({"type": "integer", "minimum": 1, "maximum": 1000, "multipleOf": 2})
        );
        let mut schema = json!({
            "type": "integer", "minimum": 0.5, "exclusiveMinimum": true,
            "maximum": 100.5, "multipleOf": 0.5
        });
        assert!(normalize(&mut schema));
        assert_eq!(
            schema,
            json!({"type": "integer", "minimum": 1, "maximum": 100})
        );
    }
}
