//! Renders `src/lib.rs`: the crate's modules and its public surface.

use quote::quote;

use super::rust::{ident, rust_file};
use super::GeneratedFile;
use crate::diagnostics::Error;
use crate::ir::Api;

/// `src/lib.rs`.
pub fn render(api: &Api) -> Result<GeneratedFile, Error> {
    let reexports = api.groups.iter().map(|g| {
        let module = ident(&g.module);
        let name = ident(&g.rust_name);
        quote!(pub use apis::#module::#name;)
    });
    let path = "src/lib.rs";
    let tokens = quote! {
        #![doc = include_str!("../README.md")]
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]

        // The generated modules are laid out by prettyplease; rustfmt would
        // only churn them. The runtime modules are rustfmt-clean.
        #[rustfmt::skip]
        pub mod apis;
        mod auth;
        mod client;
        mod error;
        #[rustfmt::skip]
        pub mod models;
        mod region;
        mod retry;
        mod support;

        #(#reexports)*
        pub use auth::{Grant, PkceChallenge, Secret, Token};
        pub use client::{AccessToken, BoxFuture, Client, ClientBuilder, DEFAULT_BASE_URL};
        pub use error::{ApiError, AuthError, Error, ResponseBody};
        pub use region::Region;
        pub use retry::{RetryPolicy, Sleeper, TokioSleeper};
    };
    Ok(GeneratedFile::new(path, rust_file(path, tokens)?))
}
