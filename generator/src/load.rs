//! Reading a spec file (YAML or JSON) into `openapiv3` types. Parse errors
//! keep the file name and the parser's line and column.

use indexmap::IndexMap;
use openapiv3::OpenAPI;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;

use crate::diagnostics::{pointer_escape, Diagnostic, Error};

mod integer_bounds;
mod lenient_yaml;
mod schema_keywords;

/// Reads and parses `root/relative`, and returns the text too, for
/// diagnostics to find their lines in. `relative` is what errors show, so
/// that messages carry no machine-specific absolute path.
pub fn load(root: &Path, relative: &Path) -> Result<(String, OpenAPI), Error> {
    let text = std::fs::read_to_string(root.join(relative)).map_err(|source| Error::Io {
        path: relative.to_owned(),
        source,
    })?;
    let spec = parse(relative, &text)?;
    Ok((text, spec))
}

/// Parses spec text (YAML or JSON); `path` is only used in errors.
///
/// A document that is valid YAML but not valid OpenAPI gets an error that
/// names the schema, property or parameter that is wrong, by its JSON
/// pointer and line, rather than the map that holds it.
pub fn parse(path: &Path, text: &str) -> Result<OpenAPI, Error> {
    // Always through the JSON form: references to nodes inside other nodes
    // are rewritten and YAML merge keys applied there (see `local_refs`),
    // schema keywords openapiv3 can't hold made into ones it can (see
    // `schema_keywords`), and
    // entries read one by one on every core. Lines come from the text as
    // written.
    let value = yaml_value(path, text)?;
    from_json(path, value).map_err(|e| e.with_lines(text))
}

/// Whether `text` may hold a YAML merge key (`<<: *anchor`).
fn has_merge_keys(text: &str) -> bool {
    text.contains("<<")
}

/// A YAML (or JSON) document as JSON, with its merge keys applied: specs
/// share parts with `<<: *anchor`, which YAML 1.1 defines and serde_yaml
/// leaves as a key called `<<` unless asked.
pub fn yaml_value(path: &Path, text: &str) -> Result<Value, Error> {
    let mut value = lenient_yaml::from_str(text).map_err(|e| yaml_error(path, &e))?;
    if has_merge_keys(text) {
        value.apply_merge().map_err(|e| Error::Parse {
            path: path.to_owned(),
            line: None,
            column: None,
            message: format!("a YAML merge key (`<<`) can't be applied: {e}"),
        })?;
    }
    let mut json = yaml_to_json(value);
    version_as_written(text, &mut json);
    Ok(json)
}

/// `info.version` written as a number (`version: 1.0`), which YAML and
/// JSON read as one, made the string it is written as: a version is a
/// string (OpenAPI 3.0 §4.8.1, Swagger 2.0 alike), and the number would
/// turn `1.10` into `1.1`. The text comes from the version's own line; a
/// version written inside a flow mapping gets the number's spelling.
fn version_as_written(text: &str, doc: &mut Value) {
    let Some(Value::Number(number)) = doc.pointer("/info/version") else {
        return;
    };
    let spelled = number.to_string();
    let written = crate::locate::deepest_lines(text, &["/info/version"])
        .first()
        .copied()
        .flatten()
        .filter(|&(_, depth)| depth == 2)
        .and_then(|(line, _)| text.lines().nth(line.checked_sub(1)?))
        .and_then(number_after_version_key)
        .unwrap_or(spelled);
    if let Some(version) = doc.pointer_mut("/info/version") {
        *version = Value::String(written);
    }
}

/// The number on a `version: 1.10` (or `"version": 1.10,`) line, as written.
fn number_after_version_key(line: &str) -> Option<String> {
    let rest = line.trim_start().trim_start_matches(['"', '\'']);
    let rest = rest.strip_prefix("version")?;
    let rest = rest.trim_start_matches(['"', '\'']).trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        .collect();
    number.parse::<f64>().is_ok().then_some(number)
}

fn yaml_error(path: &Path, e: &serde_yaml::Error) -> Error {
    Error::Parse {
        path: path.to_owned(),
        line: e.location().map(|l| l.line()),
        column: e.location().map(|l| l.column()),
        message: strip_location(&e.to_string()),
    }
}

