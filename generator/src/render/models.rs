//! Renders the IR's types: one file per model under `src/models/`, and the
//! `models` module that re-exports them.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{
    doc, ident, named_types, prose, push_doc_lines, rust_file, tokens_display, type_display,
    type_tokens,
};
use super::GeneratedFile;
use crate::diagnostics::Error;
use crate::ir::{AdditionalField, Api, Field, PageFields, TypeDef, TypeKind, TypeRef, Variant};

/// The types that some operation sends as a `multipart/form-data` body,
/// by Rust name: those get a `to_multipart()`. Worked out once for all
/// the model files, since each would otherwise scan every operation.
pub fn multipart_bodies(api: &Api) -> BTreeSet<&str> {
    api.groups
        .iter()
        .flat_map(|g| &g.operations)
        .filter_map(|op| op.body.as_ref())
        .filter(|body| body.media == crate::ir::Media::Multipart)
        .filter_map(|body| match &body.ty {
            TypeRef::Named { name } => Some(name.as_str()),
            _ => None,
        })
        .collect()
}

/// `src/models/<type>.rs`; `multipart_bodies` is [`multipart_bodies`].
pub fn file(
    api: &Api,
    def: &TypeDef,
    multipart_bodies: &BTreeSet<&str>,
) -> Result<GeneratedFile, Error> {
    let path = format!("src/models/{}.rs", def.module);
    if let TypeKind::Enum {
        variants,
        unknown_variant,
        integer: None,
    } = &def.kind
    {
        let text = string_enum(&type_docs(def), &def.rust_name, variants, unknown_variant);
        return Ok(GeneratedFile::new(&path, text));
    }
    let mut object = None;
    let text = rust_file(&path, || {
        let (tokens, text) = model(api, def, multipart_bodies);
        object = text;
        tokens
    })?;
    let text = match object {
        Some(object) => splice_json_object(&path, &text, &object)?,
        None => text,
    };
    Ok(GeneratedFile::new(&path, text))
}

/// Where [`model`] leaves a `json_object!` struct for [`file`] to write:
/// prettyplease prints a macro's body on one line, so the struct goes in
/// as text after printing, in place of this empty call.
const JSON_OBJECT_PLACEHOLDER: &str = "crate::support::json_object! {}";

