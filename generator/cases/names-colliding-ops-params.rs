//! operationIds equal after snake_case, one name in path, query and header,
//! and parameters named like the request builder's own methods: every
//! parameter can be set and reaches the wire, and the builder's own
//! `timeout` still works.

use case_names_colliding_ops_params::{Client, Error, RetryPolicy};
use std::time::Duration;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

#[tokio::test]
async fn one_name_in_path_query_and_header_reaches_each_place() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/p-1"))
        .and(query_param("id", "7"))
        .and(header("ID", "h-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    client
        .items()
        .get_item("p-1")
        .id2(7)
        .id3("h-1")
        .await
        .unwrap();
}

#[tokio::test]
async fn operation_ids_equal_after_snake_case_are_all_callable() {
    let server = MockServer::start().await;
    for p in ["/items/a/raw", "/items/a/v2"] {
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    client.items().get_item2("a").await.unwrap();
    client.items().get_item3("a").await.unwrap();
}

#[tokio::test]
async fn parameters_named_like_builder_methods_and_keywords_reach_the_wire() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/a/v2"))
        .and(query_param("self", "me"))
        .and(query_param("async", "true"))
        .and(query_param("timeout", "30"))
        .and(query_param("client", "web"))
        .and(query_param("send", "false"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    client
        .items()
        .get_item3("a")
        .self_("me")
        .async_(true)
        .timeout2(30)
        .client2("web")
        .send2(false)
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn the_builders_own_timeout_still_applies() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/a/v2"))
        .respond_with(ResponseTemplate::new(204).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = client(&server).await;
    let result = client
        .items()
        .get_item3("a")
        .timeout2(1)
        .timeout(Duration::from_millis(100))
        .await;
    // The per-call timeout bounds the whole call and ends it as a timeout.
    assert!(
        matches!(&result, Err(Error::Timeout { .. })),
        "{result:?}"
    );
}
