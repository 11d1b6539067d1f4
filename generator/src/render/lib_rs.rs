//! Renders `src/lib.rs`: the crate's modules and its public surface.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{ident, rust_file};
use super::GeneratedFile;
use crate::config::Profile;
use crate::diagnostics::Error;
use crate::ir::Api;

/// `src/lib.rs`. Modules and re-exports are emitted in the order rustfmt
/// sorts them, so that `cargo fmt --check` leaves the file alone.
pub fn render(api: &Api, profile: Profile) -> Result<GeneratedFile, Error> {
    let auth = super::auth::view(api, profile);
    let genesys = profile == Profile::Genesys;
    let has_paging = api.has_paging();
    let usage = super::templates::usage_helper(api);
    let has_usage = usage.is_some();
    // The usage helper extends its group's API: it compiles with it.
    let usage_cfg = usage
        .as_ref()
        .and_then(|u| u.get("api"))
        .and_then(|name| api.groups.iter().find(|g| g.rust_name == *name))
        .map(|g| {
            let feature = api.features.of_group(g);
            quote!(#[cfg(feature = #feature)])
        });

    // (name, public, laid out by prettyplease)
    let mut modules = vec![
        ("apis", true, true),
        ("client", false, false),
        ("error", false, false),
        ("models", true, true),
        ("retry", false, false),
        ("support", false, false),
    ];
    if auth.any {
        modules.push(("auth", false, false));
    }
    if genesys {
        modules.push(("region", false, false));
    }
    if has_paging {
        modules.push(("paging", false, false));
    }
    if has_usage {
        modules.push(("usage", false, false));
    }
    modules.sort();
    let modules = modules.iter().map(|(name, public, skip)| {
        let cfg = (*name == "usage").then(|| usage_cfg.clone()).flatten();
        let name = ident(name);
        // The generated modules are laid out by prettyplease; rustfmt would
        // only churn them. The runtime modules are rustfmt-clean.
        let skip = skip.then(|| quote!(#[rustfmt::skip]));
        // Their shapes are the spec's: a call takes every required
        // parameter, a field nests as its schema does, and the variants of
        // a call's several 2xx responses are as large as their bodies,
        // however clippy would count them.
        let shaped_by_spec = skip.is_some().then(|| {
            quote!(#[allow(
                clippy::too_many_arguments,
                clippy::type_complexity,
                clippy::large_enum_variant
            )])
        });
        let vis = public.then(|| quote!(pub));
        quote! { #cfg #skip #shaped_by_spec #vis mod #name; }
    });

    let mut reexports: Vec<(String, TokenStream)> = api
        .groups
        .iter()
        .map(|g| {
            let module = ident(&g.module);
            let name = ident(&g.rust_name);
            let feature = api.features.of_group(g);
            (
                format!("apis::{}", g.module),
                quote!(#[cfg(feature = #feature)] pub use apis::#module::#name;),
            )
        })
        .collect();
    let mut auth_items = Vec::new();
    if auth.managed {
        auth_items.push(quote!(Grant));
    }
    if genesys {
        auth_items.push(quote!(PkceChallenge));
    }
    if auth.secret {
        auth_items.push(quote!(Secret));
    }
    if auth.managed {
        auth_items.push(quote!(Token));
    }
    if !auth_items.is_empty() {
        reexports.push(("auth".into(), quote!(pub use auth::{#(#auth_items),*};)));
    }
    let mut client_items = Vec::new();
    if auth.bearer {
        client_items.push(quote!(AccessToken));
    }
    client_items.extend([quote!(BoxFuture), quote!(Client), quote!(ClientBuilder)]);
    // rustfmt's 2024 style sorts names as text: the constant before
    // `ResponseValue`.
    if api.default_base_url.is_some() {
        client_items.push(quote!(DEFAULT_BASE_URL));
    }
    client_items.push(quote!(ResponseValue));
    reexports.push((
        "client".into(),
        quote!(pub use client::{#(#client_items),*};),
    ));
    let mut error_items = vec![quote!(ApiError)];
    if auth.managed {
        error_items.push(quote!(AuthError));
    }
    error_items.extend([quote!(DecodeError), quote!(Error), quote!(ResponseBody)]);
    reexports.push(("error".into(), quote!(pub use error::{#(#error_items),*};)));
    if genesys {
        reexports.push((
            "region".into(),
            quote!(
                pub use region::Region;
            ),
        ));
    }
    reexports.push((
        "retry".into(),
        quote!(
            pub use retry::{RetryPolicy, Sleeper, TokioSleeper};
        ),
    ));
    if has_usage {
        reexports.push((
            "usage".into(),
            quote!(
                #usage_cfg
                pub use usage::PollOptions;
            ),
        ));
    }
    reexports.sort_by(|a, b| a.0.cmp(&b.0));
    let reexports = reexports.into_iter().map(|(_, tokens)| tokens);

    let path = "src/lib.rs";
    let tokens = quote! {
        #![doc = include_str!("../README.md")]
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]
        // With only some API groups enabled, the parts of the shared
        // runtime that only the others use are not called.
        #![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

        #(#modules)*

        #(#reexports)*
    };
    let text = rust_file(path, || tokens)?;
    Ok(GeneratedFile::new(
        path,
        use_lists_as_rustfmt_lays_them(&text),
    ))
}

/// prettyplease breaks a line past 89 columns; rustfmt keeps a `use` list
/// on one line up to 100. A re-export list between the two is joined, so
/// that `cargo fmt` leaves the file as generated.
fn use_lists_as_rustfmt_lays_them(text: &str) -> String {
    const RUSTFMT_MAX_WIDTH: usize = 100;
    let mut out: Vec<String> = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let is_open = line.starts_with("pub use ") && line.ends_with("::{");
        if !is_open {
            out.push(line.to_owned());
            continue;
        }
        let mut items: Vec<&str> = Vec::new();
        let mut closed = false;
        for next in lines.by_ref() {
            if next == "};" {
                closed = true;
                break;
            }
            items.push(next.trim());
        }
        let joined = format!("{line}{}}};", items.join(" ").trim_end_matches(','));
        if closed && joined.len() <= RUSTFMT_MAX_WIDTH {
            out.push(joined);
        } else {
            out.push(line.to_owned());
            out.extend(items.iter().map(|item| format!("    {item}")));
            if closed {
                out.push("};".to_owned());
            }
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}
