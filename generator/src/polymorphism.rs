//! OpenAPI 3.0's `allOf` polymorphism (Schema Object, "Composition and
//! Inheritance"; Discriminator Object): a base object schema names a
//! `discriminator` property, and its subtypes extend it with
//! `allOf: [{$ref: Base}, …]`. Where the base is used, a value may be any
//! subtype, told apart by the value of that property.
//!
//! This module reads the hierarchy from the spec alone, so that `select`
//! reaches the subtypes of every base it reaches (nothing else refers to
//! them when the mapping is left out) and `lower` can make the base a
//! union of them. It also says which bases and subtypes can't be one
//! (a discriminator that is no string property, a subtype without it):
//! those are generated as if they had no discriminator, and `select`
//! doesn't reach subtypes for them that nothing else would.

use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaKind};
use std::collections::{BTreeMap, BTreeSet};

/// A component schema with a `discriminator` that is no union itself.
#[derive(Debug, Clone)]
pub struct Base<'a> {
    /// The discriminator's property.
    pub property: &'a str,
    /// Every schema a value of the base may be, with the property's values
    /// that select it: the mapping's targets first, in its order, then the
    /// schemas that extend the base (through any number of `allOf` levels)
    /// that the mapping doesn't name, each selected by its schema name.
    /// The base itself is among them when the mapping names it.
    pub subtypes: Vec<Subtype<'a>>,
    /// The mapping's entries whose target is no component schema of the
    /// spec: (key, target).
    pub unresolved: Vec<(&'a str, &'a str)>,
    /// Why the base can't be a union of its subtypes, if it can't.
    pub problem: Option<Problem>,
}

impl Base<'_> {
    /// Whether the base is a union of its subtypes: it has no problem of
    /// its own and some subtype other than itself has none either.
    pub fn is_union(&self, name: &str) -> bool {
        self.problem.is_none() && self.usable().any(|s| s.name != name)
    }

    /// The subtypes without a problem.
    pub fn usable(&self) -> impl Iterator<Item = &Subtype<'_>> {
        self.subtypes.iter().filter(|s| s.problem.is_none())
    }
}

/// Why a base or a subtype can't take part in a union.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The schema is no object (a string, a union).
    NotObject,
    /// The schema is another name for one (`Alias: {$ref: Other}`): as a
    /// variant it would be that schema's type, the base's union itself
    /// when it names the base.
    Alias,
    /// The discriminator's property is not one of its properties.
    NoProperty,
    /// The discriminator's property is no string.
    NotString,
}

/// One schema a value of a [`Base`] may be.
#[derive(Debug, Clone)]
pub struct Subtype<'a> {
    /// Its component schema name.
    pub name: &'a str,
    /// The discriminator values that select it, in the mapping's order.
    pub tags: Vec<String>,
    /// Named by the mapping, as opposed to implied by the `allOf`.
    pub explicit: bool,
    /// Why it can't be a variant of the base's union, if it can't.
    pub problem: Option<Problem>,
}

