//! Each call's `Accept` header names the media types its responses come
//! in, the success's first; a server that negotiates content answers only
//! that header (the mocks below match it exactly).

use case_accept_per_operation::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn expecting(
    route: &str,
    accept: &'static str,
    response: ResponseTemplate,
) -> (MockServer, Client) {
    let server = MockServer::start().await;
    // The whole header as sent: wiremock's `header` matcher would split
    // the list at its commas.
    let exact_accept = move |request: &Request| {
        request
            .headers
            .get_all("accept")
            .iter()
            .map(|v| v.to_str().unwrap_or_default())
            .collect::<Vec<_>>()
            == [accept]
    };
    Mock::given(method("GET"))
        .and(path(route))
        .and(exact_accept)
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn a_csv_report_accepts_csv_then_its_error_media_type() {
    let csv = "id,total\n1,3\n";
    let (_server, client) = expecting(
        "/report",
        "text/csv, application/problem+json",
        ResponseTemplate::new(200).set_body_raw(csv, "text/csv"),
    )
    .await;
    assert_eq!(client.reports().get_report().await.unwrap(), csv);
}

#[tokio::test]
async fn a_vendor_json_listing_accepts_its_own_media_type() {
    let (_server, client) = expecting(
        "/things",
        "application/vnd.api+json, application/problem+json",
        ResponseTemplate::new(200)
            .set_body_raw(r#"{"data":["a","b"]}"#, "application/vnd.api+json"),
    )
    .await;
    let things = client.reports().list_things().await.unwrap();
    assert_eq!(things.data, Some(vec!["a".to_owned(), "b".to_owned()]));
}

#[tokio::test]
async fn a_call_without_a_response_body_accepts_json() {
    let (_server, client) =
        expecting("/ping", "application/json", ResponseTemplate::new(204)).await;
    client.reports().ping().await.unwrap();
}
