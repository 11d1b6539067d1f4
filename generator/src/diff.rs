//! What changed between two versions of an API, as users of the generated
//! crate see it: the release notes of a spec update. It compares two IRs
//! (what the crate exposes), not spec text, so a reordered or reformatted
//! spec shows no change, and every change names the Rust item it touches.
//!
//! Each change is *breaking* (a program that compiled and worked against the
//! old crate may not against the new one: a major release) or *additive*
//! (a minor release), following Cargo's SemVer reference
//! (<https://doc.rust-lang.org/cargo/reference/semver.html>) against the
//! shapes the generator gives each item:
//!
//! - Model structs are `#[non_exhaustive]`: code outside the crate builds
//!   them with `new(required fields…)` (or `Default`) and sets optional
//!   fields by assignment, never with a struct literal. Adding an optional
//!   property is therefore minor ("adding a public field to a
//!   `#[non_exhaustive]` struct"); adding a required one changes `new`'s
//!   signature and is major.
//! - Enums and unions are `#[non_exhaustive]` and keep unknown values:
//!   adding a value is minor, removing one is major.
//! - Required parameters are method arguments and optional ones builder
//!   methods: adding an optional parameter is minor; adding a required one,
//!   or moving one between the two, is major.
//!
//! The entry point is [`diff`].

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::ir::{Api, Field, Location, Operation, Parameter, TypeDef, TypeKind, TypeRef};

/// The rule the classification follows, for the output's preamble.
pub const SEMVER_RULE: &str = "Classified by Cargo's SemVer reference \
(https://doc.rust-lang.org/cargo/reference/semver.html). Generated model structs, enums and unions \
are `#[non_exhaustive]`: structs are built with `new(required fields…)` or `Default` and their \
optional fields set by assignment, so a new optional property or enum value is a minor change; \
required parameters are method arguments, optional ones builder methods. Error responses \
added or removed are listed as additive: any error status is an `Error::Api`.";

/// Whether a change needs a major release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// Code that built against the old crate may not build, or may behave
    /// differently: a major release.
    Breaking,
    /// Only new items: a minor release.
    Additive,
}

/// What kind of item changed; the order is the order of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// An API group (a tag's `…Api` struct).
    Group,
    /// An operation (a method of an `…Api` struct).
    Operation,
    /// A path, query or header parameter.
    Parameter,
    /// A request body.
    Body,
    /// What a call returns.
    Response,
    /// A model (struct, enum, union or alias).
    Model,
    /// A model's property.
    Property,
    /// An enum's value or a union's alternative.
    EnumValue,
}

/// One change, with the Rust item it touches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// Breaking or additive.
    pub impact: Impact,
    /// What kind of item.
    pub category: Category,
    /// The Rust item, as a path from the crate root
    /// (`models::OAuthClient::created_by`, `OAuthApi::get_oauth_client`).
    pub item: String,
    /// What happened to it, in a sentence without a final period.
    pub description: String,
}

/// Every change from one API to the other, breaking ones first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ApiDiff {
    /// `title version` of the old API.
    pub old: String,
    /// `title version` of the new API.
    pub new: String,
    /// The rule behind the classification ([`SEMVER_RULE`]).
    pub rule: &'static str,
    /// Changes that need a major release, ordered by category and item.
    pub breaking: Vec<Change>,
    /// Changes that need only a minor release, ordered likewise.
    pub additive: Vec<Change>,
}

/// Compares two IRs: operations matched by HTTP method and path,
/// parameters by location and wire name, models by Rust name (or, for a
/// renamed model, by schema name or identical shape), properties by JSON
/// name and enum values by wire value.
pub fn diff(old: &Api, new: &Api) -> ApiDiff {
    let mut d = Differ {
        renames: type_renames(old, new),
        changes: Vec::new(),
    };
    d.groups(old, new);
    d.operations(old, new);
    d.types(old, new);
    let mut changes = d.changes;
    changes.sort();
    changes.dedup();
    let (breaking, additive) = changes
        .into_iter()
        .partition(|c| c.impact == Impact::Breaking);
    ApiDiff {
        old: format!("{} {}", old.title, old.version),
        new: format!("{} {}", new.title, new.version),
        rule: SEMVER_RULE,
        breaking,
        additive,
    }
}

