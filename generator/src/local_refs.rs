//! `$ref`s to any node of the document (RFC 6901 JSON pointers), not only
//! to `#/components/<kind>/<name>`: bundlers (swagger-cli, redocly) write
//! `#/components/schemas/Foo/properties/bar` or
//! `#/paths/~1pets/get/responses/200/content/application~1json/schema`.
//!
//! Before the document becomes `openapiv3` types, each node that such a
//! reference points to moves into `components` under a name derived from
//! where it was (`Foo/properties/bar` → `FooBar`, the name the inline
//! schema would have had), and its old place becomes a `$ref` to it. The
//! place and every reference to it then share one component and so one
//! Rust type, and cycles through such references are boxed like any other.
//! Chains of references are followed to their end.
//!
//! A reference that can't be followed (it points to nothing, to a node of
//! another kind, into a cycle, or into another document) is left as it is
//! and its reason recorded under [`UNRESOLVED_KEY`], for the stage that
//! meets it to report with the pointer of the `$ref`.

use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::pointer_escape;
use crate::naming::{rust_name, Kind as NameKind};

/// Root extension: a reference that can't be followed → why.
pub const UNRESOLVED_KEY: &str = "x-codegen-unresolved-refs";
/// Root extension: the pointer of a moved node → the pointer it had in
/// the spec, so that diagnostics name the line the user wrote.
pub const MOVED_KEY: &str = "x-codegen-moved";

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What a node of an OpenAPI 3.0 document is, by where it sits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Node {
    Root,
    Paths,
    PathItem,
    Operation,
    ParameterList,
    Parameter,
    RequestBody,
    Responses,
    Response,
    HeaderMap,
    Header,
    Content,
    MediaType,
    Callbacks,
    Callback,
    Components,
    ComponentMap(Target),
    Schema,
    Properties,
    SchemaList,
    /// Data, docs, extensions: nothing in it is a reference.
    Other,
}

/// A kind of node that a `$ref` can name.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
enum Target {
    Schema,
    Parameter,
    RequestBody,
    Response,
    Header,
    PathItem,
}

impl Target {
    fn component_key(self) -> Option<&'static str> {
        match self {
            Target::Schema => Some("schemas"),
            Target::Parameter => Some("parameters"),
            Target::RequestBody => Some("requestBodies"),
            Target::Response => Some("responses"),
            Target::Header => Some("headers"),
            Target::PathItem => None,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Target::Schema => "a schema",
            Target::Parameter => "a parameter",
            Target::RequestBody => "a request body",
            Target::Response => "a response",
            Target::Header => "a header",
            Target::PathItem => "a path item",
        }
    }
}

impl Node {
    fn target(self) -> Option<Target> {
        match self {
            Node::Schema => Some(Target::Schema),
            Node::Parameter => Some(Target::Parameter),
            Node::RequestBody => Some(Target::RequestBody),
            Node::Response => Some(Target::Response),
            Node::Header => Some(Target::Header),
            Node::PathItem => Some(Target::PathItem),
            _ => None,
        }
    }

