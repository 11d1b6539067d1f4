//! Parameters: where each goes, how its value is laid out (`style`,
//! `explode`), and which types each layout can carry.

use openapiv3::{Parameter, PathStyle, QueryStyle};

use super::Lowerer;
use crate::diagnostics::Diagnostic;
use crate::ir::{Location, ParamStyle, TypeKind, TypeRef};

/// Where a parameter goes, its style, and whether it is exploded, with
/// OpenAPI 3.0's defaults (`explode` is true for `form` only).
pub(super) fn placement(p: &Parameter) -> (Location, ParamStyle, bool) {
    let (location, style) = match p {
        Parameter::Path { style, .. } => (
            Location::Path,
            match style {
                PathStyle::Simple => ParamStyle::Simple,
                PathStyle::Label => ParamStyle::Label,
                PathStyle::Matrix => ParamStyle::Matrix,
            },
        ),
        Parameter::Query { style, .. } => (
            Location::Query,
            match style {
                QueryStyle::Form => ParamStyle::Form,
                QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
                QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
                QueryStyle::DeepObject => ParamStyle::DeepObject,
            },
        ),
        Parameter::Header { .. } => (Location::Header, ParamStyle::Simple),
        Parameter::Cookie { .. } => (Location::Cookie, ParamStyle::Form),
    };
    let explode = p
        .parameter_data_ref()
        .explode
        .unwrap_or(style == ParamStyle::Form);
    (location, style, explode)
}

/// The shape of a parameter's value, as the styles see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ValueShape {
    /// One text: a string, number, boolean, date, enum or union of them.
    Scalar,
    /// An array of scalars.
    List,
    /// An object of scalars (or arrays of them): a struct or a map.
    Object,
}