/// Every base of the spec's component schemas, by schema name.
pub fn hierarchy(spec: &OpenAPI) -> BTreeMap<&str, Base<'_>> {
    let Some(components) = spec.components.as_ref() else {
        return BTreeMap::new();
    };
    let schemas = &components.schemas;
    let bases: Vec<(&str, &Schema)> = schemas
        .iter()
        .filter_map(|(name, schema)| match schema {
            ReferenceOr::Item(s) if s.schema_data.discriminator.is_some() && !is_union(s) => {
                Some((name.as_str(), s))
            }
            _ => None,
        })
        .collect();
    if bases.is_empty() {
        // The common case, and what keeps a spec without the pattern from
        // paying for the index below.
        return BTreeMap::new();
    }
    // Parent → the schemas whose `allOf` names it, in the spec's order.
    let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, schema) in schemas {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        for part in all_of_parts(schema) {
            if let ReferenceOr::Reference { reference } = part {
                if let Some(parent) = component_name(spec, reference) {
                    if parent != name {
                        children.entry(parent).or_default().push(name);
                    }
                }
            }
        }
    }
    bases
        .into_iter()
        .filter_map(|(name, schema)| {
            let discriminator = schema.schema_data.discriminator.as_ref()?;
            let mut subtypes: Vec<Subtype> = Vec::new();
            let mut unresolved = Vec::new();
            for (key, target) in &discriminator.mapping {
                // A mapping value is a reference or, OpenAPI 3.0 says, a
                // bare schema name.
                let found = if target.contains(['/', '#']) {
                    component_name(spec, target)
                } else {
                    schemas.get_key_value(target).map(|(n, _)| n.as_str())
                };
                let Some(found) = found else {
                    unresolved.push((key.as_str(), target.as_str()));
                    continue;
                };
                // Several keys may name one schema: each selects it.
                match subtypes.iter_mut().find(|s| s.name == found) {
                    Some(subtype) => subtype.tags.push(key.clone()),
                    None => subtypes.push(Subtype {
                        name: found,
                        tags: vec![key.clone()],
                        explicit: true,
                        problem: None,
                    }),
                }
            }
            // The schemas that extend the base, level by level: a value
            // of a subtype's subtype is a value of the base too. Without
            // a mapping entry, a schema is selected by its name.
            let mut seen: BTreeSet<&str> = BTreeSet::from([name]);
            let mut queue = std::collections::VecDeque::from([name]);
            while let Some(parent) = queue.pop_front() {
                for &child in children.get(parent).into_iter().flatten() {
                    if !seen.insert(child) {
                        continue;
                    }
                    queue.push_back(child);
                    if !subtypes.iter().any(|s| s.name == child) {
                        subtypes.push(Subtype {
                            name: child,
                            tags: vec![child.to_owned()],
                            explicit: false,
                            problem: None,
                        });
                    }
                }
            }
            let property = discriminator.property_name.as_str();
            for subtype in &mut subtypes {
                subtype.problem = match &schemas[subtype.name] {
                    ReferenceOr::Item(schema) => problem(spec, schema, property),
                    ReferenceOr::Reference { .. } => Some(Problem::Alias),
                };
            }
            Some((
                name,
                Base {
                    property,
                    problem: problem(spec, schema, property),
                    subtypes,
                    unresolved,
                },
            ))
        })
        .collect()
}

/// Why `schema` can't be a base or a subtype with the discriminator
/// `property`, if it can't.
fn problem(spec: &OpenAPI, schema: &Schema, property: &str) -> Option<Problem> {
    if !is_object(schema) {
        return Some(Problem::NotObject);
    }
    match find_property(spec, schema, property) {
        None => Some(Problem::NoProperty),
        Some(p) if !is_string(spec, p) => Some(Problem::NotString),
        Some(_) => None,
    }
}

/// Whether a schema is an object that `allOf` can extend: its own
/// properties, or `allOf` parts to merge.
fn is_object(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(openapiv3::Type::Object(_)) | SchemaKind::AllOf { .. } => true,
        SchemaKind::Any(any) => {
            any.one_of.is_empty()
                && any.any_of.is_empty()
                && (!any.properties.is_empty() || !any.all_of.is_empty())
        }
        _ => false,
    }
}

/// The schema of the property `name` of an object, its own or one of its
/// `allOf` parts' (through references), as the merge takes it: its own
/// first, then the later parts', each part's own before its parts'.
///
/// A worklist rather than recursion: a chain of subtypes is as long as
/// the spec makes it, and a cycle of `allOf` references (refused where
/// the schemas are merged) must end here too, so each component schema
/// is entered once.
fn find_property<'a>(
    spec: &'a OpenAPI,
    schema: &'a Schema,
    name: &str,
) -> Option<&'a ReferenceOr<Box<Schema>>> {
    let mut entered: BTreeSet<&str> = BTreeSet::new();
    let mut pending: Vec<&Schema> = vec![schema];
    while let Some(schema) = pending.pop() {
        let own = match &schema.schema_kind {
            SchemaKind::Type(openapiv3::Type::Object(o)) => Some(&o.properties),
            SchemaKind::Any(any) => Some(&any.properties),
            _ => None,
        };
        if let Some(found) = own.and_then(|p| p.get(name)) {
            return Some(found);
        }
        // Pushed in order, so that the last part is looked at first.
        pending.extend(parts_once(spec, schema, &mut entered));
    }
    None
}

/// Whether a property is a string: plain or an enum, inline or through
/// references, or an `allOf` one of whose parts (at any depth) is one.
fn is_string(spec: &OpenAPI, property: &ReferenceOr<Box<Schema>>) -> bool {
    let schema = match property {
        ReferenceOr::Item(schema) => schema,
        ReferenceOr::Reference { reference } => match component(spec, reference) {
            Some(schema) => schema,
            None => return false,
        },
    };
    let mut entered: BTreeSet<&str> = BTreeSet::new();
    let mut pending: Vec<&Schema> = vec![schema];
    while let Some(schema) = pending.pop() {
        if let SchemaKind::Type(openapiv3::Type::String(_)) = &schema.schema_kind {
            return true;
        }
        pending.extend(parts_once(spec, schema, &mut entered));
    }
    false
}

