//! The server URL's variables are set on the builder, checked at
//! `build()`, and at their defaults when unset; `base_url` overrides them.

use case_server_variables::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn requests_go_to_the_url_built_from_the_variables() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(["ann"]))
        .expect(1)
        .mount(&server)
        .await;
    let host = server.uri().trim_start_matches("http://").to_owned();
    let client = Client::builder()
        .server_variable("scheme", "http")
        .server_variable("host", host.clone())
        .server_variable("version", "v2")
        .allow_insecure_http(true)
        .build()
        .unwrap();
    assert_eq!(client.base_url(), format!("http://{host}/api/v2"));
    assert_eq!(client.users().list_users().await.unwrap(), ["ann"]);
}

#[test]
fn unset_variables_take_their_defaults() {
    let client = Client::builder().build().unwrap();
    assert_eq!(client.base_url(), "https://subdomain.example.test/api/v1");
    let client = Client::builder()
        .server_variable("host", "acme.example.test")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://acme.example.test/api/v1");
}

#[test]
fn the_last_value_set_wins() {
    let client = Client::builder()
        .server_variable("version", "v2")
        .server_variable("version", "v1")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://subdomain.example.test/api/v1");
}

#[test]
fn a_value_outside_the_enum_names_the_variable_and_what_it_allows() {
    let error = Client::builder()
        .server_variable("version", "v3")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "invalid client configuration: server variable `version` can't be `v3`: it is one of `v1`, `v2`"
    );
}

#[test]
fn an_unknown_variable_names_those_the_url_has() {
    let error = Client::builder()
        .server_variable("unused", "x")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("unknown server variable `unused`"), "{message}");
    assert!(
        message.contains("`scheme`, `host`, `version`"),
        "{message}"
    );
}

#[test]
fn a_base_url_overrides_the_variables() {
    let client = Client::builder()
        .server_variable("version", "v2")
        .base_url("https://gateway.example.test/okta")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://gateway.example.test/okta");
}

#[test]
fn a_misspelt_variable_fails_even_with_a_base_url() {
    let error = Client::builder()
        .base_url("https://gateway.example.test")
        .server_variable("Version", "v2")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
}
