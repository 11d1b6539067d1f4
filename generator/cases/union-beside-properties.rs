//! A schema with its own properties (or `allOf`) beside a `oneOf`/`anyOf`
//! decodes to the alternative the data has, with the common properties
//! and the alternative's both filled, and sends both back.

use case_union_beside_properties::models::{Contact, Event, Payment, PaymentIban, Pet};
use case_union_beside_properties::Client;
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn common_properties_and_the_alternatives_own_are_decoded() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets/d1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": "d1", "name": "Rex", "barks": true, "breed": "collie"}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/c1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "c1", "name": "Tom", "meows": false})),
        )
        .mount(&server)
        .await;
    match client.pets().get_pet("d1").await.unwrap() {
        Pet::Dog(dog) => {
            assert_eq!((dog.id.as_str(), dog.name.as_str()), ("d1", "Rex"));
            assert!(dog.barks);
            assert_eq!(dog.breed, "collie");
        }
        other => panic!("expected a dog, got {other:?}"),
    }
    match client.pets().get_pet("c1").await.unwrap() {
        Pet::Cat(cat) => {
            assert_eq!((cat.id.as_str(), cat.name.as_str()), ("c1", "Tom"));
            assert!(!cat.meows);
        }
        other => panic!("expected a cat, got {other:?}"),
    }
}

#[tokio::test]
async fn all_of_beside_one_of_is_chosen_by_a_discriminator_among_the_common_properties() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/events"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"at": "2026-11-29T10:20:30Z", "kind": "created", "by": "ann"},
            {"at": "2026-11-29T11:00:00Z", "kind": "deleted", "reason": "spam"}
        ])))
        .mount(&server)
        .await;
    let events = client.pets().list_events().await.unwrap();
    match &events[0] {
        Event::Created(e) => {
            assert_eq!(e.at.to_rfc3339(), "2026-11-29T10:20:30+00:00");
            assert_eq!(e.kind, "created");
            assert_eq!(e.by, "ann");
        }
        other => panic!("expected created, got {other:?}"),
    }
    match &events[1] {
        Event::Deleted(e) => {
            assert_eq!(e.at.to_rfc3339(), "2026-11-29T11:00:00+00:00");
            assert_eq!(e.reason.as_deref(), Some("spam"));
        }
        other => panic!("expected deleted, got {other:?}"),
    }
}

#[tokio::test]
async fn a_merged_alternative_is_sent_with_the_common_properties() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/payments"))
        .and(body_json(json!({"amount": 12, "iban": "DE00"})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let payment = Payment::Iban(PaymentIban::new(12, "DE00"));
    client.pets().create_payment(payment).await.unwrap();
    let decoded: Payment =
        serde_json::from_value(json!({"amount": 5, "cardNumber": "4111"})).unwrap();
    match decoded {
        Payment::Card(card) => {
            assert_eq!(card.amount, 5);
            assert_eq!(card.card_number, "4111");
        }
        other => panic!("expected a card, got {other:?}"),
    }
}

#[tokio::test]
async fn alternatives_that_only_require_common_properties_leave_the_object() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/contacts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"phone": "+1 555"})))
        .mount(&server)
        .await;
    let contact: Contact = client.pets().get_contact().await.unwrap();
    assert_eq!(contact.phone.as_deref(), Some("+1 555"));
    assert_eq!(contact.email, None);
}
