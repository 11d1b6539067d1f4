//! `allOf` parts of one JSON type narrow each other: the field takes the
//! most specific part's type, and values go over the wire as that type.

use case_allof_narrowing::models::{Channel, Payment, Scope};
use case_allof_narrowing::Client;
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_field_takes_the_narrowest_part_and_round_trips() {
    let sent = json!({
        "user_id": "u-1",
        "scope": "ME_TO_ME",
        "amount": 250,
        "at": "2026-12-03T10:00:00Z",
        "channel": "sms"
    });
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/payments"))
        .and(body_json(&sent))
        .respond_with(ResponseTemplate::new(200).set_body_json(&sent))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let payment: Payment = serde_json::from_value(sent.clone()).unwrap();
    let back: Payment = client
        .payments()
        .create_payment(payment)
        .await
        .unwrap();
    let user_id: &str = &back.user_id;
    assert_eq!(user_id, "u-1");
    let scope: Option<Scope> = back.scope.clone();
    assert_eq!(scope, Some(Scope::MeToMe));
    let amount: i32 = back.amount;
    assert_eq!(amount, 250);
    assert!(back.at.is_some());
    // Two enums: the first part's, as the warning says.
    let channel: Option<Channel> = back.channel.clone();
    assert_eq!(channel, Some(Channel::Sms));
    assert_eq!(serde_json::to_value(&back).unwrap(), sent);
}

#[test]
fn a_fraction_is_no_int32_amount() {
    let error = serde_json::from_value::<Payment>(json!({"user_id": "u", "amount": 2.5}))
        .unwrap_err()
        .to_string();
    assert!(error.contains("amount") || error.contains("2.5"), "{error}");
}
