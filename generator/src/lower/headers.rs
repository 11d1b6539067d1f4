//! Header parameters the client sets itself: `Accept`, `Content-Type` and
//! `Authorization`, which OpenAPI 3.0 says SHALL be ignored (Parameter
//! Object, `name`). Each is left out with a warning that says what the
//! client sends in its place for that operation, and how to send another
//! value. A shared parameter (a component every operation references)
//! gives one warning, naming how many operations it was left out of,
//! rather than one per operation.

use openapiv3::{APIKeyLocation, OpenAPI, Operation, ReferenceOr, SecurityScheme};
use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;

/// How many operations a warning names before "and N more".
const NAMED_OPERATIONS: usize = 3;

/// Whether a header parameter named `name` is one the client sets itself.
/// As an argument, `Authorization` would also carry a secret past the
/// client's redaction.
pub(super) fn is_ignored_header(name: &str) -> bool {
    ["Accept", "Content-Type", "Authorization"]
        .iter()
        .any(|h| h.eq_ignore_ascii_case(name))
}

/// What the client sends instead of an ignored header, which differs
/// between operations: it is part of what a warning groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Instead {
    Accept,
    ContentTypeOfBody,
    NoContentType,
    AuthorizationOfSecurity,
    NoAuthorization,
}

impl Instead {
    fn of(spec: &OpenAPI, operation: &Operation, name: &str) -> Self {
        if name.eq_ignore_ascii_case("Accept") {
            Instead::Accept
        } else if name.eq_ignore_ascii_case("Content-Type") {
            match operation.request_body {
                Some(_) => Instead::ContentTypeOfBody,
                None => Instead::NoContentType,
            }
        } else if sends_authorization(spec, operation) {
            Instead::AuthorizationOfSecurity
        } else {
            Instead::NoAuthorization
        }
    }

    /// What the client does, for a sentence about `count` operations.
    fn text(self, count: usize) -> &'static str {
        match (self, count) {
            (Instead::Accept, 1) => {
                "the client sends the media types of the operation's responses \
                 (`application/json` when they name none); \
                 a `ClientBuilder::default_header(\"Accept\", …)` replaces them"
            }
            (Instead::Accept, _) => {
                "the client sends the media types of each operation's responses \
                 (`application/json` when they name none); \
                 a `ClientBuilder::default_header(\"Accept\", …)` replaces them for every \
                 operation"
            }
            (Instead::ContentTypeOfBody, 1) => {
                "the client sends the media type of the operation's request body, as it \
                 encodes the body"
            }
            (Instead::ContentTypeOfBody, _) => {
                "the client sends the media type of each operation's request body, as it \
                 encodes the body"
            }
            (Instead::NoContentType, 1) => {
                "the operation has no request body, so the client sends no `Content-Type`; \
                 `ClientBuilder::default_header(\"Content-Type\", …)` sends one with every \
                 request that has no body"
            }
            (Instead::NoContentType, _) => {
                "these operations have no request body, so the client sends no \
                 `Content-Type`; `ClientBuilder::default_header(\"Content-Type\", …)` sends \
                 one with every request that has no body"
            }
            (Instead::AuthorizationOfSecurity, 1) => {
                "the client sends it from the operation's security, with the credentials \
                 given to the `ClientBuilder`"
            }
            (Instead::AuthorizationOfSecurity, _) => {
                "the client sends it from each operation's security, with the credentials \
                 given to the `ClientBuilder`"
            }
            (Instead::NoAuthorization, 1) => {
                "the operation's security sends no `Authorization` header, so the client \
                 sends none; `ClientBuilder::default_header(\"Authorization\", …)` sends one \
                 with every request that carries no credentials of the client's"
            }
            (Instead::NoAuthorization, _) => {
                "these operations' security sends no `Authorization` header, so the client \
                 sends none; `ClientBuilder::default_header(\"Authorization\", …)` sends one \
                 with every request that carries no credentials of the client's"
            }
        }
    }
}

/// Whether the operation's effective security names a scheme the client
/// sends as `Authorization`: HTTP `bearer` or `basic`, OAuth 2.0, OpenID
/// Connect, or an API key in a header of that name.
fn sends_authorization(spec: &OpenAPI, operation: &Operation) -> bool {
    let Some(requirements) = operation.security.as_ref().or(spec.security.as_ref()) else {
        return false;
    };
    let schemes = spec.components.as_ref().map(|c| &c.security_schemes);
    requirements
        .iter()
        .flat_map(|r| r.keys())
        .filter_map(|name| match schemes?.get(name)? {
            ReferenceOr::Item(scheme) => Some(scheme),
            ReferenceOr::Reference { .. } => None,
        })
        .any(|scheme| match scheme {
            SecurityScheme::HTTP { scheme, .. } => {
                ["bearer", "basic"].contains(&scheme.to_ascii_lowercase().as_str())
            }
            SecurityScheme::OAuth2 { .. } | SecurityScheme::OpenIDConnect { .. } => true,
            SecurityScheme::APIKey { location, name, .. } => {
                matches!(location, APIKeyLocation::Header)
                    && name.eq_ignore_ascii_case("Authorization")
            }
        })
}

/// The ignored header parameters met so far, grouped by where each is
/// declared, its name as written and what the client sends instead: the
/// operations of each group, as warnings name them.
#[derive(Default)]
pub(super) struct IgnoredHeaders {
    groups: BTreeMap<(String, String, Instead), Vec<String>>,
}

impl IgnoredHeaders {
    /// Records that `operation` (its label) leaves out the header `name`,
    /// declared at `declared` (a component, a path item's parameter list,
    /// or the operation's own).
    pub(super) fn add(
        &mut self,
        spec: &OpenAPI,
        declared: String,
        name: &str,
        operation: &Operation,
        label: String,
    ) {
        let instead = Instead::of(spec, operation, name);
        self.groups
            .entry((declared, name.to_owned(), instead))
            .or_default()
            .push(label);
    }

    /// One warning per group, at its declaration.
    pub(super) fn warnings(self) -> Vec<Diagnostic> {
        self.groups
            .into_iter()
            .map(|((declared, name, instead), operations)| {
                let count = operations.len();
                let who = if count == 1 {
                    format!(
                        "{}: the header parameter `{name}` is ignored",
                        operations[0]
                    )
                } else {
                    let named: Vec<&str> = operations
                        .iter()
                        .take(NAMED_OPERATIONS)
                        .map(String::as_str)
                        .collect();
                    let more = match count.saturating_sub(NAMED_OPERATIONS) {
                        0 => String::new(),
                        n => format!(" and {n} more"),
                    };
                    format!(
                        "the header parameter `{name}` is ignored in {count} operations ({}{more})",
                        named.join(", ")
                    )
                };
                Diagnostic::new(
                    declared,
                    format!(
                        "{who}, as OpenAPI 3.0 says (Parameter Object): {}",
                        instead.text(count)
                    ),
                )
            })
            .collect()
    }
}
