//! The client against servers that misbehave: connections reset before or
//! in the middle of an answer, servers that never answer, login services
//! that fail, hang or rate-limit, and bodies too large to hold.
//!
//! Where wiremock cannot misbehave enough, a raw TCP server plays a script.
//! Every test checks how many requests the server saw; elapsed times are
//! bounded from above only, with wide margins, or measured on tokio's
//! paused clock.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use purecloud_platform_client::{BoxFuture, Client, Error, RetryPolicy, Sleeper};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// What the raw server does with one request.
#[derive(Clone, Debug)]
enum Act {
    /// Reads the request, then resets the connection without answering.
    Reset,
    /// Sends a 200 whose `Content-Length` promises more than follows,
    /// then resets the connection.
    Truncated,
    /// Reads the request and never answers, keeping the connection open.
    Hang,
    /// Answers with this status, extra header lines and body.
    Answer(u16, &'static str, String),
}

fn ok_json(body: serde_json::Value) -> Act {
    Act::Answer(200, "Content-Type: application/json\r\n", body.to_string())
}

fn token_answer(access_token: &str, expires_in: u64) -> Act {
    ok_json(json!({"access_token": access_token, "expires_in": expires_in}))
}

/// A server on a local port that plays a script, one act per request; the
/// last act repeats. It records every request head it reads.
#[derive(Clone)]
struct RawServer {
    url: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl RawServer {
    async fn start(script: Vec<Act>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let server = Self {
            url,
            seen: Arc::clone(&seen),
        };
        let script = Arc::new(script);
        let next = Arc::new(AtomicUsize::new(0));
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (script, next, seen) = (script.clone(), next.clone(), seen.clone());
                tokio::spawn(serve(stream, script, next, seen));
            }
        });
        server
    }

    /// Requests read so far.
    fn requests(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// The request heads read so far, lower-cased.
    fn heads(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

async fn serve(
    mut stream: TcpStream,
    script: Arc<Vec<Act>>,
    next: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<String>>>,
) {
    loop {
        let Some(head) = read_request(&mut stream).await else {
            return;
        };
        seen.lock().unwrap().push(head);
        let index = next.fetch_add(1, Ordering::SeqCst).min(script.len() - 1);
        match &script[index] {
            Act::Reset => return reset(stream),
            Act::Truncated => {
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"entities\": [";
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.flush().await;
                tokio::time::sleep(Duration::from_millis(20)).await;
                return reset(stream);
            }
            Act::Hang => {
                std::future::pending::<()>().await;
            }
            Act::Answer(status, headers, body) => {
                let response = format!(
                    "HTTP/1.1 {status} X\r\n{headers}Content-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                if stream.write_all(response.as_bytes()).await.is_err() {
                    return;
                }
            }
        }
    }
}

/// Closes with a TCP reset rather than an orderly shutdown.
fn reset(stream: TcpStream) {
    let _ = stream.set_zero_linger();
    drop(stream);
}

/// Reads one request head and its `Content-Length` body; `None` when the
/// client closed the connection.
async fn read_request(stream: &mut TcpStream) -> Option<String> {
    let mut buffer = Vec::new();
    let mut byte = [0u8; 1];
    while !buffer.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        buffer.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buffer).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .map_or(0, |value| value.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await.ok()?;
    Some(head)
}

/// Records the waits between attempts and returns at once.
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

fn with_token(base_url: &str) -> (Client, Arc<RecordingSleeper>) {
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(base_url)
        .access_token("tok")
        .sleeper(sleeper.clone())
        .build()
        .unwrap();
    (client, sleeper)
}

/// A client that gets its token from `login` with client credentials.
fn managed(api: &str, login: &str) -> Client {
    Client::builder()
        .base_url(api)
        .login_url(login)
        .client_credentials("my-id", "my-secret")
        .build()
        .unwrap()
}

// 1. Dropped connections.

#[tokio::test]
async fn a_get_reset_before_the_answer_is_retried() {
    let server = RawServer::start(vec![Act::Reset, ok_json(json!({"entities": []}))]).await;
    let (client, sleeper) = with_token(&server.url);

    client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(server.requests(), 2);
    assert_eq!(sleeper.waits().len(), 1);
}

#[tokio::test]
async fn a_get_reset_in_the_middle_of_the_body_is_retried() {
    let server = RawServer::start(vec![Act::Truncated, ok_json(json!({"entities": []}))]).await;
    let (client, _) = with_token(&server.url);

    client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn a_put_reset_before_the_answer_is_retried() {
    let answer = ok_json(json!({"name": "n", "authorizedGrantType": "CODE"}));
    let server = RawServer::start(vec![Act::Reset, answer]).await;
    let (client, _) = with_token(&server.url);

    let body = purecloud_platform_client::models::OAuthClientRequest::new(
        "n",
        purecloud_platform_client::models::OAuthClientAuthorizedGrantType::Code,
    );
    client.oauth().put_oauth_client("c1", body).await.unwrap();
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn a_post_reset_before_the_answer_is_not_sent_again() {
    let answer = ok_json(json!({"name": "n", "authorizedGrantType": "CODE"}));
    let server = RawServer::start(vec![Act::Reset, answer]).await;
    let (client, sleeper) = with_token(&server.url);

    let err = client
        .oauth()
        .post_oauth_client_secret("c1")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(server.requests(), 1, "the POST may have been applied");
    assert!(sleeper.waits().is_empty());
}

#[tokio::test]
async fn dropped_connections_are_retried_within_the_policy_only() {
    let server = RawServer::start(vec![Act::Reset]).await;
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(&server.url)
        .access_token("tok")
        .retry_policy(RetryPolicy {
            max_retries: 2,
            ..RetryPolicy::default()
        })
        .sleeper(sleeper.clone())
        .build()
        .unwrap();

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(server.requests(), 3);
    assert_eq!(sleeper.waits().len(), 2);
}

// 2. Timeouts bound the whole call.

#[tokio::test]
async fn a_per_call_timeout_bounds_every_attempt_and_wait() {
    let server = RawServer::start(vec![Act::Hang]).await;
    let client = Client::builder()
        .base_url(&server.url)
        .access_token("tok")
        .attempt_timeout(Some(Duration::from_millis(200)))
        .retry_policy(RetryPolicy {
            max_retries: 50,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(50),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();

    let started = Instant::now();
    let err = client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_secs(1))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(4), "{err}");
    assert!(err.is_timeout(), "{err:?}");
    // Hung attempts were retried, but only while time was left.
    let seen = server.requests();
    assert!((2..=6).contains(&seen), "{seen} attempts");
}

#[tokio::test(start_paused = true)]
async fn a_hung_get_with_default_settings_ends_at_the_default_timeout() {
    let server = RawServer::start(vec![Act::Hang]).await;
    let client = Client::builder()
        .base_url(&server.url)
        .access_token("tok")
        .build()
        .unwrap();

    let started = tokio::time::Instant::now();
    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(65));
    match err {
        Error::Timeout { timeout, .. } => assert_eq!(timeout, Duration::from_secs(60)),
        other => panic!("expected the default timeout, got {other:?}"),
    }
    assert!(server.requests() <= 1);
}

#[tokio::test]
async fn a_retry_after_beyond_the_call_timeout_returns_the_429_at_once() {
    let server =
        RawServer::start(vec![Act::Answer(429, "Retry-After: 30\r\n", String::new())]).await;
    let client = Client::builder()
        .base_url(&server.url)
        .access_token("tok")
        .build()
        .unwrap();

    let started = Instant::now();
    let err = client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_secs(5))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(err.status(), Some(429));
    assert_eq!(server.requests(), 1);
}

// 3. The call's timeout covers the token request.

#[tokio::test]
async fn a_per_call_timeout_covers_a_hung_token_request() {
    let login = RawServer::start(vec![Act::Hang]).await;
    let api = RawServer::start(vec![ok_json(json!({"entities": []}))]).await;
    let client = managed(&api.url, &login.url);

    let started = Instant::now();
    let err = client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_secs(1))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(4));
    let message = err.to_string();
    assert!(message.contains("waiting for a token"), "{message}");
    match err {
        Error::Timeout { attempts, .. } => assert_eq!(attempts, 0, "no API attempt"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(login.requests(), 1);
    assert_eq!(api.requests(), 0);
}

#[tokio::test]
async fn a_token_request_abandoned_by_every_caller_does_not_block_later_calls() {
    // The first token request hangs; its only caller gives up. A later call
    // must not wait on that dead request, but send its own.
    let login = RawServer::start(vec![Act::Hang, token_answer("tok", 3600)]).await;
    let api = RawServer::start(vec![ok_json(json!({"entities": []}))]).await;
    let client = managed(&api.url, &login.url);

    let err = client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_millis(300))
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    client
        .oauth()
        .get_oauth_clients()
        .timeout(Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(login.requests(), 2);
    assert_eq!(api.requests(), 1);
}

// 4. Token failures are shared with the calls that wait.

#[tokio::test]
async fn a_failing_token_request_is_made_once_for_fifty_waiting_calls() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(500).set_delay(Duration::from_millis(200)))
        .expect(1)
        .mount(&server)
        .await;
    let client = managed(&server.uri(), &server.uri());

    let started = Instant::now();
    let calls = (0..50).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.oauth().get_oauth_clients().await })
    });
    for call in calls.collect::<Vec<_>>() {
        let err = call.await.unwrap().unwrap_err();
        assert!(matches!(&err, Error::Auth(e) if e.status == 500), "{err:?}");
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn a_hung_token_request_is_made_once_for_ten_calls_with_a_client_timeout() {
    let login = RawServer::start(vec![Act::Hang]).await;
    let client = Client::builder()
        .base_url(&login.url)
        .login_url(&login.url)
        .client_credentials("my-id", "my-secret")
        .timeout(Some(Duration::from_secs(2)))
        .build()
        .unwrap();

    let started = Instant::now();
    let calls: Vec<_> = (0..10)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.oauth().get_oauth_clients().await })
        })
        .collect();
    for call in calls {
        let err = call.await.unwrap().unwrap_err();
        assert!(err.is_timeout(), "{err:?}");
    }
    assert!(started.elapsed() < Duration::from_secs(6));
    assert_eq!(login.requests(), 1);
}

