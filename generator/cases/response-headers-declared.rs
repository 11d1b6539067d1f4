//! Declared response headers are read through `send_with_response()`.

use case_response_headers_declared::models::Project;
use case_response_headers_declared::Client;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn paging_headers_come_with_the_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/projects"))
        .and(query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-Total-Count", "41")
                .insert_header("Link", "</projects?page=3>; rel=\"next\"")
                .set_body_json(json!([{"name": "library"}])),
        )
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let page = client
        .project()
        .list_projects()
        .page(2)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(page.status, 200);
    let total: u64 = page.header("x-total-count").unwrap().parse().unwrap();
    assert_eq!(total, 41);
    assert_eq!(page.header("link"), Some("</projects?page=3>; rel=\"next\""));
    assert_eq!(page.value, vec![Project::new("library")]);

    // Awaiting the builder gives the body alone, as before.
    let projects = client.project().list_projects().page(2).await.unwrap();
    assert_eq!(projects, vec![Project::new("library")]);
}

#[tokio::test]
async fn a_bodiless_response_has_its_headers_too() {
    let server = MockServer::start().await;
    Mock::given(method("HEAD"))
        .and(path("/projects/library"))
        .respond_with(ResponseTemplate::new(200).insert_header("ETag", "\"abc\""))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let response = client
        .project()
        .head_project("library")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.header("etag"), Some("\"abc\""));
    assert_eq!(response.into_inner(), ());
}
