//! Contract tests: every operation of the generated client against Prism,
//! a mock server that reads `spec/` itself and rejects any request that
//! does not conform to it. `cargo xtask contract` installs and starts Prism
//! and runs this with `PRISM_URL` set; without it, this says so and exits.
//!
//! A plain harness (no libtest) so that a missing Prism is a visible skip,
//! not a silent pass. It prints one line per case and `N passed, M failed`.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use purecloud_platform_client::models::{
    ApiUsageClientQuery, OAuthClientAuthorizedGrantType, OAuthClientRequest, RoleDivision,
};
use purecloud_platform_client::{Client, Error, RetryPolicy};

type Outcome = Result<(), String>;
type Case = Pin<Box<dyn Future<Output = Outcome>>>;

/// The violations Prism reported, by operation: its `sl-violations` header.
type Violations = Arc<Mutex<Vec<(&'static str, String)>>>;

struct Harness {
    client: Client,
    violations: Violations,
    base_url: String,
}

impl Harness {
    fn new(base_url: &str) -> Self {
        let violations: Violations = Arc::default();
        let seen = violations.clone();
        let client = Client::builder()
            .base_url(base_url)
            .access_token("contract-test-token")
            .retry_policy(RetryPolicy::never())
            .on_response(move |response| {
                if let Some(v) = response.headers.get("sl-violations") {
                    let text = String::from_utf8_lossy(v.as_bytes()).into_owned();
                    seen.lock().unwrap().push((response.operation, text));
                }
            })
            .build()
            .expect("a valid client");
        Self {
            client,
            violations,
            base_url: base_url.to_owned(),
        }
    }

    /// Prism accepted the request (the call succeeded, so no 4xx) and
    /// reported no violation; the response decoded into the generated type.
    fn accepted<T>(&self, operation: &'static str, result: Result<T, Error>) -> Outcome {
        result.map_err(|e| format!("{operation}: {e}"))?;
        let violations = self.violations.lock().unwrap();
        match violations.iter().find(|(op, _)| *op == operation) {
            Some((_, v)) => Err(format!("{operation}: Prism reported violations: {v}")),
            None => Ok(()),
        }
    }

    /// Prism rejected the request and said why.
    fn rejected<T: std::fmt::Debug>(
        &self,
        operation: &'static str,
        result: Result<T, Error>,
    ) -> Outcome {
        let status = match result {
            Ok(value) => return Err(format!("{operation}: Prism accepted {value:?}")),
            Err(e) => e.status(),
        };
        if !status.is_some_and(|s| (400..500).contains(&s)) {
            return Err(format!(
                "{operation}: expected a 4xx from Prism, got {status:?}"
            ));
        }
        let violations = self.violations.lock().unwrap();
        if violations.iter().any(|(op, _)| *op == operation) {
            Ok(())
        } else {
            Err(format!(
                "{operation}: rejected, but without a violation header"
            ))
        }
    }
}

fn body() -> OAuthClientRequest {
    let mut body = OAuthClientRequest::new(
        "Contract test",
        OAuthClientAuthorizedGrantType::ClientCredentials,
    );
    body.description = Some("created by the contract tests".into());
    body.access_token_validity_seconds = Some(3600);
    body.role_divisions = Some(vec![RoleDivision::new("role-1", "division-1")]);
    body
}

fn cases(base_url: &str) -> Vec<(&'static str, Case)> {
    // Each case gets a harness of its own, so violations are its own.
    let h = || Harness::new(base_url);
    macro_rules! case {
        ($name:literal, |$h:ident| $body:expr) => {{
            let $h = h();
            let case: Case = Box::pin(async move { $body });
            ($name, case)
        }};
    }
    vec![
        case!("delete_oauth_client", |h| {
            let r = h.client.oauth().delete_oauth_client("client-1").await;
            h.accepted("delete_oauth_client", r)
        }),
        case!("get_oauth_authorization", |h| {
            let r = h.client.oauth().get_oauth_authorization("client-1").await;
            h.accepted("get_oauth_authorization", r)
        }),
        case!("get_oauth_authorization with Accept-Language", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_authorization("client-1")
                .accept_language("fr-fr")
                .await;
            h.accepted("get_oauth_authorization", r)
        }),
        case!("get_oauth_authorizations", |h| {
            let r = h.client.oauth().get_oauth_authorizations().await;
            h.accepted("get_oauth_authorizations", r)
        }),
        case!("get_oauth_authorizations with Accept-Language", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_authorizations()
                .accept_language("en-us")
                .await;
            h.accepted("get_oauth_authorizations", r)
        }),
        case!("get_oauth_client", |h| {
            let r = h.client.oauth().get_oauth_client("client-1").await;
            h.accepted("get_oauth_client", r)
        }),
        case!("get_oauth_client_usage_query_result", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_client_usage_query_result("execution-1", "client-1")
                .await;
            h.accepted("get_oauth_client_usage_query_result", r)
        }),
        case!("get_oauth_client_usage_summary", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_client_usage_summary("client-1")
                .await;
            h.accepted("get_oauth_client_usage_summary", r)
        }),
        case!("get_oauth_client_usage_summary with days", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_client_usage_summary("client-1")
                .days("30")
                .await;
            h.accepted("get_oauth_client_usage_summary", r)
        }),
        case!("get_oauth_clients", |h| {
            let r = h.client.oauth().get_oauth_clients().await;
            h.accepted("get_oauth_clients", r)
        }),
        case!("get_oauth_scope", |h| {
            let r = h.client.oauth().get_oauth_scope("users:readonly").await;
            h.accepted("get_oauth_scope", r)
        }),
        case!("get_oauth_scope with Accept-Language", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_scope("users:readonly")
                .accept_language("de-de")
                .await;
            h.accepted("get_oauth_scope", r)
        }),
        case!("get_oauth_scopes", |h| {
            let r = h.client.oauth().get_oauth_scopes().await;
            h.accepted("get_oauth_scopes", r)
        }),
        case!("get_oauth_scopes with Accept-Language", |h| {
            let r = h
                .client
                .oauth()
                .get_oauth_scopes()
                .accept_language("en-us")
                .await;
            h.accepted("get_oauth_scopes", r)
        }),
        case!("post_oauth_client_secret", |h| {
            let r = h.client.oauth().post_oauth_client_secret("client-1").await;
            h.accepted("post_oauth_client_secret", r)
        }),
        case!("post_oauth_client_usage_query", |h| {
            let query = ApiUsageClientQuery::new("2026-11-01T00:00:00/2026-11-29T00:00:00");
            let r = h
                .client
                .oauth()
                .post_oauth_client_usage_query("client-1", query)
                .await;
            h.accepted("post_oauth_client_usage_query", r)
        }),
        case!("post_oauth_clients", |h| {
            let r = h.client.oauth().post_oauth_clients(body()).await;
            h.accepted("post_oauth_clients", r)
        }),
        case!("put_oauth_client", |h| {
            let r = h.client.oauth().put_oauth_client("client-1", body()).await;
            h.accepted("put_oauth_client", r)
        }),
        // The check can fail: requests that break the spec are refused.
        case!("rejects an enum value outside the spec", |h| {
            let mut bad = body();
            bad.authorized_grant_type =
                OAuthClientAuthorizedGrantType::Unknown("NOT-A-GRANT".into());
            let r = h.client.oauth().post_oauth_clients(bad).await;
            h.rejected("post_oauth_clients", r)
        }),
        case!("rejects a body missing a required field", |h| {
            // The generated types cannot leave out `name`, so this request
            // is built by hand, through the same client machinery.
            let status = missing_name(&h.base_url).await?;
            if (400..500).contains(&status.0) && status.1 {
                Ok(())
            } else {
                Err(format!("expected a 4xx with violations, got {status:?}"))
            }
        }),
    ]
}

/// POSTs a client without `name`; returns the status and whether Prism
/// sent a violation header.
async fn missing_name(base_url: &str) -> Result<(u16, bool), String> {
    let response = reqwest::Client::new()
        .post(format!("{base_url}/api/v2/oauth/clients"))
        .bearer_auth("contract-test-token")
        .header("content-type", "application/json")
        .body(serde_json::json!({"authorizedGrantType": "CODE"}).to_string())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    Ok((
        response.status().as_u16(),
        response.headers().contains_key("sl-violations"),
    ))
}

fn main() {
    let Some(base_url) = std::env::var("PRISM_URL").ok().filter(|u| !u.is_empty()) else {
        println!(
            "contract: skipped: PRISM_URL is not set; `cargo xtask contract` starts Prism and runs these tests"
        );
        return;
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let (mut passed, mut failed) = (0, 0);
    for (name, case) in cases(&base_url) {
        match runtime.block_on(case) {
            Ok(()) => {
                passed += 1;
                println!("test {name} ... ok");
            }
            Err(why) => {
                failed += 1;
                println!("test {name} ... FAILED\n    {why}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
