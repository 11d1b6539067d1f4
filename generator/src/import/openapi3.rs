//! OpenAPI 3.0 input: no conversion, only the tag selection, so that a
//! section can be cut from an OpenAPI 3.0 platform spec the same way.

use serde_json::{Map, Value};
use std::collections::BTreeSet;

use super::refs::{component_refs, HTTP_METHODS};
use super::{has_tag, kept_tags};
use crate::diagnostics::{pointer_escape, Diagnostic};

/// The operations tagged with one of `tags` and the components they reach.
pub fn select(doc: &Value, tags: &[String]) -> Result<Value, Vec<Diagnostic>> {
    let Some(root) = doc.as_object() else {
        return Err(vec![Diagnostic::new("", "the document is not an object")]);
    };
    if tags.is_empty() {
        return Ok(doc.clone());
    }
    let mut paths = Map::new();
    for (path, item) in root
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let Some(item) = item.as_object() else {
            continue;
        };
        let mut kept = Map::new();
        let mut any = false;
        for (key, value) in item {
            if HTTP_METHODS.contains(&key.as_str()) {
                if has_tag(value, tags) {
                    kept.insert(key.clone(), value.clone());
                    any = true;
                }
            } else {
                kept.insert(key.clone(), value.clone());
            }
        }
        if any {
            paths.insert(path.clone(), Value::Object(kept));
        }
    }

    let components = root.get("components").and_then(Value::as_object);
    let mut reached: BTreeSet<(String, String)> = BTreeSet::new();
    let mut queue = Vec::new();
    let paths = Value::Object(paths);
    component_refs(&paths, &mut queue);
    let mut errors = Vec::new();
    while let Some((kind, name)) = queue.pop() {
        if reached.contains(&(kind.clone(), name.clone())) {
            continue;
        }
        match components
            .and_then(|c| c.get(&kind))
            .and_then(|k| k.get(&name))
        {
            Some(component) => {
                component_refs(component, &mut queue);
                reached.insert((kind, name));
            }
            None => errors.push(Diagnostic::new(
                format!("/components/{kind}/{}", pointer_escape(&name)),
                format!("`#/components/{kind}/{name}` is referenced but not defined"),
            )),
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        errors.dedup();
        return Err(errors);
    }

    let mut out = Map::new();
    for (key, value) in root {
        match key.as_str() {
            "paths" => {
                out.insert(key.clone(), paths.clone());
            }
            "tags" => {
                out.insert(key.clone(), kept_tags(value, tags));
            }
            "components" => {
                let mut kept = Map::new();
                for (kind, entries) in value.as_object().into_iter().flatten() {
                    // Security schemes are referenced by name, not `$ref`.
                    if kind == "securitySchemes" || kind.starts_with("x-") {
                        kept.insert(kind.clone(), entries.clone());
                        continue;
                    }
                    let entries: Map<String, Value> = entries
                        .as_object()
                        .into_iter()
                        .flatten()
                        .filter(|(name, _)| reached.contains(&(kind.clone(), (*name).clone())))
                        .map(|(n, v)| (n.clone(), v.clone()))
                        .collect();
                    if !entries.is_empty() {
                        kept.insert(kind.clone(), Value::Object(entries));
                    }
                }
                out.insert(key.clone(), Value::Object(kept));
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(Value::Object(out))
}
