//! Reading a spec file (YAML or JSON) into `openapiv3` types. Parse errors
//! keep the file name and the parser's line and column.

use indexmap::IndexMap;
use openapiv3::OpenAPI;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;

use crate::diagnostics::{pointer_escape, Diagnostic, Error};

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

/// Parses spec text; `path` is only used in errors.
pub fn parse(path: &Path, text: &str) -> Result<OpenAPI, Error> {
    // serde_yaml reads JSON too, and gives line and column for both.
    serde_yaml::from_str(text).map_err(|e| Error::Parse {
        path: path.to_owned(),
        line: e.location().map(|l| l.line()),
        column: e.location().map(|l| l.column()),
        message: strip_location(&e.to_string()),
    })
}

/// Turns a JSON document into `openapiv3` types, as `serde_json::from_value`
/// would, with two differences. The path items and component schemas, the
/// bulk of a large spec, are turned one by one and spread over the cores:
/// openapiv3's flattened and untagged types otherwise copy the whole
/// document several times over. And a problem names the JSON pointer of
/// the item it is in; `path` is only used in errors.
pub fn from_json(path: &Path, doc: Value) -> Result<OpenAPI, Error> {
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
    let mut spec: OpenAPI = serde_json::from_value(Value::Object(root)).map_err(|e| {
        Error::spec(
            path,
            vec![Diagnostic::new(
                "",
                format!("not an OpenAPI 3.0 document: {e}"),
            )],
        )
    })?;

    let mut errors = Vec::new();
    spec.paths.paths = deserialize_entries(paths, "/paths", &mut errors);
    if let Some(components) = &mut spec.components {
        components.schemas = deserialize_entries(schemas, "/components/schemas", &mut errors);
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
/// an entry that fails is reported at `prefix/name`. Each worker also
/// frees the JSON it turned.
fn deserialize_entries<T: DeserializeOwned + Send>(
    entries: Vec<(String, Value)>,
    prefix: &str,
    errors: &mut Vec<Diagnostic>,
) -> IndexMap<String, T> {
    let results = crate::parallel::parallel_map_owned(entries, |(name, value)| {
        let result = serde_json::from_value::<T>(value);
        (name, result)
    });
    let mut out = IndexMap::with_capacity(results.len());
    for (name, result) in results {
        match result {
            Ok(item) => {
                out.insert(name, item);
            }
            Err(e) => errors.push(Diagnostic::new(
                format!("{prefix}/{}", pointer_escape(&name)),
                format!("not a valid OpenAPI 3.0 entry: {e}"),
            )),
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
            ["/paths/~1a~1{b}", "/components/schemas/Bad"],
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
    fn documents_that_are_not_openapi_are_rejected_with_the_reason() {
        let err = parse(Path::new("x.json"), r#"{"openapi": "3.0.3"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
    }
}
