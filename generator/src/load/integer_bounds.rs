//! Integer schema bounds written beyond 64 bits.
//!
//! openapiv3 holds an integer schema's `minimum` and `maximum` as `i64`,
//! and refuses the whole entry when either is out of range. Specs write
//! such bounds to say "any 64-bit value": OpenAI's `-9223372036854776000`
//! is `-2^63` printed through a double. Clamping a bound to the `i64`
//! range allows exactly the same `i64` values, so nothing a client can
//! send or receive changes.

use serde_json::Value;

/// Clamps every out-of-range `minimum` and `maximum` of a schema with
/// `type: integer` in `value`, and says whether it changed anything.
/// Examples, defaults, enums and extensions are data, not schemas, and are
/// left as written.
pub fn clamp(value: &mut Value) -> bool {
    match value {
        Value::Object(map) => {
            let mut changed = false;
            if map.get("type").and_then(Value::as_str) == Some("integer") {
                changed |= clamp_bound(map, "minimum", "exclusiveMinimum");
                changed |= clamp_bound(map, "maximum", "exclusiveMaximum");
            }
            for (key, child) in map.iter_mut() {
                let data = matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-");
                if !data {
                    changed |= clamp(child);
                }
            }
            changed
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, item| clamp(item) | changed),
        _ => false,
    }
}

fn clamp_bound(map: &mut serde_json::Map<String, Value>, key: &str, exclusive: &str) -> bool {
    let Some(Value::Number(n)) = map.get(key) else {
        return false;
    };
    if n.is_i64() {
        return false;
    }
    let Some(f) = n.as_f64() else {
        return false;
    };
    // -2^63 is exactly `i64::MIN`; anything below holds no `i64` either,
    // so an exclusive bound there excludes nothing.
    let clamped = if f == i64::MIN as f64 {
        i64::MIN
    } else if f < i64::MIN as f64 {
        map.remove(exclusive);
        i64::MIN
    } else if f >= i64::MAX as f64 {
        // `i64::MAX as f64` is 2^63, one past `i64::MAX`.
        map.remove(exclusive);
        i64::MAX
    } else {
        // A fraction within range is another problem, reported as such.
        return false;
    };
    map.insert(key.to_owned(), Value::from(clamped));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert!(clamp(&mut schema));
        assert_eq!(
            schema["properties"]["seed"],
            json!({"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX})
        );
        assert_eq!(schema["properties"]["ratio"]["minimum"], json!(-1e30));
        assert_eq!(schema["properties"]["fine"]["minimum"], json!(3));
        assert_eq!(schema["example"]["minimum"], json!(1e30));
    }

    #[test]
    fn a_fraction_is_left_for_the_reader_to_report() {
        let mut schema = json!({"type": "integer", "minimum": 0.5});
        assert!(!clamp(&mut schema));
    }
}
