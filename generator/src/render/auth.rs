//! What the generated runtime needs to authenticate as the spec says: the
//! credentials its builder takes, how each scheme goes on the wire, and
//! each operation's alternatives as Rust. One view serves the templates
//! (`auth`, `client`, `error`, the README), `lib.rs`'s re-exports and the
//! API methods, so they agree on which items exist.

use proc_macro2::TokenStream;
use quote::quote;
use serde::Serialize;

use crate::config::Profile;
use crate::ir::{Api, ApiKeyLocation, Operation, SecurityKind};

/// The runtime's authentication, as the templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct AuthView {
    /// The crate authenticates at all: it has `src/auth.rs`.
    pub any: bool,
    /// Bearer tokens (`ClientBuilder::access_token`).
    pub bearer: bool,
    /// Tokens the client gets and renews itself (`client_credentials`).
    pub managed: bool,
    /// The spec's client-credentials token URL (generic profile).
    pub token_url: Option<String>,
    /// HTTP Basic (`ClientBuilder::basic_auth`).
    pub basic: bool,
    /// The `Secret` type is needed.
    pub secret: bool,
    /// One per apiKey scheme, in the spec's order.
    pub api_keys: Vec<ApiKeyView>,
    /// Some key goes in a header.
    pub header_keys: bool,
    /// Some key goes in the query string.
    pub query_keys: bool,
    /// Some key goes in a cookie.
    pub cookie_keys: bool,
    /// Every scheme, for the README.
    pub schemes: Vec<SchemeView>,
    /// The builder call that sets the first credentials, for doc examples.
    pub example: Option<String>,
    /// `auth::DEFAULT_SECURITY`, as Rust: the alternatives of every
    /// operation that doesn't set its own.
    pub default_security: String,
}

/// An apiKey scheme.
#[derive(Debug, Clone, Serialize)]
pub struct ApiKeyView {
    /// Its slot in the client's keys.
    pub index: usize,
    /// The scheme's name in the spec.
    pub scheme: String,
    /// The builder method that sets it.
    pub method: String,
    /// The header, query parameter or cookie name.
    pub wire_name: String,
    /// `Header`, `Query` or `Cookie`: the runtime's `KeyLocation` variant.
    pub location: &'static str,
}

/// A scheme, as the README lists it.
#[derive(Debug, Clone, Serialize)]
pub struct SchemeView {
    /// The scheme's name in the spec.
    pub name: String,
    /// How it is sent.
    pub sent_as: String,
    /// The builder call that gives its credentials.
    pub set_with: String,
}

