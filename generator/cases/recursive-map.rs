//! A map of itself decodes at any depth, `{}` included, and is sent as it
//! came.

use case_recursive_map::Client;
use case_recursive_map::models::{Menu, SettingsTree};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn tree_wire() -> serde_json::Value {
    json!({"display": {"theme": {}, "font": {"size": {}}}, "sound": {}})
}

#[tokio::test]
async fn a_nested_map_decodes_at_depth() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/settings"))
        .respond_with(ResponseTemplate::new(200).set_body_json(tree_wire()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let tree: SettingsTree = client.settings().get_settings().await.unwrap();
    let display = &tree.additional_properties["display"];
    let font = &display.additional_properties["font"];
    assert!(font.additional_properties["size"].additional_properties.is_empty());
    assert!(tree.additional_properties["sound"].additional_properties.is_empty());
    assert_eq!(serde_json::to_value(&tree).unwrap(), tree_wire());
}

#[tokio::test]
async fn a_nested_map_is_sent_as_it_decoded() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/settings"))
        .and(body_json(tree_wire()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let tree: SettingsTree = serde_json::from_value(tree_wire()).unwrap();
    client.settings().put_settings(tree).await.unwrap();
}

#[test]
fn an_empty_object_and_a_map_through_an_alias_decode() {
    let empty: SettingsTree = serde_json::from_value(json!({})).unwrap();
    assert!(empty.additional_properties.is_empty());
    let menu: Menu = serde_json::from_value(json!({"file": {"open": {}}})).unwrap();
    assert!(menu.additional_properties["file"].additional_properties["open"]
        .additional_properties
        .is_empty());
}
