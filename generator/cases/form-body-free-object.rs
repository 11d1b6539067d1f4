//! A form body of a free-form object sends its keys as the form's fields;
//! a value that is no object is refused before anything is sent.

use case_form_body_free_object::{Client, Error};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_keys_are_the_fields() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/pages"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client
        .pages()
        .post_pages(json!({"title": "Q3 plan", "archived": false}))
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    let body = String::from_utf8(requests[0].body.clone()).unwrap();
    let mut fields: Vec<&str> = body.split('&').collect();
    fields.sort();
    assert_eq!(fields, ["archived=false", "title=Q3+plan"], "{body}");
}

#[tokio::test]
async fn a_value_that_is_no_object_is_refused() {
    let client = Client::builder()
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let err = client.pages().post_pages(json!(["a"])).await.unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { name: "body", .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("a form body must be an object"), "{err}");
}
