//! A path parameter whose `$ref` names a string component is generated
//! with that component's type and sent as one encoded segment.

use case_param_ref_primitive::models::Name;
use case_param_ref_primitive::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_primitive_parameter_is_sent_in_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things/my-thing%201"))
        .respond_with(ResponseTemplate::new(204))
        .expect(2)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    // The component's type is `String`; the argument takes what it takes.
    let name: Name = "my-thing 1".to_owned();
    client.things().get_thing(name).await.unwrap();
    client.things().get_thing("my-thing 1").await.unwrap();
}
