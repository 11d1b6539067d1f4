//! With --skip-unsupported only the operations that reach an `allOf`
//! cycle are left out: the sound one is generated and decodes.

use case_allof_cycle_refused::Client;
use case_allof_cycle_refused::models::Label;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_operation_clear_of_the_cycles_is_generated_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/labels"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"name": "urgent", "color": "red"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let label: Label = client.labels().list_labels().await.unwrap();
    assert_eq!(label.name.as_deref(), Some("urgent"));
    assert_eq!(label.color.as_deref(), Some("red"));
}
