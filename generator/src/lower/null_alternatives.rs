//! `oneOf`/`anyOf` alternatives that stand for `null`. OpenAPI 3.0 has no
//! `null` type, so specs write "X or null" as a union of X and a schema
//! that admits only `null`. Such an alternative is nullability, not a
//! variant: it makes the union's type an `Option`, and a union left with a
//! single alternative is that alternative's type.

use openapiv3::{AnySchema, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::Value;

/// Whether an inline schema admits `null` and no value a program would
/// hold: `nullable: true` with an `enum` of `null` alone, or an object that
/// can have no property (`additionalProperties: false` or `maxProperties:
/// 0`, no `properties`), the idiom that specs title "OpenAPI 3.0 null
/// schema type". A reference is never one: a named schema is a type.
pub(super) fn null_only(schema: &ReferenceOr<Schema>) -> bool {
    let ReferenceOr::Item(schema) = schema else {
        return false;
    };
    if !schema.schema_data.nullable {
        return false;
    }
    let enum_of_null = match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => all_none(&s.enumeration),
        SchemaKind::Type(Type::Integer(i)) => all_none(&i.enumeration),
        SchemaKind::Type(Type::Number(n)) => all_none(&n.enumeration),
        SchemaKind::Type(Type::Boolean(b)) => all_none(&b.enumeration),
        SchemaKind::Any(any) => {
            !any.enumeration.is_empty() && any.enumeration.iter().all(Value::is_null)
        }
        _ => false,
    };
    let empty_object = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            o.properties.is_empty()
                && (matches!(
                    o.additional_properties,
                    Some(openapiv3::AdditionalProperties::Any(false))
                ) || o.max_properties == Some(0))
        }
        _ => false,
    };
    enum_of_null || empty_object
}

fn all_none<T>(values: &[Option<T>]) -> bool {
    !values.is_empty() && values.iter().all(Option::is_none)
}

/// A schema's `oneOf` or `anyOf` alternatives, with the keyword, when
/// they are all it is (no `properties` or `allOf` beside them).
pub(super) fn alternatives(schema: &Schema) -> Option<(&'static str, &[ReferenceOr<Schema>])> {
    let plain = |any: &AnySchema| {
        any.properties.is_empty() && any.all_of.is_empty() && any.additional_properties.is_none()
    };
    match &schema.schema_kind {
        SchemaKind::OneOf { one_of } => Some(("oneOf", one_of)),
        SchemaKind::AnyOf { any_of } => Some(("anyOf", any_of)),
        SchemaKind::Any(any) if plain(any) && any.any_of.is_empty() && !any.one_of.is_empty() => {
            Some(("oneOf", &any.one_of))
        }
        SchemaKind::Any(any) if plain(any) && any.one_of.is_empty() && !any.any_of.is_empty() => {
            Some(("anyOf", &any.any_of))
        }
        _ => None,
    }
}

/// The one alternative of a union whose other alternatives only admit
/// `null` (`oneOf: [{$ref: X}, {nullable: true, enum: [null]}]`, or
/// `oneOf: [{$ref: X}]` alone), with its index and the keyword: the
/// union is that alternative's type, nullable when one of the others
/// stood for `null`. A discriminator keeps the union as it is: it names
/// the alternatives it maps.
pub(super) fn sole_alternative(
    schema: &Schema,
) -> Option<(usize, &ReferenceOr<Schema>, &'static str)> {
    if schema.schema_data.discriminator.is_some() {
        return None;
    }
    let (keyword, list) = alternatives(schema)?;
    let mut others = list.iter().enumerate().filter(|(_, a)| !null_only(a));
    match (others.next(), others.next()) {
        (Some((i, only)), None) => Some((i, only, keyword)),
        _ => None,
    }
}

/// Whether a union has an alternative that only admits `null`, which makes
/// the union itself nullable.
pub(super) fn has_null_alternative(schema: &Schema) -> bool {
    alternatives(schema).is_some_and(|(_, list)| list.iter().any(null_only))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(yaml: &str) -> ReferenceOr<Schema> {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn null_only_schemas_are_the_null_enum_and_the_empty_nullable_object() {
        for yes in [
            "{nullable: true, enum: [null]}",
            "{type: string, nullable: true, enum: [null]}",
            "{type: object, nullable: true, additionalProperties: false}",
            "{type: object, nullable: true, maxProperties: 0}",
        ] {
            assert!(null_only(&schema(yes)), "{yes}");
        }
        for no in [
            "{nullable: true}",
            "{type: object, additionalProperties: false}",
            "{type: object, nullable: true}",
            "{type: string, nullable: true, enum: [a, null]}",
            "{type: object, nullable: true, additionalProperties: false, properties: {a: {type: string}}}",
            "{$ref: '#/components/schemas/Null'}",
        ] {
            assert!(!null_only(&schema(no)), "{no}");
        }
    }

    #[test]
    fn a_union_of_one_type_and_null_is_that_type() {
        let item = |yaml: &str| match schema(yaml) {
            ReferenceOr::Item(s) => s,
            ReferenceOr::Reference { .. } => unreachable!("inline schema"),
        };
        let x_or_null =
            item("{oneOf: [{$ref: '#/components/schemas/X'}, {nullable: true, enum: [null]}]}");
        let (i, _, keyword) = sole_alternative(&x_or_null).expect("one alternative");
        assert_eq!((i, keyword), (0, "oneOf"));
        assert!(has_null_alternative(&x_or_null));

        let null_first =
            item("{anyOf: [{type: object, nullable: true, maxProperties: 0}, {type: string}]}");
        assert_eq!(
            sole_alternative(&null_first).map(|(i, _, k)| (i, k)),
            Some((1, "anyOf"))
        );

        let two =
            item("{oneOf: [{type: string}, {type: integer}, {nullable: true, enum: [null]}]}");
        assert!(sole_alternative(&two).is_none());
        assert!(has_null_alternative(&two));

        let tagged = item(
            "{oneOf: [{$ref: '#/components/schemas/X'}], discriminator: {propertyName: kind}}",
        );
        assert!(sole_alternative(&tagged).is_none());
    }
}
