//! A media type range is what its schema says: `*/*` with a string schema
//! is text (whatever `Content-Type` the server names), binary is bytes, a
//! structure is JSON, and a body is sent with a concrete `Content-Type`.

use case_response_wildcard::{Client, RetryPolicy};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serve(route: &str, body: Vec<u8>, media_type: &str) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, media_type))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    (server, client)
}

#[tokio::test]
async fn any_media_type_with_a_string_schema_arrives_as_the_text() {
    let (_server, client) = serve("/greeting", b"hello world".to_vec(), "text/plain").await;
    let text: String = client.misc().get_greeting().await.unwrap();
    assert_eq!(text, "hello world");
}

#[tokio::test]
async fn an_application_range_with_a_binary_schema_arrives_as_the_exact_bytes() {
    let bytes = vec![0u8, 159, 146, 150, 255, 10];
    let (_server, client) = serve("/blob", bytes.clone(), "application/pdf").await;
    let got: Vec<u8> = client.misc().get_blob().await.unwrap();
    assert_eq!(got, bytes);
}

#[tokio::test]
async fn a_text_range_arrives_as_the_text() {
    let csv = "id,name\n1,\"a, b\"\n";
    let (_server, client) = serve("/report", csv.as_bytes().to_vec(), "text/csv").await;
    assert_eq!(client.misc().get_report().await.unwrap(), csv);
}

#[tokio::test]
async fn any_media_type_with_an_object_schema_is_decoded_as_json() {
    let (_server, client) = serve("/thing", br#"{"id": 7}"#.to_vec(), "application/json").await;
    let thing = client.misc().get_thing().await.unwrap();
    assert_eq!(thing.id, Some(7));
}

#[tokio::test]
async fn a_string_body_under_any_media_type_is_sent_as_plain_text() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/note"))
        .and(header("Content-Type", "text/plain; charset=utf-8"))
        .and(body_string("a note"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    client.misc().post_note("a note".to_owned()).await.unwrap();
}
