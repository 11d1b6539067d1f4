//! Polymorphic bases: a component object schema with a `discriminator`
//! whose subtypes extend it with `allOf` (see [`crate::polymorphism`]).
//!
//! Where the base is used, a value may be any subtype, so the base's name
//! is a tagged union of the subtypes, decoded as the unions of `oneOf` with
//! a discriminator are: the tag chooses the variant, an unknown one keeps
//! the JSON in `Other`. The subtypes stay structs holding every property,
//! the discriminator's too, as they are merged from the base's *schema*
//! (never from its type, which would be the union again: a cycle). The
//! base's own fields become a struct of their own (`EventBase`) only when
//! a value can be the base itself: the mapping names it, or it is a
//! subtype of another base.
//!
//! Each subtype's discriminator field is marked with its tag, which `new`
//! fills in: a `Click` built by hand and sent as an `Event` carries
//! `"kind":"click"`, once, from its own field. A shape this can't hold is
//! generated as before, with a warning naming the schema and why.

use openapiv3::{ReferenceOr, Schema};
use std::collections::{BTreeMap, BTreeSet};

use super::{Lowerer, MergedObject};
use crate::diagnostics::{pointer_escape, Diagnostic};
use crate::ir::{TypeDef, TypeKind, TypeRef, UnionVariant};
use crate::naming::{rust_name, Kind, Namer};
use crate::polymorphism::Problem;

/// A base generated as a tagged union.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// The discriminator's property.
    property: String,
    /// Its variants: (schema name, tags, whether the mapping names it).
    /// The base itself is among them when a value can be the base alone.
    variants: Vec<(String, Vec<String>, bool)>,
}

