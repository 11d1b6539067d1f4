//! A path key's fragment is never sent, and its query goes before the
//! operation's own query parameters, so none of them is lost.

use case_path_key_query_fragment::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server_for(verb: &str, route: &str) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

async fn only_url(server: &MockServer) -> String {
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    let url = &received[0].url;
    format!("{}?{}", url.path(), url.query().unwrap_or(""))
}

#[tokio::test]
async fn a_fragment_is_left_out_and_the_query_is_sent() {
    let (server, client) = server_for("GET", "/files/42").await;
    client
        .files()
        .get_file_shared_link("42", "shared_link")
        .await
        .unwrap();
    assert_eq!(only_url(&server).await, "/files/42?fields=shared_link");
}

#[tokio::test]
async fn a_query_in_the_key_comes_first_and_the_parameters_follow() {
    let (server, client) = server_for("POST", "/items").await;
    client.items().archive_item("7").await.unwrap();
    assert_eq!(
        only_url(&server).await,
        "/items?action=archive&note=a%20b&id=7"
    );
}

#[tokio::test]
async fn a_fragment_on_a_path_without_parameters_is_left_out() {
    let (server, client) = server_for("GET", "/status").await;
    client.items().get_status().await.unwrap();
    assert_eq!(only_url(&server).await, "/status?");
}