impl ApiDiff {
    /// Whether nothing a user of the crate sees changed.
    pub fn is_empty(&self) -> bool {
        self.breaking.is_empty() && self.additive.is_empty()
    }

    /// One line: how many changes of each impact, and of what, e.g.
    /// `2 breaking, 9 additive changes (operations: 7 added; models: 1 removed, …)`.
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "no change to the crate's API".to_owned();
        }
        let mut counts: BTreeMap<Category, BTreeMap<&'static str, usize>> = BTreeMap::new();
        for change in self.breaking.iter().chain(&self.additive) {
            *counts
                .entry(change.category)
                .or_default()
                .entry(verb(&change.description))
                .or_default() += 1;
        }
        let parts: Vec<String> = counts
            .iter()
            .map(|(category, verbs)| {
                let verbs: Vec<String> = verbs.iter().map(|(v, n)| format!("{n} {v}")).collect();
                format!("{}: {}", plural(*category), verbs.join(", "))
            })
            .collect();
        format!(
            "{} breaking, {} additive {} ({})",
            self.breaking.len(),
            self.additive.len(),
            if self.breaking.len() + self.additive.len() == 1 {
                "change"
            } else {
                "changes"
            },
            parts.join("; ")
        )
    }

    /// Release notes in Markdown: the rule, then the breaking and the
    /// additive changes, each a bullet naming its item.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# API changes: {} → {}\n\n", self.old, self.new);
        let _ = writeln!(out, "{}\n", self.summary());
        let _ = writeln!(out, "{}\n", self.rule);
        for (title, changes, release) in [
            ("Breaking", &self.breaking, "a major release"),
            ("Additive", &self.additive, "a minor release"),
        ] {
            let _ = writeln!(out, "## {title} ({})\n", changes.len());
            if changes.is_empty() {
                let _ = writeln!(out, "None.\n");
                continue;
            }
            let _ = writeln!(out, "Each of these needs {release} at least.\n");
            for c in changes {
                let _ = writeln!(out, "- `{}`: {}", c.item, c.description);
            }
            out.push('\n');
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

/// The first word of a description, which says what happened.
fn verb(description: &str) -> &'static str {
    const VERBS: [&str; 8] = [
        "added",
        "removed",
        "renamed",
        "retyped",
        "made required",
        "made optional",
        "changed",
        "deprecated",
    ];
    VERBS
        .into_iter()
        .find(|v| description.starts_with(v))
        .unwrap_or("changed")
}

fn plural(category: Category) -> &'static str {
    match category {
        Category::Group => "API groups",
        Category::Operation => "operations",
        Category::Parameter => "parameters",
        Category::Body => "request bodies",
        Category::Response => "responses",
        Category::Model => "models",
        Category::Property => "properties",
        Category::EnumValue => "enum values",
    }
}

/// Old Rust type name → new one, for models that were renamed: a model
/// that disappeared and one that appeared with the same schema name, or
/// else with the same shape (property names, or enum values), when exactly
/// one appeared model matches.
fn type_renames(old: &Api, new: &Api) -> BTreeMap<String, String> {
    let new_names: BTreeSet<&str> = new.types.iter().map(|t| t.rust_name.as_str()).collect();
    let old_names: BTreeSet<&str> = old.types.iter().map(|t| t.rust_name.as_str()).collect();
    let gone: Vec<&TypeDef> = old
        .types
        .iter()
        .filter(|t| !new_names.contains(t.rust_name.as_str()))
        .collect();
    let mut appeared: Vec<&TypeDef> = new
        .types
        .iter()
        .filter(|t| !old_names.contains(t.rust_name.as_str()))
        .collect();
    let mut renames = BTreeMap::new();
    for pass in [Match::SchemaName, Match::Shape] {
        for old_def in &gone {
            if renames.contains_key(&old_def.rust_name) {
                continue;
            }
            let candidates: Vec<usize> = appeared
                .iter()
                .enumerate()
                .filter(|(_, n)| pass.matches(old_def, n))
                .map(|(i, _)| i)
                .collect();
            if let [only] = candidates[..] {
                let new_def = appeared.remove(only);
                renames.insert(old_def.rust_name.clone(), new_def.rust_name.clone());
            }
        }
    }
    renames
}

