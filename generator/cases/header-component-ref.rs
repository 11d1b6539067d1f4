//! Response headers given by `$ref: '#/components/headers/…'` resolve, and
//! the operation is generated and callable.

use case_header_component_ref::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_operation_with_a_referenced_header_is_callable() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .respond_with(ResponseTemplate::new(200).insert_header("Link", "<https://x>; rel=next"))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.things().list_things().await.unwrap();
}