#[tokio::test]
async fn a_token_request_dropped_every_time_fails_every_waiting_call_once() {
    let login = RawServer::start(vec![Act::Reset]).await;
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(&login.url)
        .login_url(&login.url)
        .client_credentials("my-id", "my-secret")
        .retry_policy(RetryPolicy {
            max_retries: 2,
            ..RetryPolicy::default()
        })
        .sleeper(sleeper.clone())
        .build()
        .unwrap();

    let calls: Vec<_> = (0..10)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.oauth().get_oauth_clients().await })
        })
        .collect();
    for call in calls {
        let err = call.await.unwrap().unwrap_err();
        // A transport error has one owner: the waiting calls share it.
        match &err {
            Error::TokenRequest(inner) => {
                assert!(matches!(**inner, Error::Transport { .. }), "{err:?}")
            }
            other => panic!("expected the shared token failure, got {other:?}"),
        }
        assert!(err.is_retryable());
        assert!(err.to_string().contains("/oauth/token"), "{err}");
    }
    // One token request, retried twice, for all ten calls.
    assert_eq!(login.requests(), 3);
    assert_eq!(sleeper.waits().len(), 2);
}

#[tokio::test]
async fn a_later_call_tries_the_token_request_again_after_a_backoff() {
    let login = RawServer::start(vec![
        Act::Answer(500, "", String::new()),
        token_answer("tok", 3600),
    ])
    .await;
    let api = RawServer::start(vec![ok_json(json!({"entities": []}))]).await;
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(&api.url)
        .login_url(&login.url)
        .client_credentials("my-id", "my-secret")
        .sleeper(sleeper.clone())
        .build()
        .unwrap();

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert_eq!(err.status(), Some(500));
    client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(login.requests(), 2);
    assert_eq!(api.requests(), 1);
    let waits = sleeper.waits();
    assert_eq!(waits.len(), 1, "{waits:?}");
    assert!(waits[0] > Duration::ZERO && waits[0] <= RetryPolicy::default().initial_backoff);
}

