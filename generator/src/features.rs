//! Which cargo feature compiles each part of the generated crate.
//!
//! Every API group (tag) is a feature, so that a program pays in compile
//! time only for the groups it uses, as web-sys and windows-rs do per item.
//! A model compiles when any group whose operations reach it is enabled:
//! this module computes, for every type, the set of groups that reach it
//! through parameters, bodies, responses (errors included), fields, map
//! values, union alternatives and aliases.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{Api, ApiGroup, Features, Operation, TypeDef, TypeKind, TypeRef};

/// The feature of every group of `api`, and the features that gate each
/// of its types.
pub fn assign(api: &Api) -> Features {
    let mut taken = BTreeSet::new();
    let mut features = Features::default();
    for group in &api.groups {
        let feature = crate::naming::feature_name(&group.accessor, &mut taken);
        features.groups.insert(group.rust_name.clone(), feature);
    }
    let index = index_by_name(&api.types);
    for group in &api.groups {
        let feature = &features.groups[&group.rust_name];
        for i in reach(group, &api.types, &index) {
            features
                .types
                .entry(api.types[i].rust_name.clone())
                .or_default()
                .insert(feature.clone());
        }
    }
    // The runtime's error (`ApiError::body`) holds the error model in
    // every build: it and what it holds compile whatever the features,
    // even when some operation declares no such error.
    if let Some(model) = &api.error_model {
        let root = TypeRef::Named {
            name: model.type_name.clone(),
        };
        let every: BTreeSet<String> = features.groups.values().cloned().collect();
        for i in reach_from(vec![&root], &api.types, &index) {
            features
                .types
                .insert(api.types[i].rust_name.clone(), every.clone());
        }
    }
    // A schema no operation reaches (the base that subtypes copy with
    // `allOf`, say) may hold types that only some groups reach, so it
    // can't always compile; with `full` everything it holds does.
    for def in &api.types {
        features
            .types
            .entry(def.rust_name.clone())
            .or_insert_with(|| BTreeSet::from([FULL.to_owned()]));
    }
    features
}

/// The feature that turns every API group on.
pub const FULL: &str = "full";

/// The `#[cfg]` that compiles an item when any of `features` is on; none
/// when the item is always compiled, as every group reaches it.
pub fn cfg(api: &Api, features: &[&str]) -> Option<proc_macro2::TokenStream> {
    if features.is_empty() || features.len() == api.groups.len() {
        return None;
    }
    Some(match features {
        [one] => quote::quote!(#[cfg(feature = #one)]),
        many => quote::quote!(#[cfg(any(#(feature = #many),*))]),
    })
}

/// [`cfg`] as text, for files written as text (`models/mod.rs`):
/// `#[cfg(feature = "a")]`, or `#[cfg(any(…))]` with one feature a line
/// when there are several, indented by `indent`.
pub fn cfg_text(features: &[&str], indent: &str) -> String {
    match features {
        [one] => format!("{indent}#[cfg(feature = {one:?})]\n"),
        many => {
            let mut out = format!("{indent}#[cfg(any(\n");
            for feature in many {
                out.push_str(&format!("{indent}    feature = {feature:?},\n"));
            }
            out.push_str(&format!("{indent}))]\n"));
            out
        }
    }
}

/// The indices of every type that `group`'s operations reach.
fn reach(group: &ApiGroup, types: &[TypeDef], index: &BTreeMap<&str, usize>) -> BTreeSet<usize> {
    reach_from(
        group.operations.iter().flat_map(operation_types).collect(),
        types,
        index,
    )
}

/// The Rust names of the types that the operations of `groups` reach, and
/// of those that `also` names (types the runtime uses whatever the
/// operations) with everything they reach.
pub fn reached(groups: &[ApiGroup], also: &[TypeRef], types: &[TypeDef]) -> BTreeSet<String> {
    let index = index_by_name(types);
    let roots = groups
        .iter()
        .flat_map(|g| &g.operations)
        .flat_map(operation_types)
        .chain(also)
        .collect();
    reach_from(roots, types, &index)
        .into_iter()
        .map(|i| types[i].rust_name.clone())
        .collect()
}

/// The operations of `groups` that reach any of the types named `targets`,
/// in order.
pub fn operations_reaching<'g>(
    groups: &'g [ApiGroup],
    targets: &BTreeSet<String>,
    types: &[TypeDef],
) -> Vec<&'g Operation> {
    let index = index_by_name(types);
    groups
        .iter()
        .flat_map(|g| &g.operations)
        .filter(|op| {
            reach_from(operation_types(op), types, &index)
                .into_iter()
                .any(|i| targets.contains(&types[i].rust_name))
        })
        .collect()
}