impl Lowerer<'_> {
    /// Leaves out an optional parameter the client can't send, with a
    /// warning at `pointer` naming it and its `operation`: the operation
    /// stays callable without it, with or without `skip_unsupported`, as
    /// leaving out the operation would lose more. A required parameter
    /// can't be left out; the caller reports it as a problem instead.
    pub(super) fn leave_out_parameter(
        &mut self,
        pointer: String,
        operation: &str,
        name: &str,
        problem: &str,
    ) {
        self.warnings.push(Diagnostic::new(
            pointer,
            format!("{operation}: the optional parameter `{name}` is left out: {problem}"),
        ));
    }

    /// The component schemas `value` (a parameter's `content`) references,
    /// as types: it isn't lowered, but its schemas are.
    pub(super) fn referenced_types(&self, value: &impl serde::Serialize) -> Vec<TypeRef> {
        fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::String(r)) = map.get("$ref") {
                        out.push(r.clone());
                    }
                    map.values().for_each(|v| walk(v, out));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut references = Vec::new();
        if let Ok(value) = serde_json::to_value(value) {
            walk(&value, &mut references);
        }
        references
            .iter()
            .filter_map(|r| r.strip_prefix("#/components/schemas/"))
            .filter_map(|name| self.schema_names.get(name))
            .map(|name| TypeRef::Named { name: name.clone() })
            .collect()
    }

    /// Why a value of `ty` can't be sent in `style`, if it can't: nested
    /// arrays and binary data have no parameter form, `deepObject` is for
    /// objects, and the delimited styles for arrays and objects.
    pub(super) fn param_problem(&self, ty: &TypeRef, style: ParamStyle) -> Option<String> {
        let Some(shape) = self.value_shape(ty, 0) else {
            return Some(format!(
                "{} has no text form as a parameter; parameters carry strings, numbers, \
                 booleans, dates, enums, and arrays or objects of them",
                self.formless(ty, 0)
            ));
        };
        match (style, shape) {
            (ParamStyle::DeepObject, ValueShape::Scalar | ValueShape::List) => {
                Some("`style: deepObject` applies to objects only".to_owned())
            }
            _ => None,
        }
    }

    /// What `ty`, which [`Self::value_shape`] can't lay out, is, for the
    /// message that says so: `an array of objects`, `binary data`…
    fn formless(&self, ty: &TypeRef, depth: usize) -> &'static str {
        let generic = "a value with nested arrays or objects";
        if depth > 16 {
            return generic;
        }
        match ty {
            TypeRef::Bytes => "binary data",
            TypeRef::Nullable { inner } => self.formless(inner, depth + 1),
            TypeRef::Array { items, .. } => match self.value_shape(items, depth + 1) {
                Some(ValueShape::List) => "an array of arrays",
                Some(ValueShape::Object) => "an array of objects",
                _ => match self.formless(items, depth + 1) {
                    "binary data" => "an array of binary data",
                    _ if self.is_object(items, depth + 1) => "an array of objects",
                    _ => generic,
                },
            },
            TypeRef::Map { .. } => "an object with nested arrays or objects",
            TypeRef::Named { name } => match self.type_def(name).map(|d| &d.kind) {
                Some(TypeKind::Alias { target, .. }) => self.formless(target, depth + 1),
                Some(TypeKind::Struct { .. }) => "an object with nested arrays or objects",
                Some(TypeKind::Union { .. }) => {
                    "a union with an alternative that has nested arrays or objects"
                }
                _ => generic,
            },
            _ => generic,
        }
    }

    /// Whether `ty` is an object (a struct or a map), aliases followed.
    fn is_object(&self, ty: &TypeRef, depth: usize) -> bool {
        match ty {
            _ if depth > 16 => false,
            TypeRef::Map { .. } => true,
            TypeRef::Nullable { inner } => self.is_object(inner, depth + 1),
            TypeRef::Named { name } => match self.type_def(name).map(|d| &d.kind) {
                Some(TypeKind::Struct { .. }) => true,
                Some(TypeKind::Alias { target, .. }) => self.is_object(target, depth + 1),
                _ => false,
            },
            _ => false,
        }
    }

    /// The scalar type a named alias stands for (`Name` → `String`), or
    /// `ty` itself.
    pub(super) fn primitive_alias_target(&self, ty: TypeRef) -> TypeRef {
        let mut current = &ty;
        for _ in 0..16 {
            let TypeRef::Named { name } = current else {
                break;
            };
            match self.type_def(name).map(|t| &t.kind) {
                Some(TypeKind::Alias { target, .. }) => current = target,
                _ => break,
            }
        }
        match current {
            TypeRef::Named { .. } | TypeRef::Json => ty,
            target => target.clone(),
        }
    }

    /// The shape of `ty`, aliases followed; `None` when no style can lay
    /// it out.
    pub(super) fn value_shape(&self, ty: &TypeRef, depth: usize) -> Option<ValueShape> {
        // Aliases can't nest without bound, but a spec can be cyclic.
        if depth > 16 {
            return None;
        }
        match ty {
            TypeRef::Bytes => None,
            TypeRef::Nullable { inner } => self.value_shape(inner, depth + 1),
            TypeRef::Array { items, .. } => match self.value_shape(items, depth + 1)? {
                ValueShape::Scalar => Some(ValueShape::List),
                _ => None,
            },
            TypeRef::Map { values } => match self.value_shape(values, depth + 1)? {
                ValueShape::Scalar | ValueShape::List => Some(ValueShape::Object),
                ValueShape::Object => None,
            },
            TypeRef::Named { name } => {
                let def = self.type_def(name)?;
                match &def.kind {
                    TypeKind::Enum { .. } => Some(ValueShape::Scalar),
                    TypeKind::Alias { target, .. } => self.value_shape(target, depth + 1),
                    TypeKind::Struct { fields, additional } => {
                        let flat = fields
                            .iter()
                            .map(|f| &f.ty)
                            .chain(additional.as_ref().map(|a| &a.ty))
                            .all(|t| {
                                matches!(
                                    self.value_shape(t, depth + 1),
                                    Some(ValueShape::Scalar | ValueShape::List)
                                )
                            });
                        flat.then_some(ValueShape::Object)
                    }
                    // A union is sent as whichever alternative the value
                    // is (`oneOf: [string, array of strings]` is one
                    // text or a list), so it takes the widest shape of its
                    // alternatives.
                    TypeKind::Union { variants, .. } => {
                        let mut widest = ValueShape::Scalar;
                        for v in variants {
                            match self.value_shape(&v.ty, depth + 1)? {
                                ValueShape::Object => widest = ValueShape::Object,
                                ValueShape::List if widest == ValueShape::Scalar => {
                                    widest = ValueShape::List
                                }
                                _ => {}
                            }
                        }
                        Some(widest)
                    }
                }
            }
            _ => Some(ValueShape::Scalar),
        }
    }
}
