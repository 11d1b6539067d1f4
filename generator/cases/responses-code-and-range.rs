//! A 200 decodes as the 200 response says; any other 2xx as the range's.

use case_responses_code_and_range::apis::xapi::GetXResponse;
use case_responses_code_and_range::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answering(response: ResponseTemplate) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/x"))
        .respond_with(response)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn the_code_wins_over_the_range() {
    let (_server, client) =
        answering(ResponseTemplate::new(200).set_body_json(serde_json::json!({"a": "b"}))).await;
    match client.x().get_x().await.unwrap() {
        GetXResponse::Status200(body) => assert_eq!(body.a.as_deref(), Some("b")),
        other => panic!("expected the 200 response, got {other:?}"),
    }
}

#[tokio::test]
async fn another_success_takes_the_range() {
    let (_server, client) =
        answering(ResponseTemplate::new(202).set_body_raw("queued", "text/plain")).await;
    match client.x().get_x().await.unwrap() {
        GetXResponse::Status2Xx(text) => assert_eq!(text, "queued"),
        other => panic!("expected the 2XX response, got {other:?}"),
    }
}
