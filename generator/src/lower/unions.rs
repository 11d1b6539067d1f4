//! Untagged unions that decode to the right alternative: each object
//! alternative is chosen only when the data has its required properties and
//! its fixed values (one-value enums), the alternatives with more of them
//! are tried first, one that names every property of the data before one
//! that would skip some, and an alternative that an earlier one always
//! takes first is a warning.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::ir::{Field, TypeDef, TypeKind, TypeRef};

/// Fills in each untagged union's selection constraints, orders its object
/// alternatives most specific first, and warns of those no data can select.
pub(super) fn discriminate(types: &mut [TypeDef]) -> Vec<Diagnostic> {
    let index: BTreeMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.rust_name.clone(), i))
        .collect();
    let mut warnings = Vec::new();
    for u in 0..types.len() {
        let TypeKind::Union {
            variants,
            discriminator: None,
            ..
        } = &types[u].kind
        else {
            continue;
        };
        // (required, fixed, fields) of each alternative that is an object.
        let mut shapes: Vec<Option<Shape>> = variants
            .iter()
            .map(|v| {
                object_fields(types, &index, &v.ty)
                    .map(|(fields, closed)| shape(types, &index, fields, closed))
            })
            .collect();
        // With one object alternative there is no other to fit better.
        if shapes.iter().flatten().count() < 2 {
            for s in shapes.iter_mut().flatten() {
                s.closed = false;
            }
        }
        let mut order: Vec<usize> = (0..variants.len()).collect();
        // Objects are already ahead of other kinds; among them, the more a
        // variant demands of the data, the earlier it is tried.
        let object_slots: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| shapes[i].is_some())
            .collect();
        let mut sorted_objects = object_slots.clone();
        sorted_objects.sort_by_key(|&i| {
            shapes[i]
                .as_ref()
                .map_or(0, |s| usize::MAX - (s.required.len() + s.fixed.len()))
        });
        for (slot, i) in object_slots.iter().zip(sorted_objects) {
            order[*slot] = i;
        }
        let mut shadowed = Vec::new();
        for (pos, &j) in order.iter().enumerate() {
            let Some(later) = &shapes[j] else { continue };
            if let Some(&i) = order[..pos].iter().find(|&&i| {
                shapes[i]
                    .as_ref()
                    .is_some_and(|earlier| earlier.covers(later))
            }) {
                shadowed.push((i, j));
            }
        }
        let pointer = types[u].pointer.clone();
        let union_name = types[u].rust_name.clone();
        let TypeKind::Union { variants, .. } = &mut types[u].kind else {
            continue;
        };
        for (i, j) in shadowed {
            warnings.push(Diagnostic::new(
                pointer.clone(),
                format!(
                    "`{union_name}`: no data can select the alternative `{}`: whatever it \
                     accepts, `{}` (tried first) accepts too; give the union a \
                     `discriminator`, or the alternatives a required property or a \
                     one-value enum that sets them apart",
                    variants[j].rust_name, variants[i].rust_name
                ),
            ));
        }
        for (v, s) in variants.iter_mut().zip(&shapes) {
            if let Some(s) = s {
                v.required = s.required.clone();
                v.fixed = s.fixed.clone();
                v.properties = s.closed.then(|| s.fields.keys().cloned().collect());
            }
        }
        let mut taken: Vec<Option<crate::ir::UnionVariant>> =
            std::mem::take(variants).into_iter().map(Some).collect();
        *variants = order.iter().filter_map(|&i| taken[i].take()).collect();
    }
    warnings
}

struct Shape {
    required: Vec<String>,
    fixed: Vec<(String, String)>,
    /// wire name → type.
    fields: BTreeMap<String, TypeRef>,
    /// It takes no properties but `fields`, and the union has other
    /// object alternatives: data that has only its properties picks it
    /// before one that would skip some.
    closed: bool,
}

impl Shape {
    /// Whether every data `later` accepts is accepted by `self` too: it
    /// demands nothing `later` doesn't, and its fields have the same types;
    /// and when both are closed, data with a property `self` lacks would
    /// fit `later` better, so `self` must name all of `later`'s.
    fn covers(&self, later: &Shape) -> bool {
        self.required.iter().all(|r| later.required.contains(r))
            && self.fixed.iter().all(|f| later.fixed.contains(f))
            && self
                .fields
                .iter()
                .all(|(name, ty)| later.fields.get(name) == Some(ty))
            && !(self.closed
                && later.closed
                && later.fields.keys().any(|k| !self.fields.contains_key(k)))
    }
}

/// The fields of an object alternative, and whether it takes no other
/// properties (no map of additional ones).
fn object_fields<'t>(
    types: &'t [TypeDef],
    index: &BTreeMap<String, usize>,
    ty: &TypeRef,
) -> Option<(&'t [Field], bool)> {
    let mut ty = ty;
    for _ in 0..16 {
        let TypeRef::Named { name } = ty else {
            return None;
        };
        match &types[*index.get(name)?].kind {
            TypeKind::Alias { target, .. } => ty = target,
            TypeKind::Struct { fields, additional } => return Some((fields, additional.is_none())),
            _ => return None,
        }
    }
    None
}

fn shape(
    types: &[TypeDef],
    index: &BTreeMap<String, usize>,
    fields: &[Field],
    closed: bool,
) -> Shape {
    let mut required = Vec::new();
    let mut fixed = Vec::new();
    for f in fields.iter().filter(|f| f.required) {
        required.push(f.wire_name.clone());
        if let Some(value) = single_value(types, index, &f.ty) {
            fixed.push((f.wire_name.clone(), value));
        }
    }
    Shape {
        required,
        fixed,
        fields: fields
            .iter()
            .map(|f| (f.wire_name.clone(), f.ty.clone()))
            .collect(),
        closed,
    }
}

/// The one value a one-value enum allows, as JSON text.
fn single_value(
    types: &[TypeDef],
    index: &BTreeMap<String, usize>,
    ty: &TypeRef,
) -> Option<String> {
    let TypeRef::Named { name } = ty else {
        return None;
    };
    match &types[*index.get(name)?].kind {
        TypeKind::Enum {
            variants, integer, ..
        } if variants.len() == 1 => Some(match integer {
            Some(_) => variants[0].wire_value.clone(),
            None => serde_json::Value::String(variants[0].wire_value.clone()).to_string(),
        }),
        _ => None,
    }
}
