//! Parameters named like what the request builder uses for itself (its
//! `call` field, the functions and locals of `send`) compile, are settable
//! under a suffixed name, and reach the wire under their own names.

use case_names_builder_own::models::AddThingBody;
use case_names_builder_own::{Client, RetryPolicy};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_query_parameter_named_call_is_sent_under_its_wire_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/search"))
        .and(query_param("call", "c-1"))
        .and(query_param("send", "s-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    client.search().search("s-1").call2("c-1").await.unwrap();
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.url.query(), Some("call=c-1&send=s-1"));
}

#[tokio::test]
async fn path_header_cookie_and_query_parameters_named_like_send_locals_reach_their_places() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/a%20b/r-1"))
        .and(header("call", "h-1"))
        .and(header("Cookie", "cookies=k-1"))
        .and(query_param("form", "f-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    client
        .search()
        .get_item("a b", "r-1", "h-1", "k-1")
        .form2("f-1")
        .await
        .unwrap();
}

#[tokio::test]
async fn a_body_named_call_is_sent_and_the_builder_timeout_still_works() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/things"))
        .and(query_param("next", "n-1"))
        .and(body_json(serde_json::json!({"name": "x"})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let mut body = AddThingBody::default();
    body.name = Some("x".to_owned());
    client
        .search()
        .add_thing("n-1")
        .call2(body)
        .timeout(std::time::Duration::from_secs(5))
        .await
        .unwrap();
}
