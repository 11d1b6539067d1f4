//! Parameters that differ only by a comparison operator at the end of
//! their name each have a method that says which, and each is sent under
//! its own wire name; properties named so decode into their own fields.

use case_param_names_comparison_operators::models::{ListMessagesStatusNotEq, Range};
use case_param_names_comparison_operators::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_operator_parameter_is_sent_under_its_wire_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/messages"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(r#"{"count<": 5, "count>": 1}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let range: Range = client
        .default()
        .list_messages()
        .date_sent("2026-01-02")
        .date_sent_lt("2026-02-01")
        .date_sent_gt("2026-01-01")
        .price_gt_eq(2.5)
        .status_not_eq(ListMessagesStatusNotEq::Failed)
        .await
        .unwrap();
    assert_eq!(range.count_lt, Some(5));
    assert_eq!(range.count_gt, Some(1));

    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].url.query(),
        Some(
            "DateSent=2026-01-02&DateSent%3C=2026-02-01&DateSent%3E=2026-01-01\
             &price%3E%3D=2.5&status%21%3D=failed"
        )
    );
}
