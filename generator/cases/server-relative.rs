//! A relative server URL: requests go to the host given at build time,
//! under the server's path.

use case_server_relative::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_request_path_starts_with_the_relative_server_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/pets/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"name": "Rex"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let pet = client.pets().get_pet(7).await.unwrap();
    assert_eq!(pet.name.as_deref(), Some("Rex"));
}
