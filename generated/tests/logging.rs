//! What a full authenticated call writes to the logs: the span fields a
//! reader needs, and no secret. Alone in its test binary, because tracing
//! caches per call site whether anyone listens, and tests running beside
//! it on other threads without a subscriber would turn its call sites off.

use std::io::Write;
use std::sync::{Arc, Mutex};

use std::time::Duration;

use purecloud_platform_client::{BoxFuture, Client, Sleeper};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A writer that collects everything `tracing` prints.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

/// Returns at once: the waits are read from the logs.
#[derive(Debug)]
struct NoSleep;

impl Sleeper for NoSleep {
    fn sleep(&self, _: Duration) -> BoxFuture<()> {
        Box::pin(async {})
    }
}

#[tokio::test]
async fn each_retry_is_logged_with_its_reason_and_wait_and_the_outcome_last() {
    let (captured, _guard) = capture();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "2"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "TOKEN-abc", "expires_in": 86400
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"entities": []})))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .login_url(server.uri())
        .client_credentials("id", "SECRET-old")
        .sleeper(std::sync::Arc::new(NoSleep))
        .build()
        .unwrap();

    client.oauth().get_oauth_clients().await.unwrap();

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let line = |needle: &str| {
        logs.lines()
            .find(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in:\n{logs}"))
            .to_owned()
    };
    let login_retry = line("retrying the token request");
    for expected in ["purecloud_token_request", "reason=HTTP 429", "wait_ms=2000"] {
        assert!(login_retry.contains(expected), "{expected}: {login_retry}");
    }
    let api_retry = line("client: retrying");
    for expected in [
        "purecloud_request",
        "reason=HTTP 503",
        "wait_ms=",
        "attempt=1",
    ] {
        assert!(api_retry.contains(expected), "{expected}: {api_retry}");
    }
    let outcome = line("request succeeded");
    assert!(outcome.contains("outcome=\"success\""), "{outcome}");
    assert!(outcome.contains("attempt=2"), "{outcome}");
    for secret in ["SECRET-old", "TOKEN-abc", "Bearer", "Basic"] {
        assert!(!logs.contains(secret), "{secret} in:\n{logs}");
    }
}

#[tokio::test]
async fn a_call_that_runs_out_of_time_logs_its_outcome() {
    let (captured, _guard) = capture();
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("TOKEN-abc")
        .build()
        .unwrap();

    let err = client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_millis(200))
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let failed = logs
        .lines()
        .find(|line| line.contains("request failed"))
        .unwrap_or_else(|| panic!("no outcome in:\n{logs}"));
    assert!(failed.contains("outcome=\"timeout\""), "{failed}");
    assert!(failed.contains("get_oauth_clients"), "{failed}");
    assert!(!logs.contains("TOKEN-abc"), "{logs}");
}

#[tokio::test]
async fn logs_of_a_full_authenticated_call_hold_no_secret_and_no_token() {
    let (captured, _guard) = capture();

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "TOKEN-abc", "expires_in": 86400, "refresh_token": "REFRESH-abc"
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/c1/secret"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ININ-Correlation-Id", "corr-77")
                .set_body_json(json!({
                    "id": "c1", "name": "n", "authorizedGrantType": "CODE", "secret": "SECRET-new"
                })),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .login_url(server.uri())
        .client_credentials("id", "SECRET-old")
        .log_bodies(true)
        .build()
        .unwrap();

    let rotated = client.oauth().post_oauth_client_secret("c1").await.unwrap();
    assert_eq!(rotated.secret.as_deref(), Some("SECRET-new"));
    tracing::info!(client = ?rotated, "rotated");

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // The span carries what a reader needs…
    for expected in [
        "post_oauth_client_secret",
        "/api/v2/oauth/clients/{clientId}/secret",
        "status=200",
        "attempt=1",
        "corr-77",
        "response body",
    ] {
        assert!(logs.contains(expected), "{expected} missing from:\n{logs}");
    }
    // …and nothing secret.
    for secret in [
        "SECRET-old",
        "SECRET-new",
        "TOKEN-abc",
        "REFRESH-abc",
        "Bearer",
        "Basic",
    ] {
        assert!(!logs.contains(secret), "{secret} in:\n{logs}");
    }
}
