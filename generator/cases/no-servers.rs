//! A spec without servers: the base URL must be given, and `build()` says
//! so plainly when it is not.

use case_no_servers::{Client, Error};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn build_without_a_base_url_says_one_is_needed() {
    let err = Client::builder().api_key("k").build().unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("base URL is needed"), "{message}");
    assert!(message.contains("base_url("), "{message}");
}

#[tokio::test]
async fn with_a_base_url_the_call_goes_there_with_its_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/items"))
        .and(header("Api-Key", "k-123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(["a", "b"]))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/api", server.uri()))
        .api_key("k-123")
        .build()
        .unwrap();
    let items = client.items().list_items().await.unwrap();
    assert_eq!(items, vec!["a".to_owned(), "b".to_owned()]);
}