/// The `allOf` parts of `schema`, references resolved, leaving out the
/// component schemas in `entered` (and adding the others to it).
fn parts_once<'a>(
    spec: &'a OpenAPI,
    schema: &'a Schema,
    entered: &mut BTreeSet<&'a str>,
) -> Vec<&'a Schema> {
    all_of_parts(schema)
        .iter()
        .filter_map(|part| match part {
            ReferenceOr::Item(part) => Some(part),
            ReferenceOr::Reference { reference } => {
                let name = component_name(spec, reference)?;
                if !entered.insert(name) {
                    return None;
                }
                component(spec, reference)
            }
        })
        .collect()
}

/// The component schema a `$ref` names, through aliases.
fn component<'a>(spec: &'a OpenAPI, reference: &str) -> Option<&'a Schema> {
    let name = component_name(spec, reference)?;
    match spec.components.as_ref()?.schemas.get(name)? {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { .. } => None,
    }
}

/// Whether a schema is a `oneOf`/`anyOf`: its discriminator then chooses
/// among those alternatives, as an ordinary tagged union.
fn is_union(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => true,
        SchemaKind::Any(any) => !any.one_of.is_empty() || !any.any_of.is_empty(),
        _ => false,
    }
}

fn all_of_parts(schema: &Schema) -> &[ReferenceOr<Schema>] {
    match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => all_of,
        SchemaKind::Any(any) => &any.all_of,
        _ => &[],
    }
}

/// The component schema a `$ref` names, through any chain of component
/// aliases (`Alias: {$ref: Base}`); `None` for anything else, or a chain
/// that never ends.
fn component_name<'a>(spec: &'a OpenAPI, reference: &str) -> Option<&'a str> {
    let schemas = &spec.components.as_ref()?.schemas;
    let mut reference = reference;
    for _ in 0..=schemas.len() {
        let (name, found) =
            schemas.get_key_value(reference.strip_prefix("#/components/schemas/")?)?;
        match found {
            ReferenceOr::Item(_) => return Some(name),
            ReferenceOr::Reference { reference: next } => reference = next,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::hierarchy;

    fn spec(components: &str) -> openapiv3::OpenAPI {
        serde_yaml::from_str(&format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{components}"
        ))
        .unwrap()
    }

    fn tags<'a>(base: &'a super::Base<'a>) -> Vec<(&'a str, Vec<&'a str>, bool)> {
        base.subtypes
            .iter()
            .map(|s| {
                let tags = s.tags.iter().map(String::as_str).collect();
                (s.name, tags, s.explicit)
            })
            .collect()
    }

    #[test]
    fn without_a_mapping_every_descendant_is_selected_by_its_name() {
        let spec = spec(
            "    Pet: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t}}
    Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {b: {type: string}}}]}
    Puppy: {allOf: [{$ref: '#/components/schemas/Dog'}]}
    Cat: {allOf: [{$ref: '#/components/schemas/Pet'}]}
    Rock: {type: object}
