//! Renders `src/lib.rs`: the crate's modules and its public surface.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{ident, rust_file};
use super::GeneratedFile;
use crate::diagnostics::Error;
use crate::ir::Api;

/// `src/lib.rs`. Modules and re-exports are emitted in the order rustfmt
/// sorts them, so that `cargo fmt --check` leaves the file alone.
pub fn render(api: &Api) -> Result<GeneratedFile, Error> {
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
        ("auth", false, false),
        ("client", false, false),
        ("error", false, false),
        ("models", true, true),
        ("region", false, false),
        ("retry", false, false),
        ("support", false, false),
    ];
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
        let vis = public.then(|| quote!(pub));
        quote! { #cfg #skip #vis mod #name; }
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
    reexports.push((
        "auth".into(),
        quote!(
            pub use auth::{Grant, PkceChallenge, Secret, Token};
        ),
    ));
    reexports.push((
        "client".into(),
        quote!(
            pub use client::{AccessToken, BoxFuture, Client, ClientBuilder, DEFAULT_BASE_URL};
        ),
    ));
    reexports.push((
        "error".into(),
        quote!(
            pub use error::{ApiError, AuthError, DecodeError, Error, ResponseBody};
        ),
    ));
    reexports.push((
        "region".into(),
        quote!(
            pub use region::Region;
        ),
    ));
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
    Ok(GeneratedFile::new(path, rust_file(path, || tokens)?))
}
