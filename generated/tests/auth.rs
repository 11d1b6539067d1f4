//! The OAuth grants on the wire, and the token lifecycle of a client that
//! manages its own token: caching, one refresh at a time, renewal, and one
//! re-authentication after a 401.

use std::time::Duration;

use purecloud_platform_client::{Client, Error, Grant, PkceChallenge, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Basic credentials of `my-id:my-secret`.
const BASIC: &str = "Basic bXktaWQ6bXktc2VjcmV0";
const FORM: &str = "application/x-www-form-urlencoded";

fn token(access: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "access_token": access,
        "token_type": "bearer",
        "expires_in": expires_in
    }))
}

fn no_authorization(req: &Request) -> bool {
    !req.headers.contains_key("authorization")
}

/// Expects exactly one token request with this form body, sent with the
/// Basic credentials of `my-id:my-secret` (or with no `Authorization` at
/// all, for PKCE), and answers it with the token `tok`.
async fn expect_grant(server: &MockServer, form: &str, basic: bool) {
    let mock = Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(header("content-type", FORM))
        .and(body_string(form));
    let mock = if basic {
        mock.and(header("authorization", BASIC))
    } else {
        mock.and(no_authorization)
    };
    mock.respond_with(token("tok", 60))
        .expect(1)
        .mount(server)
        .await;
}

