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
    let (converted, warnings) = convert(path, doc, tags)?;

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
    let converted = match version(doc).map_err(|d| Error::spec(path, vec![d]))? {
        Version::Swagger2 => swagger2::convert(doc, tags, &mut warnings),
        Version::OpenApi3 => openapi3::select(doc, tags),
    }
    .map_err(|d| Error::spec(path, d))?;
    Ok((converted, warnings))
}

/// Points each diagnostic of a converted Swagger 2.0 document back into the
/// Swagger `text` the user wrote, with its line: lowering sees the OpenAPI
/// 3.0 form (`/components/schemas/Pet`, `…/content/application~1json/schema`,
/// a parameter's `schema`), which the Swagger file doesn't have
/// (`/definitions/Pet`, `…/schema`, the parameter itself). A pointer with no
/// Swagger counterpart is kept as it is, for [`crate::locate::add_lines`]
/// to give the line of its nearest ancestor.
pub fn locate_in_swagger(text: &str, diagnostics: &mut [Diagnostic]) {
    // Every candidate of every diagnostic is looked up in one pass: the
    // text is a 12 MB file for today's platform, and a pass per candidate
    // cost more than the rest of the run's warnings together.
    let missing: Vec<usize> = (0..diagnostics.len())
        .filter(|&i| diagnostics[i].line.is_none())
        .collect();
    let mut owners = Vec::new();
    let mut candidates = Vec::new();
    for &i in &missing {
        for candidate in swagger_pointers(&diagnostics[i].pointer) {
            owners.push(i);
            candidates.push(Diagnostic::new(candidate, ""));
        }
    }
    crate::locate::add_exact_lines(text, &mut candidates);
    // Candidates come most specific first, so a diagnostic takes the first
    // of its own that the text spells out.
    let mut placed = vec![false; diagnostics.len()];
    for (owner, candidate) in owners.into_iter().zip(candidates) {
        if placed[owner] || candidate.line.is_none() {
            continue;
        }
        placed[owner] = true;
        diagnostics[owner].pointer = candidate.pointer;
        diagnostics[owner].line = candidate.line;
    }
}

/// Where an OpenAPI 3.0 pointer of the conversion may come from in the
/// Swagger 2.0 document, most specific first.
fn swagger_pointers(pointer: &str) -> Vec<String> {
    let mut base = pointer.to_owned();
    for (from, to) in [
        ("/components/schemas/", "/definitions/"),
        ("/components/parameters/", "/parameters/"),
        ("/components/responses/", "/responses/"),
    ] {
        if let Some(rest) = pointer.strip_prefix(from) {
            base = format!("{to}{rest}");
        }
    }
    // A response's (or body's) media type map: Swagger has one `schema`.
    let tokens: Vec<&str> = base.split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let in_response = i >= 2 && tokens[i - 2] == "responses";
        if in_response && tokens[i] == "content" && tokens.get(i + 2) == Some(&"schema") {
            i += 2;
            continue;
        }
        out.push(tokens[i]);
        i += 1;
    }
    let joined = out.join("/");
    let mut candidates = vec![joined.clone()];
    // A parameter other than the body carries its type itself.
    if let Some(at) = joined.find("/schema") {
        let before = &joined[..at];
        let is_parameter = before
            .rsplit('/')
            .nth(1)
            .is_some_and(|parent| parent == "parameters");
        if is_parameter {
            candidates.push(format!("{before}{}", &joined[at + "/schema".len()..]));
        }
    }
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