impl Lowerer<'_> {
    /// Decides which selected bases become unions, and of what: run once
    /// every selected schema has its Rust name, before any is lowered, as
    /// the subtypes (`Click` before `Event`) must know whether to be
    /// structs of their own.
    pub(super) fn plan_polymorphism(&mut self, selected: &BTreeSet<String>) {
        let spec = self.spec;
        let hierarchy = crate::polymorphism::hierarchy(spec);
        let Some(schemas) = spec.components.as_ref().map(|c| &c.schemas) else {
            return;
        };
        for (&name, base) in &hierarchy {
            if !selected.contains(name) {
                continue;
            }
            let property = base.property;
            let at = format!("/components/schemas/{}/discriminator", pointer_escape(name));
            let others: Vec<String> = base
                .subtypes
                .iter()
                .filter(|s| s.name != name)
                .map(|s| format!("`{}`", s.name))
                .collect();
            let union = base.is_union(name);
            for (key, target) in &base.unresolved {
                let outcome = match union {
                    true => format!("data whose `{property}` is `{key}` is kept as JSON"),
                    false => "it is ignored".to_owned(),
                };
                self.warnings.push(Diagnostic::new(
                    format!("{at}/mapping/{}", pointer_escape(key)),
                    format!("`{target}` names no component schema of this spec; {outcome}"),
                ));
            }
            // A discriminator with nothing to tell apart: the plain struct
            // it always was.
            if others.is_empty() {
                continue;
            }
            let plain = |why: String| {
                Diagnostic::new(
                    at.clone(),
                    format!(
                        "`{name}` is generated as a plain struct, without the fields of its \
                         subtypes ({}): {why}",
                        others.join(", ")
                    ),
                )
            };
            let why = match base.problem {
                Some(Problem::NotObject | Problem::Alias) => Some(
                    "it is not an object schema whose properties its subtypes extend".to_owned(),
                ),
                Some(Problem::NoProperty) => Some(format!(
                    "its discriminator `{property}` is not one of its properties, so a subtype \
                     sent as `{name}` wouldn't say which it is"
                )),
                Some(Problem::NotString) => Some(format!(
                    "its discriminator `{property}` is not a string, and the discriminator's \
                     values (the mapping's keys, the schemas' names) are strings"
                )),
                None => None,
            };
            if let Some(why) = why {
                self.warnings.push(plain(why));
                continue;
            }
            if !union {
                let why = format!(
                    "none of them is an object with a string property `{property}` to tell it \
                     apart"
                );
                self.warnings.push(plain(why));
                continue;
            }
            let mut variants = Vec::new();
            for subtype in &base.subtypes {
                let tags: Vec<String> = subtype.tags.iter().map(|t| format!("`{t}`")).collect();
                // Where the spec makes it a subtype: its mapping entry, or
                // the schema whose `allOf` names the base.
                let sub_at = match (subtype.explicit, subtype.tags.first()) {
                    (true, Some(key)) => format!("{at}/mapping/{}", pointer_escape(key)),
                    _ => format!("/components/schemas/{}", pointer_escape(subtype.name)),
                };
                let why = match subtype.problem {
                    Some(Problem::NotObject) => Some("it is not an object schema".to_owned()),
                    Some(Problem::Alias) => Some(
                        "it is another name (a `$ref`) for a schema, not an object schema of its \
                         own"
                        .to_owned(),
                    ),
                    Some(Problem::NoProperty) => Some(format!("it has no property `{property}`")),
                    Some(Problem::NotString) => {
                        Some(format!("its property `{property}` is not a string"))
                    }
                    None if subtype.name == name => None,
                    // What `select` judged from the spec, the merge confirms:
                    // a part it can't merge (reported where the schema is
                    // lowered) leaves the subtype out.
                    None => match schemas.get(subtype.name) {
                        Some(ReferenceOr::Item(sub)) if selected.contains(subtype.name) => {
                            match self.object_of(sub, subtype.name) {
                                Some(_) => None,
                                None => Some("its `allOf` can't be merged".to_owned()),
                            }
                        }
                        _ => continue,
                    },
                };
                if let Some(why) = why {
                    self.warnings.push(Diagnostic::new(
                        sub_at,
                        format!(
                            "`{}` is left out of the union `{name}`: {why}; data whose \
                             `{property}` is {} is kept as JSON",
                            subtype.name,
                            tags.join(" or ")
                        ),
                    ));
                    continue;
                }
                if let Some(why) =
                    super::implicit_tags::never_selected(property, &subtype.pinned, &subtype.tags)
                {
                    self.warnings.push(Diagnostic::new(
                        sub_at.clone(),
                        format!(
                            "no data can select `{}` in the union `{name}`: {why}",
                            subtype.name
                        ),
                    ));
                }
                variants.push((
                    subtype.name.to_owned(),
                    subtype.tags.clone(),
                    subtype.explicit,
                ));
            }
            let Some(ReferenceOr::Item(schema)) = schemas.get(name) else {
                continue;
            };
            if variants.iter().all(|(n, ..)| n == name) {
                let why = "none of them can be merged".to_owned();
                self.warnings.push(plain(why));
                continue;
            }
            if self.object_of(schema, name).is_none() {
                self.warnings
                    .push(plain("its `allOf` can't be merged".to_owned()));
                continue;
            }
            self.polymorphic.insert(
                name.to_owned(),
                Plan {
                    property: property.to_owned(),
                    variants,
                },
            );
        }
        // A base that is a subtype of another base (`Dog` of `Pet`, both
        // with a discriminator on `petType`) is a value of its own there,
        // so it is one in its own union too, under the same tags.
        let mut own: Vec<(String, Vec<String>)> = Vec::new();
        for (name, plan) in &self.polymorphic {
            if plan.variants.iter().any(|(n, ..)| n == name) {
                continue;
            }
            let tags = self.polymorphic.iter().find_map(|(other, p)| {
                (other != name && p.property == plan.property)
                    .then(|| p.variants.iter().find(|(n, ..)| n == name))
                    .flatten()
                    .map(|(_, tags, _)| tags.clone())
            });
            if let Some(tags) = tags {
                own.push((name.clone(), tags));
            }
        }
        for (name, tags) in own {
            if let Some(plan) = self.polymorphic.get_mut(&name) {
                plan.variants.insert(0, (name, tags, false));
            }
        }
        // The structs of bases that are values of their own; claimed after
        // every component schema's name, so they never take one.
        let bases: Vec<String> = self.polymorphic.keys().cloned().collect();
        for name in bases {
            let listed = self
                .polymorphic
                .values()
                .any(|p| p.variants.iter().any(|(n, ..)| *n == name));
            if let (true, Some(rust)) = (listed, self.schema_names.get(&name)) {
                let own = self.type_namer.claim(format!("{rust}Base"));
                self.own_structs.insert(name, own);
            }
        }
        let forced: Vec<String> = self
            .polymorphic
            .iter()
            .flat_map(|(name, plan)| {
                std::iter::once(name.clone()).chain(plan.variants.iter().map(|(n, ..)| n.clone()))
            })
            .collect();
        self.forced_objects.extend(forced);
    }

    /// The properties a base or subtype has as a struct, or `None` when it
    /// is none. Whatever its merge would report is reported again when
    /// the schema is lowered (as a union's variant or not), so it is not
    /// kept here: a schema this can't merge is simply no variant.
    fn object_of(&mut self, schema: &Schema, name: &str) -> Option<MergedObject> {
        let errors = self.errors.len();
        let pointer = format!("/components/schemas/{}", pointer_escape(name));
        let object = self.merged_object_forced(schema, &pointer);
        if self.errors.len() > errors {
            self.errors.truncate(errors);
            return None;
        }
        object
    }

    /// The union a polymorphic base's name stands for, and beside it the
    /// struct of its own fields when a value can be the base alone. `None`
    /// for any other schema.
    pub(super) fn polymorphic_base(
        &mut self,
        name: &str,
        def: &TypeDef,
    ) -> Option<(TypeKind, Option<TypeDef>)> {
        let plan = self.polymorphic.get(name)?;
        let TypeKind::Struct { .. } = &def.kind else {
            return None;
        };
        let mut namer = Namer::default();
        let variants: Vec<UnionVariant> = plan
            .variants
            .iter()
            .filter_map(|(schema, tags, _)| {
                let rust = self.schema_names.get(schema)?;
                let ty = self.own_structs.get(schema).unwrap_or(rust);
                Some(UnionVariant {
                    rust_name: namer.unique(rust, Kind::Variant),
                    ty: TypeRef::Named { name: ty.clone() },
                    tag: tags.first().cloned(),
                    more_tags: tags.iter().skip(1).cloned().collect(),
                    boxed: false,
                    required: Vec::new(),
                    fixed: Vec::new(),
                    properties: None,
                })
            })
            .collect();
        let own = self.own_structs.get(name).map(|own| {
            let tags: Vec<String> = plan
                .variants
                .iter()
                .filter(|(n, ..)| n == name)
                .flat_map(|(_, tags, _)| tags.iter().map(|t| format!("\"{t}\"")))
                .collect();
            // Plain words: the description is the spec's prose, escaped
            // as such when rendered.
            let note = format!(
                "The fields of {name} itself, for a value that is none of its subtypes: its \
                 \"{}\" is {}. The type {} holds any of them.",
                plan.property,
                tags.join(" or "),
                def.rust_name
            );
            TypeDef {
                rust_name: own.clone(),
                module: rust_name(own, Kind::Module),
                description: Some(match &def.description {
                    Some(d) => format!("{d}\n\n{note}"),
                    None => note,
                }),
                ..def.clone()
            }
        });
        let kind = TypeKind::Union {
            variants,
            discriminator: Some(plan.property.clone()),
            other_variant: namer.unique("Other", Kind::Variant),
        };
        Some((kind, own))
    }

    /// Marks each variant struct's discriminator field with its tag, once
    /// every type is lowered. A struct that is a variant of several bases
    /// takes the tag a mapping gives it before one implied by its name.
    pub(super) fn tag_polymorphic_fields(&mut self) {
        let plans: Vec<Plan> = self.polymorphic.values().cloned().collect();
        for explicit in [true, false] {
            for plan in &plans {
                for (schema, tags, named) in &plan.variants {
                    if *named != explicit {
                        continue;
                    }
                    let Some(tag) = tags.first() else { continue };
                    let ty = self
                        .own_structs
                        .get(schema)
                        .or_else(|| self.schema_names.get(schema))
                        .cloned();
                    let Some(&at) = ty.as_ref().and_then(|t| self.type_index.get(t)) else {
                        continue;
                    };
                    // A subtype that retypes the property (an integer)
                    // keeps taking it as an argument.
                    let found = match &self.types[at].kind {
                        TypeKind::Struct { fields, .. } => fields.iter().position(|f| {
                            f.wire_name == plan.property
                                && f.tag.is_none()
                                && self.holds_string(&f.ty, 0)
                        }),
                        _ => None,
                    };
                    if let (Some(i), TypeKind::Struct { fields, .. }) =
                        (found, &mut self.types[at].kind)
                    {
                        fields[i].tag = Some(tag.clone());
                    }
                }
            }
        }
    }

    /// Whether a value of `ty` is built from a `&str` (`String::from`, a
    /// string enum's `From<&str>`).
    fn holds_string(&self, ty: &TypeRef, depth: usize) -> bool {
        match ty {
            TypeRef::String { .. } => true,
            TypeRef::Named { name } if depth < 16 => match self.type_def(name).map(|d| &d.kind) {
                Some(TypeKind::Enum { integer: None, .. }) => true,
                Some(TypeKind::Alias { target, .. }) => self.holds_string(target, depth + 1),
                _ => false,
            },
            _ => false,
        }
    }
}

/// Polymorphic bases by schema name.
pub(super) type Plans = BTreeMap<String, Plan>;