    /// What the child under `token` is.
    fn child(self, token: &str) -> Node {
        match (self, token) {
            (Node::Root, "paths") => Node::Paths,
            (Node::Root, "components") => Node::Components,
            (Node::Paths, t) if t.starts_with('/') => Node::PathItem,
            (Node::PathItem, "parameters") | (Node::Operation, "parameters") => Node::ParameterList,
            (Node::PathItem, m) if HTTP_METHODS.contains(&m) => Node::Operation,
            (Node::ParameterList, _) => Node::Parameter,
            (Node::Operation, "requestBody") => Node::RequestBody,
            (Node::Operation, "responses") => Node::Responses,
            (Node::Operation, "callbacks") => Node::Callbacks,
            (Node::Callbacks, _) => Node::Callback,
            (Node::Callback, t) if !t.starts_with("x-") => Node::PathItem,
            (Node::Responses, t) if !t.starts_with("x-") => Node::Response,
            (Node::Response, "headers") | (Node::MediaType, "headers") => Node::HeaderMap,
            (Node::HeaderMap, _) => Node::Header,
            (Node::Response, "content")
            | (Node::RequestBody, "content")
            | (Node::Parameter, "content")
            | (Node::Header, "content") => Node::Content,
            (Node::Content, _) => Node::MediaType,
            (Node::MediaType, "schema")
            | (Node::Parameter, "schema")
            | (Node::Header, "schema") => Node::Schema,
            (Node::Components, "schemas") => Node::ComponentMap(Target::Schema),
            (Node::Components, "parameters") => Node::ComponentMap(Target::Parameter),
            (Node::Components, "requestBodies") => Node::ComponentMap(Target::RequestBody),
            (Node::Components, "responses") => Node::ComponentMap(Target::Response),
            (Node::Components, "headers") => Node::ComponentMap(Target::Header),
            (Node::ComponentMap(t), _) => match t {
                Target::Schema => Node::Schema,
                Target::Parameter => Node::Parameter,
                Target::RequestBody => Node::RequestBody,
                Target::Response => Node::Response,
                Target::Header => Node::Header,
                Target::PathItem => Node::PathItem,
            },
            (Node::Schema, "properties") => Node::Properties,
            (Node::Schema, "items" | "additionalProperties" | "not") => Node::Schema,
            (Node::Schema, "allOf" | "oneOf" | "anyOf") => Node::SchemaList,
            (Node::Properties, _) | (Node::SchemaList, _) => Node::Schema,
            _ => Node::Other,
        }
    }
}

fn classify(tokens: &[String]) -> Node {
    tokens.iter().fold(Node::Root, |node, t| node.child(t))
}

/// Decodes a `$ref`'s fragment into pointer tokens: `None` when the
/// reference is not into this document.
fn tokens_of(reference: &str) -> Option<Vec<String>> {
    let fragment = reference.strip_prefix('#')?;
    let decoded = percent_decode(fragment);
    if decoded.is_empty() {
        return Some(Vec::new());
    }
    let pointer = decoded.strip_prefix('/')?;
    Some(
        pointer
            .split('/')
            .map(crate::diagnostics::pointer_unescape)
            .collect(),
    )
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn pointer_of(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("/{}", pointer_escape(t)))
        .collect()
}

fn node_at<'v>(doc: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens.iter().try_fold(doc, |node, t| match node {
        Value::Object(map) => map.get(t),
        Value::Array(items) => t.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

