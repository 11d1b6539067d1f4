//! Header parameters of every type go out in their wire form.

use case_param_header_typed::models::ListJobsXMode;
use case_param_header_typed::Client;
use chrono::TimeZone;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn typed_headers_are_sent_in_their_wire_form() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/jobs"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let since = chrono::Utc
        .with_ymd_and_hms(2026, 11, 29, 10, 20, 30)
        .single()
        .unwrap();
    client
        .jobs()
        .list_jobs(25)
        .x_dry_run(false)
        .x_correlation_id("5f0c6c9e-8a53-4b8e-9d2b-2f3c5e0e8a11")
        .if_modified_since(since)
        .x_fields(vec!["id".to_owned(), "name".to_owned()])
        .x_mode(ListJobsXMode::Slow)
        .await
        .unwrap();

    let received = server.received_requests().await.unwrap();
    let header = |name: &str| {
        received[0]
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(header("X-Page-Size").as_deref(), Some("25"));
    assert_eq!(header("X-Dry-Run").as_deref(), Some("false"));
    assert_eq!(
        header("X-Correlation-Id").as_deref(),
        Some("5f0c6c9e-8a53-4b8e-9d2b-2f3c5e0e8a11")
    );
    assert_eq!(
        header("If-Modified-Since").as_deref(),
        Some("2026-11-29T10:20:30Z")
    );
    assert_eq!(header("X-Fields").as_deref(), Some("id,name"));
    assert_eq!(header("X-Mode").as_deref(), Some("slow"));
}

#[tokio::test]
async fn unset_optional_headers_are_not_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.jobs().list_jobs(1).await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[0].headers.get("X-Page-Size").unwrap(), "1");
    assert!(received[0].headers.get("X-Mode").is_none());
    assert!(received[0].headers.get("If-Modified-Since").is_none());
}
