//! Of the document's alternatives, Basic is sent when the client has it;
//! otherwise the session cookie.

use case_auth_basic_cookie::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/reports/7"))
        .respond_with(ResponseTemplate::new(200).set_body_string("a,b"))
        .mount(&server)
        .await;
    server
}

async fn sent_headers(server: &MockServer) -> (Option<String>, Option<String>) {
    let requests = server.received_requests().await.unwrap();
    let request = &requests[0];
    let get = |name: &str| {
        request
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    (get("authorization"), get("cookie"))
}

#[tokio::test]
async fn basic_is_the_first_alternative() {
    let server = server().await;
    let client = Client::builder()
        .base_url(server.uri())
        .basic_auth("u", "p")
        .api_key("s-1")
        .build()
        .unwrap();
    client.reports().get_report(7).await.unwrap();
    assert_eq!(
        sent_headers(&server).await,
        (Some("Basic dTpw".into()), None)
    );
}

#[tokio::test]
async fn the_cookie_is_sent_without_basic_credentials() {
    let server = server().await;
    let client = Client::builder()
        .base_url(server.uri())
        .api_key("s-1")
        .build()
        .unwrap();
    client.reports().get_report(7).await.unwrap();
    assert_eq!(
        sent_headers(&server).await,
        (None, Some("SESSIONID=s-1".into()))
    );
}
