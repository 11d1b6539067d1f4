//! A bearer token goes to the operations that need it, and not to the one
//! whose `security` is empty.

use case_auth_bearer_only::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_token_goes_where_security_asks_for_it_only() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"name": "ann"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/health"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("t-1")
        .build()
        .unwrap();
    let me = client.users().get_me().await.unwrap();
    assert_eq!(me.name.as_deref(), Some("ann"));
    client.users().health().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let auth = |p: &str| {
        requests
            .iter()
            .find(|r| r.url.path() == p)
            .and_then(|r| r.headers.get("authorization"))
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(auth("/me").as_deref(), Some("Bearer t-1"));
    assert_eq!(auth("/health"), None);
}