#[derive(Clone, Copy)]
enum Match {
    SchemaName,
    Shape,
}

impl Match {
    fn matches(self, old: &TypeDef, new: &TypeDef) -> bool {
        match self {
            // Inline schemas are named after where they were found, which
            // is not an identity of their own.
            Match::SchemaName => !old.wire_name.contains('/') && old.wire_name == new.wire_name,
            Match::Shape => shape(old).is_some_and(|s| Some(s) == shape(new)),
        }
    }
}

/// What identifies a model's shape: its property names, or its values.
fn shape(def: &TypeDef) -> Option<(u8, BTreeSet<&str>)> {
    let (tag, names): (u8, BTreeSet<&str>) = match &def.kind {
        TypeKind::Struct { fields, .. } => {
            (0, fields.iter().map(|f| f.wire_name.as_str()).collect())
        }
        TypeKind::Enum { variants, .. } => {
            (1, variants.iter().map(|v| v.wire_value.as_str()).collect())
        }
        TypeKind::Union { .. } | TypeKind::Alias { .. } => return None,
    };
    (!names.is_empty()).then_some((tag, names))
}

struct Differ {
    renames: BTreeMap<String, String>,
    changes: Vec<Change>,
}

impl Differ {
    fn push(&mut self, impact: Impact, category: Category, item: String, description: String) {
        self.changes.push(Change {
            impact,
            category,
            item,
            description,
        });
    }

    /// Whether two type references are the same Rust type. A renamed model
    /// is another type to the code that names it, so it is not followed.
    fn same_type(&self, old: &TypeRef, new: &TypeRef) -> bool {
        match (old, new) {
            (TypeRef::Array { items: a, .. }, TypeRef::Array { items: b, .. }) => {
                self.same_type(a, b)
            }
            (TypeRef::Map { values: a }, TypeRef::Map { values: b }) => self.same_type(a, b),
            // A string's format only shows in docs; the Rust type is `String`.
            (TypeRef::String { .. }, TypeRef::String { .. }) => true,
            (a, b) => a == b,
        }
    }

    fn groups(&mut self, old: &Api, new: &Api) {
        let old_groups: BTreeMap<&str, &str> = old
            .groups
            .iter()
            .map(|g| (g.rust_name.as_str(), g.accessor.as_str()))
            .collect();
        let new_groups: BTreeMap<&str, &str> = new
            .groups
            .iter()
            .map(|g| (g.rust_name.as_str(), g.accessor.as_str()))
            .collect();
        for (name, accessor) in &new_groups {
            if !old_groups.contains_key(name) {
                self.push(
                    Impact::Additive,
                    Category::Group,
                    (*name).to_owned(),
                    format!("added, with the accessor `Client::{accessor}()`"),
                );
            }
        }
        for (name, accessor) in &old_groups {
            if !new_groups.contains_key(name) {
                self.push(
                    Impact::Breaking,
                    Category::Group,
                    (*name).to_owned(),
                    format!("removed, with the accessor `Client::{accessor}()`"),
                );
            }
        }
    }

    fn operations(&mut self, old: &Api, new: &Api) {
        let index = |api: &Api| -> BTreeMap<(String, String), (String, Operation)> {
            let mut ops = BTreeMap::new();
            for g in &api.groups {
                for op in &g.operations {
                    // An operation in several groups is one operation.
                    ops.entry((op.method.clone(), op.path.clone()))
                        .or_insert_with(|| (g.rust_name.clone(), op.clone()));
                }
            }
            ops
        };
        let old_ops = index(old);
        let new_ops = index(new);
        for (key, (group, op)) in &new_ops {
            let item = format!("{group}::{}", op.rust_name);
            match old_ops.get(key) {
                None => self.push(
                    Impact::Additive,
                    Category::Operation,
                    item,
                    format!("added: {} {}", op.method, op.path),
                ),
                Some((old_group, old_op)) => {
                    let old_item = format!("{old_group}::{}", old_op.rust_name);
                    if old_item != item {
                        self.push(
                            Impact::Breaking,
                            Category::Operation,
                            old_item,
                            format!("renamed to `{item}` ({} {})", op.method, op.path),
                        );
                    }
                    self.operation(&item, old_op, op);
                }
            }
        }
        for (key, (group, op)) in &old_ops {
            if !new_ops.contains_key(key) {
                self.push(
                    Impact::Breaking,
                    Category::Operation,
                    format!("{group}::{}", op.rust_name),
                    format!("removed: {} {}", op.method, op.path),
                );
            }
        }
    }

