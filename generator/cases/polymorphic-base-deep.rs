//! Every level of a long chain of subtypes is a variant of the base, with
//! the fields of every level above it: the deepest decodes as itself, not
//! as the base's `Other`.

use case_polymorphic_base_deep::models::{Level0, Level40};
use case_polymorphic_base_deep::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_deepest_subtype_decodes_as_itself_with_every_levels_fields() {
    let server = MockServer::start().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    Mock::given(method("GET"))
        .and(path("/levels"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"kind": "Level40", "id": "deep", "level1": 1, "level33": 33, "level40": 40},
            {"kind": "Level33", "id": "past-32", "level33": 33},
            {"kind": "Level1", "id": "shallow", "level1": 1}
        ])))
        .mount(&server)
        .await;
    let levels = client.levels().list_levels().await.unwrap();
    match &levels[0] {
        Level0::Level40(deep) => assert_eq!(
            (deep.id.as_deref(), deep.level1, deep.level33, deep.level40),
            (Some("deep"), Some(1), Some(33), Some(40))
        ),
        other => panic!("expected Level40, got {other:?}"),
    }
    match &levels[1] {
        Level0::Level33(v) => assert_eq!(v.level33, Some(33)),
        other => panic!("expected Level33, got {other:?}"),
    }
    assert!(matches!(&levels[2], Level0::Level1(v) if v.level1 == Some(1)));
}

#[test]
fn the_deepest_subtype_built_by_hand_is_sent_with_its_tag() {
    let mut deep = Level40::new();
    deep.level40 = Some(40);
    let sent = serde_json::to_value(Level0::Level40(deep)).unwrap();
    assert_eq!(sent, json!({"kind": "Level40", "level40": 40}));
}
