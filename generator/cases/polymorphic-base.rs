//! Wherever the base `Event` is used, a value is any of its subtypes,
//! chosen by `kind` through the mapping: each decodes to its variant with
//! its own fields and the base's, an unknown tag keeps the JSON, and a
//! subtype built with `new` is sent with its tag, once.

use case_polymorphic_base::models::{Click, Event, EventBase, View};
use case_polymorphic_base::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

async fn event(body: serde_json::Value) -> Event {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/events/e1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    client.events().get_event("e1").await.unwrap()
}

/// The body `createEvent` sends for `event`, as bytes.
async fn sent(event: Event) -> String {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/events"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"kind": "event", "id": "s"})))
        .mount(&server)
        .await;
    client.events().create_event(event).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    String::from_utf8(requests[0].body.clone()).unwrap()
}

#[tokio::test]
async fn a_subtype_decodes_with_its_fields_and_the_bases() {
    let body = json!({"kind": "click", "id": "e1", "at": "2026-11-29T10:20:30Z", "x": 3, "y": 4});
    match event(body).await {
        Event::Click(click) => {
            assert_eq!(click.kind, "click");
            assert_eq!(click.id, "e1");
            assert_eq!(click.at.unwrap().to_rfc3339(), "2026-11-29T10:20:30+00:00");
            assert_eq!((click.x, click.y), (3, Some(4)));
        }
        other => panic!("expected a click, got {other:?}"),
    }
    match event(json!({"kind": "view", "id": "e2", "page": "/home"})).await {
        Event::View(view) => {
            assert_eq!(view.id, "e2");
            assert_eq!(view.page.as_deref(), Some("/home"));
        }
        other => panic!("expected a view, got {other:?}"),
    }
}

#[tokio::test]
async fn every_mapping_key_of_a_subtype_selects_it_and_is_kept() {
    match event(json!({"kind": "tap", "id": "e3", "x": 1})).await {
        Event::Click(click) => {
            assert_eq!(click.kind, "tap");
            assert_eq!(click.x, 1);
        }
        other => panic!("expected a click, got {other:?}"),
    }
}

#[tokio::test]
async fn the_base_listed_in_its_mapping_is_a_value_of_its_own() {
    match event(json!({"kind": "event", "id": "e4"})).await {
        Event::Event(base) => {
            assert_eq!(base.kind, "event");
            assert_eq!(base.id, "e4");
        }
        other => panic!("expected a plain event, got {other:?}"),
    }
}

#[tokio::test]
async fn an_unknown_tag_keeps_the_json() {
    let body = json!({"kind": "swipe", "id": "e5", "dx": -40});
    match event(body.clone()).await {
        Event::Other(value) => assert_eq!(value, body),
        other => panic!("expected the catch-all, got {other:?}"),
    }
}

#[tokio::test]
async fn array_items_and_properties_hold_any_subtype() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/events"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"kind": "view", "id": "a", "page": "/"},
            {"kind": "click", "id": "b", "x": 7},
            {"kind": "event", "id": "c"}
        ])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/timelines/t1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "latest": {"kind": "click", "id": "b", "x": 7},
            "events": [{"kind": "view", "id": "a"}]
        })))
        .mount(&server)
        .await;
    let events = client.events().list_events().await.unwrap();
    assert!(matches!(&events[0], Event::View(v) if v.page.as_deref() == Some("/")));
    assert!(matches!(&events[1], Event::Click(c) if c.x == 7));
    assert!(matches!(&events[2], Event::Event(e) if e.id == "c"));
    let timeline = client.events().get_timeline("t1").await.unwrap();
    assert!(matches!(timeline.latest, Some(Event::Click(c)) if c.x == 7));
    assert!(matches!(&timeline.events[0], Event::View(v) if v.id == "a"));
}

#[tokio::test]
async fn a_subtype_sent_as_the_base_carries_its_tag_once() {
    let mut click = Click::new("e1", 3);
    click.y = Some(4);
    assert_eq!(
        sent(Event::Click(click)).await,
        r#"{"kind":"click","id":"e1","x":3,"y":4}"#
    );
    assert_eq!(
        sent(Event::View(View::new("e2"))).await,
        r#"{"kind":"view","id":"e2"}"#
    );
    assert_eq!(
        sent(Event::Event(EventBase::new("e3"))).await,
        r#"{"kind":"event","id":"e3"}"#
    );
}

#[tokio::test]
async fn a_decoded_subtype_is_sent_back_as_it_came() {
    let decoded = event(json!({"kind": "tap", "id": "e3", "x": 1})).await;
    assert_eq!(sent(decoded).await, r#"{"kind":"tap","id":"e3","x":1}"#);
    let unknown = event(json!({"kind": "swipe", "id": "e5", "dx": -40})).await;
    let sent = sent(unknown).await;
    let sent: serde_json::Value = serde_json::from_str(&sent).unwrap();
    assert_eq!(sent, json!({"kind": "swipe", "id": "e5", "dx": -40}));
}
