//! Spec import: owns turning the document Genesys publishes (Swagger 2.0,
//! every tag of the platform) into the OpenAPI 3.0.3 section kept in
//! `spec/`. An OpenAPI 3.0 input goes through the same tag selection.
//!
//! The work happens on `serde_json::Value` with key order preserved, so the
//! output follows the source's order and two runs give the same bytes.
//! Upstream's quirks never fail the run: each is repaired or kept, and
//! reported as a [`Warning`] with a JSON pointer into the source.

mod openapi3;
mod refs;
mod swagger2;

use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Error};
use refs::HTTP_METHODS;

/// A quirk of the source document that the import repaired or kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// JSON pointer into the source document.
    pub pointer: String,
    /// What kind of quirk.
    pub kind: WarningKind,
    /// What was found and what the import did about it.
    pub message: String,
}

/// The quirks the import knows how to handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    /// A query array whose items are objects, which no query string can
    /// carry: the items become strings.
    QueryArrayOfObjects,
    /// A default that is not one of the enum's values: kept as it is.
    DefaultNotInEnum,
    /// Enum values of another type than the schema's (`"true"` for a
    /// boolean): converted to the schema's type.
    EnumTypeMismatch,
    /// A path parameter whose name is not in the path: dropped.
    PathParameterNotInPath,
    /// A response without the required description: an empty one is added.
    ResponseWithoutDescription,
    /// A `$ref` with sibling keys, which OpenAPI 3.0 ignores: the reference
    /// moves into `allOf` so the siblings (a description) still apply.
    RefWithSiblings,
    /// A `collectionFormat` that OpenAPI 3.0 cannot express (`tsv`, or
    /// anything but `csv` on a header or path parameter).
    UnsupportedCollectionFormat,
    /// A form field array whose `collectionFormat` isn't `multi`: the
    /// client sends one field per item.
    FormArrayCollectionFormat,
    /// A `$ref` that is a bare name (`Product`), the Swagger 1.2 shorthand
    /// that Swagger 2.0 tools still read by where it sits: as
    /// `#/definitions/Product` in a schema, `#/parameters/…` in a
    /// parameter list, `#/responses/…` among responses.
    BareNameRef,
    /// A second `in: body` parameter, or `formData` parameters beside a
    /// body, which Swagger 2.0 forbids (an operation has one body): the
    /// first body is kept and the rest dropped.
    ExtraBodyParameter,
}

impl WarningKind {
    /// Whether the repair changes what the client sends or can send (a
    /// parameter dropped, a list sent another way than the file says), as
    /// opposed to reading the file as Swagger 2.0 tools do: codegen shows
    /// each of these, and only counts the others.
    pub fn changes_requests(self) -> bool {
        matches!(
            self,
            WarningKind::QueryArrayOfObjects
                | WarningKind::PathParameterNotInPath
                | WarningKind::UnsupportedCollectionFormat
                | WarningKind::FormArrayCollectionFormat
                | WarningKind::ExtraBodyParameter
        )
    }

    /// A short title for grouped output.
    pub fn title(self) -> &'static str {
        match self {
            WarningKind::QueryArrayOfObjects => "query array items are objects; sent as strings",
            WarningKind::DefaultNotInEnum => "default is not one of the enum values; kept",
            WarningKind::EnumTypeMismatch => "enum values do not match the type; converted",
            WarningKind::PathParameterNotInPath => "path parameter is not in the path; dropped",
            WarningKind::ResponseWithoutDescription => {
                "response has no description; an empty one is added"
            }
            WarningKind::RefWithSiblings => "`$ref` has sibling keys; wrapped in `allOf`",
            WarningKind::UnsupportedCollectionFormat => {
                "collectionFormat has no OpenAPI 3.0 form; sent comma-separated"
            }
            WarningKind::FormArrayCollectionFormat => {
                "form field array's collectionFormat is not kept; one field per item"
            }
            WarningKind::BareNameRef => {
                "`$ref` is a bare name; read as a definition, parameter or response by where it sits"
            }
            WarningKind::ExtraBodyParameter => {
                "a second body, or form fields beside a body; the first body is kept"
            }
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}: {}", self.pointer, self.message)
    }
}

/// What an import produces.
#[derive(Debug)]
pub struct Imported {
    /// The OpenAPI 3.0.3 YAML, headed by a comment naming its source.
    pub yaml: String,
    /// Every quirk found, in document order.
    pub warnings: Vec<Warning>,
    /// Operations kept.
    pub operations: usize,
    /// Schemas kept.
    pub schemas: usize,
}