fn node_at_mut<'v>(doc: &'v mut Value, tokens: &[String]) -> Option<&'v mut Value> {
    tokens.iter().try_fold(doc, |node, t| match node {
        Value::Object(map) => map.get_mut(t),
        Value::Array(items) => t.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// The string under `$ref` of a node, if it is a reference.
fn ref_of(node: &Value) -> Option<&str> {
    node.as_object()?.get("$ref")?.as_str()
}

/// Calls `visit` with every `$ref` that sits where a node of some kind
/// can: the pointer tokens of the node, what kind it must be, and the
/// reference, in document order. The tokens borrow from the document, so
/// a walk that only reads references allocates for array indices alone.
fn collect<'a, F>(value: &'a Value, node: Node, tokens: &mut Vec<Cow<'a, str>>, visit: &mut F)
where
    F: FnMut(&[Cow<'a, str>], Target, &'a str),
{
    if let (Some(target), Some(reference)) = (node.target(), ref_of(value)) {
        visit(tokens, target, reference);
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                let next = node.child(key);
                if next == Node::Other {
                    continue;
                }
                tokens.push(Cow::Borrowed(key));
                collect(child, next, tokens, visit);
                tokens.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let index = i.to_string();
                let next = node.child(&index);
                if next == Node::Other {
                    continue;
                }
                tokens.push(Cow::Owned(index));
                collect(child, next, tokens, visit);
                tokens.pop();
            }
        }
        _ => {}
    }
}

/// Where a reference leads: the tokens of the node at the end of its chain.
///
/// `found` keeps, for each reference followed before to its end, the
/// tokens it ended at: a chain of aliases (`C → B → A`) is walked once,
/// not once per alias in it.
fn follow(
    doc: &Value,
    reference: &str,
    kind: Target,
    found: &mut BTreeMap<(String, Target), Vec<String>>,
) -> Result<Vec<String>, String> {
    let mut seen: Vec<String> = Vec::new();
    let mut seen_set: BTreeSet<String> = BTreeSet::new();
    let mut current = reference.to_owned();
    let end = loop {
        if let Some(tokens) = found.get(&(current.clone(), kind)) {
            break tokens.clone();
        }
        if !seen_set.insert(current.clone()) {
            seen.push(current);
            return Err(format!(
                "is part of a cycle of references that never reaches a {}: {}",
                kind.noun()
                    .trim_start_matches("a ")
                    .trim_start_matches("an "),
                seen.join(" → ")
            ));
        }
        let Some(tokens) = tokens_of(&current) else {
            return Err(if !current.starts_with('#') {
                format!(
                    "points into another document (`{current}`); only references inside this \
                     document (`#/…`) are supported: bundle the spec into one file first"
                )
            } else {
                format!("`{current}` is not a JSON pointer (RFC 6901)")
            });
        };
        let Some(node) = node_at(doc, &tokens) else {
            let via = if seen.is_empty() {
                String::new()
            } else {
                format!(" (through {})", seen.join(" → "))
            };
            return Err(format!(
                "points to nothing: there is no node at `{}` in the spec{via}",
                pointer_of(&tokens)
            ));
        };
        seen.push(current.clone());
        match ref_of(node) {
            Some(next) => current = next.to_owned(),
            None => {
                let found = classify(&tokens).target();
                if found != Some(kind) {
                    let what = found.map_or(
                        "no schema, parameter, request body, response, header or path item",
                        Target::noun,
                    );
                    return Err(format!(
                        "points to `{}`, which is {what}; a reference here must name {}",
                        pointer_of(&tokens),
                        kind.noun()
                    ));
                }
                break tokens;
            }
        }
    };
    for reference in seen {
        found.insert((reference, kind), end.clone());
    }
    Ok(end)
}

/// The component name for a node moved from `tokens`: the names of what
/// holds it, joined (`Foo/properties/bar` → `FooBar`).
fn name_for(doc: &Value, tokens: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut node = Node::Root;
    for (i, t) in tokens.iter().enumerate() {
        let next = node.child(t);
        match (node, next) {
            (Node::Paths, Node::PathItem) => words.push(t.clone()),
            (Node::PathItem, Node::Operation) => {
                let id = node_at(doc, &tokens[..=i])
                    .and_then(|op| op.get("operationId"))
                    .and_then(Value::as_str);
                match id {
                    Some(id) => {
                        words.clear();
                        words.push(id.to_owned());
                    }
                    None => words.insert(0, t.clone()),
                }
            }
            (Node::ComponentMap(_), _) => words.push(t.clone()),
            (Node::ParameterList, _) => {
                let name = node_at(doc, &tokens[..=i])
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str);
                words.push(name.map_or_else(|| format!("parameter {t}"), str::to_owned));
            }
            (Node::Operation, Node::RequestBody) => words.push("body".into()),
            (Node::Responses, _) => words.push(format!("response {t}")),
            (Node::HeaderMap, _) | (Node::Properties, _) => words.push(t.clone()),
            (Node::SchemaList, _) => words.push(format!("variant {t}")),
            (Node::Schema, _) if t == "items" => words.push("item".into()),
            (Node::Schema, _) if t == "additionalProperties" => words.push("value".into()),
            _ => {}
        }
        node = next;
    }
    let name = rust_name(&words.join(" "), NameKind::Type);
    if name.is_empty() {
        "Moved".to_owned()
    } else {
        name
    }
}

/// Keywords that describe a property where it is used rather than its
/// type; they stay at the old place beside the reference.
const USE_SITE_KEYS: [&str; 6] = [
    "description",
    "readOnly",
    "writeOnly",
    "deprecated",
    "default",
    "nullable",
];

