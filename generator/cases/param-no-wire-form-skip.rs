//! Under `--skip-unsupported`, optional parameters with no wire form (an
//! array of objects, binary data, `deepObject` on a string, `content`…) are
//! left out of `search` alone: the operation is generated and sends the
//! parameters it can, exactly as without the flag.

use case_param_no_wire_form_skip::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_operation_is_kept_and_sends_the_parameters_it_can() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/search"))
        .respond_with(ResponseTemplate::new(200).set_body_json(["a.txt", "b.txt"]))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let found: Vec<String> = client
        .search()
        .search()
        .query("contract")
        .limit(5)
        .await
        .unwrap();
    assert_eq!(found, ["a.txt", "b.txt"]);
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    // Nothing of the left-out parameters goes on the wire.
    assert_eq!(received[0].url.query(), Some("query=contract&limit=5"));
    assert!(received[0].headers.get("X-Trace-Parts").is_none());
}

#[tokio::test]
async fn the_operation_is_callable_with_no_parameter_at_all() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/search"))
        .respond_with(ResponseTemplate::new(200).set_body_json(Vec::<String>::new()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let found = client.search().search().await.unwrap();
    assert!(found.is_empty());
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[0].url.query(), None);
}

#[tokio::test]
async fn an_optional_body_the_client_cannot_send_is_left_out_alone() {
    let server = MockServer::start().await;
    for route in ["/notes", "/bundles"] {
        Mock::given(method("POST"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.search().post_notes().draft(true).await.unwrap();
    client.search().post_bundle().await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[0].url.query(), Some("draft=true"));
    for request in &received {
        assert!(request.body.is_empty());
        assert!(request.headers.get("Content-Type").is_none());
    }
}