/// Imports `text` (Swagger 2.0 or OpenAPI 3.0, JSON or YAML), keeping the
/// operations tagged with one of `tags` (every operation when empty).
/// `path` is only used in errors; `source_name` goes into the header
/// comment, so it should carry no machine-specific path.
pub fn import_document(
    path: &Path,
    source_name: &str,
    text: &str,
    tags: &[String],
) -> Result<Imported, Error> {
    let doc = parse(path, text)?;
    import_value(path, source_name, &doc, tags).map_err(|e| e.with_lines(text))
}

/// [`import_document`] for a document already parsed, so that one parse
/// can serve several selections.
pub fn import_value(
    path: &Path,
    source_name: &str,
    doc: &Value,
    tags: &[String],
) -> Result<Imported, Error> {
    let (mut converted, warnings) = convert(path, doc, tags)?;
    if let Some(root) = converted.as_object_mut() {
        root.shift_remove(SOURCE_KEY);
    }

    let operations = converted["paths"]
        .as_object()
        .map_or(0, |paths| paths.values().map(count_operations).sum());
    let schemas = converted["components"]["schemas"]
        .as_object()
        .map_or(0, |s| s.len());
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
    Ok(Imported {
        yaml: format!(
            "# Converted by `cargo xtask spec import` from {source_name} ({tag_note}).\n# Do not edit: change the upstream file and import it again.\n{yaml}"
        ),
        warnings,
        operations,
        schemas,
    })
}

/// The conversion alone, as a JSON value: for callers that go on to read it
/// as `openapiv3` types, without writing and parsing YAML in between.
pub fn convert(path: &Path, doc: &Value, tags: &[String]) -> Result<(Value, Vec<Warning>), Error> {
    let unknown = unknown_tags(doc, tags);
    if !unknown.is_empty() {
        return Err(Error::spec(path, unknown));
    }
    let mut warnings = Vec::new();
    let mut sources = serde_json::Map::new();
    let mut converted = match version(doc).map_err(|d| Error::spec(path, vec![d]))? {
        Version::Swagger2 => swagger2::convert(doc, tags, &mut warnings, &mut sources),
        Version::OpenApi3 => openapi3::select(doc, tags),
    }
    .map_err(|d| Error::spec(path, d))?;
    if let (false, Some(root)) = (sources.is_empty(), converted.as_object_mut()) {
        root.insert(SOURCE_KEY.into(), Value::Object(sources));
    }
    Ok((converted, warnings))
}

/// Root extension of a converted Swagger 2.0 document: the pointer of each
/// node the conversion moved → the pointer it has in the Swagger file, for
/// [`source_pointer`]. Only in memory: `spec import` leaves it out.
pub const SOURCE_KEY: &str = "x-codegen-swagger-source";

/// A diagnostic's pointer into a converted Swagger 2.0 document, with the
/// node the conversion moved (a parameter whose index changed, a body, a
/// form field) at its place in the Swagger file; any other pointer as it
/// is, for [`locate_in_swagger`] to carry over by the conversion's fixed
/// rules. The deepest moved node holding the pointer wins.
pub fn source_pointer(spec: &openapiv3::OpenAPI, pointer: &str) -> String {
    let Some(Value::Object(sources)) = spec.extensions.get(SOURCE_KEY) else {
        return pointer.to_owned();
    };
    let mut end = pointer.len();
    loop {
        if let Some(Value::String(from)) = sources.get(&pointer[..end]) {
            return format!("{from}{}", &pointer[end..]);
        }
        match pointer[..end].rfind('/') {
            Some(slash) => end = slash,
            None => return pointer.to_owned(),
        }
    }
}