",
        );
        let bases = hierarchy(&spec);
        assert_eq!(bases.keys().copied().collect::<Vec<_>>(), ["Pet"]);
        assert_eq!(
            tags(&bases["Pet"]),
            [
                ("Dog", vec!["Dog"], false),
                ("Cat", vec!["Cat"], false),
                ("Puppy", vec!["Puppy"], false)
            ]
        );
    }

    #[test]
    fn mapping_keys_select_their_targets_and_the_rest_go_by_name() {
        let spec = spec(
            "    Pet:
      type: object
      properties: {t: {type: string}}
      discriminator:
        propertyName: t
        mapping: {dog: Dog, hound: '#/components/schemas/Dog', pet: Pet, ghost: Ghost}
    Dog: {allOf: [{$ref: '#/components/schemas/Pet'}]}
    Cat: {allOf: [{$ref: '#/components/schemas/Pet'}]}
    Choice: {oneOf: [{$ref: '#/components/schemas/Dog'}], discriminator: {propertyName: t}}
",
        );
        let bases = hierarchy(&spec);
        // A oneOf with a discriminator is an ordinary union, no base.
        assert_eq!(bases.keys().copied().collect::<Vec<_>>(), ["Pet"]);
        assert_eq!(
            tags(&bases["Pet"]),
            [
                ("Dog", vec!["dog", "hound"], true),
                ("Pet", vec!["pet"], true),
                ("Cat", vec!["Cat"], false)
            ]
        );
        assert_eq!(bases["Pet"].unresolved, [("ghost", "Ghost")]);
    }

    #[test]
    fn subtypes_at_any_depth_find_the_discriminator_of_the_base() {
        // `T1` extends `T0`, `T2` extends `T1`…: the property is written
        // 200 levels up from the deepest subtype.
        let mut components = String::from(
            "    T0: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t}}\n",
        );
        for i in 1..=200 {
            components.push_str(&format!(
                "    T{i}: {{allOf: [{{$ref: '#/components/schemas/T{}'}}, {{properties: {{f{i}: {{type: integer}}}}}}]}}\n",
                i - 1
            ));
        }
        let spec = spec(&components);
        let bases = hierarchy(&spec);
        let base = &bases["T0"];
        assert_eq!(base.subtypes.len(), 200);
        let problems: Vec<_> = base
            .subtypes
            .iter()
            .filter(|s| s.problem.is_some())
            .map(|s| (s.name, s.problem))
            .collect();
        assert_eq!(problems, []);
        assert!(base.is_union("T0"));
    }

    #[test]
    fn an_all_of_cycle_ends_the_search_for_the_property() {
        use super::Problem;
        // `A` and `B` merge each other (refused where they are merged);
        // neither has the property, and looking for it ends.
        let spec = spec(
            "    Base: {properties: {t: {type: string}}, discriminator: {propertyName: t}}
    Sub: {allOf: [{$ref: '#/components/schemas/Base'}, {$ref: '#/components/schemas/A'}]}
    Loop: {allOf: [{$ref: '#/components/schemas/Base'}]}
    A: {allOf: [{$ref: '#/components/schemas/B'}, {properties: {a: {type: string}}}]}
    B: {allOf: [{$ref: '#/components/schemas/A'}, {properties: {b: {type: string}}}]}
    Odd: {properties: {t: {allOf: [{$ref: '#/components/schemas/Odd2'}]}}, discriminator: {propertyName: t}}
    Odd2: {allOf: [{$ref: '#/components/schemas/Odd3'}]}
    Odd3: {allOf: [{$ref: '#/components/schemas/Odd2'}]}
    OddSub: {allOf: [{$ref: '#/components/schemas/Odd'}]}
",
        );
        let bases = hierarchy(&spec);
        let problems: Vec<_> = bases["Base"]
            .subtypes
            .iter()
            .map(|s| (s.name, s.problem))
            .collect();
        assert_eq!(problems, [("Sub", None), ("Loop", None)]);
        // A property typed by a cycle of `allOf`s is no string.
        assert_eq!(bases["Odd"].problem, Some(Problem::NotString));
    }

    #[test]
    fn bases_and_subtypes_that_cant_be_a_union_say_why() {
        use super::Problem;
        let spec = spec(
            "    Animal: {properties: {name: {type: string}}, discriminator: {propertyName: species}}
    Bird: {allOf: [{$ref: '#/components/schemas/Animal'}]}
    Reading: {properties: {code: {type: integer}}, discriminator: {propertyName: code}}
    Celsius: {allOf: [{$ref: '#/components/schemas/Reading'}]}
    Event:
      properties: {kind: {$ref: '#/components/schemas/Kind'}}
      discriminator: {propertyName: kind, mapping: {label: Label, orphan: Orphan}}
    Kind: {type: string, enum: [click, label]}
    Click: {allOf: [{$ref: '#/components/schemas/Event'}]}
    Label: {type: string}
    Orphan: {properties: {text: {type: string}}}
",
        );
        let bases = hierarchy(&spec);
        assert_eq!(bases["Animal"].problem, Some(Problem::NoProperty));
        assert!(!bases["Animal"].is_union("Animal"));
        assert_eq!(bases["Reading"].problem, Some(Problem::NotString));
        let event = &bases["Event"];
        assert_eq!(event.problem, None);
        assert!(event.is_union("Event"));
        let problems: Vec<_> = event.subtypes.iter().map(|s| (s.name, s.problem)).collect();
        assert_eq!(
            problems,
            [
                ("Label", Some(Problem::NotObject)),
                ("Orphan", Some(Problem::NoProperty)),
                ("Click", None)
            ]
        );
    }
}
