//! The error model's `message` is required: the error's `Display` shows
//! it, and the decoded body is at hand.

use case_error_model_required_message::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answering(status: u16, body: serde_json::Value) -> Client {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    // The server lives as long as the test's runtime: keep it running.
    std::mem::forget(server);
    client
}

#[tokio::test]
async fn display_shows_the_required_message() {
    let client = answering(
        404,
        serde_json::json!({"message": "no such thing", "request_id": "r-1"}),
    )
    .await;
    let err = client.things().list_things().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.status, 404);
    assert_eq!(
        api.body.as_ref().map(|b| b.message.as_str()),
        Some("no such thing")
    );
    assert_eq!(
        err.to_string(),
        "404 Not Found: no such thing [GET /things]"
    );
}

#[tokio::test]
async fn the_default_response_decodes_as_the_error_model_too() {
    let client = answering(500, serde_json::json!({"message": "boom"})).await;
    let err = client.things().list_things().await.unwrap_err();
    assert_eq!(err.error_body().map(|b| b.message.as_str()), Some("boom"));
    assert!(
        err.to_string()
            .starts_with("500 Internal Server Error: boom"),
        "{err}"
    );
}

#[tokio::test]
async fn a_body_without_the_message_is_shown_as_received() {
    let client = answering(400, serde_json::json!({"detail": "bad"})).await;
    let err = client.things().list_things().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"400 Bad Request: {"detail":"bad"} [GET /things]"#
    );
}
