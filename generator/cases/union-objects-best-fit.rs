//! Of a union's object alternatives, the one that names every property of
//! the data is chosen, rather than the first that would skip some.

use case_union_objects_best_fit::models::{ContactId, Payment};
use case_union_objects_best_fit::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_payment_decodes_as_the_alternative_that_names_its_properties() {
    let server = MockServer::start().await;
    let reply = json!([
        {"iban": "DE89", "reference": "rent"},
        {"card_number": "4242", "expiry": "12/30"},
        {"card_number": "4242", "reference": "gift"},
        {"card_number": "4242"},
        {"reference": "rent"},
        {"unknown": true}
    ]);
    Mock::given(method("GET"))
        .and(path("/payments"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&reply))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let payments = client.payments().list_payments().await.unwrap();

    let Payment::BankTransfer(bank) = &payments[0] else {
        panic!("{:?}", payments[0]);
    };
    assert_eq!(bank.iban.as_deref(), Some("DE89"));
    let Payment::Card(card) = &payments[1] else {
        panic!("{:?}", payments[1]);
    };
    assert_eq!(card.card_number.as_deref(), Some("4242"));
    assert_eq!(card.expiry.as_deref(), Some("12/30"));
    let Payment::CardWithReference(card) = &payments[2] else {
        panic!("{:?}", payments[2]);
    };
    assert_eq!(card.reference.as_deref(), Some("gift"));
    // Data that several alternatives name in full goes to the first.
    assert!(matches!(payments[3], Payment::Card(_)), "{:?}", payments[3]);
    assert!(
        matches!(payments[4], Payment::BankTransfer(_)),
        "{:?}",
        payments[4]
    );
    // Data that none names in full still decodes, as the first that takes it.
    assert!(
        matches!(payments[5], Payment::BankTransfer(_)),
        "{:?}",
        payments[5]
    );
    // Each round-trips to what came.
    assert_eq!(serde_json::to_value(&payments[1]).unwrap(), reply[1]);
    assert_eq!(serde_json::to_value(&payments[2]).unwrap(), reply[2]);
}

#[test]
fn strings_of_two_formats_are_named_by_their_format() {
    let email = ContactId::Email("ada@example.test".into());
    let uuid = ContactId::Uuid("8d3e7a52-8d43-4f5a-9a53-4d0c5c0b1a11".into());
    assert_eq!(serde_json::to_value(&email).unwrap(), json!("ada@example.test"));
    assert_eq!(
        serde_json::to_value(&uuid).unwrap(),
        json!("8d3e7a52-8d43-4f5a-9a53-4d0c5c0b1a11")
    );
}
