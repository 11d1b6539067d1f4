//! Every kind of `$ref` resolves: a path item given by `$ref` has the
//! operations of its target, parameters (chained, and to primitive schemas),
//! request bodies, responses and their headers.

use case_refs_every_kind::models::{Limit, Thing, ThingId};
use case_refs_every_kind::Client;
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn referenced_parameters_and_response_are_used() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/things/abc"))
        .and(query_param("limit", "3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "abc", "size": 2})))
        .expect(1)
        .mount(&server)
        .await;
    let id: ThingId = "abc".to_owned();
    let limit: Limit = 3;
    let thing: Thing = client.things().get_thing(id).limit(limit).await.unwrap();
    // The parameters take what their component's type takes.
    let _ = client.things().get_thing("abc").limit(3);
    assert_eq!(thing.id, "abc");
    assert_eq!(thing.size, Some(2));
}

#[tokio::test]
async fn a_referenced_request_body_is_sent_as_json() {
    let (server, client) = setup().await;
    Mock::given(method("PUT"))
        .and(path("/things/abc"))
        .and(body_json(json!({"id": "abc"})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    client
        .things()
        .put_thing("abc", Thing::new("abc".to_owned()))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_path_item_given_by_ref_has_the_operations_of_its_target() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/aliases/xyz"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "xyz"})))
        .expect(1)
        .mount(&server)
        .await;
    let thing = client.things().get_thing2("xyz").await.unwrap();
    assert_eq!(thing.id, "xyz");
}