    fn operation(&mut self, item: &str, old: &Operation, new: &Operation) {
        if old.operation_id != new.operation_id && old.rust_name == new.rust_name {
            self.push(
                Impact::Additive,
                Category::Operation,
                item.to_owned(),
                format!(
                    "changed: the operationId is `{}`, was `{}`; the Rust method keeps its name",
                    new.operation_id, old.operation_id
                ),
            );
        }
        self.statuses(item, old, new);
        if new.docs.deprecated && !old.docs.deprecated {
            self.push(
                Impact::Additive,
                Category::Operation,
                item.to_owned(),
                "deprecated".to_owned(),
            );
        }
        let key = |p: &Parameter| (p.location, p.wire_name.clone());
        let old_params: BTreeMap<(Location, String), &Parameter> =
            old.parameters.iter().map(|p| (key(p), p)).collect();
        let new_params: BTreeMap<(Location, String), &Parameter> =
            new.parameters.iter().map(|p| (key(p), p)).collect();
        let param_item = |op: &Operation, p: &Parameter| {
            if p.required {
                format!("{item}({})", p.rust_name)
            } else {
                format!("{}::{}", op.builder_name, p.rust_name)
            }
        };
        for (k, p) in &new_params {
            let what = format!("{} parameter `{}`", p.location.as_str(), p.wire_name);
            match old_params.get(k) {
                None if p.required => self.push(
                    Impact::Breaking,
                    Category::Parameter,
                    param_item(new, p),
                    format!("added: required {what}, a new argument"),
                ),
                None => self.push(
                    Impact::Additive,
                    Category::Parameter,
                    param_item(new, p),
                    format!("added: optional {what}, a builder method"),
                ),
                Some(o) => {
                    if o.required != p.required {
                        let verb = if p.required {
                            "made required: it is now an argument of the method"
                        } else {
                            "made optional: it is now a builder method, not an argument"
                        };
                        self.push(
                            Impact::Breaking,
                            Category::Parameter,
                            param_item(old, o),
                            format!("{verb} ({what})"),
                        );
                    } else if o.rust_name != p.rust_name {
                        self.push(
                            Impact::Breaking,
                            Category::Parameter,
                            param_item(old, o),
                            format!("renamed to `{}` ({what})", p.rust_name),
                        );
                    }
                    if !self.same_type(&o.ty, &p.ty) {
                        self.push(
                            Impact::Breaking,
                            Category::Parameter,
                            param_item(new, p),
                            format!(
                                "retyped from `{}` to `{}` ({what})",
                                type_name(&o.ty),
                                type_name(&p.ty)
                            ),
                        );
                    }
                }
            }
        }
        for (k, p) in &old_params {
            if !new_params.contains_key(k) {
                self.push(
                    Impact::Breaking,
                    Category::Parameter,
                    param_item(old, p),
                    format!(
                        "removed: {} parameter `{}`",
                        p.location.as_str(),
                        p.wire_name
                    ),
                );
            }
        }
        self.body(item, old, new);
        self.response(item, old, new);
    }

    fn body(&mut self, item: &str, old: &Operation, new: &Operation) {
        let item = item.to_owned();
        match (&old.body, &new.body) {
            (None, None) => {}
            (None, Some(b)) => {
                let (impact, how) = if b.required {
                    (Impact::Breaking, "required, a new argument")
                } else {
                    (Impact::Additive, "optional, a builder method")
                };
                self.push(
                    impact,
                    Category::Body,
                    item,
                    format!("added: request body `{}`, {how}", type_name(&b.ty)),
                );
            }
            (Some(b), None) => self.push(
                Impact::Breaking,
                Category::Body,
                item,
                format!("removed: request body `{}`", type_name(&b.ty)),
            ),
            (Some(o), Some(n)) => {
                if !self.same_type(&o.ty, &n.ty) {
                    self.push(
                        Impact::Breaking,
                        Category::Body,
                        item.clone(),
                        format!(
                            "retyped: the request body is `{}`, was `{}`",
                            type_name(&n.ty),
                            type_name(&o.ty)
                        ),
                    );
                }
                if o.required != n.required {
                    let verb = if n.required {
                        "made required: the request body is now an argument"
                    } else {
                        "made optional: the request body is now a builder method"
                    };
                    self.push(Impact::Breaking, Category::Body, item, verb.to_owned());
                }
            }
        }
    }

