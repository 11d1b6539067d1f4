//! Bare-name references of a Swagger 2.0 file are read by where they sit:
//! the shared parameters are the operation's (and the path's), sent under
//! their wire names; the shared response is the 404's, whose body is the
//! definition it names.

use case_swagger2_bare_name_refs::models::{Problem, Product};
use case_swagger2_bare_name_refs::{Client, Error};
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_shared_parameters_are_sent_and_the_definitions_decode() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/products"))
        .and(query_param("limit", "5"))
        .and(query_param("offset", "10"))
        .and(header("X-Trace", "t-1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"id": "p1", "maker": {"name": "Acme"}}])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let products: Vec<Product> = client
        .products()
        .list_products()
        .limit(5)
        .offset(10)
        .x_trace("t-1")
        .await
        .unwrap();
    assert_eq!(products[0].id, "p1");
    let maker = products[0].maker.as_ref().unwrap();
    assert_eq!(maker.name.as_deref(), Some("Acme"));
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[0].url.query(), Some("limit=5&offset=10"));
}

#[tokio::test]
async fn the_shared_response_is_the_404s_with_its_definitions_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/products"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"message": "none"})))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let err = client.products().list_products().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.status, 404);
    let problem: Problem = serde_json::from_slice(api.raw_body.as_bytes()).unwrap();
    assert_eq!(problem.message, "none");
}