/// The view of `api`'s security under `profile`.
pub fn view(api: &Api, profile: Profile) -> AuthView {
    let genesys = profile == Profile::Genesys;
    let schemes = &api.security_schemes;
    let bearer = genesys || schemes.iter().any(|s| s.kind.is_bearer());
    let token_url = if genesys {
        None
    } else {
        schemes.iter().find_map(|s| match &s.kind {
            SecurityKind::OAuth2 { token_url, .. } => token_url.clone(),
            _ => None,
        })
    };
    let managed = genesys || token_url.is_some();
    let basic = schemes.iter().any(|s| s.kind == SecurityKind::Basic);
    let mut api_keys = Vec::new();
    let mut views = Vec::new();
    for scheme in schemes {
        let (sent_as, set_with) = match &scheme.kind {
            SecurityKind::Bearer { .. } | SecurityKind::OpenIdConnect { .. } => (
                "`Authorization: Bearer <token>`".to_owned(),
                "`.access_token(token)`".to_owned(),
            ),
            SecurityKind::OAuth2 { token_url, .. } => (
                "`Authorization: Bearer <token>`".to_owned(),
                match (genesys, token_url) {
                    (false, Some(url)) => format!(
                        "`.client_credentials(client_id, client_secret)` (token from `{url}`), or `.access_token(token)`"
                    ),
                    (true, _) => "`.client_credentials(client_id, client_secret)`, `.grant(…)`, or `.access_token(token)`".to_owned(),
                    (false, None) => "`.access_token(token)`".to_owned(),
                },
            ),
            SecurityKind::Basic => (
                "`Authorization: Basic …`".to_owned(),
                "`.basic_auth(username, password)`".to_owned(),
            ),
            SecurityKind::ApiKey {
                location,
                wire_name,
            } => {
                let method = scheme
                    .key_method
                    .clone()
                    .unwrap_or_else(|| "api_key".to_owned());
                let (location, sent_as) = match location {
                    ApiKeyLocation::Header => ("Header", format!("header `{wire_name}`")),
                    ApiKeyLocation::Query => ("Query", format!("query parameter `{wire_name}`")),
                    ApiKeyLocation::Cookie => ("Cookie", format!("cookie `{wire_name}`")),
                };
                let set_with = format!("`.{method}(key)`");
                api_keys.push(ApiKeyView {
                    index: api_keys.len(),
                    scheme: scheme.name.clone(),
                    method,
                    wire_name: wire_name.clone(),
                    location,
                });
                (sent_as, set_with)
            }
        };
        views.push(SchemeView {
            name: scheme.name.clone(),
            sent_as,
            set_with,
        });
    }
    let example = if managed {
        Some(r#".client_credentials("my-client-id", "my-client-secret")"#.to_owned())
    } else if bearer {
        Some(r#".access_token("my-access-token")"#.to_owned())
    } else if basic {
        Some(r#".basic_auth("my-username", "my-password")"#.to_owned())
    } else {
        api_keys
            .first()
            .map(|k| format!(r#".{}("my-api-key")"#, k.method))
    };
    let has = |loc: &str| api_keys.iter().any(|k| k.location == loc);
    AuthView {
        any: genesys || !schemes.is_empty(),
        bearer,
        managed,
        token_url,
        basic,
        secret: managed || basic || !api_keys.is_empty(),
        header_keys: has("Header"),
        query_keys: has("Query"),
        cookie_keys: has("Cookie"),
        api_keys,
        schemes: views,
        example,
        default_security: alternatives_text(&default_alternatives(profile), "Scheme::"),
    }
}

/// A scheme as the runtime's `auth::Scheme` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RuntimeScheme {
    Bearer,
    Basic,
    ApiKey(usize),
}

/// The alternatives the runtime gives an operation that sets none
/// (`auth::DEFAULT_SECURITY`). With the Genesys profile, the bearer token:
/// Genesys specs leave `security` out of some operations that need it,
/// and nearly every operation takes it, so they need no line of their own.
/// Otherwise none: an operation sets what its spec says.
fn default_alternatives(profile: Profile) -> Vec<Vec<RuntimeScheme>> {
    match profile {
        Profile::Genesys => vec![vec![RuntimeScheme::Bearer]],
        Profile::Generic => Vec::new(),
    }
}

/// `alternatives` as a Rust expression of type `&[&[Scheme]]`, each
/// scheme's path starting with `prefix`.
fn alternatives_text(alternatives: &[Vec<RuntimeScheme>], prefix: &str) -> String {
    let alternatives: Vec<String> = alternatives
        .iter()
        .map(|schemes| {
            let schemes: Vec<String> = schemes
                .iter()
                .map(|scheme| match scheme {
                    RuntimeScheme::Bearer => format!("{prefix}Bearer"),
                    RuntimeScheme::Basic => format!("{prefix}Basic"),
                    RuntimeScheme::ApiKey(slot) => format!("{prefix}ApiKey({slot})"),
                })
                .collect();
            format!("&[{}]", schemes.join(", "))
        })
        .collect();
    format!("&[{}]", alternatives.join(", "))
}

/// `request.security(…)` for `op`, when its spec says which credentials
/// it takes and they differ from the runtime's default; `None` leaves the
/// default.
pub fn security_call(api: &Api, op: &Operation) -> Option<TokenStream> {
    let requirements = op.security.as_ref()?;
    // A crate with no scheme to serve sends no credentials anyway, and its
    // runtime has no `security` to call.
    if api.security_schemes.is_empty() && api.profile != Profile::Genesys {
        return None;
    }
    let mut key_index = 0usize;
    let mut key_slots = Vec::new();
    for scheme in &api.security_schemes {
        if matches!(scheme.kind, SecurityKind::ApiKey { .. }) {
            key_slots.push((scheme.name.as_str(), key_index));
            key_index += 1;
        }
    }
    let alternatives: Vec<Vec<RuntimeScheme>> = requirements
        .iter()
        .map(|req| {
            req.schemes
                .iter()
                .filter_map(|name| {
                    let scheme = api.security_schemes.iter().find(|s| &s.name == name)?;
                    Some(match &scheme.kind {
                        SecurityKind::Basic => RuntimeScheme::Basic,
                        SecurityKind::ApiKey { .. } => {
                            RuntimeScheme::ApiKey(key_slots.iter().find(|(n, _)| n == name)?.1)
                        }
                        _ => RuntimeScheme::Bearer,
                    })
                })
                .collect()
        })
        .collect();
    if alternatives == default_alternatives(api.profile) {
        return None;
    }
    let alternatives = alternatives.iter().map(|schemes| {
        let schemes = schemes.iter().map(|scheme| match scheme {
            RuntimeScheme::Bearer => quote!(crate::auth::Scheme::Bearer),
            RuntimeScheme::Basic => quote!(crate::auth::Scheme::Basic),
            RuntimeScheme::ApiKey(slot) => {
                let slot = proc_macro2::Literal::usize_unsuffixed(*slot);
                quote!(crate::auth::Scheme::ApiKey(#slot))
            }
        });
        quote!(&[#(#schemes),*])
    });
    Some(quote!(request.security(&[#(#alternatives),*]);))
}

/// What a doc example needs to make a client: an item to import beside
/// `Client` and `Error`, and the lines
/// that build it: `Client::from_env()` with the Genesys profile, else a
/// builder with credentials that `operation`, the call the example makes,
/// accepts (without one, the crate's first scheme).
pub fn example_client(
    api: &Api,
    profile: Profile,
    operation: Option<&Operation>,
) -> (Option<&'static str>, Vec<String>) {
    if profile == Profile::Genesys {
        // The credentials and region as Genesys' own tools read them.
        return (
            None,
            vec![
                "// GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION"
                    .to_owned(),
                "let client = Client::from_env()?;".to_owned(),
            ],
        );
    }
    let mut lines = vec!["let client = Client::builder()".to_owned()];
    if api.default_base_url.is_none() {
        lines.push("    .base_url(\"https://api.example.com\")".to_owned());
    }
    for call in example_credentials(api, profile, operation) {
        lines.push(format!("    {call}"));
    }
    lines.push("    .build()?;".to_owned());
    (None, lines)
}

/// The `ClientBuilder` calls with which an example's client can make
/// `operation`: credentials it accepts, else (no operation, or one that
/// doesn't say) the crate's first scheme's.
pub fn example_credentials(
    api: &Api,
    profile: Profile,
    operation: Option<&Operation>,
) -> Vec<String> {
    let view = view(api, profile);
    // The Genesys profile's client gets its own token for every operation.
    operation
        .filter(|_| profile != Profile::Genesys)
        .and_then(|op| credentials_for(api, &view, op))
        .unwrap_or_else(|| view.example.iter().cloned().collect())
}

/// The builder calls that give `op` credentials it accepts: those of the
/// first alternative of its `security` whose every scheme the client can
/// send (none for `security: []`). `None` when the operation doesn't say,
/// or the client can send none of its alternatives.
fn credentials_for(api: &Api, view: &AuthView, op: &Operation) -> Option<Vec<String>> {
    op.security.as_ref()?.iter().find_map(|requirement| {
        let mut calls: Vec<String> = Vec::new();
        for name in &requirement.schemes {
            let scheme = api.security_schemes.iter().find(|s| &s.name == name)?;
            let call = match &scheme.kind {
                SecurityKind::Basic => r#".basic_auth("my-username", "my-password")"#.to_owned(),
                SecurityKind::ApiKey { .. } => {
                    format!(r#".{}("my-api-key")"#, scheme.key_method.as_ref()?)
                }
                SecurityKind::OAuth2 {
                    token_url: Some(_), ..
                } if view.managed => {
                    r#".client_credentials("my-client-id", "my-client-secret")"#.to_owned()
                }
                kind if kind.is_bearer() => r#".access_token("my-access-token")"#.to_owned(),
                _ => return None,
            };
            if !calls.contains(&call) {
                calls.push(call);
            }
        }
        Some(calls)
    })
}
