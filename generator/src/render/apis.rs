//! Renders each API group: the `…Api` struct with one method per operation,
//! and per operation a request builder that is awaited (or `send()`) to make
//! the call. Required parameters are method arguments; optional ones are
//! builder setters, so a call never needs a wall of `None`s.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{
    code_span, doc, ident, named_types, prose, rust_file, type_display, type_tokens,
};
use super::GeneratedFile;
use crate::config::Profile;
use crate::diagnostics::Error;
use crate::ir::{
    Api, ApiGroup, Location, Media, Operation, OperationPaging, ParamStyle, Parameter, PathSegment,
    TypeRef,
};

/// `src/apis/<group>.rs`.
pub fn file(
    api: &Api,
    group: &ApiGroup,
    crate_ident: &str,
    profile: Profile,
) -> Result<GeneratedFile, Error> {
    let path = format!("src/apis/{}.rs", group.module);
    rust_file(&path, || group_tokens(api, group, crate_ident, profile))
        .map(|text| GeneratedFile::new(&path, text))
}

/// `src/apis/mod.rs`.
pub fn mod_rs(api: &Api) -> Result<GeneratedFile, Error> {
    let path = "src/apis/mod.rs";
    let text = rust_file(path, || {
        let modules = api.groups.iter().map(|group| {
            let module = ident(&group.module);
            let docs = doc(&format!("The operations tagged {}.", code_span(&group.tag)));
            let feature = api.features.of_group(group);
            quote! { #docs #[cfg(feature = #feature)] pub mod #module; }
        });
        quote! {
            //! One module per API group (tag of the spec). Each holds the group's
            //! struct and a request builder per operation.
            #(#modules)*
        }
    })?;
    Ok(GeneratedFile::new(path, text))
}

fn models_prefix() -> TokenStream {
    quote!(models::)
}

fn group_tokens(api: &Api, group: &ApiGroup, crate_ident: &str, profile: Profile) -> TokenStream {
    let name = ident(&group.rust_name);
    let accessor = ident(&group.accessor);
    let methods = group
        .operations
        .iter()
        .map(|op| method(api, group, op, crate_ident, profile));
    let builders = group
        .operations
        .iter()
        .map(|op| builder(&group.rust_name, op, super::auth::security_call(api, op)));
    // `models::` is imported only where a type of it is named: an unused
    // import is a warning.
    let uses_models = group.operations.iter().any(|op| {
        let mut named = Vec::new();
        let types = op
            .success
            .iter()
            .chain(op.body.as_ref().map(|b| &b.ty))
            .chain(op.parameters.iter().map(|p| &p.ty))
            .chain(op.paging.as_ref().map(|p| &p.item))
            .chain(
                op.success_enum
                    .iter()
                    .flat_map(|e| e.variants.iter().filter_map(|v| v.ty.as_ref())),
            );
        for ty in types {
            named_types(ty, &mut named);
        }
        !named.is_empty()
    });
    let models_use = uses_models.then(|| {
        quote!(
            use crate::models;
        )
    });
    // Imported only where used: an unused import is a warning.
    let parameters = || group.operations.iter().flat_map(|op| &op.parameters);
    let path = |p: &&Parameter| p.location == Location::Path;
    let plain = |p: &Parameter| (p.style, p.explode) == (ParamStyle::Simple, false);
    let mut support_items = Vec::new();
    if parameters().filter(path).any(|p| !plain(p)) {
        support_items.push(quote!(path_param));
    }
    if parameters().filter(path).any(plain) {
        support_items.push(quote!(path_segment));
    }
    if parameters().any(|p| p.location == Location::Query || (path(&p) && !plain(p))) {
        support_items.push(quote!(Style));
    }
    let support_use = match support_items.as_slice() {
        [] => TokenStream::new(),
        [one] => quote!(use crate::support::#one;),
        many => quote!(use crate::support::{#(#many),*};),
    };
    let struct_doc = doc(&format!(
        "The operations tagged {}: get it from [`Client::{}`].",
        code_span(&group.tag),
        group.accessor
    ));
    let accessor_doc = doc(&format!("The operations tagged {}.", code_span(&group.tag)));
    let new_doc = doc(&format!(
        "The {} operations, sent through `client`.",
        code_span(&group.tag)
    ));
    quote! {
        use crate::client::{Call, Client, Request};
        #models_use
        #support_use
        use crate::Error;
        use reqwest::Method;

        #struct_doc
        #[derive(Clone, Debug)]
        pub struct #name {
            pub(crate) client: Client,
        }

        impl #name {
            #new_doc
            pub fn new(client: Client) -> Self {
                Self { client }
            }

            #(#methods)*
        }

        impl Client {
            #accessor_doc
            pub fn #accessor(&self) -> #name {
                #name::new(self.clone())
            }
        }

        #(#builders)*
    }
}

/// The type a method argument or setter takes: strings take anything that
/// becomes a `String`.
fn arg_type(ty: &TypeRef) -> (TokenStream, bool) {
    match ty {
        TypeRef::String { .. } => (quote!(impl Into<String>), true),
        other => (type_tokens(other, &models_prefix()), false),
    }
}

fn method(
    api: &Api,
    group: &ApiGroup,
    op: &Operation,
    crate_ident: &str,
    profile: Profile,
) -> TokenStream {
    let name = ident(&op.rust_name);
    let builder = ident(&op.builder_name);
    let required: Vec<&Parameter> = op.parameters.iter().filter(|p| p.required).collect();
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for p in &required {
        let rust = ident(&p.rust_name);
        let (ty, into) = arg_type(&p.ty);
        args.push(quote!(#rust: #ty));
        inits.push(if into {
            quote!(#rust: #rust.into())
        } else {
            quote!(#rust)
        });
    }
    for p in op.parameters.iter().filter(|p| !p.required) {
        let rust = ident(&p.rust_name);
        inits.push(quote!(#rust: None));
    }
    if let Some(body) = &op.body {
        let rust = ident(&body.rust_name);
        let ty = type_tokens(&body.ty, &models_prefix());
        if body.required {
            args.push(quote!(#rust: #ty));
            inits.push(quote!(#rust));
        } else {
            inits.push(quote!(#rust: None));
        }
    }
    let docs = doc(&method_docs(api, group, op, crate_ident, profile));
    let deprecated = op
        .docs
        .deprecated
        .then(|| super::rust::deprecated(op.docs.description.as_deref()));
    quote! {
        #docs
        #deprecated
        pub fn #name(&self, #(#args),*) -> #builder {
            #builder {
                call: Call::new(&self.client),
                #(#inits,)*
            }
        }
    }
}

fn method_docs(
    api: &Api,
    group: &ApiGroup,
    op: &Operation,
    crate_ident: &str,
    profile: Profile,
) -> String {
    let mut text = String::new();
    let summary = op.docs.summary.as_deref().unwrap_or(&op.operation_id);
    text.push_str(&prose(summary));
    text.push_str("\n\n");
    if let Some(d) = &op.docs.description {
        text.push_str(&prose(d));
        text.push_str("\n\n");
    }
    // What the call resolves to, in the same paragraph as what it wraps.
    let returns = match (&op.success_enum, &op.success) {
        (Some(e), _) => format!(
            "the builder resolves to [`{}`] when awaited: one variant per 2xx response",
            e.rust_name
        ),
        (None, Some(ty)) => format!(
            "the builder resolves to `{}` when awaited",
            type_display(ty)
        ),
        (None, None) => "the builder resolves to `()` when awaited: any 2xx status is success, \
                         whatever the body"
            .to_owned(),
    };
    text.push_str(&format!(
        "Wraps `{} {}`; {returns}.\n\n",
        op.method, op.path
    ));
    match &op.docs.permissions {
        Some(p) if !p.permissions.is_empty() => {
            text.push_str(&format!("Requires {} permissions:\n", p.kind));
            for perm in &p.permissions {
                text.push_str(&format!("- `{perm}`\n"));
            }
            text.push('\n');
        }
        // Only a spec that documents permissions says when none are needed.
        _ if api.documents_permissions() => text.push_str("Requires no permissions.\n\n"),
        _ => {}
    }
    let documented: Vec<&Parameter> = op.parameters.iter().filter(|p| p.required).collect();
    if !documented.is_empty() || op.body.as_ref().is_some_and(|b| b.required) {
        text.push_str("# Arguments\n\n");
        for p in documented {
            text.push_str(&param_line(p));
        }
        if let Some(body) = op.body.as_ref().filter(|b| b.required) {
            // A body the spec doesn't describe still says what it is.
            let description = match body.description.as_deref().map(prose) {
                Some(d) if !d.trim().is_empty() => d,
                _ => format!(
                    "the request body, sent as {}.",
                    code_span(&body.content_type)
                ),
            };
            text.push_str(&format!(
                "- `{}`{}\n",
                body.rust_name,
                after_colon(&list_item_text(&description))
            ));
        }
        text.push('\n');
    }
    let optional: Vec<&Parameter> = op.parameters.iter().filter(|p| !p.required).collect();
    if !optional.is_empty() {
        // Each setter documents its parameter; listed here by name only.
        let builder = &op.builder_name;
        let setters: Vec<String> = optional
            .iter()
            .map(|p| format!("[`{0}`]({builder}::{0})", p.rust_name))
            .collect();
        text.push_str(&format!(
            "# Optional parameters\n\nSet on the returned [`{builder}`]: {}.\n\n",
            setters.join(", ")
        ));
    }
    text.push_str("# Errors\n\n");
    let statuses: Vec<&str> = op
        .responses
        .iter()
        .filter(|r| !r.status.starts_with('2') && r.status != "default")
        .map(|r| r.status.as_str())
        .collect();
    if statuses.is_empty() {
        text.push_str("[`Error::Api`] for any status that is not 2xx. ");
    } else {
        text.push_str(&format!(
            "[`Error::Api`] for any status that is not 2xx; the spec lists {}. ",
            statuses.join(", ")
        ));
    }
    text.push_str("[`Error::InvalidArgument`] when an argument can't be sent as given; ");
    // Only a client that gets its own tokens has `Error::Auth`.
    if super::auth::view(api, profile).managed {
        text.push_str("[`Error::Auth`] when no token can be had; ");
    }
    text.push_str(
        "[`Error::Transport`] and [`Error::Decode`] when the exchange itself fails. \
         [`Error`] shows how to tell them apart.",
    );
    text.push_str("\n\n# Example\n\n```no_run\n");
    text.push_str(&super::example::rustdoc(api, group, op, crate_ident));
    text.push_str("\n```");
    text
}

fn param_line(p: &Parameter) -> String {
    let mut line = format!("- `{}`", p.rust_name);
    if p.rust_name != p.wire_name {
        line.push_str(&format!(" ({})", code_span(&p.wire_name)));
    }
    line.push_str(&format!(", {}", p.location.as_str()));
    let mut text = p
        .description
        .as_deref()
        .map(|d| sentence(&prose(d)))
        .unwrap_or_default();
    if let Some(default) = &p.default {
        let default = format!("The server's default is {}.", code_span(default));
        text = match text.as_str() {
            "" => default,
            // Text after a closing fence on its line would reopen nothing
            // and close nothing: it goes in a paragraph of its own.
            t if ends_with_fence(t) => format!("{t}\n\n{default}"),
            t => format!("{t} {default}"),
        };
    }
    if !text.is_empty() {
        line.push_str(&after_colon(&list_item_text(&text)));
    }
    line.push('\n');
    line
}

/// `: rest` of a list item: on the item's line when `rest` starts with
/// text, after a blank line when it starts with a block of its own (a
/// code fence glued to `- name:` would be no fence at all).
fn after_colon(rest: &str) -> String {
    if rest.starts_with('\n') {
        format!(":{rest}")
    } else {
        format!(": {rest}")
    }
}

/// Whether a line (its indentation trimmed) opens or closes a code fence.
fn is_fence(trimmed: &str) -> bool {
    trimmed.starts_with("```") || trimmed.starts_with("~~~")
}

/// Whether `text` ends in a closing code fence, which a sentence can't
/// follow on the same line.
fn ends_with_fence(text: &str) -> bool {
    is_fence(text.lines().last().unwrap_or("").trim_start())
}

/// Whether `text` opens with a block of its own (a code fence, list,
/// heading, quote or table), which can't follow other text on its line.
fn starts_with_block(text: &str) -> bool {
    let first = text.trim_start_matches('\n').lines().next().unwrap_or("");
    let first = first.trim_start();
    is_fence(first) || starts_block(first)
}

/// `text` as the rest of a `- ` list item: its other lines are indented
/// to the item's text, so they stay in the item (clippy's
/// `doc_lazy_continuation`). Text that opens with a block (a code fence,
/// list, heading, quote or table) starts on a line of its own, after a
/// blank one, and the result then starts with `\n`.
fn list_item_text(text: &str) -> String {
    if starts_with_block(text) {
        let rest = list_item_lines(text.trim_start_matches('\n'));
        return format!("\n\n  {rest}");
    }
    list_item_lines(text)
}

fn list_item_lines(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_fence = false;
    let mut after_text = false;
    // Inside a list of the text's own, whose continuation lines `prose`
    // indented to their item's text already.
    let mut in_list = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let fence = is_fence(trimmed);
        let line = if !in_fence && after_text && !fence && !starts_block(trimmed) && !in_list {
            // A paragraph's continuation: its indentation means nothing in
            // Markdown, and more than the item's two spaces is what
            // `clippy::doc_overindented_list_items` rejects.
            trimmed
        } else {
            line
        };
        if !in_fence {
            in_list = starts_list_item(trimmed) || (in_list && !trimmed.is_empty());
        }
        if fence {
            in_fence = !in_fence;
        }
        after_text = !in_fence && !fence && !trimmed.is_empty();
        out.push(if line.is_empty() {
            String::new()
        } else {
            format!("  {line}")
        });
    }
    out.join("\n").trim_start().to_owned()
}

/// Whether a Markdown line starts a list item.
fn starts_list_item(trimmed: &str) -> bool {
    let ordered = trimmed.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty()
            && n.len() <= 9
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(' ')
    });
    ordered || ["- ", "* ", "+ "].iter().any(|m| trimmed.starts_with(m))
}

/// Whether a Markdown line starts a block of its own even right after a
/// paragraph line: a list item, heading, quote or table row.
fn starts_block(trimmed: &str) -> bool {
    starts_list_item(trimmed)
        || ["#", ">", "|"]
            .iter()
            .any(|marker| trimmed.starts_with(marker))
}

/// Ends `text` with a full stop, so that a note can follow it.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    // A closing code fence must stay alone on its line.
    if text.ends_with(['.', '!', '?']) || ends_with_fence(text) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn builder(group: &str, op: &Operation, security: Option<TokenStream>) -> TokenStream {
    let name = ident(&op.builder_name);
    let mut fields = Vec::new();
    let mut setters = Vec::new();
    for p in &op.parameters {
        let rust = ident(&p.rust_name);
        let ty = type_tokens(&p.ty, &models_prefix());
        if p.required {
            fields.push(quote!(#rust: #ty));
            continue;
        }
        fields.push(quote!(#rust: Option<#ty>));
        let (arg, into) = arg_type(&p.ty);
        let value = if into {
            quote!(value.into())
        } else {
            quote!(value)
        };
        let mut text = format!("Sets {} ({})", code_span(&p.wire_name), p.location.as_str());
        match &p.description {
            // A block glued to `Sets … :` would be none.
            Some(d) => {
                let d = sentence(&prose(d));
                let gap = if starts_with_block(&d) { "\n\n" } else { " " };
                text.push_str(&format!(":{gap}{d}"));
            }
            None => text.push('.'),
        }
        if let Some(default) = &p.default {
            // In the same paragraph, unless the text ends in a code block.
            text.push_str(if ends_with_fence(&text) { "\n\n" } else { " " });
            text.push_str(&format!(
                "When unset, the server uses {}.",
                super::rust::code_span(default)
            ));
        }
        let docs = doc(&text);
        setters.push(quote! {
            #docs
            pub fn #rust(mut self, value: #arg) -> Self {
                self.#rust = Some(#value);
                self
            }
        });
    }
    if let Some(body) = &op.body {
        let rust = ident(&body.rust_name);
        let ty = type_tokens(&body.ty, &models_prefix());
        if body.required {
            fields.push(quote!(#rust: #ty));
        } else {
            fields.push(quote!(#rust: Option<#ty>));
            let docs = doc("Sets the request body.");
            setters.push(quote! {
                #docs
                pub fn #rust(mut self, value: #ty) -> Self {
                    self.#rust = Some(value);
                    self
                }
            });
        }
    }

    let output = match (&op.success_enum, &op.success) {
        (Some(e), _) => {
            let name = ident(&e.rust_name);
            quote!(#name)
        }
        (None, Some(ty)) => type_tokens(ty, &models_prefix()),
        (None, None) => quote!(()),
    };
    let success_enum = op.success_enum.as_ref().map(|e| success_enum(group, op, e));
    let send_body = send_body(op, security);
    let stream = op.paging.as_ref().map(|paging| stream_method(op, paging));
    let has_setters = !setters.is_empty();
    let struct_doc = doc(&format!(
        "The request of [`{group}::{name}`]: {}`.await` it, or call [`send`](Self::send).",
        if has_setters {
            "set its optional parameters, then "
        } else {
            ""
        },
        name = op.rust_name,
    ));
    let send_doc = doc(&format!(
        "Sends `{} {}` and decodes the response.",
        op.method, op.path
    ));
    quote! {
        #success_enum

        #struct_doc
        #[derive(Clone, Debug)]
        #[must_use = "a request does nothing until it is awaited or sent"]
        pub struct #name {
            call: Call,
            #(#fields,)*
        }

        impl #name {
            #(#setters)*

            #send_doc
            pub async fn send(self) -> Result<#output, Error> {
                #send_body
            }

            #stream
        }

        crate::support::request_builder!(#name => #output);
    }
}

/// `stream()`: every item of every page, as one stream.
fn stream_method(op: &Operation, paging: &OperationPaging) -> TokenStream {
    let item = type_tokens(&paging.item, &models_prefix());
    let operation = &op.rust_name;
    let template = &op.path;
    let by_number = match &paging.page_number_param {
        Some((param, ty)) => {
            let param = ident(param);
            let value = match ty {
                TypeRef::I32 => quote!(i32::try_from(n).unwrap_or(i32::MAX)),
                TypeRef::String { .. } => quote!(n.to_string()),
                _ => quote!(n),
            };
            quote! {
                Some(Box::new(move |n: i64| -> crate::client::BoxFuture<_> {
                    Box::pin(next.clone().#param(#value).send())
                }))
            }
        }
        None => quote!(None),
    };
    let next_decl = paging
        .page_number_param
        .as_ref()
        .map(|_| quote!(let next = self.clone();));
    let docs = doc(
        "Every item of every page, as one stream (use `futures::StreamExt` to consume it).\n\n\
         The pages are walked by `nextUri` when the server gives one, else by page number; \
         the walk stops on an empty or last page, on an error (the stream's last item), and on \
         a `nextUri` already followed.",
    );
    quote! {
        #docs
        pub fn stream(self) -> futures_util::stream::BoxStream<'static, Result<#item, Error>> {
            let client = self.call.client.clone();
            #next_decl
            crate::paging::stream(
                client,
                #operation,
                #template,
                Box::pin(self.send()),
                #by_number,
            )
        }
    }
}

/// The status pattern of a 2xx response: `201`, or `200..=299` for `2XX`.
/// The `match` pattern of a 2xx status: the code, or for a range (`2XX`)
/// a guard, since a range beside a code of its own (`200` and `2XX`, as
/// specs write them) would be an overlapping arm.
fn success_status_pattern(status: &str) -> TokenStream {
    match status.parse::<u16>() {
        Ok(code) => quote!(#code),
        Err(_) => quote!(status if (200..=299).contains(&status)),
    }
}

/// The enum a call resolves to when its 2xx responses carry different
/// bodies.
fn success_enum(group: &str, op: &Operation, e: &crate::ir::SuccessEnum) -> TokenStream {
    let name = ident(&e.rust_name);
    let variants = e.variants.iter().map(|v| {
        let rust = ident(&v.rust_name);
        let docs = doc(&format!("HTTP {}: {}", v.status, prose(&v.description)));
        match &v.ty {
            Some(ty) => {
                let ty = type_tokens(ty, &models_prefix());
                quote!(#docs #rust(#ty),)
            }
            None => quote!(#docs #rust,),
        }
    });
    let docs = doc(&format!(
        "What [`{}::{}`] returns: its 2xx responses carry different bodies.",
        group, op.rust_name
    ));
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }
    }
}

fn send_body(op: &Operation, security: Option<TokenStream>) -> TokenStream {
    // The path: literals as they are, each parameter percent-encoded into
    // exactly one segment first, so the `format!` reads like the template.
    let mut template = String::new();
    let mut encode = Vec::new();
    // A template may name a parameter twice (`/a/{id}/b/{id}`); it is
    // encoded once.
    let mut encoded = std::collections::BTreeSet::new();
    for segment in &op.path_segments {
        match segment {
            PathSegment::Literal { text } => {
                template.push_str(&text.replace('{', "{{").replace('}', "}}"))
            }
            PathSegment::Parameter {
                wire_name,
                rust_name,
            } => {
                template.push_str(&format!("{{{rust_name}}}"));
                if !encoded.insert(rust_name.clone()) {
                    continue;
                }
                let rust = ident(rust_name);
                let (style, explode) = op
                    .parameters
                    .iter()
                    .find(|p| p.location == Location::Path && &p.wire_name == wire_name)
                    .map_or((ParamStyle::Simple, false), |p| (p.style, p.explode));
                if (style, explode) == (ParamStyle::Simple, false) {
                    encode.push(quote! {
                        let #rust = path_segment(#wire_name, &self.#rust)?;
                    });
                    continue;
                }
                let style = style_tokens(style);
                encode.push(quote! {
                    let #rust = path_param(#wire_name, &self.#rust, #style, #explode)?;
                });
            }
        }
    }
    let path = if encode.is_empty() {
        let literal: String = op
            .path_segments
            .iter()
            .map(|s| match s {
                PathSegment::Literal { text } => text.as_str(),
                PathSegment::Parameter { .. } => "",
            })
            .collect();
        quote!(let path = String::from(#literal);)
    } else {
        quote! {
            #(#encode)*
            let path = format!(#template);
        }
    };
    let method = ident(&op.method);
    let mut steps = Vec::new();
    for (name, value) in &op.path_query {
        steps.push(quote!(request.query_encoded(#name.to_owned(), #value.to_owned());));
    }
    for p in op
        .parameters
        .iter()
        .filter(|p| p.location != Location::Path)
    {
        let rust = ident(&p.rust_name);
        if p.location == Location::Query {
            // `None` (and `null`) send nothing: the field goes as it is.
            let wire = &p.wire_name;
            let (style, explode) = (style_tokens(p.style), p.explode);
            steps.push(quote!(request.query_param(#wire, &self.#rust, #style, #explode)?;));
            continue;
        }
        let wire = &p.wire_name;
        let explode = p.explode;
        let add = match p.location {
            // Sent above, or in the path.
            Location::Query | Location::Path => continue,
            Location::Header => quote! {
                request.header(#wire, crate::support::header_value(#wire, value, #explode)?)?;
            },
            Location::Cookie => quote! {
                cookies.extend(crate::support::cookie_pairs(#wire, value, #explode)?);
            },
        };
        if p.required {
            steps.push(quote! { let value = &self.#rust; #add });
        } else {
            steps.push(quote! {
                if let Some(value) = &self.#rust {
                    #add
                }
            });
        }
    }
    let has_cookies = op.parameters.iter().any(|p| p.location == Location::Cookie);
    if has_cookies {
        // All cookies go in one `Cookie` header (RFC 6265, section 5.4).
        steps.push(quote! {
            if !cookies.is_empty() {
                request.header("Cookie", cookies.join("; "))?;
            }
        });
    }
    let cookies_decl = has_cookies.then(|| quote!(let mut cookies: Vec<String> = Vec::new();));
    if let Some(body) = &op.body {
        let rust = ident(&body.rust_name);
        let content_type = body.content_type.as_str();
        let set = |value: TokenStream| match body.media {
            Media::Form => {
                quote!(request.form_body(&crate::support::form_fields(#value)?)?;)
            }
            Media::Multipart => quote! {
                let form = Clone::clone(#value);
                request.multipart_body(std::sync::Arc::new(move || form.to_multipart()));
            },
            Media::Binary => quote! {
                request.bytes_body(#value);
                request.body_media_type(#content_type);
            },
            Media::Text => quote! {
                request.bytes_body(AsRef::<[u8]>::as_ref(#value));
                request.body_media_type(#content_type);
            },
            Media::Json if content_type == "application/json" => {
                quote!(request.json_body(#value)?;)
            }
            Media::Json => quote! {
                request.json_body(#value)?;
                request.body_media_type(#content_type);
            },
        };
        if body.required {
            steps.push(set(quote!(&self.#rust)));
        } else {
            // `value`, a reserved name, not `body`: that is the body
            // field's own name unless a parameter took it first.
            let step = set(quote!(value));
            steps.push(quote! {
                if let Some(value) = &self.#rust {
                    #step
                }
            });
        }
    }
    let finish = match (&op.success_enum, &op.success) {
        (Some(e), _) => {
            let name = ident(&e.rust_name);
            let label = e.rust_name.as_str();
            // Codes before ranges: the first arm that matches wins.
            let mut variants: Vec<_> = e.variants.iter().collect();
            variants.sort_by_key(|v| v.status.parse::<u16>().is_err());
            let arms = variants.into_iter().map(|v| {
                let variant = ident(&v.rust_name);
                let status = success_status_pattern(&v.status);
                match &v.ty {
                    Some(ty) => {
                        let decode = decode(ty, v.media);
                        quote!(#status => #decode.map(#name::#variant),)
                    }
                    None => quote!(#status => Ok(#name::#variant),),
                }
            });
            quote! {
                match response.status() {
                    #(#arms)*
                    _ => Err(response.undocumented(#label)),
                }
            }
        }
        (None, Some(ty)) => decode(ty, op.success_media),
        (None, None) => quote!(response.empty()),
    };
    // The runtime sends `Accept: application/json` unless told otherwise.
    if op.accept != "application/json" {
        let accept = &op.accept;
        steps.insert(0, quote!(request.accept(#accept);));
    }
    let operation = &op.rust_name;
    let template_path = &op.path;
    // Every step, and a security call, sets something on the request.
    let binding = if security.is_some() || !steps.is_empty() {
        quote!(let mut request)
    } else {
        quote!(let request)
    };
    let request_decl = quote! {
        #binding = Request::new(Method::#method, #operation, #template_path, path);
        #security
        #cookies_decl
    };
    quote! {
        #path
        #request_decl
        #(#steps)*
        let response = self.call.execute(request).await?;
        #finish
    }
}

/// The runtime's `support::Style` for a parameter's style.
fn style_tokens(style: ParamStyle) -> TokenStream {
    let variant = ident(match style {
        ParamStyle::Form => "Form",
        ParamStyle::SpaceDelimited => "SpaceDelimited",
        ParamStyle::PipeDelimited => "PipeDelimited",
        ParamStyle::DeepObject => "DeepObject",
        ParamStyle::Simple => "Simple",
        ParamStyle::Label => "Label",
        ParamStyle::Matrix => "Matrix",
    });
    quote!(Style::#variant)
}

/// Decodes the response body as the media type says.
fn decode(ty: &TypeRef, media: Media) -> TokenStream {
    let label = type_display(ty);
    match media {
        Media::Text => quote!(response.text(#label)),
        Media::Binary => quote!(response.bytes()),
        _ => quote!(response.json(#label)),
    }
}

#[cfg(test)]
mod tests {
    use super::list_item_text;

    #[test]
    fn a_list_item_keeps_its_blocks_and_indents_its_paragraphs_by_two() {
        let text = "Chain:\n    MAINNET = 1\n  GOERLI = 5\n- a nested item\n\n```\n    code stays\n```\nafter";
        assert_eq!(
            list_item_text(text),
            "Chain:\n  MAINNET = 1\n  GOERLI = 5\n  - a nested item\n\n  ```\n      code stays\n  ```\n  after"
        );
    }

    #[test]
    fn a_list_item_whose_text_opens_with_a_block_starts_it_on_a_line_of_its_own() {
        assert_eq!(
            list_item_text("```json\n{\"a\": 1}\n```"),
            "\n\n  ```json\n  {\"a\": 1}\n  ```"
        );
        assert_eq!(list_item_text("- one\n- two"), "\n\n  - one\n  - two");
    }
}
