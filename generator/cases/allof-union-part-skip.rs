//! Under `--skip-unsupported`, an `allOf` part that can't be merged (a
//! `oneOf` or `anyOf` of objects) is left out of the merged struct, and the
//! values of its properties come in the struct's flattened map as JSON:
//! nothing of the payload is lost, it round-trips unchanged, and the map
//! decodes into the alternative's own model.

use case_allof_union_part_skip::Client;
use case_allof_union_part_skip::models::{Cat, Pet, ShowEntry};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serving(at: &str, wire: serde_json::Value) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(wire))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn the_union_parts_properties_are_kept_in_the_map_as_json() {
    let wire = json!({"id": "p1", "name": "Tom", "meow": true});
    let (_server, client) = serving("/pets/p1", wire.clone()).await;
    let pet: Pet = client.pets().get_pet("p1").await.unwrap();
    assert_eq!(pet.id, "p1");
    assert_eq!(pet.name.as_deref(), Some("Tom"));
    assert_eq!(pet.additional_properties.len(), 1);
    assert_eq!(pet.additional_properties["meow"], json!(true));
    assert_eq!(serde_json::to_value(&pet).unwrap(), wire);
    // The alternative's model reads them back.
    let entries = serde_json::Value::Object(pet.additional_properties.clone().into_iter().collect());
    let cat: Cat = serde_json::from_value(entries).unwrap();
    assert_eq!(cat.meow, Some(true));
}

#[tokio::test]
async fn the_map_is_sent_as_the_union_parts_properties() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/pets/p2"))
        .and(body_json(json!({"id": "p2", "bark": 3})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let mut pet = Pet::new("p2");
    pet.additional_properties.insert("bark".to_owned(), json!(3));
    client.pets().put_pet("p2", pet).await.unwrap();
}

#[tokio::test]
async fn a_schema_extending_it_keeps_the_parts_properties_too() {
    let wire = json!([{"id": "p3", "ribbon": "blue", "bark": 2}]);
    let (_server, client) = serving("/shows/s1/entries", wire.clone()).await;
    let entries: Vec<ShowEntry> = client.pets().list_show_entries("s1").await.unwrap();
    assert_eq!(entries[0].id, "p3");
    assert_eq!(entries[0].ribbon.as_deref(), Some("blue"));
    assert_eq!(entries[0].additional_properties["bark"], json!(2));
    assert_eq!(serde_json::to_value(&entries).unwrap(), wire);
}

#[tokio::test]
async fn an_inline_response_keeps_the_parts_and_its_own_extra_properties() {
    let wire = json!({"name": "urgent", "color": "red", "fr": "urgent", "priority": 1});
    let (_server, client) = serving("/tags/t1", wire.clone()).await;
    let tag = client.pets().get_tag("t1").await.unwrap();
    assert_eq!(tag.name, "urgent");
    // The `anyOf`'s property and the spec's string-valued extra ones alike,
    // and a value that is no string, all as JSON.
    assert_eq!(tag.additional_properties["color"], json!("red"));
    assert_eq!(tag.additional_properties["fr"], json!("urgent"));
    assert_eq!(tag.additional_properties["priority"], json!(1));
    assert_eq!(serde_json::to_value(&tag).unwrap(), wire);
}

#[tokio::test]
async fn an_alternative_that_is_no_object_decodes_as_the_catch_all_variant() {
    use case_allof_union_part_skip::models::Badge;
    let (_server, client) = serving("/badges/b1", json!("gold")).await;
    let badge = client.pets().get_badge("b1").await.unwrap();
    assert!(matches!(&badge, Badge::Other(v) if *v == json!("gold")), "{badge:?}");
    let wire = json!({"id": "b2", "meow": false});
    let (_server, client) = serving("/badges/b2", wire.clone()).await;
    let badge = client.pets().get_badge("b2").await.unwrap();
    let Badge::Cat(cat) = &badge else {
        panic!("{badge:?}");
    };
    assert_eq!(cat.id, "b2");
    assert_eq!(cat.meow, Some(false));
    assert_eq!(serde_json::to_value(&badge).unwrap(), wire);
}