/// Points each diagnostic of a converted Swagger 2.0 document back into the
/// Swagger `text` the user wrote, with its line: lowering sees the OpenAPI
/// 3.0 form (`/components/schemas/Pet`, `…/content/application~1json/schema`,
/// a parameter's `schema`, `/components/securitySchemes/auth/flows`), which
/// the Swagger file doesn't have (`/definitions/Pet`, `…/schema`, the
/// parameter itself, `/securityDefinitions/auth/flow`). Nodes the
/// conversion moved were already pointed back by [`source_pointer`]; this
/// applies the fixed rules. Errors and warnings go through it alike.
///
/// A pointer whose Swagger counterpart isn't spelled out in the text
/// becomes its deepest ancestor that is (the parameter, the definition, the
/// operation), so that what is shown always exists in the file the user
/// has; one with no Swagger ancestor at all is kept as it is, for
/// [`crate::locate::add_lines`]. All pointers are found in one pass.
pub fn locate_in_swagger(text: &str, diagnostics: &mut [Diagnostic]) {
    let wanted: Vec<(usize, Vec<String>)> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.line.is_none())
        .map(|(i, d)| (i, swagger_pointers(&d.pointer)))
        .collect();
    let all: Vec<&str> = wanted
        .iter()
        .flat_map(|(_, candidates)| candidates.iter().map(String::as_str))
        .collect();
    if all.is_empty() {
        return;
    }
    let found = crate::locate::deepest_lines(text, &all);
    let mut found = found.into_iter();
    for (i, candidates) in wanted {
        let found: Vec<(&String, (usize, usize))> = candidates
            .iter()
            .zip(found.by_ref())
            .filter_map(|(p, f)| Some((p, f?)))
            .collect();
        let depth = |p: &str| p.split('/').skip(1).count();
        // The first candidate spelled out to its end, else the deepest
        // ancestor any of them has (the holding entry, the last candidate,
        // is only an ancestor).
        let last = candidates.last();
        let exact = found
            .iter()
            .find(|(p, (_, at))| *at == depth(p) && Some(*p) != last);
        let deepest = || found.iter().rev().max_by_key(|(_, (_, at))| *at);
        if let Some((pointer, (line, at))) = exact.or_else(deepest) {
            let kept: Vec<&str> = pointer.split('/').take(at + 1).collect();
            diagnostics[i].pointer = kept.join("/");
            diagnostics[i].line = Some(*line);
        }
    }
}

/// Where an OpenAPI 3.0 pointer of the conversion may come from in the
/// Swagger 2.0 document, most specific first, by the rules the conversion
/// follows everywhere; the last is the Swagger entry that holds it
/// (`/definitions/Pet`), for when nothing deeper is spelled out.
fn swagger_pointers(pointer: &str) -> Vec<String> {
    let mut base = pointer.to_owned();
    for (from, to) in [
        ("/components/schemas/", "/definitions/"),
        ("/components/parameters/", "/parameters/"),
        ("/components/requestBodies/", "/parameters/"),
        ("/components/responses/", "/responses/"),
        ("/components/securitySchemes/", "/securityDefinitions/"),
    ] {
        if let Some(rest) = pointer.strip_prefix(from) {
            base = format!("{to}{rest}");
        }
    }
    let from_body_component = pointer.starts_with("/components/requestBodies/");
    let tokens: Vec<&str> = base.split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        // A response's or body's media type map: Swagger has one `schema`.
        let in_response = i >= 2 && tokens[i - 2] == "responses";
        let in_body = (i >= 1 && tokens[i - 1] == "requestBody") || (from_body_component && i == 3);
        if (in_response || in_body)
            && tokens[i] == "content"
            && tokens.get(i + 2) == Some(&"schema")
        {
            i += 2;
            continue;
        }
        // An OAuth 2.0 scheme's one flow: Swagger names it in `flow` and
        // keeps its URLs and scopes on the scheme itself.
        if i == 3 && tokens[1] == "securityDefinitions" {
            match (tokens[i], tokens.get(i + 1)) {
                ("flows", None) => {
                    out.push("flow");
                    break;
                }
                ("flows", Some(_)) => {
                    i += 2;
                    continue;
                }
                ("scheme", None) => {
                    out.push("type");
                    break;
                }
                _ => {}
            }
        }
        out.push(tokens[i]);
        i += 1;
    }
    let joined = out.join("/");
    let mut candidates = vec![joined.clone()];
    // A parameter or response header other than the body carries its type
    // itself.
    if let Some(at) = joined.find("/schema") {
        let before = &joined[..at];
        let is_parameter = before
            .rsplit('/')
            .nth(1)
            .is_some_and(|parent| parent == "parameters" || parent == "headers");
        if is_parameter {
            candidates.push(format!("{before}{}", &joined[at + "/schema".len()..]));
        }
    }
    // The server is the document's `host` and `basePath`.
    if joined == "/servers" || joined.starts_with("/servers/") {
        candidates.extend(["/host".to_owned(), "/basePath".to_owned()]);
    }
    // Always last (see `locate_in_swagger`), even when it is also the first.
    let entry: Vec<&str> = joined.split('/').take(3).collect();
    candidates.push(entry.join("/"));
    candidates
}

/// Whether `doc` is a Swagger 2.0 document (rather than OpenAPI 3.0).
pub fn is_swagger2(doc: &Value) -> bool {
    doc.get("swagger").is_some()
}

fn count_operations(item: &Value) -> usize {
    item.as_object().map_or(0, |m| {
        m.keys()
            .filter(|k| refs::HTTP_METHODS.contains(&k.as_str()))
            .count()
    })
}

