//! Integer schemas whose bounds are written beyond 64 bits are `i64`, and
//! carry every 64-bit value both ways.

use case_integer_bounds_beyond_64_bits::models::{Draw, DrawRequest};
use case_integer_bounds_beyond_64_bits::Client;
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_extreme_64_bit_values_are_sent_and_decoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/draws"))
        .and(query_param("limit", "9223372036854775807"))
        .and(body_json(json!({"seed": i64::MIN})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "seed": i64::MAX,
            "values": [i64::MIN, 0, i64::MAX],
            "count": 1000,
            "half": 1
        })))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let draw: Draw = client
        .draws()
        .create_draw(DrawRequest::new(i64::MIN))
        .limit(i64::MAX)
        .await
        .unwrap();
    assert_eq!(draw.seed, Some(i64::MAX));
    assert_eq!(draw.values, Some(vec![i64::MIN, 0, i64::MAX]));
    // Not `serde_json::Value`: float-written bounds are integer bounds.
    let count: Option<i64> = draw.count;
    assert_eq!(count, Some(1000));
    let half: Option<i64> = draw.half;
    assert_eq!(half, Some(1));
}