fn splice_json_object(path: &str, code: &str, object: &str) -> Result<String, Error> {
    let mut found = false;
    let mut out = String::with_capacity(code.len() + object.len());
    let mut lines = code.lines().peekable();
    while let Some(line) = lines.next() {
        if line == JSON_OBJECT_PLACEHOLDER && !found {
            found = true;
            out.push_str(object);
            // An item follows the call after a blank line.
            if lines.peek().is_some_and(|next| !next.is_empty()) {
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    match found {
        true => Ok(out),
        false => Err(Error::InvalidRust {
            file: path.to_owned(),
            message: "the model's `json_object!` call was not printed on a line of its own".into(),
        }),
    }
}

/// `src/models/mod.rs`: each model's module and its re-export. Models that
/// the same API groups reach are listed together under their one `#[cfg]`,
/// one `module::Type` line each (through the runtime's `gated_models!`),
/// so the file reads as "these compile with `routing`" and says each
/// condition once.
pub fn mod_rs(api: &Api) -> Result<GeneratedFile, Error> {
    let mut groups: BTreeMap<Vec<&str>, Vec<&TypeDef>> = BTreeMap::new();
    for def in &api.types {
        let features = api.features.of_type(&def.rust_name);
        let gate = if crate::features::cfg(api, &features).is_some() {
            features
        } else {
            Vec::new()
        };
        groups.entry(gate).or_default().push(def);
    }
    let mut out = format!(
        "{}

//! The models of the API: one type per schema of the spec, with serde\n//! names exactly as on the wire.\n",
        super::rust::RUST_HEADER
    );
    for (features, defs) in &groups {
        if features.is_empty() {
            out.push('\n');
            for def in defs {
                out.push_str(&format!(
                    "mod {module};\npub use {module}::{name};\n",
                    module = ident(&def.module),
                    name = ident(&def.rust_name),
                ));
            }
            continue;
        }
        out.push_str("\ncrate::support::gated_models! {\n");
        out.push_str(&crate::features::cfg_text(features, "    "));
        for def in defs {
            out.push_str(&format!(
                "    {module}::{name},\n",
                module = ident(&def.module),
                name = ident(&def.rust_name),
            ));
        }
        out.push_str("}\n");
    }
    Ok(GeneratedFile::new("src/models/mod.rs", out))
}

/// A type's doc text: the spec's description, or where the type comes from.
fn type_docs(def: &TypeDef) -> String {
    let inline = def.wire_name.starts_with('/');
    let mut docs = match (&def.description, inline) {
        (Some(d), _) => prose(d),
        (None, true) => format!("The values of {}.", inline_origin(&def.wire_name)),
        (None, false) => format!("The {} schema.", super::rust::code_span(&def.wire_name)),
    };
    if inline {
        docs.push_str(&format!(
            "\n\nDefined inline at `#{}` in the spec.",
            def.wire_name
        ));
    }
    docs
}

/// A model's tokens, and the text of its `json_object!` struct where it
/// has one (see [`structure`]).
fn model(
    api: &Api,
    def: &TypeDef,
    multipart_bodies: &BTreeSet<&str>,
) -> (TokenStream, Option<String>) {
    let mut object = None;
    let body = match &def.kind {
        TypeKind::Struct { fields, additional } => {
            let (tokens, text) = structure(def, fields, additional.as_ref());
            object = text;
            tokens
        }
        TypeKind::Enum { integer: None, .. } => TokenStream::new(), // `file` writes it as a `str_enum!` call.
        TypeKind::Enum {
            variants,
            unknown_variant,
            integer: Some(_),
        } => integer_enumeration(def, variants, unknown_variant),
        TypeKind::Union {
            variants,
            discriminator,
            other_variant,
        } => union(api, def, variants, discriminator.as_deref(), other_variant),
        TypeKind::Alias {
            target,
            wrapped: false,
        } => {
            let name = ident(&def.rust_name);
            let target = type_tokens(target, &TokenStream::new());
            quote! { pub type #name = #target; }
        }
        TypeKind::Alias {
            target,
            wrapped: true,
        } => wrapper(def, target),
    };
    // A `json_object!` struct has its docs inside the call.
    let docs = object.is_none().then(|| doc(&type_docs(def)));
    let uses = imports(api, def);
    let page = def.page.as_ref().map(|page| page_impl(def, page));
    let multipart = multipart_bodies
        .contains(def.rust_name.as_str())
        .then(|| multipart_impl(def))
        .flatten();
    let tokens = quote! {
        #uses
        #docs
        #body
        #page
        #multipart
    };
    (tokens, object)
}

/// A tuple struct around an array (or nullable array) that holds itself,
/// with the same JSON form: `Tree(vec![Tree(vec![])])` is `[[]]`.
fn wrapper(def: &TypeDef, target: &TypeRef) -> TokenStream {
    let name = ident(&def.rust_name);
    let ty = type_tokens(target, &TokenStream::new());
    let eq = (!contains_float(target)).then(|| quote!(Eq,));
    let binary = contains_bytes(target).then(|| quote!(#[serde(with = "crate::support::binary")]));
    let field_docs = doc("The value, in the form the spec gives it.");
    quote! {
        #[derive(Clone, Debug, Default, PartialEq, #eq serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(
            #field_docs
            #binary
            pub #ty,
        );
    }
}

/// `to_multipart()` for a struct sent as `multipart/form-data`: each field
/// a part (bytes as a file, arrays one part per item, objects as JSON).
fn multipart_impl(def: &TypeDef) -> Option<TokenStream> {
    let TypeKind::Struct { fields, .. } = &def.kind else {
        return None;
    };
    let parts = fields.iter().map(|f| {
        let rust = ident(&f.rust_name);
        let wire = &f.wire_name;
        let add = match &f.ty {
            TypeRef::Bytes => quote! {
                form = form.part(#wire, crate::support::file_part(value, #wire));
            },
            // One file part per item.
            TypeRef::Array { items, .. } if **items == TypeRef::Bytes => quote! {
                for item in value {
                    form = form.part(#wire, crate::support::file_part(item, #wire));
                }
            },
            // One part per item, each in its wire form.
            TypeRef::Array { .. } => quote! {
                for item in value {
                    form = form.part(#wire, crate::support::part(item));
                }
            },
            // Scalars in their wire form (RFC 3339 date-times, enum wire
            // values); objects as JSON.
            _ => quote!(form = form.part(#wire, crate::support::part(value));),
        };
        // A form has no `null`: a nullable field that holds none sends no
        // part, as an absent one doesn't.
        match (f.required, f.nullable) {
            (true, false) => quote! { let value = &self.#rust; #add },
            (true, true) | (false, false) => quote! {
                if let Some(value) = &self.#rust {
                    #add
                }
            },
            (false, true) => quote! {
                if let Some(Some(value)) = &self.#rust {
                    #add
                }
            },
        }
    });
    let name = ident(&def.rust_name);
    let docs = doc("The multipart form this model is sent as.");
    Some(quote! {
        impl #name {
            #docs
            #[allow(deprecated)]
            pub(crate) fn to_multipart(&self) -> reqwest::multipart::Form {
                let mut form = reqwest::multipart::Form::new();
                #(#parts)*
                form
            }
        }
    })
}

/// `impl Page`: how the paging runtime reads this listing.
fn page_impl(def: &TypeDef, page: &PageFields) -> TokenStream {
    let name = ident(&def.rust_name);
    let item = type_tokens(&page.item, &TokenStream::new());
    let entities = ident(&page.entities);
    let optional = |field: Option<&String>| match field {
        Some(f) => {
            let f = ident(f);
            quote!(self.#f)
        }
        None => quote!(None),
    };
    let number = |field: &Option<(String, TypeRef)>| match field {
        Some((f, _)) => {
            let f = ident(f);
            quote!(self.#f.map(i64::from))
        }
        None => quote!(None),
    };
    let next_uri = optional(page.next_uri.as_ref());
    let page_number = number(&page.page_number);
    let page_count = number(&page.page_count);
    let entities_required = match &def.kind {
        TypeKind::Struct { fields, .. } => fields
            .iter()
            .any(|f| f.rust_name == page.entities && f.required),
        _ => false,
    };
    let items = if entities_required {
        quote!(self.#entities)
    } else {
        quote!(self.#entities.unwrap_or_default())
    };
    quote! {
        impl crate::paging::Page for #name {
            type Item = #item;

            fn into_parts(self) -> crate::paging::PageParts<Self::Item> {
                crate::paging::PageParts {
                    items: #items,
                    next_uri: #next_uri,
                    page_number: #page_number,
                    page_count: #page_count,
                }
            }
        }
    }
}

/// `use super::{…};` for the other models a type mentions.
fn imports(api: &Api, def: &TypeDef) -> TokenStream {
    let mut names = Vec::new();
    match &def.kind {
        TypeKind::Struct { fields, additional } => {
            fields.iter().for_each(|f| named_types(&f.ty, &mut names));
            if let Some(additional) = additional {
                named_types(&additional.ty, &mut names);
            }
        }
        TypeKind::Alias { target, .. } => named_types(target, &mut names),
        TypeKind::Union { variants, .. } => {
            variants.iter().for_each(|v| named_types(&v.ty, &mut names))
        }
        TypeKind::Enum { .. } => {}
    }
    names.retain(|n| *n != def.rust_name && api.type_def(n).is_some());
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return TokenStream::new();
    }
    let names = names.iter().map(|n| ident(n));
    quote! { use super::{#(#names),*}; }
}

/// Where an inline schema sits, in words: `/components/schemas/A/properties/b/items`
/// reads "the items of `A.b`".
pub fn inline_origin(pointer: &str) -> String {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(crate::diagnostics::pointer_unescape)
        .collect();
    let mut path = String::new();
    let mut items = false;
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "components" | "schemas" | "paths" => {}
            "properties" if i + 1 < tokens.len() => {
                path.push('.');
                path.push_str(&tokens[i + 1]);
                i += 1;
            }
            "items" => items = true,
            other => {
                if path.is_empty() {
                    path.push_str(other);
                } else {
                    path.push('/');
                    path.push_str(other);
                }
            }
        }
        i += 1;
    }
    if items {
        format!("the items of `{path}`")
    } else {
        format!("`{path}`")
    }
}

/// A field's Rust type: `T` when required, `Option<T>` when optional or
/// nullable, `Option<Option<T>>` when both (absent, `null`, or a value).
fn field_type(field: &Field) -> TokenStream {
    let mut ty = type_tokens(&field.ty, &TokenStream::new());
    if field.boxed {
        ty = quote!(Box<#ty>);
    }
    if field.nullable {
        ty = quote!(Option<#ty>);
    }
    if field.required {
        ty
    } else {
        quote!(Option<#ty>)
    }
}

/// A struct model. Most are written through the runtime's `json_object!`
/// (returned as text, for [`file`] to splice in), which costs the compiler
/// much less than serde's derives; a struct with a field that needs a
/// serde attribute of its own (binary data, a property that may be absent
/// or null, the properties the spec doesn't name) keeps the derives.
fn structure(
    def: &TypeDef,
    fields: &[Field],
    additional: Option<&AdditionalField>,
) -> (TokenStream, Option<String>) {
    let name = ident(&def.rust_name);
    let compact = additional.is_none()
        && fields
            .iter()
            .all(|f| !contains_bytes(&f.ty) && (f.required || !f.nullable));
    let sensitive = fields.iter().any(|f| f.sensitive);
    let all_optional = fields.iter().all(|f| !f.required);
    // A subtype's discriminator is set by construction, by `new` and by
    // `Default` alike: a derived `Default` would leave it out.
    let tagged = fields.iter().any(|f| f.tag.is_some());
    let has_float = fields.iter().any(|f| contains_float(&f.ty))
        || additional.is_some_and(|a| contains_float(&a.ty));

    let mut derives = vec![quote!(Clone)];
    if !sensitive {
        derives.push(quote!(Debug));
    }
    if all_optional && !tagged {
        derives.push(quote!(Default));
    }
    derives.push(quote!(PartialEq));
    if !has_float {
        derives.push(quote!(Eq));
    }
    if !compact {
        derives.push(quote!(serde::Serialize));
        derives.push(quote!(serde::Deserialize));
    }

    // `rename_all = "camelCase"` where it spares `rename`s: most wire
    // names are camelCase, so most fields then need none.
    let renamed = |camel: bool| {
        fields
            .iter()
            .filter(|f| {
                let serde_name = match camel {
                    true => serde_camel_case(&f.rust_name),
                    false => Some(f.rust_name.clone()),
                };
                serde_name.as_deref() != Some(f.wire_name.as_str())
            })
            .count()
    };
    // A `json_object!` struct names every field's wire name itself.
    let camel = !compact && renamed(true) < renamed(false);
    let rename_all = camel.then(|| quote!(#[serde(rename_all = "camelCase")]));

    let field_defs = fields.iter().map(|f| {
        let rust = ident(&f.rust_name);
        let ty = field_type(f);
        let docs = doc(&field_docs(f));
        let wire = &f.wire_name;
        let serde_name = match camel {
            true => serde_camel_case(&f.rust_name),
            false => Some(f.rust_name.clone()),
        };
        let rename =
            (serde_name.as_deref() != Some(wire.as_str())).then(|| quote!(rename = #wire,));
        // `format: binary` is a JSON string in a JSON body, not serde's
        // array of numbers.
        let binary = contains_bytes(&f.ty);
        let serde = match (f.required, f.nullable, binary) {
            (true, _, false) => match rename {
                Some(_) => quote!(#[serde(rename = #wire)]),
                None => TokenStream::new(),
            },
            (true, _, true) => quote!(#[serde(#rename with = "crate::support::binary")]),
            // Three states: the outer `Option` is the key's presence.
            (false, true, false) => quote!(#[serde(
                #rename
                default,
                skip_serializing_if = "Option::is_none",
                deserialize_with = "crate::support::nullable"
            )]),
            (false, true, true) => quote!(#[serde(
                #rename
                default,
                skip_serializing_if = "Option::is_none",
                serialize_with = "crate::support::binary::serialize",
                deserialize_with = "crate::support::binary::nullable"
            )]),
            (false, false, false) => {
                quote!(#[serde(#rename default, skip_serializing_if = "Option::is_none")])
            }
            (false, false, true) => quote!(#[serde(
                #rename
                default,
                skip_serializing_if = "Option::is_none",
                with = "crate::support::binary"
            )]),
        };
        let deprecated = f
            .deprecated
            .then(|| super::rust::deprecated(f.description.as_deref()));
        quote! {
            #docs
            #serde
            #deprecated
            pub #rust: #ty,
        }
    });

    let additional_def = additional.map(|a| {
        let rust = ident(&a.rust_name);
        let ty = type_tokens(&a.ty, &TokenStream::new());
        let docs = match &a.unmerged_parts[..] {
            [] => doc("The properties the spec doesn't name, by their JSON names."),
            parts => {
                let (noun, verb) = match parts.len() {
                    1 => ("part", "is"),
                    _ => ("parts", "are"),
                };
                let parts: Vec<String> = parts.iter().map(|p| format!("`#{p}`")).collect();
                doc(&format!(
                    "The properties the fields don't name, by their JSON names: among them \
                     those of the `allOf` {noun} at {} in the spec, which {verb} not merged \
                     into this type.",
                    parts.join(", ")
                ))
            }
        };
        quote! {
            #docs
            #[serde(flatten)]
            pub #rust: std::collections::BTreeMap<String, #ty>,
        }
    });
    let additional_init = additional.map(|a| {
        let rust = ident(&a.rust_name);
        quote!(#rust: Default::default(),)
    });
    let additional_debug = additional.map(|a| {
        let rust = ident(&a.rust_name);
        let label = &a.rust_name;
        quote!(.field(#label, &self.#rust))
    });
    let constructor = (!all_optional || tagged).then(|| {
        let required: Vec<&Field> = fields.iter().filter(|f| is_argument(f)).collect();
        let args = required.iter().map(|f| {
            let rust = ident(&f.rust_name);
            match f.ty {
                TypeRef::String { .. } if !f.nullable => quote!(#rust: impl Into<String>),
                _ => {
                    let mut ty = type_tokens(&f.ty, &TokenStream::new());
                    if f.nullable {
                        ty = quote!(Option<#ty>);
                    }
                    quote!(#rust: #ty)
                }
            }
        });
        let inits = fields.iter().map(|f| {
            let rust = ident(&f.rust_name);
            if let Some(tag) = &f.tag {
                let mut value = type_tokens(&f.ty, &TokenStream::new());
                // `String` or a string enum: each is `From<&str>`.
                value = quote!(#value::from(#tag));
                if f.boxed {
                    value = quote!(Box::new(#value));
                }
                if f.nullable {
                    value = quote!(Some(#value));
                }
                if !f.required {
                    value = quote!(Some(#value));
                }
                return quote!(#rust: #value);
            }
            match (&f.ty, f.required, f.boxed) {
                (_, false, _) => quote!(#rust: None),
                (_, true, true) if f.nullable => quote!(#rust: #rust.map(Box::new)),
                (_, true, true) => quote!(#rust: Box::new(#rust)),
                (TypeRef::String { .. }, true, false) if !f.nullable => quote!(#rust: #rust.into()),
                (_, true, false) => quote!(#rust),
            }
        });
        let mut text =
            "Creates the model from its required fields; every other field is `None`.".to_owned();
        for f in fields {
            if let Some(tag) = &f.tag {
                text.push_str(&format!(
                    " `{}` is {}, this type's tag.",
                    f.rust_name,
                    super::rust::code_span(tag)
                ));
            }
        }
        let docs = doc(&text);
        let allow_deprecated = fields
            .iter()
            .any(|f| f.deprecated)
            .then(|| quote!(#[allow(deprecated)]));
        quote! {
            impl #name {
                #docs
                #allow_deprecated
                pub fn new(#(#args),*) -> Self {
                    Self { #(#inits,)* #additional_init }
                }
            }
        }
    });

    // `new()` without arguments, as clippy asks, is `Default` too.
    let default = (tagged && !fields.iter().any(is_argument)).then(|| {
        quote! {
            impl Default for #name {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });

    let debug = sensitive.then(|| {
        let entries = fields.iter().map(|f| {
            let rust = ident(&f.rust_name);
            let label = &f.rust_name;
            if f.sensitive {
                let shown = if f.required {
                    quote!(&crate::support::Redacted)
                } else {
                    quote!(&self.#rust.as_ref().map(|_| crate::support::Redacted))
                };
                quote!(.field(#label, #shown))
            } else {
                quote!(.field(#label, &self.#rust))
            }
        });
        let label = &def.rust_name;
        let allow_deprecated = fields
            .iter()
            .any(|f| f.deprecated)
            .then(|| quote!(#[allow(deprecated)]));
        quote! {
            impl std::fmt::Debug for #name {
                #allow_deprecated
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.debug_struct(#label)
                        #(#entries)*
                        #additional_debug
                        .finish()
                }
            }
        }
    });

    // `#[non_exhaustive]`: code outside the crate builds a model with `new`
    // or `Default`, never a struct literal, so a new optional property is a
    // minor release (Cargo's SemVer reference; see `crate::diff`).
    if compact {
        let derives = derives.iter().map(ToString::to_string).collect::<Vec<_>>();
        let object = json_object(def, fields, &derives.join(", "));
        let tokens = quote! {
            crate::support::json_object! {}
            #constructor
            #default
            #debug
        };
        return (tokens, Some(object));
    }
    let tokens = quote! {
        #[derive(#(#derives),*)]
        #rename_all
        #[non_exhaustive]
        pub struct #name {
            #(#field_defs)*
            #additional_def
        }
        #constructor
        #default
        #debug
    };
    (tokens, None)
}

/// The `json_object!` call that defines a struct model, laid out as
/// rustfmt would lay out the struct: each field is followed by its JSON
/// name, and by `skip_if is_none` when it is left out of the JSON while
/// unset.
fn json_object(def: &TypeDef, fields: &[Field], derives: &str) -> String {
    let mut out = String::from("crate::support::json_object! {\n");
    push_doc_lines(&mut out, "    ", &type_docs(def));
    out.push_str(&format!("    #[derive({derives})]\n"));
    out.push_str("    #[non_exhaustive]\n");
    out.push_str(&format!("    pub struct {} {{\n", def.rust_name));
    for f in fields {
        push_doc_lines(&mut out, "        ", &field_docs(f));
        if f.deprecated {
            out.push_str(&format!(
                "        #[deprecated(note = {})]\n",
                proc_macro2::Literal::string(&super::rust::deprecation_note(
                    f.description.as_deref()
                ))
            ));
        }
        let ty = tokens_display(&field_type(f));
        let skip = if f.required { "" } else { " skip_if is_none" };
        out.push_str(&format!(
            "        pub {}: {ty} => {}{skip},\n",
            ident(&f.rust_name),
            proc_macro2::Literal::string(&f.wire_name)
        ));
    }
    out.push_str("    }\n}\n");
    out
}

/// A field's doc text: the spec's description, then what the code
/// makes of the property (read-only, secret, its default…).
fn field_docs(f: &Field) -> String {
    let mut text = f.description.as_deref().map(prose).unwrap_or_default();
    let mut notes = Vec::new();
    if f.read_only {
        notes.push("Read-only: set by the server, ignored in requests.".to_owned());
    }
    if f.write_only {
        notes.push("Write-only: sent to the server, never returned.".to_owned());
    }
    if let Some(default) = &f.default {
        notes.push(format!(
            "When left out, the server assumes {}.",
            super::rust::code_span(default)
        ));
    }
    if f.sensitive {
        notes.push("Secret: never shown by `Debug`.".to_owned());
    }
    if let TypeRef::Array { unique: true, .. } = f.ty {
        notes.push("Items are unique.".to_owned());
    }
    if let Some(tag) = &f.tag {
        notes.push(format!(
            "Set to {} by `new`: the discriminator value that selects this type.",
            super::rust::code_span(tag)
        ));
    }
    for note in notes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&note);
    }
    if text.is_empty() {
        text = format!("The {} property.", super::rust::code_span(&f.wire_name));
    }
    text
}

/// Whether `new` takes the field: it is required, and not a subtype's tag,
/// which `new` sets itself.
pub(crate) fn is_argument(field: &Field) -> bool {
    field.required && field.tag.is_none()
}

/// The name serde's `rename_all = "camelCase"` gives a field, exactly as
/// serde_derive computes it (`RenameRule::CamelCase`): the raw prefix
/// dropped, each `_` removed and the letter after it capitalized, the
/// first letter lowercased. `None` where the rule is not plain ASCII.
fn serde_camel_case(rust_name: &str) -> Option<String> {
    let name = rust_name.strip_prefix("r#").unwrap_or(rust_name);
    if !name.is_ascii() || name.is_empty() {
        return None;
    }
    let mut pascal = String::with_capacity(name.len());
    let mut capitalize = true;
    for c in name.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(c);
        }
    }
    let first = pascal.get(..1)?.to_ascii_lowercase();
    Some(first + pascal.get(1..)?)
}

/// Whether `ty` holds `format: binary` bytes, which take
/// `crate::support::binary`'s JSON form.
fn contains_bytes(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Bytes => true,
        TypeRef::Array { items, .. } => contains_bytes(items),
        TypeRef::Map { values } => contains_bytes(values),
        TypeRef::Nullable { inner } => contains_bytes(inner),
        _ => false,
    }
}

fn contains_float(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::F32 | TypeRef::F64 | TypeRef::Json => true,
        TypeRef::Array { items, .. } => contains_float(items),
        TypeRef::Map { values } => contains_float(values),
        TypeRef::Nullable { inner } => contains_float(inner),
        // A named type may hold floats; Eq is only derived where it is
        // certain to compile.
        TypeRef::Named { .. } => true,
        _ => false,
    }
}

/// A union. Untagged, serde tries the variants in the IR's order, and
/// `Other` keeps whatever fits none. Tagged, the tag picks the variant and
/// stays in the data, which the variant's own type usually declares.
fn union(
    api: &Api,
    def: &TypeDef,
    variants: &[crate::ir::UnionVariant],
    discriminator: Option<&str>,
    other: &str,
) -> TokenStream {
    let name = ident(&def.rust_name);
    let other = ident(other);
    let defs = variants.iter().map(|v| {
        let rust = ident(&v.rust_name);
        let mut ty = type_tokens(&v.ty, &TokenStream::new());
        if v.boxed {
            ty = quote!(Box<#ty>);
        }
        let docs = match &v.tag {
            Some(tag) => {
                let tags: Vec<String> = std::iter::once(tag)
                    .chain(&v.more_tags)
                    .map(|t| super::rust::code_span(t))
                    .collect();
                doc(&format!(
                    "`{}` is {}.",
                    discriminator.unwrap_or_default(),
                    tags.join(" or ")
                ))
            }
            None => doc(&format!("The `{}` alternative.", type_display(&v.ty))),
        };
        quote! { #docs #rust(#ty), }
    });
    let other_doc = doc("JSON that fits none of the variants, kept as it came.");
    let serialize_arms: Vec<TokenStream> = variants
        .iter()
        .map(|v| {
            let rust = ident(&v.rust_name);
            quote!(Self::#rust(value) => value.serialize(serializer),)
        })
        .collect();
    let boxing = |v: &crate::ir::UnionVariant| v.boxed.then(|| quote!(.map(Box::new)));
    let conversions = union_conversions(api, &name, variants);
    let Some(tag_field) = discriminator else {
        // Each alternative in turn, most specific first; an object
        // alternative only when the data has its required properties and
        // fixed values, since decoding alone would ignore them (unknown
        // enum values are kept, unknown properties skipped).
        let attempt = |v: &crate::ir::UnionVariant, best_fit: bool| {
            let rust = ident(&v.rust_name);
            let boxing = boxing(v);
            let required = v.required.iter().map(|p| quote!(value.get(#p).is_some()));
            let fixed = v.fixed.iter().map(
                |(p, json)| quote!(value.get(#p).map(|v| v.to_string()).as_deref() == Some(#json)),
            );
            let mut conditions: Vec<TokenStream> = required.chain(fixed).collect();
            if best_fit {
                let known = v.properties.iter().flatten();
                conditions.push(quote!(crate::support::has_only_keys(&value, &[#(#known),*])));
            }
            let guard = (!conditions.is_empty()).then(|| quote!(#(#conditions)&&*));
            let attempt = quote! {
                if let Ok(decoded) = serde_json::from_value(value.clone()) #boxing {
                    return Ok(Self::#rust(decoded));
                }
            };
            match guard {
                Some(guard) => quote!(if #guard { #attempt }),
                None => attempt,
            }
        };
        // First the object alternatives that name every property of the
        // data, then each alternative as it comes.
        let best_fits = variants
            .iter()
            .filter(|v| v.properties.is_some())
            .map(|v| attempt(v, true));
        let attempts: Vec<TokenStream> = best_fits
            .chain(variants.iter().map(|v| attempt(v, false)))
            .collect();
        return quote! {
            #[derive(Clone, Debug, PartialEq)]
            #[non_exhaustive]
            pub enum #name {
                #(#defs)*
                #other_doc
                #other(serde_json::Value),
            }

            impl serde::Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self {
                        #(#serialize_arms)*
                        Self::#other(value) => value.serialize(serializer),
                    }
                }
            }

            impl<'de> serde::Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                    #(#attempts)*
                    Ok(Self::#other(value))
                }
            }

            #conversions
        };
    };
    // The tag is the variant: a value sent carries it, whatever its own
    // field holds (unset, or a value that selects another variant).
    let tagged_serialize_arms = variants.iter().map(|v| {
        let rust = ident(&v.rust_name);
        let tags = v.tag.iter().chain(&v.more_tags);
        quote! {
            Self::#rust(value) => crate::support::serialize_tagged(value, #tag_field, &[#(#tags),*], serializer),
        }
    });
    let arms = variants.iter().map(|v| {
        let rust = ident(&v.rust_name);
        let tag = v.tag.clone().unwrap_or_default();
        let more = &v.more_tags;
        let boxing = boxing(v);
        quote! {
            Some(#tag #(| #more)*) => serde_json::from_value(value) #boxing .map(Self::#rust).map_err(serde::de::Error::custom),
        }
    });
    quote! {
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#defs)*
            #other_doc
            #other(serde_json::Value),
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#tagged_serialize_arms)*
                    Self::#other(value) => value.serialize(serializer),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                let tag = value.get(#tag_field).and_then(serde_json::Value::as_str).map(str::to_owned);
                match tag.as_deref() {
                    #(#arms)*
                    _ => Ok(Self::#other(value)),
                }
            }
        }

        #conversions
    }
}

/// `From` each variant's type whose type no other variant has, so that a
/// value converts with `.into()` (`Id::from(7)`, `"slug".into()`), and
/// from `&str` where that type is `String`. Variants of the same type
/// have no conversion: which one a value is would be a guess.
fn union_conversions(
    api: &Api,
    name: &proc_macro2::Ident,
    variants: &[crate::ir::UnionVariant],
) -> TokenStream {
    let types: Vec<TokenStream> = variants
        .iter()
        .map(|v| type_tokens(&v.ty, &TokenStream::new()))
        .collect();
    // Compared with aliases followed: `From<Alias>` and `From<Target>`
    // would be one impl twice.
    let spelled: Vec<String> = variants
        .iter()
        .map(|v| type_tokens(&without_aliases(api, &v.ty, 0), &TokenStream::new()).to_string())
        .collect();
    let impls = variants
        .iter()
        .zip(&types)
        .zip(&spelled)
        .filter_map(|((v, ty), text)| {
            // The union itself as a variant is core's `From<T> for T`.
            if *name == text.as_str() || spelled.iter().filter(|other| *other == text).count() > 1 {
                return None;
            }
            let rust = ident(&v.rust_name);
            let value = match v.boxed {
                true => quote!(Box::new(value)),
                false => quote!(value),
            };
            let from_str = matches!(v.ty, TypeRef::String { .. }).then(|| {
                quote! {
                    impl From<&str> for #name {
                        fn from(value: &str) -> Self {
                            Self::from(value.to_owned())
                        }
                    }
                }
            });
            Some(quote! {
                impl From<#ty> for #name {
                    fn from(value: #ty) -> Self {
                        Self::#rust(#value)
                    }
                }
                #from_str
            })
        });
    quote!(#(#impls)*)
}

/// `ty` with each named alias replaced by what it names.
fn without_aliases(api: &Api, ty: &TypeRef, depth: usize) -> TypeRef {
    let deeper = |inner: &TypeRef| Box::new(without_aliases(api, inner, depth + 1));
    match ty {
        TypeRef::Named { name } if depth < 16 => match api.type_def(name).map(|d| &d.kind) {
            Some(TypeKind::Alias {
                target,
                wrapped: false,
            }) => without_aliases(api, target, depth + 1),
            _ => ty.clone(),
        },
        TypeRef::Array { items, unique } => TypeRef::Array {
            items: deeper(items),
            unique: *unique,
        },
        TypeRef::Map { values } => TypeRef::Map {
            values: deeper(values),
        },
        TypeRef::Nullable { inner } => TypeRef::Nullable {
            inner: deeper(inner),
        },
        other => other.clone(),
    }
}

/// An integer enum: the values as variants, any other integer kept in the
/// unknown variant, numbers on the wire.
fn integer_enumeration(def: &TypeDef, variants: &[Variant], unknown: &str) -> TokenStream {
    let name = ident(&def.rust_name);
    let unknown = ident(unknown);
    // Values that don't fit an i64 were rejected by the parser already.
    let values: Vec<(proc_macro2::Ident, i64)> = variants
        .iter()
        .filter_map(|v| Some((ident(&v.rust_name), v.wire_value.parse().ok()?)))
        .collect();
    let defs = values.iter().map(|(rust, value)| {
        let docs = doc(&format!("`{value}`"));
        quote! { #docs #rust, }
    });
    let to_value = values
        .iter()
        .map(|(rust, value)| quote!(Self::#rust => #value,));
    let from_value = values
        .iter()
        .map(|(rust, value)| quote!(#value => Self::#rust,));
    let known = values.iter().map(|(rust, _)| quote!(Self::#rust));
    let count = proc_macro2::Literal::usize_unsuffixed(values.len());
    let list = values
        .iter()
        .map(|(_, v)| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let known_doc = doc(&format!("Every value the spec lists: {list}."));
    let unknown_doc = doc(
        "A value this version of the crate doesn't know yet, kept exactly as the server sent it.",
    );
    let value_doc = doc("The value exactly as it is sent on the wire.");
    quote! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#defs)*
            #unknown_doc
            #unknown(i64),
        }

        impl #name {
            #known_doc
            pub const KNOWN: [Self; #count] = [#(#known),*];

            #value_doc
            pub fn value(self) -> i64 {
                match self {
                    #(#to_value)*
                    Self::#unknown(value) => value,
                }
            }
        }

        impl From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #(#from_value)*
                    other => Self::#unknown(other),
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.value())
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <i64 as serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    }
}

/// A string enum: one `str_enum!` call (the runtime's `support` module),
/// which holds the impls every string enum shares, with the variants and
/// their wire values. Written as text: prettyplease prints a macro's body
/// on one line.
fn string_enum(docs: &str, name: &str, variants: &[Variant], unknown: &str) -> String {
    let mut out = format!(
        "{}\n\ncrate::support::str_enum! {{\n",
        super::rust::RUST_HEADER
    );
    push_doc_lines(&mut out, "    ", docs);
    out.push_str(&format!("    pub enum {name} {{\n"));
    for v in variants {
        let wire = proc_macro2::Literal::string(&v.wire_value);
        out.push_str(&format!("        {} = {wire},\n", v.rust_name));
    }
    out.push_str(&format!("        _ => {unknown}(String),\n    }}\n}}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::inline_origin;

    #[test]
    fn camel_case_is_serde_derive_s() {
        use super::serde_camel_case;
        assert_eq!(
            serde_camel_case("primary_contact_info").as_deref(),
            Some("primaryContactInfo")
        );
        assert_eq!(serde_camel_case("id").as_deref(), Some("id"));
        assert_eq!(serde_camel_case("r#type").as_deref(), Some("type"));
        assert_eq!(serde_camel_case("field_1").as_deref(), Some("field1"));
        assert_eq!(serde_camel_case("_private").as_deref(), Some("private"));
        assert_eq!(serde_camel_case("é"), None);
    }

    #[test]
    fn inline_schemas_are_described_by_where_they_sit() {
        assert_eq!(
            inline_origin("/components/schemas/OAuthClient/properties/state"),
            "`OAuthClient.state`"
        );
        assert_eq!(
            inline_origin("/components/schemas/ApiUsageClientQuery/properties/metrics/items"),
            "the items of `ApiUsageClientQuery.metrics`"
        );
    }
}
