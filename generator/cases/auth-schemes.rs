//! Each operation sends exactly the credentials its `security` names, in
//! the header, query parameter or cookie the scheme says, and
//! `security: []` sends none.

use case_auth_schemes::{Client, ClientBuilder, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": "issued-token",
            "token_type": "bearer",
            "expires_in": 3600
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

/// Every kind of credentials but client credentials.
fn all_credentials(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .access_token("bearer-token")
        .basic_auth("alice", "open sesame")
        .api_key_header_key("header-key")
        .api_key_query_key("qk-secret")
        .api_key_cookie_key("cookie-key")
}

/// The one request the server received for `route`.
async fn sent(server: &MockServer, route: &str) -> Request {
    let requests = server.received_requests().await.unwrap_or_default();
    let mut matching = requests.into_iter().filter(|r| r.url.path() == route);
    let request = matching.next().expect("a request was sent");
    assert!(matching.next().is_none(), "one request for {route}");
    request
}

fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

fn query(request: &Request) -> Vec<(String, String)> {
    request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// What a request carries of each kind of credentials.
fn credentials(request: &Request) -> (Option<String>, Option<String>, Option<String>, bool) {
    (
        header(request, "authorization"),
        header(request, "x-api-key"),
        header(request, "cookie"),
        query(request).iter().any(|(k, _)| k == "api_key"),
    )
}

#[tokio::test]
async fn the_documents_default_security_sends_the_bearer_token_only() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_default().await.unwrap();
    let request = sent(&server, "/v1/default").await;
    assert_eq!(
        credentials(&request),
        (Some("Bearer bearer-token".into()), None, None, false)
    );
}

#[tokio::test]
async fn empty_security_sends_no_credentials() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().is_public().await.unwrap();
    let request = sent(&server, "/v1/public").await;
    assert_eq!(credentials(&request), (None, None, None, false));
}

#[tokio::test]
async fn basic_sends_the_rfc_7617_header() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_basic().await.unwrap();
    let request = sent(&server, "/v1/basic").await;
    // base64("alice:open sesame")
    assert_eq!(
        credentials(&request),
        (
            Some("Basic YWxpY2U6b3BlbiBzZXNhbWU=".into()),
            None,
            None,
            false
        )
    );
}

#[tokio::test]
async fn a_header_key_goes_in_its_header() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_header_key().await.unwrap();
    let request = sent(&server, "/v1/header-key").await;
    assert_eq!(
        credentials(&request),
        (None, Some("header-key".into()), None, false)
    );
}

#[tokio::test]
async fn a_query_key_goes_in_the_query_beside_the_parameters() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_query_key().q("x y").await.unwrap();
    let request = sent(&server, "/v1/query-key").await;
    assert_eq!(
        query(&request),
        vec![
            ("q".to_owned(), "x y".to_owned()),
            ("api_key".to_owned(), "qk-secret".to_owned())
        ]
    );
    assert_eq!(header(&request, "authorization"), None);
    assert_eq!(header(&request, "cookie"), None);
}

#[tokio::test]
async fn a_cookie_key_goes_in_the_cookie_header() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_cookie_key().await.unwrap();
    let request = sent(&server, "/v1/cookie-key").await;
    assert_eq!(
        credentials(&request),
        (None, None, Some("session=cookie-key".into()), false)
    );
}

#[tokio::test]
async fn two_schemes_of_one_requirement_are_both_sent() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_both().await.unwrap();
    let request = sent(&server, "/v1/both").await;
    assert_eq!(
        credentials(&request),
        (
            None,
            Some("header-key".into()),
            Some("session=cookie-key".into()),
            false
        )
    );
}

#[tokio::test]
async fn the_first_alternative_with_credentials_is_sent() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_either().await.unwrap();
    let request = sent(&server, "/v1/either").await;
    assert_eq!(
        credentials(&request),
        (None, Some("header-key".into()), None, false)
    );

    // Without a header key, the second alternative (Basic) is used.
    let server = self::server().await;
    let client = Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .basic_auth("bob", "pw")
        .build()
        .unwrap();
    client.auth().uses_either().await.unwrap();
    let request = sent(&server, "/v1/either").await;
    assert_eq!(
        credentials(&request),
        (Some("Basic Ym9iOnB3".into()), None, None, false)
    );
}

#[tokio::test]
async fn an_alternative_the_client_cannot_send_is_passed_over() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_digest().await.unwrap();
    let request = sent(&server, "/v1/digest").await;
    assert_eq!(credentials(&request), (None, None, None, true));
}

#[tokio::test]
async fn without_the_credentials_an_operation_names_nothing_is_sent() {
    let server = server().await;
    let client = Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .api_key_cookie_key("cookie-key")
        .build()
        .unwrap();
    client.auth().uses_header_key().await.unwrap();
    let request = sent(&server, "/v1/header-key").await;
    assert_eq!(credentials(&request), (None, None, None, false));
}

#[tokio::test]
async fn open_id_connect_sends_the_bearer_token() {
    let server = server().await;
    let client = all_credentials(&server).build().unwrap();
    client.auth().uses_open_id_connect().await.unwrap();
    let request = sent(&server, "/v1/oidc").await;
    assert_eq!(
        credentials(&request),
        (Some("Bearer bearer-token".into()), None, None, false)
    );
}

#[tokio::test]
async fn client_credentials_get_a_token_from_the_specs_token_url_once() {
    let server = server().await;
    let client = Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .client_credentials("my-id", "my-secret")
        .build()
        .unwrap();
    // The spec's token URL, `/oauth/token`, is relative to the server.
    assert_eq!(client.token_url(), format!("{}/oauth/token", server.uri()));
    client.auth().uses_oauth().await.unwrap();
    client.auth().uses_oauth().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let token_requests: Vec<&Request> = requests
        .iter()
        .filter(|r| r.url.path() == "/oauth/token")
        .collect();
    assert_eq!(token_requests.len(), 1, "the token is cached");
    let token_request = token_requests[0];
    assert_eq!(
        String::from_utf8_lossy(&token_request.body),
        "grant_type=client_credentials"
    );
    // base64("my-id:my-secret")
    assert_eq!(
        header(token_request, "authorization").as_deref(),
        Some("Basic bXktaWQ6bXktc2VjcmV0")
    );
    let calls: Vec<&Request> = requests
        .iter()
        .filter(|r| r.url.path() == "/v1/oauth")
        .collect();
    assert_eq!(calls.len(), 2);
    for call in calls {
        assert_eq!(
            header(call, "authorization").as_deref(),
            Some("Bearer issued-token")
        );
    }
}

#[tokio::test]
async fn secrets_stay_out_of_debug_output() {
    let server = server().await;
    let builder = all_credentials(&server);
    let shown = format!("{builder:?}");
    let client = builder.build().unwrap();
    let shown = format!("{shown} {client:?}");
    for secret in [
        "bearer-token",
        "open sesame",
        "header-key",
        "qk-secret",
        "cookie-key",
    ] {
        assert!(!shown.contains(secret), "{secret} shown in {shown}");
    }
    assert!(shown.contains("alice"), "the user name is not a secret");
}

#[tokio::test]
async fn a_query_key_stays_out_of_transport_errors() {
    // Nothing listens on port 9 of this machine: the connection fails.
    let client = Client::builder()
        .base_url("http://127.0.0.1:9")
        .api_key_query_key("qk-secret")
        .retry_policy(case_auth_schemes::RetryPolicy::never())
        .build()
        .unwrap();
    let err = client.auth().uses_query_key().await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("qk-secret"), "{shown}");
}