/// JSON when it looks like JSON (fast, and exact for the multi-megabyte
/// upstream file), YAML otherwise.
pub fn parse(path: &Path, text: &str) -> Result<Value, Error> {
    let looks_like_json = text.trim_start().starts_with('{');
    if looks_like_json {
        return serde_json::from_str(text).map_err(|e| Error::Parse {
            path: path.to_owned(),
            line: Some(e.line()),
            column: Some(e.column()),
            message: format!("not valid JSON: {e}"),
        });
    }
    crate::load::yaml_value(path, text).map_err(|e| match e {
        Error::Parse {
            path,
            line,
            column,
            message,
        } => Error::Parse {
            path,
            line,
            column,
            message: format!("neither JSON nor valid YAML: {message}"),
        },
        other => other,
    })
}

enum Version {
    Swagger2,
    OpenApi3,
}

/// Refuses, at `/openapi` or `/swagger`, a document that is neither Swagger
/// 2.0 nor OpenAPI 3.0.x: an OpenAPI 3.1 document reads as 3.0 in part,
/// and would otherwise fail on its 3.1 constructs one by one, or generate
/// with them silently misread.
pub fn check_version(path: &Path, doc: &Value) -> Result<(), Error> {
    version(doc)
        .map(|_| ())
        .map_err(|d| Error::spec(path, vec![d]))
}

fn version(doc: &Value) -> Result<Version, Diagnostic> {
    let Some(root) = doc.as_object() else {
        return Err(Diagnostic::new(
            "",
            "the document is not an object: expected a Swagger 2.0 or OpenAPI 3.0 document",
        ));
    };
    if let Some(v) = root.get("swagger") {
        return match v.as_str() {
            Some("2.0") => Ok(Version::Swagger2),
            _ => Err(Diagnostic::new(
                "/swagger",
                format!("`swagger: {v}` is not supported; expected \"2.0\""),
            )),
        };
    }
    if let Some(v) = root.get("swaggerVersion") {
        return Err(Diagnostic::new(
            "/swaggerVersion",
            format!(
                "this is a Swagger {} document; only Swagger 2.0 and OpenAPI 3.0 can be imported",
                v.as_str().unwrap_or("1.x")
            ),
        ));
    }
    if let Some(v) = root.get("openapi") {
        return match v.as_str() {
            Some(s) if s == "3.0" || s.starts_with("3.0.") => Ok(Version::OpenApi3),
            _ => Err(Diagnostic::new(
                "/openapi",
                format!("`openapi: {v}` is not supported; expected 3.0.x"),
            )),
        };
    }
    Err(Diagnostic::new(
        "",
        "neither `swagger: \"2.0\"` nor `openapi: 3.0.x` found: this is not a Swagger or OpenAPI document",
    ))
}

/// Whether an operation carries one of `wanted` (any operation, when empty).
fn has_tag(op: &Value, wanted: &[String]) -> bool {
    wanted.is_empty()
        || op
            .get("tags")
            .and_then(Value::as_array)
            .is_some_and(|t| t.iter().any(|t| wanted.iter().any(|w| t == w.as_str())))
}

/// One diagnostic for each of `wanted` that no operation carries, naming
/// the tags that some operation does: asked for a tag that isn't there,
/// the import would otherwise write a spec with no operations.
fn unknown_tags(doc: &Value, wanted: &[String]) -> Vec<Diagnostic> {
    let mut carried: BTreeSet<&str> = BTreeSet::new();
    for item in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|paths| paths.values())
    {
        for (_, op) in item
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(key, _)| HTTP_METHODS.contains(&key.as_str()))
        {
            carried.extend(
                op.get("tags")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str),
            );
        }
    }
    let declared = |tag: &str| {
        doc.get("tags")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|t| t.get("name").and_then(Value::as_str) == Some(tag))
    };
    let known: Vec<&str> = carried.iter().copied().collect();
    wanted
        .iter()
        .filter(|tag| !carried.contains(tag.as_str()))
        .map(|tag| crate::select::unknown_tag(tag, declared(tag), &known))
        .collect()
}

/// The top-level `tags` entries of the selected tags.
fn kept_tags(all: &Value, wanted: &[String]) -> Value {
    Value::Array(
        all.as_array()
            .into_iter()
            .flatten()
            .filter(|t| {
                wanted.is_empty()
                    || t.get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| wanted.iter().any(|w| w == n))
            })
            .cloned()
            .collect(),
    )
}

#[cfg(test)]
mod tests;