/// Moves every node that a `$ref` names by a pointer other than a
/// component's into `components`, and rewrites the references to it; see
/// the module docs. Does nothing to a document without such references.
pub fn move_pointed_nodes(doc: &mut Value) {
    // Each distinct reference once, in the order first met: the names
    // given to moved nodes follow it.
    let mut references: Vec<(String, Target)> = Vec::new();
    {
        let mut seen: BTreeSet<(&str, Target)> = BTreeSet::new();
        collect(
            doc,
            Node::Root,
            &mut Vec::new(),
            &mut |_, target, reference| {
                if seen.insert((reference, target)) {
                    references.push((reference.to_owned(), target));
                }
            },
        );
    }

    // What each reference becomes: a new string, or why it can't be.
    let mut outcome: BTreeMap<(String, Target), Result<String, String>> = BTreeMap::new();
    // Nodes to move: tokens → (kind, component name).
    let mut moves: BTreeMap<Vec<String>, (Target, String)> = BTreeMap::new();
    let mut taken: BTreeSet<(Target, String)> = BTreeSet::new();
    for (target, key) in [
        Target::Schema,
        Target::Parameter,
        Target::RequestBody,
        Target::Response,
        Target::Header,
    ]
    .iter()
    .filter_map(|t| Some((*t, t.component_key()?)))
    {
        if let Some(Value::Object(map)) = doc.get("components").and_then(|c| c.get(key)) {
            taken.extend(map.keys().map(|k| (target, k.clone())));
        }
    }
    let mut followed = BTreeMap::new();
    for (reference, kind) in &references {
        let key = (reference.clone(), *kind);
        // A component that is itself a `$ref` is an alias with a name of
        // its own (`Pets: {$ref: PetList}`): a reference to it stays, once
        // its chain is known to end at a node of the right kind.
        let names_component = tokens_of(reference).is_some_and(|own| {
            matches!(own.as_slice(), [c, k, _] if c == "components" && Some(k.as_str()) == kind.component_key())
        });
        let result = follow(doc, reference, *kind, &mut followed).and_then(|tokens| {
            if names_component {
                return Ok(reference.clone());
            }
            match (kind.component_key(), tokens.as_slice()) {
                (Some(key), [c, k, name]) if c == "components" && k == key => {
                    Ok(format!("#/components/{key}/{name}"))
                }
                (None, [p, path]) if p == "paths" => Ok(format!("#/paths/{}", pointer_escape(path))),
                (None, _) => Err(format!(
                    "points to `{}`; a path item `$ref` must point to a path (`#/paths/…`) of this spec",
                    pointer_of(&tokens)
                )),
                (Some(key), _) => {
                    let name = match moves.get(&tokens) {
                        Some((_, name)) => name.clone(),
                        None => {
                            let base = name_for(doc, &tokens);
                            let mut name = base.clone();
                            let mut n = 2;
                            while taken.contains(&(*kind, name.clone())) {
                                name = format!("{base}{n}");
                                n += 1;
                            }
                            taken.insert((*kind, name.clone()));
                            moves.insert(tokens, (*kind, name.clone()));
                            name
                        }
                    };
                    Ok(format!("#/components/{key}/{name}"))
                }
            }
        });
        outcome.insert(key, result);
    }

    let mut unresolved = Map::new();
    for (reference, kind) in &references {
        if let Some(Err(why)) = outcome.get(&(reference.clone(), *kind)) {
            unresolved.insert(reference.clone(), Value::String(why.clone()));
        }
    }
    // Most specs only reference components, which stay as they are; the
    // sites are looked for again only when some reference changes.
    let changes = |reference: &str, kind: Target| {
        outcome
            .get(&(reference.to_owned(), kind))
            .and_then(|o| o.as_ref().ok())
            .filter(|new| *new != reference)
            .cloned()
    };
    if references.iter().any(|(r, k)| changes(r, *k).is_some()) {
        let mut rewrites: Vec<(Vec<String>, String)> = Vec::new();
        collect(
            doc,
            Node::Root,
            &mut Vec::new(),
            &mut |tokens, kind, reference| {
                if let Some(new) = changes(reference, kind) {
                    rewrites.push((tokens.iter().map(|t| t.to_string()).collect(), new));
                }
            },
        );
        for (tokens, new) in rewrites {
            if let Some(Value::Object(map)) = node_at_mut(doc, &tokens) {
                map.insert("$ref".into(), Value::String(new));
            }
        }
    }

    // Deepest first: moving a node changes no pointer of a node that is
    // not inside it, and what is inside it has moved already.
    let mut ordered: Vec<(Vec<String>, (Target, String))> = moves.into_iter().collect();
    ordered.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut moved = Map::new();
    for (tokens, (kind, name)) in ordered {
        let Some(key) = kind.component_key() else {
            continue;
        };
        let reference = format!("#/components/{key}/{name}");
        let is_property = tokens.len() >= 2 && tokens[tokens.len() - 2] == "properties";
        let Some(slot) = node_at_mut(doc, &tokens) else {
            continue;
        };
        let mut left = Map::new();
        if is_property {
            if let Value::Object(map) = &*slot {
                for k in USE_SITE_KEYS {
                    if let Some(v) = map.get(k) {
                        left.insert(k.to_owned(), v.clone());
                    }
                }
            }
        }
        let stub = if left.is_empty() {
            json!({ "$ref": reference })
        } else {
            // `$ref` ignores its siblings in OpenAPI 3.0; a lone `allOf`
            // keeps the property's own docs and flags.
            left.insert("allOf".into(), json!([{ "$ref": reference }]));
            Value::Object(left)
        };
        let node = std::mem::replace(slot, stub);
        let Value::Object(root) = doc else { return };
        let components = root
            .entry("components")
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(components) = components else {
            continue;
        };
        let map = components
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(map) = map {
            map.insert(name.clone(), node);
            moved.insert(
                format!("/components/{key}/{name}"),
                Value::String(pointer_of(&tokens)),
            );
        }
    }
    if let Value::Object(root) = doc {
        if !unresolved.is_empty() {
            root.insert(UNRESOLVED_KEY.into(), Value::Object(unresolved));
        }
        if !moved.is_empty() {
            root.insert(MOVED_KEY.into(), Value::Object(moved));
        }
    }
}

