//! `null` bodies decode as `None`; a 204 is not decoded.

use case_response_body_null_or_none::models::{MaybeUser, User};
use case_response_body_null_or_none::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    for (route, body) in [
        ("/a", json!({"login": "ann"})),
        ("/b", json!(null)),
        ("/c", json!(null)),
    ] {
        Mock::given(method("GET"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    Mock::given(method("DELETE"))
        .and(path("/d"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn null_is_none_and_a_value_is_some() {
    let server = server().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let users = client.users();
    assert_eq!(users.get_ref_nullable().await.unwrap(), Some(MaybeUser::new("ann")));
    assert_eq!(users.get_one_of_null().await.unwrap(), None::<User>);
    assert_eq!(users.get_all_of_nullable().await.unwrap(), None::<User>);
}

#[tokio::test]
async fn a_204_is_not_decoded() {
    let server = server().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.users().delete_thing().await.unwrap();
}
