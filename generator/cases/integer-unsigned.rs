//! Unsigned formats are unsigned types: values beyond `i64::MAX` decode and
//! are sent exactly.

use case_integer_unsigned::models::Counter;
use case_integer_unsigned::Client;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn values_beyond_i64_go_out_and_come_back() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/counters"))
        .and(query_param("above", "18446744073709551615"))
        .and(query_param("small", "4294967295"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"value": 18446744073709551615, "step": 7}"#,
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let counter: Counter = client
        .counters()
        .get_counter(u64::MAX)
        .small(u32::MAX)
        .await
        .unwrap();
    assert_eq!(counter.value, u64::MAX);
    assert_eq!(counter.step, Some(7));
    assert_eq!(
        serde_json::to_value(&counter).unwrap(),
        json!({"value": u64::MAX, "step": 7})
    );
}