    /// Error statuses only change which `Error::Api` a call may return, and
    /// 2xx ones are covered by the return type: listed, never breaking.
    fn statuses(&mut self, item: &str, old: &Operation, new: &Operation) {
        let statuses = |op: &Operation| -> BTreeMap<String, Option<String>> {
            op.responses
                .iter()
                .map(|r| (r.status.clone(), r.ty.as_ref().map(type_name)))
                .collect()
        };
        let (old_statuses, new_statuses) = (statuses(old), statuses(new));
        let body = |ty: &Option<String>| match ty {
            Some(ty) => format!(" (body `{ty}`)"),
            None => String::new(),
        };
        for (status, ty) in &new_statuses {
            if !old_statuses.contains_key(status) {
                self.push(
                    Impact::Additive,
                    Category::Response,
                    item.to_owned(),
                    format!("added: the `{status}` response{}", body(ty)),
                );
            }
        }
        for (status, ty) in &old_statuses {
            if !new_statuses.contains_key(status) {
                self.push(
                    Impact::Additive,
                    Category::Response,
                    item.to_owned(),
                    format!("removed: the `{status}` response{}", body(ty)),
                );
            }
        }
    }

    fn response(&mut self, item: &str, old: &Operation, new: &Operation) {
        let returns = |op: &Operation| match (&op.success_enum, &op.success) {
            (Some(e), _) => e.rust_name.clone(),
            (None, Some(ty)) => type_name(ty),
            (None, None) => "()".to_owned(),
        };
        let same = match (
            &old.success_enum,
            &new.success_enum,
            &old.success,
            &new.success,
        ) {
            (None, None, Some(a), Some(b)) => self.same_type(a, b),
            _ => returns(old) == returns(new),
        };
        if !same {
            self.push(
                Impact::Breaking,
                Category::Response,
                item.to_owned(),
                format!(
                    "retyped: the call returns `{}`, was `{}`",
                    returns(new),
                    returns(old)
                ),
            );
        }
    }

    fn types(&mut self, old: &Api, new: &Api) {
        let new_types: BTreeMap<&str, &TypeDef> = new
            .types
            .iter()
            .map(|t| (t.rust_name.as_str(), t))
            .collect();
        let mut seen = BTreeSet::new();
        for o in &old.types {
            let new_name = self.renames.get(&o.rust_name).cloned();
            let name = new_name.as_deref().unwrap_or(&o.rust_name);
            let Some(n) = new_types.get(name) else {
                self.push(
                    Impact::Breaking,
                    Category::Model,
                    format!("models::{}", o.rust_name),
                    format!("removed: {}", kind_name(&o.kind)),
                );
                continue;
            };
            seen.insert(name.to_owned());
            if let Some(new_name) = &new_name {
                self.push(
                    Impact::Breaking,
                    Category::Model,
                    format!("models::{}", o.rust_name),
                    format!("renamed to `models::{new_name}`"),
                );
            }
            self.type_def(o, n);
        }
        for n in &new.types {
            if !seen.contains(&n.rust_name) {
                self.push(
                    Impact::Additive,
                    Category::Model,
                    format!("models::{}", n.rust_name),
                    format!("added: {}", kind_name(&n.kind)),
                );
            }
        }
    }

