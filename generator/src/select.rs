//! Selection: the operations of the configured tags, and the transitive
//! closure of the component schemas they reference. Nothing outside the
//! selection reaches the IR.

use openapiv3::{OpenAPI, Operation, Parameter, PathItem, ReferenceOr};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{pointer_escape, Diagnostic};

/// One operation picked by its tag.
#[derive(Debug, Clone)]
pub struct SelectedOperation<'a> {
    /// The path template.
    pub path: &'a str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// The operation.
    pub operation: &'a Operation,
    /// Parameters declared on the path item, shared by its operations.
    pub path_parameters: &'a [ReferenceOr<Parameter>],
    /// The first configured tag the operation carries: its API group.
    pub group: &'a str,
    /// JSON pointer to the operation.
    pub pointer: String,
}

/// What the configured tags select.
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    /// In the spec's path order, then method order.
    pub operations: Vec<SelectedOperation<'a>>,
    /// Names of the component schemas the operations reach.
    pub schemas: BTreeSet<String>,
}

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// Selects the operations tagged with one of `tags` and every schema they
/// reach. A `$ref` to a schema that doesn't exist is reported at the place
/// that holds it; the selection is returned beside the problems, so that
/// later stages can report theirs too.
pub fn select<'a>(spec: &'a OpenAPI, tags: &'a [String]) -> (Selection<'a>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut operations = Vec::new();
    for (path, item) in &spec.paths.paths {
        let item_pointer = format!("/paths/{}", pointer_escape(path));
        let item: &PathItem = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { .. } => {
                errors.push(Diagnostic::new(
                    item_pointer,
                    "path items given by `$ref` are not supported; inline the path item",
                ));
                continue;
            }
        };
        for (method, operation) in item.iter() {
            let Some(group) = tags.iter().find(|t| operation.tags.contains(t)) else {
                continue;
            };
            operations.push(SelectedOperation {
                path,
                method: upper_method(method),
                operation,
                path_parameters: &item.parameters,
                group,
                pointer: format!("{item_pointer}/{method}"),
            });
        }
    }
    for tag in tags {
        // A tag whose operations all went to an earlier tag's group is
        // still a tag of the spec.
        let carried = operations
            .iter()
            .any(|o| o.operation.tags.iter().any(|t| t == tag));
        if !carried {
            let mut known: BTreeSet<&str> = BTreeSet::new();
            for item in spec.paths.paths.values() {
                if let ReferenceOr::Item(item) = item {
                    for (_, op) in item.iter() {
                        known.extend(op.tags.iter().map(String::as_str));
                    }
                }
            }
            let known: Vec<&str> = known.into_iter().collect();
            errors.push(Diagnostic::new(
                "/paths",
                format!(
                    "no operation carries the tag `{tag}`; the spec's tags are: {}",
                    known.join(", ")
                ),
            ));
        }
    }

    // Walk the JSON form of each operation: it reaches every `$ref` however
    // deeply it is nested, with the pointer of the node that holds it.
    let components = spec.components.as_ref();
    let mut schemas = BTreeSet::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    for op in &operations {
        let mut refs = Vec::new();
        let params_json = serde_json::to_value(op.path_parameters).unwrap_or(Value::Null);
        let item_pointer = op.pointer.rsplit_once('/').map_or("", |(p, _)| p);
        collect_refs(
            &params_json,
            &format!("{item_pointer}/parameters"),
            &mut refs,
        );
        let op_json = serde_json::to_value(op.operation).unwrap_or(Value::Null);
        collect_refs(&op_json, &op.pointer, &mut refs);
        for (reference, at) in refs {
            follow(spec, &reference, &at, &mut pending, &mut errors);
        }
    }
    while let Some((name, at)) = pending.pop() {
        if !schemas.insert(name.clone()) {
            continue;
        }
        let schema = components.and_then(|c| c.schemas.get(&name));
        match schema {
            Some(schema) => {
                let pointer = format!("/components/schemas/{}", pointer_escape(&name));
                let json = serde_json::to_value(schema).unwrap_or(Value::Null);
                let mut refs = Vec::new();
                collect_refs(&json, &pointer, &mut refs);
                for (reference, at) in refs {
                    follow(spec, &reference, &at, &mut pending, &mut errors);
                }
            }
            None => {
                schemas.remove(&name);
                errors.push(missing(&format!("{SCHEMA_PREFIX}{name}"), &at));
            }
        }
    }

    (
        Selection {
            operations,
            schemas,
        },
        errors,
    )
}

/// Queues the schema a `$ref` names; a reference to a shared parameter,
/// body or response is followed into that component.
fn follow(
    spec: &OpenAPI,
    reference: &str,
    at: &str,
    pending: &mut Vec<(String, String)>,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(name) = reference.strip_prefix(SCHEMA_PREFIX) {
        pending.push((name.to_owned(), at.to_owned()));
        return;
    }
    let components = spec.components.as_ref();
    let json = [
        ("#/components/parameters/", "parameters"),
        ("#/components/requestBodies/", "requestBodies"),
        ("#/components/responses/", "responses"),
    ]
    .iter()
    .find_map(|(prefix, kind)| Some((reference.strip_prefix(prefix)?, *kind)))
    .and_then(|(name, kind)| {
        let c = components?;
        let value = match kind {
            "parameters" => serde_json::to_value(c.parameters.get(name)?),
            "requestBodies" => serde_json::to_value(c.request_bodies.get(name)?),
            _ => serde_json::to_value(c.responses.get(name)?),
        };
        Some((
            value.ok()?,
            format!("/components/{kind}/{}", pointer_escape(name)),
        ))
    });
    match json {
        Some((json, pointer)) => {
            let mut refs = Vec::new();
            collect_refs(&json, &pointer, &mut refs);
            for (r, at) in refs {
                if r != reference {
                    follow(spec, &r, &at, pending, errors);
                }
            }
        }
        None => errors.push(missing(reference, at)),
    }
}

fn missing(reference: &str, at: &str) -> Diagnostic {
    Diagnostic::new(
        at,
        format!("`$ref: {reference}` points to nothing: no such component in the spec"),
    )
}

fn collect_refs(value: &Value, pointer: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push((r.clone(), pointer.to_owned()));
            }
            for (key, child) in map {
                collect_refs(child, &format!("{pointer}/{}", pointer_escape(key)), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_refs(child, &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn upper_method(method: &str) -> &'static str {
    match method {
        "get" => "GET",
        "put" => "PUT",
        "post" => "POST",
        "delete" => "DELETE",
        "options" => "OPTIONS",
        "head" => "HEAD",
        "patch" => "PATCH",
        _ => "TRACE",
    }
}

/// The operations of each group, keyed by tag.
pub fn by_group<'s, 'a>(
    selection: &'s Selection<'a>,
) -> BTreeMap<&'a str, Vec<&'s SelectedOperation<'a>>> {
    let mut groups: BTreeMap<&str, Vec<&SelectedOperation>> = BTreeMap::new();
    for op in &selection.operations {
        groups.entry(op.group).or_default().push(op);
    }
    groups
}
