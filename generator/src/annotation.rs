//! Schemas that only annotate another: OpenAPI 3.0 ignores what is written
//! beside a `$ref`, so specs annotate a reference (or an inherited
//! property) with a schema of docs alone, `allOf: [{$ref: User},
//! {nullable: true}]` or `factorType: {example: web}`. Such a schema gives
//! no type of its own: the type is the one it annotates.

use openapiv3::{AnySchema, Schema, SchemaKind};

/// Whether a schema says nothing of the value's shape: only `description`,
/// `title`, `nullable`, `readOnly`, `writeOnly`, `deprecated`, `example`,
/// `default`, `externalDocs` and `x-*` (a schema with `type`, properties,
/// constraints, composition or a discriminator is more than that).
pub fn only_annotates(schema: &Schema) -> bool {
    schema.schema_data.discriminator.is_none()
        && matches!(&schema.schema_kind, SchemaKind::Any(any) if *any == AnySchema::default())
}

/// Whether a property written again where it is inherited (a subtype's
/// `allOf` part) only annotates the inherited one: docs, or an `enum`
/// narrowing its values, but no type. The inherited type stays.
pub fn redeclares(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Any(any) if schema.schema_data.discriminator.is_none() => {
            let mut rest = any.clone();
            rest.enumeration.clear();
            rest == AnySchema::default()
        }
        _ => false,
    }
}