    fn type_def(&mut self, old: &TypeDef, new: &TypeDef) {
        let item = format!("models::{}", new.rust_name);
        match (&old.kind, &new.kind) {
            (
                TypeKind::Struct {
                    fields: of,
                    additional: oa,
                },
                TypeKind::Struct {
                    fields: nf,
                    additional: na,
                },
            ) => {
                self.fields(&item, of, nf);
                match (oa, na) {
                    (None, Some(a)) => self.push(
                        Impact::Additive,
                        Category::Property,
                        format!("{item}::{}", a.rust_name),
                        "added: the map of properties the spec doesn't name".to_owned(),
                    ),
                    (Some(a), None) => self.push(
                        Impact::Breaking,
                        Category::Property,
                        format!("{item}::{}", a.rust_name),
                        "removed: the map of properties the spec doesn't name".to_owned(),
                    ),
                    _ => {}
                }
            }
            (TypeKind::Enum { variants: ov, .. }, TypeKind::Enum { variants: nv, .. }) => {
                let old_values: BTreeMap<&str, &str> = ov
                    .iter()
                    .map(|v| (v.wire_value.as_str(), v.rust_name.as_str()))
                    .collect();
                let new_values: BTreeMap<&str, &str> = nv
                    .iter()
                    .map(|v| (v.wire_value.as_str(), v.rust_name.as_str()))
                    .collect();
                // A value respelled on the wire (`SAML2BEARER` →
                // `SAML2-BEARER`) is one change: the same letters and digits.
                let respelled: BTreeMap<&str, &str> = old_values
                    .keys()
                    .filter(|w| !new_values.contains_key(*w))
                    .filter_map(|old_wire| {
                        let mut matches = new_values
                            .keys()
                            .filter(|w| !old_values.contains_key(*w))
                            .filter(|w| spelling(w) == spelling(old_wire));
                        match (matches.next(), matches.next()) {
                            (Some(new_wire), None) => Some((*old_wire, *new_wire)),
                            _ => None,
                        }
                    })
                    .collect();
                let respelled_to: BTreeSet<&str> = respelled.values().copied().collect();
                for (wire, rust) in &new_values {
                    if !old_values.contains_key(wire) && !respelled_to.contains(wire) {
                        self.push(
                            Impact::Additive,
                            Category::EnumValue,
                            format!("{item}::{rust}"),
                            format!("added: the value `{wire}`"),
                        );
                    }
                }
                for (wire, rust) in &old_values {
                    let old_item = format!("models::{}::{rust}", old.rust_name);
                    if let Some(new_wire) = respelled.get(wire) {
                        let new_rust = new_values.get(new_wire).copied().unwrap_or_default();
                        let variant = if new_rust == *rust {
                            "the variant keeps its name".to_owned()
                        } else {
                            format!("the variant is now `{new_rust}`")
                        };
                        self.push(
                            Impact::Breaking,
                            Category::EnumValue,
                            old_item,
                            format!(
                                "changed: the value `{wire}` was replaced by `{new_wire}`; {variant}, and `{wire}` now reads as unknown"
                            ),
                        );
                    } else if !new_values.contains_key(wire) {
                        self.push(
                            Impact::Breaking,
                            Category::EnumValue,
                            old_item,
                            format!("removed: the value `{wire}`"),
                        );
                    }
                }
            }
            (TypeKind::Union { variants: ov, .. }, TypeKind::Union { variants: nv, .. }) => {
                let old_names: BTreeSet<&str> = ov.iter().map(|v| v.rust_name.as_str()).collect();
                let new_names: BTreeSet<&str> = nv.iter().map(|v| v.rust_name.as_str()).collect();
                for v in new_names.difference(&old_names) {
                    self.push(
                        Impact::Additive,
                        Category::EnumValue,
                        format!("{item}::{v}"),
                        "added: an alternative of the union".to_owned(),
                    );
                }
                for v in old_names.difference(&new_names) {
                    self.push(
                        Impact::Breaking,
                        Category::EnumValue,
                        format!("models::{}::{v}", old.rust_name),
                        "removed: an alternative of the union".to_owned(),
                    );
                }
            }
            (
                TypeKind::Alias {
                    target: a,
                    wrapped: wrapped_a,
                },
                TypeKind::Alias {
                    target: b,
                    wrapped: wrapped_b,
                },
            ) if wrapped_a == wrapped_b => {
                if !self.same_type(a, b) {
                    self.push(
                        Impact::Breaking,
                        Category::Model,
                        item,
                        format!("retyped from `{}` to `{}`", type_name(a), type_name(b)),
                    );
                }
            }
            (a, b) => self.push(
                Impact::Breaking,
                Category::Model,
                item,
                format!("changed from {} to {}", kind_name(a), kind_name(b)),
            ),
        }
    }

