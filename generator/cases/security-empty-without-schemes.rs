//! `security: []` in a spec without schemes: the call goes out with no
//! `Authorization` header and its answer decodes.

use case_security_empty_without_schemes::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_call_sends_no_credentials_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/status"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"up": true})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let status = client.default().get_status().await.unwrap();
    assert_eq!(status.up, Some(true));
    let received = server.received_requests().await.unwrap();
    assert!(received[0].headers.get("authorization").is_none());
}
