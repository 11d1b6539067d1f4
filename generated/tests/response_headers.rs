//! `send_with_response()`: the value with the response's status and
//! headers, credentials among them hidden from `Debug`.
//! Codegen never touches this folder.

use purecloud_platform_client::{Client, Error, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("test-token-77")
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    (server, client)
}

#[tokio::test]
async fn the_value_comes_with_the_status_and_headers_of_its_response() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ETag", "\"v7\"")
                .insert_header("Set-Cookie", "session=abc123")
                .insert_header("X-Auth-Token", "t0ken-in-a-header")
                .set_body_json(json!({"entities": [], "total": 0})),
        )
        .mount(&server)
        .await;
    let response = client
        .oauth()
        .get_oauth_clients()
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(response.header("etag"), Some("\"v7\""));
    assert_eq!(response.header("ETag"), Some("\"v7\""));
    assert_eq!(response.header("set-cookie"), Some("session=abc123"));
    assert_eq!(response.header("x-missing"), None);
    assert_eq!(response.value.total, Some(0));

    let debug = format!("{response:?}");
    assert!(debug.contains("etag"), "{debug}");
    assert!(!debug.contains("abc123"), "{debug}");
    assert!(!debug.contains("t0ken-in-a-header"), "{debug}");
    assert!(!debug.contains("test-token-77"), "{debug}");
    assert_eq!(response.into_inner().entities, Some(Vec::new()));
}

#[tokio::test]
async fn a_failed_call_is_the_same_error_as_awaiting_the_builder() {
    let (server, client) = setup().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v2/oauth/clients/c1"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"message": "no such client"})),
        )
        .mount(&server)
        .await;
    let error = client
        .oauth()
        .delete_oauth_client("c1")
        .send_with_response()
        .await
        .unwrap_err();
    match error {
        Error::Api(e) => assert_eq!(e.status, 404),
        other => panic!("expected an API error, got {other:?}"),
    }
}
