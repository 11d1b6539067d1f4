//! An enum mixing strings, numbers and booleans keeps every value, on the
//! wire and in data.

use case_enum_mixed_types::models::Holder;
use case_enum_mixed_types::Client;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn every_value_decodes_and_round_trips() {
    for wire in [
        json!({"level": "low", "untyped": 1}),
        json!({"level": 3, "untyped": "one"}),
        json!({"untyped": true}),
    ] {
        let holder: Holder = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(serde_json::to_value(&holder).unwrap(), wire);
    }
}

#[tokio::test]
async fn the_parameter_sends_each_value_as_its_text() {
    let server = MockServer::start().await;
    for value in ["high", "3"] {
        Mock::given(method("GET"))
            .and(path("/levels"))
            .and(query_param("level", value))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client
        .levels()
        .get_levels()
        .level(json!("high"))
        .await
        .unwrap();
    client.levels().get_levels().level(json!(3)).await.unwrap();
}