// 5. Short-lived tokens are reused while valid.

#[tokio::test]
async fn a_token_shorter_lived_than_the_refresh_margin_is_reused() {
    let login = RawServer::start(vec![token_answer("short", 60)]).await;
    let api = RawServer::start(vec![ok_json(json!({"entities": []}))]).await;
    let client = managed(&api.url, &login.url);

    let calls: Vec<_> = (0..50)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.oauth().get_oauth_clients().await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    for _ in 0..10 {
        client.oauth().get_oauth_clients().await.unwrap();
    }
    assert_eq!(login.requests(), 1);
    assert_eq!(api.requests(), 60);
}

// 6. The login follows the retry policy.

#[tokio::test]
async fn a_429_from_the_login_service_is_retried_after_retry_after() {
    let login = RawServer::start(vec![
        Act::Answer(429, "Retry-After: 1\r\n", String::new()),
        token_answer("tok", 3600),
    ])
    .await;
    let api = RawServer::start(vec![ok_json(json!({"entities": []}))]).await;
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(&api.url)
        .login_url(&login.url)
        .client_credentials("my-id", "my-secret")
        .sleeper(sleeper.clone())
        .build()
        .unwrap();

    client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(login.requests(), 2);
    assert_eq!(sleeper.waits(), [Duration::from_secs(1)]);
    assert!(api.heads()[0].contains("authorization: bearer tok"));
}

