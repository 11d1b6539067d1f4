//! An operation with several tags is in the group of the first selected
//! tag it carries, whatever the order of its own `tags`: the `store`
//! operations are called through `client.pets()`, and `users` keeps its
//! own operation.

use case_tags_multiple::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_operation_is_called_through_its_first_selected_tags_group() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/store/inventory"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"sold": 2})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/store/orders"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!(["ann"])))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let inventory = client.pets().get_inventory().await.unwrap();
    assert_eq!(inventory.get("sold"), Some(&2));
    client.pets().place_order().await.unwrap();
    assert_eq!(client.users().list_users().await.unwrap(), ["ann"]);
}
