//! An `allOf` of a type and constraints is that type, as a parameter and as
//! a field.

use case_allof_primitive::models::Item;
use case_allof_primitive::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_parameter_and_the_fields_take_the_type() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/red-box"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"slug": "red-box", "count": 3})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let item: Item = client.items().get_item("red-box").await.unwrap();
    let slug: &str = &item.slug;
    assert_eq!(slug, "red-box");
    let count: Option<i32> = item.count;
    assert_eq!(count, Some(3));
}