#[tokio::test]
async fn a_503_from_the_login_service_is_retried_with_backoff_within_limits() {
    let login = RawServer::start(vec![Act::Answer(503, "", String::new())]).await;
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(&login.url)
        .login_url(&login.url)
        .client_credentials("my-id", "my-secret")
        .retry_policy(RetryPolicy {
            max_retries: 3,
            ..RetryPolicy::default()
        })
        .sleeper(sleeper.clone())
        .build()
        .unwrap();

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(matches!(&err, Error::Auth(e) if e.status == 503), "{err:?}");
    assert_eq!(login.requests(), 4);
    assert_eq!(sleeper.waits().len(), 3);
}

#[tokio::test]
async fn a_token_request_reset_before_the_answer_is_retried() {
    let login = RawServer::start(vec![Act::Reset, token_answer("tok", 3600)]).await;
    let api = RawServer::start(vec![ok_json(json!({"entities": []}))]).await;
    let client = managed(&api.url, &login.url);

    client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(login.requests(), 2);
}

// 7. A bodyless POST says it has no body.

#[tokio::test]
async fn a_bodyless_post_sends_content_length_zero() {
    let answer = ok_json(json!({"name": "n", "authorizedGrantType": "CODE"}));
    let server = RawServer::start(vec![answer]).await;
    let (client, _) = with_token(&server.url);

    client.oauth().post_oauth_client_secret("c1").await.unwrap();
    let heads = server.heads();
    assert_eq!(heads.len(), 1);
    assert!(heads[0].starts_with("post /api/v2/oauth/clients/c1/secret "));
    assert_eq!(
        heads[0].matches("content-length").count(),
        1,
        "{}",
        heads[0]
    );
    assert!(
        heads[0].contains("\r\ncontent-length: 0\r\n"),
        "{}",
        heads[0]
    );
}

// 8. Response bodies are capped.

#[tokio::test]
async fn an_announced_body_over_the_default_limit_is_refused_unread() {
    // 50 MB announced; the client must not wait for or hold it.
    let head = "Content-Type: application/json\r\n";
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        read_request(&mut stream).await.unwrap();
        counter.fetch_add(1, Ordering::SeqCst);
        let response = format!("HTTP/1.1 200 OK\r\n{head}Content-Length: 50000000\r\n\r\n[");
        stream.write_all(response.as_bytes()).await.unwrap();
        std::future::pending::<()>().await;
    });
    let (client, _) = with_token(&url);

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    match &err {
        Error::ResponseTooLarge {
            operation,
            limit,
            content_length,
            ..
        } => {
            assert_eq!(*operation, "get_oauth_clients");
            assert_eq!(*limit, 32 * 1024 * 1024);
            assert_eq!(*content_length, Some(50_000_000));
        }
        other => panic!("expected a size error, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("get_oauth_clients"), "{message}");
    assert!(message.contains("33554432 bytes"), "{message}");
    assert!(message.contains("max_response_size"), "{message}");
    assert_eq!(seen.load(Ordering::SeqCst), 1, "not retried");
}

#[tokio::test]
async fn a_chunked_body_growing_past_the_limit_is_refused() {
    let server = MockServer::start().await;
    let big = "x".repeat(2048);
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([big])))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("tok")
        .max_response_size(1024)
        .build()
        .unwrap();

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: 1024, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("1024 bytes"), "{err}");
}

#[tokio::test]
async fn a_body_within_the_limit_is_read_whole() {
    let rows: Vec<_> = (0..200)
        .map(|i| json!({"id": format!("c{i}"), "name": "n", "authorizedGrantType": "CODE"}))
        .collect();
    let server = RawServer::start(vec![ok_json(json!({"entities": rows}))]).await;
    let client = Client::builder()
        .base_url(&server.url)
        .access_token("tok")
        .max_response_size(64 * 1024)
        .build()
        .unwrap();

    let listing = client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(listing.entities.map(|e| e.len()), Some(200));
}

#[tokio::test]
async fn a_token_response_over_the_limit_names_the_token_request() {
    let padding = "x".repeat(4096);
    let login = RawServer::start(vec![ok_json(
        json!({"access_token": "tok", "expires_in": 3600, "padding": padding}),
    )])
    .await;
    let client = Client::builder()
        .base_url(&login.url)
        .login_url(&login.url)
        .client_credentials("my-id", "my-secret")
        .max_response_size(1024)
        .build()
        .unwrap();

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    let message = err.to_string();
    assert!(message.contains("token request"), "{message}");
    assert!(message.contains("1024 bytes"), "{message}");
    assert!(!message.contains("my-secret"), "{message}");
    assert_eq!(login.requests(), 1);
}