    fn fields(&mut self, item: &str, old: &[Field], new: &[Field]) {
        let old_fields: BTreeMap<&str, &Field> =
            old.iter().map(|f| (f.wire_name.as_str(), f)).collect();
        for n in new {
            let field_item = format!("{item}::{}", n.rust_name);
            let Some(o) = old_fields.get(n.wire_name.as_str()) else {
                if n.required && n.tag.is_none() {
                    self.push(
                        Impact::Breaking,
                        Category::Property,
                        field_item,
                        format!(
                            "added: required property `{}` of type `{}`, a new argument of `new`",
                            n.wire_name,
                            field_type(n)
                        ),
                    );
                } else {
                    let what = match n.required {
                        true => "property set by `new` to the subtype's tag",
                        false => "optional property",
                    };
                    self.push(
                        Impact::Additive,
                        Category::Property,
                        field_item,
                        format!(
                            "added: {what} `{}` of type `{}`",
                            n.wire_name,
                            field_type(n)
                        ),
                    );
                }
                continue;
            };
            if o.rust_name != n.rust_name {
                self.push(
                    Impact::Breaking,
                    Category::Property,
                    format!("{item}::{}", o.rust_name),
                    format!("renamed to `{}` (property `{}`)", n.rust_name, n.wire_name),
                );
            }
            if !self.same_type(&o.ty, &n.ty) {
                self.push(
                    Impact::Breaking,
                    Category::Property,
                    field_item.clone(),
                    format!(
                        "retyped from `{}` to `{}`",
                        type_name(&o.ty),
                        type_name(&n.ty)
                    ),
                );
            }
            if o.required && n.required && o.tag.is_some() != n.tag.is_some() {
                // A subtype's tag is set by `new`, not taken.
                let what = match n.tag {
                    Some(_) => "now set by `new` to the subtype's tag: no longer an argument",
                    None => "no longer set by `new`: a new argument of `new`",
                };
                self.push(
                    Impact::Breaking,
                    Category::Property,
                    field_item.clone(),
                    what.to_owned(),
                );
            }
            if o.required != n.required {
                let what = if n.required {
                    "made required: the field is no longer an `Option`, and `new` takes it"
                } else {
                    "made optional: the field is now an `Option`"
                };
                self.push(
                    Impact::Breaking,
                    Category::Property,
                    field_item.clone(),
                    what.to_owned(),
                );
            } else if o.nullable != n.nullable || o.boxed != n.boxed {
                // `null` became a value of its own (or stopped being one),
                // or the field now closes a cycle of types: its type changed.
                self.push(
                    Impact::Breaking,
                    Category::Property,
                    field_item.clone(),
                    format!("changed from `{}` to `{}`", field_type(o), field_type(n)),
                );
            }
            if n.deprecated && !o.deprecated {
                self.push(
                    Impact::Additive,
                    Category::Property,
                    field_item,
                    "deprecated".to_owned(),
                );
            }
        }
        let new_wire: BTreeSet<&str> = new.iter().map(|f| f.wire_name.as_str()).collect();
        for o in old {
            if !new_wire.contains(o.wire_name.as_str()) {
                self.push(
                    Impact::Breaking,
                    Category::Property,
                    format!("{item}::{}", o.rust_name),
                    format!("removed: property `{}`", o.wire_name),
                );
            }
        }
    }
}

/// A wire value's letters and digits, lower-cased: what stays when only
/// its separators or case change.
fn spelling(wire: &str) -> String {
    wire.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct { .. } => "struct",
        TypeKind::Enum { .. } => "enum",
        TypeKind::Union { .. } => "union",
        TypeKind::Alias { wrapped: true, .. } => "tuple struct",
        TypeKind::Alias { .. } => "type alias",
    }
}

/// A field's Rust type, as the model renders it: `Box` where it closes a
/// cycle, `Option` for nullable, `Option` again for optional.
fn field_type(f: &Field) -> String {
    let mut ty = type_name(&f.ty);
    if f.boxed {
        ty = format!("Box<{ty}>");
    }
    if f.nullable {
        ty = format!("Option<{ty}>");
    }
    if f.required {
        ty
    } else {
        format!("Option<{ty}>")
    }
}

/// The Rust spelling of a type reference, as the generated code writes it.
fn type_name(ty: &TypeRef) -> String {
    crate::render::type_display(ty)
}