/// A client whose API and login service are both `server`.
fn managed(server: &MockServer, grant: Grant) -> Client {
    Client::builder()
        .base_url(server.uri())
        .login_url(server.uri())
        .grant(grant)
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

async fn mount_clients_listing(server: &MockServer, bearer: &str, expected_calls: u64) {
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(header("authorization", format!("Bearer {bearer}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"entities": []})))
        .expect(expected_calls)
        .mount(server)
        .await;
}

#[tokio::test]
async fn client_credentials_grant_sends_basic_credentials_and_the_grant_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(header("authorization", BASIC))
        .and(header("content-type", FORM))
        .and(body_string("grant_type=client_credentials"))
        .respond_with(token("tok-1", 86_400))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .login_url(server.uri())
        .build()
        .unwrap();

    let token = client
        .authenticate_with_client_credentials("my-id", "my-secret")
        .await
        .unwrap();
    assert_eq!(token.access_token.secret(), "tok-1");
    assert_eq!(token.token_type, "bearer");
    assert_eq!(token.expires_in, Some(86_400));

    // From now on the client sends that token itself.
    mount_clients_listing(&server, "tok-1", 1).await;
    client.oauth().get_oauth_clients().await.unwrap();
}

#[tokio::test]
async fn authorization_code_grant_sends_the_code_and_redirect_uri() {
    let server = MockServer::start().await;
    expect_grant(
        &server,
        "grant_type=authorization_code&code=the-code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb",
        true,
    )
    .await;
    let client = managed(
        &server,
        Grant::authorization_code(
            "my-id",
            "my-secret",
            "the-code",
            "https://app.example.com/cb",
        ),
    );
    client
        .authenticate(Grant::authorization_code(
            "my-id",
            "my-secret",
            "the-code",
            "https://app.example.com/cb",
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn refresh_token_grant_sends_the_refresh_token() {
    let server = MockServer::start().await;
    expect_grant(&server, "grant_type=refresh_token&refresh_token=rt-1", true).await;
    let client = managed(&server, Grant::refresh_token("my-id", "my-secret", "rt-1"));
    mount_clients_listing(&server, "tok", 1).await;
    client.oauth().get_oauth_clients().await.unwrap();
}

#[tokio::test]
async fn pkce_exchange_sends_client_id_and_verifier_without_basic_credentials() {
    let server = MockServer::start().await;
    expect_grant(
        &server,
        "grant_type=authorization_code&code=c0de&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&client_id=my-id&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        false,
    )
    .await;
    let client = managed(
        &server,
        Grant::pkce(
            "my-id",
            "c0de",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            "http://localhost/cb",
        ),
    );
    mount_clients_listing(&server, "tok", 1).await;
    client.oauth().get_oauth_clients().await.unwrap();
}

#[test]
fn pkce_challenge_is_the_s256_of_the_verifier() {
    // RFC 7636, appendix B.
    let pkce = PkceChallenge::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assert_eq!(
        pkce.challenge,
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
    assert_eq!(PkceChallenge::METHOD, "S256");
}

#[test]
fn pkce_verifiers_are_random_and_made_of_43_to_128_unreserved_characters() {
    let a = PkceChallenge::new().unwrap();
    let b = PkceChallenge::new().unwrap();
    for pkce in [&a, &b] {
        let verifier = pkce.verifier.expose();
        assert!((43..=128).contains(&verifier.len()), "{}", verifier.len());
        assert!(
            verifier
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
        );
    }
    assert_ne!(a.verifier.expose(), b.verifier.expose());
}

#[tokio::test]
async fn saml2_bearer_grant_sends_org_name_and_assertion() {
    let server = MockServer::start().await;
    expect_grant(
        &server,
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Asaml2-bearer&orgName=acme&assertion=PHNhbWw%2B",
        true,
    )
    .await;
    let client = managed(
        &server,
        Grant::saml2_bearer("my-id", "my-secret", "acme", "PHNhbWw+"),
    );
    mount_clients_listing(&server, "tok", 1).await;
    client.oauth().get_oauth_clients().await.unwrap();
}

#[tokio::test]
async fn token_endpoint_errors_are_decoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("ININ-Correlation-Id", "corr-9")
                .set_body_json(json!({
                    "error": "invalid_client",
                    "description": "client not found"
                })),
        )
        .mount(&server)
        .await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    let Error::Auth(auth) = &err else {
        panic!("expected an auth error, got {err:?}")
    };
    assert_eq!(auth.status, 401);
    assert_eq!(auth.error.as_deref(), Some("invalid_client"));
    assert_eq!(auth.description.as_deref(), Some("client not found"));
    assert_eq!(err.correlation_id(), Some("corr-9"));
    assert_eq!(
        err.to_string(),
        "the login service refused the client_credentials grant: 401 Unauthorized: invalid_client (client not found) [correlation id corr-9]"
    );
}

#[tokio::test]
async fn error_description_is_read_too() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "error": "invalid_grant",
            "error_description": "code expired"
        })))
        .mount(&server)
        .await;
    let client = managed(
        &server,
        Grant::authorization_code("my-id", "my-secret", "old", "https://x/cb"),
    );
    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert!(
        err.to_string().contains("invalid_grant (code expired)"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_calls_share_one_token_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("shared", 86_400).set_delay(Duration::from_millis(100)))
        .expect(1)
        .mount(&server)
        .await;
    mount_clients_listing(&server, "shared", 50).await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));

    let calls = (0..50).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.oauth().get_oauth_clients().await })
    });
    for call in calls {
        call.await.unwrap().unwrap();
    }
}

#[tokio::test]
async fn a_fresh_token_is_reused_and_an_expiring_one_renewed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("long-lived", 86_400))
        .expect(1)
        .mount(&server)
        .await;
    mount_clients_listing(&server, "long-lived", 3).await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));
    for _ in 0..3 {
        client.oauth().get_oauth_clients().await.unwrap();
    }

    // A token that lives less than twice the refresh margin is still used,
    // for half its lifetime.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("short-lived", 30))
        .expect(1)
        .mount(&server)
        .await;
    mount_clients_listing(&server, "short-lived", 3).await;
    let client = Client::builder()
        .base_url(server.uri())
        .login_url(server.uri())
        .client_credentials("my-id", "my-secret")
        .token_refresh_margin(Duration::from_secs(60))
        .build()
        .unwrap();
    for _ in 0..3 {
        client.oauth().get_oauth_clients().await.unwrap();
    }
}