/// A YAML value as JSON. Keys that are not strings (`200:` reads as a
/// number) become their text, as OpenAPI means them.
fn yaml_to_json(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn yaml_key(key: serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(s) => s,
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Null => "null".to_owned(),
        other => serde_yaml::to_string(&other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

/// Turns a JSON document into `openapiv3` types, as `serde_json::from_value`
/// would, with two differences. The path items and component schemas, the
/// bulk of a large spec, are turned one by one and spread over the cores:
/// openapiv3's flattened and untagged types otherwise copy the whole
/// document several times over. And a problem names the JSON pointer of
/// the item it is in; `path` is only used in errors.
pub fn from_json(path: &Path, mut doc: Value) -> Result<OpenAPI, Error> {
    crate::local_refs::move_pointed_nodes(&mut doc);
    let Value::Object(mut root) = doc else {
        return Err(Error::spec(
            path,
            vec![Diagnostic::new("", "the document is not a JSON object")],
        ));
    };
    // Take the bulk out, leaving empty maps in its place.
    let paths = take_entries(&mut root, "paths", |key| key.starts_with('/'));
    let schemas = match root.get_mut("components") {
        Some(Value::Object(components)) => take_entries(components, "schemas", |_| true),
        _ => Vec::new(),
    };
    // openapiv3 reads a schema with a keyword its type can't hold (an
    // integer bound beyond 64 bits, `required` on a string) as a schema of
    // any type, silently; see `schema_keywords`.
    for (key, value) in root.iter_mut() {
        if key != "paths" && !key.starts_with("x-") {
            schema_keywords::normalize(value);
        }
    }
    // A path key must start with `/` (OpenAPI 3.0 §4.7.8); openapiv3
    // drops any other key silently, and its operations with it.
    let mut errors = Vec::new();
    if let Some(Value::Object(left)) = root.get("paths") {
        for key in left.keys().filter(|k| !k.starts_with("x-")) {
            errors.push(Diagnostic::new(
                format!("/paths/{}", pointer_escape(key)),
                format!(
                    "the path `{key}` does not start with `/`: a path key is the path after \
                     the server URL, starting with `/` (OpenAPI 3.0 §4.7.8)"
                ),
            ));
        }
    }
    // Kept to say where, should the rest fail to read.
    let rest = root.clone();
    let mut spec: OpenAPI = serde_json::from_value(Value::Object(root)).map_err(|e| {
        // A component other than a schema, or a top-level entry, may be
        // what is wrong.
        let mut inner = crate::pinpoint::top_level(&rest);
        if let Some(components) = rest.get("components") {
            inner.extend(crate::pinpoint::components(components, "/components"));
        }
        let diagnostics = if inner.is_empty() {
            vec![Diagnostic::new(
                "",
                format!("not an OpenAPI 3.0 document: {e}"),
            )]
        } else {
            inner
        };
        Error::spec(path, diagnostics)
    })?;

    spec.paths.paths =
        deserialize_entries(paths, "/paths", crate::pinpoint::path_item, &mut errors);
    if let Some(components) = &mut spec.components {
        components.schemas = deserialize_entries(
            schemas,
            "/components/schemas",
            crate::pinpoint::schema,
            &mut errors,
        );
    }
    if errors.is_empty() {
        Ok(spec)
    } else {
        Err(Error::spec(path, errors))
    }
}

/// Removes the entries of `parent[key]` whose names pass `take`, in order.
fn take_entries(
    parent: &mut Map<String, Value>,
    key: &str,
    take: impl Fn(&str) -> bool,
) -> Vec<(String, Value)> {
    let Some(Value::Object(map)) = parent.get_mut(key) else {
        return Vec::new();
    };
    let (taken, kept): (Vec<_>, Vec<_>) = std::mem::take(map)
        .into_iter()
        .partition(|(name, _)| take(name));
    *map = kept.into_iter().collect();
    taken
}

/// Deserializes each entry on its own, on every core, keeping the order;
/// an entry that fails is reported at each deepest failing node `pinpoint`
/// finds in it, else at `prefix/name`. Each worker also frees the JSON it turned.
fn deserialize_entries<T: DeserializeOwned + Send>(
    entries: Vec<(String, Value)>,
    prefix: &str,
    pinpoint: fn(&Value, &str) -> Vec<Diagnostic>,
    errors: &mut Vec<Diagnostic>,
) -> IndexMap<String, T> {
    let results = crate::parallel::parallel_map_owned(entries, |(name, mut value)| {
        schema_keywords::normalize(&mut value);
        let result = T::deserialize(&value).map_err(|e| {
            let pointer = format!("{prefix}/{}", pointer_escape(&name));
            let found = pinpoint(&value, &pointer);
            if found.is_empty() {
                vec![Diagnostic::new(
                    pointer,
                    format!("not a valid OpenAPI 3.0 entry: {e}"),
                )]
            } else {
                found
            }
        });
        (name, result)
    });
    let mut out = IndexMap::with_capacity(results.len());
    for (name, result) in results {
        match result {
            Ok(item) => {
                out.insert(name, item);
            }
            Err(diagnostics) => errors.extend(diagnostics),
        }
    }
    out
}

/// serde_yaml appends " at line L column C" to its messages; the error type
/// shows the location in `file:line:col` form already.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_written_as_a_number_is_read_as_written() {
        let paths = "paths: {}\n";
        for (info, expected) in [
            ("info:\n  title: t\n  version: 1.10\n", "1.10"),
            ("info:\n  title: t\n  version: 2 # major\n", "2"),
            ("info: {title: t, version: 1.0}\n", "1.0"),
            ("info:\n  title: t\n  version: '1.10'\n", "1.10"),
        ] {
            let text = format!("openapi: 3.0.3\n{info}{paths}");
            let spec = parse(Path::new("spec/v.yaml"), &text).unwrap();
            assert_eq!(spec.info.version, expected, "{info}");
        }
        let json = r#"{"openapi": "3.0.3", "info": {"title": "t",
            "version": 3.50}, "paths": {}}"#;
        assert_eq!(
            parse(Path::new("spec/v.json"), json).unwrap().info.version,
            "3.50"
        );
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = parse(Path::new("spec/bad.yaml"), "openapi: 3.0.3\ninfo: [\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("spec/bad.yaml:"), "{text}");
        assert!(matches!(err, Error::Parse { line: Some(_), .. }), "{text}");
    }

    #[test]
    fn a_bad_path_item_or_schema_in_json_is_reported_at_its_pointer() {
        let doc = serde_json::json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/ok": {"get": {"responses": {"200": {"description": "ok"}}}},
                "/a/{b}": {"get": {"responses": 7}},
                "x-note": "kept"
            },
            "components": {"schemas": {
                "Fine": {"type": "string"},
                "Bad": {"type": "object", "properties": []}
            }}
        });
        let err = from_json(Path::new("spec/x.json"), doc).unwrap_err();
        let Error::Spec { diagnostics, .. } = &err else {
            panic!("{err}");
        };
        let pointers: Vec<&str> = diagnostics.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/paths/~1a~1{b}/get/responses",
                "/components/schemas/Bad/properties"
            ],
            "{err}"
        );
    }

    #[test]
    fn a_path_key_without_a_slash_is_refused_at_its_pointer() {
        let doc = serde_json::json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/ok": {"get": {"responses": {"200": {"description": "ok"}}}},
                "items/{id}": {"get": {"responses": {"200": {"description": "ok"}}}},
                "x-note": "kept"
            }
        });
        let err = from_json(Path::new("x.json"), doc).unwrap_err();
        let Error::Spec { diagnostics, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(diagnostics.len(), 1, "{err}");
        assert_eq!(diagnostics[0].pointer, "/paths/items~1{id}");
        assert!(
            diagnostics[0].message.contains("does not start with `/`"),
            "{err}"
        );
    }

    #[test]
    fn json_read_in_pieces_keeps_order_and_extensions() {
        let doc = serde_json::json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/z": {"get": {"responses": {"200": {"description": "ok"}}}},
                "/a": {"get": {"responses": {"200": {"description": "ok"}}}},
                "x-note": "kept"
            },
            "components": {"schemas": {"Z": {"type": "string"}, "A": {"type": "integer"}}}
        });
        let whole: OpenAPI = serde_json::from_value(doc.clone()).unwrap();
        let pieces = from_json(Path::new("x.json"), doc).unwrap();
        assert_eq!(pieces, whole);
        let paths: Vec<&str> = pieces.paths.paths.keys().map(String::as_str).collect();
        assert_eq!(paths, ["/z", "/a"]);
        assert_eq!(pieces.paths.extensions["x-note"], "kept");
    }

    #[test]
    fn a_bad_yaml_schema_property_is_named_by_pointer_and_line() {
        let text = "openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties:
        name:
          type: string
        tags:
          type: array
          items:
            - type: string
";
        let err = parse(Path::new("spec/pets.yaml"), text).unwrap_err();
        let Error::Spec { diagnostics, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(diagnostics.len(), 1, "{err}");
        assert_eq!(
            diagnostics[0].pointer,
            "/components/schemas/Pet/properties/tags/items"
        );
        assert_eq!(diagnostics[0].line, Some(13), "{err}");
    }

    #[test]
    fn a_bad_component_parameter_is_named_by_pointer() {
        let text = "openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  parameters:
    limit:
      name: limit
      in: query
      schema:
        type: integer
        required: [7]
";
        let err = parse(Path::new("spec/p.yaml"), text).unwrap_err();
        let Error::Spec { diagnostics, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(
            diagnostics[0].pointer, "/components/parameters/limit/schema",
            "{err}"
        );
    }

    #[test]
    fn documents_that_are_not_openapi_are_rejected_with_the_reason() {
        let err = parse(Path::new("x.json"), r#"{"openapi": "3.0.3"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
    }
}
