//! Retries, their limits, and timeouts. Waits go through a recording
//! sleeper, so the tests check the waits the client asked for without
//! spending them.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use purecloud_platform_client::{BoxFuture, Client, Error, RetryPolicy, Sleeper};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug, Default)]
struct RecordingSleeper(Mutex<Vec<Duration>>);

impl RecordingSleeper {
    fn waits(&self) -> Vec<Duration> {
        self.0.lock().unwrap().clone()
    }
}

impl Sleeper for RecordingSleeper {
    fn sleep(&self, duration: Duration) -> BoxFuture<()> {
        self.0.lock().unwrap().push(duration);
        Box::pin(async {})
    }
}

fn client(base_url: &str, policy: RetryPolicy) -> (Client, Arc<RecordingSleeper>) {
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(base_url)
        .access_token("tok")
        .retry_policy(policy)
        .sleeper(sleeper.clone())
        .build()
        .unwrap();
    (client, sleeper)
}

async fn status_once(
    server: &MockServer,
    http_method: &str,
    status: u16,
    retry_after: Option<&str>,
) {
    let mut response = ResponseTemplate::new(status);
    if let Some(value) = retry_after {
        response = response.insert_header("Retry-After", value);
    }
    Mock::given(method(http_method))
        .respond_with(response)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
}

async fn succeed(server: &MockServer, expected: u64) {
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(expected)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_429_waits_as_long_as_retry_after_says() {
    let server = MockServer::start().await;
    status_once(&server, "GET", 429, Some("1")).await;
    succeed(&server, 1).await;
    let (client, sleeper) = client(&server.uri(), RetryPolicy::default());

    client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(sleeper.waits(), [Duration::from_secs(1)]);
}

#[tokio::test]
async fn a_retry_after_beyond_the_budget_returns_the_429_at_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "120"))
        .expect(1)
        .mount(&server)
        .await;
    let (client, sleeper) = client(&server.uri(), RetryPolicy::default());

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert!(err.is_retryable());
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.retry_after, Some(Duration::from_secs(120)));
    assert!(sleeper.waits().is_empty());
}

#[tokio::test]
async fn a_429_without_retry_after_backs_off_even_for_post() {
    let server = MockServer::start().await;
    status_once(&server, "POST", 429, None).await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"executionId": "e"})))
        .expect(1)
        .mount(&server)
        .await;
    let (client, sleeper) = client(&server.uri(), RetryPolicy::default());

    let body = purecloud_platform_client::models::ApiUsageClientQuery::new("i");
    client
        .oauth()
        .post_oauth_client_usage_query("c", body)
        .await
        .unwrap();
    assert_eq!(sleeper.waits().len(), 1);
}

#[tokio::test]
async fn the_retry_count_limit_holds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .expect(4)
        .mount(&server)
        .await;
    let policy = RetryPolicy {
        max_retries: 3,
        ..RetryPolicy::default()
    };
    let (client, sleeper) = client(&server.uri(), policy);

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(sleeper.waits().len(), 3);
}

#[tokio::test]
async fn the_total_wait_limit_holds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "4"))
        .mount(&server)
        .await;
    let policy = RetryPolicy {
        max_retries: 100,
        max_total_wait: Duration::from_secs(10),
        ..RetryPolicy::default()
    };
    let (client, sleeper) = client(&server.uri(), policy);

    client.oauth().get_oauth_clients().await.unwrap_err();
    // 4 + 4 fit in 10 s; a third 4 would not.
    assert_eq!(
        sleeper.waits(),
        [Duration::from_secs(4), Duration::from_secs(4)]
    );
}

#[tokio::test]
async fn post_is_not_retried_on_503_by_default() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let (client, sleeper) = client(&server.uri(), RetryPolicy::default());

    let err = client
        .oauth()
        .post_oauth_client_secret("c1")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(sleeper.waits().is_empty());
}

#[tokio::test]
async fn post_is_retried_on_503_when_the_caller_opts_in() {
    let server = MockServer::start().await;
    status_once(&server, "POST", 503, None).await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "name": "n", "authorizedGrantType": "CODE"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let policy = RetryPolicy {
        retry_non_idempotent: true,
        ..RetryPolicy::default()
    };
    let (client, sleeper) = client(&server.uri(), policy);

    client.oauth().post_oauth_client_secret("c1").await.unwrap();
    assert_eq!(sleeper.waits().len(), 1);
}

#[tokio::test]
async fn backoff_waits_stay_within_the_policy() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502))
        .mount(&server)
        .await;
    let policy = RetryPolicy {
        max_retries: 6,
        initial_backoff: Duration::from_millis(100),
        max_backoff: Duration::from_millis(800),
        ..RetryPolicy::default()
    };
    let (client, sleeper) = client(&server.uri(), policy);

    client.oauth().get_oauth_clients().await.unwrap_err();
    let waits = sleeper.waits();
    assert_eq!(waits.len(), 6);
    for (i, wait) in waits.iter().enumerate() {
        let bound = Duration::from_millis(100 << i).min(Duration::from_millis(800));
        assert!(*wait <= bound, "wait {i}: {wait:?} > {bound:?}");
    }
}

#[tokio::test]
async fn connection_errors_are_retried_then_reported() {
    // A port with nothing listening: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let policy = RetryPolicy {
        max_retries: 2,
        ..RetryPolicy::default()
    };
    let (client, sleeper) = client(&format!("http://127.0.0.1:{port}"), policy);

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(sleeper.waits().len(), 2);
}

#[tokio::test]
async fn a_timeout_fires_on_a_server_that_never_answers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .timeout(Some(Duration::from_millis(200)))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();

    let started = Instant::now();
    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.is_timeout() && err.is_retryable(), "{err:?}");
    match err {
        Error::Timeout {
            timeout, attempts, ..
        } => {
            assert_eq!(timeout, Duration::from_millis(200));
            assert_eq!(attempts, 1);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn a_per_call_timeout_overrides_the_client_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();

    let started = Instant::now();
    let err = client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_millis(200))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.is_retryable(), "{err:?}");
}