#[tokio::test]
async fn a_token_past_half_its_short_life_is_renewed_before_use() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("one-second", 1))
        .expect(2)
        .mount(&server)
        .await;
    mount_clients_listing(&server, "one-second", 3).await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));
    client.oauth().get_oauth_clients().await.unwrap();
    client.oauth().get_oauth_clients().await.unwrap();
    // Half of its one-second life is the margin: by now it is renewed.
    tokio::time::sleep(Duration::from_millis(600)).await;
    client.oauth().get_oauth_clients().await.unwrap();
}

#[tokio::test]
async fn code_grants_renew_with_their_refresh_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(body_string(
            "grant_type=authorization_code&code=c&redirect_uri=https%3A%2F%2Fx%2Fcb",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "first", "expires_in": 1, "refresh_token": "rt-7"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(body_string("grant_type=refresh_token&refresh_token=rt-7"))
        .respond_with(token("second", 86_400))
        .expect(1)
        .mount(&server)
        .await;
    mount_clients_listing(&server, "first", 1).await;
    mount_clients_listing(&server, "second", 1).await;
    let client = Client::builder()
        .base_url(server.uri())
        .login_url(server.uri())
        .grant(Grant::authorization_code(
            "my-id",
            "my-secret",
            "c",
            "https://x/cb",
        ))
        .token_refresh_margin(Duration::ZERO)
        .build()
        .unwrap();

    client.oauth().get_oauth_clients().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    client.oauth().get_oauth_clients().await.unwrap();
}

#[tokio::test]
async fn a_401_causes_one_re_authentication_and_one_repeat_not_a_loop() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("revoked", 86_400))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "message": "No authentication bearer token specified in authorization header.",
            "status": 401
        })))
        .expect(2)
        .mount(&server)
        .await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));

    let err = client.oauth().get_oauth_clients().await.unwrap_err();
    assert_eq!(err.status(), Some(401));
}

#[tokio::test]
async fn a_401_then_success_with_the_new_token_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("tok", 86_400))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    mount_clients_listing(&server, "tok", 1).await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));
    client.oauth().get_oauth_clients().await.unwrap();
}

#[tokio::test]
async fn a_failed_refresh_is_an_error_for_the_caller_not_a_panic() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(503).set_body_string("login down"))
        .mount(&server)
        .await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));
    for _ in 0..2 {
        let err = client.oauth().get_oauth_clients().await.unwrap_err();
        assert_eq!(err.status(), Some(503));
        assert!(matches!(err, Error::Auth(_)), "{err:?}");
    }
}

#[tokio::test]
async fn a_static_token_is_sent_as_it_is() {
    let server = MockServer::start().await;
    mount_clients_listing(&server, "static-tok", 1).await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("static-tok")
        .build()
        .unwrap();
    client.oauth().get_oauth_clients().await.unwrap();
}

#[test]
fn a_static_token_that_cannot_be_a_header_is_refused_when_the_client_is_built() {
    let built = Client::builder()
        .base_url("http://127.0.0.1:9")
        .access_token("abc\ndef-secret")
        .build();
    let Err(error) = built else {
        panic!("a token with a line break can't be sent");
    };
    let message = error.to_string();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert!(message.contains("printable ASCII"), "{message}");
    assert!(!message.contains("def-secret"), "{message}");
}

#[tokio::test]
async fn a_granted_token_that_cannot_be_a_header_fails_the_call_without_sending_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token("tok\u{7f}en-secret", 3600))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"entities": []})))
        .expect(0)
        .mount(&server)
        .await;
    let client = managed(&server, Grant::client_credentials("my-id", "my-secret"));
    let error = client.oauth().get_oauth_clients().await.unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert!(message.contains("printable ASCII"), "{message}");
    assert!(!message.contains("en-secret"), "{message}");
}
