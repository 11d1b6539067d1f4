//! `format: binary` in a JSON body is the octets of a JSON string, both
//! ways; the same model sent as a multipart form sends them as a file part.

use case_json_binary_field::models::Attachment;
use case_json_binary_field::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn binary_fields_travel_as_json_strings() {
    let server = MockServer::start().await;
    let reply = json!({
        "name": "report",
        "data": "hello",
        "thumbnail": "tiny",
        "previous": null,
        "pages": ["one", "two"],
        "parts": {"a": "x", "b": null}
    });
    Mock::given(method("POST"))
        .and(path("/attachments"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&reply))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let mut body = Attachment::new("report", b"hi".to_vec());
    body.previous = Some(None);
    body.pages = Some(vec![b"p1".to_vec()]);
    let got = client
        .attachments()
        .create_attachment(body)
        .await
        .unwrap();

    assert_eq!(got.data, b"hello");
    assert_eq!(got.thumbnail.as_deref(), Some(&b"tiny"[..]));
    assert_eq!(got.previous, Some(None));
    assert_eq!(got.pages, Some(vec![b"one".to_vec(), b"two".to_vec()]));
    let parts = got.parts.as_ref().unwrap();
    assert_eq!(parts["a"].as_deref(), Some(&b"x"[..]));
    assert_eq!(parts["b"], None);
    assert_eq!(serde_json::to_value(&got).unwrap(), reply);

    let received = server.received_requests().await.unwrap();
    let sent: serde_json::Value = serde_json::from_slice(&received[0].body).unwrap();
    assert_eq!(
        sent,
        json!({"name": "report", "data": "hi", "previous": null, "pages": ["p1"]})
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_a_message() {
    let body = Attachment::new("raw", vec![b'o', b'k', 0xff]);
    let error = serde_json::to_string(&body).unwrap_err().to_string();
    assert!(error.contains("not UTF-8"), "{error}");
    assert!(error.contains("byte 2"), "{error}");
}

#[test]
fn a_number_array_is_not_taken_for_bytes() {
    let error = serde_json::from_value::<Attachment>(json!({"name": "n", "data": [104, 105]}))
        .unwrap_err()
        .to_string();
    assert!(error.contains("expected a string"), "{error}");
}

#[tokio::test]
async fn the_same_model_as_a_form_sends_file_parts() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/attachments/upload"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let mut body = Attachment::new("report", vec![0, 1, 2, 255]);
    body.previous = Some(None);
    client
        .attachments()
        .upload_attachment(body)
        .await
        .unwrap();
    let received = server.received_requests().await.unwrap();
    let sent = &received[0].body;
    let text = String::from_utf8_lossy(sent);
    assert!(text.contains("name=\"data\"; filename=\"data\""), "{text}");
    assert!(sent.windows(4).any(|w| w == [0, 1, 2, 255]), "{text}");
    assert!(!text.contains("name=\"previous\""), "{text}");
}
