//! A base that can't be a union is the plain struct it always was; a
//! mapping entry that can't be a variant leaves its data as JSON, beside
//! the variants that can.

use case_polymorphic_base_unsupported::models::{Animal, Event, Note, Reading};
use case_polymorphic_base_unsupported::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serve(route: &str, body: serde_json::Value) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn bases_that_cant_be_unions_are_plain_structs() {
    let (_server, client) = serve("/notes/1", json!({"noteType": "memo", "text": "hi"})).await;
    let note: Note = client.things().get_note("1").await.unwrap();
    assert_eq!(
        (note.note_type.as_str(), note.text.as_str()),
        ("memo", "hi")
    );

    let body = json!({"species": "Bird", "name": "Tweety", "wingspan": 0.2});
    let (_server, client) = serve("/animals/1", body).await;
    let animal: Animal = client.things().get_animal("1").await.unwrap();
    assert_eq!(animal, Animal::new("Tweety"));

    let body = json!({"code": 1, "value": 21.5, "sensor": "s1"});
    let (_server, client) = serve("/readings/1", body).await;
    let reading: Reading = client.things().get_reading("1").await.unwrap();
    assert_eq!((reading.code, reading.value), (1, 21.5));
}

#[tokio::test]
async fn mapping_entries_that_cant_be_variants_keep_their_json() {
    let (_server, client) = serve("/events/1", json!({"kind": "click", "x": 2})).await;
    match client.things().get_event("1").await.unwrap() {
        Event::Click(click) => assert_eq!(click.x, Some(2)),
        other => panic!("expected a click, got {other:?}"),
    }
    for body in [
        json!({"kind": "ghost"}),
        json!({"kind": "label"}),
        json!({"kind": "orphan", "text": "t"}),
    ] {
        let (_server, client) = serve("/events/1", body.clone()).await;
        assert_eq!(
            client.things().get_event("1").await.unwrap(),
            Event::Other(body)
        );
    }
}