/// Why `reference` points to nothing usable, as the end of a message that
/// starts with "`$ref: …` ".
pub fn why_unresolved(spec: &openapiv3::OpenAPI, reference: &str) -> String {
    spec.extensions
        .get(UNRESOLVED_KEY)
        .and_then(|m| m.get(reference))
        .and_then(Value::as_str)
        .map_or_else(
            || "points to nothing: no such component in the spec".to_owned(),
            str::to_owned,
        )
}

/// A diagnostic pointer inside a moved node, as the pointer the user
/// wrote; any other pointer as it is.
pub fn original_pointer(spec: &openapiv3::OpenAPI, pointer: &str) -> String {
    let Some(Value::Object(moved)) = spec.extensions.get(MOVED_KEY) else {
        return pointer.to_owned();
    };
    for (new, old) in moved {
        let Some(old) = old.as_str() else { continue };
        if let Some(rest) = pointer.strip_prefix(new.as_str()) {
            if rest.is_empty() || rest.starts_with('/') {
                return format!("{old}{rest}");
            }
        }
    }
    pointer.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_to_an_alias_component_keeps_the_alias() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"responses": {"200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pets"}}}
            }}}}},
            "components": {"schemas": {
                "Pets": {"$ref": "#/components/schemas/PetList"},
                "PetList": {"type": "array", "items": {"$ref": "#/components/schemas/Pet/properties/kind"}},
                "Pet": {"properties": {"kind": {"type": "string"}}}
            }}
        });
        move_pointed_nodes(&mut doc);
        let schema =
            &doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(schema["$ref"], "#/components/schemas/Pets");
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["Pets"]["$ref"], "#/components/schemas/PetList");
        // A reference into a node still moves it into a component.
        assert_eq!(
            schemas["PetList"]["items"]["$ref"],
            "#/components/schemas/PetKind"
        );
        assert_eq!(schemas["PetKind"]["type"], "string");
    }
}