/// Each type's position in `types`, by its Rust name (as `TypeRef::Named`
/// names it).
fn index_by_name(types: &[TypeDef]) -> BTreeMap<&str, usize> {
    types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.rust_name.as_str(), i))
        .collect()
}

fn reach_from<'a>(
    mut pending: Vec<&'a TypeRef>,
    types: &'a [TypeDef],
    index: &BTreeMap<&str, usize>,
) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    while let Some(ty) = pending.pop() {
        match ty {
            TypeRef::Named { name } => {
                let Some(&i) = index.get(name.as_str()) else {
                    continue;
                };
                if seen.insert(i) {
                    pending.extend(type_refs(&types[i]));
                }
            }
            TypeRef::Array { items, .. } => pending.push(items),
            TypeRef::Map { values } => pending.push(values),
            TypeRef::Nullable { inner } => pending.push(inner),
            TypeRef::String { .. }
            | TypeRef::DateTime
            | TypeRef::Date
            | TypeRef::I32
            | TypeRef::I64
            | TypeRef::U32
            | TypeRef::U64
            | TypeRef::F32
            | TypeRef::F64
            | TypeRef::Bool
            | TypeRef::Json
            | TypeRef::Bytes => {}
        }
    }
    seen
}

fn operation_types(op: &Operation) -> Vec<&TypeRef> {
    let mut out: Vec<&TypeRef> = op.parameters.iter().map(|p| &p.ty).collect();
    out.extend(op.body.iter().map(|b| &b.ty));
    out.extend(op.success.iter());
    out.extend(op.responses.iter().filter_map(|r| r.ty.as_ref()));
    if let Some(e) = &op.success_enum {
        out.extend(e.variants.iter().filter_map(|v| v.ty.as_ref()));
    }
    if let Some(p) = &op.paging {
        out.push(&p.item);
    }
    out
}

fn type_refs(def: &TypeDef) -> Vec<&TypeRef> {
    match &def.kind {
        TypeKind::Struct { fields, additional } => fields
            .iter()
            .map(|f| &f.ty)
            .chain(additional.iter().map(|a| &a.ty))
            .collect(),
        TypeKind::Enum { .. } => Vec::new(),
        TypeKind::Union { variants, .. } => variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias { target, .. } => vec![target],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load, select};

    fn api(yaml: &str) -> Api {
        let spec = load::parse(std::path::Path::new("t.yaml"), yaml).unwrap();
        let tags = vec!["a".to_owned(), "b".to_owned()];
        let (selection, problems) = select::select(&spec, &tags);
        assert!(problems.is_empty(), "{problems:?}");
        crate::lower::lower(&spec, &selection).unwrap()
    }

    #[test]
    fn a_type_is_gated_by_every_group_that_reaches_it_and_only_those() {
        let api = api("
openapi: 3.0.3
info: {title: t, version: '1'}
servers: [{url: 'https://x.test'}]
paths:
  /a:
    get:
      tags: [a]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}
        '404': {description: no, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
  /b:
    post:
      tags: [b]
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Leaf'}}}}
      responses:
        '204': {description: ok}
        '404': {description: no, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
components:
  schemas:
    Page:
      type: object
      properties:
        items: {type: object, additionalProperties: {$ref: '#/components/schemas/Leaf'}}
        maybe: {type: array, items: {$ref: '#/components/schemas/Maybe'}}
    Maybe: {type: object, nullable: true, properties: {name: {type: string}}}
    Leaf: {type: object, properties: {name: {type: string}}}
    Problem: {type: object, properties: {message: {type: string}}}
");
        let features = |name: &str| api.features.of_type(name).to_vec();
        assert_eq!(features("Page"), ["a"]);
        // Through array items that may be `null`.
        assert_eq!(features("Maybe"), ["a"]);
        assert_eq!(features("Leaf"), ["a", "b"]);
        assert_eq!(features("Problem"), ["a", "b"]);
        let groups: Vec<&str> = api
            .groups
            .iter()
            .map(|g| api.features.of_group(g))
            .collect();
        assert_eq!(groups, ["a", "b"]);
        let cfg = |name: &str| cfg(&api, &api.features.of_type(name)).map(|t| t.to_string());
        assert_eq!(cfg("Page").as_deref(), Some(r#"# [cfg (feature = "a")]"#));
        // Every group reaches it: always compiled.
        assert_eq!(cfg("Leaf"), None);
    }
}
