//! What goes on the wire for the headers the client sets itself, with and
//! without the caller's `default_header`: a default `Accept` replaces the
//! computed one (names are case-insensitive), a default `Authorization`
//! goes only where the client sends no credentials, a default
//! `Content-Type` only with requests that have no body.

use case_headers_client_set::models::Thing;
use case_headers_client_set::{Client, ClientBuilder};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(|request: &wiremock::Request| match request.url.path() {
            "/things" if request.method == wiremock::http::Method::GET => {
                ResponseTemplate::new(200).set_body_json(serde_json::json!([{"name": "a"}]))
            }
            "/secret" => ResponseTemplate::new(200).set_body_raw("a,b\n", "text/csv"),
            _ => ResponseTemplate::new(204),
        })
        .mount(&server)
        .await;
    server
}

/// Every value of `name` the request to `method path` carried, as sent.
async fn sent(server: &MockServer, method: &str, path: &str, name: &str) -> Vec<String> {
    let requests = server.received_requests().await.unwrap();
    let request = requests
        .iter()
        .find(|r| r.method.as_str() == method && r.url.path() == path)
        .unwrap_or_else(|| panic!("no {method} {path}"));
    request
        .headers
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

async fn call_each(builder: ClientBuilder, server: &MockServer) {
    let client = builder.base_url(server.uri()).build().unwrap();
    client.things().list_things().await.unwrap();
    client
        .things()
        .create_thing(Thing::default())
        .await
        .unwrap();
    client.things().get_secret().await.unwrap();
}

#[tokio::test]
async fn without_a_default_each_call_accepts_its_own_media_types() {
    let server = server().await;
    call_each(Client::builder().access_token("t-1"), &server).await;
    assert_eq!(sent(&server, "GET", "/things", "accept").await, ["application/json"]);
    assert_eq!(sent(&server, "GET", "/secret", "accept").await, ["text/csv"]);
    assert_eq!(
        sent(&server, "POST", "/things", "content-type").await,
        ["application/json"]
    );
    assert!(sent(&server, "GET", "/things", "content-type").await.is_empty());
    assert!(sent(&server, "GET", "/things", "authorization").await.is_empty());
    assert_eq!(sent(&server, "GET", "/secret", "authorization").await, ["Bearer t-1"]);
}

#[tokio::test]
async fn a_default_accept_replaces_the_computed_one_on_every_call() {
    let server = server().await;
    let versioned = "application/vnd.x+json;version=2";
    // Lowercase: header names are case-insensitive.
    let builder = Client::builder().default_header("accept", versioned);
    call_each(builder.access_token("t-1"), &server).await;
    for (method, path) in [("GET", "/things"), ("POST", "/things"), ("GET", "/secret")] {
        assert_eq!(sent(&server, method, path, "accept").await, [versioned], "{method} {path}");
    }
}

#[tokio::test]
async fn a_default_authorization_goes_only_where_the_client_sends_no_credentials() {
    let server = server().await;
    let builder = Client::builder()
        .default_header("Authorization", "Token abc")
        .access_token("t-1");
    call_each(builder, &server).await;
    assert_eq!(sent(&server, "GET", "/things", "authorization").await, ["Token abc"]);
    assert_eq!(sent(&server, "GET", "/secret", "authorization").await, ["Bearer t-1"]);
}

#[tokio::test]
async fn a_default_content_type_goes_only_with_requests_without_a_body() {
    let server = server().await;
    let builder = Client::builder()
        .default_header("Content-Type", "text/x-default")
        .access_token("t-1");
    call_each(builder, &server).await;
    assert_eq!(sent(&server, "GET", "/things", "content-type").await, ["text/x-default"]);
    assert_eq!(
        sent(&server, "POST", "/things", "content-type").await,
        ["application/json"]
    );
}
