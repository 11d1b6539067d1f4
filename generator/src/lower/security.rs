//! Security: the spec's `components/securitySchemes` and each operation's
//! effective `security`, lowered to the IR.
//!
//! OpenAPI 3.0 gives an operation its own `security`, else the document's;
//! `security: []` removes credentials. Each entry of the list is an
//! alternative (any one will do), and each alternative names the schemes
//! whose credentials are all sent together. A scheme the runtime can't
//! serve is a warning naming it, and the alternatives that need it are
//! left out.

use openapiv3::{APIKeyLocation, OpenAPI, ReferenceOr, SecurityRequirement, SecurityScheme};
use std::collections::BTreeSet;

use crate::config::Profile;
use crate::diagnostics::{pointer_escape, Diagnostic};
use crate::ir::{self, Api, ApiKeyLocation, SecurityKind};
use crate::naming::{rust_name, Kind, Namer};
use crate::select::Selection;

/// Fills `api.security_schemes` and every operation's `security` from the
/// spec, and returns the warnings: schemes that can't be served, and
/// requirements that name no scheme.
///
/// With the Genesys profile, every OAuth 2.0 flow is served by the Genesys
/// login service (its grants), so no flow is warned about.
pub fn apply(
    spec: &OpenAPI,
    selection: &Selection<'_>,
    api: &mut Api,
    profile: Profile,
) -> Vec<Diagnostic> {
    let mut lowerer = SchemeLowerer {
        spec,
        profile,
        warnings: Vec::new(),
        warned: BTreeSet::new(),
        used: BTreeSet::new(),
    };
    let declares_security = spec.security.is_some()
        || spec
            .operations()
            .any(|(_, _, op)| op.security.as_ref().is_some_and(|s| !s.is_empty()));
    for op in api.groups.iter_mut().flat_map(|g| g.operations.iter_mut()) {
        let Some(selected) = selection
            .operations
            .iter()
            .find(|s| s.pointer == op.pointer)
        else {
            continue;
        };
        if !declares_security {
            // Nothing to send and nothing to opt out of: the runtime's
            // default applies.
            continue;
        }
        let (list, pointer) = match (&selected.operation.security, &spec.security) {
            (Some(list), _) => (list.as_slice(), format!("{}/security", op.pointer)),
            (None, Some(list)) => (list.as_slice(), "/security".to_owned()),
            // Genesys specs leave `security` out of some operations that
            // need the token: the profile's default (the bearer token)
            // applies to them. Elsewhere the spec is taken at its word.
            (None, None) if profile == Profile::Genesys => continue,
            (None, None) => (&[][..], "/security".to_owned()),
        };
        op.security = Some(lowerer.requirements(list, &pointer));
    }

    let mut namer = Namer::default();
    let mut schemes = Vec::new();
    if let Some(components) = &spec.components {
        for (name, scheme) in &components.security_schemes {
            if !lowerer.used.contains(name) {
                continue;
            }
            let pointer = scheme_pointer(name);
            let Some(kind) = lowerer.scheme(name, &pointer) else {
                continue;
            };
            let description = match scheme {
                ReferenceOr::Item(s) => description(s),
                ReferenceOr::Reference { .. } => None,
            };
            schemes.push(ir::SecurityScheme {
                name: name.clone(),
                rust_name: namer.unique(name, Kind::Value),
                key_method: None,
                kind,
                description,
                pointer,
            });
        }
    }
    let key_count = schemes
        .iter()
        .filter(|s| matches!(s.kind, SecurityKind::ApiKey { .. }))
        .count();
    let mut methods = Namer::default();
    for scheme in &mut schemes {
        if matches!(scheme.kind, SecurityKind::ApiKey { .. }) {
            let wanted = if key_count == 1 {
                "api_key".to_owned()
            } else {
                api_key_method(&scheme.rust_name)
            };
            scheme.key_method = Some(methods.claim(wanted));
        }
    }
    // The client keeps one managed token: it gets it from the first
    // client-credentials token URL. Another URL is named, not dropped
    // silently.
    if profile != Profile::Genesys {
        let mut first: Option<&str> = None;
        for scheme in &schemes {
            if let SecurityKind::OAuth2 {
                token_url: Some(url),
                ..
            } = &scheme.kind
            {
                match first {
                    None => first = Some(url),
                    Some(used) if used != url => lowerer.warn(
                        format!("{}/flows/clientCredentials/tokenUrl", scheme.pointer),
                        format!(
                            "security scheme `{}`: the client gets its one managed token from `{used}`, not from this scheme's `{url}`; give a token for it with `ClientBuilder::access_token`",
                            scheme.name
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
    api.security_schemes = schemes;
    lowerer.warnings
}

fn scheme_pointer(name: &str) -> String {
    format!("/components/securitySchemes/{}", pointer_escape(name))
}

fn description(scheme: &SecurityScheme) -> Option<String> {
    let text = match scheme {
        SecurityScheme::APIKey { description, .. }
        | SecurityScheme::HTTP { description, .. }
        | SecurityScheme::OAuth2 { description, .. }
        | SecurityScheme::OpenIDConnect { description, .. } => description.as_deref(),
    };
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

struct SchemeLowerer<'a> {
    spec: &'a OpenAPI,
    profile: Profile,
    warnings: Vec<Diagnostic>,
    /// Pointers already warned about: each problem is named once.
    warned: BTreeSet<String>,
    /// Schemes that an operation's kept requirement uses.
    used: BTreeSet<String>,
}

impl SchemeLowerer<'_> {
    fn warn(&mut self, pointer: String, message: String) {
        if self.warned.insert(pointer.clone()) {
            self.warnings.push(Diagnostic::new(pointer, message));
        }
    }

    /// The alternatives of `list` whose every scheme can be served.
    fn requirements(
        &mut self,
        list: &[SecurityRequirement],
        pointer: &str,
    ) -> Vec<ir::SecurityRequirement> {
        let mut out = Vec::new();
        for (i, requirement) in list.iter().enumerate() {
            let mut servable = true;
            for name in requirement.keys() {
                let scheme_pointer = scheme_pointer(name);
                if self.lookup(name).is_none() {
                    self.warn(
                        format!("{pointer}/{i}/{}", pointer_escape(name)),
                        format!(
                            "security requirement names `{name}`, which is not in `components/securitySchemes`; this alternative is left out and its credentials are not sent"
                        ),
                    );
                    servable = false;
                } else if self.scheme(name, &scheme_pointer).is_none() {
                    servable = false;
                }
            }
            if servable {
                let schemes: Vec<String> = requirement.keys().cloned().collect();
                self.used.extend(schemes.iter().cloned());
                let requirement = ir::SecurityRequirement { schemes };
                if !out.contains(&requirement) {
                    out.push(requirement);
                }
            }
        }
        out
    }

    fn lookup(&self, name: &str) -> Option<&SecurityScheme> {
        let entry = self.spec.components.as_ref()?.security_schemes.get(name)?;
        match entry {
            ReferenceOr::Item(scheme) => Some(scheme),
            ReferenceOr::Reference { reference } => {
                let target = reference.strip_prefix("#/components/securitySchemes/")?;
                match self
                    .spec
                    .components
                    .as_ref()?
                    .security_schemes
                    .get(target)?
                {
                    ReferenceOr::Item(scheme) => Some(scheme),
                    ReferenceOr::Reference { .. } => None,
                }
            }
        }
    }

    /// The scheme as the runtime serves it, or `None` (with a warning
    /// naming it) when it can't be.
    fn scheme(&mut self, name: &str, pointer: &str) -> Option<SecurityKind> {
        let Some(scheme) = self.lookup(name).cloned() else {
            self.warn(
                pointer.to_owned(),
                format!("security scheme `{name}` is a reference that leads to no scheme; operations that need it send no credentials for it"),
            );
            return None;
        };
        match scheme {
            SecurityScheme::HTTP {
                scheme,
                bearer_format,
                ..
            } => match scheme.to_ascii_lowercase().as_str() {
                "bearer" => Some(SecurityKind::Bearer {
                    format: bearer_format,
                }),
                "basic" => Some(SecurityKind::Basic),
                other => {
                    self.warn(
                        pointer.to_owned(),
                        format!(
                            "security scheme `{name}` uses HTTP authentication scheme `{other}`, which the client cannot send (only `basic` and `bearer`); operations that need it send no credentials for it"
                        ),
                    );
                    None
                }
            },
            SecurityScheme::APIKey {
                location,
                name: wire_name,
                ..
            } => {
                if wire_name.is_empty() {
                    self.warn(
                        format!("{pointer}/name"),
                        format!("security scheme `{name}` gives no `name` for its API key; operations that need it send no credentials for it"),
                    );
                    return None;
                }
                let location = match location {
                    APIKeyLocation::Header => ApiKeyLocation::Header,
                    APIKeyLocation::Query => ApiKeyLocation::Query,
                    APIKeyLocation::Cookie => ApiKeyLocation::Cookie,
                };
                Some(SecurityKind::ApiKey {
                    location,
                    wire_name,
                })
            }
            SecurityScheme::OAuth2 { flows, .. } => {
                let mut names = Vec::new();
                if flows.implicit.is_some() {
                    names.push("implicit".to_owned());
                }
                if flows.password.is_some() {
                    names.push("password".to_owned());
                }
                if flows.client_credentials.is_some() {
                    names.push("clientCredentials".to_owned());
                }
                if flows.authorization_code.is_some() {
                    names.push("authorizationCode".to_owned());
                }
                let token_url = flows
                    .client_credentials
                    .as_ref()
                    .map(|f| f.token_url.trim().to_owned())
                    .filter(|url| !url.is_empty());
                let others: Vec<&String> = names
                    .iter()
                    .filter(|f| f.as_str() != "clientCredentials")
                    .collect();
                if self.profile != Profile::Genesys && !others.is_empty() {
                    let list = others
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.warn(
                        format!("{pointer}/flows"),
                        format!(
                            "security scheme `{name}`: the client does not run the OAuth 2.0 flow(s) {list}; give it a token obtained elsewhere with `ClientBuilder::access_token`{}",
                            if token_url.is_some() {
                                ", or let it use the `clientCredentials` flow"
                            } else {
                                ""
                            }
                        ),
                    );
                }
                Some(SecurityKind::OAuth2 {
                    token_url,
                    flows: names,
                })
            }
            SecurityScheme::OpenIDConnect {
                open_id_connect_url,
                ..
            } => Some(SecurityKind::OpenIdConnect {
                url: open_id_connect_url,
            }),
        }
    }
}

/// The builder method of one of several apiKey schemes: `api_key_<scheme>`,
/// without repeating a leading `api_key` of the scheme's name.
fn api_key_method(scheme_rust_name: &str) -> String {
    let bare = scheme_rust_name
        .trim_start_matches("api_key")
        .trim_start_matches('_');
    if bare.is_empty() {
        "api_key".to_owned()
    } else {
        rust_name(&format!("api_key_{bare}"), Kind::Value)
    }
}
